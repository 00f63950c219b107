import type { InboxCounts, Permission, Query } from '../../api/types';

export type OutgoingView = NonNullable<Query<'listOutgoingDocuments'>['view']>;

// In the order of a draft's way: mine, waiting for my review or signature, signed and waiting for the
// clerk, issued.
const viewSet: Record<OutgoingView, true> = { drafts: true, review: true, to_issue: true, issued: true };
export const OUTGOING_VIEWS = Object.keys(viewSet) as OutgoingView[];

export const OUTGOING_PATH = '/van-ban-di';
export const NEW_DRAFT_PATH = `${OUTGOING_PATH}/soan-thao`;

const SLUGS: Record<OutgoingView, string> = {
  drafts: 'du-thao',
  review: 'cho-xem-xet',
  to_issue: 'cho-phat-hanh',
  issued: 'da-phat-hanh',
};
export const OUTGOING_SLUGS = SLUGS;

export const outgoingListPath = (view: OutgoingView): string => `${OUTGOING_PATH}/${SLUGS[view]}`;
export const outgoingPath = (id: string): string => `${OUTGOING_PATH}/${id}`;
export const outgoingEditPath = (id: string): string => `${OUTGOING_PATH}/${id}/sua`;

export const isOutgoingListPath = (pathname: string): boolean => OUTGOING_VIEWS.some((v) => outgoingListPath(v) === pathname);

/**
 * The number next to each view: drafts sent back to me, drafts waiting for my review or signature, signed
 * documents waiting for the clerk. All three ask someone to act; issued documents only grow.
 */
export function outgoingCount(view: OutgoingView, counts: InboxCounts | undefined): number {
  if (!counts) return 0;
  if (view === 'drafts') return counts.returned;
  if (view === 'review') return counts.review;
  if (view === 'to_issue') return counts.toIssue;
  return 0;
}

/** Drafting and reviewing belong to everyone who drafts; issuing to the agency's clerks. */
export const outgoingViewsFor = (can: (p: Permission) => boolean): OutgoingView[] =>
  OUTGOING_VIEWS.filter((v) => (v === 'to_issue' ? can('document.register') : can('document.draft') || (v === 'issued' && can('document.read'))));
