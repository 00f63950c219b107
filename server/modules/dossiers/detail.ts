import type { Db } from '../../db/open.js';
import { requirePermission } from '../../platform/auth/permissions.js';
import { loadWorkCalendar } from '../../platform/calendar/service.js';
import type { WorkCalendar } from '../../platform/calendar/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import type { ProcedureStepRow } from '../procedures/index.js';
import type { StepRole } from '../procedures/tables.js';
import * as repo from './detail-repo.js';
import * as policy from './policy.js';
import { findProcessors } from './processing-repo.js';
import { toDossierSummary } from './queues.js';
import { agencyForStep, nextStep } from './steps.js';
import type { Outcome } from './tables.js';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** Working hours from `from` to `to`, negative when `to` is already past. */
function signedWorkingHours(calendar: WorkCalendar, from: Date, to: Date): number {
  return to >= from ? calendar.workingHoursBetween(from, to) : -calendar.workingHoursBetween(to, from);
}

/**
 * "Will be late" (issue 6 item 6): the appointment has passed, or the working hours left until it are fewer
 * than what the process still budgets — the rest of the current step plus the later counted steps.
 */
function willBeLate(calendar: WorkCalendar, d: { appointmentAt: Date | null; currentStepDueAt: Date | null; currentStep: number | null }, steps: ProcedureStepRow[], ref: Date): boolean {
  if (!d.appointmentAt) return false;
  if (d.appointmentAt <= ref) return true;
  const left = calendar.workingHoursBetween(ref, d.appointmentAt);
  const current = d.currentStepDueAt ? Math.max(0, signedWorkingHours(calendar, ref, d.currentStepDueAt)) : 0;
  const later = steps.filter((s) => d.currentStep !== null && s.position > d.currentStep && !s.notCounted).reduce((sum, s) => sum + s.budgetHours, 0);
  return current + later > left;
}

/** Active people of the agency who may take a step of this role, the role the step wants first. */
async function candidates(db: Db, tenantId: string, agencyId: string, role: StepRole) {
  const people = await findProcessors(db, tenantId, agencyId, policy.PROCESSING_ROLES);
  const wanted = policy.PREFERRED_ROLES[role];
  const preferred = (p: { roles: string[] }) => p.roles.some((r) => (wanted as string[]).includes(r));
  return [...people.filter(preferred), ...people.filter((p) => !preferred(p))].map((p) => ({ id: p.id, name: p.name, position: p.position, unitName: p.unitName, preferred: preferred(p) }));
}

/**
 * Everything the dossier page shows (issue 6 item 5): applicant, procedure, status, times, components, the
 * control slip (a projection of the hand-off events), the timeline, supplements, extensions, payments, what
 * the caller may do now and whom the next step may go to. Not visible to the caller → 404.
 */
