import { INBOX_VIEWS, type InboxCounts, type InboxView, type Permission } from '../../api/types';
import { INBOX } from '../../app/modules';

export const INBOX_PATH = INBOX.path;

const SLUGS: Record<InboxView, string> = {
  mine: 'cho-xu-ly',
  unit: 'don-vi',
  info: 'de-biet',
  overdue: 'qua-han',
  done: 'da-xong',
  unassigned: 'chua-giao',
};

export const inboxPath = (view: InboxView): string => `${INBOX_PATH}/${SLUGS[view]}`;

export const inboxViewOf = (slug: string | undefined): InboxView | undefined => INBOX_VIEWS.find((v) => SLUGS[v] === slug);

/**
 * Which counts call for action (shown strong in the menu): work waiting for me, documents nobody has routed
 * yet, and anything overdue. The others only say how much there is.
 */
export const ALERT_VIEWS: ReadonlySet<InboxView> = new Set(['mine', 'unassigned', 'overdue']);

/** Done work only grows: a number next to it would say nothing. */
export const COUNTED_VIEWS: ReadonlySet<InboxView> = new Set(['mine', 'unit', 'unassigned', 'overdue']);

/**
 * "Chưa giao" belongs to those who route the agency's documents (clerks and leaders); anyone else sees it
 * only if the server has something there for them.
 */
export const inboxViewsFor = (can: (p: Permission) => boolean, counts: InboxCounts | undefined): InboxView[] =>
  INBOX_VIEWS.filter((v) => v !== 'unassigned' || can('document.assign') || (counts?.unassigned ?? 0) > 0);
