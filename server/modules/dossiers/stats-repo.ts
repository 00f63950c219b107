import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import type { StatsGroup } from './stats-schemas.js';

/**
 * The set-based queries of the dossier statistics: each one a single GROUP BY over the period, keyed by the
 * chosen grouping (never one query per dossier). Every query starts from the caller's tenant.
 */
export interface StatsScope {
  tenantId: string;
  groupBy: StatsGroup;
  agencyId?: string | undefined;
  locationId?: string | undefined;
  procedureId?: string | undefined;
  level?: string | undefined;
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const iso = (d: Date) => d.toISOString();
/** The Việt Nam calendar day of an instant (no daylight saving: UTC+7 all year). */
const vnDay = (col: SQL) => sql`((${col} at time zone 'UTC') + interval '7 hours')::date`;

/** The group key of a dossier `d` (joined with its procedure `p`). */
function dossierKey(groupBy: StatsGroup): SQL {
  switch (groupBy) {
    case 'agency':
      return sql`d.handling_agency_id::text`;
    case 'procedure':
      return sql`d.procedure_id::text`;
    case 'level':
      return sql`p.level`;
    case 'location':
      return sql`d.receiving_agency_id::text`;
  }
}

function dossierFilters(s: StatsScope): SQL {
  const parts: SQL[] = [sql`d.tenant_id = ${s.tenantId}`];
  if (s.agencyId) parts.push(sql`d.handling_agency_id = ${s.agencyId}`);
  if (s.locationId) parts.push(sql`d.receiving_agency_id = ${s.locationId}`);
  if (s.procedureId) parts.push(sql`d.procedure_id = ${s.procedureId}`);
  if (s.level) parts.push(sql`p.level = ${s.level}`);
  return sql.join(parts, sql` and `);
}

export interface ReceivedRow {
  key: string | null;
  total: number;
  in_person: number;
  online: number;
  postal: number;
  digitized: number;
  reused: number;
}

/**
 * Dossiers received in [start, end), by channel; digitized = at least one component and all of them
 * digitized, and an electronic result where the procedure gives a paper one and the result exists
 * (indicator 4.2); reused = a component taken from an earlier digitized result or the citizen's store (4.3).
 */
export async function receivedCounts(db: Db, s: StatsScope, start: Date, end: Date): Promise<ReceivedRow[]> {
  const result = await db.execute(sql`
    select ${dossierKey(s.groupBy)} as key,
      count(*)::int as total,
      count(*) filter (where d.channel = 1)::int as in_person,
      count(*) filter (where d.channel = 2)::int as online,
      count(*) filter (where d.channel = 3)::int as postal,
      count(*) filter (where exists (select 1 from dossier_components c where c.dossier_id = d.id)
        and not exists (select 1 from dossier_components c where c.dossier_id = d.id and not c.digitized)
        and (not p.result_paper or (d.processed_at is null and d.returned_at is null) or d.result_electronic))::int as digitized,
      count(*) filter (where exists (select 1 from dossier_components c where c.dossier_id = d.id and (c.reused_from_dossier_id is not null or c.from_citizen_store)))::int as reused
    from dossiers d join procedures p on p.id = d.procedure_id
    where ${dossierFilters(s)} and d.received_at >= ${iso(start)}::timestamptz and d.received_at < ${iso(end)}::timestamptz
    group by 1`);
  return rowsOf<ReceivedRow>(result);
}

export interface ResolvedRow {
  key: string | null;
  early: number;
  on_time: number;
  late: number;
}

/** Dossiers whose processing ended (NgayKetThucXuLy) in [start, end), by their recorded outcome. */
export async function resolvedCounts(db: Db, s: StatsScope, start: Date, end: Date): Promise<ResolvedRow[]> {
  const result = await db.execute(sql`
    select ${dossierKey(s.groupBy)} as key,
      count(*) filter (where d.outcome = 'early')::int as early,
      count(*) filter (where d.outcome = 'on_time')::int as on_time,
      count(*) filter (where d.outcome = 'late')::int as late
    from dossiers d join procedures p on p.id = d.procedure_id
    where ${dossierFilters(s)} and d.ended_at >= ${iso(start)}::timestamptz and d.ended_at < ${iso(end)}::timestamptz and d.outcome is not null
    group by 1`);
  return rowsOf<ResolvedRow>(result);
}

export interface PendingRow {
  key: string | null;
  in_time: number;
  overdue: number;
}

/**
 * Dossiers received and still open at `cutoff`. As the national index counts them (domain file §2.5): the
 * time waiting for supplements is taken off (a dossier waiting now counts up to the request), and more than
 * one supplement request makes it overdue.
 */
export async function pendingCounts(db: Db, s: StatsScope, cutoff: Date): Promise<PendingRow[]> {
  const at = sql`${iso(cutoff)}::timestamptz`;
  const overdue = sql`(d.supplement_count > 1 or least(coalesce(d.paused_since, ${at}), ${at}) - make_interval(secs => d.paused_ms / 1000.0) > d.appointment_at)`;
  const result = await db.execute(sql`
    select ${dossierKey(s.groupBy)} as key,
      count(*) filter (where not ${overdue})::int as in_time,
      count(*) filter (where ${overdue})::int as overdue
    from dossiers d join procedures p on p.id = d.procedure_id
    where ${dossierFilters(s)} and d.received_at < ${at} and (d.ended_at is null or d.ended_at >= ${at}) and d.status not in (1, 3) and d.appointment_at is not null
    group by 1`);
  return rowsOf<PendingRow>(result);
}

export interface FeedbackRow {
  key: string | null;
  total: number;
  handled: number;
  on_time: number;
  overdue_open: number;
  /** about regulations or procedures (not an officer's conduct): indicator 5.1 */
  about_rules: number;
  /** indicator 5.3 takes these off, each once: dissatisfied, handled late or open past the deadline, repeated by a later one */
  taken_off: number;
}

/** Working minutes allowed per officer action (deadline days × the working day's minutes). */
export interface FeedbackLimits {
  refuse: number;
  moreInfo: number;
  resolve: number;
  publish: number;
}

/** The calendar days of a span: working or not, and how many working days come before each. */
export interface WorkdayTable {
  dates: string[];
  before: number[];
  working: boolean[];
  /** office hours as [start, end) minutes after midnight, Việt Nam time */
  intervals: [number, number][];
  minutesPerDay: number;
}

/**
 * Feedback submitted in [start, end), handled within its deadlines as feedback-deadlines.ts counts them (working
 * days turned into working time from the moment the clock starts). Set-based: every instant gets its position
 * on the working-time axis, W(x) = working days before its day × minutes a day + office minutes of its day up to
 * it, so "done within N working days" is W(done) − W(start) ≤ N days of minutes, in one GROUP BY. Resolving
 * subtracts the working minutes waited for the sender (`info_wait_minutes`): the index counts the office's time.
 *
 * Each feedback lands in at most one of `handled` and `overdue_open`, so their sum is indicator 5.2's denominator:
 * handled = the office's turn is over (refused, asked for more and waiting for the sender, resolved, published);
 * overdue_open = back at the office ('received', first time or after the sender answered) and past its resolve
 * deadline. One still at the office and within it is in neither yet.
 */
export async function feedbackCounts(db: Db, s: StatsScope, start: Date, end: Date, cutoff: Date, days: WorkdayTable, limits: FeedbackLimits): Promise<FeedbackRow[]> {
  const key = { agency: sql`f.agency_id::text`, procedure: sql`coalesce(f.procedure_id, d.procedure_id)::text`, level: sql`p.level`, location: sql`d.receiving_agency_id::text` }[s.groupBy];
  const filters: SQL[] = [sql`f.tenant_id = ${s.tenantId}`];
  if (s.agencyId) filters.push(sql`f.agency_id = ${s.agencyId}`);
  if (s.locationId) filters.push(sql`d.receiving_agency_id = ${s.locationId}`);
  if (s.procedureId) filters.push(sql`coalesce(f.procedure_id, d.procedure_id) = ${s.procedureId}`);
  if (s.level) filters.push(sql`p.level = ${s.level}`);
  const minuteOfDay = (col: SQL) => sql`(extract(epoch from ((${col} at time zone 'UTC') + interval '7 hours')::time) / 60.0)`;
  const office = (col: SQL) => sql.join(days.intervals.map(([a, b]) => sql`greatest(0, least(${minuteOfDay(col)}, ${b}) - ${a})`), sql` + `);
  const w = (alias: string, col: SQL) => sql`(${sql.raw(alias)}.before * ${days.minutesPerDay} + case when ${sql.raw(alias)}.working then ${office(col)} else 0 end)`;
  const cut = sql`${iso(cutoff)}::timestamptz`;
  const W = { sub: w('ws', sql`f.submitted_at`), ref: w('wr', sql`f.refused_at`), info: w('wi', sql`f.more_info_requested_at`), res: w('wv', sql`f.resolved_at`), pub: w('wp', sql`f.published_at`), now: w('wc', cut) };
  const handled = sql`(f.state <> 'received')`;
  const overdueOpen = sql`(f.state = 'received' and ${W.now} - ${W.sub} - f.info_wait_minutes > ${limits.resolve})`;
  const onTime = sql`${handled}
    and (f.refused_at is null or ${W.ref} - ${W.sub} <= ${limits.refuse})
    and (f.more_info_requested_at is null or ${W.info} - ${W.sub} <= ${limits.moreInfo})
    and (f.resolved_at is null or (${W.res} - ${W.sub} - f.info_wait_minutes <= ${limits.resolve}
      and ((f.published_at is not null and ${W.pub} - ${W.res} <= ${limits.publish}) or (f.published_at is null and ${W.now} - ${W.res} <= ${limits.publish}))))`;
  const result = await db.execute(sql`
    with wd(d, before, working) as (select * from unnest(${`{${days.dates.join(',')}}`}::date[], ${`{${days.before.join(',')}}`}::int[], ${`{${days.working.join(',')}}`}::boolean[]))
    select ${key} as key,
      count(*)::int as total,
      count(*) filter (where ${handled})::int as handled,
      count(*) filter (where ${onTime})::int as on_time,
      count(*) filter (where ${overdueOpen})::int as overdue_open,
      count(*) filter (where f.kind in ('regulation', 'procedure'))::int as about_rules,
      count(*) filter (where f.satisfied = false or (${handled} and not (${onTime})) or ${overdueOpen}
        or exists (select 1 from feedbacks later where later.repeat_of_id = f.id))::int as taken_off
    from feedbacks f
      left join dossiers d on d.id = f.dossier_id
      left join procedures p on p.id = coalesce(f.procedure_id, d.procedure_id)
      left join wd ws on ws.d = ${vnDay(sql`f.submitted_at`)}
      left join wd wr on wr.d = ${vnDay(sql`f.refused_at`)}
      left join wd wi on wi.d = ${vnDay(sql`f.more_info_requested_at`)}
      left join wd wv on wv.d = ${vnDay(sql`f.resolved_at`)}
      left join wd wp on wp.d = ${vnDay(sql`f.published_at`)}
      left join wd wc on wc.d = ${vnDay(cut)}
    where ${sql.join(filters, sql` and `)} and f.submitted_at >= ${iso(start)}::timestamptz and f.submitted_at < ${iso(end)}::timestamptz
    group by 1`);
  return rowsOf<FeedbackRow>(result);
}

export interface RatingRow {
  key: string | null;
  rated: number;
  satisfied: number;
}

export interface CriterionRow {
  key: string | null;
  criterion: string;
  total: string | number;
  count: number;
}

/** Ratings given in [start, end): satisfied or not, and per criterion the sum and count of the scores. */
export async function ratingCounts(db: Db, s: StatsScope, start: Date, end: Date): Promise<{ ratings: RatingRow[]; criteria: CriterionRow[] }> {
  const where = sql`${dossierFilters(s)} and r.tenant_id = ${s.tenantId} and r.rated_at >= ${iso(start)}::timestamptz and r.rated_at < ${iso(end)}::timestamptz`;
  const [ratings, criteria] = await Promise.all([
    db.execute(sql`
      select ${dossierKey(s.groupBy)} as key, count(*)::int as rated, count(*) filter (where r.satisfied)::int as satisfied
      from dossier_ratings r join dossiers d on d.id = r.dossier_id join procedures p on p.id = d.procedure_id
      where ${where}
      group by 1`),
    db.execute(sql`
      select ${dossierKey(s.groupBy)} as key, e.key as criterion, sum(e.value::numeric) as total, count(*)::int as count
      from dossier_ratings r join dossiers d on d.id = r.dossier_id join procedures p on p.id = d.procedure_id
        cross join lateral jsonb_each_text(r.criteria) e
      where ${where} and e.value ~ '^[0-9]+(\\.[0-9]+)?$'
      group by 1, 2`),
  ]);
  return { ratings: rowsOf<RatingRow>(ratings), criteria: rowsOf<CriterionRow>(criteria) };
}

/** Names of the agencies and procedures that label the rows. */
export async function labelsFor(db: Db, tenantId: string, groupBy: StatsGroup, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0 || groupBy === 'level') return new Map();
  const list = `{${keys.join(',')}}`;
  const result =
    groupBy === 'procedure'
      ? await db.execute(sql`select id::text as id, code || ' – ' || name as label from procedures where tenant_id = ${tenantId} and id = any(${list}::uuid[])`)
      : await db.execute(sql`select id::text as id, name as label from agencies where tenant_id = ${tenantId} and id = any(${list}::uuid[])`);
  return new Map(rowsOf<{ id: string; label: string }>(result).map((r) => [r.id, r.label]));
}
