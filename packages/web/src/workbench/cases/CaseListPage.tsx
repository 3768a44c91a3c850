import { Link, useSearchParams } from 'react-router-dom';
import { Card, Flex, Select, Table, Tabs, Typography } from 'antd';
import { CASE_STATUS_LABELS, type CaseStatus } from '@onewindow/domain';
import { CaseStatusTag, ClockTag } from '../../cases/CaseTags.tsx';
import { workdaysLeft } from '../../cases/clock.ts';
import type { WorklistRow } from '../../cases/types.ts';
import { useCaseText } from '../../cases/useCaseText.ts';
import { useWorkingCalendar } from '../../cases/useWorkingCalendar.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useStaffMe } from '../../shared/guards.tsx';
import { LoadError } from '../../shared/LoadError.tsx';
import { LoadMore } from '../../shared/LoadMore.tsx';
import { useCursorList } from '../../shared/useApi.ts';
import { useRoleLabel } from '../roleLabel.ts';
import { useCaseAdminText } from './text.ts';
import { boxesFor, defaultBox, isBox } from './worklist.ts';
import { FilterSearch } from '../../shared/FilterSearch.tsx';

const PAGE_SIZE = 20;
const NOWRAP = { whiteSpace: 'nowrap' } as const;
const STATUSES = Object.keys(CASE_STATUS_LABELS) as CaseStatus[];

/** 办件: the worklist boxes, searched by number or applicant, filtered by status, most urgent first. */
export default function CaseListPage() {
  const { t } = useCaseAdminText();
  const { t: tc, status: statusLabel } = useCaseText();
  const { t: tApp, formatDate, formatDateTime } = useI18n();
  const roleLabel = useRoleLabel();
  const me = useStaffMe();
  const roles = me.roles.map((assignment) => assignment.role);
  const boxes = boxesFor(roles);
  const [params, setParams] = useSearchParams();
  const requested = params.get('box');
  const box = isBox(requested) && boxes.includes(requested) ? requested : defaultBox(roles);
  const filters = {
    q: params.get('q') ?? undefined,
    status: params.get('status') ?? undefined,
    sort: params.get('sort') === 'applied' ? 'applied' : 'due',
  };

  const list = useCursorList<WorklistRow>('/api/cases', { box, ...filters, limit: PAGE_SIZE });
  const calendar = useWorkingCalendar(list.items.map((row) => row.dueDate));

  function update(changes: Partial<Record<'box' | 'q' | 'status' | 'sort', string | undefined>>) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next, { replace: true });
  }

  return (
    <Card title={tApp('nav.cases')}>
      <Tabs
        activeKey={box}
        onChange={(key) => update({ box: key })}
        items={boxes.map((key) => ({ key, label: t(`box.${key}`) }))}
      />
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <FilterSearch value={filters.q} placeholder={t('list.searchPlaceholder')} onSearch={(q) => update({ q })} />
        <Select
          allowClear
          placeholder={t('list.allStatuses')}
          aria-label={tc('field.status')}
          style={{ width: 160 }}
          value={filters.status}
          onChange={(value: string | undefined) => update({ status: value })}
          options={STATUSES.map((code) => ({ value: code, label: statusLabel(code) }))}
        />
        <Select
          aria-label={t('list.sort')}
          style={{ width: 180 }}
          value={filters.sort}
          onChange={(value: string) => update({ sort: value === 'applied' ? 'applied' : undefined })}
          options={[
            { value: 'due', label: t('list.sortDue') },
            { value: 'applied', label: t('list.sortApplied') },
          ]}
        />
      </Flex>
      <LoadError error={list.error} onRetry={list.reload} />
      <Table<WorklistRow>
        rowKey="id"
        size="middle"
        loading={list.loading && list.items.length === 0}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="case-list"
        columns={[
          {
            title: tc('field.number'),
            dataIndex: 'number',
            render: (number: string, row) => (
              <Link to={`/workbench/cases/${row.id}`} style={NOWRAP}>
                {number}
              </Link>
            ),
          },
          { title: tc('field.item'), dataIndex: 'itemName' },
          {
            title: tc('field.applicant'),
            key: 'applicant',
            render: (_value, row) => (
              <Flex vertical>
                <span>{row.applicantName}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.applicantIdNumber}
                </Typography.Text>
              </Flex>
            ),
          },
          { title: tc('field.status'), dataIndex: 'status', render: (status: CaseStatus) => <CaseStatusTag status={status} /> },
          { title: t('list.waitingFor'), dataIndex: 'pendingRole', render: (role: string | null) => (role ? roleLabel(role) : '—') },
          { title: tc('field.appliedAt'), dataIndex: 'appliedAt', render: (at: string) => <span style={NOWRAP}>{formatDateTime(at)}</span> },
          {
            title: tc('field.dueDate'),
            dataIndex: 'dueDate',
            render: (date: string | null, row) => (
              <Flex vertical align="start" gap={4} style={NOWRAP}>
                <span>{date ? formatDate(date) : '—'}</span>
                <ClockTag clock={row.clock} remaining={date ? workdaysLeft(calendar, date) : null} />
              </Flex>
            ),
          },
          {
            title: tApp('common.actions'),
            key: 'open',
            // 办理 where the case waits for this user (待办); elsewhere (已办, 全部 …) the case file is there to read.
            render: (_value, row) => <Link to={`/workbench/cases/${row.id}`}>{t(box === 'todo' ? 'list.open' : 'list.view')}</Link>,
          },
        ]}
      />
      <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.loadMore} />
    </Card>
  );
}
