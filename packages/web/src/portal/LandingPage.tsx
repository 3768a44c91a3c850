import { Link, useNavigate } from 'react-router-dom';
import { Button, Col, Flex, Row, Typography } from 'antd';
import { FileSearchOutlined, IdcardOutlined, SolutionOutlined, UserAddOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { COMPANY_THEMES, PERSON_THEMES } from '@onewindow/domain';
import { themeMessages } from '../catalog/themes.ts';
import { useI18n, useMessages } from '../i18n/I18nProvider.tsx';
import { useElderMode } from '../shared/elderMode.tsx';
import { PublicLayout } from '../shared/PublicLayout.tsx';
import { useSession } from '../shared/session.tsx';
import type { Department, ItemList, Region } from '../shared/types.ts';
import { useApi } from '../shared/useApi.ts';
import { SearchBox, searchPath } from './SearchBox.tsx';
import './portal.css';

/** Searches people make most, offered under the box as one-click examples. */
const POPULAR_QUERIES = ['营业执照', '医保', '社保', '公积金', '身份证', '不动产'];

/** 服务对象 codes the search filters by: 1 自然人; 2 企业法人 (the company themes). */
const PERSON = '1';
const COMPANY = '2';

function filterPath(filters: Record<string, string>): string {
  return `/search?${new URLSearchParams(filters).toString()}`;
}

export default function LandingPage() {
  const { t } = useI18n();
  const { state } = useSession();
  const { elder } = useElderMode();
  const me = state.status === 'signedIn' ? state.me : null;
  const navigate = useNavigate();

  return (
    <PublicLayout>
      <Flex vertical align="center" gap={32} style={{ maxWidth: 1080, margin: '0 auto' }}>
        <Flex vertical align="center" style={{ textAlign: 'center' }}>
          <Typography.Title level={1} style={{ marginBottom: 8 }}>
            {t('landing.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('landing.subtitle')}</Typography.Text>
        </Flex>
        <Flex vertical gap={12} style={{ width: '100%', maxWidth: 720 }} role="search">
          <SearchBox onSearch={(query) => navigate(searchPath(query))} />
          <Flex wrap gap={12} align="center">
            <Typography.Text type="secondary">{t('landing.popular')}</Typography.Text>
            {POPULAR_QUERIES.map((query) => (
              <Link key={query} to={searchPath(query)}>
                {query}
              </Link>
            ))}
          </Flex>
        </Flex>
        {me && (
          <Button type="primary" size="large" onClick={() => navigate(me.kind === 'staff' ? '/workbench' : '/portal')}>
            {t(me.kind === 'staff' ? 'landing.continueStaff' : 'landing.continueApplicant', { name: me.name })}
          </Button>
        )}
        <Row gutter={[24, 24]} style={{ width: '100%' }}>
          <Col xs={24} md={12}>
            <ThemePanel
              title={t('landing.personThemes')}
              codes={PERSON_THEMES.codes}
              serviceObject={PERSON}
              more={t('landing.morePerson')}
              testId="themes-person"
            />
          </Col>
          <Col xs={24} md={12}>
            <ThemePanel
              title={t('landing.companyThemes')}
              codes={COMPANY_THEMES.codes}
              serviceObject={COMPANY}
              more={t('landing.moreCompany')}
              testId="themes-company"
            />
          </Col>
          {!elder && (
            <>
              <Col xs={24} md={12}>
                <DepartmentPanel />
              </Col>
              <Col xs={24} md={12}>
                <RegionPanel />
              </Col>
            </>
          )}
        </Row>
        <Row gutter={[24, 24]} style={{ width: '100%' }}>
          <Entrance
            icon={<IdcardOutlined />}
            title={t('landing.applicantLogin')}
            text={t('landing.applicantLoginText')}
            to="/login?tab=applicant"
          />
          {!elder && (
            <Entrance
              icon={<SolutionOutlined />}
              title={t('landing.staffLogin')}
              text={t('landing.staffLoginText')}
              to="/login?tab=staff"
            />
          )}
          <Entrance icon={<UserAddOutlined />} title={t('landing.register')} text={t('landing.registerText')} to="/register" />
          <Entrance icon={<FileSearchOutlined />} title={t('landing.track')} text={t('landing.trackText')} to="/track" />
        </Row>
      </Flex>
    </PublicLayout>
  );
}

interface ThemePanelProps {
  title: string;
  codes: readonly string[];
  serviceObject: string;
  more: string;
  testId: string;
}

/** 主题服务: one tile per theme, opening the search narrowed to it. */
function ThemePanel({ title, codes, serviceObject, more, testId }: ThemePanelProps) {
  const theme = useMessages(themeMessages);
  const headingId = `${testId}-title`;
  return (
    <section className="portal-panel landing-section" aria-labelledby={headingId} data-testid={testId}>
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Typography.Title level={2} id={headingId} className="landing-section-title">
          {title}
        </Typography.Title>
        <Link to={filterPath({ serviceObject })}>{more}</Link>
      </Flex>
      <ul className="theme-grid">
        {codes.map((code) => (
          <li key={code}>
            <Link className="theme-tile" to={filterPath({ serviceObject, theme: code })} data-testid="theme-link">
              {theme(`theme.${code}` as Parameters<typeof theme>[0])}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** 按部门: the departments that publish items, by region, each opening its items. */
function DepartmentPanel() {
  const { t } = useI18n();
  const departments = useApi<ItemList<Department>>('/api/org/departments');
  const byRegion = new Map<string, Department[]>();
  for (const department of departments.data?.items ?? []) {
    byRegion.set(department.regionName, [...(byRegion.get(department.regionName) ?? []), department]);
  }
  return (
    <section className="portal-panel landing-section" aria-labelledby="browse-department-title" data-testid="browse-department">
      <Typography.Title level={2} id="browse-department-title" className="landing-section-title">
        {t('landing.byDepartment')}
      </Typography.Title>
      {departments.error && <Typography.Text type="danger">{t('error.loadFailed')}</Typography.Text>}
      {[...byRegion].map(([regionName, list]) => (
        <div key={regionName} className="browse-group">
          <div className="browse-group-title">{regionName}</div>
          <ul className="browse-list">
            {list.map((department) => (
              <li key={department.id}>
                <Link to={filterPath({ department: department.id })}>{department.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

const BROWSED_LEVELS = new Set(['province', 'city', 'county']);

/** 按地区: provinces, cities and counties; an item that may be handled across a region shows under its parts too. */
function RegionPanel() {
  const { t } = useI18n();
  const regions = useApi<ItemList<Region>>('/api/org/regions');
  const shown = (regions.data?.items ?? []).filter((region) => BROWSED_LEVELS.has(region.level)).sort((a, b) => a.code.localeCompare(b.code));
  return (
    <section className="portal-panel landing-section" aria-labelledby="browse-region-title" data-testid="browse-region">
      <Typography.Title level={2} id="browse-region-title" className="landing-section-title">
        {t('landing.byRegion')}
      </Typography.Title>
      {regions.error && <Typography.Text type="danger">{t('error.loadFailed')}</Typography.Text>}
      <ul className="browse-list">
        {shown.map((region) => (
          <li key={region.code} className={`region-${region.level}`}>
            <Link to={filterPath({ region: region.code })}>{region.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Entrance({ icon, title, text, to }: { icon: ReactNode; title: string; text: string; to: string }) {
  return (
    <Col xs={24} sm={12} lg={6}>
      <Link to={to} className="portal-panel" style={{ height: '100%', padding: 24 }}>
        <Flex vertical align="center" gap={8} style={{ textAlign: 'center' }}>
          <span style={{ fontSize: 36, color: '#1456b8' }} aria-hidden>
            {icon}
          </span>
          <Typography.Title level={3} style={{ margin: 0, fontSize: 20 }}>
            {title}
          </Typography.Title>
          <Typography.Text type="secondary">{text}</Typography.Text>
        </Flex>
      </Link>
    </Col>
  );
}
