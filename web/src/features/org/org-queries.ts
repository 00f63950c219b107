import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Query, Unit } from '../../api/types';

// Query keys start with the resource, so one invalidation after a change refreshes lists and selects alike.
export const orgKeys = {
  agencies: ['agencies'] as const,
  units: ['units'] as const,
  users: ['users'] as const,
  positions: ['positions'] as const,
};

export function useAgencyList(query: Query<'listAgencies'>) {
  return useQuery({
    queryKey: [...orgKeys.agencies, 'list', query],
    queryFn: () => data(api.GET('/api/agencies', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useAgency(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...orgKeys.agencies, 'one', id],
    queryFn: () => data(api.GET('/api/agencies/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id) && enabled,
  });
}

export function useUnitList(query: Query<'listUnits'>) {
  return useQuery({
    queryKey: [...orgKeys.units, 'list', query],
    queryFn: () => data(api.GET('/api/units', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

const MAX_PAGE = 200;

/**
 * Every unit of the province (a few hundred), for pickers. The API has no search on units, so the list is
 * fetched page by page once and filtered in the browser.
 */
export function useAllUnits() {
  return useQuery({
    queryKey: [...orgKeys.units, 'all'],
    queryFn: async () => {
      const all: Unit[] = [];
      for (let page = 1; ; page++) {
        const { items, total } = await data(api.GET('/api/units', { params: { query: { page, pageSize: MAX_PAGE } } }));
        all.push(...items);
        if (items.length === 0 || all.length >= total) return all;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function usePositions() {
  return useQuery({
    queryKey: orgKeys.positions,
    queryFn: async () => (await data(api.GET('/api/positions'))).items,
    staleTime: 5 * 60_000,
  });
}

export function useUserList(query: Query<'listUsers'>, enabled = true) {
  return useQuery({
    queryKey: [...orgKeys.users, 'list', query],
    queryFn: () => data(api.GET('/api/users', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The directory of people of the province (name, position, unit): anyone may search it to pick a person. */
export function usePeople(query: Query<'searchPeople'>, enabled = true) {
  return useQuery({
    queryKey: [...orgKeys.users, 'people', query],
    queryFn: () => data(api.GET('/api/people', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}
