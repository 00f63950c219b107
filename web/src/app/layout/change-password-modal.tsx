import { Alert, Form, Input } from 'antd';
import { api, data } from '../../api/client';
import { FormModal } from '../../components/form-modal';
import { NewPasswordFields } from '../../components/new-password-fields';
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
      <NewPasswordFields name="newPassword" />
    </FormModal>
  );
}
