import { Badge, Menu, type MenuProps } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ALERT_VIEWS, COUNTED_VIEWS, inboxPath, inboxViewsFor } from '../../features/documents/inbox-views';
import { CountPill } from '../../features/documents/routing-display';
import { useInboxCounts } from '../../features/documents/routing-queries';
import { t } from '../../i18n';
import { ADMIN_MODULES, adminGroupTitle, adminModulesFor, BUSINESS_MODULES, HOME, INBOX, type ModuleEntry } from '../modules';
import { useCan } from '../session';

type Item = Required<MenuProps>['items'][number];

const itemOf = (m: ModuleEntry): Item => ({ key: m.path, icon: m.icon, label: t(m.title), title: t(m.title) });

/** The page's menu key: the longest module path the current address starts with. */
function selectedKey(pathname: string, from: string | undefined): string {
  // A document opened from the inbox keeps the inbox view it came from selected.
  if (from?.startsWith(INBOX.path) && !pathname.startsWith(INBOX.path)) return from;
  if (pathname.startsWith(INBOX.path)) return pathname;
  const all = [HOME, ...BUSINESS_MODULES, ...ADMIN_MODULES].map((m) => m.path);
  return all.filter((p) => (p === '/' ? pathname === '/' : pathname.startsWith(p))).sort((a, b) => b.length - a.length)[0] ?? '';
}

const MenuLabel = ({ text, count, tone }: { text: string; count: number; tone: 'alert' | 'quiet' }) => (
  <span className="vps-menu-label">
    <span className="vps-menu-text">{text}</span>
    <CountPill count={count} tone={tone} />
  </span>
);

export function SideMenu({ onNavigate, collapsed }: { onNavigate?: () => void; collapsed?: boolean }) {
  const can = useCan();
  const navigate = useNavigate();
  const { pathname, state } = useLocation();
  const counts = useInboxCounts();
  const [inboxOpen, setInboxOpen] = useState(true);
  const mine = counts.data?.mine ?? 0;

  // The inbox's views, each with its number; closed or collapsed, the inbox itself shows what waits for me.
  const inbox: Item = {
    key: INBOX.key,
    icon: collapsed && mine > 0 ? <Badge dot>{INBOX.icon}</Badge> : INBOX.icon,
    label: <MenuLabel text={t(INBOX.title)} count={inboxOpen ? 0 : mine} tone="alert" />,
    children: inboxViewsFor(can, counts.data).map((v) => ({
      key: inboxPath(v),
      label: <MenuLabel text={t(`inbox.view.${v}`)} count={COUNTED_VIEWS.has(v) ? (counts.data?.[v] ?? 0) : 0} tone={ALERT_VIEWS.has(v) ? 'alert' : 'quiet'} />,
      title: t(`inbox.view.${v}`),
    })),
  };

  const admin = adminModulesFor(can);
  const items: Item[] = [itemOf(HOME), inbox, ...BUSINESS_MODULES.map(itemOf)];
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
      selectedKeys={[selectedKey(pathname, (state as { from?: string } | null)?.from)]}
      defaultOpenKeys={[INBOX.key]}
      onOpenChange={(keys) => setInboxOpen(keys.includes(INBOX.key))}
      items={items}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
