import { Alert, Form, Input, Modal, Typography } from 'antd';
import { t } from '../../i18n';
import { submitOnCtrlEnter } from '../../lib/submit-on-ctrl-enter';

/**
 * The items of a slip given instead of receiving: what to complete (guidance, form 02) or the reasons for
 * refusing (form 03), one per line.
 */
export function SlipItemsModal({
  kind,
  initialItems,
  pending,
  error,
  onCancel,
  onSubmit,
}: {
  kind: 'guidance' | 'refusal';
  initialItems: string[];
  pending: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (items: string[]) => void;
}) {
  const [form] = Form.useForm<{ items: string }>();
  return (
    <Modal
      open
      title={t(`dossiers.slip.title.${kind}`)}
      okText={t(`dossiers.slip.ok.${kind}`)}
      okButtonProps={kind === 'refusal' ? { danger: true } : undefined}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onCancel}
      mask={{ closable: false }}
      width={620}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{t(`dossiers.slip.help.${kind}`)}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ items: initialItems.join('\n') }}
        onFinish={(v) =>
          onSubmit(
            v.items
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean),
          )
        }
      >
        <Form.Item name="items" label={t(`dossiers.slip.items.${kind}`)} rules={[{ required: true, whitespace: true, message: t(`dossiers.slip.itemsRequired.${kind}`) }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={4000} autoFocus onKeyDown={submitOnCtrlEnter(form)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
