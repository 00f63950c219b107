import { RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { rejectMessage, type ExchangeMessage } from './exchange-queries';

interface Values {
  reason?: string;
}

/**
 * "Trả lại": the message does not go into the register and goes back to its sender with why. The length
 * rule is the server's (its words land on the field), so the dialog and the API never disagree.
 */
function RejectModal({ message: m, onClose, onDone }: { message: ExchangeMessage; onClose: () => void; onDone: (m: ExchangeMessage) => void }) {
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values, ExchangeMessage>
      title={t('exchange.reject.title')}
      form={form}
      okText={t('exchange.reject.submit')}
      danger
      onCancel={onClose}
      submit={(v) => rejectMessage(m.id, v.reason ?? '')}
      onDone={onDone}
      width={620}
    >
      <Typography.Paragraph type="secondary">{t('exchange.reject.intro')}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'number', label: t('exchange.numberNotation'), children: <strong>{m.numberNotation}</strong> },
          { key: 'sender', label: t('exchange.sender'), children: <span className="vps-wrap">{m.fromName}</span> },
          { key: 'subject', label: t('exchange.subject'), children: <span className="vps-wrap">{m.subject}</span> },
        ]}
      />
      <Form.Item name="reason" label={t('exchange.reject.reason')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount placeholder={t('exchange.reject.placeholder')} />
      </Form.Item>
      {/* Only a connection carries the answer back; a file handed over by hand has no way home. */}
      <Alert type={m.via === 'exchange' ? 'info' : 'warning'} showIcon title={t(m.via === 'exchange' ? 'exchange.reject.notifyExchange' : 'exchange.reject.notifyFile')} />
    </FormModal>
  );
}

/** The row's second action on a message that waits: return it to the sender. */
export function RejectAction({ message: m, onRejected }: { message: ExchangeMessage; onRejected: (m: ExchangeMessage) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="link" size="small" danger icon={<RollbackOutlined aria-hidden />} onClick={() => setOpen(true)} aria-label={t('exchange.reject.label', { number: m.numberNotation })} style={{ paddingInline: 0 }}>
        {t('exchange.reject')}
      </Button>
      {open && (
        <RejectModal
          message={m}
          onClose={() => setOpen(false)}
          onDone={(rejected) => {
            setOpen(false);
            onRejected(rejected);
          }}
        />
      )}
    </>
  );
}
