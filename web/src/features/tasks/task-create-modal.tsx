import { DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { DATE_FORMAT, formatDay, todayInVietnam, toIsoDate } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';
import { dueBody, RoutingDueField, type RoutingDueValues } from '../documents/routing-due-field';
import { AgencySelect } from '../org/agency-select';
import { useAgencyList, usePeople } from '../org/org-queries';
import { useQuery } from '@tanstack/react-query';
import { useTaskChanged, type Task } from './task-queries';

type SourceKind = Task['sourceKind'];

interface Values extends RoutingDueValues {
  content: string;
  sourceKind: SourceKind;
  sourceDocumentId?: string;
  sourceReference?: string;
  primaryAgencyId: string;
  primaryUserId?: string;
  coordinatingAgencyIds?: string[];
  priority: Task['priority'];
  expectedResult?: string;
  recurrence: NonNullable<Task['recurrence']> | 'none';
  recurrenceUntil?: Dayjs;
}

const RECURRENCES = ['none', 'monthly', 'quarterly', 'yearly'] as const;

/** Directive documents the leader may read, searched on the server by number or subject. */
function SourceDocumentSelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string) => void }) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const found = useQuery({ queryKey: ['documents', 'search', 'task-source', q], queryFn: () => data(api.GET('/api/documents/search', { params: { query: { q: q || undefined, pageSize: 20 } } })) });
  const options = (found.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.numberNotation ?? ''} ${d.issuedDate ? `(${formatDay(d.issuedDate)})` : ''} – ${d.subject}` }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={found.isFetching}
      placeholder={t('task.sourceDocumentPlaceholder')}
      style={{ width: '100%' }}
    />
  );
}

/** The people of the primary agency, searched on the server by name: the task may name one of them. */
function AgencyPersonSelect({ id, value, onChange, agencyId }: { id?: string; value?: string; onChange?: (v: string | undefined) => void; agencyId: string | undefined }) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const people = usePeople({ agencyId, q: q || undefined, limit: 50 }, Boolean(agencyId));
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.fullName, detail: [p.positionName, p.unitName].filter(Boolean).join(', ') }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      disabled={!agencyId}
      options={options}
      optionRender={(o) => (
        <div style={{ lineHeight: 1.35 }}>
          <div>{o.data.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.data.detail}
          </Typography.Text>
        </div>
      )}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => !open && setSearch('')}
      loading={people.isFetching}
      placeholder={t('task.primaryUserPlaceholder')}
      style={{ width: '100%' }}
    />
  );
}

function CoordinatorsSelect({ id, value, onChange, excludeId }: { id?: string; value?: string[]; onChange?: (v: string[]) => void; excludeId: string | undefined }) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = useAgencyList({ q: q || undefined, pageSize: 50 });
  const [known, setKnown] = useState<Record<string, string>>({});
  const found = (list.data?.items ?? []).filter((a) => a.id !== excludeId);
  const options = [...(value ?? []).filter((v) => !found.some((a) => a.id === v)).map((v) => ({ value: v, label: known[v] ?? v })), ...found.map((a) => ({ value: a.id, label: a.name }))];
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={(v: string[]) => {
        setKnown((k) => ({ ...k, ...Object.fromEntries(found.map((a) => [a.id, a.name])) }));
        onChange?.(v);
      }}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => !open && setSearch('')}
      loading={list.isFetching}
      placeholder={t('task.coordinatorsPlaceholder')}
      style={{ width: '100%' }}
    />
  );
}

/** A leader gives a task: what, from where, to exactly one primary agency, by when, how urgent, for what result. */
export function TaskCreateModal({ onCancel, onDone }: { onCancel: () => void; onDone: (task: Task) => void }) {
  const [form] = Form.useForm<Values>();
  const changed = useTaskChanged();
  const sourceKind = Form.useWatch('sourceKind', form);
  const primaryAgencyId = Form.useWatch('primaryAgencyId', form);
  const dueMode = Form.useWatch('dueMode', form);
  const dueDays = Form.useWatch('dueInWorkingDays', form);
  const recurrence = Form.useWatch('recurrence', form);
  const recurring = Boolean(recurrence && recurrence !== 'none');
  const required = (message: string) => [{ required: true, whitespace: true, message }];

  const submit = async (v: Values) =>
    data(
      api.POST('/api/tasks', {
        body: {
          content: v.content,
          source: v.sourceKind === 'document' ? { kind: 'document', documentId: v.sourceDocumentId } : { kind: v.sourceKind, reference: v.sourceReference },
          primaryAgencyId: v.primaryAgencyId,
          primaryUserId: v.primaryUserId || undefined,
          coordinatingAgencyIds: v.coordinatingAgencyIds ?? [],
          ...dueBody(v),
          priority: v.priority,
          expectedResult: v.expectedResult?.trim() || undefined,
          ...(v.recurrence !== 'none' ? { recurrence: v.recurrence, recurrenceUntil: v.recurrenceUntil ? toIsoDate(v.recurrenceUntil) : undefined } : {}),
        },
      }),
    );

  return (
    <FormModal<Values, Task>
      title={t('task.create')}
      form={form}
      width={720}
      okText={t('task.create')}
      initialValues={{ sourceKind: 'instruction', dueMode: 'days', priority: 'normal', recurrence: 'none' }}
      aliases={{ source: sourceKind === 'document' ? 'sourceDocumentId' : 'sourceReference' }}
      submit={submit}
      onDone={(task) => {
        changed(task);
        onDone(task);
      }}
      onCancel={onCancel}
    >
      <Form.Item name="content" label={t('task.content')} rules={required(t('task.contentRequired'))}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} autoFocus />
      </Form.Item>
      <Form.Item name="sourceKind" label={t('task.source')}>
        <Radio.Group optionType="button" options={(['instruction', 'meeting', 'document'] as const).map((k) => ({ value: k, label: t(`task.source.${k}`) }))} />
      </Form.Item>
      {sourceKind === 'document' ? (
        <Form.Item name="sourceDocumentId" label={t('task.sourceDocument')} rules={[{ required: true, message: t('task.sourceDocumentRequired') }]}>
          <SourceDocumentSelect />
        </Form.Item>
      ) : (
        <Form.Item name="sourceReference" label={t(sourceKind === 'meeting' ? 'task.sourceMeeting' : 'task.sourceInstruction')} rules={required(t('task.sourceTextRequired'))}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      )}
      <Form.Item name="primaryAgencyId" label={t('task.primaryAgency')} rules={[{ required: true, message: t('task.primaryAgencyRequired') }]}>
        <AgencySelect allowClear={false} onChange={() => form.setFieldValue('primaryUserId', undefined)} />
      </Form.Item>
      <Form.Item name="primaryUserId" label={t('task.primaryUser')}>
        <AgencyPersonSelect agencyId={primaryAgencyId} />
      </Form.Item>
      <Form.Item name="coordinatingAgencyIds" label={t('task.coordinators')}>
        <CoordinatorsSelect excludeId={primaryAgencyId} />
      </Form.Item>
      <Form.Item name="recurrence" label={t('task.recurrence')} extra={recurring ? t('task.recurrence.help') : undefined}>
        <Radio.Group
          optionType="button"
          options={RECURRENCES.map((r) => ({ value: r, label: t(`task.recurrence.${r}`) }))}
          // a period repeats a day of the month: N working days has none, so a recurring task takes a date
          onChange={(e) => e.target.value !== 'none' && form.setFieldValue('dueMode', 'date')}
        />
      </Form.Item>
      <RoutingDueField modes={recurring ? ['date'] : ['days', 'date']} label={t('task.deadline')} mode={dueMode} days={dueDays} />
      {recurring && (
        <Form.Item name="recurrenceUntil" label={t('task.recurrenceUntil')}>
          <DatePicker format={[DATE_FORMAT, 'D/M/YYYY']} disabledDate={(d) => toIsoDate(d) < todayInVietnam()} placeholder={t('task.recurrenceUntilPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
      )}
      <Form.Item name="priority" label={t('task.priority')}>
        <Radio.Group optionType="button" options={(['normal', 'high', 'urgent'] as const).map((p) => ({ value: p, label: t(`task.priority.${p}`) }))} />
      </Form.Item>
      <Form.Item name="expectedResult" label={t('task.expectedResult')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
