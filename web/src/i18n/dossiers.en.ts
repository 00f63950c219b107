import type { dossiersVi } from './dossiers.vi';

/** English strings of the dossiers pages. */
export const dossiersEn: Record<keyof typeof dossiersVi, string> = {
  'dossiers.building': 'Being built',
};
