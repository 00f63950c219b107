import { Navigate, Route, Routes } from 'react-router';
import { RequirePermission } from '../../app/guards';
import { useCan } from '../../app/session';
import { NotFoundPage } from '../../components/not-found-page';
import { CounterPage } from './counter-page';
import { DossierDetailPage } from './dossier-detail-page';
import { DOSSIERS_PATH } from './dossier-paths';
import { dossierSubpagesFor } from './dossiers-submenu';
import { QueueHome, QueuePage } from './queue-page';

/** The module's address: the queues, or for someone who only handles feedback or reads statistics, that page. */
function DossiersHome() {
  const can = useCan();
  const elsewhere = dossierSubpagesFor(can).find((p) => p.path !== DOSSIERS_PATH && !p.path.startsWith(`${DOSSIERS_PATH}/`));
  if (!can('dossier.read') && elsewhere) return <Navigate to={elsewhere.path} replace />;
  return (
    <RequirePermission permission="dossier.read">
      <QueueHome />
    </RequirePermission>
  );
}

/** The one-stop dossiers under /ho-so-mot-cua/*: the counter, the queues by view, a dossier's detail. */
export function DossiersModule() {
  return (
    <Routes>
      <Route index element={<DossiersHome />} />
      <Route
        path="tiep-nhan"
        element={
          <RequirePermission permission="dossier.receive">
            <CounterPage />
          </RequirePermission>
        }
      />
      <Route
        path="danh-sach/:view"
        element={
          <RequirePermission permission="dossier.read">
            <QueuePage />
          </RequirePermission>
        }
      />
      <Route
        path=":id"
        element={
          <RequirePermission permission="dossier.read">
            <DossierDetailPage />
          </RequirePermission>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
