import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex } from 'antd';
import { t } from '../../i18n';
import { documentFileUrl } from '../documents/document-queries';
import { PdfViewer } from '../documents/pdf-viewer';

export interface PreviewFile {
  id: string;
  name: string;
  mime: string;
}

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A version of the draft drawn by pdf.js, as on the incoming page: a PDF as it is, a DOCX through the
 * server's conversion. When the server cannot convert (no LibreOffice: 501), the viewer says so and the
 * download is next to the title. Loading a file records a reading on the timeline; `onViewed` lets the
 * page show that entry.
 */
export function FilePreview({ documentId, file, title, onViewed }: { documentId: string; file: PreviewFile | undefined; title: string; onViewed: () => void }) {
  const src = !file ? null : file.mime === PDF ? documentFileUrl(documentId, file.id, true) : file.mime === DOCX ? `/api/documents/${documentId}/files/${file.id}/pdf` : null;
  return (
    <Card
      title={title}
      extra={
        file && (
          <Flex gap={4} wrap>
            {src && (
              <Button type="link" href={src} target="_blank" rel="noopener" icon={<ExportOutlined aria-hidden />}>
                {t('incoming.detail.openNewTab')}
              </Button>
            )}
            <Button type="link" href={documentFileUrl(documentId, file.id)} icon={<DownloadOutlined aria-hidden />} aria-label={`${t('incoming.detail.download')} ${file.name}`}>
              {t('incoming.detail.download')}
            </Button>
          </Flex>
        )
      }
      styles={{ body: { padding: src ? 0 : undefined } }}
    >
      {src && file ? (
        // A new version is a new viewer: the pages of the one before must not stay on screen.
        <PdfViewer key={src} url={src} title={t('incoming.detail.previewOf', { name: file.name })} onLoaded={onViewed} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={file ? t('incoming.detail.noPreview', { name: file.name }) : t('outgoing.preview.noContent')} />
      )}
    </Card>
  );
}
