import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Flex, Layout, Typography } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** Header and footer of the pages anyone can reach: landing, login, registration, the applicant's home. */
export function PublicLayout({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="no-print" style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', paddingInline: 24 }}>
        <Flex align="center" justify="space-between" style={{ height: '100%' }}>
          <Link to="/">
            <Typography.Text strong style={{ fontSize: 18 }}>
              {t('app.name')}
            </Typography.Text>
          </Link>
          <Flex align="center" gap={8}>
            {extra}
            <LanguageSwitch />
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: '32px 16px' }}>{children}</Layout.Content>
      <Layout.Footer className="no-print" style={{ textAlign: 'center' }}>{t('app.footer')}</Layout.Footer>
    </Layout>
  );
}
