/**
 * The list behind each dossier and document number of the office dashboard (issue 7 item 1): for the same
 * period and scope, exactly the entities the number counts, a page at a time.
 */
import type { ServiceContext } from '../../platform/context.js';
import { findStatsDocuments, findStatsDossiers, type DrillRange } from './drill-repo.js';
import type { StatsDocumentList, StatsDocumentsQuery, StatsDossierList, StatsDossiersQuery } from './drill-schemas.js';
import { resolveScope, scopeName, type ResolvedScope } from './scope.js';

type PeriodQuery = Pick<StatsDossiersQuery, 'from' | 'to' | 'agencyId'>;

async function rangeOf(ctx: ServiceContext, q: PeriodQuery, now: Date): Promise<{ scope: ResolvedScope; range: DrillRange }> {
  const scope = await resolveScope(ctx, q, now);
  return { scope, range: { tenantId: scope.tenantId, from: scope.from, to: scope.to, agencyId: scope.agency?.id ?? null, cutoff: scope.cutoff } };
}

const periodOf = (s: ResolvedScope) => ({ from: s.from, to: s.to, agencyId: s.agency?.id ?? null, scopeName: scopeName(s), cutoff: s.cutoff.toISOString() });
const pageOf = (q: { page: number; pageSize: number }) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

/** listStatsDossiers: the dossiers one dossier number of the dashboard counts (stats.read, the dashboard's scope rules). */
export async function listStatsDossiers(ctx: ServiceContext, q: StatsDossiersQuery, now = new Date()): Promise<StatsDossierList> {
  const { scope, range } = await rangeOf(ctx, q, now);
  const { rows, total } = await findStatsDossiers(ctx.db, range, q.measure, pageOf(q));
  return {
    period: periodOf(scope),
    items: rows.map((d) => ({
      id: d.id,
      code: d.code,
      procedureName: d.procedureName,
      applicantName: d.applicantName,
      handlingAgencyId: d.handlingAgencyId,
      handlingAgencyName: d.handlingAgencyName,
      receivingAgencyId: d.receivingAgencyId,
      currentAgencyId: d.currentAgencyId,
      receivedAt: d.receivedAt,
      appointmentAt: d.appointmentAt,
      endedAt: d.endedAt,
      outcome: d.outcome,
      status: d.status,
    })),
    total,
  };
}

/**
 * listStatsDocuments: the documents registered (incoming) or issued (outgoing) in the period. The subject of a
 * document marked confidential or higher stays out of the list: only the people named on it may read it, and the
 * dashboard's reader is not necessarily one of them.
 */
export async function listStatsDocuments(ctx: ServiceContext, q: StatsDocumentsQuery, now = new Date()): Promise<StatsDocumentList> {
  const { scope, range } = await rangeOf(ctx, q, now);
  const { rows, total } = await findStatsDocuments(ctx.db, range, q.direction, pageOf(q));
  return {
    period: periodOf(scope),
    items: rows.map((d) => {
      const confidential = d.confidentiality !== 'normal';
      return {
        id: d.id,
        direction: d.direction,
        number: d.number,
        arrivalNumber: d.arrivalNumber,
        subject: confidential ? null : d.subject,
        confidential,
        agencyId: d.agencyId,
        agencyName: d.agencyName,
        senderName: d.senderName,
        day: d.day,
      };
    }),
    total,
  };
}
