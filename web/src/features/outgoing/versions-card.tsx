import { DownloadOutlined, EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { IncomingDocument } from '../../api/types';
import { t } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { formatFileSize } from '../documents/document-display';
import { documentFileUrl } from '../documents/document-queries';

const ROW = { display: 'flex', alignItems: 'center', gap: 8, padding: '8px 0' } as const;

/** "Xem" (shows the file beside the card, pressed while shown) and "Tải về", for one file version. */
function FileButtons({ documentId, fileId, name, shown, showLabel, onShow }: { documentId: string; fileId: string; name: string; shown: boolean; showLabel: string; onShow: (fileId: string) => void }) {
  return (
    <>
      <Button type={shown ? 'primary' : 'text'} ghost={shown} size="small" icon={<EyeOutlined aria-hidden />} aria-pressed={shown} aria-label={showLabel} onClick={() => onShow(fileId)}>
        {t('outgoing.versions.show')}
      </Button>
      <Button type="link" size="small" href={documentFileUrl(documentId, fileId)} icon={<DownloadOutlined aria-hidden />} aria-label={`${t('incoming.detail.download')} ${name}`}>
        {t('incoming.detail.download')}
      </Button>
    </>
  );
}

/**
 * Every content version, newest first (art. 10: the draft's history is kept): download any of them, or show
 * it in the preview. The newest is the one that is reviewed, signed and sent.
 */
export function VersionsCard({ document: d, shownId, onShow, extra }: { document: IncomingDocument; shownId: string | undefined; onShow: (fileId: string) => void; extra?: ReactNode }) {
  const versions = d.outgoing?.versions ?? [];
  return (
    <Card title={t('outgoing.versions')} extra={extra} styles={{ body: { padding: '4px 12px' } }} data-testid="versions-card">
      {versions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(d.confidentiality === 'normal' ? 'outgoing.versions.none' : 'incoming.detail.noFilesSecret')} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {versions.map((v, i) => (
            <li key={v.fileId} style={{ ...ROW, borderTop: i > 0 ? '1px solid #f0f0f0' : undefined }}>
              <div className="vps-wrap" style={{ flex: 1, minWidth: 0 }}>
                <Flex gap={6} align="center" wrap>
                  <Tag color={i === 0 ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
                    {t('outgoing.versions.version', { version: v.version })}
                  </Tag>
                  {i === 0 && <Typography.Text type="secondary">{t('outgoing.versions.current')}</Typography.Text>}
                </Flex>
                <div>{v.name}</div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {formatInstant(v.addedAt)} · {formatFileSize(v.size)}
                </Typography.Text>
              </div>
              <FileButtons documentId={d.id} fileId={v.fileId} name={v.name} shown={shownId === v.fileId} showLabel={t('outgoing.versions.showLabel', { version: v.version })} onShow={onShow} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/**
 * The annexes and accompanying papers, sent with the content. An annex in a file of its own gets the
 * agency's signature when the clerk signs the document for the agency (Decree 30/2020, App. I §II.8): that
 * signed PDF becomes its current version, above the file as drafted. Any version can be shown on the right,
 * where its signatures are checked.
 */
export function AttachmentsCard({ document: d, shownId, onShow }: { document: IncomingDocument; shownId: string | undefined; onShow: (fileId: string) => void }) {
  const versions = d.outgoing?.attachments ?? [];
  if (versions.length === 0) return null;
  const count = (attachment: number) => versions.filter((v) => v.attachment === attachment).length;
  return (
    <Card title={t('outgoing.form.attachments')} styles={{ body: { padding: '4px 12px' } }} data-testid="attachments-card">
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {versions.map((v, i) => (
          <li
            key={v.fileId}
            data-testid="attachment-version"
            data-current={v.current}
            // the versions of one annex together, the older ones set in under the current one
            style={{ ...ROW, paddingInlineStart: v.current ? 0 : 16, borderTop: i > 0 && v.current ? '1px solid #f0f0f0' : undefined }}
          >
            <div className="vps-wrap" style={{ flex: 1, minWidth: 0 }}>
              {(count(v.attachment) > 1 || v.organizationSigned) && (
                <Flex gap={6} align="center" wrap>
                  {count(v.attachment) > 1 && (
                    <Tag color={v.current ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
                      {t('outgoing.versions.version', { version: v.version })}
                    </Tag>
                  )}
                  {v.organizationSigned && (
                    <Tag color="green" icon={<SafetyCertificateOutlined aria-hidden />} style={{ marginInlineEnd: 0 }} data-testid="organization-signed">
                      {t('outgoing.attachments.organizationSigned')}
                    </Tag>
                  )}
                </Flex>
              )}
              <div>
                {v.name}{' '}
                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                  ({formatFileSize(v.size)})
                </Typography.Text>
              </div>
            </div>
            <FileButtons documentId={d.id} fileId={v.fileId} name={v.name} shown={shownId === v.fileId} showLabel={t('outgoing.attachments.showLabel', { name: v.name, version: v.version })} onShow={onShow} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
