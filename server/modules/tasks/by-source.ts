import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ServiceContext } from '../../platform/context.js';
import { agencies } from '../org/tables.js';
import { deriveStatus } from './derived-status.js';
import { timelinessDays } from './service.js';
import { tasks } from './tables.js';

const primaryAgency = alias(agencies, 'primary_agency');

/**
 * The follow-up tasks given after a delegation's visit, with their derived status, for the delegation page.
 * The caller (the meetings module) has already checked that the actor may see the delegation.
 */
export async function listDelegationTasks(ctx: ServiceContext, delegationId: string) {
  const [rows, days] = await Promise.all([
    ctx.db
      .select({ id: tasks.id, content: tasks.content, primaryAgencyName: primaryAgency.name, deadline: tasks.deadline, state: tasks.state, reportedOn: tasks.reportedOn, completedOn: tasks.completedOn, progress: tasks.progress })
      .from(tasks)
      .innerJoin(primaryAgency, eq(primaryAgency.id, tasks.primaryAgencyId))
      .where(and(eq(tasks.tenantId, ctx.actor.tenantId), eq(tasks.sourceDelegationId, delegationId)))
      .orderBy(asc(tasks.createdAt), asc(tasks.id)),
    timelinessDays(ctx),
  ]);
  return rows.map((t) => ({ id: t.id, content: t.content, primaryAgencyName: t.primaryAgencyName, deadline: t.deadline, state: t.state, derivedStatus: deriveStatus(t, days.today, days.dueSoonUntil), progress: t.progress }));
}
