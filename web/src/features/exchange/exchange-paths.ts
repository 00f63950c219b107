import type { Permission } from '../../api/types';
import type { MessageKey } from '../../i18n';

export const EXCHANGE_PATH = '/lien-thong';

/**
 * The page's tabs, each with its own address (the menu, Back and bookmarks land on it). A new tab is one
 * entry here, its slug, who may open it, and its component in exchange-page.tsx.
 */
export type ExchangeTab = 'received';

const SLUGS: Record<ExchangeTab, string> = { received: 'van-ban-nhan' };

export const EXCHANGE_TABS = Object.keys(SLUGS) as ExchangeTab[];

export const exchangeTabPath = (tab: ExchangeTab): string => `${EXCHANGE_PATH}/${SLUGS[tab]}`;

export const exchangeTabTitle = (tab: ExchangeTab): MessageKey => `exchange.tab.${tab}`;

/** Received messages are registered by the agency's clerks (the server asks for document.register). */
const TAB_PERMISSION: Record<ExchangeTab, Permission> = { received: 'document.register' };

export const exchangeTabPermission = (tab: ExchangeTab): Permission => TAB_PERMISSION[tab];

export const exchangeTabsFor = (can: (p: Permission) => boolean): ExchangeTab[] => EXCHANGE_TABS.filter((tab) => can(TAB_PERMISSION[tab]));
