import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { t } from '../../i18n';
import { ADMIN_MODULES, adminGroupTitle, adminModulesFor, BUSINESS_MODULES, HOME, type ModuleEntry } from '../modules';
import { useCan } from '../session';

type Item = Required<MenuProps>['items'][number];

const itemOf = (m: ModuleEntry): Item => ({ key: m.path, icon: m.icon, label: t(m.title), title: t(m.title) });

/** The page's menu key: the longest module path the current address starts with. */
function selectedKey(pathname: string): string {
  const all = [HOME, ...BUSINESS_MODULES, ...ADMIN_MODULES].map((m) => m.path);
  return all.filter((p) => (p === '/' ? pathname === '/' : pathname.startsWith(p))).sort((a, b) => b.length - a.length)[0] ?? '';
}

export function SideMenu({ onNavigate, collapsed }: { onNavigate?: () => void; collapsed?: boolean }) {
  const can = useCan();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const admin = adminModulesFor(can);
  const items: Item[] = [itemOf(HOME), ...BUSINESS_MODULES.map(itemOf)];
  if (admin.length > 0) {
    items.push({ type: 'divider' });
    // A collapsed sider has no room for a group title; the icons' tooltips name each page.
    items.push({ type: 'group', key: 'admin', label: collapsed ? null : t(adminGroupTitle(can)), children: admin.map(itemOf) });
  }

  return (
    <Menu
      mode="inline"
      theme="dark"
      aria-label={t('layout.menu')}
      selectedKeys={[selectedKey(pathname)]}
      items={items}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
