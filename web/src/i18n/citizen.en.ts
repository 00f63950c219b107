import type { citizenVi } from './citizen.vi';

/** English strings of the citizen pages. */
export const citizenEn: Record<keyof typeof citizenVi, string> = {
  'citizen.building': 'Being built',
};
