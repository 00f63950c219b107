import { Button, Card, Form, Input, Radio, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { useMeetingChanged, type Meeting } from './meeting-queries';

type Participant = Meeting['participants'][number];
type Attendance = NonNullable<Participant['attendance']>;
const ATTENDANCE: Attendance[] = ['present', 'absent', 'excused'];
const COLOR: Record<Attendance, string> = { present: 'success', absent: 'error', excused: 'warning' };

function AttendanceModal({ meeting, onClose }: { meeting: Meeting; onClose: () => void }) {
  const [form] = Form.useForm<{ entries: { participantId: string; attendance?: Attendance; note?: string }[] }>();
  const changed = useMeetingChanged();
  return (
    <FormModal
      title={t('meeting.attendance.record')}
      form={form}
      width={760}
      initialValues={{ entries: meeting.participants.map((p) => ({ participantId: p.id, attendance: p.attendance ?? 'present', note: p.attendanceNote ?? undefined })) }}
      submit={(v) => data(api.POST('/api/meetings/{id}/attendance', { params: { path: { id: meeting.id } }, body: { entries: v.entries.filter((e) => e.attendance).map((e) => ({ participantId: e.participantId, attendance: e.attendance!, note: e.note?.trim() || undefined })) } }))}
      onDone={(m) => {
        changed(m);
        onClose();
      }}
      onCancel={onClose}
    >
      <Form.List name="entries">
        {(fields) =>
          fields.map((f, i) => (
            <div key={f.key} style={{ display: 'grid', gridTemplateColumns: 'minmax(180px, 1fr) auto minmax(160px, 1fr)', gap: 8, alignItems: 'baseline' }}>
              <Typography.Text>{meeting.participants[i]!.name}</Typography.Text>
              <Form.Item name={[f.name, 'attendance']} style={{ marginBottom: 8 }}>
                <Radio.Group optionType="button" size="small" options={ATTENDANCE.map((a) => ({ value: a, label: t(`meeting.attendance.${a}`) }))} />
              </Form.Item>
              <Form.Item name={[f.name, 'note']} style={{ marginBottom: 8 }}>
                <Input size="small" placeholder={t('meeting.attendance.note')} aria-label={t('meeting.attendance.note')} maxLength={1000} />
              </Form.Item>
            </div>
          ))
        }
      </Form.List>
    </FormModal>
  );
}

/** Who is invited (people, agencies) and whether they came. */
export function MeetingAttendanceCard({ meeting }: { meeting: Meeting }) {
  const [open, setOpen] = useState(false);
  const can = meeting.actions.includes('attendance') && meeting.participants.length > 0;
  return (
    <Card
      title={t('meeting.participants')}
      extra={
        can && (
          <Button size="small" onClick={() => setOpen(true)}>
            {t('meeting.attendance.record')}
          </Button>
        )
      }
    >
      <Table<Participant>
        rowKey="id"
        size="small"
        dataSource={meeting.participants}
        pagination={false}
        locale={{ emptyText: t('common.noData') }}
        columns={[
          {
            title: t('meeting.participants'),
            key: 'name',
            render: (_, p) => (
              <div>
                <div>
                  {p.name} {p.role === 'secretary' && <Tag>{t('meeting.role.secretary')}</Tag>}
                </div>
                {p.detail && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.detail}
                  </Typography.Text>
                )}
              </div>
            ),
          },
          { title: t('meeting.attendance'), key: 'attendance', width: 150, render: (_, p) => (p.attendance ? <Tag color={COLOR[p.attendance]}>{t(`meeting.attendance.${p.attendance}`)}</Tag> : <Typography.Text type="secondary">{t('meeting.attendance.none')}</Typography.Text>) },
          { title: t('meeting.attendance.note'), dataIndex: 'attendanceNote', responsive: ['md'] },
        ]}
      />
      {open && <AttendanceModal meeting={meeting} onClose={() => setOpen(false)} />}
    </Card>
  );
}
