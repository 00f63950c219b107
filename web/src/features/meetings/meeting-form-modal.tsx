import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, data } from '../../api/client';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { dayjs, formatInstant, vnWallClockToIso } from '../../lib/format';
import { useCurrentUser } from '../../app/session';
import { AgencySelect } from '../org/agency-select';
import { PersonSelect, type PersonValue } from '../outgoing/person-select';
import { AgenciesSelect, PeopleSelect, SitesSelect, type Named } from './meeting-pickers';
import { MEETING_KINDS, useMeetingChanged, useRooms, type Meeting, type MeetingKind } from './meeting-queries';

interface Values {
  kind: MeetingKind;
  title: string;
  organizerAgencyId?: string;
  time: [Dayjs, Dayjs];
  roomId?: string;
  place?: string;
  chair?: PersonValue;
  people?: Named[];
  secretaries?: Named[];
  agencies?: Named[];
  siteAgencyIds?: string[];
  allCommunes?: boolean;
  agenda?: { title: string; presenter?: string; minutes?: number }[];
}

const wallClock = (iso: string) => dayjs(formatInstant(iso, 'YYYY-MM-DDTHH:mm'));

function initialOf(m: Meeting | undefined, agencyId: string): Partial<Values> {
  if (!m) return { kind: 'working_session', organizerAgencyId: agencyId, agenda: [] };
  const people = m.participants.filter((p) => p.userId && p.role !== 'secretary').map((p) => ({ value: p.userId!, label: p.name }));
  const secretaries = m.participants.filter((p) => p.userId && p.role === 'secretary').map((p) => ({ value: p.userId!, label: p.name }));
  return {
    kind: m.kind,
    title: m.title,
    organizerAgencyId: m.organizerAgencyId,
    time: [wallClock(m.startsAt), wallClock(m.endsAt)],
    roomId: m.roomId ?? undefined,
    place: m.place ?? undefined,
    chair: { value: m.chairUserId, label: m.chairName },
    people,
    secretaries,
    agencies: m.participants.filter((p) => p.agencyId).map((p) => ({ value: p.agencyId!, label: p.name })),
    siteAgencyIds: m.sites.map((s) => s.agencyId),
    agenda: m.agenda.map((a) => ({ title: a.title, presenter: a.presenter, minutes: a.minutes })),
  };
}

