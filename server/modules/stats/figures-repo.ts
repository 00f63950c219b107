/**
 * The leadership figures read from the rollups (dossier_stat_days, dossier_stat_procedures, document_stat_days; the
 * callers apply what is pending first): sums over days, per agency or per month. The only reads of source tables are
 * the open dossiers at the period's end (bounded by what is open, through the open-dossier index) and the
 * catalog (a few thousand procedures).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const num = (v: unknown) => Number(v ?? 0);

export interface Scope {
  tenantId: string;
  from: string;
  to: string;
  agencyId: string | null;
}

const agencyFilter = (column: string, s: Scope): SQL => (s.agencyId ? sql`and ${sql.raw(column)} = ${s.agencyId}` : sql``);

export interface DocumentRow {
  agencyId: string;
  incoming: number;
  outgoing: number;
  electronic: number;
  signedOutgoing: number;
}

/** Documents registered (incoming) and issued (outgoing) in the period, per agency. */
export async function documentsByAgency(db: Db, s: Scope): Promise<DocumentRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select agency_id, sum(total) filter (where direction = 'incoming') as incoming, sum(total) filter (where direction = 'outgoing') as outgoing,
        sum(electronic) as electronic, sum(signed) filter (where direction = 'outgoing') as signed_outgoing
      from document_stat_days
      where tenant_id = ${s.tenantId} and day between ${s.from} and ${s.to} ${agencyFilter('agency_id', s)}
      group by agency_id having sum(total) <> 0`),
  );
  return rows.map((r) => ({ agencyId: String(r.agency_id), incoming: num(r.incoming), outgoing: num(r.outgoing), electronic: num(r.electronic), signedOutgoing: num(r.signed_outgoing) }));
}

/** The dossier counters summed per handling agency (received side on the day received, resolved side on the day ended). */
export interface DossierRow {
  agencyId: string;
  received: number;
  online: number;
  onlineValid: number;
  fullOnline: number;
  fullOnlineEligible: number;
  digitized: number;
  reused: number;
  fromStore: number;
  paperResult: number;
  eResult: number;
  certified: number;
  certifiedElectronic: number;
  feeBearing: number;
  paidOnline: number;
  synced: number;
  verified: number;
  rated: number;
  disliked: number;
  complained: number;
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  processingMs: number;
}

const DOSSIER_COUNTERS: [keyof Omit<DossierRow, 'agencyId'>, string][] = [
  ['received', 'received'],
  ['online', 'online'],
  ['onlineValid', 'online_valid'],
  ['fullOnline', 'full_online'],
  ['fullOnlineEligible', 'full_online_eligible'],
  ['digitized', 'digitized'],
  ['reused', 'reused'],
  ['fromStore', 'from_store'],
  ['paperResult', 'paper_result'],
  ['eResult', 'e_result'],
  ['certified', 'certified'],
  ['certifiedElectronic', 'certified_electronic'],
  ['feeBearing', 'fee_bearing'],
  ['paidOnline', 'paid_online'],
  ['synced', 'synced'],
  ['verified', 'verified'],
  ['rated', 'rated'],
  ['disliked', 'disliked'],
  ['complained', 'complained'],
  ['resolved', 'resolved'],
  ['early', 'early'],
  ['onTime', 'on_time'],
  ['late', 'late'],
  ['processingMs', 'processing_ms'],
];

export const emptyDossierRow = (agencyId = ''): DossierRow => Object.fromEntries([['agencyId', agencyId], ...DOSSIER_COUNTERS.map(([k]) => [k, 0])]) as unknown as DossierRow;

export function addDossierRows(a: DossierRow, b: DossierRow): DossierRow {
  const out = { ...a };
  for (const [k] of DOSSIER_COUNTERS) out[k] = a[k] + b[k];
  return out;
}

export async function dossiersByAgency(db: Db, s: Scope): Promise<DossierRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select handling_agency_id as agency_id, ${sql.raw(DOSSIER_COUNTERS.map(([, c]) => `sum(${c}) as ${c}`).join(', '))}
      from dossier_stat_days
      where tenant_id = ${s.tenantId} and day between ${s.from} and ${s.to} ${agencyFilter('handling_agency_id', s)}
      group by handling_agency_id`),
  );
  return rows.map((r) => Object.fromEntries([['agencyId', String(r.agency_id)], ...DOSSIER_COUNTERS.map(([k, c]) => [k, num(r[c])])]) as unknown as DossierRow);
}

