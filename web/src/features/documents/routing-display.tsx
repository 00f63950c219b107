import { Tag } from 'antd';
import type { AssignmentRole, AssignmentStatus } from '../../api/types';
import { t, tMaybe } from '../../i18n';

// An incoming document's way through the office (Decree 30/2020, art. 23-24): registered, presented to a
// leader, handled by the lead unit or person, done. A status the server adds later shows under its code.
const DOCUMENT_STATUS_COLOR: Record<string, string> = { registered: 'default', presented: 'gold', in_progress: 'blue', done: 'green', withdrawn: 'red' };

export function DocumentStatusTag({ status }: { status: string }) {
  return (
    <Tag color={DOCUMENT_STATUS_COLOR[status] ?? 'default'}>
      {tMaybe(`document.status.${status}`) ?? status}
    </Tag>
  );
}

const ROLE_COLOR: Record<AssignmentRole, string> = { direct: 'purple', lead: 'red', coordinate: 'blue', info: 'default' };

export const RoleTag = ({ role }: { role: AssignmentRole }) => (
  <Tag color={ROLE_COLOR[role]} variant="outlined" style={{ fontWeight: 600, marginInlineEnd: 8 }}>
    {t(`routing.role.${role}`)}
  </Tag>
);

/** "Chờ tiếp nhận" for work, "Chờ ý kiến" for a presentation, "Chưa xem" for information: the same states, said as the role means them. */
export const assignmentStatusLabel = (role: AssignmentRole, status: AssignmentStatus): string =>
  tMaybe(`routing.status.${role}.${status}`) ?? t(`routing.status.${status}`);

const STATUS_COLOR: Record<AssignmentStatus, string> = { pending: 'orange', accepted: 'blue', forwarded: 'cyan', done: 'green', recalled: 'default' };

export const AssignmentStatusTag = ({ role, status }: { role: AssignmentRole; status: AssignmentStatus }) => (
  <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
    {assignmentStatusLabel(role, status)}
  </Tag>
);

/** A number next to a menu item or tab: strong for work waiting on someone, quiet for the rest. */
export function CountPill({ count, tone = 'quiet' }: { count: number; tone?: 'alert' | 'quiet' }) {
  if (count <= 0) return null;
  return <span className={`vps-count vps-count-${tone}`}>{count > 999 ? '999+' : count}</span>;
}
