/** Vietnamese strings of the dossierStats pages, spread into the main catalog. */
export const dossierStatsVi = {
  'dossierStats.building': 'Đang xây dựng',
};
