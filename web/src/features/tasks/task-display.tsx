import { Tag } from 'antd';
import { t } from '../../i18n';
import type { DerivedStatus, Task } from './task-queries';

// Hex values: the theme's primary colour is red, which must stay for "overdue".
const STATUS_COLOR: Record<DerivedStatus, string> = { on_time: '#1677ff', due_soon: 'orange', overdue: 'red', done_on_time: 'green', done_late: 'volcano' };

/** The derived status, the same colour on every page: the one thing a leader scans for. */
export function DerivedStatusTag({ status }: { status: DerivedStatus }) {
  return (
    <Tag color={STATUS_COLOR[status]} variant={status === 'overdue' ? 'solid' : undefined} data-testid="task-status" style={{ marginInlineEnd: 0 }}>
      {t(`task.status.${status}`)}
    </Tag>
  );
}

export function PriorityTag({ priority }: { priority: Task['priority'] }) {
  if (priority === 'normal') return null;
  return <Tag color={priority === 'urgent' ? 'red' : 'gold'}>{t(`task.priority.${priority}`)}</Tag>;
}

export const stateLabel = (state: Task['state']) => t(`task.state.${state}`);
