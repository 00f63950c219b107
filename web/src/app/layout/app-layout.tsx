import { LeftOutlined, MenuOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Grid, Layout, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { t } from '../../i18n';
import { useDocumentTitle } from '../document-title';
import { PageLoading } from '../page-loading';
import { useCurrentUser } from '../session';
import { AppBrand } from './app-brand';
import { ChangePasswordModal } from './change-password-modal';
import { SideMenu } from './side-menu';
import { UserMenu } from './user-menu';
import { NotificationBell } from '../../features/notify/notification-bell';

const SIDER_WIDTH = 264;

/**
 * The shell: a dark menu on the left (icons only below ~992 px, a drawer on phones), the province and the
 * user's menu on top, and the page.
 */
export function AppLayout() {
  const user = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const [bannerClosed, setBannerClosed] = useState(false);
  useDocumentTitle();

  return (
    // The dark behind the sticky sider continues below it when a page is longer than the screen.
    <Layout style={{ minHeight: '100vh', background: '#001529' }}>
      {isPhone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={SIDER_WIDTH}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <AppBrand collapsed={false} />
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          breakpoint="lg"
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={SIDER_WIDTH}
          trigger={
            <span title={t(collapsed ? 'layout.expand' : 'layout.collapse')} style={{ display: 'block' }}>
              {collapsed ? <RightOutlined aria-hidden /> : <LeftOutlined aria-hidden />}
            </span>
          }
          style={{ position: 'sticky', top: 0, height: '100vh' }}
        >
          {/* The menu scrolls above the collapse button: scrolling the whole sider let the button, fixed at
              the bottom, cover the last items of a long menu. */}
          <div style={{ height: '100%', overflowY: 'auto', overflowX: 'hidden' }}>
            <AppBrand collapsed={collapsed} />
            <SideMenu collapsed={collapsed} />
          </div>
        </Layout.Sider>
      )}
      <Layout style={{ background: '#f5f6f8' }}>
        <Layout.Header
          style={{ display: 'flex', alignItems: 'center', gap: 12, background: '#fff', padding: '0 16px', borderBottom: '1px solid #f0f0f0', position: 'sticky', top: 0, zIndex: 10 }}
        >
          {isPhone && <Button type="text" icon={<MenuOutlined aria-hidden />} aria-label={t('layout.openMenu')} onClick={() => setDrawerOpen(true)} />}
          <Typography.Title level={5} style={{ margin: 0, flex: 1, minWidth: 0 }} ellipsis data-testid="tenant-name">
            {user.tenant.name}
          </Typography.Title>
          <NotificationBell />
          <UserMenu onChangePassword={() => setChangingPassword(true)} />
        </Layout.Header>
        {user.mustChangePassword && !bannerClosed && (
          <Alert
            banner
            type="warning"
            showIcon
            title={t('layout.mustChangePassword')}
            action={
              <Button size="small" type="primary" onClick={() => setChangingPassword(true)}>
                {t('layout.changePasswordNow')}
              </Button>
            }
            closable={{ onClose: () => setBannerClosed(true), 'aria-label': t('common.close') }}
          />
        )}
        <Layout.Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {changingPassword && <ChangePasswordModal onClose={() => setChangingPassword(false)} />}
    </Layout>
  );
}
