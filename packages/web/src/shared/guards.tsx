import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Flex, Spin } from 'antd';
import { useSession } from './session.tsx';
import type { ApplicantMe, StaffMe } from './types.ts';

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

function loginPath(tab: 'staff' | 'applicant', next: string): string {
  return `/login?tab=${tab}&next=${encodeURIComponent(next)}`;
}

export function RequireStaff({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'anonymous' || state.me.kind !== 'staff') {
    return <Navigate to={loginPath('staff', location.pathname + location.search)} replace />;
  }
  return children;
}

export function RequireApplicant({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'anonymous' || state.me.kind !== 'applicant') {
    return <Navigate to={loginPath('applicant', location.pathname + location.search)} replace />;
  }
  return children;
}

/** Only for components rendered under <RequireStaff>. */
export function useStaffMe(): StaffMe {
  const { state } = useSession();
  if (state.status !== 'signedIn' || state.me.kind !== 'staff') throw new Error('useStaffMe outside <RequireStaff>');
  return state.me;
}

/** Only for components rendered under <RequireApplicant>. */
export function useApplicantMe(): ApplicantMe {
  const { state } = useSession();
  if (state.status !== 'signedIn' || state.me.kind !== 'applicant') {
    throw new Error('useApplicantMe outside <RequireApplicant>');
  }
  return state.me;
}

/** A `next` target from the query string, accepted only if it stays on this site. */
export function safeNext(next: string | null, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return fallback;
  return next;
}
