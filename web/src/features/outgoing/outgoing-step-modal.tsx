import { Alert, Button, Form, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { api, data } from '../../api/client';
import type { IncomingDocument } from '../../api/types';
import { useCurrentUser } from '../../app/session';
import { FormModal } from '../../components/form-modal';
import { t, type MessageKey } from '../../i18n';
import { submitOnCtrlEnter } from '../../lib/submit-on-ctrl-enter';
import { useOutgoingDone, type OutgoingAction } from './outgoing-queries';
import { PersonSelect, type PersonValue } from './person-select';

/** The steps with a note (and, to pass a draft on, a person); the others have dialogs of their own. */
export type NoteAction = Extract<OutgoingAction, 'submit' | 'return' | 'comment' | 'approve' | 'recall'>;

interface Values {
  to?: PersonValue;
  note: string;
}

interface Step {
  title: MessageKey;
  ok: MessageKey;
  note: { label: MessageKey; placeholder: MessageKey; required?: MessageKey };
  success: MessageKey;
  /** Taking an issued document back: the button says it is not an ordinary step. */
  danger?: boolean;
  warning?: MessageKey;
}

const STEPS: Record<NoteAction, Step> = {
  submit: {
    title: 'outgoing.action.submit',
    ok: 'outgoing.form.submitPass',
    note: { label: 'outgoing.form.submitNote', placeholder: 'outgoing.form.submitNotePlaceholder' },
    success: 'outgoing.success.submit',
  },
  return: {
    title: 'outgoing.form.returnTitle',
    ok: 'outgoing.action.return',
    note: { label: 'outgoing.form.returnNote', placeholder: 'outgoing.form.returnNotePlaceholder', required: 'outgoing.form.returnNoteRequired' },
    success: 'outgoing.success.return',
  },
  comment: {
    title: 'outgoing.form.commentTitle',
    ok: 'outgoing.form.commentSubmit',
    note: { label: 'outgoing.form.commentNote', placeholder: 'outgoing.form.commentNotePlaceholder', required: 'outgoing.form.commentNoteRequired' },
    success: 'outgoing.success.comment',
  },
  approve: {
    title: 'outgoing.form.approveTitle',
    ok: 'outgoing.action.approve',
    note: { label: 'outgoing.form.approveNote', placeholder: 'outgoing.form.approveNotePlaceholder' },
    success: 'outgoing.success.approve',
  },
  recall: {
    title: 'outgoing.form.recallTitle',
    ok: 'outgoing.action.recall',
    note: { label: 'outgoing.form.recallNote', placeholder: 'outgoing.form.recallNotePlaceholder', required: 'outgoing.form.recallNoteRequired' },
    success: 'outgoing.success.recall',
    danger: true,
    warning: 'outgoing.form.recallWarning',
  },
};

function send(d: IncomingDocument, action: NoteAction, v: Values) {
  const params = { path: { id: d.id } };
  const note = v.note.trim();
  switch (action) {
    case 'submit':
      return data(api.POST('/api/documents/outgoing/{id}/submit', { params, body: { toUserId: v.to?.value ?? '', note: note || undefined } }));
    case 'return':
      return data(api.POST('/api/documents/outgoing/{id}/return', { params, body: { note } }));
    case 'comment':
      return data(api.POST('/api/documents/outgoing/{id}/comments', { params, body: { note } }));
    case 'approve':
      return data(api.POST('/api/documents/outgoing/{id}/approve', { params, body: { note: note || undefined } }));
    case 'recall':
      return data(api.POST('/api/documents/outgoing/{id}/recall', { params, body: { note } }));
  }
}

// The server names the person `toUserId`; the form calls it `to`.
const ALIASES = { toUserId: 'to' };

/**
 * Pass the draft on (to the unit head, the office's leadership, or the signer — then it is "Trình ký"),
 * send it back with the reason, comment on it, approve it (the signer), or recall the issued document.
 */
export function OutgoingStepModal({ document: d, action, onClose }: { document: IncomingDocument; action: NoteAction; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const me = useCurrentUser();
  const done = useOutgoingDone(d.id);
  const step = STEPS[action];
  const to = Form.useWatch('to', form);
  const signerId = d.outgoing?.signerId ?? null;
  const toSigner = action === 'submit' && to?.value === signerId;

  let before: ReactNode = null;
  if (action === 'submit' && signerId && signerId !== me.id) {
    before = (
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('outgoing.form.signerIs', { name: d.signerName ?? '' })}{' '}
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => form.setFieldValue('to', { value: signerId, label: d.signerName ?? '' })}>
          {t('outgoing.form.toSigner')}
        </Button>
      </Typography.Paragraph>
    );
  }

  return (
    <FormModal<Values, IncomingDocument>
      title={t(toSigner ? 'outgoing.form.submitToSignerTitle' : step.title)}
      form={form}
      okText={t(toSigner ? 'outgoing.form.submitToSigner' : step.ok)}
      danger={step.danger}
      onCancel={onClose}
      aliases={ALIASES}
      initialValues={{ note: '' }}
      submit={(v) => send(d, action, v)}
      onDone={(detail) => {
        done(detail, toSigner ? 'outgoing.success.submitToSigner' : step.success);
        onClose();
      }}
    >
      {step.warning && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t(step.warning)} />}
      {before}
      {action === 'submit' && (
        <Form.Item name="to" label={t('outgoing.form.submitTo')} rules={[{ required: true, message: t('outgoing.form.submitToRequired') }]} extra={t('outgoing.form.submitToHelp')}>
          <PersonSelect autoFocus exclude={[me.id]} placeholder={t('outgoing.form.submitToPlaceholder')} />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={t(step.note.label)}
        rules={step.note.required ? [{ required: true, whitespace: true, message: t(step.note.required) }] : undefined}
      >
        <Input.TextArea
          autoFocus={action !== 'submit'}
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={action === 'submit' ? 2000 : 4000}
          showCount
          placeholder={t(step.note.placeholder)}
          onKeyDown={submitOnCtrlEnter(form)}
        />
      </Form.Item>
    </FormModal>
  );
}
