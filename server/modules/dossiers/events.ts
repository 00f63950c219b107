import { sql } from 'drizzle-orm';
import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import { type DossierStatus, type Outcome, dossierEvents } from './tables.js';

/** What can happen to a dossier; the control slip and the ledger are projections of these events. */
export const DOSSIER_EVENT_KINDS = [
  'submitted',
  'received',
  'refused',
  'handoff',
  'supplement_requested',
  'supplement_completed',
  'extended',
  'stopped',
  'withdrawn',
  'processed',
  'returned',
  'payment',
  'rated',
  'guidance',
] as const;
export type DossierEventKind = (typeof DOSSIER_EVENT_KINDS)[number];

/**
 * One event to append. A `handoff` names the giver (actor), the receiver (assigneeId / agencyId), the step
 * entered (step, stepName, dueAt) and, in `data`, the finished step: `{ finishedStep, finishedStepName,
 * finishedDueAt, finishedOutcome }` (null when the dossier enters its first step).
 */
export interface DossierEventInput {
  kind: DossierEventKind;
  at: Date;
  actorId?: string | null;
  /** the person as seen then; a citizen has no account */
  actorName: string;
  fromStatus?: DossierStatus | null;
  toStatus?: DossierStatus | null;
  step?: number | null;
  stepName?: string | null;
  agencyId?: string | null;
  assigneeId?: string | null;
  dueAt?: Date | null;
  outcome?: Outcome | null;
  note?: string | null;
  data?: Record<string, unknown> | null;
}

/**
 * Appends an event with the dossier's next `seq`. The caller holds the dossier row's lock (`select … for
 * update`, or it inserted the row in this transaction), so `max(seq) + 1` under that lock cannot collide;
 * the unique index (dossier_id, seq) would refuse a second writer anyway.
 */
export async function appendDossierEvent(tx: Db, dossierId: string, event: DossierEventInput): Promise<number> {
  const id = newId();
  const result = await tx.execute(sql`
    insert into ${dossierEvents} (id, dossier_id, seq, kind, at, actor_id, actor_name, from_status, to_status, step, step_name, agency_id, assignee_id, due_at, outcome, note, data)
    select ${id}, ${dossierId}, coalesce(max(seq), 0) + 1, ${event.kind}, ${event.at.toISOString()}::timestamptz, ${event.actorId ?? null}, ${event.actorName},
      ${event.fromStatus ?? null}::smallint, ${event.toStatus ?? null}::smallint, ${event.step ?? null}::integer, ${event.stepName ?? null},
      ${event.agencyId ?? null}::uuid, ${event.assigneeId ?? null}::uuid, ${event.dueAt ? event.dueAt.toISOString() : null}::timestamptz,
      ${event.outcome ?? null}, ${event.note ?? null}, ${event.data ? JSON.stringify(event.data) : null}::jsonb
    from ${dossierEvents} where dossier_id = ${dossierId}
    returning seq`);
  return Number((result as unknown as { rows: { seq: number }[] }).rows[0]!.seq);
}
