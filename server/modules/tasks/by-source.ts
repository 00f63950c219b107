import type { ServiceContext } from '../../platform/context.js';
import { deriveStatus } from './derived-status.js';
import * as repo from './repo.js';
import { timelinessDays } from './service.js';

/**
 * The tasks a meeting's conclusion or a delegation's visit gave, as summaries with their derived status, for
 * the meeting's or the delegation's page. The caller (the meetings module) has already checked that the actor
 * may see the meeting or the delegation.
 */
async function tasksFrom(ctx: ServiceContext, source: { meetingId: string } | { delegationId: string }) {
  const rows = await repo.tasksBySource(ctx.db, ctx.actor.tenantId, source);
  const days = await timelinessDays(ctx);
  return rows.map((t) => ({ id: t.id, content: t.content, primaryAgencyName: t.primaryAgencyName, deadline: t.deadline, state: t.state, derivedStatus: deriveStatus(t, days.today, days.dueSoonUntil), progress: t.progress }));
}

export const listMeetingTasks = (ctx: ServiceContext, meetingId: string) => tasksFrom(ctx, { meetingId });
export const listDelegationTasks = (ctx: ServiceContext, delegationId: string) => tasksFrom(ctx, { delegationId });
