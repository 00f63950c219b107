/**
 * The leadership figures read from the rollups (dossier_stat_days, dossier_stat_procedures, document_stat_days; the
 * callers apply what is pending first): sums over days, per agency or per month. The only reads of source tables are
 * the open dossiers at the period's end (bounded by what is open, through the open-dossier index) and the
 * catalog (a few thousand procedures).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { addDays } from '../../platform/calendar/date-only.js';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const num = (v: unknown) => Number(v ?? 0);

export interface Scope {
  tenantId: string;
  from: string;
  to: string;
  agencyId: string | null;
}

const agencyFilter = (column: string, s: Scope): SQL => (s.agencyId ? sql`and ${sql.raw(column)} = ${s.agencyId}` : sql``);

const lastDayOf = (month: string) => addDays(addMonths(month, 1), -1);
function addMonths(first: string, n: number): string {
  const [y, m] = first.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`;
}

/** A period as its whole months (read from the monthly tables) and the days at its edges (from the daily ones). */
export function splitPeriod(from: string, to: string): { months: [string, string] | null; days: [string, string][] } {
  const firstFull = from.endsWith('-01') ? from : addMonths(`${from.slice(0, 7)}-01`, 1);
  const lastFull = lastDayOf(`${to.slice(0, 7)}-01`) === to ? `${to.slice(0, 7)}-01` : addMonths(`${to.slice(0, 7)}-01`, -1);
  if (firstFull > lastFull) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < firstFull) days.push([from, addDays(firstFull, -1)]);
  if (to > lastDayOf(lastFull)) days.push([addMonths(lastFull, 1), to]);
  return { months: [firstFull, lastFull], days };
}

/**
 * The rows of a period from a pair of rollups (daily and monthly, same counters): each row with its month (first
 * day), the columns asked and the key columns, for the caller to group.
 */
function periodRows(daily: string, monthly: string, columns: string, agencyColumn: string, s: Scope): SQL {
  const split = splitPeriod(s.from, s.to);
  const parts: SQL[] = [];
  if (split.months) {
    parts.push(sql`select month, ${sql.raw(columns)} from ${sql.raw(monthly)} where tenant_id = ${s.tenantId} and month between ${split.months[0]} and ${split.months[1]} ${agencyFilter(agencyColumn, s)}`);
  }
  for (const [a, b] of split.days) {
    parts.push(sql`select date_trunc('month', day)::date as month, ${sql.raw(columns)} from ${sql.raw(daily)} where tenant_id = ${s.tenantId} and day between ${a} and ${b} ${agencyFilter(agencyColumn, s)}`);
  }
  return sql.join(parts, sql` union all `);
}

export interface DocumentRow {
  agencyId: string;
  incoming: number;
  outgoing: number;
  electronic: number;
  signedOutgoing: number;
}

/** Documents registered (incoming) and issued (outgoing) in the period, per agency and per month, from one scan of the rollup. */
export async function documentCounts(db: Db, s: Scope): Promise<{ byAgency: DocumentRow[]; byMonth: Map<string, { incoming: number; outgoing: number }> }> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select agency_id, to_char(month, 'YYYY-MM') as month, sum(total) filter (where direction = 'incoming') as incoming,
        sum(total) filter (where direction = 'outgoing') as outgoing, sum(electronic) as electronic, sum(signed) filter (where direction = 'outgoing') as signed_outgoing
      from (${periodRows('document_stat_days', 'document_stat_months', 'agency_id, direction, total, electronic, signed', 'agency_id', s)}) r
      group by agency_id, month having sum(total) <> 0`),
  );
  const byAgency = new Map<string, DocumentRow>();
  const byMonth = new Map<string, { incoming: number; outgoing: number }>();
  for (const r of rows) {
    const agencyId = String(r.agency_id);
    const a = byAgency.get(agencyId) ?? { agencyId, incoming: 0, outgoing: 0, electronic: 0, signedOutgoing: 0 };
    a.incoming += num(r.incoming);
    a.outgoing += num(r.outgoing);
    a.electronic += num(r.electronic);
    a.signedOutgoing += num(r.signed_outgoing);
    byAgency.set(agencyId, a);
    const m = byMonth.get(String(r.month)) ?? { incoming: 0, outgoing: 0 };
    m.incoming += num(r.incoming);
    m.outgoing += num(r.outgoing);
    byMonth.set(String(r.month), m);
  }
  return { byAgency: [...byAgency.values()], byMonth };
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

/** The dossier counters per handling agency and per month of the period, from one scan of the rollup. */
export async function dossierCounts(db: Db, s: Scope): Promise<{ byAgency: DossierRow[]; byMonth: Map<string, DossierRow> }> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select handling_agency_id as agency_id, to_char(month, 'YYYY-MM') as month, ${sql.raw(DOSSIER_COUNTERS.map(([, c]) => `sum(${c}) as ${c}`).join(', '))}
      from (${periodRows('dossier_stat_days', 'dossier_stat_months', `handling_agency_id, ${DOSSIER_COUNTERS.map(([, c]) => c).join(', ')}`, 'handling_agency_id', s)}) r
      group by handling_agency_id, month`),
  );
  const byAgency = new Map<string, DossierRow>();
  const byMonth = new Map<string, DossierRow>();
  for (const r of rows) {
    const row = Object.fromEntries([['agencyId', String(r.agency_id)], ...DOSSIER_COUNTERS.map(([k, c]) => [k, num(r[c])])]) as unknown as DossierRow;
    byAgency.set(row.agencyId, addDossierRows(byAgency.get(row.agencyId) ?? emptyDossierRow(row.agencyId), row));
    const month = String(r.month);
    byMonth.set(month, addDossierRows(byMonth.get(month) ?? emptyDossierRow(), row));
  }
  return { byAgency: [...byAgency.values()], byMonth };
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
      from (${periodRows('dossier_stat_procedures', 'dossier_stat_procedure_months', 'handling_agency_id, procedure_id, online, paid_online, verified, synced_fee', 'handling_agency_id', s)}) r
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
 * The dossiers being processed now, in time or overdue per handling agency, from the open dossiers' overdue instant
 * in the rollup's facts (an index of the open ones alone): what `openDossiers` gives for a cut-off of now.
 */
export async function openDossiersNow(db: Db, s: Scope, now: Date): Promise<{ agencyId: string; inTime: number; overdue: number }[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const rows = rowsOf<{ agency_id: string; in_time: string; overdue: string }>(
    await db.execute(sql`
      select handling_agency_id as agency_id, count(*) filter (where overdue_at >= ${at}) as in_time, count(*) filter (where overdue_at < ${at}) as overdue
      from dossier_stat_facts
      where tenant_id = ${s.tenantId} and overdue_at is not null ${agencyFilter('handling_agency_id', s)}
      group by 1`),
  );
  return rows.map((r) => ({ agencyId: r.agency_id, inTime: num(r.in_time), overdue: num(r.overdue) }));
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