export interface MonthRow {
  month: string;
  incoming: number;
  outgoing: number;
  dossiersReceived: number;
  dossiersResolved: number;
}

/** Documents and dossiers per month of the period. */
export async function months(db: Db, s: Scope): Promise<MonthRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select month, sum(incoming) as incoming, sum(outgoing) as outgoing, sum(received) as received, sum(resolved) as resolved from (
        select to_char(day, 'YYYY-MM') as month, sum(total) filter (where direction = 'incoming') as incoming, sum(total) filter (where direction = 'outgoing') as outgoing, 0 as received, 0 as resolved
        from document_stat_days where tenant_id = ${s.tenantId} and day between ${s.from} and ${s.to} ${agencyFilter('agency_id', s)} group by 1
        union all
        select to_char(day, 'YYYY-MM'), 0, 0, sum(received), sum(resolved)
        from dossier_stat_days where tenant_id = ${s.tenantId} and day between ${s.from} and ${s.to} ${agencyFilter('handling_agency_id', s)} group by 1
      ) x group by month order by month`),
  );
  return rows.map((r) => ({ month: String(r.month), incoming: num(r.incoming), outgoing: num(r.outgoing), dossiersReceived: num(r.received), dossiersResolved: num(r.resolved) }));
}

export interface ProcedureUse {
  online: Set<string>;
  paidOnline: Set<string>;
  verified: Set<string>;
  syncedFee: Set<string>;
}

const emptyUse = (): ProcedureUse => ({ online: new Set(), paidOnline: new Set(), verified: new Set(), syncedFee: new Set() });

/**
 * The procedures with an online dossier, an online payment, a verified applicant or a synced fee-bearing dossier
 * among those received in the period: for the scope as a whole and per handling agency.
 */
export async function procedureUse(db: Db, s: Scope): Promise<{ total: ProcedureUse; byAgency: Map<string, ProcedureUse> }> {
  const rows = rowsOf<{ agency_id: string; procedure_id: string; online: string; paid_online: string; verified: string; synced_fee: string }>(
    await db.execute(sql`
      select handling_agency_id as agency_id, procedure_id, sum(online) as online, sum(paid_online) as paid_online, sum(verified) as verified, sum(synced_fee) as synced_fee
      from dossier_stat_procedures
      where tenant_id = ${s.tenantId} and day between ${s.from} and ${s.to} ${agencyFilter('handling_agency_id', s)}
      group by 1, 2
      having sum(online) + sum(paid_online) + sum(verified) + sum(synced_fee) > 0`),
  );
  const total = emptyUse();
  const byAgency = new Map<string, ProcedureUse>();
  for (const r of rows) {
    const mine = byAgency.get(r.agency_id) ?? emptyUse();
    byAgency.set(r.agency_id, mine);
    for (const [key, col] of [['online', 'online'], ['paidOnline', 'paid_online'], ['verified', 'verified'], ['syncedFee', 'synced_fee']] as const) {
      if (num(r[col]) > 0) {
        total[key].add(r.procedure_id);
        mine[key].add(r.procedure_id);
      }
    }
  }
  return { total, byAgency };
}

/**
 * Dossiers received before `cutoff` and still open at it, in time or overdue per handling agency, as the index
 * counts them (domain file §2.5): the wait for supplements is taken off, and more than one request is overdue.
 */
export async function openDossiers(db: Db, s: Scope, cutoff: Date): Promise<{ agencyId: string; inTime: number; overdue: number }[]> {
  const at = sql`${cutoff.toISOString()}::timestamptz`;
  const overdue = sql`(d.supplement_count > 1 or least(coalesce(d.paused_since, ${at}), ${at}) - make_interval(secs => d.paused_ms / 1000.0) > d.appointment_at)`;
  const rows = rowsOf<{ agency_id: string; in_time: string; overdue: string }>(
    await db.execute(sql`
      select d.handling_agency_id as agency_id, count(*) filter (where not ${overdue}) as in_time, count(*) filter (where ${overdue}) as overdue
      from (
        -- open now (the partial indexes on open dossiers), and those that ended after the cut-off
        select * from dossiers where tenant_id = ${s.tenantId} and ended_at is null
        union all
        select * from dossiers where tenant_id = ${s.tenantId} and ended_at >= ${at}
      ) d
      where d.received_at < ${at} and d.status not in (1, 3) and d.appointment_at is not null ${agencyFilter('d.handling_agency_id', s)}
      group by 1`),
  );
  return rows.map((r) => ({ agencyId: r.agency_id, inTime: num(r.in_time), overdue: num(r.overdue) }));
}
