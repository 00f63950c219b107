import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback } from 'react';
import { api, data } from '../../api/client';
import type { Body, IncomingDocument, Ok } from '../../api/types';
import { t, type MessageKey } from '../../i18n';
import { fileNameOf } from '../../lib/save-file';
import { documentKeys } from '../documents/document-queries';
import type { OutgoingView } from './outgoing-views';

/** The outgoing part of a document's detail (null on incoming documents). */
export type OutgoingPart = NonNullable<IncomingDocument['outgoing']>;
export type OutgoingAction = OutgoingPart['actions'][number];
export type OutgoingRecipient = OutgoingPart['recipients'][number];
export type RecipientStatus = OutgoingRecipient['status'];
export type OutgoingVersion = OutgoingPart['versions'][number];
export type OutgoingSummary = Ok<'listOutgoingDocuments'>['items'][number];
export type DraftBody = Body<'createOutgoingDraft'>;
export type DocumentRegister = Ok<'listDocumentRegisters'>['items'][number];

// Under documentKeys.all: a registration or any step refreshes these lists too.
export const outgoingKeys = {
  list: (view: OutgoingView, query: { q?: string; page: number; pageSize: number }) => ['documents', 'outgoing', view, query] as const,
};

export function useOutgoingList(view: OutgoingView, query: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: outgoingKeys.list(view, query),
    queryFn: () => data(api.GET('/api/documents/outgoing', { params: { query: { view, ...query } } })),
    placeholderData: keepPreviousData,
  });
}

export const registerKeys = {
  all: ['document-registers'] as const,
};

/** The agency's registers (clerks and leaders). */
export function useRegisters(enabled = true) {
  return useQuery({
    queryKey: registerKeys.all,
    queryFn: async () => (await data(api.GET('/api/document-registers'))).items,
    enabled,
  });
}

/**
 * After a step on an outgoing document: its answer (the whole document) replaces the cached detail, so no
 * second GET is needed; the lists and the menu's counts are fetched again.
 */
export function useOutgoingDone(documentId: string) {
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

/** A document's detail only when there is one to fetch (the document a new draft answers, if any). */
export function useOptionalDocument(id: string | null) {
  return useQuery({
    queryKey: documentKeys.one(id ?? ''),
    queryFn: () => data(api.GET('/api/documents/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

/**
 * The issued document as an edXML file (QCVN 102:2016) for its outside recipients with identifier codes,
 * fetched so that the server's refusal (none to send to) reads as a message, not as a downloaded error.
 */
export async function fetchEdxml(documentId: string): Promise<{ blob: Blob; fileName: string }> {
  const { data: blob, response } = await api.GET('/api/documents/{id}/edxml', { params: { path: { id: documentId } }, parseAs: 'blob' });
  return { blob: blob as Blob, fileName: fileNameOf(response.headers.get('content-disposition')) ?? `${documentId}.edxml.xml` };
}
