import { App, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Typography, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, data } from '../../api/client';
import { FormModal } from '../../components/form-modal';
import { t, type MessageKey } from '../../i18n';
import { DATE_TIME_FORMAT, dayjs, vnWallClockToIso, VN_TZ } from '../../lib/format';
import { foldVietnamese } from '../../lib/text';
import { submitOnCtrlEnter } from '../../lib/submit-on-ctrl-enter';
import { useDebounced } from '../../lib/use-debounced';
import { useState } from 'react';
import type { UploadResponse } from '../documents/register-values';
import { usePeople } from '../org/org-queries';
import { TaskFilesUpload } from '../tasks/task-files-upload';
import { formatAppointment } from './dossier-display';
import { dossierCalls, dossierKeys, useDossierChanged } from './dossier-queries';
import type { Dossier, DossierAction } from './dossier-types';

/** The actions that open a dialog (taking a step is done at once), and recording a cash payment. */
export type DialogAction = Exclude<DossierAction, 'take'> | 'record_payment';

interface Values {
  assigneeId?: string;
  note?: string;
  reason?: string;
  items?: string;
  faultAgencyId?: string;
  newAppointmentAt?: Dayjs;
  resultSummary?: string;
  files?: UploadFile<UploadResponse>[];
  resultElectronic?: boolean;
  resultDigitized?: boolean;
  kind?: 'fee' | 'charge';
  name?: string;
  amount?: number;
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

function send(d: Dossier, action: DialogAction, v: Values): Promise<unknown> {
  const version = d.version;
  switch (action) {
    case 'advance':
      return dossierCalls.advance(d.id, { assigneeId: v.assigneeId, note: trimmed(v.note), version });
    case 'assign':
      return dossierCalls.assign(d.id, { assigneeId: v.assigneeId ?? '', version });
    case 'request_supplement':
      return dossierCalls.requestSupplement(d.id, { reason: v.reason?.trim() ?? '', items: lines(v.items), version });
    case 'complete_supplement':
      return dossierCalls.completeSupplement(d.id, { note: trimmed(v.note), version });
    case 'extend':
      return dossierCalls.extend(d.id, { reason: v.reason?.trim() ?? '', faultAgencyId: v.faultAgencyId ?? '', newAppointmentAt: v.newAppointmentAt ? vnWallClockToIso(v.newAppointmentAt) : '', version });
    case 'stop':
      return dossierCalls.stop(d.id, { reason: v.reason?.trim() ?? '', version });
    case 'withdraw':
      return dossierCalls.withdraw(d.id, { reason: v.reason?.trim() ?? '', version });
    case 'return_result': {
      const file = v.files?.find((f) => f.status === 'done' && f.response?.id);
      return dossierCalls.returnResult(d.id, {
        resultSummary: v.resultSummary?.trim() ?? '',
        resultFileId: file?.response?.id,
        resultElectronic: Boolean(v.resultElectronic),
        resultDigitized: Boolean(v.resultDigitized),
        version,
      });
    }
    case 'record_payment':
      return dossierCalls.recordPayment(d.id, { kind: v.kind ?? 'fee', name: v.name?.trim() ?? '', amount: v.amount ?? 0 });
  }
}

/** The agencies an apology letter may name: the province's agencies, those this dossier passed through first. */
function useFaultAgencies(d: Dossier, enabled: boolean) {
  const list = useQuery({
    queryKey: ['agencies', 'fault-candidates'],
    queryFn: () => data(api.GET('/api/agencies', { params: { query: { active: 'true', pageSize: 200 } } })),
    enabled,
    staleTime: 10 * 60_000,
  });
  const involved = new Set([d.currentAgencyId, d.handlingAgencyId, d.receivingAgencyId].filter(Boolean));
  const all = (list.data?.items ?? []).map((a) => ({ id: a.id, name: a.name }));
  return [...all.filter((a) => involved.has(a.id)), ...all.filter((a) => !involved.has(a.id))];
}

const REQUIRED_REASON: Record<string, MessageKey> = { reason: 'dossiers.form.reasonRequired' };

const searchable = { filterOption: (input: string, o?: { label?: unknown }) => foldVietnamese(String(o?.label ?? '')).includes(foldVietnamese(input)) };

const onlyOne = <T extends { preferred: boolean }>(people: T[]): T | undefined => {
  const preferred = people.filter((p) => p.preferred);
  return preferred.length === 1 ? preferred[0] : people.length === 1 ? people[0] : undefined;
};

/** One dialog per processing action; the server's Vietnamese error shows above the fields. */
export function DossierActionModal({ dossier, action, outstanding, onClose }: { dossier: Dossier; action: DialogAction; outstanding?: number; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const changed = useDossierChanged();
  const queryClient = useQueryClient();
  const faultAgencies = useFaultAgencies(dossier, action === 'extend');
  const [peopleSearch, setPeopleSearch] = useState('');
  const peopleQ = useDebounced(peopleSearch.trim(), 250);
  // advance names the next step's holder (the server's candidates, the fitting role first); assign names the
  // current step's, among the people of the agency that holds it
  const people = usePeople({ agencyId: dossier.currentAgencyId ?? undefined, q: peopleQ || undefined, limit: 50 }, action === 'assign' && Boolean(dossier.currentAgencyId));
  const assignees =
    action === 'assign'
      ? (people.data?.items ?? []).map((p) => ({ id: p.id, name: p.fullName, position: p.positionName, unitName: p.unitName, preferred: false }))
      : [...dossier.nextAssignees].sort((a, b) => Number(b.preferred) - Number(a.preferred));
  const reasonItem = (label: MessageKey = 'dossiers.form.reason') => (
    <Form.Item name="reason" label={t(label)} rules={[{ required: true, whitespace: true, message: t(REQUIRED_REASON.reason!) }]}>
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} autoFocus onKeyDown={submitOnCtrlEnter(form)} />
    </Form.Item>
  );
  return (
    <FormModal<Values, unknown>
      title={t(`dossiers.action.${action}`)}
      form={form}
      width={620}
      okText={t(`dossiers.action.${action}`)}
      danger={action === 'stop' || action === 'withdraw'}
      initialValues={{
        // the one person who fits the next step is chosen for the officer; among several, the officer chooses
        assigneeId: action === 'advance' ? onlyOne(assignees)?.id : undefined,
        faultAgencyId: dossier.currentAgencyId ?? dossier.handlingAgencyId,
        kind: 'fee',
        amount: outstanding && outstanding > 0 ? outstanding : undefined,
        resultElectronic: false,
        resultDigitized: true,
      }}
      aliases={{ resultFileId: 'files' }}
      submit={(v) =>
        send(dossier, action, v).catch((e: unknown) => {
          // someone else moved the dossier meanwhile: its detail is fetched again, so the next try is on the new state
          if (e instanceof ApiError && e.status === 409) void queryClient.invalidateQueries({ queryKey: dossierKeys.one(dossier.id) });
          throw e;
        })
      }
      onDone={(next) => {
        changed(next as Dossier, dossier.id);
        if (action === 'record_payment') void queryClient.invalidateQueries({ queryKey: dossierKeys.payments(dossier.id) });
        message.success(t(`dossiers.done.${action}`));
        onClose();
      }}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {dossier.code} — {dossier.applicantName}
      </Typography.Paragraph>
      {(action === 'advance' || action === 'assign') && (
        <>
          {action === 'advance' && dossier.nextStep && (
            <Typography.Paragraph>
              {t('dossiers.form.advanceTo', { from: dossier.currentStepName ?? '', to: dossier.nextStep.name })}
              {dossier.nextStep.agency && <Typography.Text type="secondary"> — {dossier.nextStep.agency.name}</Typography.Text>}
            </Typography.Paragraph>
          )}
          <Form.Item
            name="assigneeId"
            label={t(action === 'advance' ? 'dossiers.form.nextAssignee' : 'dossiers.form.assignee')}
            rules={action === 'assign' ? [{ required: true, message: t('dossiers.form.assigneeRequired') }] : []}
            extra={action === 'advance' ? t('dossiers.form.assigneeOptional') : undefined}
          >
            <Select
              // the agency's people are searched on the server (a department may have more than one page)
              showSearch={action === 'assign' ? { filterOption: false, onSearch: setPeopleSearch } : searchable}
              loading={action === 'assign' && people.isFetching}
              autoFocus
              allowClear
              options={assignees.map((a) => ({ value: a.id, label: [a.name, a.position, a.unitName].filter(Boolean).join(' — ') }))}
              placeholder={t('dossiers.form.assigneePlaceholder')}
            />
          </Form.Item>
          {action === 'advance' && (
            <Form.Item name="note" label={t('dossiers.form.note')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} onKeyDown={submitOnCtrlEnter(form)} />
            </Form.Item>
          )}
        </>
      )}
      {action === 'request_supplement' && (
        <>
          {dossier.supplementCount > 0 && <Typography.Paragraph type="warning">{t('dossiers.form.secondSupplement')}</Typography.Paragraph>}
          {reasonItem()}
          <Form.Item name="items" label={t('dossiers.form.items')} extra={t('dossiers.form.itemsHelp')} rules={[{ required: true, whitespace: true, message: t('dossiers.form.itemsRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} onKeyDown={submitOnCtrlEnter(form)} />
          </Form.Item>
        </>
      )}
      {action === 'complete_supplement' && (
        <Form.Item name="note" label={t('dossiers.form.note')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} autoFocus onKeyDown={submitOnCtrlEnter(form)} />
        </Form.Item>
      )}
      {action === 'extend' && (
        <>
          <Typography.Paragraph>{t('dossiers.form.currentAppointment', { at: formatAppointment(dossier.appointmentAt) })}</Typography.Paragraph>
          {reasonItem('dossiers.form.lateReason')}
          <Form.Item name="faultAgencyId" label={t('dossiers.form.faultAgency')} rules={[{ required: true, message: t('dossiers.form.faultAgencyRequired') }]}>
            <Select showSearch={searchable} options={faultAgencies.map((a) => ({ value: a.id, label: a.name }))} placeholder={t('dossiers.form.faultAgencyPlaceholder')} />
          </Form.Item>
          <Form.Item name="newAppointmentAt" label={t('dossiers.form.newAppointment')} rules={[{ required: true, message: t('dossiers.form.newAppointmentRequired') }]}>
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 15 }}
              format={DATE_TIME_FORMAT}
              disabledDate={(day) => Boolean(dossier.appointmentAt) && day.isBefore(dayjs.utc(dossier.appointmentAt).tz(VN_TZ).format('YYYY-MM-DD'), 'day')}
              style={{ width: 240 }}
            />
          </Form.Item>
        </>
      )}
      {action === 'stop' && reasonItem()}
      {action === 'withdraw' && reasonItem('dossiers.form.withdrawReason')}
      {action === 'return_result' && (
        <>
          <Form.Item name="resultSummary" label={t('dossiers.form.resultSummary')} rules={[{ required: true, whitespace: true, message: t('dossiers.form.resultSummaryRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} autoFocus />
          </Form.Item>
          <Form.Item name="files" label={t('dossiers.form.resultFile')} valuePropName="value">
            <TaskFilesUpload />
          </Form.Item>
          <Form.Item name="resultElectronic" valuePropName="checked" style={{ marginBottom: 4 }}>
            <Checkbox>{t('dossiers.form.resultElectronic')}</Checkbox>
          </Form.Item>
          <Form.Item name="resultDigitized" valuePropName="checked">
            <Checkbox>{t('dossiers.form.resultDigitized')}</Checkbox>
          </Form.Item>
        </>
      )}
      {action === 'record_payment' && (
        <>
          <Form.Item name="kind" label={t('dossiers.payment.kind')}>
            <Radio.Group optionType="button" options={(['fee', 'charge'] as const).map((k) => ({ value: k, label: t(`dossiers.payment.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('dossiers.payment.name')} rules={[{ required: true, whitespace: true, message: t('dossiers.payment.nameRequired') }]}>
            <Input maxLength={300} autoFocus />
          </Form.Item>
          <Form.Item name="amount" label={t('dossiers.payment.amount')} rules={[{ required: true, message: t('dossiers.payment.amountRequired') }]}>
            <InputNumber<number>
              min={0}
              precision={0}
              step={1000}
              suffix="đ"
              formatter={(v) => (v === undefined || v === null ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.'))}
              parser={(s) => Number((s ?? '').replace(/\D/g, ''))}
              style={{ width: 220 }}
            />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
