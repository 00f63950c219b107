import { Form, Input, Select, Typography } from 'antd';
import { FormModal } from '../../components/form-modal';
import { SecretText, ShownOnceModal } from '../../components/shown-once-modal';
import { t } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { createApiToken, type CreatedApiToken } from './api-token-queries';

/** 0 stands for "no expiry" in the select: the server takes a missing expiresInDays as never. */
const NO_EXPIRY = 0;
const EXPIRY_OPTIONS = [
  { value: 30, label: t('auth.tokens.form.days', { days: 30 }) },
  { value: 90, label: t('auth.tokens.form.days', { days: 90 }) },
  { value: 365, label: t('auth.tokens.form.oneYear') },
  { value: NO_EXPIRY, label: t('auth.tokens.form.never') },
];

interface Values {
  name: string;
  expiresInDays: number;
}

/** "Tạo mã truy cập": a name to recognise it by and how long it lives (90 days unless chosen otherwise). */
export function CreateApiTokenModal({ onClose, onCreated }: { onClose: () => void; onCreated: (created: CreatedApiToken) => void }) {
  const [form] = Form.useForm<Values>();
  const never = Form.useWatch('expiresInDays', form) === NO_EXPIRY;
  return (
    <FormModal<Values, CreatedApiToken>
      title={t('auth.tokens.form.title')}
      form={form}
      okText={t('auth.tokens.form.submit')}
      onCancel={onClose}
      submit={({ name, expiresInDays }) => createApiToken({ name, expiresInDays: expiresInDays === NO_EXPIRY ? undefined : expiresInDays })}
      onDone={onCreated}
      initialValues={{ expiresInDays: 90 }}
      width={600}
    >
      <Typography.Paragraph type="secondary">{t('auth.tokens.form.intro')}</Typography.Paragraph>
      <Form.Item name="name" label={t('auth.tokens.name')} rules={[{ required: true, whitespace: true, message: t('auth.tokens.form.nameRequired') }]} extra={t('auth.tokens.form.nameHelp')}>
        <Input maxLength={100} autoComplete="off" autoFocus />
      </Form.Item>
      <Form.Item name="expiresInDays" label={t('auth.tokens.form.expiry')} extra={never ? t('auth.tokens.form.neverHint') : undefined}>
        <Select options={EXPIRY_OPTIONS} style={{ maxWidth: 240 }} />
      </Form.Item>
    </FormModal>
  );
}

/** The token just made, this once (the server keeps only its hash), with how to try it. */
export function ApiTokenShownOnce({ created, onClose }: { created: CreatedApiToken; onClose: () => void }) {
  const example = `curl -H "Authorization: Bearer ${created.token}" ${window.location.origin}/api/auth/me`;
  return (
    <ShownOnceModal
      title={t('auth.tokens.shown.title', { name: created.name })}
      warning={t('auth.tokens.shown.once')}
      closeText={t('auth.tokens.shown.close')}
      width={720}
      onClose={onClose}
      rows={[
        { key: 'token', label: t('auth.tokens.shown.value'), children: <SecretText value={created.token} testId="api-token-value" /> },
        { key: 'expires', label: t('auth.tokens.shown.expires'), children: created.expiresAt ? formatInstant(created.expiresAt) : t('auth.tokens.noExpiry') },
        {
          key: 'example',
          label: t('auth.tokens.shown.example'),
          children: (
            <>
              <Typography.Paragraph data-testid="api-token-example" className="vps-hash" copyable={{ text: example, tooltips: [t('common.copy'), t('common.copied')] }} style={{ marginBottom: 4 }}>
                {example}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{t('auth.tokens.shown.exampleHint')}</Typography.Text>
            </>
          ),
        },
      ]}
    />
  );
}
