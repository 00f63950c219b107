import type { Permission } from '../../api/types';
import type { MessageKey } from '../../i18n';

/** The pages of the menu's "Hồ sơ một cửa" group, each for those holding one of its permissions. */
const SUBPAGES: { path: string; title: MessageKey; permissions: Permission[] }[] = [
  { path: '/ho-so-mot-cua', title: 'module.dossiers', permissions: ['dossier.read'] },
  { path: '/phan-anh-kien-nghi', title: 'citizen.building', permissions: ['feedback.handle'] },
  { path: '/thong-ke/ho-so', title: 'dossierStats.building', permissions: ['dossier.stats'] },
];

export const DOSSIER_SUBPAGE_PATHS = SUBPAGES.map((p) => p.path);

export const dossierSubpagesFor = (can: (p: Permission) => boolean) => SUBPAGES.filter((p) => p.permissions.length === 0 || p.permissions.some(can));
