import { Link } from 'react-router-dom';
import { Card, Table } from 'antd';
import type { CaseStatus } from '@onewindow/domain';
import { CaseStatusTag } from '../cases/CaseTags.tsx';
import type { MyCaseRow } from '../cases/types.ts';
import { useCaseText } from '../cases/useCaseText.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import type { ItemList } from '../shared/types.ts';
import { useApi } from '../shared/useApi.ts';
import { ApplicantLayout } from './ApplicantLayout.tsx';

/** /portal/cases — 我的办件: the applicant's cases, newest first. */
export default function MyCasesPage() {
  const { t } = useCaseText();
  const { formatDate, formatDateTime } = useI18n();
  const cases = useApi<ItemList<MyCaseRow>>('/api/my/cases');

  return (
    <ApplicantLayout>
      <Card title={t('my.title')} style={{ maxWidth: 1080, margin: '0 auto' }}>
        <LoadError error={cases.error} onRetry={cases.reload} />
        <Table<MyCaseRow>
          rowKey="id"
          loading={cases.loading}
          dataSource={cases.data?.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('my.empty') }}
          data-testid="my-cases"
          columns={[
            { title: t('field.number'), dataIndex: 'number', render: (number: string, row) => <Link to={`/portal/cases/${row.id}`}>{number}</Link> },
            { title: t('field.item'), dataIndex: 'itemName' },
            { title: t('field.status'), dataIndex: 'status', render: (status: CaseStatus) => <CaseStatusTag status={status} /> },
            { title: t('field.appliedAt'), dataIndex: 'appliedAt', render: (at: string) => formatDateTime(at) },
            { title: t('field.dueDate'), dataIndex: 'dueDate', render: (date: string | null) => (date ? formatDate(date) : '—') },
            { title: '', key: 'open', render: (_value, row) => <Link to={`/portal/cases/${row.id}`}>{t('my.open')}</Link> },
          ]}
        />
      </Card>
    </ApplicantLayout>
  );
}
