import { Form, Input, Typography } from 'antd';
import { t } from '../i18n';

/**
 * A new password typed twice, then the password rules. `name` is the form's field for the new password:
 * the server's name for it, so that its complaints about the password land under this field.
 */
export function NewPasswordFields({ name }: { name: string }) {
  return (
    <>
      <Form.Item name={name} label={t('account.newPassword')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('account.confirmPassword')}
        dependencies={[name]}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || value === getFieldValue(name) ? Promise.resolve() : Promise.reject(new Error(t('account.passwordMismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('account.passwordRules')}
      </Typography.Paragraph>
    </>
  );
}
