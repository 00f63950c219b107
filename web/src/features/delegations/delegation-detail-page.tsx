import { Button, Card, Descriptions, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { formatDay, formatInstant } from '../../lib/format';
import { taskPath } from '../tasks/task-paths';
import { DelegationFormModal, DelegationOutcomeModal, DelegationTaskModal } from './delegation-modals';
import { DELEGATIONS_PATH } from './delegation-paths';
import { STATE_COLOR, useDelegation, useDelegationChanged, type Delegation } from './delegation-queries';

const STATUS_COLOR: Record<Delegation['tasks'][number]['derivedStatus'], string> = { on_time: 'blue', due_soon: 'gold', overdue: 'red', done_on_time: 'green', done_late: 'orange' };

/** One delegation: who came, when, what for, who received them, the outcome and the tasks that followed. */
export function DelegationDetailPage() {
  const { id = '' } = useParams();
  const query = useDelegation(id);
  const changed = useDelegationChanged();
  const [open, setOpen] = useState<'edit' | 'outcome' | 'task' | null>(null);
  if (query.isLoading) return <Spin />;
  if (query.error instanceof ApiError && query.error.status === 404) return <Result status="404" title={t('delegation.notFound')} extra={<Link to={DELEGATIONS_PATH}>{t('delegation.backToList')}</Link>} />;
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data!;
  const done = (next: Delegation) => {
    changed(next);
    setOpen(null);
  };
  return (
    <>
      <PageHeader
        title={d.name}
        description={
          <Space size={4} wrap>
            <Tag>{t(`delegation.kind.${d.kind}`)}</Tag>
            <Tag color={STATE_COLOR[d.state]}>{t(`delegation.state.${d.state}`)}</Tag>
          </Space>
        }
        extra={
          <>
            {d.actions.includes('edit') && <Button onClick={() => setOpen('edit')}>{t('common.edit')}</Button>}
            {d.actions.includes('outcome') && (
              <Button type="primary" onClick={() => setOpen('outcome')}>
                {t('delegation.recordOutcome')}
              </Button>
            )}
            {d.actions.includes('task') && (
              <Button type="primary" onClick={() => setOpen('task')}>
                {t('delegation.giveTask')}
              </Button>
            )}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('delegation.organization')}>{d.organization}</Descriptions.Item>
          <Descriptions.Item label={t('delegation.head')}>{d.headName}</Descriptions.Item>
          <Descriptions.Item label={t('delegation.dates')}>{d.arrivesOn === d.departsOn ? formatDay(d.arrivesOn) : `${formatDay(d.arrivesOn)} – ${formatDay(d.departsOn)}`}</Descriptions.Item>
          <Descriptions.Item label={t('delegation.memberCount')}>{d.memberCount ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('delegation.receivingLeader')}>{d.receivingLeaderName}</Descriptions.Item>
          <Descriptions.Item label={t('delegation.hostAgency')}>{d.hostAgencyName}</Descriptions.Item>
          <Descriptions.Item label={t('delegation.composition')} span={2}>{d.composition ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('delegation.content')} span={2}>
            <span className="vps-wrap">{d.content}</span>
          </Descriptions.Item>
          {d.outcome && (
            <Descriptions.Item label={t(d.state === 'cancelled' ? 'delegation.cancelReason' : 'delegation.outcome')} span={2}>
              <span className="vps-wrap">{d.outcome}</span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('delegation.createdBy')} span={2}>
            <Typography.Text type="secondary">{`${d.createdByName ?? ''} · ${formatInstant(d.createdAt)}`}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('delegation.tasks')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.tasks}
          locale={{ emptyText: t('delegation.noTasks') }}
          columns={[
            { title: t('delegation.taskContent'), key: 'content', render: (_, x) => <Link to={taskPath(x.id)}>{x.content}</Link> },
            { title: t('delegation.taskAgency'), dataIndex: 'primaryAgencyName', width: 240 },
            { title: t('delegation.taskDue'), key: 'deadline', width: 120, render: (_, x) => formatDay(x.deadline) },
            { title: t('delegation.taskStatus'), key: 'status', width: 170, render: (_, x) => <Tag color={STATUS_COLOR[x.derivedStatus]}>{t(`task.status.${x.derivedStatus}`)}</Tag> },
          ]}
        />
      </Card>
      {open === 'edit' && <DelegationFormModal delegation={d} onCancel={() => setOpen(null)} onDone={done} />}
      {open === 'outcome' && <DelegationOutcomeModal delegation={d} onCancel={() => setOpen(null)} onDone={done} />}
      {open === 'task' && <DelegationTaskModal delegation={d} onCancel={() => setOpen(null)} onDone={done} />}
    </>
  );
}
