import type { dossierStatsVi } from './dossier-stats.vi';

/** English strings of the dossierStats pages. */
export const dossierStatsEn: Record<keyof typeof dossierStatsVi, string> = {
  'dossierStats.building': 'Being built',
};
