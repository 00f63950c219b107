import { Badge, Menu, type MenuProps } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ALERT_VIEWS, COUNTED_VIEWS, inboxPath, inboxViewsFor } from '../../features/documents/inbox-views';
import { CountPill } from '../../features/documents/routing-display';
import { useInboxCounts } from '../../features/documents/routing-queries';
import { t } from '../../i18n';
import { isOutgoingListPath, outgoingCount, outgoingListPath, outgoingViewsFor } from '../../features/outgoing/outgoing-views';
import { ADMIN_MODULES, adminGroupTitle, adminModulesFor, BUSINESS_MODULES, businessModulesFor, HOME, INBOX, type ModuleEntry } from '../modules';
import { useCan } from '../session';
import { SIGNING_PATH, signingPagesFor, signingPath, signingTitle } from '../../features/signing/signing-paths';
import { MEETING_SUBPAGE_PATHS, meetingSubpagesFor } from '../../features/schedule/meetings-submenu';
import { DOSSIER_SUBPAGE_PATHS, dossierSubpagesFor } from '../../features/dossiers/dossiers-submenu';
import { STATS_SUBPAGE_PATHS, statsSubpagesFor } from '../../features/stats/stats-paths';

type Item = Required<MenuProps>['items'][number];

const OUTGOING_KEY = 'outgoing';
const SIGNING_KEY = 'signing';
const STATS_KEY = 'stats';
// Both work lists start open: their numbers are what a person comes to the menu for.
const OPEN_AT_START = [INBOX.key, OUTGOING_KEY];

const itemOf = (m: ModuleEntry): Item => ({ key: m.path, icon: m.icon, label: t(m.title), title: t(m.title) });

/** An address's menu key: an inbox or outgoing view itself, else the longest module path it starts with. */
function keyOf(path: string): string {
  const subpage = [...MEETING_SUBPAGE_PATHS, ...DOSSIER_SUBPAGE_PATHS, ...STATS_SUBPAGE_PATHS].filter((p) => path.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  if (subpage) return subpage;
  if (path.startsWith(INBOX.path) || isOutgoingListPath(path) || path.startsWith(`${SIGNING_PATH}/`)) return path;
  const all = [HOME, ...BUSINESS_MODULES, ...ADMIN_MODULES].map((m) => m.path);
  return all.filter((p) => (p === '/' ? path === '/' : path.startsWith(p))).sort((a, b) => b.length - a.length)[0] ?? '';
}

/** The page's menu key. A document opened from a list (an inbox view, an outgoing view, the search) keeps that list selected. */
function selectedKey(pathname: string, from: string | undefined): string {
  const origin = from?.split('?')[0];
  return keyOf(origin && origin !== pathname ? origin : pathname);
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
  // A signing page opened from the home page or an address shows where it sits in the menu.
  // So does a dossier page opened by an address (a QR code, a notification, a link).
  const [open, setOpen] = useState<string[]>(() => [
    ...OPEN_AT_START,
    ...(pathname.startsWith(SIGNING_PATH) ? [SIGNING_KEY] : []),
    ...(DOSSIER_SUBPAGE_PATHS.some((p) => pathname.startsWith(p)) ? ['dossiers'] : []),
    ...(STATS_SUBPAGE_PATHS.includes(keyOf(pathname)) ? [STATS_KEY] : []),
  ]);
  const inboxOpen = open.includes(INBOX.key);
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

  // Outgoing documents by view: drafts sent back to me, drafts waiting for my review or signature, signed
  // documents waiting for the clerk. Closed or collapsed, the module shows them all together.
  const views = outgoingViewsFor(can);
  const outgoingWaiting = views.reduce((n, v) => n + outgoingCount(v, counts.data), 0);
  const outgoingItem = (m: ModuleEntry): Item => ({
    key: m.key,
    icon: collapsed && outgoingWaiting > 0 ? <Badge dot>{m.icon}</Badge> : m.icon,
    label: <MenuLabel text={t(m.title)} count={open.includes(m.key) ? 0 : outgoingWaiting} tone="alert" />,
    children: views.map((v) => {
      const count = outgoingCount(v, counts.data);
      const title = count > 0 ? t(`outgoing.view.${v}.counted`, { count }) : t(`outgoing.view.${v}`);
      return { key: outgoingListPath(v), label: <MenuLabel text={t(`outgoing.view.${v}`)} count={count} tone="alert" />, title };
    }),
  });

  // Signing's pages for those who sign, keep the seal or manage the trust store; for everyone else the one
  // page they have, checking a PDF's signatures, stands alone.
  const signingItem = (m: ModuleEntry): Item => {
    const pages = signingPagesFor(can);
    if (pages.length === 1) return { key: signingPath('verify'), icon: m.icon, label: t('signing.page.verify'), title: t('signing.page.verify') };
    return { key: m.key, icon: m.icon, label: t(m.title), children: pages.map((p) => ({ key: signingPath(p), label: t(signingTitle(p)), title: t(signingTitle(p)) })) };
  };
  // Meetings with the weekly schedule, delegations and statistics beside the meetings list.
  const meetingsItem = (m: ModuleEntry): Item => ({
    key: m.key,
    icon: m.icon,
    label: t(m.title),
    children: [{ key: m.path, label: t('module.meetingList'), title: t('module.meetingList') }, ...meetingSubpagesFor(can).map((p) => ({ key: p.path, label: t(p.title), title: t(p.title) }))],
  });
  // The one-stop dossiers with the feedback desk and the statistics, each for those who may open it.
  const dossiersItem = (m: ModuleEntry): Item => {
    const pages = dossierSubpagesFor(can);
    if (pages.length === 1) return { key: pages[0]!.path, icon: m.icon, label: t(pages[0]!.title), title: t(pages[0]!.title) };
    return { key: m.key, icon: m.icon, label: t(m.title), children: pages.map((p) => ({ key: p.path, label: t(p.title), title: t(p.title) })) };
  };
  // The dashboard and the service index.
  const statsItem = (m: ModuleEntry): Item => ({ key: m.key, icon: m.icon, label: t(m.title), children: statsSubpagesFor(can).map((p) => ({ key: p.path, label: t(p.title), title: t(p.title) })) });
  const moduleItem = (m: ModuleEntry): Item =>
    m.key === OUTGOING_KEY
      ? outgoingItem(m)
      : m.key === SIGNING_KEY
        ? signingItem(m)
        : m.key === 'meetings'
          ? meetingsItem(m)
          : m.key === 'dossiers'
            ? dossiersItem(m)
            : m.key === STATS_KEY
              ? statsItem(m)
              : itemOf(m);

  const admin = adminModulesFor(can);
  const items: Item[] = [itemOf(HOME), inbox, ...businessModulesFor(can).map(moduleItem)];
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
      defaultOpenKeys={open}
      onOpenChange={setOpen}
      items={items}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
