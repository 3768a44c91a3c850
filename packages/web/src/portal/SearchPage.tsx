import { useEffect, useMemo, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Empty, Flex, Pagination, Radio, Select, Spin, Tag, TreeSelect, Typography } from 'antd';
import { COMPANY_THEMES, ONLINE_DEPTHS, PERSON_THEMES } from '@onewindow/domain';
import { buildRegionTree, toTreeSelectOptions } from '../admin/regions/regionTree.ts';
import type { SearchHit, SearchResults } from '../catalog/types.ts';
import { useCatalogText } from '../catalog/useCatalogText.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { PublicLayout } from '../shared/PublicLayout.tsx';
import type { Department, ItemList, Region, ServiceDomain } from '../shared/types.ts';
import { useApi } from '../shared/useApi.ts';
import { SearchBox } from './SearchBox.tsx';
import './portal.css';

const PAGE_SIZE = 10;
const FILTERS = ['region', 'department', 'domain', 'serviceObject', 'theme', 'depth'] as const;
type Filter = (typeof FILTERS)[number];

/** 服务对象 as the portal offers it: 个人 searches 自然人 items, 法人 searches 企业法人 items. */
const SERVICE_OBJECT_CHOICES = [
  { value: '1', label: 'search.person' },
  { value: '2', label: 'search.company' },
] as const;

/** /search?q=…: published items matching the words, narrowed by region, domain, applicant, theme and online level. */
export default function SearchPage() {
  const { t: tApp } = useI18n();
  const { t, code } = useCatalogText();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? undefined])) as Record<Filter, string | undefined>;

  const results = useApi<SearchResults>('/api/catalog/search', { q, ...filters, page, pageSize: PAGE_SIZE });
  const regions = useApi<ItemList<Region>>('/api/org/regions');
  const domains = useApi<ItemList<ServiceDomain>>('/api/org/service-domains');
  const departments = useApi<ItemList<Department>>('/api/org/departments');
  const regionOptions = useMemo(() => toTreeSelectOptions(buildRegionTree(regions.data?.items ?? [])), [regions.data]);
  const domainName = useMemo(() => new Map((domains.data?.items ?? []).map((domain) => [domain.code, domain.name])), [domains.data]);

  useEffect(() => {
    document.title = `${q || t('search.title')} - ${tApp('app.name')}`;
  }, [q, t, tApp]);

  /** Any change of the query or a filter starts again at page 1. */
  function update(changes: Partial<Record<Filter | 'q' | 'page', string | undefined>>) {
    const next = new URLSearchParams(params);
    if (!('page' in changes)) next.delete('page');
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next);
  }

  function changePage(nextPage: number) {
    update({ page: nextPage > 1 ? String(nextPage) : undefined });
    window.scrollTo({ top: 0 });
  }

  const themeGroups = [
    { title: t('search.personThemes'), codes: PERSON_THEMES.codes, show: filters.serviceObject !== '2' },
    { title: t('search.companyThemes'), codes: COMPANY_THEMES.codes, show: filters.serviceObject !== '1' },
  ].filter((group) => group.show);
  const anyFilter = FILTERS.some((name) => filters[name]);
  const data = results.data;

  return (
    <PublicLayout>
      <Flex vertical gap={16} style={{ maxWidth: 1080, margin: '0 auto' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('search.title')}
        </Typography.Title>
        <div role="search">
          <SearchBox key={q} initial={q} onSearch={(query) => update({ q: query })} />
        </div>

        <section className="portal-panel" aria-label={t('search.filters')}>
          <Flex vertical gap={12}>
            <Flex wrap gap={16}>
              <FilterLabel label={t('search.region')}>
                <TreeSelect
                  aria-label={t('search.region')}
                  style={{ width: 220 }}
                  treeData={regionOptions}
                  value={filters.region}
                  onChange={(value: string | undefined) => update({ region: value })}
                  placeholder={t('search.allRegions')}
                  allowClear
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  popupMatchSelectWidth={false}
                />
              </FilterLabel>
              <FilterLabel label={t('search.department')}>
                <Select
                  aria-label={t('search.department')}
                  style={{ width: 260 }}
                  value={filters.department}
                  onChange={(value: string | undefined) => update({ department: value })}
                  placeholder={t('search.allDepartments')}
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  popupMatchSelectWidth={false}
                  data-testid="filter-department"
                  options={(departments.data?.items ?? []).map((department) => ({ value: department.id, label: `${department.name}（${department.regionName}）` }))}
                />
              </FilterLabel>
              <FilterLabel label={t('search.domain')}>
                <Select
                  aria-label={t('search.domain')}
                  style={{ width: 180 }}
                  value={filters.domain}
                  onChange={(value: string | undefined) => update({ domain: value })}
                  placeholder={t('search.allDomains')}
                  allowClear
                  options={(domains.data?.items ?? []).filter((domain) => domain.active).map((domain) => ({ value: domain.code, label: domain.name }))}
                />
              </FilterLabel>
              <FilterLabel label={t('search.depth')}>
                <Select
                  aria-label={t('search.depth')}
                  style={{ width: 260 }}
                  value={filters.depth}
                  onChange={(value: string | undefined) => update({ depth: value })}
                  placeholder={t('search.all')}
                  allowClear
                  popupMatchSelectWidth={false}
                  options={ONLINE_DEPTHS.codes.map((depth) => ({ value: depth, label: code('onlineDepth', depth) }))}
                />
              </FilterLabel>
            </Flex>
            <FilterLabel label={t('search.serviceObject')}>
              <Radio.Group
                optionType="button"
                value={filters.serviceObject ?? ''}
                onChange={(event) => update({ serviceObject: event.target.value as string, theme: undefined })}
                options={[
                  { value: '', label: t('search.all') },
                  ...SERVICE_OBJECT_CHOICES.map((choice) => ({ value: choice.value, label: t(choice.label) })),
                ]}
              />
            </FilterLabel>
            {themeGroups.map((group) => (
              <FilterLabel key={group.title} label={group.title}>
                <Flex wrap gap={4}>
                  {group.codes.map((theme) => (
                    <Tag.CheckableTag
                      key={theme}
                      checked={filters.theme === theme}
                      onChange={(checked) => update({ theme: checked ? theme : undefined })}
                    >
                      {code('theme', theme)}
                    </Tag.CheckableTag>
                  ))}
                </Flex>
              </FilterLabel>
            ))}
            {anyFilter && (
              <Button type="link" size="small" style={{ alignSelf: 'flex-start', paddingInline: 0 }} onClick={() => update(Object.fromEntries(FILTERS.map((name) => [name, undefined])))}>
                {t('search.clearFilters')}
              </Button>
            )}
          </Flex>
        </section>

        <LoadError error={results.error} onRetry={results.reload} />
        <Spin spinning={results.loading}>
          {data && (
            <Flex vertical gap={12}>
              <Typography.Text type="secondary" aria-live="polite">
                {t('search.total', { total: data.total })}
              </Typography.Text>
              {data.items.length === 0 ? (
                <Empty description={t('search.empty')} />
              ) : (
                data.items.map((hit) => <ResultCard key={hit.code} hit={hit} domainName={domainName.get(hit.domain)} />)
              )}
              {data.total > PAGE_SIZE && (
                <Pagination
                  align="center"
                  current={page}
                  pageSize={PAGE_SIZE}
                  total={data.total}
                  showSizeChanger={false}
                  onChange={changePage}
                />
              )}
            </Flex>
          )}
        </Spin>
      </Flex>
    </PublicLayout>
  );
}

