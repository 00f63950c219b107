import { InboxOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Checkbox, Form, Input, Radio, Select, Typography, Upload, type UploadFile } from 'antd';
import { api, csrfHeaders, data } from '../../api/client';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import type { UploadResponse } from '../documents/register-values';
import { base64Of, useRemoteSigningServices, type CertificateKind, type CertificateProvider, type SigningCertificate } from './signing-queries';

interface Values {
  kind: CertificateKind;
  provider: CertificateProvider;
  pkcs12?: UploadFile[];
  passphrase?: string;
  serviceId?: string;
  credentialId?: string;
  accessToken?: string;
  forExchange?: boolean;
  label?: string;
  imageFileId?: UploadFile<UploadResponse>[];
}

const fileListOf = (e: { fileList: UploadFile[] } | UploadFile[]) => (Array.isArray(e) ? e : e.fileList);

/**
 * Adds a PKCS#12 file (.p12/.pfx) with its passphrase: the server opens it to check it, keeps it sealed and
 * forgets the passphrase. Or a key at a remote-signing service the server is configured for: the person
 * names the key (credential ID) and gives their access token there; the PIN/OTP is asked at each
 * signature. The image is the blue handwritten signature of a person or the agency's red
 * seal, a transparent PNG (Decree 30/2020, App. I §II.7–8); it is uploaded as soon as it is chosen.
 */
export function CertificateFormModal({ kinds, onClose, onSaved }: { kinds: CertificateKind[]; onClose: () => void; onSaved: (c: SigningCertificate) => void }) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? kinds[0];
  const images = Form.useWatch('imageFileId', form) ?? [];
  const provider = Form.useWatch('provider', form) ?? 'pkcs12';
  const services = useRemoteSigningServices();
  const remote = provider === 'remote';
  const submit = async (v: Values) => {
    const file = v.pkcs12?.[0]?.originFileObj;
    const common = { kind: v.kind, label: v.label ?? '', imageFileId: v.imageFileId?.[0]?.response?.id };
    const body =
      v.provider === 'remote'
        ? { ...common, provider: 'remote' as const, serviceId: v.serviceId, credentialId: v.credentialId, accessToken: v.accessToken }
        : { ...common, provider: 'pkcs12' as const, pkcs12: file ? await base64Of(file) : undefined, passphrase: v.passphrase, forExchange: v.kind === 'organization' && Boolean(v.forExchange) };
    return data(api.POST('/api/signing/certificates', { body }));
  };
  const serviceOptions = (services.data ?? []).map((s) => ({ value: s.id, label: s.name }));
  return (
    <FormModal<Values, SigningCertificate>
      title={t('signing.cert.add')}
      form={form}
      okText={t('signing.cert.addSubmit')}
      onCancel={onClose}
      submit={submit}
      onDone={onSaved}
      initialValues={{ kind: kinds[0], provider: 'pkcs12' }}
      width={600}
    >
      {/* Only a signer who also keeps the agency's seal chooses; everyone else has one kind. */}
      <Form.Item name="kind" label={t('signing.cert.kind')} hidden={kinds.length < 2}>
        <Radio.Group optionType="button" options={kinds.map((k) => ({ value: k, label: t(`signing.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="provider" label={t('signing.cert.provider')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'pkcs12', label: t('signing.provider.pkcs12') },
            { value: 'remote', label: t('signing.provider.remote') },
          ]}
        />
      </Form.Item>
      {remote ? (
        <>
          {services.isSuccess && serviceOptions.length === 0 && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('signing.cert.noRemoteServices')} />}
          <Form.Item name="serviceId" label={t('signing.cert.service')} rules={[{ required: true, message: t('signing.cert.serviceRequired') }]} extra={t('signing.cert.serviceHelp')}>
            <Select options={serviceOptions} loading={services.isPending} disabled={serviceOptions.length === 0} />
          </Form.Item>
          <Form.Item name="credentialId" label={t('signing.cert.credentialId')} rules={[{ required: true, whitespace: true, message: t('signing.cert.credentialIdRequired') }]} extra={t('signing.cert.credentialIdHelp')}>
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
          <Form.Item name="accessToken" label={t('signing.cert.accessToken')} rules={[{ required: true, whitespace: true, message: t('signing.cert.accessTokenRequired') }]} extra={t('signing.cert.accessTokenHelp')}>
            <Input.Password maxLength={4096} autoComplete="off" />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item
            name="pkcs12"
            label={t('signing.cert.file')}
            valuePropName="fileList"
            getValueFromEvent={fileListOf}
            rules={[{ required: true, message: t('signing.cert.fileRequired') }]}
            extra={t('signing.cert.fileHelp')}
          >
            <Upload.Dragger data-testid="pkcs12-upload" accept=".p12,.pfx" maxCount={1} beforeUpload={() => false}>
              <p className="ant-upload-text" style={{ margin: 0, fontSize: 14 }}>
                <InboxOutlined aria-hidden style={{ fontSize: 18, marginInlineEnd: 8, verticalAlign: 'middle' }} />
                {t('signing.cert.fileDrag')}
              </p>
            </Upload.Dragger>
          </Form.Item>
          <Form.Item name="passphrase" label={t('signing.passphrase')} rules={[{ required: true, message: t('signing.passphraseRequired') }]} extra={t('signing.cert.passphraseHelp')}>
            <Input.Password autoComplete="off" />
          </Form.Item>
          {kind === 'organization' && (
            <Form.Item name="forExchange" valuePropName="checked" extra={t('signing.cert.forExchangeHelp')}>
              <Checkbox>{t('signing.cert.forExchange')}</Checkbox>
            </Form.Item>
          )}
        </>
      )}
      <Form.Item name="label" label={t('signing.cert.label')} rules={[{ required: true, whitespace: true, message: t('signing.cert.labelRequired') }]}>
        <Input maxLength={200} placeholder={t('signing.cert.labelPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="imageFileId"
        label={t(kind === 'organization' ? 'signing.cert.imageSeal' : 'signing.cert.imageSignature')}
        valuePropName="fileList"
        getValueFromEvent={fileListOf}
        extra={t(kind === 'organization' ? 'signing.cert.imageSealHelp' : 'signing.cert.imageSignatureHelp')}
      >
        <Upload data-testid="image-upload" name="file" action="/api/files" headers={csrfHeaders()} accept=".png,image/png" listType="picture-card" maxCount={1}>
          {/* One image: once chosen, the tile to pick another goes away (remove it to choose again). */}
          {images.length === 0 && (
            <div>
              <PlusOutlined aria-hidden />
              <Typography.Text style={{ display: 'block', marginTop: 4, fontSize: 13 }}>{t('signing.cert.imagePick')}</Typography.Text>
            </div>
          )}
        </Upload>
      </Form.Item>
    </FormModal>
  );
}
