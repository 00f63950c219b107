/**
 * The periodic report (báo cáo sơ kết / tổng kết, issue 7 item 4): the dashboard's and the index's figures of a
 * period written out as an editable DOCX or a PDF in the Decree 30 layout, ready to be edited and issued.
 */
import { loadWorkCalendar } from '../../platform/calendar/service.js';
import type { ServiceContext } from '../../platform/context.js';
import { audit } from '../../platform/audit/service.js';
import { meetingFigures } from '../meetings/index.js';
import { officeDashboard } from './dashboard.js';
import { periodicReportDocx, periodicReportPdf, type PeriodicReportFigures } from './report/index.js';
import { resolveScope } from './scope.js';
import { computeIndexes, loadIndexSources } from './service-index-service.js';

const MEETING_KIND_LABELS: Record<string, string> = {
  ubnd_session: 'Phiên họp UBND',
  conference: 'Hội nghị',
  working_session: 'Buổi làm việc',
  online_conference: 'Hội nghị trực tuyến',
};

const vnDate = (d: string) => {
  const [y, m, day] = d.split('-');
  return `${day}/${m}/${y}`;
};
const rate = (percent: number | null) => (percent === null ? null : percent / 100);

/** The report's figures for a period of the province. */
export async function reportFigures(ctx: ServiceContext, q: { from?: string | undefined; to?: string | undefined; kind: 'so-ket' | 'tong-ket' }, now: Date): Promise<PeriodicReportFigures> {
  const s = await resolveScope(ctx, { from: q.from, to: q.to }, now);
  const calendar = await loadWorkCalendar(ctx.db, s.tenantId);
  const [dashboard, sources, meetings] = await Promise.all([officeDashboard(ctx, s, now), loadIndexSources(ctx.db, s, calendar, now), meetingFigures(ctx.db, s.tenantId, s.from, s.to)]);
  const index = computeIndexes(sources, s, calendar, { units: false });
  const province = s.tenantName.replace(/^(Ủy ban nhân dân|UBND)\s+(tỉnh|thành phố)\s+/i, '');
  return {
    tenantName: s.tenantName,
    officeName: `Văn phòng ${s.tenantName}`,
    provinceName: province,
    period: { from: s.from, to: s.to, label: `từ ngày ${vnDate(s.from)} đến ngày ${vnDate(s.to)}` },
    kind: q.kind,
    generatedAt: now.toISOString(),
    workingDays: dashboard.period.workingDays,
    documents: { incoming: dashboard.documents.incoming, outgoing: dashboard.documents.outgoing, electronicRate: rate(dashboard.documents.electronicRate), signedRate: rate(dashboard.documents.signedRate) },
    meetings: {
      total: dashboard.meetings.total,
      perWorkingDay: dashboard.meetings.perWorkingDay,
      online: dashboard.meetings.online,
      connectedSites: dashboard.meetings.connectedSites,
      delegations: dashboard.meetings.delegations,
      byKind: meetings.byKind.filter((k) => k.count > 0).map((k) => ({ label: MEETING_KIND_LABELS[k.kind] ?? k.kind, count: k.count })),
    },
    tasks: { assigned: dashboard.tasks.assigned, doneOnTime: dashboard.tasks.doneOnTime, doneLate: dashboard.tasks.doneLate, overdue: dashboard.tasks.overdue, inProgress: dashboard.tasks.inProgress },
    procedures: dashboard.procedures,
    dossiers: { received: dashboard.dossiers.received, online: dashboard.dossiers.online, resolved: dashboard.dossiers.resolved, onTimeRate: rate(dashboard.dossiers.onTimeRate), overdueOpen: dashboard.dossiers.openOverdue },
    serviceIndex: {
      total: index.result.total,
      grade: index.result.grade,
      rank: dashboard.serviceIndex.rank,
      rankOf: dashboard.serviceIndex.rankOf,
      groups: index.result.groups.map((g) => ({ name: g.name, points: g.points, max: g.max })),
    },
    agencies: dashboard.agencies.map((a) => ({
      name: a.name,
      incoming: a.incoming,
      outgoing: a.outgoing,
      tasksAssigned: a.tasksAssigned,
      tasksOverdue: a.tasksOverdue,
      dossiersReceived: a.dossiersReceived,
      dossiersOnTimeRate: rate(a.dossiersOnTimeRate),
    })),
    monthly: dashboard.months.map((m) => ({ month: m.month, incoming: m.incoming, outgoing: m.outgoing, dossiers: m.dossiersReceived, meetings: m.meetings })),
  };
}

/** generatePeriodicReport: the file and its name; the generation is recorded in the audit trail. */
export async function generatePeriodicReport(ctx: ServiceContext, q: { from?: string | undefined; to?: string | undefined; kind: 'so-ket' | 'tong-ket'; format: 'docx' | 'pdf' }, now = new Date()) {
  const figures = await reportFigures(ctx, q, now);
  const bytes = q.format === 'docx' ? await periodicReportDocx(figures) : await periodicReportPdf(figures);
  await ctx.db.transaction((tx) =>
    audit(ctx, tx, {
      action: 'stats.report_generated',
      entityType: 'periodic_report',
      entityId: ctx.actor.tenantId,
      summary: `Tạo báo cáo ${q.kind === 'tong-ket' ? 'tổng kết' : 'sơ kết'} ${figures.period.label} (${q.format.toUpperCase()})`,
      after: { from: figures.period.from, to: figures.period.to, kind: q.kind, format: q.format },
    }),
  );
  const name = `bao-cao-${q.kind}-${figures.period.from}-${figures.period.to}.${q.format}`;
  return { bytes, name, figures };
}
