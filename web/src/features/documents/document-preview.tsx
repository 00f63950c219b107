import { ExportOutlined } from '@ant-design/icons';
import { Button, Card, Empty } from 'antd';
import type { IncomingDocument } from '../../api/types';
import { t } from '../../i18n';
import { documentFileUrl } from './document-queries';
import { PdfViewer } from './pdf-viewer';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const previewable = (mime: string) => mime === 'application/pdf' || mime === DOCX || mime.startsWith('image/');

/**
 * The main file drawn by pdf.js (a DOCX through the server's PDF conversion, when LibreOffice is
 * installed there), an image as it is. Loading it records a "file read" on the timeline; `onViewed` lets
 * the page show that entry.
 */
export function DocumentPreview({ document: d, onViewed }: { document: IncomingDocument; onViewed: () => void }) {
  const main = d.files.find((f) => f.role === 'main') ?? d.files[0];
  const src = main && previewable(main.mime) ? (main.mime === DOCX ? `/api/documents/${d.id}/files/${main.id}/pdf` : documentFileUrl(d.id, main.id, true)) : null;
  return (
    <Card
      title={t('incoming.detail.preview')}
      extra={
        src && (
          <Button type="link" href={src} target="_blank" rel="noopener" icon={<ExportOutlined aria-hidden />}>
            {t('incoming.detail.openNewTab')}
          </Button>
        )
      }
      styles={{ body: { padding: src ? 0 : undefined } }}
    >
      {src && main ? (
        main.mime.startsWith('image/') ? (
          <img src={src} alt={t('incoming.detail.previewOf', { name: main.name })} onLoad={onViewed} style={{ display: 'block', width: '100%', borderRadius: '0 0 8px 8px' }} />
        ) : (
          <PdfViewer url={src} title={t('incoming.detail.previewOf', { name: main.name })} onLoaded={onViewed} />
        )
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            main
              ? t('incoming.detail.noPreview', { name: main.name })
              : t(d.confidentiality === 'normal' ? 'incoming.detail.noFiles' : 'incoming.detail.noFilesSecret')
          }
        />
      )}
    </Card>
  );
}
