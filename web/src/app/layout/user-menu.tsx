import { ApiOutlined, DownOutlined, GlobalOutlined, KeyOutlined, LogoutOutlined, PoweroffOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Grid, Space, Typography, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import { api, data } from '../../api/client';
import { API_TOKENS_PATH } from '../../features/auth/api-token-path';
import { locale, switchLocale, t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { useCan, useCurrentUser, useSession } from '../session';

export function UserMenu({ onChangePassword }: { onChangePassword: () => void }) {
  const user = useCurrentUser();
  const { signOut } = useSession();
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const can = useCan();
  const navigate = useNavigate();

  const logout = async () => {
    // Even if the call fails (session already gone, network down) the user asked to leave: forget it here too.
    await api.POST('/api/auth/logout').catch(() => undefined);
    signOut('loggedOut');
  };

  const logoutAll = () =>
    modal.confirm({
      title: t('account.logoutAll'),
      content: t('account.logoutAllConfirm'),
      okText: t('account.logoutAll'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          const { revokedSessions } = await data(api.POST('/api/auth/logout-all'));
          message.success(t('account.logoutAllDone', { count: revokedSessions }));
          signOut('loggedOutAll');
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      style: { cursor: 'default' },
      label: (
        <div style={{ maxWidth: 300, whiteSpace: 'normal' }}>
          <Typography.Text strong>{user.fullName}</Typography.Text>
          <br />
          {user.positionName && (
            <>
              <Typography.Text type="secondary">{user.positionName}</Typography.Text>
              <br />
            </>
          )}
          <Typography.Text type="secondary">
            {user.unit.name} · {user.agency.name}
          </Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined aria-hidden />, label: t('account.changePassword'), onClick: onChangePassword },
    // The person's own tokens sit with their password; the admin menu has the same page.
    ...(can('token.manage') ? [{ key: 'api-tokens', icon: <ApiOutlined aria-hidden />, label: t('module.apiTokens'), onClick: () => void navigate(API_TOKENS_PATH) }] : []),
    { key: 'locale', icon: <GlobalOutlined aria-hidden />, label: t('app.language.switch'), onClick: () => switchLocale(locale === 'vi' ? 'en' : 'vi') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: t('account.logout'), onClick: () => void logout() },
    { key: 'logout-all', icon: <PoweroffOutlined aria-hidden />, danger: true, label: t('account.logoutAll'), onClick: logoutAll },
  ];

  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <Button type="text" aria-label={t('layout.userMenu')} style={{ height: 'auto', padding: '4px 8px' }}>
        <Space size={8}>
          <Avatar size="small" icon={<UserOutlined aria-hidden />} style={{ backgroundColor: '#b71c1c' }} />
          {screens.sm && (
            <span style={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start', lineHeight: 1.25 }}>
              <Typography.Text strong data-testid="current-user-name">
                {user.fullName}
              </Typography.Text>
              {screens.md && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {user.positionName ?? user.unit.name}
                </Typography.Text>
              )}
            </span>
          )}
          <DownOutlined aria-hidden style={{ fontSize: 10 }} />
        </Space>
      </Button>
    </Dropdown>
  );
}
