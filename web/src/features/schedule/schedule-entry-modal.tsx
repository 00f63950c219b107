import { App, Button, DatePicker, Form, Input, Popconfirm, Select, TimePicker } from 'antd';
import { api, data } from '../../api/client';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { dayjs, VN_TZ } from '../../lib/format';
import { useAgencyList } from '../org/org-queries';
import { useRooms } from '../meetings/meeting-queries';
import { useScheduleLeaders, useWeekChanged, type ScheduleEntry, type WeeklySchedule } from './schedule-queries';
import type { Dayjs } from 'dayjs';

interface Values {
  day: Dayjs;
  time: [Dayjs, Dayjs];
  leaderIds: string[];
  content: string;
  roomId?: string;
  place?: string;
  preparingAgencyId?: string;
  participants?: string;
}

const iso = (day: Dayjs, time: Dayjs) => dayjs.tz(`${day.format('YYYY-MM-DD')}T${time.format('HH:mm')}`, VN_TZ).format();

/** Add or change one entry; a change answers with the whole week (its conflicts recomputed). */
export function ScheduleEntryModal({ entry, day, onClose }: { entry?: ScheduleEntry; day?: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const changed = useWeekChanged();
  const leaders = useScheduleLeaders();
  const rooms = useRooms();
  const agencies = useAgencyList({ pageSize: 200, active: 'true' });
  const initialValues: Partial<Values> = entry
    ? {
        day: dayjs(entry.day),
        time: [dayjs(dayjs.utc(entry.startsAt).tz(VN_TZ).format('YYYY-MM-DDTHH:mm')), dayjs(dayjs.utc(entry.endsAt).tz(VN_TZ).format('YYYY-MM-DDTHH:mm'))],
        leaderIds: entry.leaders.map((l) => l.id),
        content: entry.content,
        roomId: entry.roomId ?? undefined,
        place: entry.roomId ? undefined : (entry.place ?? undefined),
        preparingAgencyId: entry.preparingAgencyId ?? undefined,
        participants: entry.participants ?? undefined,
      }
    : { day: day ? dayjs(day) : undefined, leaderIds: [] };

  const submit = async (v: Values) => {
    const body = { startsAt: iso(v.day, v.time[0]), endsAt: iso(v.day, v.time[1]), leaderIds: v.leaderIds, content: v.content, participants: v.participants || undefined, preparingAgencyId: v.preparingAgencyId || undefined };
    if (entry) {
      return data(api.PATCH('/api/schedule/entries/{id}', { params: { path: { id: entry.id } }, body: { ...body, roomId: v.roomId ?? null, place: v.place || null, participants: v.participants || null, preparingAgencyId: v.preparingAgencyId ?? null } }));
    }
    return data(api.POST('/api/schedule/entries', { body: { ...body, roomId: v.roomId || undefined, place: v.place || undefined } }));
  };
  const remove = async () => {
    const week = await data(api.DELETE('/api/schedule/entries/{id}', { params: { path: { id: entry!.id } } }));
    changed(week);
    message.success(t('schedule.entryRemoved'));
    onClose();
  };

  return (
    <FormModal<Values, { entry: ScheduleEntry; week: WeeklySchedule }>
      title={entry ? t('schedule.editEntry') : t('schedule.addEntry')}
      form={form}
      width={680}
      initialValues={initialValues}
      submit={submit}
      aliases={{ startsAt: 'time', endsAt: 'time' }}
      onCancel={onClose}
      onDone={(r) => {
        changed(r.week);
        if (r.entry.conflicts.length > 0) message.warning(r.entry.conflicts.map((c) => c.message).join('; '));
        else message.success(t('common.saved'));
        onClose();
      }}
    >
      <Form.Item name="day" label={t('schedule.day')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker format="DD/MM/YYYY" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="time" label={t('schedule.time')} rules={[{ required: true, message: t('common.required') }]}>
        <TimePicker.RangePicker format="HH:mm" minuteStep={5} needConfirm={false} />
      </Form.Item>
      <Form.Item name="leaderIds" label={t('schedule.leaders')} rules={[{ required: true, message: t('schedule.leadersRequired') }]}>
        <Select
          mode="multiple"
          loading={leaders.isLoading}
          optionFilterProp="label"
          options={(leaders.data?.items ?? []).map((l) => ({ value: l.id, label: l.positionName ? `${l.fullName} – ${l.positionName}` : l.fullName }))}
        />
      </Form.Item>
      <Form.Item name="content" label={t('schedule.content')} rules={[{ required: true, whitespace: true, message: t('schedule.contentRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="roomId" label={t('schedule.room')}>
        <Select allowClear showSearch optionFilterProp="label" options={(rooms.data?.items ?? []).filter((r) => r.active).map((r) => ({ value: r.id, label: `${r.name} – ${r.location}` }))} onChange={(v) => v && form.setFieldValue('place', undefined)} />
      </Form.Item>
      <Form.Item name="place" label={t('schedule.place')}>
        <Input maxLength={300} onChange={(e) => e.target.value && form.setFieldValue('roomId', undefined)} />
      </Form.Item>
      <Form.Item name="preparingAgencyId" label={t('schedule.agency')}>
        <Select allowClear showSearch optionFilterProp="label" options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} />
      </Form.Item>
      <Form.Item name="participants" label={t('schedule.participants')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
      {entry && (
        <Popconfirm title={t('schedule.removeConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={remove}>
          <Button danger>{t('schedule.removeEntry')}</Button>
        </Popconfirm>
      )}
    </FormModal>
  );
}
