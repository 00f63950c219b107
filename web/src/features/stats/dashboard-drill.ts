import type { Permission } from '../../api/types';
import { DELEGATIONS_PATH } from '../delegations/delegation-paths';
import { dossierListPath } from '../dossiers/dossier-paths';
import { MEETING_STATS_PATH } from '../meeting-stats/meeting-stats-paths';
import { MEETINGS_PATH } from '../meetings/meeting-paths';
import { TASK_SCOREBOARD_PATH, taskListPath } from '../tasks/task-paths';
import { statsDrillPath } from './drill-paths';
import { SERVICE_INDEX_PATH } from './stats-paths';
import type { Period } from './stats-period';

export type DrillKey =
  | 'incoming'
  | 'outgoing'
  | 'meetings'
  | 'delegations'
  | 'tasks'
  | 'tasksOverdue'
  | 'procedures'
  | 'received'
  | 'receivedOnline'
  | 'resolved'
  | 'resolvedInTime'
  | 'early'
  | 'onTime'
  | 'late'
  | 'openInTime'
  | 'openOverdue'
  | 'dossierRates'
  | 'serviceIndex';

const DOSSIER_STATS_PATH = '/thong-ke/ho-so';
const PROCEDURES_PATH = '/thu-tuc-hanh-chinh';

/**
 * Where each number of the dashboard leads, and only to a page this person may open (else the number is not a
 * link). Every dossier and document count opens the drill-down list (the stats module's own, under stats.read like
 * the dashboard): exactly the entities it counts, for the same period and scope. The rest keep the closest list
 * their module offers: meetings, delegations and tasks open on their own defaults; the digitization rate, which has
 * no list of its own, opens the dossier statistics (else the queues).
 */
export function drillTargets(can: (p: Permission) => boolean, period: Period, agencyId: string | undefined): Partial<Record<DrillKey, string>> {
  const list = (measure: Parameters<typeof statsDrillPath>[0]) => statsDrillPath(measure, period, agencyId);
  const index = `${SERVICE_INDEX_PATH}?${new URLSearchParams({ tu: period.from, den: period.to, ...(agencyId ? { 'co-quan': agencyId } : {}) }).toString()}`;
  return {
    incoming: list('incoming'),
    outgoing: list('outgoing'),
    meetings: can('meeting.manage') || can('task.assign') ? MEETING_STATS_PATH : MEETINGS_PATH,
    delegations: DELEGATIONS_PATH,
    tasks: TASK_SCOREBOARD_PATH,
    tasksOverdue: taskListPath('overdue'),
    procedures: PROCEDURES_PATH,
    received: list('received'),
    receivedOnline: list('online'),
    resolved: list('resolved'),
    resolvedInTime: list('early_or_on_time'),
    early: list('early'),
    onTime: list('on_time'),
    late: list('late'),
    openInTime: list('open_in_time'),
    openOverdue: list('open_overdue'),
    dossierRates: can('dossier.stats') ? DOSSIER_STATS_PATH : can('dossier.read') ? dossierListPath('all') : undefined,
    serviceIndex: index,
  };
}
