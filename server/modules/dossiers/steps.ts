/**
 * The internal process (quy trình nội bộ) as a dossier walks it: which agency has each step, when a step is
 * due, what comes next, and entering a step (the dossier's current step plus the hand-off event).
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import type { WorkCalendar } from '../../platform/calendar/index.js';
import type { ProcedureStepRow } from '../procedures/index.js';
import { appendDossierEvent } from './events.js';
import type { EarlyRule } from './settings.js';
import { type DossierStatus, type Outcome, dossiers } from './tables.js';
import { compareToDue } from './timing.js';

export type StepLike = Pick<ProcedureStepRow, 'position' | 'name' | 'role' | 'budgetHours' | 'notCounted'>;

/** Reception and return happen at the desk that received the dossier; every other step at the competent agency. */
export function agencyForStep(step: Pick<StepLike, 'role'>, dossier: { receivingAgencyId: string | null; handlingAgencyId: string }): string {
  if ((step.role === 'reception' || step.role === 'return') && dossier.receivingAgencyId) return dossier.receivingAgencyId;
  return dossier.handlingAgencyId;
}

/** A step's due time: its budget in working hours from when it starts. */
export const stepDueAt = (calendar: WorkCalendar, start: Date, budgetHours: number): Date => calendar.addWorkingHours(start, budgetHours);

/** The step after `position` in the process (steps in any order), or null after the last. */
export function nextStep<S extends Pick<StepLike, 'position'>>(steps: readonly S[], position: number | null): S | null {
  let best: S | null = null;
  for (const s of steps) if ((position === null || s.position > position) && (!best || s.position < best.position)) best = s;
  return best;
}

/** Early / on time / late of a finished step; null for a step outside the clock (no due time). */
export const stepOutcome = (completedAt: Date, dueAt: Date | null, rule: EarlyRule): Outcome | null => (dueAt ? compareToDue(completedAt, dueAt, rule) : null);

/** The step just finished, as the hand-off event keeps it (in `data`). */
export interface FinishedStep {
  step: number;
  stepName: string;
  dueAt: Date | null;
  outcome: Outcome | null;
}

export interface EnterStepOptions {
  assigneeId: string | null;
  actor: { id: string | null; name: string };
  at: Date;
  calendar: WorkCalendar;
  /** the step the dossier leaves, null when it enters its first step */
  finished: FinishedStep | null;
  note?: string | null;
  /** count the step's budget from here instead of `at` (a receipt after the 15:00 cut-off starts tomorrow) */
  clockFrom?: Date;
  /** the status change this hand-off makes, when it makes one (received 2 → processing 4) */
  fromStatus?: DossierStatus;
  toStatus?: DossierStatus;
  /**
   * Other columns the caller changes with the hand-off (status, processing end); with them the dossier's version
   * moves in the same UPDATE, so a hand-off rewrites the row (and its indexes) once, not twice.
   */
  set?: Partial<typeof dossiers.$inferInsert>;
}

/**
 * Puts the dossier at `step`: current step, agency, assignee, start and due time, and the `handoff` event
 * (giver = actor, receiver = assignee/agency). The caller holds the dossier's row lock; it passes the status and
 * version change in `set`, or makes them itself. A step outside the clock (the return) has no due time.
 */
export async function enterStep(
  tx: Db,
  dossier: { id: string; receivingAgencyId: string | null; handlingAgencyId: string },
  step: StepLike,
  options: EnterStepOptions,
): Promise<{ agencyId: string; dueAt: Date | null }> {
  const agencyId = agencyForStep(step, dossier);
  const dueAt = step.notCounted ? null : stepDueAt(options.calendar, options.clockFrom ?? options.at, step.budgetHours);
  await tx
    .update(dossiers)
    .set({
      ...(options.set ? { ...options.set, version: sql`${dossiers.version} + 1` } : {}),
      currentStep: step.position,
      currentAgencyId: agencyId,
      currentAssigneeId: options.assigneeId,
      currentStepStartedAt: options.at,
      currentStepDueAt: dueAt,
      updatedAt: options.at,
    })
    .where(eq(dossiers.id, dossier.id));
  const finished = options.finished;
  await appendDossierEvent(tx, dossier.id, {
    kind: 'handoff',
    at: options.at,
    actorId: options.actor.id,
    actorName: options.actor.name,
    fromStatus: options.fromStatus ?? null,
    toStatus: options.toStatus ?? null,
    step: step.position,
    stepName: step.name,
    agencyId,
    assigneeId: options.assigneeId,
    dueAt,
    outcome: finished?.outcome ?? null,
    note: options.note ?? null,
    data: finished
      ? { finishedStep: finished.step, finishedStepName: finished.stepName, finishedDueAt: finished.dueAt?.toISOString() ?? null, finishedOutcome: finished.outcome }
      : null,
  });
  return { agencyId, dueAt };
}
