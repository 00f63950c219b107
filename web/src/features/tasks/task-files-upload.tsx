import { InboxOutlined } from '@ant-design/icons';
import { Typography, Upload, type UploadFile } from 'antd';
import { csrfHeaders } from '../../api/client';
import { t } from '../../i18n';
import type { UploadResponse } from '../documents/register-values';

// What the files platform accepts; the server checks the content again, whatever this says.
const ACCEPT = '.pdf,.docx,.png,.jpg,.jpeg,.tif,.tiff';

export type TaskFiles = UploadFile<UploadResponse>[];

/** A report's files, uploaded as soon as they are dropped (POST /api/files): the report sends their ids. */
export function TaskFilesUpload({ id, value, onChange }: { id?: string; value?: TaskFiles; onChange?: (files: TaskFiles) => void }) {
  return (
    <Upload.Dragger
      id={id}
      name="file"
      action="/api/files"
      headers={csrfHeaders()}
      multiple
      accept={ACCEPT}
      fileList={value}
      onChange={(info) => onChange?.(info.fileList as TaskFiles)}
      itemRender={(node, file) => (
        <div data-testid="upload-item">
          {node}
          {file.status === 'error' && (
            <Typography.Text type="danger" role="alert" style={{ display: 'block', fontSize: 13, marginInlineStart: 4 }}>
              {file.response?.detail ?? file.response?.title ?? t('incoming.form.uploadFailed')}
            </Typography.Text>
          )}
        </div>
      )}
    >
      <p className="ant-upload-text" style={{ margin: 0 }}>
        <InboxOutlined aria-hidden style={{ color: '#b71c1c', fontSize: 20, marginInlineEnd: 8, verticalAlign: 'middle' }} />
        {t('incoming.form.uploadDrag')}
      </p>
      <p className="ant-upload-hint" style={{ margin: '2px 16px 0' }}>
        {t('task.form.filesHint')}
      </p>
    </Upload.Dragger>
  );
}
