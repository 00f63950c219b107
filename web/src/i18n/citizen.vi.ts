/** Vietnamese strings of the citizen pages, spread into the main catalog. */
export const citizenVi = {
  'citizen.building': 'Đang xây dựng',
};
