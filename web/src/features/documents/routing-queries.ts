import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback } from 'react';
import { api, data } from '../../api/client';
import type { InboxView, IncomingDocument } from '../../api/types';
import { t, type MessageKey } from '../../i18n';
import { documentKeys } from './document-queries';

// Under documentKeys.all, so a registration (which invalidates every documents query) refreshes them too.
export const inboxKeys = {
  all: ['documents', 'inbox'] as const,
  list: (view: InboxView, page: number, pageSize: number, q?: string) => ['documents', 'inbox', 'list', view, { page, pageSize, q }] as const,
  counts: ['documents', 'inbox', 'counts'] as const,
};

export function useInbox(view: InboxView, page: number, pageSize: number, q?: string) {
  return useQuery({
    queryKey: inboxKeys.list(view, page, pageSize, q),
    queryFn: () => data(api.GET('/api/documents/inbox', { params: { query: { view, page, pageSize, q } } })),
    placeholderData: keepPreviousData,
  });
}

/**
 * The numbers in the menu. Work is given by other people, so they are fetched again every minute and when
 * the person comes back to the tab, not only after their own actions.
 */
export function useInboxCounts() {
  return useQuery({
    queryKey: inboxKeys.counts,
    queryFn: () => data(api.GET('/api/documents/inbox/counts')),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

/**
 * After a routing step: every action answers with the document's new detail, which replaces the cached one
 * (routing card and timeline) without another GET, which the server would count as a reading; the lists
 * and the menu's counts are fetched again.
 */
export function useRoutingDone(documentId: string) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useCallback(
    (detail: IncomingDocument, success: MessageKey) => {
      queryClient.setQueryData(documentKeys.one(documentId), detail);
      void queryClient.invalidateQueries({ queryKey: documentKeys.all, predicate: (q) => q.queryKey[1] !== 'one' });
      message.success(t(success));
    },
    [queryClient, message, documentId],
  );
}
