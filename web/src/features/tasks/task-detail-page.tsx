import { AlertOutlined, ArrowLeftOutlined, ClockCircleOutlined, ExclamationCircleOutlined, NotificationOutlined, SyncOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Flex, Form, Input, List, Progress, Row, Tag, Timeline, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { FormModal } from '../../components/form-modal';
import { Link, useParams } from 'react-router';
import { api, ApiError, data } from '../../api/client';
import { PageLoading } from '../../app/page-loading';
import { NotFoundPage } from '../../components/not-found-page';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t, tMaybe } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { formatDay, formatInstant } from '../../lib/format';
import { TaskActionModal, type DialogAction } from './task-action-modal';
import { DerivedStatusTag, PriorityTag, stateLabel } from './task-display';
import { taskListPath } from './task-paths';
import { useTask, useTaskChanged, type Task } from './task-queries';

const EXTENSION_COLOR = { pending: 'orange', approved: 'green', refused: 'red' } as const;
const EVENT_COLOR: Record<string, string> = {
  assigned: '#52c41a',
  confirm_done: '#52c41a',
  return: '#fa8c16',
  request_extension: '#fa8c16',
  decide_extension: '#fa8c16',
  urged: '#1677ff',
  reminder_due_soon: '#fa8c16',
  reminder_overdue: '#cf1322',
  reminder_escalated: '#cf1322',
  period_created: '#52c41a',
  next_period_created: '#8c8c8c',
};
// Urging, reminders and escalation stand out on the timeline: what the leader follows up is seen at a glance.
const EVENT_ICON: Record<string, ReactNode> = {
  urged: <NotificationOutlined />,
  reminder_due_soon: <ClockCircleOutlined />,
  reminder_overdue: <ExclamationCircleOutlined />,
  reminder_escalated: <AlertOutlined />,
  period_created: <SyncOutlined />,
  next_period_created: <SyncOutlined />,
};

