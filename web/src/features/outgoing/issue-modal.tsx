import { Button, Form, Modal, Result, Select, Typography } from 'antd';
import { api, data } from '../../api/client';
import type { IncomingDocument } from '../../api/types';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { formatDay, formatInstant } from '../../lib/format';
import { isSecret } from '../documents/register-values';
import { useOutgoingDone, useRegisters, type OutgoingRecipient } from './outgoing-queries';

interface Values {
  registerId?: string;
}

const countOf = (recipients: OutgoingRecipient[], kind: OutgoingRecipient['kind']) => recipients.filter((r) => r.kind === kind).length;
// Outside recipients go through the exchange with an identifier code; without one the clerk posts them.
const onPaper = (r: OutgoingRecipient) => r.kind === 'external' && !r.organId;

/** What issuing will do with each kind of recipient, said before it happens. */
function DeliveryPlan({ recipients, secret }: { recipients: OutgoingRecipient[]; secret: boolean }) {
  if (recipients.length === 0) return <Typography.Paragraph type="secondary">{t('outgoing.issue.noRecipients')}</Typography.Paragraph>;
  if (secret) return <Typography.Paragraph type="secondary">{t('outgoing.issue.secret')}</Typography.Paragraph>;
  const paper = recipients.filter(onPaper).length;
  const exchange = countOf(recipients, 'external') - paper;
  const parts = [
    countOf(recipients, 'agency') && t('outgoing.issue.agencies', { count: countOf(recipients, 'agency') }),
    countOf(recipients, 'unit') && t('outgoing.issue.units', { count: countOf(recipients, 'unit') }),
    exchange && t('outgoing.issue.external', { count: exchange }),
    paper && t('outgoing.issue.paper', { count: paper }),
  ].filter(Boolean);
  return <Typography.Paragraph>{t('outgoing.issue.plan', { parts: parts.join('; ') })}</Typography.Paragraph>;
}

/**
 * The clerk numbers, dates and sends a signed document (Decree 30/2020, art. 15–16). The register is
 * chosen by the server (the type's own series, else the general one) unless the clerk picks another. A
 * document the agency has signed was numbered then: it keeps that number, and no register is asked.
 */
export function IssueModal({ document: d, onClose, onIssued }: { document: IncomingDocument; onClose: () => void; onIssued: (detail: IncomingDocument) => void }) {
  const [form] = Form.useForm<Values>();
  const done = useOutgoingDone(d.id);
  const registers = useRegisters();
  const secret = isSecret(d.confidentiality);
  const options = (registers.data ?? []).filter((r) => r.direction === 'outgoing' && r.active && r.secret === secret).map((r) => ({ value: r.id, label: r.name }));

  return (
    <FormModal<Values, IncomingDocument>
      title={t('outgoing.form.issueTitle')}
      form={form}
      okText={t('outgoing.form.issueSubmit')}
      onCancel={onClose}
      submit={(v) => data(api.POST('/api/documents/outgoing/{id}/issue', { params: { path: { id: d.id } }, body: { registerId: v.registerId } }))}
      onDone={(detail) => {
        done(detail, 'outgoing.success.issue');
        onIssued(detail);
      }}
    >
      <Typography.Paragraph className="vps-wrap">
        <Typography.Text type="secondary">{d.typeName}:</Typography.Text> {d.subject}
      </Typography.Paragraph>
      {d.numberNotation ? (
        <Typography.Paragraph data-testid="issue-numbered">{t('outgoing.issue.numbered', { number: d.numberNotation, register: d.registerName ?? '' })}</Typography.Paragraph>
      ) : (
        <Form.Item name="registerId" label={t('outgoing.form.register')} extra={t('outgoing.form.registerHelp')}>
          <Select allowClear autoFocus loading={registers.isLoading} options={options} placeholder={t('outgoing.form.registerAuto')} />
        </Form.Item>
      )}
      <DeliveryPlan recipients={d.outgoing?.recipients ?? []} secret={secret} />
    </FormModal>
  );
}

/**
 * The number and date just given, large: the clerk writes them on the paper copy and the seal
 * (Decree 30/2020, art. 15). "Đóng" has the focus, so Enter closes.
 */
export function IssuedModal({ document: d, onClose }: { document: IncomingDocument; onClose: () => void }) {
  const recipients = d.outgoing?.recipients ?? [];
  const delivered = recipients.filter((r) => r.status === 'delivered' || r.status === 'read').length;
  const queued = recipients.filter((r) => r.status === 'queued' && !onPaper(r)).length;
  const paper = recipients.filter((r) => r.status === 'queued' && onPaper(r)).length;
  return (
    <Modal open title={null} footer={null} onCancel={onClose} width={600}>
      <Result
        status="success"
        title={t('outgoing.issued.title')}
        subTitle={
          <div style={{ color: 'inherit' }}>
            <div style={{ fontSize: 16 }}>{t('document.numberNotation')}</div>
            <div data-testid="issued-number" style={{ fontSize: 48, fontWeight: 700, lineHeight: 1.2, color: '#b71c1c' }}>
              {d.numberNotation}
            </div>
            <div>{t('outgoing.issued.date', { date: formatDay(d.issuedDate), time: formatInstant(d.outgoing?.issuedAt ?? null, 'HH:mm'), register: d.registerName ?? '' })}</div>
            <div style={{ marginTop: 8 }}>
              {[delivered && t('outgoing.issued.delivered', { count: delivered }), queued && t('outgoing.issued.queued', { count: queued }), paper && t('outgoing.issued.paper', { count: paper })].filter(Boolean).join(' · ')}
            </div>
          </div>
        }
        extra={
          <Button type="primary" size="large" autoFocus onClick={onClose}>
            {t('common.close')}
          </Button>
        }
      />
    </Modal>
  );
}
