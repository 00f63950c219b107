import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Card, Skeleton } from 'antd';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { useFileSignatures } from './signing-queries';
import { VerificationPanel } from './verification-panel';

const PDF = 'application/pdf';

/**
 * The digital signatures of the file shown on a document's page, checked by the server each time the page
 * shows it (the trust store or a CRL may have changed since). Only PDFs carry PAdES signatures.
 */
export function FileSignaturesCard({ documentId, file }: { documentId: string; file: { id: string; name: string; mime: string } | undefined }) {
  const pdf = file?.mime === PDF ? file : undefined;
  const report = useFileSignatures(documentId, pdf?.id);
  if (!pdf) return null;
  return (
    <Card
      size="small"
      data-testid="file-signatures"
      title={
        <span>
          <SafetyCertificateOutlined aria-hidden style={{ marginInlineEnd: 8 }} />
          {t('signing.fileCard.title')}
        </span>
      }
    >
      {report.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} title={false} />
      ) : report.isError ? (
        <Alert type="warning" showIcon title={t('signing.fileCard.failed')} description={errorMessage(report.error)} />
      ) : (
        <VerificationPanel report={report.data} compact />
      )}
    </Card>
  );
}
