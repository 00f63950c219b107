/**
 * The office dashboard (issue 7 item 1): every figure of the Office's report for any period, for the province or one
 * agency, with the months and the agencies side by side (item 3). Counts come from the rollups (current once the
 * pending changes are applied); averages per working day use the calendar.
 */
import { loadWorkCalendar } from '../../platform/calendar/service.js';
import type { ServiceContext } from '../../platform/context.js';
import { meetingFigures } from '../meetings/index.js';
import { catchUpTaskStats, scoreboardCounts, tasksAssignedByMonth } from '../tasks/index.js';
import { addDossierRows, documentCounts, emptyDossierRow } from './figures-repo.js';
import { catalogOf } from './index-inputs.js';
import { isCommune, resolveScope, scopeName, type ResolvedScope } from './scope.js';
import { catchUpStats } from './rollups.js';
import { computeIndexes, latestRanking, loadIndexSources } from './service-index-service.js';
import type { OfficeDashboard } from './schemas.js';

/** num ÷ den as a percentage rounded half up to 2 decimals; null when den is 0. */
export const percent = (num: number, den: number): number | null => (den === 0 ? null : Math.round((num * 10_000) / den) / 100);
const perDay = (n: number, days: number) => (days === 0 ? null : Math.round((n / days) * 100) / 100);

/** The months (YYYY-MM) a period touches, in order. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) return out;
    out.push(key);
    m += 1;
    if (m === 13) [y, m] = [y + 1, 1];
  }
}

export async function officeDashboard(ctx: ServiceContext, s: ResolvedScope, now: Date): Promise<OfficeDashboard> {
  const { db } = ctx;
  const range = { tenantId: s.tenantId, from: s.from, to: s.to, agencyId: s.agency?.id ?? null };
  const calendar = await loadWorkCalendar(db, s.tenantId);
  await Promise.all([catchUpTaskStats(db), catchUpStats(db)]);
  const [documents, sources, meetings, tasks, ranking, tasksByMonth] = await Promise.all([
    documentCounts(db, range),
    loadIndexSources(db, s, calendar, now),
    meetingFigures(db, s.tenantId, s.from, s.to),
    scoreboardCounts(db, s.tenantId, { from: s.from, to: s.to, asOf: s.today, agencyTypes: null, agencyId: range.agencyId }),
    latestRanking(db, s.tenantId, s.tenantName),
    tasksAssignedByMonth(db, s.tenantId, s.from, s.to, range.agencyId),
  ]);
  const { dossierRows, dossierMonths, open, catalog } = sources;
  const docs = documents.byAgency;
  const index = computeIndexes(sources, s, calendar, { units: false });
  const workingDays = calendar.countWorkingDays(s.from, s.to);
  const d = dossierRows.reduce(addDossierRows, emptyDossierRow());
  const openInTime = open.reduce((n, o) => n + o.inTime, 0);
  const openOverdue = open.reduce((n, o) => n + o.overdue, 0);
  const incoming = docs.reduce((n, r) => n + r.incoming, 0);
  const outgoing = docs.reduce((n, r) => n + r.outgoing, 0);
  const t = tasks.reduce((a, r) => ({ assigned: a.assigned + r.assigned, doneOnTime: a.doneOnTime + r.doneOnTime, doneLate: a.doneLate + r.doneLate, overdue: a.overdue + r.overdue, inProgress: a.inProgress + r.inProgress }), {
    assigned: 0,
    doneOnTime: 0,
    doneLate: 0,
    overdue: 0,
    inProgress: 0,
  });
  const published = catalogOf(catalog, s.agency ? { id: s.agency.id, commune: isCommune(s.agency) } : null);
  const meetingsByMonth = new Map(meetings.months.map((m) => [m.month, m.n]));
  const ids = new Set([...docs.map((r) => r.agencyId), ...dossierRows.map((r) => r.agencyId), ...tasks.map((r) => r.agencyId), ...open.map((o) => o.agencyId)]);
  const agencies = s.agencies
    .filter((a) => ids.has(a.id))
    .map((a) => {
      const doc = docs.find((r) => r.agencyId === a.id);
      const dr = dossierRows.find((r) => r.agencyId === a.id);
      const task = tasks.find((r) => r.agencyId === a.id);
      const late = open.find((o) => o.agencyId === a.id);
      return {
        agencyId: a.id,
        name: a.name,
        type: a.type,
        incoming: doc?.incoming ?? 0,
        outgoing: doc?.outgoing ?? 0,
        tasksAssigned: task?.assigned ?? 0,
        tasksDoneOnTime: task?.doneOnTime ?? 0,
        tasksOverdue: task?.overdue ?? 0,
        tasksOnTimeRate: task ? percent(task.doneOnTime, task.doneOnTime + task.doneLate + task.overdue) : null,
        dossiersReceived: dr?.received ?? 0,
        dossiersResolved: dr?.resolved ?? 0,
        dossiersOnTimeRate: dr ? percent(dr.early + dr.onTime, dr.resolved) : null,
        dossiersOpenOverdue: late?.overdue ?? 0,
      };
    });
  return {
    period: { from: s.from, to: s.to, workingDays, agencyId: s.agency?.id ?? null, scopeName: scopeName(s) },
    documents: {
      incoming,
      outgoing,
      electronicRate: percent(docs.reduce((n, r) => n + r.electronic, 0), incoming + outgoing),
      signedRate: percent(docs.reduce((n, r) => n + r.signedOutgoing, 0), outgoing),
    },
    meetings: { total: meetings.total, perWorkingDay: perDay(meetings.total, workingDays), online: meetings.online, connectedSites: meetings.connectedSites, delegations: meetings.delegations },
    tasks: { ...t, onTimeRate: percent(t.doneOnTime, t.doneOnTime + t.doneLate + t.overdue) },
    procedures: { published: published.length, provinceLevel: published.filter((p) => p.level === 'province').length, communeLevel: published.filter((p) => p.level === 'commune').length },
    dossiers: {
      received: d.received,
      online: d.online,
      onlineRate: percent(d.online, d.received),
      resolved: d.resolved,
      early: d.early,
      onTime: d.onTime,
      late: d.late,
      onTimeRate: percent(d.early + d.onTime, d.resolved),
      openInTime,
      openOverdue,
      digitizedRate: percent(d.digitized, d.received),
      averageDays: d.resolved === 0 ? null : Math.round((d.processingMs / 86_400_000 / d.resolved) * 100) / 100,
    },
    serviceIndex: { total: index.result.total, grade: index.result.grade, ...(s.agency ? { rank: null, rankOf: null, nationalScore: null, rankingAsOf: null } : ranking) },
    months: monthsOf(s.from, s.to).map((month) => {
      const doc = documents.byMonth.get(month);
      const dossier = dossierMonths.get(month);
      return {
        month,
        incoming: doc?.incoming ?? 0,
        outgoing: doc?.outgoing ?? 0,
        dossiersReceived: dossier?.received ?? 0,
        dossiersResolved: dossier?.resolved ?? 0,
        meetings: meetingsByMonth.get(month) ?? 0,
        tasksAssigned: tasksByMonth.get(month) ?? 0,
      };
    }),
    agencies,
  };
}

/** getOfficeDashboard: the figures of the period and scope asked for. */
export async function getOfficeDashboard(ctx: ServiceContext, q: { from?: string | undefined; to?: string | undefined; agencyId?: string | undefined }, now = new Date()): Promise<OfficeDashboard> {
  return officeDashboard(ctx, await resolveScope(ctx, q, now), now);
}
