import { Alert, Form, Input, Select, Typography } from 'antd';
import { Link } from 'react-router';
import { api, data } from '../../api/client';
import type { IncomingDocument } from '../../api/types';
import { useCurrentUser } from '../../app/session';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { DATE_FORMAT, formatInstant } from '../../lib/format';
import { signingPath } from '../signing/signing-paths';
import type { CertificateKind, SigningCertificate } from '../signing/signing-queries';
import { useOutgoingDone } from './outgoing-queries';
import { SealScope } from './seal-scope';

interface Values {
  certificateId?: string;
  passphrase?: string;
}

const optionLabel = (c: SigningCertificate) => `${c.label} — ${c.subjectName}${c.provider === 'remote' ? ` (${t('signing.cert.remoteAt', { name: c.remoteServiceName ?? '' })})` : ''}`;
const facts = (c: SigningCertificate) => `${t('signing.issuedBy', { issuer: c.issuerName })} · ${t('signing.validUntil', { date: formatInstant(c.notAfter, DATE_FORMAT) })}`;

/** What the signature will show on the PDF, said before it is made (Decree 30/2020, App. I §II.7–8). */
function Appearance({ kind, certificate }: { kind: CertificateKind; certificate: SigningCertificate | undefined }) {
  const user = useCurrentUser();
  const image = Boolean(certificate?.imageFileId);
  const text =
    kind === 'personal'
      ? t(image ? 'signing.sign.appearance' : 'signing.sign.appearanceNoImage', { position: user.positionName ?? t('common.none'), name: user.fullName })
      : t(image ? 'signing.seal.appearance' : 'signing.seal.appearanceNoImage', { agency: user.agency.name });
  return <Alert type="info" showIcon title={t('signing.sign.appearanceTitle')} description={text} style={{ marginBottom: 16 }} />;
}

/**
 * Signs the document with a kept certificate: the signer's own (the approved version becomes the signed
 * PDF), or the agency's, which its clerk adds over the signer's signature before issuing. The passphrase
 * opens the certificate for this signature only; the server does not keep it.
 */
export function DigitalSignModal({
  document: d,
  kind,
  certificates,
  onClose,
}: {
  document: IncomingDocument;
  kind: CertificateKind;
  certificates: SigningCertificate[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const done = useOutgoingDone(d.id);
  const usable = certificates.filter((c) => c.kind === kind && !c.expired);
  const chosenId = Form.useWatch('certificateId', form);
  const chosen = usable.find((c) => c.id === chosenId);
  const remote = chosen?.provider === 'remote';
  const current = d.outgoing?.versions[0];
  const personal = kind === 'personal';

  const submit = (v: Values) => {
    const body = { certificateId: v.certificateId ?? '', passphrase: v.passphrase ?? '' };
    const params = { path: { id: d.id } };
    return data(personal ? api.POST('/api/documents/outgoing/{id}/signatures', { params, body }) : api.POST('/api/documents/outgoing/{id}/organization-signature', { params, body }));
  };

  return (
    <FormModal<Values, IncomingDocument>
      title={t(personal ? 'signing.sign.title' : 'signing.seal.title')}
      form={form}
      okText={t(personal ? 'signing.sign.submit' : 'signing.seal.submit')}
      onCancel={onClose}
      submit={submit}
      onDone={(detail) => {
        done(detail, personal ? 'signing.sign.success' : 'signing.seal.success');
        onClose();
      }}
      initialValues={{ certificateId: usable[0]?.id }}
      width={600}
    >
      {current && (
        <Typography.Paragraph className="vps-wrap">{t(personal ? 'signing.sign.version' : 'signing.seal.version', { version: current.version, name: current.name })}</Typography.Paragraph>
      )}
      {usable.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(personal ? 'signing.sign.noCertificate' : 'signing.seal.noCertificate')}
          description={<Link to={signingPath('certificates')}>{t('signing.cert.add')}</Link>}
        />
      )}
      <Form.Item name="certificateId" label={t(personal ? 'signing.sign.certificate' : 'signing.seal.certificate')} rules={[{ required: true, message: t('signing.sign.certificateRequired') }]} extra={chosen && facts(chosen)}>
        <Select options={usable.map((c) => ({ value: c.id, label: optionLabel(c) }))} />
      </Form.Item>
      <Form.Item
        name="passphrase"
        label={t(remote ? 'signing.pin' : 'signing.passphrase')}
        rules={[{ required: true, message: t(remote ? 'signing.pinRequired' : 'signing.passphraseRequired') }]}
        extra={t(remote ? 'signing.sign.pinHelp' : 'signing.sign.passphraseHelp')}
      >
        <Input.Password autoComplete="off" autoFocus />
      </Form.Item>
      <Appearance kind={kind} certificate={chosen} />
      {!personal && <SealScope document={d} />}
    </FormModal>
  );
}
