import { Card, Table, Tag } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isMessageKey } from '../../i18n/messages.ts';
import { LoadError } from '../../shared/LoadError.tsx';
import { LoadMore } from '../../shared/LoadMore.tsx';
import type { SmsMessage } from '../../shared/types.ts';
import { useCursorList } from '../../shared/useApi.ts';

const STATUS_COLORS: Record<string, string> = { sent: 'green', pending: 'blue', failed: 'red' };
const NO_FILTER = {};

/** 短信发件箱: what the platform has sent (or would send) by SMS, newest first, phone numbers masked. */
export default function SmsOutboxPage() {
  const { t, formatDateTime } = useI18n();
  const outbox = useCursorList<SmsMessage>('/api/admin/sms-outbox', NO_FILTER);
  const known = (prefix: 'sms.status' | 'sms.purpose', value: string) => {
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? t(key) : value;
  };

  return (
    <Card title={t('nav.smsOutbox')}>
      <LoadError error={outbox.error} onRetry={outbox.reload} />
      <Table<SmsMessage>
        rowKey="id"
        dataSource={outbox.items}
        loading={outbox.loading}
        pagination={false}
        columns={[
          { title: t('field.time'), dataIndex: 'createdAt', width: 190, render: (at: string) => formatDateTime(at) },
          { title: t('field.mobile'), dataIndex: 'phoneMasked', width: 140 },
          { title: t('sms.text'), dataIndex: 'text' },
          { title: t('sms.purpose'), dataIndex: 'purpose', width: 110, render: (purpose: string) => known('sms.purpose', purpose) },
          {
            title: t('sms.status'),
            dataIndex: 'status',
            width: 110,
            render: (status: string) => <Tag color={STATUS_COLORS[status]}>{known('sms.status', status)}</Tag>,
          },
        ]}
      />
      <LoadMore hasMore={outbox.hasMore} loading={outbox.loading} onClick={outbox.loadMore} />
    </Card>
  );
}
