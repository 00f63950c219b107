import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/not-found-page';
import { ProcedureDetailPage } from './procedure-detail-page';
import { ProcedureListPage } from './procedure-list-page';
import { PublicCatalogPage, PublicProcedurePage } from './public-catalog-page';

/** The catalog of administrative procedures under /thu-tuc-hanh-chinh/* (its own nested routes). */
export function ProceduresModule() {
  return (
    <Routes>
      <Route index element={<ProcedureListPage />} />
      <Route path=":id" element={<ProcedureDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** The public catalog under /cong-khai/thu-tuc/:tenantCode/* (no login). */
export function PublicCatalog() {
  return (
    <Routes>
      <Route index element={<PublicCatalogPage />} />
      <Route path=":id" element={<PublicProcedurePage />} />
    </Routes>
  );
}
