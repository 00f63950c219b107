import type { Permission } from '../../api/types';
import type { MessageKey } from '../../i18n';
import { DELEGATIONS_PATH } from '../delegations/delegation-paths';
import { MEETING_STATS_PATH } from '../meeting-stats/meeting-stats-paths';
import { SCHEDULE_PATH } from './schedule-paths';

/** The pages beside the meetings list in the menu's "Họp, lịch công tác" group (the list itself comes first). */
const SUBPAGES: { path: string; title: MessageKey; permissions: Permission[] }[] = [
  { path: SCHEDULE_PATH, title: 'module.schedule', permissions: [] },
  { path: DELEGATIONS_PATH, title: 'module.delegations', permissions: [] },
  { path: MEETING_STATS_PATH, title: 'module.meetingStats', permissions: ['meeting.manage', 'task.assign'] },
];

export const MEETING_SUBPAGE_PATHS = SUBPAGES.map((p) => p.path);

export const meetingSubpagesFor = (can: (p: Permission) => boolean) => SUBPAGES.filter((p) => p.permissions.length === 0 || p.permissions.some(can));
