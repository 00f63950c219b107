import type { Permission } from '../../api/types';
import type { MessageKey } from '../../i18n';

export const EXCHANGE_PATH = '/lien-thong';

/**
 * The page's tabs, each with its own address (the menu, Back and bookmarks land on it). A new tab is one
 * entry here, its slug, who may open it, and its component in exchange-page.tsx.
 */
export type ExchangeTab = 'received' | 'sent' | 'peers';

const SLUGS: Record<ExchangeTab, string> = { received: 'van-ban-nhan', sent: 'gui-di', peers: 'ket-noi' };

export const EXCHANGE_TABS = Object.keys(SLUGS) as ExchangeTab[];

export const exchangeTabPath = (tab: ExchangeTab): string => `${EXCHANGE_PATH}/${SLUGS[tab]}`;

export const exchangeTabTitle = (tab: ExchangeTab): MessageKey => `exchange.tab.${tab}`;

/**
 * Who may open each tab (any one of the permissions), as the server asks: received messages are the agency
 * clerks' (document.register); what goes out is watched by the clerks for their agency and by the
 * administrator for the province (exchange.manage); the connections are the administrator's alone.
 */
const TAB_PERMISSIONS: Record<ExchangeTab, Permission[]> = {
  received: ['document.register'],
  sent: ['document.register', 'exchange.manage'],
  peers: ['exchange.manage'],
};

export const exchangeTabPermissions = (tab: ExchangeTab): Permission[] => TAB_PERMISSIONS[tab];

/** Whoever may open one of the tabs sees the module in the menu. */
export const EXCHANGE_PERMISSIONS: Permission[] = [...new Set(Object.values(TAB_PERMISSIONS).flat())];

export const exchangeTabsFor = (can: (p: Permission) => boolean): ExchangeTab[] => EXCHANGE_TABS.filter((tab) => TAB_PERMISSIONS[tab].some(can));
