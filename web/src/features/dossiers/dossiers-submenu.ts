import type { Permission } from '../../api/types';
import type { MessageKey } from '../../i18n';
import { COUNTER_PATH, DOSSIERS_PATH } from './dossier-paths';

/** The pages of the menu's "Hồ sơ một cửa" group, each for those holding one of its permissions. */
const SUBPAGES: { path: string; title: MessageKey; permissions: Permission[] }[] = [
  { path: COUNTER_PATH, title: 'dossiers.menu.counter', permissions: ['dossier.receive'] },
  { path: DOSSIERS_PATH, title: 'dossiers.menu.queues', permissions: ['dossier.read'] },
  { path: '/phan-anh-kien-nghi', title: 'citizen.feedbackDesk', permissions: ['feedback.handle'] },
  { path: '/thong-ke/ho-so', title: 'dossiers.menu.stats', permissions: ['dossier.stats'] },
];

export const DOSSIER_SUBPAGE_PATHS = SUBPAGES.map((p) => p.path);

export const dossierSubpagesFor = (can: (p: Permission) => boolean) => SUBPAGES.filter((p) => p.permissions.length === 0 || p.permissions.some(can));