/** Create or edit a meeting: kind, title, time (Vietnam time), room or place, chair, who is invited, sites, agenda. */
export function MeetingFormModal({ meeting, onCancel, onDone }: { meeting?: Meeting; onCancel: () => void; onDone: (m: Meeting) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const changed = useMeetingChanged();
  const rooms = useRooms();
  const kind = Form.useWatch('kind', form);
  const allCommunes = Form.useWatch('allCommunes', form);
  const online = kind === 'online_conference';
  const user = useCurrentUser();
  // leaders organize for any agency (usually the Office prepares); the others for their own
  const anyOrganizer = user.permissions['meeting.manage'] === 'tenant';

  const submit = async (v: Values) => {
    const body = {
      kind: v.kind,
      title: v.title,
      chairUserId: v.chair?.value ?? '',
      organizerAgencyId: anyOrganizer ? v.organizerAgencyId : undefined,
      startsAt: vnWallClockToIso(v.time[0]),
      endsAt: vnWallClockToIso(v.time[1]),
      agenda: (v.agenda ?? []).filter((a) => a?.title?.trim()).map((a) => ({ title: a.title, presenter: a.presenter?.trim() || undefined, minutes: a.minutes ?? undefined })),
      participantUserIds: (v.people ?? []).map((p) => p.value),
      secretaryUserIds: (v.secretaries ?? []).map((p) => p.value),
      participantAgencyIds: (v.agencies ?? []).map((a) => a.value),
      siteAgencyIds: online && !v.allCommunes ? (v.siteAgencyIds ?? []) : [],
      allCommunes: online && Boolean(v.allCommunes),
    };
    if (meeting) return data(api.PATCH('/api/meetings/{id}', { params: { path: { id: meeting.id } }, body: { ...body, roomId: v.roomId ?? null, place: v.place?.trim() || null } }));
    return data(api.POST('/api/meetings', { body: { ...body, roomId: v.roomId, place: v.place?.trim() || undefined } }));
  };

  return (
    <FormModal<Values, Meeting & { warnings: string[] }>
      title={t(meeting ? 'meeting.edit' : 'meeting.create')}
      form={form}
      width={760}
      okText={t(meeting ? 'common.save' : 'meeting.create')}
      initialValues={initialOf(meeting, user.agency.id)}
      aliases={{ startsAt: 'time', endsAt: 'time', chairUserId: 'chair', participantUserIds: 'people', secretaryUserIds: 'secretaries', participantAgencyIds: 'agencies' }}
      submit={submit}
      onDone={(m) => {
        changed(m);
        for (const w of m.warnings) void message.warning(w, 8);
        onDone(m);
      }}
      onCancel={onCancel}
    >
      <Form.Item name="kind" label={t('meeting.kind')} style={{ maxWidth: 280 }}>
        <Select options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meeting.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('meeting.name')} rules={[{ required: true, whitespace: true, message: t('meeting.nameRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} autoFocus />
      </Form.Item>
      <Form.Item name="time" label={t('meeting.time')} rules={[{ required: true, message: t('meeting.timeRequired') }]}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="DD/MM/YYYY HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 300px' } }}>
        <Form.Item name="roomId" label={t('meeting.room')}>
          <Select allowClear loading={rooms.isLoading} placeholder={t('meeting.roomPlaceholder')} options={(rooms.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name} – ${r.location} (${r.capacity})` }))} />
        </Form.Item>
        <Form.Item name="place" label={t('meeting.place')} tooltip={t('meeting.placeHint')}>
          <Input maxLength={300} />
        </Form.Item>
      </Space>
      {anyOrganizer && (
        <Form.Item name="organizerAgencyId" label={t('meeting.organizer')}>
          <AgencySelect allowClear={false} />
        </Form.Item>
      )}
      <Form.Item name="chair" label={t('meeting.chair')} rules={[{ required: true, message: t('meeting.chairRequired') }]}>
        <PersonSelect role="leader" placeholder={t('meeting.chairPlaceholder')} />
      </Form.Item>
      <Form.Item name="people" label={t('meeting.participantPeople')}>
        <PeopleSelect placeholder={t('meeting.participantPeople')} />
      </Form.Item>
      <Form.Item name="agencies" label={t('meeting.participantAgencies')}>
        <AgenciesSelect placeholder={t('meeting.participantAgencies')} />
      </Form.Item>
      <Form.Item name="secretaries" label={t('meeting.secretaries')}>
        <PeopleSelect placeholder={t('meeting.secretaries')} />
      </Form.Item>
      {online && (
        <>
          <Form.Item name="allCommunes" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>{t('meeting.allCommunes')}</Checkbox>
          </Form.Item>
          <Form.Item name="siteAgencyIds" label={t('meeting.sites')}>
            <SitesSelect disabled={Boolean(allCommunes)} />
          </Form.Item>
        </>
      )}
      <Form.Item label={t('meeting.agenda')} style={{ marginBottom: 0 }}>
        <Form.List name="agenda">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'title']} style={{ width: 360 }}>
                    <Input placeholder={t('meeting.agendaItem')} aria-label={t('meeting.agendaItem')} maxLength={500} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'presenter']} style={{ width: 200 }}>
                    <Input placeholder={t('meeting.agendaPresenter')} aria-label={t('meeting.agendaPresenter')} maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'minutes']} style={{ width: 90 }}>
                    <InputNumber min={1} max={600} placeholder={t('meeting.agendaMinutes')} aria-label={t('meeting.agendaMinutes')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined aria-hidden />}>
                {t('meeting.agendaAdd')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    </FormModal>
  );
}
