import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Query } from '../../api/types';

// Every documents query starts with this key, so one invalidation after a registration refreshes them all.
export const documentKeys = {
  all: ['documents'] as const,
  incoming: (query: Query<'listIncomingDocuments'>) => ['documents', 'incoming', query] as const,
  one: (id: string) => ['documents', 'one', id] as const,
};

export function useIncomingList(query: Query<'listIncomingDocuments'>) {
  return useQuery({
    queryKey: documentKeys.incoming(query),
    queryFn: () => data(api.GET('/api/documents/incoming', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: string) {
  return useQuery({
    queryKey: documentKeys.one(id),
    queryFn: () => data(api.GET('/api/documents/{id}', { params: { path: { id } } })),
  });
}

/** The Decree 30 document types with their Vietnamese names; fixed by law, so fetched once per visit. */
export function useDocumentTypes() {
  return useQuery({
    queryKey: ['document-types'],
    queryFn: async () => (await data(api.GET('/api/document-types'))).types,
    staleTime: Infinity,
  });
}

/** The page of one incoming document. */
export const incomingPath = (id: string): string => `/van-ban-den/${id}`;

/** The file's address: `inline` for the preview frame, otherwise a download. */
export const documentFileUrl = (documentId: string, fileId: string, inline = false): string =>
  `/api/documents/${documentId}/files/${fileId}/content${inline ? '?inline=true' : ''}`;
