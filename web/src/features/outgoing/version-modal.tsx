import { Form, Input } from 'antd';
import { api, data } from '../../api/client';
import type { IncomingDocument } from '../../api/types';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { submitOnCtrlEnter } from '../../lib/submit-on-ctrl-enter';
import { filesReady } from '../documents/document-files-upload';
import { DraftFilesUpload, uploadedIds, type DraftFiles } from './draft-files-upload';
import { useOutgoingDone } from './outgoing-queries';

interface Values {
  file?: DraftFiles;
  note: string;
}

async function hasFile(files: DraftFiles | undefined): Promise<void> {
  await filesReady(files);
  if (uploadedIds(files).length === 0) throw new Error(t('outgoing.form.versionFileRequired'));
}

/** A corrected content file; the earlier versions stay on the document (art. 10: the draft's history). */
export function VersionModal({ document: d, onClose }: { document: IncomingDocument; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const done = useOutgoingDone(d.id);
  const next = (d.outgoing?.versions[0]?.version ?? 0) + 1;
  return (
    <FormModal<Values, IncomingDocument>
      title={t('outgoing.form.versionTitle', { version: next })}
      form={form}
      okText={t('outgoing.action.add_version')}
      onCancel={onClose}
      aliases={{ fileId: 'file' }}
      initialValues={{ file: [], note: '' }}
      submit={(v) => data(api.POST('/api/documents/outgoing/{id}/versions', { params: { path: { id: d.id } }, body: { fileId: uploadedIds(v.file)[0] ?? '', note: v.note.trim() || undefined } }))}
      onDone={(detail) => {
        done(detail, 'outgoing.success.add_version');
        onClose();
      }}
    >
      <Form.Item name="file" label={t('outgoing.form.versionFile')} rules={[{ validator: (_, v: DraftFiles | undefined) => hasFile(v) }]}>
        <DraftFilesUpload kind="content" />
      </Form.Item>
      <Form.Item name="note" label={t('outgoing.form.versionNote')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} placeholder={t('outgoing.form.versionNotePlaceholder')} onKeyDown={submitOnCtrlEnter(form)} />
      </Form.Item>
    </FormModal>
  );
}
