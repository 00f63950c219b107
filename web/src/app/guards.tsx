import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import type { Permission } from '../api/types';
import { t } from '../i18n';
import { useCan, useSession } from './session';

/** Pages behind a session: while /me is pending, wait; without a session, go to the login page and come back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Spin size="large" fullscreen description={t('app.loading')} />;
  if (state.status === 'anonymous') {
    // Come back here after an expired session; after a deliberate sign-out the next person starts at home.
    const from = !state.reason || state.reason === 'expired' ? location.pathname + location.search : undefined;
    return <Navigate to="/dang-nhap" replace state={{ from }} />;
  }
  return <>{children}</>;
}

/** The menu hides what a user may not open; this stops someone who types the address. */
export function RequirePermission({ permission, children }: { permission: Permission | undefined; children: ReactNode }) {
  return <RequireAnyPermission permissions={permission ? [permission] : []}>{children}</RequireAnyPermission>;
}

/** A page for holders of any of these permissions (none listed: everyone). */
export function RequireAnyPermission({ permissions, children }: { permissions: Permission[]; children: ReactNode }) {
  const can = useCan();
  if (permissions.length > 0 && !permissions.some(can)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('common.forbidden')}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return <>{children}</>;
}
