import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Badge, Button, Popover } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useProblemHandler } from '../shared/errors.ts';
import { InboxList } from '../shared/InboxList.tsx';
import type { InboxMessage } from '../shared/types.ts';
import { useInbox } from '../shared/useInbox.ts';

const SHOWN = 20;

/** The header's bell: unread messages (deadline warnings …); opening one marks it read and opens its case. */
export function InboxBell() {
  const { t } = useI18n();
  const inbox = useInbox();
  const navigate = useNavigate();
  const handleProblem = useProblemHandler();
  const [open, setOpen] = useState(false);
  const unread = inbox.data?.unread ?? 0;

  async function openMessage(message: InboxMessage) {
    setOpen(false);
    try {
      await inbox.markRead(message);
    } catch (error) {
      handleProblem(error);
    }
    if (message.caseId) navigate(`/workbench/cases/${message.caseId}`);
  }

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('inbox.title')}
      content={
        <div style={{ width: 360, maxHeight: 420, overflowY: 'auto' }}>
          <InboxList items={(inbox.data?.items ?? []).slice(0, SHOWN)} onOpen={(message) => void openMessage(message)} />
        </div>
      }
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) inbox.reload();
      }}
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined />} aria-label={t('inbox.open', { count: unread })} data-testid="inbox-bell" />
      </Badge>
    </Popover>
  );
}
