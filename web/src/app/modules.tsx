import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ContainerOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  HomeOutlined,
  InboxOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SendOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../api/types';
import type { MessageKey } from '../i18n';
import { API_TOKENS_PATH } from '../features/auth/api-token-path';
import { SEARCH_PATH } from '../features/search/search-path';
import { SIGNING_PATH } from '../features/signing/signing-paths';
import { EXCHANGE_PATH, EXCHANGE_PERMISSIONS } from '../features/exchange/exchange-paths';
import { TASKS_PATH } from '../features/tasks/task-paths';
import { MEETINGS_PATH } from '../features/meetings/meeting-paths';
import { STATS_PATH } from '../features/stats/stats-paths';

export interface ModuleEntry {
  key: string;
  path: string;
  title: MessageKey;
  description: MessageKey;
  icon: ReactNode;
  /** Shown only to users holding this permission (or any one of these). */
  permission?: Permission | Permission[];
  /** The module has real pages; the others still show what they will do. */
  built?: boolean;
}

export const HOME: ModuleEntry = { key: 'home', path: '/', title: 'module.home', description: 'app.tagline', icon: <HomeOutlined aria-hidden /> };

/** Work routed to the user (documents presented, assigned, forwarded to them or their unit), by view. */
export const INBOX: ModuleEntry = { key: 'inbox', path: '/hop-viec', title: 'module.inbox', description: 'inbox.description', icon: <ContainerOutlined aria-hidden />, built: true };

/** The business modules of DESIGN.md, in the order a provincial office works through its day. */
export const BUSINESS_MODULES: ModuleEntry[] = [
  { key: 'incoming', path: '/van-ban-den', title: 'module.incoming', description: 'module.incoming.desc', icon: <InboxOutlined aria-hidden />, built: true },
  // Its views are a submenu (see side-menu.tsx); everyone who drafts has them, administrators do not.
  { key: 'outgoing', path: '/van-ban-di', title: 'module.outgoing', description: 'module.outgoing.desc', icon: <SendOutlined aria-hidden />, permission: 'document.draft', built: true },
  { key: 'registers', path: '/so-van-ban', title: 'module.registers', description: 'module.registers.desc', icon: <BookOutlined aria-hidden />, permission: 'document.read', built: true },
  { key: 'search', path: SEARCH_PATH, title: 'module.search', description: 'module.search.desc', icon: <FileSearchOutlined aria-hidden />, built: true },
  // Its pages are a submenu (see side-menu.tsx); everyone may check a PDF's signatures there.
  { key: 'signing', path: SIGNING_PATH, title: 'module.signing', description: 'module.signing.desc', icon: <SafetyCertificateOutlined aria-hidden />, built: true },
  // The agency's clerks (received and sent messages) and the administrator (connections, what the province
  // sends): the tabs each person may open are in exchange-paths.ts.
  { key: 'exchange', path: EXCHANGE_PATH, title: 'module.exchange', description: 'module.exchange.desc', icon: <SwapOutlined aria-hidden />, permission: EXCHANGE_PERMISSIONS, built: true },
  // Everyone may be invited or be a site of an online conference; organizing needs meeting.manage.
  { key: 'meetings', path: MEETINGS_PATH, title: 'module.meetings', description: 'module.meetings.desc', icon: <ScheduleOutlined aria-hidden />, built: true },
  // Everyone may be given a task or named on one; leaders also give them (task.assign).
  { key: 'tasks', path: TASKS_PATH, title: 'module.tasks', description: 'module.tasks.desc', icon: <CheckSquareOutlined aria-hidden />, built: true },
  // Everyone may read the catalog; administrators keep it (procedure.manage).
  { key: 'procedures', path: '/thu-tuc-hanh-chinh', title: 'module.procedures', description: 'module.procedures.desc', icon: <ProfileOutlined aria-hidden />, built: true },
  // Its pages are a submenu (see dossiers-submenu.ts): the counter and queues, feedback, statistics.
  { key: 'dossiers', path: '/ho-so-mot-cua', title: 'module.dossiers', description: 'module.dossiers.desc', icon: <FolderOpenOutlined aria-hidden />, permission: ['dossier.read', 'feedback.handle', 'dossier.stats'], built: true },
  // The dashboard and the service index (a submenu, see side-menu.tsx): leaders and administrators, province-wide.
  { key: 'stats', path: STATS_PATH, title: 'module.stats', description: 'module.stats.desc', icon: <BarChartOutlined aria-hidden />, permission: 'stats.read', built: true },
];

export const ADMIN_MODULES: ModuleEntry[] = [
  { key: 'agencies', path: '/quan-tri/co-quan', title: 'module.agencies', description: 'module.agencies.desc', icon: <BankOutlined aria-hidden />, permission: 'org.manage' },
  { key: 'units', path: '/quan-tri/don-vi', title: 'module.units', description: 'module.units.desc', icon: <ApartmentOutlined aria-hidden />, permission: 'org.manage' },
  { key: 'users', path: '/quan-tri/nguoi-dung', title: 'module.users', description: 'module.users.desc', icon: <TeamOutlined aria-hidden />, permission: 'user.read' },
  { key: 'workCalendar', path: '/quan-tri/lich-lam-viec', title: 'module.workCalendar', description: 'module.workCalendar.desc', icon: <CalendarOutlined aria-hidden />, permission: 'calendar.read' },
  { key: 'auditLog', path: '/quan-tri/nhat-ky', title: 'module.auditLog', description: 'module.auditLog.desc', icon: <AuditOutlined aria-hidden />, permission: 'audit.read' },
  // The signed-in person's own tokens (also in the account menu); only administrators may make them.
  { key: 'apiTokens', path: API_TOKENS_PATH, title: 'module.apiTokens', description: 'module.apiTokens.desc', icon: <ApiOutlined aria-hidden />, permission: 'token.manage' },
];

const MANAGING: Permission[] = ['org.manage', 'user.manage', 'calendar.manage', 'audit.read'];

/** A specialist only reads here (the people of their unit, the holidays): for them it is look-up, not administration. */
export const adminGroupTitle = (can: (p: Permission) => boolean): MessageKey => (MANAGING.some(can) ? 'layout.adminGroup' : 'layout.lookupGroup');

/** The permissions of which a user needs one to open the module (none: everyone). */
export const modulePermissions = (m: ModuleEntry): Permission[] => (m.permission === undefined ? [] : [m.permission].flat());

const mayOpen = (m: ModuleEntry, can: (p: Permission) => boolean): boolean => {
  const needed = modulePermissions(m);
  return needed.length === 0 || needed.some(can);
};

/** The business modules this user may open: the others are not even offered. */
export const businessModulesFor = (can: (p: Permission) => boolean): ModuleEntry[] => BUSINESS_MODULES.filter((m) => mayOpen(m, can));

export const adminModulesFor = (can: (p: Permission) => boolean): ModuleEntry[] => ADMIN_MODULES.filter((m) => mayOpen(m, can));
