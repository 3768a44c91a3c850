import { Link } from 'react-router-dom';
import { Button, Card, Col, Flex, Row, Typography } from 'antd';
import { IdcardOutlined, SolutionOutlined, UserAddOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { PublicLayout } from '../shared/PublicLayout.tsx';
import { useSession } from '../shared/session.tsx';

export default function LandingPage() {
  const { t } = useI18n();
  const { state } = useSession();
  const me = state.status === 'signedIn' ? state.me : null;

  return (
    <PublicLayout>
      <Flex vertical align="center" gap={32} style={{ maxWidth: 960, margin: '0 auto' }}>
        <Flex vertical align="center">
          <Typography.Title level={1} style={{ marginBottom: 8 }}>
            {t('landing.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('landing.subtitle')}</Typography.Text>
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
        </Row>
      </Flex>
    </PublicLayout>
  );
}

function Entrance({ icon, title, text, to }: { icon: ReactNode; title: string; text: string; to: string }) {
  return (
    <Col xs={24} md={8}>
      <Link to={to}>
        <Card hoverable style={{ height: '100%' }}>
          <Flex vertical align="center" gap={8}>
            <span style={{ fontSize: 36, color: '#1677ff' }}>{icon}</span>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {title}
            </Typography.Title>
            <Typography.Text type="secondary">{text}</Typography.Text>
          </Flex>
        </Card>
      </Link>
    </Col>
  );
}
