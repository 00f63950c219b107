import { scopeOf, type Actor } from '../../platform/auth/permissions.js';
import type { TaskSide } from './state-machine.js';

interface TaskParties {
  assignedBy: string;
  primaryAgencyId: string;
  primaryUserId: string | null;
}

/**
 * The sides of a task the actor stands on. The assigner is the leader who gave it; the assignee is the
 * person named, or the primary agency's leaders and clerks (who act for the agency); a coordinating
 * agency's staff coordinate. Anyone else of the primary agency only reads it.
 */
export function sidesOf(actor: Actor, task: TaskParties, coordinatingAgencyIds: readonly string[]): TaskSide[] {
  const sides: TaskSide[] = [];
  if (task.assignedBy === actor.userId) sides.push('assigner');
  const handles = scopeOf(actor, 'task.handle') !== null && actor.agencyId === task.primaryAgencyId;
  if (task.primaryUserId === actor.userId || handles) sides.push('assignee');
  if (coordinatingAgencyIds.includes(actor.agencyId)) sides.push('coordinator');
  return sides;
}

/** Who may open the task: its sides, and the rest of the primary agency. Everyone else gets "not found". */
export function canRead(actor: Actor, task: TaskParties, coordinatingAgencyIds: readonly string[]): boolean {
  return sidesOf(actor, task, coordinatingAgencyIds).length > 0 || actor.agencyId === task.primaryAgencyId;
}

/**
 * Urging (đôn đốc) belongs to the assigning side only: the leader who gave the task. Another holder of
 * `task.assign` does not urge someone else's task: they cannot even open it (canRead), and "rõ trách
 * nhiệm" means the person who gave the task follows it up. Automatic reminders need no actor.
 */
export function canUrge(actor: Actor, task: Pick<TaskParties, 'assignedBy'>): boolean {
  return task.assignedBy === actor.userId && scopeOf(actor, 'task.assign') !== null;
}
