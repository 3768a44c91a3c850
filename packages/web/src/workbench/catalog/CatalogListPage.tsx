import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Flex, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useRegions } from '../../admin/regions/useRegions.ts';
import { RegionTreeSelect } from '../../admin/regions/RegionTreeSelect.tsx';
import type { ImplementationPage, ImplementationRow } from '../../catalog/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useStaffMe } from '../../shared/guards.tsx';
import { LoadError } from '../../shared/LoadError.tsx';
import type { Department, ItemList, ServiceDomain } from '../../shared/types.ts';
import { useApi } from '../../shared/useApi.ts';
import { ExcelActions } from './ExcelActions.tsx';
import { NewItemDialog } from './NewItemDialog.tsx';
import { StatusTags } from './StatusTags.tsx';
import { isCatalogAdmin, useCatalogAdminText } from './text.ts';
import { FilterSearch } from '../../shared/FilterSearch.tsx';

const PAGE_SIZE = 20;
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** 事项管理: every implementation with the state of its latest version; 事项管理员 create, import and export here. */
export default function CatalogListPage() {
  const { t } = useCatalogAdminText();
  const { t: tApp, formatDateTime } = useI18n();
  const me = useStaffMe();
  const canEdit = isCatalogAdmin(me);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const filters = {
    q: params.get('q') ?? undefined,
    regionCode: params.get('regionCode') ?? undefined,
    domain: params.get('domain') ?? undefined,
    status: params.get('status') ?? undefined,
  };
  const page = Math.max(1, Number(params.get('page')) || 1);

  const list = useApi<ImplementationPage>('/api/catalog/implementations', { ...filters, page, pageSize: PAGE_SIZE });
  const regions = useRegions();
  const domains = useApi<ItemList<ServiceDomain>>('/api/org/service-domains');
  const departments = useApi<ItemList<Department>>('/api/org/departments');
  const domainName = new Map((domains.data?.items ?? []).map((domain) => [domain.code, domain.name]));

  function update(changes: Partial<Record<keyof typeof filters | 'page', string | undefined>>) {
    const next = new URLSearchParams(params);
    if (!('page' in changes)) next.delete('page');
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next, { replace: true });
  }

  return (
    <Card
      title={tApp('nav.catalog')}
      extra={
        <Space wrap>
          <ExcelActions canImport={canEdit} regionCode={filters.regionCode} status={filters.status} onImported={list.reload} />
          {canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="catalog-new">
              {t('list.new')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <FilterSearch value={filters.q} placeholder={t('list.searchPlaceholder')} onSearch={(q) => update({ q })} />
        <RegionTreeSelect
          options={regions.options}
          value={filters.regionCode}
          onChange={(value) => update({ regionCode: value })}
          allowClear
          style={{ width: 220 }}
        />
        <Select
          allowClear
          placeholder={t('list.allDomains')}
          aria-label={t('field.domain')}
          style={{ width: 160 }}
          value={filters.domain}
          onChange={(value: string | undefined) => update({ domain: value })}
          options={(domains.data?.items ?? []).map((domain) => ({ value: domain.code, label: domain.name }))}
        />
        <Select
          allowClear
          placeholder={t('list.allStatuses')}
          aria-label={t('list.itemStatus')}
          style={{ width: 140 }}
          value={filters.status}
          onChange={(value: string | undefined) => update({ status: value })}
          options={[
            { value: 'active', label: t('status.active') },
            { value: 'withdrawn', label: t('status.withdrawn') },
          ]}
        />
      </Flex>
      <LoadError error={list.error} onRetry={list.reload} />
      <Table<ImplementationRow>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('list.total', { total }),
          onChange: (next) => update({ page: next > 1 ? String(next) : undefined }),
        }}
        columns={[
          {
            title: t('field.name'),
            dataIndex: 'name',
            render: (name: string, row) => <Link to={`/workbench/catalog/${row.id}`}>{name}</Link>,
          },
          { title: t('field.code'), dataIndex: 'code', render: (code: string) => <Typography.Text code style={NOWRAP}>{code}</Typography.Text> },
          { title: tApp('field.region'), dataIndex: 'regionName', render: (name: string) => <span style={NOWRAP}>{name}</span> },
          { title: tApp('field.department'), dataIndex: 'departmentName' },
          {
            title: t('field.domain'),
            dataIndex: 'domainCode',
            render: (code: string | null) => <span style={NOWRAP}>{code ? (domainName.get(code) ?? code) : '—'}</span>,
          },
          { title: t('list.version'), dataIndex: 'latestVersion', render: (version: number) => t('list.versionNumber', { version }) },
          {
            title: tApp('field.status'),
            key: 'status',
            render: (_value, row) => (
              <span style={NOWRAP}>
                <StatusTags itemStatus={row.status} versionStatus={row.latestStatus} />
              </span>
            ),
          },
          { title: t('list.updatedAt'), dataIndex: 'updatedAt', render: (at: string) => <span style={NOWRAP}>{formatDateTime(at)}</span> },
          {
            title: tApp('common.actions'),
            key: 'actions',
            render: (_value, row) => (
              <Button type="link" size="small" onClick={() => navigate(`/workbench/catalog/${row.id}`)}>
                {canEdit && row.latestStatus === 'draft' ? tApp('common.edit') : t('list.open')}
              </Button>
            ),
          },
        ]}
      />
      {creating && (
        <NewItemDialog
          regionOptions={regions.options}
          departments={departments.data?.items ?? []}
          domains={domains.data?.items ?? []}
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate(`/workbench/catalog/${id}`)}
        />
      )}
      {!canEdit && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('list.readOnly')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

