import { Segmented, Typography } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { NotFoundPage } from '../../components/not-found-page';
import { t } from '../../i18n';
import './citizen.css';
import { FeedbackPublicPage } from './feedback-public-page';
import { LookupPage } from './lookup-page';
import { SubmitPage } from './submit-page';

const SECTIONS = [
  { path: 'tra-cuu', label: 'citizen.nav.lookup' },
  { path: 'nop-ho-so', label: 'citizen.nav.submit' },
  { path: 'phan-anh', label: 'citizen.nav.feedback' },
] as const;

/** The citizens' pages under /cong-khai/dich-vu-cong/:tenantCode/* (no login, no app menu, fit for a phone). */
export function CitizenPortal() {
  const { tenantCode = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const base = `/cong-khai/dich-vu-cong/${tenantCode}`;
  const current = SECTIONS.find((s) => location.pathname.startsWith(`${base}/${s.path}`))?.path;
  return (
    <main className="vps-citizen">
      <div className="vps-citizen-head">
        <Typography.Title level={3} style={{ marginBottom: 8 }}>
          {t('citizen.portalTitle')}
        </Typography.Title>
        <nav aria-label={t('citizen.portalTitle')}>
          <Segmented
            block
            value={current}
            options={[...SECTIONS.map((s) => ({ value: s.path, label: t(s.label) })), { value: 'catalog', label: t('citizen.nav.catalog') }]}
            onChange={(v) => navigate(v === 'catalog' ? `/cong-khai/thu-tuc/${tenantCode}` : `${base}/${v}`)}
          />
        </nav>
      </div>
      <Routes>
        <Route index element={<Navigate to="tra-cuu" replace />} />
        <Route path="tra-cuu" element={<LookupPage tenantCode={tenantCode} />} />
        <Route path="nop-ho-so" element={<SubmitPage tenantCode={tenantCode} />} />
        <Route path="phan-anh" element={<FeedbackPublicPage tenantCode={tenantCode} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </main>
  );
}
