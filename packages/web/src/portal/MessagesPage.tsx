import { useNavigate } from 'react-router-dom';
import { Card, Skeleton } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useProblemHandler } from '../shared/errors.ts';
import { InboxList } from '../shared/InboxList.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import type { InboxMessage } from '../shared/types.ts';
import { useInbox } from '../shared/useInbox.ts';
import { ApplicantLayout } from './ApplicantLayout.tsx';

/** /portal/messages — what the applicant was told about their cases (受理、补正、决定 …); one opens its case. */
export default function MessagesPage() {
  const { t } = useI18n();
  const inbox = useInbox();
  const navigate = useNavigate();
  const handleProblem = useProblemHandler();

  async function open(message: InboxMessage) {
    try {
      await inbox.markRead(message);
    } catch (error) {
      handleProblem(error);
    }
    if (message.caseId) navigate(`/portal/cases/${message.caseId}`);
  }

  return (
    <ApplicantLayout inbox={inbox.data}>
      <Card title={t('portal.messages')} style={{ maxWidth: 880, margin: '0 auto' }}>
        <LoadError error={inbox.error} onRetry={inbox.reload} />
        {inbox.data ? <InboxList items={inbox.data.items} rows={4} onOpen={(message) => void open(message)} /> : !inbox.error && <Skeleton active />}
      </Card>
    </ApplicantLayout>
  );
}
