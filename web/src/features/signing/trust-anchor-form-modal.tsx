import { UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { anchorContentOf, type TrustAnchor } from './signing-queries';

interface Values {
  content?: string;
}

/**
 * Adds a CA certificate (root or intermediate) or a CRL to the province's trust store: pasted as PEM, or
 * read from a .cer/.crt/.pem/.crl/.der file (a DER file goes as base64). The server says which it is.
 */
export function TrustAnchorFormModal({ onClose, onSaved }: { onClose: () => void; onSaved: (a: TrustAnchor) => void }) {
  const [form] = Form.useForm<Values>();
  const [fileName, setFileName] = useState<string | null>(null);
  return (
    <FormModal<Values, TrustAnchor>
      title={t('signing.trust.add')}
      form={form}
      okText={t('signing.trust.addSubmit')}
      onCancel={onClose}
      submit={(v) => data(api.POST('/api/signing/trust-anchors', { body: { content: v.content ?? '' } }))}
      onDone={onSaved}
      width={640}
    >
      <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Upload
          accept=".cer,.crt,.pem,.crl,.der"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            void anchorContentOf(file).then((content) => {
              form.setFields([{ name: 'content', value: content, errors: [] }]);
              setFileName(file.name);
            });
            return false;
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />}>{t('signing.trust.pickFile')}</Button>
        </Upload>
        <Typography.Text type="secondary" data-testid="trust-file-name">
          {fileName ? t('signing.trust.fileRead', { name: fileName }) : t('signing.trust.fileHint')}
        </Typography.Text>
      </Flex>
      <Form.Item name="content" label={t('signing.trust.content')} rules={[{ required: true, whitespace: true, message: t('signing.trust.contentRequired') }]}>
        <Input.TextArea
          rows={8}
          spellCheck={false}
          placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'}
          className="vps-hash"
          onChange={() => setFileName(null)}
        />
      </Form.Item>
    </FormModal>
  );
}
