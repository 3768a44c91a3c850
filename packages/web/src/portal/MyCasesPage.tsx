import { Link } from 'react-router-dom';
import { Empty, Flex, Skeleton, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { CaseStatusTag } from '../cases/CaseTags.tsx';
import type { MyCaseRow } from '../cases/types.ts';
import { useCaseText } from '../cases/useCaseText.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { LoadMore } from '../shared/LoadMore.tsx';
import { useCursorList } from '../shared/useApi.ts';
import { ApplicantLayout } from './ApplicantLayout.tsx';
import { usePortalText } from './portalText.ts';
import './portal.css';

/** Where a case opens: a draft continues in the application, anything else shows its file. */
function openPath(row: MyCaseRow): string {
  if (row.status === 'draft') return `/portal/apply/${encodeURIComponent(row.itemCode)}?case=${encodeURIComponent(row.id)}`;
  return `/portal/cases/${encodeURIComponent(row.id)}`;
}

const NO_QUERY = {};

/** /portal/cases — 我的办件: the applicant's cases, newest first, each with its status and due date. */
export default function MyCasesPage() {
  const { t } = useCaseText();
  const tPortal = usePortalText();
  const { formatDate, formatDateTime } = useI18n();
  const cases = useCursorList<MyCaseRow>('/api/my/cases', NO_QUERY);
  const rows = cases.items;

  return (
    <ApplicantLayout>
      <Flex vertical gap={16} style={{ maxWidth: 1080, margin: '0 auto' }}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            {t('my.title')}
          </Typography.Title>
          <Link to="/search">
            <SearchOutlined aria-hidden /> {tPortal('my.newApplication')}
          </Link>
        </Flex>
        <LoadError error={cases.error} onRetry={cases.reload} />
        {cases.loading && rows.length === 0 && <Skeleton active paragraph={{ rows: 6 }} />}
        {!cases.loading && !cases.error && rows.length === 0 && <Empty description={t('my.empty')} />}
        {rows.length > 0 && (
          <ul className="my-cases" data-testid="my-cases">
            {rows.map((row) => (
              <li key={row.id} className="portal-panel is-hoverable my-case" data-testid="my-case-row" data-status={row.status}>
                <Flex justify="space-between" align="flex-start" gap={8} wrap>
                  <Link to={openPath(row)} className="my-case-title">
                    {row.itemName}
                  </Link>
                  <CaseStatusTag status={row.status} />
                </Flex>
                <dl className="my-case-facts">
                  <div>
                    <dt>{t('field.number')}</dt>
                    <dd data-testid="my-case-number">{row.number}</dd>
                  </div>
                  <div>
                    <dt>{t('field.appliedAt')}</dt>
                    <dd>{formatDateTime(row.appliedAt)}</dd>
                  </div>
                  <div>
                    <dt>{t('field.dueDate')}</dt>
                    <dd>{row.dueDate ? formatDate(row.dueDate) : '—'}</dd>
                  </div>
                </dl>
                <Link to={openPath(row)} aria-label={`${row.status === 'draft' ? tPortal('my.continue') : t('my.open')}：${row.itemName}`}>
                  {row.status === 'draft' ? tPortal('my.continue') : t('my.open')} →
                </Link>
              </li>
            ))}
          </ul>
        )}
        <LoadMore hasMore={cases.hasMore} loading={cases.loading} onClick={cases.loadMore} />
      </Flex>
    </ApplicantLayout>
  );
}
