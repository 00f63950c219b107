import { Drawer, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { formatDay } from '../../lib/format';
import { DerivedStatusTag } from '../tasks/task-display';
import { taskPath } from '../tasks/task-paths';
import { type ScoreboardBucket, useScoreboardTasks } from '../tasks/task-report-queries';
import type { Period } from './stats-period';

export interface OpenedTasks {
  agencyId: string;
  agencyName: string;
  bucket: ScoreboardBucket;
}

/** The tasks behind a number of the agencies' table: the task scoreboard's own list, for the same period. */
export function AgencyTasksDrawer({ opened, period, onClose }: { opened: OpenedTasks | null; period: Period; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const list = useScoreboardTasks(opened ? { agencyId: opened.agencyId, bucket: opened.bucket, from: period.from, to: period.to, page, pageSize: 20 } : null);
  return (
    <Drawer
      open={opened !== null}
      onClose={onClose}
      size="large"
      title={opened ? t('taskReport.tasksOf', { agency: opened.agencyName, column: t(`taskReport.col.${opened.bucket}`) }) : ''}
      afterOpenChange={(open) => !open && setPage(1)}
    >
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { title: t('task.content'), dataIndex: 'content', render: (_, task) => <Link to={taskPath(task.id)}>{task.content}</Link> },
          { title: t('task.deadline'), dataIndex: 'deadline', width: 110, render: (d: string) => formatDay(d) },
          { title: t('task.filterStatus'), dataIndex: 'derivedStatus', width: 170, render: (_, task) => <DerivedStatusTag status={task.derivedStatus} /> },
        ]}
      />
    </Drawer>
  );
}