function Facts({ task }: { task: Task }) {
  return (
    <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
      <Descriptions.Item label={t('task.content')} span={2}>
        <span className="vps-wrap">{task.content}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t(`task.source.${task.sourceKind}`)} span={2}>
        <span className="vps-wrap">{task.sourceReference}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('task.primaryAgency')}>
        {task.primaryAgencyName}
        {task.primaryUserName && <Typography.Text type="secondary"> — {task.primaryUserName}</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={t('task.coordinators')}>{task.coordinatingAgencies.map((a) => a.name).join(', ') || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('task.assignedBy')}>{task.assignedByName}</Descriptions.Item>
      <Descriptions.Item label={t('task.assignedOn')}>
        <span style={{ whiteSpace: 'nowrap' }}>{formatDay(task.assignedOn)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('task.deadline')}>
        <strong data-testid="task-deadline">{formatDay(task.deadline)}</strong>
        {task.deadlineWorkingDays && <Typography.Text type="secondary"> ({t('task.deadlineDays', { days: task.deadlineWorkingDays })})</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={t('task.originalDeadline')}>
        <span style={{ whiteSpace: 'nowrap' }}>{formatDay(task.originalDeadline)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('task.priority')}>{t(`task.priority.${task.priority}`)}</Descriptions.Item>
      <Descriptions.Item label={t('task.expectedResult')}>{task.expectedResult ?? '—'}</Descriptions.Item>
      {task.recurrence && (
        <Descriptions.Item label={t('task.period')} span={2}>
          <span data-testid="task-period">{t('task.periodOf', { period: task.periodLabel ?? '', recurrence: t(`task.recurrence.${task.recurrence}`).toLowerCase() })}</span>
          {task.recurrenceUntil && <Typography.Text type="secondary"> — {t('task.recurrenceUntilLine', { date: formatDay(task.recurrenceUntil) })}</Typography.Text>}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('task.urge.count')} span={2}>
        <span data-testid="task-urges">
          {task.urgeCount > 0 ? (
            <>
              <Tag color="blue">{t('task.urge.times', { count: task.urgeCount })}</Tag>
              <Typography.Text type="secondary">{t('task.urge.last', { at: formatInstant(task.lastUrgedAt) })}</Typography.Text>
            </>
          ) : (
            <Typography.Text type="secondary">{t('task.urge.never')}</Typography.Text>
          )}
        </span>
        {task.escalatedAt && (
          <div>
            <Typography.Text type="danger">{t('task.escalatedAt', { at: formatInstant(task.escalatedAt) })}</Typography.Text>
          </div>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

function Reports({ task }: { task: Task }) {
  return (
    <List
      locale={{ emptyText: t('task.reports.empty') }}
      dataSource={[...task.reports].reverse()}
      renderItem={(r) => (
        <List.Item key={r.id}>
          <div style={{ width: '100%' }}>
            <Flex gap={8} wrap align="center">
              <Tag color={r.kind === 'done' ? 'green' : r.kind === 'note' ? 'default' : 'blue'}>{t(`task.report.${r.kind}`)}</Tag>
              {r.percent !== null && <strong>{r.percent}%</strong>}
              <Typography.Text type="secondary">
                {r.actorName} ({r.agencyName}) · {formatInstant(r.at)}
              </Typography.Text>
            </Flex>
            <div className="vps-wrap" style={{ marginTop: 4 }}>
              {r.note}
            </div>
            {r.files.map((f) => (
              <div key={f.id}>
                <a href={`/api/tasks/${task.id}/files/${f.id}/content`}>{f.name}</a>
              </div>
            ))}
          </div>
        </List.Item>
      )}
    />
  );
}

/** The assigning leader urges with a note; the assignee side is notified. */
function UrgeModal({ task, onClose }: { task: Task; onClose: () => void }) {
  const [form] = Form.useForm<{ note: string }>();
  const { message } = App.useApp();
  const changed = useTaskChanged();
  return (
    <FormModal<{ note: string }, Task>
      title={t('task.urge')}
      form={form}
      width={560}
      okText={t('task.urge')}
      submit={(v) => data(api.POST('/api/tasks/{id}/urge', { params: { path: { id: task.id } }, body: { note: v.note.trim() } }))}
      onDone={(next) => {
        changed(next);
        message.success(t('task.urge.done'));
        onClose();
      }}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('task.urge.help')}</Typography.Paragraph>
      <Form.Item name="note" label={t('task.urge.note')} rules={[{ required: true, whitespace: true, message: t('task.urge.noteRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} autoFocus />
      </Form.Item>
    </FormModal>
  );
}

function Actions({ task }: { task: Task }) {
  const { message } = App.useApp();
  const changed = useTaskChanged();
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const [urging, setUrging] = useState(false);
  const accept = useMutation({
    mutationFn: () => data(api.POST('/api/tasks/{id}/accept', { params: { path: { id: task.id } } })),
    onSuccess: (next) => {
      changed(next);
      message.success(t('task.done.accept'));
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (task.actions.length === 0 && !task.canUrge) return null;
  return (
    <>
      {task.canUrge && (
        <Button icon={<NotificationOutlined aria-hidden />} onClick={() => setUrging(true)} data-testid="task-urge">
          {t('task.urge')}
        </Button>
      )}
      {urging && <UrgeModal task={task} onClose={() => setUrging(false)} />}
      {task.actions.map((a) =>
        a === 'accept' ? (
          <Button key={a} type="primary" loading={accept.isPending} onClick={() => accept.mutate()}>
            {t('task.action.accept')}
          </Button>
        ) : (
          <Button key={a} type={a === 'report_done' || a === 'confirm_done' ? 'primary' : 'default'} danger={a === 'return'} onClick={() => setDialog(a)}>
            {t(`task.action.${a}`)}
          </Button>
        ),
      )}
      {dialog && <TaskActionModal task={task} action={dialog} onClose={() => setDialog(null)} />}
    </>
  );
}

/** A task: the facts, the deadline now and first given, the progress and reports, the timeline, and what the person may do. */
export function TaskDetailPage() {
  const { id = '' } = useParams();
  const task = useTask(id);
  if (task.isPending) return <PageLoading />;
  if (task.isError) {
    // someone else's task answers 404 like a missing one
    const missing = task.error instanceof ApiError && (task.error.status === 404 || task.error.status === 400);
    return missing ? <NotFoundPage /> : <QueryError error={task.error} onRetry={() => void task.refetch()} />;
  }
  const tk = task.data;
  return (
    <>
      <Link to={taskListPath('mine')}>
        <ArrowLeftOutlined aria-hidden /> {t('task.back')}
      </Link>
      <PageHeader
        title={
          <Flex gap={8} wrap align="center">
            <span className="vps-wrap">{t('task.title')}</span>
            <DerivedStatusTag status={tk.derivedStatus} />
            <Tag data-testid="task-state">{stateLabel(tk.state)}</Tag>
            <PriorityTag priority={tk.priority} />
            {tk.periodLabel && <Tag color="purple">{tk.periodLabel}</Tag>}
          </Flex>
        }
        description={tk.content}
        extra={<Actions task={tk} />}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Card title={t('task.facts')} size="small">
              <Facts task={tk} />
            </Card>
            <Card title={t('task.reports')} size="small" extra={<Progress percent={tk.progress} style={{ width: 200, margin: 0 }} data-testid="task-progress" />}>
              <Reports task={tk} />
            </Card>
            {tk.extensions.length > 0 && (
              <Card title={t('task.extensions')} size="small">
                {tk.extensions.map((e) => (
                  <div key={e.id} style={{ marginBottom: 8 }}>
                    <Tag color={EXTENSION_COLOR[e.status]}>{t(`task.extension.${e.status}`)}</Tag>
                    {t('task.extension.line', { from: formatDay(e.fromDeadline), to: formatDay(e.requestedDeadline) })} — {e.requestedByName}: {e.reason}
                    {e.decisionNote && <Typography.Text type="secondary"> ({e.decidedByName}: {e.decisionNote})</Typography.Text>}
                  </div>
                ))}
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t('task.timeline')} size="small">
            <Timeline
              data-testid="task-timeline"
              items={tk.events.map((e) => ({
                key: e.id,
                color: EVENT_COLOR[e.kind] ?? '#1677ff',
                ...(EVENT_ICON[e.kind] ? { icon: <span style={{ color: EVENT_COLOR[e.kind], fontSize: 16 }}>{EVENT_ICON[e.kind]}</span> } : {}),
                content: (
                  <>
                    <Typography.Text strong style={EVENT_ICON[e.kind] ? { color: EVENT_COLOR[e.kind] } : undefined}>
                      {tMaybe(`task.event.${e.kind}`) ?? e.kind}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8, whiteSpace: 'nowrap' }}>
                      {formatInstant(e.at)}
                    </Typography.Text>
                    <div>{e.actorName}</div>
                    {e.note && (
                      <Typography.Paragraph type="secondary" className="vps-wrap" style={{ margin: 0 }}>
                        {e.note}
                      </Typography.Paragraph>
                    )}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
