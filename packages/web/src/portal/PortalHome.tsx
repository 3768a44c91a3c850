import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { BellOutlined, FileTextOutlined, SearchOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useApplicantMe } from '../shared/guards.tsx';
import { ApplicantLayout } from './ApplicantLayout.tsx';
import './portal.css';

/** 个人中心: who the signed-in applicant is (identifiers masked as the server sends them) and where to go next. */
export default function PortalHome() {
  const { t } = useI18n();
  const me = useApplicantMe();
  const isPerson = me.applicantType === 'person';

  return (
    <ApplicantLayout>
      <Flex vertical gap={24} style={{ maxWidth: 960, margin: '0 auto' }}>
        <Row gutter={[16, 16]}>
          <Shortcut icon={<SearchOutlined />} title={t('portal.findService')} text={t('portal.findServiceText')} to="/search" />
          <Shortcut icon={<FileTextOutlined />} title={t('portal.cases')} text={t('portal.casesText')} to="/portal/cases" />
          <Shortcut icon={<BellOutlined />} title={t('portal.messages')} text={t('portal.messagesText')} to="/portal/messages" />
        </Row>
        <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('portal.welcome', { name: me.name })}</h1>}>
          <Descriptions
            column={1}
            bordered
            items={[
              { key: 'type', label: t('portal.applicantType'), children: t(isPerson ? 'register.person' : 'register.company') },
              { key: 'name', label: t(isPerson ? 'register.personName' : 'register.companyName'), children: me.name },
              isPerson
                ? { key: 'id', label: t('register.idNumber'), children: me.idNumberMasked ?? '—' }
                : { key: 'uscc', label: t('field.uscc'), children: me.usccMasked ?? '—' },
              ...(!isPerson && me.legalRepresentative ? [{ key: 'legal', label: t('register.legalRepresentative'), children: me.legalRepresentative }] : []),
              { key: 'phone', label: t('field.mobile'), children: me.phoneMasked },
            ]}
          />
        </Card>
      </Flex>
    </ApplicantLayout>
  );
}

function Shortcut({ icon, title, text, to }: { icon: ReactNode; title: string; text: string; to: string }) {
  return (
    <Col xs={24} md={8}>
      <Link to={to} className="portal-panel" style={{ height: '100%' }}>
        <Flex gap={12} align="flex-start">
          <span style={{ fontSize: 28, color: '#1456b8' }} aria-hidden>
            {icon}
          </span>
          <Flex vertical>
            <Typography.Text strong style={{ fontSize: 17 }}>
              {title}
            </Typography.Text>
            <Typography.Text type="secondary">{text}</Typography.Text>
          </Flex>
        </Flex>
      </Link>
    </Col>
  );
}
