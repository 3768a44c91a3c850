import { lazy, Suspense } from 'react';
import { BrowserRouter, Link, Route, Routes } from 'react-router-dom';
import { App as AntApp, Button, ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useI18n } from './i18n/I18nProvider.tsx';
import LandingPage from './portal/LandingPage.tsx';
import LoginPage from './portal/LoginPage.tsx';
import RegisterPage from './portal/RegisterPage.tsx';
import { ErrorBoundary } from './shared/ErrorBoundary.tsx';
import { FullPageSpin, RequireApplicant, RequireStaff, useStaffMe } from './shared/guards.tsx';
import { SessionProvider } from './shared/session.tsx';
import { ADMIN_PAGES, canOpen, type WorkbenchPage } from './workbench/pages.ts';

// Public pages load eagerly; everything behind a login is fetched only when someone goes there.
const PortalHome = lazy(() => import('./portal/PortalHome.tsx'));
const WorkbenchLayout = lazy(() => import('./workbench/WorkbenchLayout.tsx'));
const WorkbenchHome = lazy(() => import('./workbench/WorkbenchHome.tsx'));
const AccountSecurityPage = lazy(() => import('./workbench/AccountSecurityPage.tsx'));

const THEME = { token: { colorPrimary: '#1456b8', borderRadius: 4 } };

export function App() {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'zh' ? zhCN : enUS} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <ErrorBoundary>
              <Suspense fallback={<FullPageSpin />}>
                <AppRoutes />
              </Suspense>
            </ErrorBoundary>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<LandingPage />} />
      <Route path="/login" element={<LoginPage />} />
      <Route path="/register" element={<RegisterPage />} />
      <Route
        path="/portal"
        element={
          <RequireApplicant>
            <PortalHome />
          </RequireApplicant>
        }
      />
      <Route
        path="/workbench"
        element={
          <RequireStaff>
            <WorkbenchLayout />
          </RequireStaff>
        }
      >
        <Route index element={<WorkbenchHome />} />
        <Route path="account/security" element={<AccountSecurityPage />} />
        {ADMIN_PAGES.map((page) => (
          <Route key={page.path} path={page.path} element={<RoleGate page={page} />} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

/** The menu hides pages a role may not open; this refuses them when reached by URL (the server refuses too). */
function RoleGate({ page }: { page: WorkbenchPage }) {
  const { t } = useI18n();
  const me = useStaffMe();
  if (!canOpen(page, me)) {
    return <Result status="403" title={t('error.forbiddenTitle')} subTitle={t('error.forbidden')} />;
  }
  const Page = page.component;
  return <Page />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('error.notFoundTitle')}
      subTitle={t('error.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
