import { Link } from 'react-router';
import { t } from '../../i18n';

/** The product's mark at the top of the menu: a star on red, as on Vietnamese state emblems. */
export function AppBrand({ collapsed }: { collapsed: boolean }) {
  return (
    <Link
      to="/"
      style={{ display: 'flex', alignItems: 'center', gap: 10, height: 64, padding: collapsed ? '0 24px' : '0 20px', color: '#fff', textDecoration: 'none', overflow: 'hidden', whiteSpace: 'nowrap' }}
    >
      <img src="/favicon.svg" alt="" width={32} height={32} style={{ flex: 'none' }} />
      {!collapsed && <span style={{ fontSize: 18, fontWeight: 600 }}>{t('app.name')}</span>}
    </Link>
  );
}
