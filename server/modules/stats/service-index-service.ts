/**
 * The service index of Decision 766/QĐ-TTg computed from the system's own data (issue 7 item 2): for the province
 * and for each department and commune, any period; the national ranking imported beside it; monthly snapshots.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { loadWorkCalendar } from '../../platform/calendar/service.js';
import type { WorkCalendar } from '../../platform/calendar/index.js';
import type { ServiceContext } from '../../platform/context.js';
import { feedbackFigures } from '../dossiers/index.js';
import { addDossierRows, dossierCounts, emptyDossierRow, openDossiers, openDossiersNow, procedureUse, type ProcedureUse } from './figures-repo.js';
import { catalogOf, indexInputs, loadCatalog } from './index-inputs.js';
import { catchUpStats } from './rollups.js';
import { isCommune, isUnit, resolveScope, scopeName, type ResolvedScope } from './scope.js';
import { computeServiceIndex, serviceIndexConfigFor, serviceIndexConfigs, type ServiceIndexResult } from './service-index/index.js';
import { nationalRankings, serviceIndexSnapshots } from './tables.js';
import type { ServiceIndexResponse } from './schemas.js';

const emptyUse = (): ProcedureUse => ({ online: new Set(), paidOnline: new Set(), verified: new Set(), syncedFee: new Set() });
const noFeedback = { total: 0, handled: 0, onTime: 0, overdueOpen: 0, aboutRules: 0, satisfiedNum: 0 };

export type IndexScope = Pick<ResolvedScope, 'tenantId' | 'from' | 'to' | 'cutoff' | 'agency' | 'agencies'>;

/** One read of each source the index needs (the rollups caught up first); the dashboard reuses them. */
export async function loadIndexSources(db: Db, s: IndexScope, calendar: WorkCalendar, now: Date) {
  await catchUpStats(db);
  const range = { tenantId: s.tenantId, from: s.from, to: s.to, agencyId: s.agency?.id ?? null };
  const [catalog, dossiers, open, use, feedback] = await Promise.all([
    loadCatalog(db, s.tenantId),
    dossierCounts(db, range),
    // a period that has not ended is judged now, from the open dossiers' index; a past one at its end, from the dossiers
    s.cutoff.getTime() >= now.getTime() ? openDossiersNow(db, range, now) : openDossiers(db, range, s.cutoff),
    procedureUse(db, range),
    feedbackFigures(db, s.tenantId, s.agency?.id ?? null, s.from, s.to, calendar, now),
  ]);
  return { catalog, dossierRows: dossiers.byAgency, dossierMonths: dossiers.byMonth, open, use, feedback };
}
export type IndexSourceData = Awaited<ReturnType<typeof loadIndexSources>>;

/** The index of the scope and, when asked and for the province, of every department and commune. */
export function computeIndexes(data: IndexSourceData, s: IndexScope, calendar: WorkCalendar, options: { units: boolean }) {
  const { catalog, dossierRows, open, use, feedback } = data;
  const config = serviceIndexConfigFor(s.to, serviceIndexConfigs());
  // the catalog indicators ask the same few days of every unit: each answer once
  const days = new Map<string, string>();
  const memo = { addWorkingDays: (from: string, n: number) => days.get(`${from}${n}`) ?? days.set(`${from}${n}`, calendar.addWorkingDays(from, n)).get(`${from}${n}`)! };
  const sourcesOf = (agency: { id: string; commune: boolean } | null) => {
    const rows = agency ? dossierRows.filter((r) => r.agencyId === agency.id) : dossierRows;
    const opens = agency ? open.filter((o) => o.agencyId === agency.id) : open;
    return {
      from: s.from,
      to: s.to,
      calendar: memo,
      catalog: catalogOf(catalog, agency),
      dossiers: rows.reduce(addDossierRows, emptyDossierRow()),
      open: { inTime: opens.reduce((n, o) => n + o.inTime, 0), overdue: opens.reduce((n, o) => n + o.overdue, 0) },
      use: agency ? (use.byAgency.get(agency.id) ?? emptyUse()) : use.total,
      feedback: agency && !s.agency ? (feedback.byAgency.get(agency.id) ?? noFeedback) : feedback.total,
    };
  };
  const own = s.agency ? { id: s.agency.id, commune: isCommune(s.agency) } : null;
  const result = computeServiceIndex(indexInputs(sourcesOf(own)), config);
  const units =
    s.agency || !options.units
      ? []
      : s.agencies.filter(isUnit).map((a) => {
          const r = computeServiceIndex(indexInputs(sourcesOf({ id: a.id, commune: isCommune(a) })), config);
          return { agencyId: a.id, name: a.name, type: a.type, total: r.total, grade: r.grade, groups: r.groups };
        });
  return { config, result, units };
}

const normalized = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/^(tinh|thanh pho)\s+/, '').trim();
const provinceOf = (tenantName: string) => normalized(tenantName.replace(/^(Ủy ban nhân dân|UBND)\s+/i, ''));

/** The province's own row of a ranking, found by its name (accents, "Tỉnh" and "Ủy ban nhân dân" aside). */
export const ownRow = <R extends { name: string }>(rows: R[], tenantName: string): R | null => rows.find((r) => normalized(r.name) === provinceOf(tenantName)) ?? null;

