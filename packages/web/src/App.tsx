import { lazy, Suspense } from 'react';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router-dom';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useI18n } from './i18n/I18nProvider.tsx';
import LandingPage from './portal/LandingPage.tsx';
import { ElderModeProvider } from './shared/elderMode.tsx';
import { ErrorBoundary } from './shared/ErrorBoundary.tsx';
import { FullPageSpin, RequireApplicant, RequireStaff, useStaffMe } from './shared/guards.tsx';
import { SessionProvider } from './shared/session.tsx';
import { WORKBENCH_PAGES, canOpen, type WorkbenchPage } from './workbench/pages.ts';

// Only the landing page loads eagerly. The other public pages (login, registration, search, guide, 办件查询) come in
// their own small chunks, so a visitor who searches and reads a guide never downloads the forms; everything behind a
// login is fetched only when someone goes there.
const LoginPage = lazy(() => import('./portal/LoginPage.tsx'));
const RegisterPage = lazy(() => import('./portal/RegisterPage.tsx'));
const NotFound = lazy(() => import('./shared/StatusPages.tsx').then((module) => ({ default: module.NotFound })));
const Forbidden = lazy(() => import('./shared/StatusPages.tsx').then((module) => ({ default: module.Forbidden })));
const SearchPage = lazy(() => import('./portal/SearchPage.tsx'));
const GuidePage = lazy(() => import('./portal/GuidePage.tsx'));
const TrackPage = lazy(() => import('./portal/TrackPage.tsx'));
const PortalHome = lazy(() => import('./portal/PortalHome.tsx'));
const MyCasesPage = lazy(() => import('./portal/MyCasesPage.tsx'));
const MyCasePage = lazy(() => import('./portal/MyCasePage.tsx'));
const MessagesPage = lazy(() => import('./portal/MessagesPage.tsx'));
const ApplyPage = lazy(() => import('./portal/apply/ApplyPage.tsx'));
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
          <ElderModeProvider>
            <BrowserRouter>
              <ErrorBoundary>
                <Suspense fallback={<FullPageSpin />}>
                  <AppRoutes />
                </Suspense>
              </ErrorBoundary>
            </BrowserRouter>
          </ElderModeProvider>
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
      <Route path="/search" element={<SearchPage />} />
      <Route path="/guide/:code" element={<GuidePage />} />
      <Route path="/track" element={<TrackPage />} />
      <Route path="/track/t/:token" element={<TrackPage />} />
      <Route
        path="/portal"
        element={
          <RequireApplicant>
            <Outlet />
          </RequireApplicant>
        }
      >
        <Route index element={<PortalHome />} />
        <Route path="cases" element={<MyCasesPage />} />
        <Route path="cases/:id" element={<MyCasePage />} />
        <Route path="apply/:code" element={<ApplyPage />} />
        <Route path="messages" element={<MessagesPage />} />
      </Route>
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
        {WORKBENCH_PAGES.map((page) => (
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
  const me = useStaffMe();
  if (!canOpen(page, me)) return <Forbidden />;
  const Page = page.component;
  return <Page />;
}
