import { Button, Flex, Progress, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../app/session';
import { FilterSelect, ListFilters, SearchFilter } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { PagedTable } from '../../components/paged-table';
import { t } from '../../i18n';
import { formatDay } from '../../lib/format';
import { usePaging } from '../../lib/use-paging';
import { TaskCreateModal } from './task-create-modal';
import { DerivedStatusTag, PriorityTag, stateLabel } from './task-display';
import { TASK_SCOREBOARD_PATH, TASK_VIEWS, taskListPath, taskPath, type TaskView } from './task-paths';
import { DERIVED_STATUSES, useTaskList, type DerivedStatus, type TaskSummary } from './task-queries';

const columns: TableColumnsType<TaskSummary> = [
  {
    title: t('task.content'),
    dataIndex: 'content',
    render: (_, task) => (
      <div className="vps-wrap">
        <Link to={taskPath(task.id)} style={{ fontWeight: 600 }}>
          {task.content}
        </Link>
        <div>
          <PriorityTag priority={task.priority} />
          {task.periodLabel && <Tag color="purple">{task.periodLabel}</Tag>}
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t(`task.source.${task.sourceKind}`)}: {task.sourceReference}
          </Typography.Text>
        </div>
      </div>
    ),
  },
  {
    title: t('task.primaryAgency'),
    key: 'primary',
    width: 200,
    responsive: ['md'],
    render: (_, task) => (
      <div className="vps-wrap">
        <div>{task.primaryAgencyName}</div>
        {task.primaryUserName && <Typography.Text type="secondary">{task.primaryUserName}</Typography.Text>}
      </div>
    ),
  },
  { title: t('task.assignedBy'), dataIndex: 'assignedByName', width: 150, responsive: ['lg'] },
  {
    title: t('task.deadline'),
    key: 'deadline',
    width: 120,
    render: (_, task) => (
      <>
        <div style={{ whiteSpace: 'nowrap', fontWeight: 600 }}>{formatDay(task.deadline)}</div>
        {task.originalDeadline !== task.deadline && (
          <Typography.Text type="secondary" delete style={{ fontSize: 12 }}>
            {formatDay(task.originalDeadline)}
          </Typography.Text>
        )}
      </>
    ),
  },
  {
    title: t('task.filterStatus'),
    key: 'status',
    width: 190,
    render: (_, task) => (
      <Flex vertical gap={4} align="flex-start">
        <DerivedStatusTag status={task.derivedStatus} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {stateLabel(task.state)}
        </Typography.Text>
        <Progress percent={task.progress} size="small" style={{ width: 150, margin: 0 }} />
      </Flex>
    ),
  },
];

function TaskTable({ view }: { view: TaskView }) {
  const navigate = useNavigate();
  const paging = usePaging();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<DerivedStatus | undefined>();
  const list = useTaskList({ view, page: paging.page, pageSize: paging.pageSize, q: q || undefined, status });
  return (
    <>
      <ListFilters>
        <SearchFilter label={t('task.search')} placeholder={t('task.searchPlaceholder')} onSearch={paging.filter(setQ)} style={{ flex: '1 1 320px', maxWidth: 520 }} />
        {view !== 'overdue' && (
          <FilterSelect label={t('task.filterStatus')} placeholder={t('task.allStatuses')} value={status} onChange={paging.filter(setStatus)} values={DERIVED_STATUSES} labelOf={(s) => t(`task.status.${s}`)} style={{ width: 220 }} />
        )}
      </ListFilters>
      <PagedTable<TaskSummary>
        list={list}
        paging={paging}
        filtered={Boolean(q || status)}
        countKey="task.count"
        emptyText={t(`task.empty.${view}`)}
        columns={columns}
        rowClassName={() => 'vps-row-clickable'}
        onRow={(task) => ({
          onClick: (e) => {
            if (!(e.target as HTMLElement).closest('a')) navigate(taskPath(task.id));
          },
        })}
      />
    </>
  );
}

/** Each list has its own address, so the browser's back button and a bookmark land on it. */
export function TaskListPage({ view }: { view: TaskView }) {
  const navigate = useNavigate();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('task.title')}
        description={t('task.description')}
        extra={
          <Flex gap={8}>
            <Button icon={<BarChartOutlined aria-hidden />} onClick={() => navigate(TASK_SCOREBOARD_PATH)}>
              {t('taskReport.scoreboard')}
            </Button>
            {can('task.assign') && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
                {t('task.create')}
              </Button>
            )}
          </Flex>
        }
      />
      <Tabs activeKey={view} onChange={(key) => navigate(taskListPath(key as TaskView))} aria-label={t('task.views')} items={TASK_VIEWS.map((v) => ({ key: v, label: t(`task.view.${v}`) }))} />
      <TaskTable view={view} />
      {creating && (
        <TaskCreateModal
          onCancel={() => setCreating(false)}
          onDone={(task) => {
            setCreating(false);
            navigate(taskPath(task.id));
          }}
        />
      )}
    </>
  );
}
