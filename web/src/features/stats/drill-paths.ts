import type { Query } from '../../api/types';
import { STATS_PATH } from './stats-paths';
import type { Period } from './stats-period';

export type DossierMeasure = Query<'listStatsDossiers'>['measure'];
export type DocumentDirection = Query<'listStatsDocuments'>['direction'];
/** What the drill-down page lists: one dossier number of the dashboard, or its incoming or outgoing documents. */
export type DrillMeasure = DossierMeasure | DocumentDirection;

export const STATS_DRILL_PATH = `${STATS_PATH}/danh-sach`;

// A Record over the server's enums: a measure added there is a compile error here until it is listed.
const DOSSIER_MEASURE_SET: Record<DossierMeasure, true> = {
  received: true,
  online: true,
  resolved: true,
  early_or_on_time: true,
  early: true,
  on_time: true,
  late: true,
  open_in_time: true,
  open_overdue: true,
};
const DIRECTION_SET: Record<DocumentDirection, true> = { incoming: true, outgoing: true };

export const isDossierMeasure = (m: string): m is DossierMeasure => m in DOSSIER_MEASURE_SET;
export const isDocumentDirection = (m: string): m is DocumentDirection => m in DIRECTION_SET;

/** The list behind a number: the measure, and the dashboard's period and scope, in the address (Back returns to it). */
export function statsDrillPath(measure: DrillMeasure, period: Period, agencyId?: string | null): string {
  const params = new URLSearchParams({ 'do-do': measure, tu: period.from, den: period.to, ...(agencyId ? { 'co-quan': agencyId } : {}) });
  return `${STATS_DRILL_PATH}?${params.toString()}`;
}
