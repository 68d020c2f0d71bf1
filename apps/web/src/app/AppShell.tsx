import { Alert, Button, Layout } from 'antd';
import { canCreateUserWithRole } from '@xieshang/domain';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { useCurrentUser } from '../shared/auth/useSession';
import { FeedbackProvider } from '../shared/ui/FeedbackProvider';
import { UserMenu } from './UserMenu';

// The change-password form is rarely opened: keep antd's Form out of the first load.
const ChangePasswordModal = lazy(() =>
  import('../features/auth/components/ChangePasswordModal').then((m) => ({ default: m.ChangePasswordModal })),
);

/** Header (brand, navigation, user menu) and the page below it. */
export function AppShell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [changingPassword, setChangingPassword] = useState(false);
  const canAdminUsers = canCreateUserWithRole(user.role, 'member');

  return (
    <FeedbackProvider>
      <Layout className="xs-shell">
        <a href="#xs-main" className="xs-skip-link">
          {t('shell.skipToContent')}
        </a>
        <Layout.Header className="xs-header">
          <Link to="/meetings" className="xs-brand" aria-label={t('shell.home')}>
            <span className="xs-brand-mark" aria-hidden>
              协
            </span>
            <span className="xs-brand-name">{t('app.name')}</span>
          </Link>
          <nav aria-label={t('shell.mainNav')} className="xs-nav">
            <NavLink to="/meetings" className="xs-nav-link" data-testid="nav-meetings">
              {t('shell.nav.meetings')}
            </NavLink>
            {user.role !== 'guest' && (
              <NavLink to="/documents" className="xs-nav-link" data-testid="nav-documents">
                {t('shell.nav.documents')}
              </NavLink>
            )}
            {canAdminUsers && (
              <NavLink to="/users" className="xs-nav-link" data-testid="nav-users">
                {t('shell.nav.users')}
              </NavLink>
            )}
          </nav>
          <UserMenu user={user} onChangePassword={() => setChangingPassword(true)} />
        </Layout.Header>
        {user.mustChangePassword && (
          <Alert
            banner
            type="warning"
            title={t('shell.mustChangePassword')}
            action={
              <Button size="small" onClick={() => setChangingPassword(true)} data-testid="must-change-password">
                {t('shell.changePasswordNow')}
              </Button>
            }
          />
        )}
        <Layout.Content id="xs-main" tabIndex={-1} className="xs-content">
          <Outlet />
        </Layout.Content>
        {changingPassword && (
          <Suspense fallback={null}>
            <ChangePasswordModal open onClose={() => setChangingPassword(false)} />
          </Suspense>
        )}
      </Layout>
    </FeedbackProvider>
  );
}
