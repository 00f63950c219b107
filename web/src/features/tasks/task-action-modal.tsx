import { App, DatePicker, Form, Input, InputNumber, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, data } from '../../api/client';
import { FormModal } from '../../components/form-modal';
import { t, type MessageKey } from '../../i18n';
import { DATE_FORMAT, formatDay, toIsoDate } from '../../lib/format';
import { TaskFilesUpload, type TaskFiles } from './task-files-upload';
import { useTaskChanged, type Task, type TaskAction } from './task-queries';

/** The steps that open a dialog; "Tiếp nhận" needs nothing more and is done at once. */
export type DialogAction = Exclude<TaskAction, 'accept'>;

interface Values {
  percent?: number;
  text?: string;
  files?: TaskFiles;
  dueDate?: Dayjs;
  approve?: boolean;
}

const fileIds = (v: Values) => (v.files ?? []).flatMap((f) => (f.status === 'done' && f.response?.id ? [f.response.id] : []));
const path = (id: string) => ({ params: { path: { id } } });

function send(task: Task, action: DialogAction, v: Values): Promise<Task> {
  const text = v.text?.trim() ?? '';
  switch (action) {
    case 'report_progress':
      return data(api.POST('/api/tasks/{id}/progress', { ...path(task.id), body: { percent: v.percent, note: text, fileIds: fileIds(v) } }));
    case 'add_note':
      return data(api.POST('/api/tasks/{id}/progress', { ...path(task.id), body: { note: text, fileIds: fileIds(v) } }));
    case 'report_done':
      return data(api.POST('/api/tasks/{id}/done', { ...path(task.id), body: { note: text, fileIds: fileIds(v) } }));
    case 'confirm_done':
      return data(api.POST('/api/tasks/{id}/confirm', { ...path(task.id), body: { note: text || undefined } }));
    case 'return':
      return data(api.POST('/api/tasks/{id}/return', { ...path(task.id), body: { reason: text } }));
    case 'request_extension':
      return data(api.POST('/api/tasks/{id}/extensions', { ...path(task.id), body: { dueDate: v.dueDate ? toIsoDate(v.dueDate) : '', reason: text } }));
    case 'decide_extension':
      return data(api.POST('/api/tasks/{id}/extensions/decision', { ...path(task.id), body: { approve: v.approve ?? true, note: text || undefined } }));
  }
}

// The text field of each step: its label, and whether it may stay empty.
const TEXT: Record<DialogAction, { label: MessageKey; optional?: boolean; files?: boolean }> = {
  report_progress: { label: 'task.form.note', files: true },
  add_note: { label: 'task.form.note', files: true },
  report_done: { label: 'task.form.result', files: true },
  confirm_done: { label: 'task.form.confirmNote', optional: true },
  return: { label: 'task.form.reason' },
  request_extension: { label: 'task.form.reason' },
  decide_extension: { label: 'task.form.refuseReason', optional: true },
};

/** One dialog for every step that needs words (and, for reports, a percent and files). */
export function TaskActionModal({ task, action, onClose }: { task: Task; action: DialogAction; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const changed = useTaskChanged();
  const approve = Form.useWatch('approve', form);
  const open = task.extensions.find((e) => e.status === 'pending');
  const field = TEXT[action];
  const textRequired = !field.optional || (action === 'decide_extension' && approve === false);
  return (
    <FormModal<Values, Task>
      title={t(`task.action.${action}`)}
      form={form}
      width={620}
      okText={t(`task.action.${action}`)}
      danger={action === 'return'}
      initialValues={{ approve: true, percent: action === 'report_progress' ? task.progress : undefined }}
      aliases={{ note: 'text', reason: 'text', fileIds: 'files' }}
      submit={(v) => send(task, action, v)}
      onDone={(next) => {
        changed(next);
        message.success(t(`task.done.${action}`));
        onClose();
      }}
      onCancel={onClose}
    >
      {action === 'decide_extension' && open && (
        <>
          <p>
            {t('task.extension.line', { from: formatDay(open.fromDeadline), to: formatDay(open.requestedDeadline) })}: {open.reason}
          </p>
          <Form.Item name="approve" label={t('task.form.decision')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: true, label: t('task.form.approve') },
                { value: false, label: t('task.form.refuse') },
              ]}
            />
          </Form.Item>
        </>
      )}
      {action === 'report_progress' && (
        <Form.Item name="percent" label={t('task.form.percent')} rules={[{ required: true, message: t('task.form.percentRequired') }]}>
          <InputNumber min={0} max={99} precision={0} suffix="%" style={{ width: 140 }} autoFocus />
        </Form.Item>
      )}
      {action === 'request_extension' && (
        <Form.Item name="dueDate" label={t('task.form.newDeadline')} rules={[{ required: true, message: t('task.form.newDeadlineRequired') }]}>
          <DatePicker format={[DATE_FORMAT, 'D/M/YYYY']} disabledDate={(d) => toIsoDate(d) <= task.deadline} style={{ width: 200 }} />
        </Form.Item>
      )}
      <Form.Item name="text" label={t(field.label)} rules={textRequired ? [{ required: true, whitespace: true, message: t(action === 'return' || action === 'request_extension' || action === 'decide_extension' ? 'task.form.reasonRequired' : 'task.form.noteRequired') }] : []}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} autoFocus={action !== 'report_progress'} />
      </Form.Item>
      {field.files && (
        <Form.Item name="files" label={t('task.form.files')} valuePropName="value">
          <TaskFilesUpload />
        </Form.Item>
      )}
    </FormModal>
  );
}
