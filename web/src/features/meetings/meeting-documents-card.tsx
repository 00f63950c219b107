import { DeleteOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, List, Popover, Space, Typography, Upload } from 'antd';
import { api, csrfHeaders, data } from '../../api/client';
import { t } from '../../i18n';
import { formatInstant } from '../../lib/format';
import type { UploadResponse } from '../documents/register-values';
import { useMeetingChanged, type Meeting } from './meeting-queries';

type Doc = Meeting['documents'][number];

const sizeOf = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** Paperless meetings: the organizer posts the papers; everyone invited reads them here; the organizer sees who read. */
export function MeetingDocumentsCard({ meeting }: { meeting: Meeting }) {
  const { message } = App.useApp();
  const changed = useMeetingChanged();
  const manage = meeting.actions.includes('documents');
  const attach = useMutation({
    mutationFn: (file: UploadResponse) => data(api.POST('/api/meetings/{id}/documents', { params: { path: { id: meeting.id } }, body: { fileId: file.id! } })),
    onSuccess: changed,
    onError: (e) => void message.error(e.message),
  });
  const remove = useMutation({
    mutationFn: (doc: Doc) => data(api.DELETE('/api/meetings/{id}/documents/{documentId}', { params: { path: { id: meeting.id, documentId: doc.id } } })),
    onSuccess: changed,
  });
  return (
    <Card
      title={t('meeting.documents')}
      data-testid="meeting-documents"
      extra={
        manage && (
          <Upload
            name="file"
            action="/api/files"
            headers={csrfHeaders()}
            accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
            showUploadList={false}
            onChange={(info) => {
              if (info.file.status === 'done' && info.file.response) attach.mutate(info.file.response as UploadResponse);
              if (info.file.status === 'error') void message.error((info.file.response as { detail?: string } | undefined)?.detail ?? t('incoming.form.uploadFailed'));
            }}
          >
            <Button size="small" icon={<UploadOutlined aria-hidden />} loading={attach.isPending}>
              {t('meeting.documents.add')}
            </Button>
          </Upload>
        )
      }
    >
      <List<Doc>
        dataSource={meeting.documents}
        locale={{ emptyText: t('meeting.documents.empty') }}
        renderItem={(d) => (
          <List.Item
            actions={[
              <a key="open" href={`/api/meetings/${meeting.id}/documents/${d.id}/content`} target="_blank" rel="noreferrer">
                {t('meeting.documents.open')}
              </a>,
              manage && <Button key="remove" type="text" size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('meeting.documents.remove')} onClick={() => remove.mutate(d)} />,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              avatar={<FilePdfOutlined aria-hidden style={{ fontSize: 20, color: '#b71c1c' }} />}
              title={d.title}
              description={
                <Space size={8} wrap>
                  <span>{`${d.fileName} · ${sizeOf(d.size)} · ${d.addedByName}, ${formatInstant(d.addedAt)}`}</span>
                  {d.readers.length > 0 ? (
                    <Popover content={d.readers.map((r) => <div key={r.name}>{`${r.name} – ${formatInstant(r.readAt)}`}</div>)}>
                      <Typography.Link>{t('meeting.documents.readCount', { count: d.readCount })}</Typography.Link>
                    </Popover>
                  ) : (
                    <Typography.Text type="secondary">{t('meeting.documents.readCount', { count: d.readCount })}</Typography.Text>
                  )}
                  {d.readByMe && <Typography.Text type="success">{t('meeting.documents.readByMe')}</Typography.Text>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
