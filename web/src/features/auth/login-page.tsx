import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { api, data } from '../../api/client';
import type { Body } from '../../api/types';
import { useSession, type SignOutReason } from '../../app/session';
import { t, type MessageKey } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';

const NOTICES: Record<SignOutReason, { key: MessageKey; type: 'info' | 'success' | 'warning' }> = {
  expired: { key: 'login.notice.expired', type: 'warning' },
  loggedOut: { key: 'login.notice.loggedOut', type: 'info' },
  loggedOutAll: { key: 'login.notice.loggedOutAll', type: 'info' },
  passwordChanged: { key: 'login.notice.passwordChanged', type: 'success' },
};

export function LoginPage() {
  const { state, signIn } = useSession();
  const location = useLocation();
  const [form] = Form.useForm<Body<'login'>>();
  const login = useMutation({
    mutationFn: (body: Body<'login'>) => data(api.POST('/api/auth/login', { body })),
    onSuccess: signIn,
    onError: () => form.setFieldValue('password', ''),
  });

  if (state.status === 'authenticated') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/dang-nhap' ? from : '/'} replace />;
  }
  const notice = state.status === 'anonymous' && state.reason && !login.isError ? NOTICES[state.reason] : null;

  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16, background: 'linear-gradient(160deg, #7f1d1d 0%, #b71c1c 45%, #f5f6f8 45%)' }}>
      <div style={{ width: '100%', maxWidth: 420 }}>
        <div style={{ textAlign: 'center', color: '#fff', marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={56} height={56} />
          <Typography.Title level={2} style={{ color: '#fff', margin: '8px 0 4px' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>{t('app.tagline')}</Typography.Text>
        </div>
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {notice && <Alert type={notice.type} showIcon title={t(notice.key)} style={{ marginBottom: 16 }} />}
          {login.isError && <Alert type="error" showIcon role="alert" title={errorMessage(login.error)} style={{ marginBottom: 16 }} />}
          <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => login.mutate(v)} disabled={state.status === 'loading'}>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" autoCapitalize="none" spellCheck={false} />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16, fontSize: 12 }}>
          {t('login.footer')}
        </Typography.Paragraph>
      </div>
    </main>
  );
}
