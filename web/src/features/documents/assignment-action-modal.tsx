import { Alert, Form, Input, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { api, data } from '../../api/client';
import type { Assignment, AssignmentAction, IncomingDocument } from '../../api/types';
import { useCurrentUser } from '../../app/session';
import { FormModal } from '../../components/form-modal';
import { t, type MessageKey } from '../../i18n';
import { formatDay } from '../../lib/format';
import { submitOnCtrlEnter } from '../../lib/submit-on-ctrl-enter';
import { useUserList } from '../org/org-queries';
import { dueBody, RoutingDueField, type RoutingDueValues } from './routing-due-field';
import { useRoutingDone } from './routing-queries';

/** The steps that open a dialog; "Tiếp nhận" needs nothing more and is done at once. */
export type DialogAction = Exclude<AssignmentAction, 'accept'>;

interface Values extends RoutingDueValues {
  userId?: string;
  text: string;
}

const who = (a: Assignment) => a.userName ?? a.unitName;

/** The people of the assignment's unit, the only ones it can be forwarded to, without the forwarder. */
function ColleagueSelect({ id, value, onChange, unitId, unitName }: { id?: string; value?: string; onChange?: (v: string) => void; unitId: string; unitName: string }) {
  const me = useCurrentUser();
  const people = useUserList({ unitId, active: 'true', pageSize: 200 });
  const options = (people.data?.items ?? []).filter((u) => u.id !== me.id).map((u) => ({ value: u.id, label: u.fullName, detail: u.positionName ?? '' }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      optionRender={(o) => (
        <div style={{ lineHeight: 1.35 }}>
          <div>{o.data.label}</div>
          {o.data.detail && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.data.detail}
            </Typography.Text>
          )}
        </div>
      )}
      showSearch={{ optionFilterProp: 'label' }}
      autoFocus
      loading={people.isLoading}
      placeholder={t('routing.form.forwardToPlaceholder', { unit: unitName })}
      style={{ width: '100%' }}
    />
  );
}

interface Step {
  title: string;
  ok: MessageKey;
  /** The text field: its label, placeholder and the message when it is left empty. */
  text: { name: MessageKey; placeholder?: MessageKey; required: MessageKey; max: number };
  success: MessageKey;
  /** Taking work back from someone: the button says it is not an ordinary save. */
  danger?: boolean;
}

const STEPS: Record<DialogAction, (a: Assignment) => Step> = {
  forward: () => ({
    title: t('routing.form.forwardTitle'),
    ok: 'routing.action.forward',
    text: { name: 'routing.form.forwardNote', placeholder: 'routing.form.forwardNotePlaceholder', required: 'routing.form.forwardNoteRequired', max: 2000 },
    success: 'routing.success.forward',
  }),
  report: () => ({
    title: t('routing.form.reportTitle'),
    ok: 'routing.form.reportSubmit',
    text: { name: 'routing.form.reportNote', placeholder: 'routing.form.reportNotePlaceholder', required: 'routing.form.reportNoteRequired', max: 4000 },
    success: 'routing.success.report',
  }),
  complete: () => ({
    title: t('routing.form.completeTitle'),
    ok: 'routing.action.complete',
    text: { name: 'routing.form.result', placeholder: 'routing.form.resultPlaceholder', required: 'routing.form.resultRequired', max: 4000 },
    success: 'routing.success.complete',
  }),
  recall: (a) => ({
    title: t('routing.form.recallTitle', { who: who(a) }),
    ok: 'routing.action.recall',
    text: { name: 'routing.form.recallNote', required: 'routing.form.recallNoteRequired', max: 2000 },
    success: 'routing.success.recall',
    danger: true,
  }),
  extend: (a) => ({
    title: t('routing.form.extendTitle', { who: who(a) }),
    ok: 'routing.action.extend',
    text: { name: 'routing.form.extendNote', required: 'routing.form.extendNoteRequired', max: 2000 },
    success: 'routing.success.extend',
  }),
};

