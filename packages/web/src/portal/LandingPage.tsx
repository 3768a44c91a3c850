import { Link, useNavigate } from 'react-router-dom';
import { Button, Col, Flex, Row, Typography } from 'antd';
import { FileSearchOutlined, IdcardOutlined, SolutionOutlined, UserAddOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { PublicLayout } from '../shared/PublicLayout.tsx';
import { useSession } from '../shared/session.tsx';
import { SearchBox, searchPath } from './SearchBox.tsx';
import './portal.css';

/** Searches people make most, offered under the box as one-click examples. */
const POPULAR_QUERIES = ['营业执照', '医保', '社保', '公积金', '身份证', '不动产'];

export default function LandingPage() {
  const { t } = useI18n();
  const { state } = useSession();
  const me = state.status === 'signedIn' ? state.me : null;
  const navigate = useNavigate();

  return (
    <PublicLayout>
      <Flex vertical align="center" gap={32} style={{ maxWidth: 960, margin: '0 auto' }}>
        <Flex vertical align="center">
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
          <Link to={me.kind === 'staff' ? '/workbench' : '/portal'}>
            <Button type="primary" size="large">
              {t(me.kind === 'staff' ? 'landing.continueStaff' : 'landing.continueApplicant', { name: me.name })}
            </Button>
          </Link>
        )}
        <Row gutter={[24, 24]} style={{ width: '100%' }}>
          <Entrance
            icon={<IdcardOutlined />}
            title={t('landing.applicantLogin')}
            text={t('landing.applicantLoginText')}
            to="/login?tab=applicant"
          />
          <Entrance
            icon={<SolutionOutlined />}
            title={t('landing.staffLogin')}
            text={t('landing.staffLoginText')}
            to="/login?tab=staff"
          />
          <Entrance icon={<UserAddOutlined />} title={t('landing.register')} text={t('landing.registerText')} to="/register" />
          <Entrance icon={<FileSearchOutlined />} title={t('landing.track')} text={t('landing.trackText')} to="/track" />
        </Row>
      </Flex>
    </PublicLayout>
  );
}

function Entrance({ icon, title, text, to }: { icon: ReactNode; title: string; text: string; to: string }) {
  return (
    <Col xs={24} sm={12} lg={6}>
      <Link to={to} className="portal-panel" style={{ height: '100%', padding: 24 }}>
        <Flex vertical align="center" gap={8}>
          <span style={{ fontSize: 36, color: '#1677ff' }}>{icon}</span>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Typography.Text type="secondary">{text}</Typography.Text>
        </Flex>
      </Link>
    </Col>
  );
}
