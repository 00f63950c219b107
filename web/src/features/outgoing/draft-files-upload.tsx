import { PaperClipOutlined, FileWordOutlined } from '@ant-design/icons';
import { Typography, Upload, type UploadFile } from 'antd';
import { csrfHeaders } from '../../api/client';
import { t } from '../../i18n';
import type { UploadResponse } from '../documents/register-values';

export type DraftFiles = UploadFile<UploadResponse>[];

// The draft is edited in Word or printed to PDF; the server checks the content again, whatever this says.
const CONTENT_ACCEPT = '.docx,.pdf';
const ATTACHMENT_ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg,.tif,.tiff';

/** Why a file was refused, in the server's words ("Tệp vượt quá 50 MB", "Chỉ nhận tệp PDF…"). */
const refusal = (f: UploadFile<UploadResponse>) => f.response?.detail ?? f.response?.title ?? t('incoming.form.uploadFailed');

interface DraftFilesUploadProps {
  id?: string;
  value?: DraftFiles;
  onChange?: (files: DraftFiles) => void;
  /** The content: one DOCX or PDF, a new pick replaces it. Otherwise annexes, as many as needed. */
  kind: 'content' | 'attachments';
}

/** Files are uploaded as soon as they are chosen (POST /api/files); saving the draft only sends their ids. */
export function DraftFilesUpload({ id, value, onChange, kind }: DraftFilesUploadProps) {
  const content = kind === 'content';
  return (
    <Upload.Dragger
      id={id}
      name="file"
      action="/api/files"
      headers={csrfHeaders()}
      multiple={!content}
      maxCount={content ? 1 : 20}
      accept={content ? CONTENT_ACCEPT : ATTACHMENT_ACCEPT}
      fileList={value}
      onChange={(info) => onChange?.(info.fileList as DraftFiles)}
      itemRender={(node, file) => (
        <div data-testid={`${kind}-upload-item`}>
          {node}
          {file.status === 'error' && (
            <Typography.Text type="danger" role="alert" style={{ display: 'block', fontSize: 13, marginInlineStart: 4 }}>
              {refusal(file)}
            </Typography.Text>
          )}
        </div>
      )}
    >
      <p className="ant-upload-text" style={{ margin: 0, fontSize: 14 }}>
        {content ? (
          <FileWordOutlined aria-hidden style={{ color: '#1d4ed8', fontSize: 18, marginInlineEnd: 8, verticalAlign: 'middle' }} />
        ) : (
          <PaperClipOutlined aria-hidden style={{ color: '#595959', fontSize: 18, marginInlineEnd: 8, verticalAlign: 'middle' }} />
        )}
        {t(content ? 'outgoing.form.contentDrag' : 'outgoing.form.attachmentsDrag')}
      </p>
      <p className="ant-upload-hint" style={{ margin: '2px 16px 0', fontSize: 13 }}>
        {t(content ? 'outgoing.form.contentHint' : 'outgoing.form.attachmentsHint')}
      </p>
    </Upload.Dragger>
  );
}

export const uploadedIds = (files: DraftFiles | undefined): string[] => (files ?? []).flatMap((f) => (f.response?.id ? [f.response.id] : []));
