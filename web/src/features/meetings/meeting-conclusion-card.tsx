import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Progress, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, data } from '../../api/client';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { formatDay, formatInstant, toIsoDate } from '../../lib/format';
import { AgencySelect } from '../org/agency-select';
import { outgoingPath } from '../outgoing/outgoing-views';
import { DerivedStatusTag, stateLabel } from '../tasks/task-display';
import { taskPath } from '../tasks/task-paths';
import { useMeetingChanged, type Meeting } from './meeting-queries';

interface Values {
  summary: string;
  items?: { content: string; primaryAgencyId: string; dueDate: Dayjs }[];
}

function ConclusionModal({ meeting, onClose }: { meeting: Meeting; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const changed = useMeetingChanged();
  return (
    <FormModal<Values, Meeting>
      title={t('meeting.conclusion.record')}
      form={form}
      width={820}
      okText={t('meeting.conclusion.record')}
      initialValues={{ items: [] }}
      submit={(v) =>
        data(
          api.POST('/api/meetings/{id}/conclusion', {
            params: { path: { id: meeting.id } },
            body: { summary: v.summary, items: (v.items ?? []).map((i) => ({ content: i.content, primaryAgencyId: i.primaryAgencyId, dueDate: toIsoDate(i.dueDate), coordinatingAgencyIds: [], priority: 'normal' as const })) },
          }),
        )
      }
      onDone={(m) => {
        changed(m);
        onClose();
      }}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('meeting.conclusion.hint')}</Typography.Paragraph>
      <Form.Item name="summary" label={t('meeting.conclusion.summary')} rules={[{ required: true, whitespace: true, message: t('meeting.conclusion.summaryRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} autoFocus />
      </Form.Item>
      <Form.Item label={t('meeting.conclusion.items')} style={{ marginBottom: 0 }}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Card key={f.key} size="small" style={{ marginBottom: 8 }} title={`${i + 1}.`} extra={<MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('common.delete')} />} data-testid="conclusion-item">
                  <Form.Item name={[f.name, 'content']} label={t('meeting.conclusion.itemContent')} rules={[{ required: true, whitespace: true, message: t('task.contentRequired') }]}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
                  </Form.Item>
                  <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 260px' } }}>
                    <Form.Item name={[f.name, 'primaryAgencyId']} label={t('meeting.conclusion.itemAgency')} rules={[{ required: true, message: t('task.primaryAgencyRequired') }]}>
                      <AgencySelect allowClear={false} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'dueDate']} label={t('meeting.conclusion.itemDeadline')} rules={[{ required: true, message: t('meeting.conclusion.itemDeadline') }]}>
                      <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined aria-hidden />}>
                {t('meeting.conclusion.itemAdd')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    </FormModal>
  );
}

type MeetingTask = Meeting['tasks'][number];

/** The conclusion, its notice draft, and the tasks it gave with their status colours. */
export function MeetingConclusionCard({ meeting }: { meeting: Meeting }) {
  const [open, setOpen] = useState(false);
  const c = meeting.conclusion;
  return (
    <Card
      title={t('meeting.conclusion')}
      data-testid="meeting-conclusion"
      extra={
        meeting.actions.includes('conclusion') && (
          <Button type="primary" size="small" onClick={() => setOpen(true)}>
            {t('meeting.conclusion.record')}
          </Button>
        )
      }
    >
      {c ? (
        <>
          <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{c.summary}</Typography.Paragraph>
          <Space wrap size={16} style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">{t('meeting.conclusion.recordedBy', { name: c.recordedByName, at: formatInstant(c.recordedAt) })}</Typography.Text>
            {c.noticeDocumentId && <Link to={outgoingPath(c.noticeDocumentId)}>{t('meeting.conclusion.notice')}</Link>}
          </Space>
        </>
      ) : (
        <Typography.Paragraph type="secondary">{t('meeting.conclusion.none')}</Typography.Paragraph>
      )}
      {(c || meeting.tasks.length > 0) && (
        <Table<MeetingTask>
          rowKey="id"
          size="small"
          title={() => <Typography.Text strong>{t('meeting.tasks')}</Typography.Text>}
          dataSource={meeting.tasks}
          pagination={false}
          locale={{ emptyText: t('meeting.tasks.empty') }}
          data-testid="meeting-tasks"
          columns={[
            { title: t('task.content'), key: 'content', render: (_, x) => <Link to={taskPath(x.id)}>{x.content}</Link> },
            { title: t('task.primaryAgency'), dataIndex: 'primaryAgencyName', width: 220, responsive: ['md'] },
            { title: t('task.deadline'), key: 'deadline', width: 110, render: (_, x) => formatDay(x.deadline) },
            {
              title: t('task.filterStatus'),
              key: 'status',
              width: 180,
              render: (_, x) => (
                <Space direction="vertical" size={2}>
                  <DerivedStatusTag status={x.derivedStatus} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {stateLabel(x.state as Parameters<typeof stateLabel>[0])}
                  </Typography.Text>
                  <Progress percent={x.progress} size="small" style={{ width: 140, margin: 0 }} />
                </Space>
              ),
            },
          ]}
        />
      )}
      {open && <ConclusionModal meeting={meeting} onClose={() => setOpen(false)} />}
    </Card>
  );
}
