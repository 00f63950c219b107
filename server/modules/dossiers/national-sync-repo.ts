import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

export interface SyncDossierRow {
  id: string;
  code: string;
  procedure_code: string;
  procedure_name: string;
  channel: number;
  status: number;
  submitted_at: Date | string;
  received_at: Date | string | null;
  appointment_at: Date | string | null;
  ended_at: Date | string | null;
  time_limit: string | number;
  time_unit: string;
  applicant_kind: string;
  applicant_name: string;
  applicant_id_number: string;
  paid_online: number;
  result_file_id: string | null;
  result_summary: string | null;
  handling_code: string | null;
  handling_name: string;
  /** updated_at as text, exact to the microsecond, to mark only the version that was read */
  seen: string;
}

export type SyncSelection = { mode: 'changed' } | { mode: 'period'; start: Date; end: Date };

/**
 * Dossiers to send, oldest change first: changed since they were last sent (or never sent), or received in a
 * period. Only dossiers with a code (an online one waiting to be received has none yet).
 */
export async function dossiersToSync(db: Db, tenantId: string, selection: SyncSelection, limit: number): Promise<SyncDossierRow[]> {
  const which =
    selection.mode === 'changed'
      ? sql`(d.national_synced_at is null or d.updated_at > d.national_synced_at)`
      : sql`d.received_at >= ${selection.start.toISOString()}::timestamptz and d.received_at < ${selection.end.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    select d.id, d.code, d.procedure_code, d.procedure_name, d.channel, d.status, d.submitted_at, d.received_at, d.appointment_at, d.ended_at,
      p.time_limit, p.time_unit, d.applicant_kind, d.applicant_name, d.applicant_id_number, d.paid_online, d.result_file_id, d.result_summary,
      a.identifier_code as handling_code, a.name as handling_name, d.updated_at::text as seen
    from dossiers d join procedures p on p.id = d.procedure_id join agencies a on a.id = d.handling_agency_id
    where d.tenant_id = ${tenantId} and d.code is not null and ${which}
    order by d.updated_at, d.id
    limit ${limit}`);
  return rowsOf<SyncDossierRow>(result);
}

export interface SyncComponentRow {
  dossier_id: string;
  name: string;
  digitized: boolean;
  from_citizen_store: boolean;
  reused: boolean;
}

/** The components of the dossiers to send, in one query. */
export async function componentsOf(db: Db, dossierIds: string[]): Promise<SyncComponentRow[]> {
  if (dossierIds.length === 0) return [];
  const result = await db.execute(sql`
    select c.dossier_id, c.name, c.digitized, c.from_citizen_store, c.reused_from_dossier_id is not null as reused
    from dossier_components c where c.dossier_id = any(${`{${dossierIds.join(',')}}`}::uuid[])
    order by c.dossier_id, c.position`);
  return rowsOf<SyncComponentRow>(result);
}

/**
 * Marks the dossiers sent with the moment of the version that was sent (its updated_at): a change committed
 * later, even by a transaction that began before this sync, has a later updated_at and stays due. A row
 * changed since it was read is not marked at all. `updated_at` itself is left alone: marking is not a change.
 */
export async function markSynced(tx: Db, tenantId: string, rows: { id: string; seen: string }[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await tx.execute(sql`
    update dossiers d set national_synced_at = s.seen
    from unnest(${`{${rows.map((r) => r.id).join(',')}}`}::uuid[], ${`{${rows.map((r) => `"${r.seen}"`).join(',')}}`}::timestamptz[]) as s(id, seen)
    where d.tenant_id = ${tenantId} and d.id = s.id and d.updated_at = s.seen`);
  return (result as unknown as { affectedRows?: number; rowCount?: number }).rowCount ?? (result as unknown as { affectedRows?: number }).affectedRows ?? 0;
}

export async function tenantCode(db: Db, tenantId: string): Promise<string> {
  const result = await db.execute(sql`select code from tenants where id = ${tenantId}`);
  return rowsOf<{ code: string }>(result)[0]?.code ?? 'tenant';
}