function FilterLabel({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex gap={8} align="baseline" wrap={false} className="filter-label">
      <Typography.Text type="secondary" style={{ minWidth: 64, whiteSpace: 'nowrap' }}>
        {label}
      </Typography.Text>
      {children}
    </Flex>
  );
}

function ResultCard({ hit, domainName }: { hit: SearchHit; domainName: string | undefined }) {
  const { t, code } = useCatalogText();
  return (
    <article className="portal-panel is-hoverable">
      <Flex vertical gap={6}>
        <Link to={`/guide/${encodeURIComponent(hit.code)}`} data-testid="search-result" style={{ fontSize: 17, fontWeight: 500 }}>
          {hit.name}
        </Link>
        <Flex wrap gap={8} align="center">
          <Tag color={hit.caseType === '1' ? 'green' : 'blue'}>{code('caseType', hit.caseType)}</Tag>
          {hit.onlineDepth === 'IV' && <Tag color="cyan">{t('guide.fullyOnline')}</Tag>}
          {hit.onlineDepth === 'III' && <Tag color="blue">{t('guide.appliedOnline')}</Tag>}
          <Typography.Text type="secondary">
            {hit.department} · {hit.region}
            {domainName ? ` · ${domainName}` : ''} · {code('itemType', hit.itemType)}
          </Typography.Text>
        </Flex>
      </Flex>
    </article>
  );
}
