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
