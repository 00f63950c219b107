import { Alert, Form, Typography } from 'antd';
import { api, data } from '../../api/client';
import type { IncomingDocument } from '../../api/types';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { useOutgoingDone } from './outgoing-queries';

/**
 * The signer confirms having signed the current version, on paper or with a device of their own: the path
 * next to digital signing with a kept certificate (DigitalSignModal); the server keeps the version's
 * SHA-256 either way.
 */
export function SignModal({ document: d, onClose }: { document: IncomingDocument; onClose: () => void }) {
  const [form] = Form.useForm<object>();
  const done = useOutgoingDone(d.id);
  const current = d.outgoing?.versions[0];
  return (
    <FormModal<object, IncomingDocument>
      title={t('outgoing.action.sign')}
      form={form}
      okText={t('outgoing.form.signSubmit')}
      onCancel={onClose}
      submit={() => data(api.POST('/api/documents/outgoing/{id}/sign', { params: { path: { id: d.id } }, body: {} }))}
      onDone={(detail) => {
        done(detail, 'outgoing.success.sign');
        onClose();
      }}
    >
      <Typography.Paragraph>
        {current ? t('outgoing.form.signVersion', { version: current.version, name: current.name }) : t('outgoing.form.signNoFile')}
      </Typography.Paragraph>
      <Alert type="info" showIcon title={t('outgoing.form.signPlaceholder')} description={t('outgoing.form.signPlaceholderDetail')} />
    </FormModal>
  );
}
