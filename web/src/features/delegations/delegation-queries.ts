import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Ok, Query } from '../../api/types';

export type Delegation = Ok<'getDelegation'>;
export type DelegationSummary = Ok<'listDelegations'>['items'][number];
export type DelegationKind = Delegation['kind'];
export type DelegationState = Delegation['state'];

// A Record over the generated union: a kind added on the server is a compile error here until listed.
const kindSet: Record<DelegationKind, true> = { central: true, foreign: true, other_province: true };
export const DELEGATION_KINDS = Object.keys(kindSet) as DelegationKind[];
export const STATE_COLOR: Record<DelegationState, string> = { planned: 'blue', received: 'green', cancelled: 'default' };

export const delegationKeys = {
  all: ['delegations'] as const,
  list: (q: Query<'listDelegations'>) => ['delegations', 'list', q] as const,
  one: (id: string) => ['delegations', 'one', id] as const,
};

export function useDelegationList(query: Query<'listDelegations'>) {
  return useQuery({ queryKey: delegationKeys.list(query), queryFn: () => data(api.GET('/api/delegations', { params: { query } })), placeholderData: keepPreviousData });
}

export function useDelegation(id: string) {
  return useQuery({ queryKey: delegationKeys.one(id), queryFn: () => data(api.GET('/api/delegations/{id}', { params: { path: { id } } })) });
}

export function useDelegationChanged() {
  const queryClient = useQueryClient();
  return (d: Delegation) => {
    queryClient.setQueryData(delegationKeys.one(d.id), d);
    void queryClient.invalidateQueries({ queryKey: delegationKeys.all, predicate: (q) => q.queryKey[1] === 'list' });
  };
}
