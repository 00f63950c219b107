import { Alert, Form } from 'antd';
import { api, data } from '../../api/client';
import type { User } from '../../api/types';
import { FormModal } from '../../components/form-modal';
import { NewPasswordFields } from '../../components/new-password-fields';
import { t } from '../../i18n';

interface Values {
  password: string;
  confirmPassword: string;
}

export function ResetPasswordModal({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  return (
    <FormModal
      title={t('user.resetPasswordTitle', { name: user.fullName })}
      form={form}
      okText={t('user.resetPassword')}
      submit={(v) => data(api.POST('/api/users/{id}/password', { params: { path: { id: user.id } }, body: { password: v.password } }))}
      onDone={onDone}
      onCancel={onClose}
    >
      <Alert type="warning" showIcon title={t('user.resetPasswordNote')} style={{ marginBottom: 16 }} />
      <NewPasswordFields name="password" />
    </FormModal>
  );
}
