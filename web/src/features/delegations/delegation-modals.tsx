import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, data } from '../../api/client';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { dayjs } from '../../lib/format';
import { useAgencyList } from '../org/org-queries';
import { useScheduleLeaders } from '../schedule/schedule-queries';
import { DELEGATION_KINDS, type Delegation, type DelegationKind } from './delegation-queries';

interface Values {
  kind: DelegationKind;
  name: string;
  organization: string;
  headName: string;
  composition?: string;
  memberCount?: number;
  dates: [Dayjs, Dayjs];
  content: string;
  receivingLeaderId: string;
  hostAgencyId: string;
}

function useAgencyOptions() {
  const agencies = useAgencyList({ pageSize: 200, active: 'true' });
  return (agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
}

/** Enter a delegation, or change one that has not come yet. */
export function DelegationFormModal({ delegation, onCancel, onDone }: { delegation?: Delegation; onCancel: () => void; onDone: (d: Delegation) => void }) {
  const [form] = Form.useForm<Values>();
  const leaders = useScheduleLeaders();
  const agencies = useAgencyOptions();
  const initialValues: Partial<Values> = delegation
    ? { ...delegation, composition: delegation.composition ?? undefined, memberCount: delegation.memberCount ?? undefined, dates: [dayjs(delegation.arrivesOn), dayjs(delegation.departsOn)] }
    : { kind: 'central' };
  const submit = (v: Values) => {
    const body = { kind: v.kind, name: v.name, organization: v.organization, headName: v.headName, composition: v.composition || undefined, memberCount: v.memberCount ?? undefined, arrivesOn: v.dates[0].format('YYYY-MM-DD'), departsOn: v.dates[1].format('YYYY-MM-DD'), content: v.content, receivingLeaderId: v.receivingLeaderId, hostAgencyId: v.hostAgencyId };
    return delegation ? data(api.PATCH('/api/delegations/{id}', { params: { path: { id: delegation.id } }, body })) : data(api.POST('/api/delegations', { body }));
  };
  return (
    <FormModal<Values, Delegation> title={t(delegation ? 'delegation.edit' : 'delegation.create')} form={form} width={680} initialValues={initialValues} submit={submit} onCancel={onCancel} onDone={onDone} aliases={{ arrivesOn: 'dates', departsOn: 'dates' }}>
      <Form.Item name="kind" label={t('delegation.kind')} rules={[{ required: true }]}>
        <Radio.Group options={DELEGATION_KINDS.map((k) => ({ value: k, label: t(`delegation.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('delegation.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="organization" label={t('delegation.organization')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="headName" label={t('delegation.head')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="composition" label={t('delegation.composition')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="memberCount" label={t('delegation.memberCount')}>
        <InputNumber min={1} max={1000} />
      </Form.Item>
      <Form.Item name="dates" label={t('delegation.dates')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker.RangePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item name="content" label={t('delegation.content')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="receivingLeaderId" label={t('delegation.receivingLeader')} rules={[{ required: true, message: t('common.required') }]}>
        <Select showSearch optionFilterProp="label" options={(leaders.data?.items ?? []).map((l) => ({ value: l.id, label: l.positionName ? `${l.fullName} – ${l.positionName}` : l.fullName }))} />
      </Form.Item>
      <Form.Item name="hostAgencyId" label={t('delegation.hostAgency')} rules={[{ required: true, message: t('common.required') }]}>
        <Select showSearch optionFilterProp="label" options={agencies} />
      </Form.Item>
    </FormModal>
  );
}

/** Received (with the outcome of the work) or cancelled (with the reason). */
export function DelegationOutcomeModal({ delegation, onCancel, onDone }: { delegation: Delegation; onCancel: () => void; onDone: (d: Delegation) => void }) {
  const [form] = Form.useForm<{ state: 'received' | 'cancelled'; outcome: string }>();
  return (
    <FormModal title={t('delegation.recordOutcome')} form={form} initialValues={{ state: 'received' }} submit={(v) => data(api.POST('/api/delegations/{id}/outcome', { params: { path: { id: delegation.id } }, body: v }))} onCancel={onCancel} onDone={onDone}>
      <Form.Item name="state" label={t('delegation.outcomeState')}>
        <Radio.Group options={[{ value: 'received', label: t('delegation.state.received') }, { value: 'cancelled', label: t('delegation.state.cancelled') }]} />
      </Form.Item>
      <Form.Item name="outcome" label={t('delegation.outcome')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={8000} />
      </Form.Item>
    </FormModal>
  );
}

interface TaskValues {
  content: string;
  primaryAgencyId: string;
  dueDate: Dayjs;
  priority: 'normal' | 'high' | 'urgent';
}

/** A follow-up task of the visit, given by a leader through the tasks module. */
export function DelegationTaskModal({ delegation, onCancel, onDone }: { delegation: Delegation; onCancel: () => void; onDone: (d: Delegation) => void }) {
  const [form] = Form.useForm<TaskValues>();
  const agencies = useAgencyOptions();
  return (
    <FormModal<TaskValues, { delegation: Delegation }>
      title={t('delegation.giveTask')}
      form={form}
      width={620}
      initialValues={{ priority: 'normal' }}
      submit={(v) => data(api.POST('/api/delegations/{id}/tasks', { params: { path: { id: delegation.id } }, body: { content: v.content, primaryAgencyId: v.primaryAgencyId, dueDate: v.dueDate.format('YYYY-MM-DD'), priority: v.priority } }))}
      onCancel={onCancel}
      onDone={(r) => onDone(r.delegation)}
    >
      <Form.Item name="content" label={t('delegation.taskContent')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="primaryAgencyId" label={t('delegation.taskAgency')} rules={[{ required: true, message: t('common.required') }]}>
        <Select showSearch optionFilterProp="label" options={agencies} />
      </Form.Item>
      <Form.Item name="dueDate" label={t('delegation.taskDue')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item name="priority" label={t('delegation.taskPriority')}>
        <Radio.Group options={(['normal', 'high', 'urgent'] as const).map((p) => ({ value: p, label: t(`delegation.priority.${p}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
