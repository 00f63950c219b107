import { InboxOutlined } from '@ant-design/icons';
import { Tag, Typography, Upload, type UploadFile } from 'antd';
import { csrfHeaders } from '../../api/client';
import { t } from '../../i18n';
import type { UploadResponse } from './register-values';

// What the files platform accepts for documents; the server checks the content again, whatever this says.
const ACCEPT = '.pdf,.docx,.png,.jpg,.jpeg,.tif,.tiff';

type Files = UploadFile<UploadResponse>[];

/** Why a file was refused, in the server's words ("Tệp vượt quá 50 MB", "Chỉ nhận tệp PDF…"). */
const refusal = (f: UploadFile<UploadResponse>) => f.response?.detail ?? f.response?.title ?? t('incoming.form.uploadFailed');

/**
 * Files are uploaded as soon as they are dropped (POST /api/files), so registering only sends their ids.
 * The first file is the main document; the list says so next to each name.
 */
export function DocumentFilesUpload({ id, value, onChange }: { id?: string; value?: Files; onChange?: (files: Files) => void }) {
  return (
    <Upload.Dragger
      id={id}
      name="file"
      action="/api/files"
      headers={csrfHeaders()}
      multiple
      accept={ACCEPT}
      fileList={value}
      onChange={(info) => onChange?.(info.fileList as Files)}
      itemRender={(node, file, list) => {
        const index = list.indexOf(file);
        return (
          <div data-testid="upload-item">
            <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <Tag color={index === 0 ? 'blue' : 'default'} style={{ flex: 'none', marginInlineEnd: 0 }}>
                {t(index === 0 ? 'document.file.main' : 'document.file.attachment')}
              </Tag>
              <div style={{ flex: 1, minWidth: 0 }}>{node}</div>
            </div>
            {file.status === 'error' && (
              <Typography.Text type="danger" role="alert" style={{ display: 'block', fontSize: 13, marginInlineStart: 4 }}>
                {refusal(file)}
              </Typography.Text>
            )}
          </div>
        );
      }}
    >
      {/* One line with the icon inline instead of antd's tall block: the dropzone stays in view with the form. */}
      <p className="ant-upload-text" style={{ margin: 0 }}>
        <InboxOutlined aria-hidden style={{ color: '#b71c1c', fontSize: 20, marginInlineEnd: 8, verticalAlign: 'middle' }} />
        {t('incoming.form.uploadDrag')}
      </p>
      <p className="ant-upload-hint" style={{ margin: '2px 16px 0' }}>
        {t('incoming.form.uploadHint')}
      </p>
    </Upload.Dragger>
  );
}

/** Registering waits for every upload to finish, and refuses to silently drop a failed one. */
export function filesReady(files: Files | undefined): Promise<void> {
  if ((files ?? []).some((f) => f.status === 'uploading')) return Promise.reject(new Error(t('incoming.form.uploadPending')));
  if ((files ?? []).some((f) => f.status === 'error')) return Promise.reject(new Error(t('incoming.form.uploadRemoveFailed')));
  return Promise.resolve();
}
