import { Button, Card, Form, Input, InputNumber, Radio, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { formatInstant, formatNumber } from '../../lib/format';
import { useMeetingChanged, type Meeting } from './meeting-queries';

type Site = Meeting['sites'][number];
const SITE_COLOR: Record<Site['state'], string> = { invited: 'default', connected: 'success', not_connected: 'error' };

function SiteModal({ meeting, site, onClose }: { meeting: Meeting; site: Site; onClose: () => void }) {
  const [form] = Form.useForm<{ state: 'connected' | 'not_connected'; attendees?: number; note?: string }>();
  const changed = useMeetingChanged();
  const state = Form.useWatch('state', form);
  return (
    <FormModal
      title={t('meeting.site.recordTitle', { name: site.name })}
      form={form}
      initialValues={{ state: site.state === 'not_connected' ? 'not_connected' : 'connected', attendees: site.attendees ?? undefined, note: site.note ?? undefined }}
      submit={(v) => data(api.POST('/api/meetings/{id}/sites/{agencyId}', { params: { path: { id: meeting.id, agencyId: site.agencyId } }, body: { state: v.state, attendees: v.state === 'connected' ? v.attendees : undefined, note: v.note?.trim() || undefined } }))}
      onDone={(m) => {
        changed(m);
        onClose();
      }}
      onCancel={onClose}
    >
      <Form.Item name="state" label={t('meeting.site.state')}>
        <Radio.Group optionType="button" options={(['connected', 'not_connected'] as const).map((s) => ({ value: s, label: t(`meeting.site.state.${s}`) }))} />
      </Form.Item>
      {state === 'connected' && (
        <Form.Item name="attendees" label={t('meeting.site.attendees')}>
          <InputNumber min={0} max={10000} style={{ width: 160 }} />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('meeting.site.note')}>
        <Input maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

/** The sites of an online conference: who connected, how many attended; each site records its own. */
export function MeetingSitesCard({ meeting }: { meeting: Meeting }) {
  const [editing, setEditing] = useState<Site | null>(null);
  const connected = meeting.sites.filter((s) => s.state === 'connected');
  const attendees = connected.reduce((n, s) => n + (s.attendees ?? 0), 0);
  // the site of the person looking comes first: it is the one they record
  const rows = [...meeting.sites].sort((a, b) => Number(b.canRecord) - Number(a.canRecord));
  return (
    <Card title={t('meeting.sites')} extra={<Typography.Text type="secondary">{t('meeting.site.summary', { connected: connected.length, total: meeting.sites.length, attendees: formatNumber(attendees) })}</Typography.Text>} data-testid="meeting-sites">
      <Table<Site>
        rowKey="agencyId"
        size="small"
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        columns={[
          { title: t('meeting.site.name'), dataIndex: 'name' },
          { title: t('meeting.site.state'), key: 'state', width: 170, render: (_, s) => <Tag color={SITE_COLOR[s.state]}>{t(`meeting.site.state.${s.state}`)}</Tag> },
          { title: t('meeting.site.attendees'), dataIndex: 'attendees', width: 110, align: 'right', render: (n: number | null) => (n === null ? '' : formatNumber(n)) },
          { title: t('meeting.site.note'), key: 'note', responsive: ['md'], render: (_, s) => [s.note, s.connectedAt ? formatInstant(s.connectedAt, 'HH:mm') : null].filter(Boolean).join(' · ') },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_, s) =>
              s.canRecord && (
                <Button size="small" onClick={() => setEditing(s)}>
                  {t('meeting.site.record')}
                </Button>
              ),
          },
        ]}
      />
      {editing && <SiteModal meeting={meeting} site={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
