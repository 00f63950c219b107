import { App, Form, Input, Typography } from 'antd';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { submitOnCtrlEnter } from '../../lib/submit-on-ctrl-enter';
import { dossierCalls, useDossierChanged } from './dossier-queries';
import type { DossierSummary } from './dossier-types';

const lines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** Refusing an online dossier (status 1 → 3): the reasons go on the refusal slip sent to the applicant. */
export function RefuseOnlineModal({ dossier, onClose }: { dossier: DossierSummary; onClose: () => void }) {
  const [form] = Form.useForm<{ reasons: string }>();
  const { message } = App.useApp();
  const changed = useDossierChanged();
  return (
    <FormModal<{ reasons: string }, unknown>
      title={t('dossiers.online.refuseTitle')}
      form={form}
      okText={t('dossiers.action.refuse')}
      danger
      width={600}
      submit={(v) => dossierCalls.refuse(dossier.id, { reasons: lines(v.reasons), version: dossier.version })}
      onDone={(next) => {
        changed(next, dossier.id);
        message.success(t('dossiers.online.refused'));
        onClose();
      }}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {dossier.applicantName} — {dossier.procedureName}
      </Typography.Paragraph>
      <Form.Item name="reasons" label={t('dossiers.slip.items.refusal')} rules={[{ required: true, whitespace: true, message: t('dossiers.slip.itemsRequired.refusal') }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} autoFocus onKeyDown={submitOnCtrlEnter(form)} />
      </Form.Item>
    </FormModal>
  );
}
