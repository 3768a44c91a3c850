import { Badge, Flex, Typography } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { InboxMessage } from './types.ts';
import './inbox.css';

interface Props {
  items: InboxMessage[];
  onOpen: (message: InboxMessage) => void;
  /** Lines of each message's text shown before it is cut short. */
  rows?: number;
}

/** Messages newest first, unread ones marked; a click opens one (marks it read, goes to its case). */
export function InboxList({ items, onOpen, rows = 2 }: Props) {
  const { t, formatDateTime } = useI18n();
  if (items.length === 0) return <Typography.Text type="secondary">{t('inbox.empty')}</Typography.Text>;
  return (
    <div data-testid="inbox-list">
      {items.map((message) => (
        <button key={message.id} type="button" className="inbox-item" onClick={() => onOpen(message)} data-testid="inbox-item">
          <Flex justify="space-between" gap={8}>
            <Typography.Text strong={!message.readAt}>
              {!message.readAt && <Badge status="processing" aria-label={t('inbox.unread')} style={{ marginInlineEnd: 6 }} />}
              {message.title}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {formatDateTime(message.createdAt)}
            </Typography.Text>
          </Flex>
          <Typography.Paragraph type="secondary" ellipsis={{ rows }} style={{ margin: 0, fontSize: 13 }}>
            {message.body}
          </Typography.Paragraph>
        </button>
      ))}
    </div>
  );
}