export async function getDossier(ctx: ServiceContext, id: string, now: Date = new Date()) {
  requirePermission(ctx.actor, 'dossier.read');
  const t = ctx.actor.tenantId;
  const d = await repo.getDossierWithNames(ctx.db, t, id);
  if (!d || !policy.canRead(ctx.actor, d)) throw new DomainError('NOT_FOUND', 'Không tìm thấy hồ sơ hoặc bạn không có quyền xem');
  // lists that are empty by the dossier's own counters are not asked for
  const [steps, calendar, components, events, supplements, extensions, payments] = await Promise.all([
    repo.getSteps(ctx.db, d.procedureId),
    loadWorkCalendar(ctx.db, t),
    repo.getComponents(ctx.db, id),
    repo.getEvents(ctx.db, id),
    d.supplementCount > 0 ? repo.getSupplements(ctx.db, id) : [],
    d.extensionCount > 0 ? repo.getExtensions(ctx.db, id) : [],
    repo.getPayments(ctx.db, id),
  ]);
  const step = steps.find((s) => s.position === d.currentStep) ?? null;
  const next = d.status === 4 ? nextStep(steps, d.currentStep) : null;
  const parties: policy.DossierParties = { ...d, currentStepRole: step?.role ?? null, nextStepRole: next?.role ?? null };
  const open = d.endedAt === null;
  const ref = d.pausedSince ?? now;
  const actions = policy.dossierActions(ctx.actor, parties, now);
  const nextAgencyId = next ? agencyForStep(next, d) : null;
  const [nextAgencyNames, nextAssignees, stepAssignees] = await Promise.all([
    nextAgencyId ? repo.getNames(ctx.db, t, { agencyId: nextAgencyId }) : null,
    next && nextAgencyId && actions.includes('advance') ? candidates(ctx.db, t, nextAgencyId, next.role) : [],
    step && d.currentAgencyId && actions.includes('assign') ? candidates(ctx.db, t, d.currentAgencyId, step.role) : [],
  ]);

  return {
    ...toDossierSummary(d, now),
    needsApology: open && d.status !== 1 && d.extensionCount === 0 && willBeLate(calendar, d, steps, ref),
    formVersion: d.formVersion,
    applicant: { kind: d.applicantKind, name: d.applicantName, representative: d.applicantRepresentative, idNumber: d.applicantIdNumber, phone: d.applicantPhone, email: d.applicantEmail, address: d.applicantAddress, verified: d.applicantVerified },
    deliveryMethod: d.deliveryMethod,
    receivedBy: d.receivedBy ? { id: d.receivedBy, name: d.receivedByName ?? '' } : null,
    procedure: { id: d.procedureId, code: d.procedureCode, name: d.procedureName, timeLimit: d.timeLimit ?? 0, timeUnit: d.timeUnit ?? 'working_days', level: d.level },
    clockStartAt: iso(d.clockStartAt),
    originalAppointmentAt: iso(d.originalAppointmentAt),
    currentStepStartedAt: iso(d.currentStepStartedAt),
    currentStepRole: step?.role ?? null,
    pausedMs: d.pausedMs,
    pausedSince: iso(d.pausedSince),
    remainingWorkingHours: open && d.appointmentAt ? signedWorkingHours(calendar, ref, d.appointmentAt) : null,
    extensionCount: d.extensionCount,
    faultAgency: d.faultAgencyId ? { id: d.faultAgencyId, name: d.faultAgencyName ?? '' } : null,
    processedAt: iso(d.processedAt),
    returnedAt: iso(d.returnedAt),
    closingReason: d.closingReason,
    result: { summary: d.resultSummary, fileId: d.resultFileId, electronic: d.resultElectronic, digitized: d.resultDigitized },
    fees: { due: d.feesDue, paid: d.feesPaid },
    steps: steps.map((s) => ({ position: s.position, name: s.name, role: s.role, budgetHours: s.budgetHours, notCounted: s.notCounted })),
    components: components.map((c) => ({ id: c.id, position: c.position, name: c.name, form: c.form, copies: c.copies, fileId: c.fileId, digitized: c.digitized, reusedFromDossierId: c.reusedFromDossierId, fromCitizenStore: c.fromCitizenStore })),
    // Phiếu kiểm soát quá trình giải quyết hồ sơ: one row per hand-off
    controlSlip: events
      .filter((e) => e.event.kind === 'handoff')
      .map(({ event: e, agencyName, assigneeName }) => ({
        seq: e.seq,
        agencyName,
        stepName: e.stepName,
        givenAt: e.at.toISOString(),
        giverName: e.actorName,
        receiverName: assigneeName,
        dueAt: iso(e.dueAt),
        finishedStepName: str(e.data?.finishedStepName),
        finishedDueAt: str(e.data?.finishedDueAt),
        outcome: (str(e.data?.finishedOutcome) as Outcome | null) ?? null,
        note: e.note,
      })),
    events: events.map(({ event: e, agencyName, assigneeName }) => ({
      seq: e.seq,
      kind: e.kind,
      at: e.at.toISOString(),
      actorName: e.actorName,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      step: e.step,
      stepName: e.stepName,
      agencyName,
      assigneeName,
      dueAt: iso(e.dueAt),
      outcome: e.outcome,
      note: e.note,
      data: e.data ?? null,
    })),
    supplements: supplements.map(({ s, requestedByName, completedByName }) => ({ id: s.id, requestedAt: s.requestedAt.toISOString(), requestedByName, reason: s.reason, items: s.items, completedAt: iso(s.completedAt), completedByName, note: s.note })),
    extensions: extensions.map(({ e, issuedByName, faultAgencyName }) => ({ id: e.id, issuedAt: e.issuedAt.toISOString(), issuedByName, reason: e.reason, faultAgency: { id: e.faultAgencyId, name: faultAgencyName }, previousAppointmentAt: e.previousAppointmentAt.toISOString(), newAppointmentAt: e.newAppointmentAt.toISOString() })),
    payments: payments.map((p) => ({ id: p.id, kind: p.kind, name: p.name, amount: p.amount, channel: p.channel, state: p.state, paidAt: iso(p.paidAt) })),
    actions,
    nextStep: next ? { position: next.position, name: next.name, role: next.role, agency: nextAgencyId ? { id: nextAgencyId, name: nextAgencyNames?.agencyName ?? '' } : null } : null,
    nextAssignees,
    stepAssignees,
  };
}
