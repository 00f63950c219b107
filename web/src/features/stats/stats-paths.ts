import type { Permission } from '../../api/types';
import type { MessageKey } from '../../i18n';

export const STATS_PATH = '/thong-ke';
export const SERVICE_INDEX_PATH = `${STATS_PATH}/chi-so-766`;

/** The pages of the menu's "Thống kê và Chỉ số 766" group. */
const SUBPAGES: { path: string; title: MessageKey; permissions: Permission[] }[] = [
  { path: STATS_PATH, title: 'dashboard.title', permissions: ['stats.read'] },
  { path: SERVICE_INDEX_PATH, title: 'index766.menu', permissions: ['stats.read'] },
];

export const STATS_SUBPAGE_PATHS = SUBPAGES.map((p) => p.path);

export const statsSubpagesFor = (can: (p: Permission) => boolean) => SUBPAGES.filter((p) => p.permissions.some(can));