function send(d: IncomingDocument, a: Assignment, action: DialogAction, v: Values) {
  const params = { path: { id: d.id, assignmentId: a.id } };
  const text = v.text.trim();
  switch (action) {
    case 'forward':
      return data(api.POST('/api/documents/{id}/assignments/{assignmentId}/forward', { params, body: { userId: v.userId!, note: text, ...dueBody(v) } }));
    case 'report':
      return data(api.POST('/api/documents/{id}/assignments/{assignmentId}/report', { params, body: { note: text } }));
    case 'complete':
      return data(api.POST('/api/documents/{id}/assignments/{assignmentId}/complete', { params, body: { result: text } }));
    case 'recall':
      return data(api.POST('/api/documents/{id}/assignments/{assignmentId}/recall', { params, body: { note: text } }));
    case 'extend':
      return data(api.POST('/api/documents/{id}/assignments/{assignmentId}/extend', { params, body: { note: text, ...dueBody(v) } }));
  }
}

// The server names the text `note` or `result`; the form calls it `text` whatever the step.
const ALIASES = { note: 'text', result: 'text' };

/** One step on one assignment: forward it, report on it, finish it, or (its assigner) take it back or give more time. */
export function AssignmentActionModal({ document: d, assignment: a, action, onClose }: { document: IncomingDocument; assignment: Assignment; action: DialogAction; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const done = useRoutingDone(d.id);
  const step = STEPS[action](a);
  const dueMode = Form.useWatch('dueMode', form);
  const dueDays = Form.useWatch('dueInWorkingDays', form);

  let before: ReactNode = null;
  const forwarded = d.routing.assignments.some((x) => x.parentId === a.id && x.status !== 'recalled' && x.status !== 'done');
  if (action === 'recall' && forwarded) before = <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('routing.form.recallHint')} />;
  if (action === 'extend') {
    before = (
      <Typography.Paragraph>
        {a.dueDate ? t('routing.form.extendCurrent', { date: formatDay(a.dueDate) }) : t('routing.form.extendNoCurrent')}
      </Typography.Paragraph>
    );
  }
  if (action === 'forward' || action === 'report' || action === 'complete') {
    before = (
      <Typography.Paragraph type="secondary">
        {t('routing.form.task', { role: t(`routing.role.${a.role}`), who: who(a) })}
        {a.dueDate && ` · ${t('routing.due')}: ${formatDay(a.dueDate)}`}
      </Typography.Paragraph>
    );
  }

  return (
    <FormModal<Values, IncomingDocument>
      title={step.title}
      form={form}
      okText={t(step.ok)}
      danger={step.danger}
      onCancel={onClose}
      aliases={ALIASES}
      initialValues={{ text: '', dueMode: action === 'forward' ? 'keep' : 'date' }}
      submit={(v) => send(d, a, action, v)}
      onDone={(detail) => {
        done(detail, step.success);
        onClose();
      }}
    >
      {before}
      {action === 'forward' && (
        <Form.Item name="userId" label={t('routing.form.forwardTo')} rules={[{ required: true, message: t('routing.form.forwardToRequired') }]}>
          <ColleagueSelect unitId={a.unitId} unitName={a.unitName} />
        </Form.Item>
      )}
      {action === 'extend' && <RoutingDueField modes={['date', 'days']} label={t('routing.form.newDue')} mode={dueMode} days={dueDays} after={a.dueDate} />}
      <Form.Item name="text" label={t(step.text.name)} rules={[{ required: true, whitespace: true, message: t(step.text.required) }]}>
        <Input.TextArea
          autoFocus={action !== 'forward'}
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={step.text.max}
          showCount
          placeholder={step.text.placeholder && t(step.text.placeholder)}
          onKeyDown={submitOnCtrlEnter(form)}
        />
      </Form.Item>
      {action === 'forward' && <RoutingDueField modes={['keep', 'date', 'days']} label={t('routing.form.due')} mode={dueMode} days={dueDays} />}
    </FormModal>
  );
}
