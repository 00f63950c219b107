import { ExportOutlined } from '@ant-design/icons';
import { Button, Card, Empty } from 'antd';
import type { IncomingDocument } from '../../api/types';
import { t } from '../../i18n';
import { documentFileUrl } from './document-queries';

const previewable = (mime: string) => mime === 'application/pdf' || mime.startsWith('image/');

/**
 * The main file in the browser's own viewer (the server sends it inline, same origin). Loading it records
 * a "file read" on the timeline; `onViewed` lets the page show that entry.
 */
export function DocumentPreview({ document: d, onViewed }: { document: IncomingDocument; onViewed: () => void }) {
  const main = d.files.find((f) => f.role === 'main') ?? d.files[0];
  const src = main && previewable(main.mime) ? documentFileUrl(d.id, main.id, true) : null;
  // Chromium's and Firefox's viewers read these: no thumbnail pane, the page as wide as the frame.
  const frameSrc = src && main?.mime === 'application/pdf' ? `${src}#navpanes=0&view=FitH` : src;
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
        <iframe
          src={frameSrc ?? undefined}
          title={t('incoming.detail.previewOf', { name: main.name })}
          onLoad={onViewed}
          style={{ display: 'block', width: '100%', height: 'max(600px, calc(100vh - 220px))', border: 0, borderRadius: '0 0 8px 8px' }}
        />
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
