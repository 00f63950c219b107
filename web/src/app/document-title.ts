import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { t } from '../i18n';
import { ADMIN_MODULES, BUSINESS_MODULES, INBOX } from './modules';

/** "Người dùng — Văn phòng số": the browser tab and history say which page is which. */
export function useDocumentTitle(): void {
  const { pathname } = useLocation();
  useEffect(() => {
    const page = [INBOX, ...BUSINESS_MODULES, ...ADMIN_MODULES].find((m) => pathname.startsWith(m.path));
    document.title = page ? `${t(page.title)} — ${t('app.name')}` : t('app.name');
  }, [pathname]);
}
