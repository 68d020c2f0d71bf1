import { canCreateMeeting, canCreateUserWithRole } from '@xieshang/domain';
import { type ReactNode, Suspense } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useCurrentUser, useSession } from '../shared/auth/useSession';
import { PageSpinner } from '../shared/ui/PageSpinner';
import { StatusPage } from './pages';

const Forbidden = () => (
  <Suspense fallback={<PageSpinner />}>
    <StatusPage status={403} />
  </Suspense>
);

/** Pages behind sign-in: wait for the session to be restored, else go to login and come back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'restoring') return <PageSpinner />;
  if (state.status === 'signed-out') {
    if (state.reason === 'logout') return <Navigate to="/login" replace />;
    const next = `${location.pathname}${location.search}`;
    const params = new URLSearchParams({ next });
    if (state.reason === 'expired') params.set('expired', '1');
    return <Navigate to={`/login?${params.toString()}`} replace />;
  }
  return children;
}

/** Account administration: admins and the secretariat (staff). The server enforces it too. */
export function RequireUserAdmin({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  return canCreateUserWithRole(user.role, 'member') ? children : <Forbidden />;
}

export function RequireMeetingCreator({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  return canCreateMeeting(user.role) ? children : <Forbidden />;
}