/** The latest national ranking imported, with the province's own row found by name. */
export async function latestRanking(db: Db, tenantId: string, tenantName: string) {
  const [row] = await db.select().from(nationalRankings).where(eq(nationalRankings.tenantId, tenantId)).orderBy(desc(nationalRankings.asOf), desc(nationalRankings.importedAt)).limit(1);
  if (!row) return { rank: null, rankOf: null, nationalScore: null, rankingAsOf: null };
  const own = ownRow(row.rows, tenantName);
  return { rank: own?.rank ?? null, rankOf: row.rows.length, nationalScore: own?.score ?? null, rankingAsOf: row.asOf };
}

const indicatorOut = (i: ServiceIndexResult['groups'][number]['indicators'][number]) => ({
  code: i.code,
  name: i.name,
  num: i.num,
  den: i.den,
  ratePercent: i.ratePercent,
  points: i.points,
  max: i.max,
  threshold: i.threshold,
  scored: i.scored,
  gain: i.gain,
});

/** getServiceIndex: the breakdown, the weakest indicators, what would raise the score most, the rank, the units. */
export async function getServiceIndex(ctx: ServiceContext, q: { from?: string | undefined; to?: string | undefined; agencyId?: string | undefined }, now = new Date()): Promise<ServiceIndexResponse> {
  const s = await resolveScope(ctx, q, now);
  const calendar = await loadWorkCalendar(ctx.db, s.tenantId);
  const [data, ranking] = await Promise.all([loadIndexSources(ctx.db, s, calendar, now), latestRanking(ctx.db, s.tenantId, s.tenantName)]);
  const { config, result, units } = computeIndexes(data, s, calendar, { units: true });
  return {
    period: { from: s.from, to: s.to, workingDays: calendar.countWorkingDays(s.from, s.to), agencyId: s.agency?.id ?? null, scopeName: scopeName(s) },
    configVersion: config.version,
    total: result.total,
    grade: result.grade,
    groups: result.groups.map((g) => ({ code: g.code, name: g.name, max: g.max, points: g.points, indicators: g.indicators.map(indicatorOut) })),
    weakest: result.weakest.map(indicatorOut),
    improvements: result.improvements.map(indicatorOut),
    ranking: { total: result.total, grade: result.grade, ...(s.agency ? { rank: null, rankOf: null, nationalScore: null, rankingAsOf: null } : ranking) },
    units: units.map(({ groups: _groups, ...u }) => u),
  };
}

/** listServiceIndexSnapshots: the monthly snapshots of the province or of one agency, oldest first. */
export async function listServiceIndexSnapshots(ctx: ServiceContext, q: { agencyId?: string | undefined }, now = new Date()) {
  const s = await resolveScope(ctx, { agencyId: q.agencyId }, now);
  const rows = await ctx.db
    .select()
    .from(serviceIndexSnapshots)
    .where(and(eq(serviceIndexSnapshots.tenantId, s.tenantId), s.agency ? eq(serviceIndexSnapshots.agencyId, s.agency.id) : isNull(serviceIndexSnapshots.agencyId)))
    .orderBy(serviceIndexSnapshots.month);
  return {
    items: rows.map((r) => ({ month: r.month, agencyId: r.agencyId, configVersion: r.configVersion, total: r.total, grade: r.grade, groups: r.groups, takenAt: r.takenAt.toISOString() })),
  };
}

const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/**
 * Records the index of a finished month (YYYY-MM) for the province and every unit; a month already recorded is
 * replaced (the data of that month may have been corrected since). Returns how many rows it wrote.
 */
export async function takeServiceIndexSnapshots(db: Db, tenantId: string, month: string, now = new Date()): Promise<number> {
  const calendar = await loadWorkCalendar(db, tenantId);
  const from = `${month}-01`;
  const to = monthEnd(month);
  const list = await db.execute(sql`select id, name, type, sort_order from agencies where tenant_id = ${tenantId}`);
  const agencies = (list as unknown as { rows: { id: string; name: string; type: string; sort_order: number }[] }).rows.map((a) => ({ id: a.id, name: a.name, type: a.type, sortOrder: a.sort_order }));
  const end = new Date(`${to}T17:00:00Z`);
  const scope = { tenantId, from, to, cutoff: end < now ? end : now, agency: null, agencies };
  const { config, result, units } = computeIndexes(await loadIndexSources(db, scope, calendar, now), scope, calendar, { units: true });
  const groupsOf = (r: Pick<ServiceIndexResult, 'groups'>) => r.groups.map((g) => ({ code: g.code, name: g.name, points: g.points, max: g.max }));
  const rows = [
    { tenantId, month, agencyId: null, configVersion: config.version, total: result.total, grade: result.grade, groups: groupsOf(result), takenAt: now },
    ...units.map((u) => ({ tenantId, month, agencyId: u.agencyId, configVersion: config.version, total: u.total, grade: u.grade, groups: groupsOf(u), takenAt: now })),
  ];
  await db
    .insert(serviceIndexSnapshots)
    .values(rows)
    .onConflictDoUpdate({
      target: [serviceIndexSnapshots.tenantId, serviceIndexSnapshots.month, serviceIndexSnapshots.agencyId],
      set: { configVersion: sql`excluded.config_version`, total: sql`excluded.total`, grade: sql`excluded.grade`, groups: sql`excluded.groups`, takenAt: sql`excluded.taken_at` },
    });
  return rows.length;
}
