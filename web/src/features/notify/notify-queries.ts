import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Ok, Query } from '../../api/types';

export type Notification = Ok<'listNotifications'>['items'][number];

export const NOTIFICATIONS_PATH = '/thong-bao';

const notifyKeys = {
  all: ['notifications'] as const,
  list: (query: Query<'listNotifications'>) => ['notifications', 'list', query] as const,
};

/** How often the bell asks for new notifications: a reminder may wait a minute, the server is spared. */
const POLL_MS = 60_000;

export function useNotifications(query: Query<'listNotifications'>, options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: notifyKeys.list(query),
    queryFn: () => data(api.GET('/api/notifications', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: options.poll ? POLL_MS : false,
  });
}

/** Marking read changes the bell and every list: all are fetched again. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => data(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notifyKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => data(api.POST('/api/notifications/read-all')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notifyKeys.all }),
  });
}
