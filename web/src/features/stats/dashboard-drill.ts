import type { Permission } from '../../api/types';
import { DELEGATIONS_PATH } from '../delegations/delegation-paths';
import { dossierListPath } from '../dossiers/dossier-paths';
import { MEETING_STATS_PATH } from '../meeting-stats/meeting-stats-paths';
import { MEETINGS_PATH } from '../meetings/meeting-paths';
import { SEARCH_PATH } from '../search/search-path';
import { TASK_SCOREBOARD_PATH, taskListPath } from '../tasks/task-paths';
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
  | 'dossiers'
  | 'dossiersOpen'
  | 'dossiersOverdue'
  | 'serviceIndex';

const DOSSIER_STATS_PATH = '/thong-ke/ho-so';
const PROCEDURES_PATH = '/thu-tuc-hanh-chinh';

/**
 * Where each number of the dashboard leads: the list behind it, filtered as far as that list's address
 * allows, and only a page this person may open (else the number is not a link). The document search keeps
 * its filters in the address; the other lists keep theirs in the page, so they open on their own defaults.
 * The dossier queues hold the dossiers at the person's own agency: they answer for the dashboard of that
 * agency; for the province or another agency the dossier statistics (per agency, late and overdue columns)
 * are the closer list.
 */
export function drillTargets(can: (p: Permission) => boolean, period: Period, agencyId: string | undefined, ownAgencyId: string): Partial<Record<DrillKey, string>> {
  const documents = (direction: 'incoming' | 'outgoing') => `${SEARCH_PATH}?${new URLSearchParams({ chieu: direction, tu: period.from, den: period.to }).toString()}`;
  const dossierStats = can('dossier.stats') ? DOSSIER_STATS_PATH : undefined;
  const ownQueues = can('dossier.read') && (agencyId === ownAgencyId || !dossierStats);
  const queue = (view: 'all' | 'agency' | 'overdue') => (ownQueues ? dossierListPath(view) : dossierStats);
  const index = `${SERVICE_INDEX_PATH}?${new URLSearchParams({ tu: period.from, den: period.to, ...(agencyId ? { 'co-quan': agencyId } : {}) }).toString()}`;
  return {
    incoming: documents('incoming'),
    outgoing: documents('outgoing'),
    meetings: can('meeting.manage') || can('task.assign') ? MEETING_STATS_PATH : MEETINGS_PATH,
    delegations: DELEGATIONS_PATH,
    tasks: TASK_SCOREBOARD_PATH,
    tasksOverdue: taskListPath('overdue'),
    procedures: PROCEDURES_PATH,
    dossiers: dossierStats ?? queue('all'),
    dossiersOpen: queue('agency'),
    dossiersOverdue: queue('overdue'),
    serviceIndex: index,
  };
}
