import { FilePdfOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Card, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { verifyPdf } from './signing-queries';
import { VerificationPanel } from './verification-panel';

/**
 * "Kiểm tra chữ ký số": any PDF (a document received on paper and scanned, one sent by e-mail) checked
 * against the province's trust store. The server keeps nothing of it.
 */
export function VerifyPage() {
  const [name, setName] = useState<string | null>(null);
  const check = useMutation({ mutationFn: (file: File) => verifyPdf(file, file.name) });

  return (
    <>
      <PageHeader title={t('signing.page.verify')} description={t('signing.verify.description')} />
      <Card>
        <Upload.Dragger
          accept=".pdf,application/pdf"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            setName(file.name);
            check.mutate(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon" style={{ marginBottom: 8 }}>
            <FilePdfOutlined aria-hidden style={{ color: '#b71c1c' }} />
          </p>
          <p className="ant-upload-text">{t('signing.verify.drag')}</p>
          <p className="ant-upload-hint">{t('signing.verify.hint')}</p>
        </Upload.Dragger>
        {name && (
          <div style={{ marginTop: 16 }} aria-live="polite">
            <Typography.Title level={5} className="vps-wrap" style={{ marginTop: 0 }}>
              {t('signing.verify.fileOf', { name })}
            </Typography.Title>
            {check.isPending && <Spin description={t('signing.verify.checking')} />}
            {check.isError && <Alert type="error" showIcon role="alert" title={t('signing.verify.failed')} description={errorMessage(check.error)} />}
            {check.isSuccess && <VerificationPanel report={check.data} />}
          </div>
        )}
      </Card>
    </>
  );
}
