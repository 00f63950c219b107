import type { proceduresVi } from './procedures.vi';

/** English strings of the procedures pages. */
export const proceduresEn: Record<keyof typeof proceduresVi, string> = {
  'procedures.building': 'Being built',
};
