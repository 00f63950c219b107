/** Vietnamese strings of the dossiers pages, spread into the main catalog. */
export const dossiersVi = {
  'dossiers.building': 'Đang xây dựng',
};
