import type { z } from 'zod';
import { requirePermission, scopeOf } from '../../platform/auth/permissions.js';
import { addDays, vietnamDate } from '../../platform/calendar/date-only.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import type { DossierListQuery } from './processing-schemas.js';
import * as repo from './queues-repo.js';
import { DOSSIER_STATUS_LABELS } from './state-machine.js';
import type { DossierStatus } from './tables.js';
import { vietnamMidnight } from './timing.js';

type In<T extends z.ZodType> = z.output<T>;

/** "Will be late": open, no apology letter yet, and the appointment passed or the current step ends after it. */
export function needsApology(d: { endedAt: Date | null; extensionCount: number; appointmentAt: Date | null; currentStepDueAt: Date | null; status: number }, now: Date): boolean {
  if (d.endedAt || d.extensionCount > 0 || !d.appointmentAt || d.status === 1) return false;
  return d.appointmentAt <= now || (d.currentStepDueAt !== null && d.currentStepDueAt > d.appointmentAt);
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toDossierSummary(d: repo.SummaryRow, now: Date) {
  const open = d.endedAt === null;
  return {
    id: d.id,
    code: d.code,
    status: d.status,
    statusLabel: DOSSIER_STATUS_LABELS[d.status as DossierStatus],
    channel: d.channel,
    procedureId: d.procedureId,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    applicantName: d.applicantName,
    receivingAgencyId: d.receivingAgencyId,
    receivingAgencyName: d.receivingAgencyName,
    counter: d.counter,
    handlingAgencyId: d.handlingAgencyId,
    handlingAgencyName: d.handlingAgencyName,
    currentStep: d.currentStep,
    currentStepName: d.currentStepName,
    currentAgencyId: d.currentAgencyId,
    currentAgencyName: d.currentAgencyName,
    currentAssigneeId: d.currentAssigneeId,
    currentAssigneeName: d.currentAssigneeName,
    currentStepDueAt: iso(d.currentStepDueAt),
    submittedAt: d.submittedAt.toISOString(),
    receivedAt: iso(d.receivedAt),
    appointmentAt: iso(d.appointmentAt),
    receiveDueAt: iso(d.receiveDueAt),
    endedAt: iso(d.endedAt),
    outcome: d.outcome,
    supplementCount: d.supplementCount,
    lateToReceive: d.status === 1 && d.receiveDueAt !== null && d.receiveDueAt < now,
    overdue: open && d.pausedSince === null && d.appointmentAt !== null && d.appointmentAt < now,
    stepOverdue: open && d.pausedSince === null && d.currentStepDueAt !== null && d.currentStepDueAt < now,
    needsApology: needsApology(d, now),
    version: d.version,
  };
}

/** The filter of the actor's queues: `agencyId` is honoured for tenant-wide readers only (else 403). */
function queueFilter(ctx: ServiceContext, q: { agencyId?: string | undefined; counter?: string | undefined; status?: number | undefined; q?: string | undefined }, now: Date): repo.QueueFilter {
  const scope = requirePermission(ctx.actor, 'dossier.read');
  if (q.agencyId && q.agencyId !== ctx.actor.agencyId && scope !== 'tenant') throw new DomainError('FORBIDDEN', 'Bạn chỉ được xem hồ sơ của cơ quan mình');
  const today = vietnamDate(now);
  const receives = scopeOf(ctx.actor, 'dossier.receive') !== null;
  return {
    tenantId: ctx.actor.tenantId,
    userId: ctx.actor.userId,
    agencyId: q.agencyId ?? ctx.actor.agencyId,
    wholeTenant: scope === 'tenant' && !q.agencyId,
    receivesForTenant: scopeOf(ctx.actor, 'dossier.receive') === 'tenant',
    isDesk: receives,
    counter: q.counter || undefined,
    status: q.status,
    q: q.q || undefined,
    now,
    dayStart: vietnamMidnight(today),
    dayEnd: vietnamMidnight(addDays(today, 1)),
  };
}

/** The officer's queues (issue 6 item 12): one view at a time, paginated, in a fixed order. */
export async function listDossiers(ctx: ServiceContext, q: In<typeof DossierListQuery>, now: Date = new Date()) {
  const f = queueFilter(ctx, q, now);
  const { items, total, totalExact } = await repo.findDossiers(ctx.db, q.view, f, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: items.map((d) => toDossierSummary(d, now)), total, totalExact, page: q.page, pageSize: q.pageSize };
}

/** How many dossiers each of the actor's queues holds (the badges of the menu). */
export async function countDossierQueues(ctx: ServiceContext, q: { agencyId?: string | undefined } = {}, now: Date = new Date()) {
  return repo.countQueues(ctx.db, queueFilter(ctx, q, now));
}
