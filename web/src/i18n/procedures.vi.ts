/** Vietnamese strings of the procedures pages, spread into the main catalog. */
export const proceduresVi = {
  'procedures.building': 'Đang xây dựng',
};
