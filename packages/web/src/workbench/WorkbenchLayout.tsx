import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Button, Flex, Layout, Menu, Space, Tag, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorBoundary } from '../shared/ErrorBoundary.tsx';
import { FullPageSpin, useStaffMe } from '../shared/guards.tsx';
import { LanguageSwitch } from '../shared/LanguageSwitch.tsx';
import { useSession } from '../shared/session.tsx';
import { InboxBell } from './InboxBell.tsx';
import { WORKBENCH_PAGES, canOpen } from './pages.ts';
import { useRoleLabel } from './roleLabel.ts';

/** The staff shell: a side menu that follows the user's roles, and a header with who is signed in. */
export default function WorkbenchLayout() {
  const { t } = useI18n();
  const me = useStaffMe();
  const roleLabel = useRoleLabel();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();

  const menuItems = [
    { key: '/workbench', label: t('nav.home') },
    ...WORKBENCH_PAGES.filter((page) => page.inMenu !== false && canOpen(page, me)).map((page) => ({
      key: `/workbench/${page.path}`,
      label: t(page.label),
    })),
    { key: '/workbench/account/security', label: t('nav.security') },
  ];
  const selected = menuItems
    .map((item) => item.key)
    .filter((key) => location.pathname === key || location.pathname.startsWith(`${key}/`))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
  const roleCodes = [...new Set(me.roles.map((assignment) => assignment.role))];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <Typography.Title level={5} style={{ padding: '20px 24px 12px', margin: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Menu mode="inline" items={menuItems} selectedKeys={selected} onClick={({ key }) => navigate(key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', paddingInline: 24 }}>
          <Flex align="center" justify="space-between" style={{ height: '100%' }}>
            <Typography.Text strong>{t('workbench.title')}</Typography.Text>
            <Space size="middle">
              <InboxBell />
              <span>{me.name}</span>
              <span>
                {roleCodes.map((role) => (
                  <Tag key={role} color="blue">
                    {roleLabel(role)}
                  </Tag>
                ))}
              </span>
              <LanguageSwitch />
              <Button type="text" icon={<LogoutOutlined />} onClick={() => signOut('/login?tab=staff')}>
                {t('common.logout')}
              </Button>
            </Space>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <ErrorBoundary key={location.pathname}>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
