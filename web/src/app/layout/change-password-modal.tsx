import { Alert, Form, Input, Typography } from 'antd';
import { api, data } from '../../api/client';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { useSession } from '../session';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The server ends every session on success, this one included, so the user goes back to the login page. */
export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { signOut } = useSession();

  return (
    <FormModal
      title={t('account.changePassword')}
      form={form}
      okText={t('account.changePassword')}
      onCancel={onClose}
      submit={(v) => data(api.POST('/api/auth/password', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } }))}
      onDone={() => signOut('passwordChanged')}
    >
      <Alert type="info" showIcon title={t('account.changePasswordNote')} style={{ marginBottom: 16 }} />
      <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('account.newPassword')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.passwordMismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('account.passwordRules')}
      </Typography.Paragraph>
    </FormModal>
  );
}
