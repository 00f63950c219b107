import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Body, Ok, Query } from '../../api/types';

export type ExchangeMessage = Ok<'listExchangeMessages'>['items'][number];
export type ExchangeStatus = ExchangeMessage['status'];
export type ExchangeFile = ExchangeMessage['files'][number];
export type ImportResult = Ok<'importEdxml'>;
export type RegisterOptions = Body<'registerExchangeMessage'>;
export type Registered = Ok<'registerExchangeMessage'>;
export type ExchangeListQuery = Query<'listExchangeMessages'>;
export type OutboxItem = Ok<'listExchangeOutbox'>['items'][number];
export type OutboxStatus = OutboxItem['status'];
export type OutboxQuery = Query<'listExchangeOutbox'>;
export type Peer = Ok<'listExchangePeers'>['items'][number];
export type NewPeer = Body<'addExchangePeer'>;
export type CreatedToken = Ok<'createApiToken'>;

/**
 * QCVN 102 BusinessDocType: 0 new, 1 revoke, 2 update, 3 replace. The server carries out a revocation or an
 * update on the document it names; a revocation never becomes an incoming document itself.
 */
export const NEW_DOCUMENT = 0;
export const REVOCATION = 1;

export const exchangeKeys = {
  all: ['exchange'] as const,
  messages: (query: ExchangeListQuery) => ['exchange', 'messages', query] as const,
  outboxAll: ['exchange', 'outbox'] as const,
  outbox: (query: OutboxQuery) => ['exchange', 'outbox', query] as const,
  peers: ['exchange', 'peers'] as const,
};

export function useExchangeMessages(query: ExchangeListQuery) {
  return useQuery({
    queryKey: exchangeKeys.messages(query),
    queryFn: () => data(api.GET('/api/exchange/messages', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The job sends what is due every 15 s; the list looks again as often while it is on screen. */
const OUTBOX_REFRESH_MS = 15_000;

export function useExchangeOutbox(query: OutboxQuery) {
  return useQuery({
    queryKey: exchangeKeys.outbox(query),
    queryFn: () => data(api.GET('/api/exchange/outbox', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: OUTBOX_REFRESH_MS,
  });
}

export const retryOutbox = (id: string) => data(api.POST('/api/exchange/outbox/{id}/retry', { params: { path: { id } } }));

export function useExchangePeers() {
  return useQuery({ queryKey: exchangeKeys.peers, queryFn: async () => (await data(api.GET('/api/exchange/peers'))).items });
}

export const addPeer = (body: NewPeer): Promise<Peer> => data(api.POST('/api/exchange/peers', { body }));

export const removePeer = (id: string) => data(api.DELETE('/api/exchange/peers/{id}', { params: { path: { id } } }));

/** An API token of the signed-in administrator, for the other side to send with; the server shows it only now. */
export const createToken = (name: string): Promise<CreatedToken> => data(api.POST('/api/auth/tokens', { body: { name } }));

/** The clerk returns a message to its sender with why (status 02 when it came through a connection). */
export const rejectMessage = (id: string, reason: string): Promise<ExchangeMessage> =>
  data(api.POST('/api/exchange/messages/{id}/reject', { params: { path: { id } }, body: { reason } }));

/** The address antd's Upload posts the edXML file to (multipart, field "file"). */
export const IMPORT_URL = '/api/exchange/messages/import';

export const registerMessage = (id: string, body: RegisterOptions): Promise<Registered> =>
  data(api.POST('/api/exchange/messages/{id}/register', { params: { path: { id } }, body }));

/**
 * The file's address: the exchange serves a message's files (and the message as received) to every clerk
 * of the receiving agency, registered or not.
 */
export const messageFileUrl = (m: ExchangeMessage, fileId: string): string => `/api/exchange/messages/${m.id}/files/${fileId}`;
