import { Alert, Form, Input, Typography } from 'antd';
import { api, data } from '../../api/client';
import type { User } from '../../api/types';
import { FormModal } from '../../components/form-modal';
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
      <Form.Item name="password" label={t('account.newPassword')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('account.confirmPassword')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('account.passwordMismatch')))),
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
