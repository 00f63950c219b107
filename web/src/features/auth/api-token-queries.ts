import { useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Body, Ok } from '../../api/types';

export type ApiToken = Ok<'listApiTokens'>['items'][number];
export type NewApiToken = Body<'createApiToken'>;
/** The token itself is in this answer only: the server keeps its hash. */
export type CreatedApiToken = Ok<'createApiToken'>;
export type ApiTokenStatus = 'active' | 'expired' | 'revoked';

export const apiTokenKeys = { mine: ['auth', 'tokens'] as const };

/** The signed-in person's tokens, newest first; the exchange's tokens for other systems are among them. */
export function useApiTokens() {
  return useQuery({ queryKey: apiTokenKeys.mine, queryFn: async () => (await data(api.GET('/api/auth/tokens'))).items });
}

export const createApiToken = (body: NewApiToken): Promise<CreatedApiToken> => data(api.POST('/api/auth/tokens', { body }));

export const revokeApiToken = (id: string) => data(api.DELETE('/api/auth/tokens/{id}', { params: { path: { id } } }));

/** Revoked wins over expired: a person who revoked a token wants to see that they did. */
export function apiTokenStatus(token: Pick<ApiToken, 'revoked' | 'expiresAt'>, now = Date.now()): ApiTokenStatus {
  if (token.revoked) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}
