import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Body, Query } from '../../api/types';
import type { Dossier, DossierView, ReceiveBody } from './dossier-types';

export interface DossierListQuery extends Query<'listDossiers'> {
  view: DossierView;
}

export const dossierKeys = {
  all: ['dossiers'] as const,
  list: (query: DossierListQuery) => ['dossiers', 'list', query] as const,
  counts: ['dossiers', 'counts'] as const,
  one: (id: string) => ['dossiers', 'one', id] as const,
  payments: (id: string) => ['dossiers', 'payments', id] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

export function useDossierList(query: DossierListQuery) {
  return useQuery({ queryKey: dossierKeys.list(query), queryFn: () => data(api.GET('/api/dossiers', { params: { query } })), placeholderData: keepPreviousData });
}

export function useQueueCounts() {
  return useQuery({ queryKey: dossierKeys.counts, queryFn: () => data(api.GET('/api/dossiers/queue-counts')), staleTime: 30_000 });
}

export function useDossier(id: string) {
  return useQuery({ queryKey: dossierKeys.one(id), queryFn: () => data(api.GET('/api/dossiers/{id}', path(id))) as Promise<Dossier> });
}

/** Fees due and paid with each payment (S's list, which follows online payments too). */
export function useDossierPayments(id: string) {
  return useQuery({ queryKey: dossierKeys.payments(id), queryFn: () => data(api.GET('/api/dossiers/{id}/payments', path(id))), retry: false });
}

/** After a step: a whole detail in the answer replaces the cached one; the queues, counts and payments are fetched again. */
export function useDossierChanged() {
  const queryClient = useQueryClient();
  return (answer: unknown, id: string) => {
    const whole = answer && typeof answer === 'object' && Array.isArray((answer as Dossier).actions) ? (answer as Dossier) : undefined;
    if (whole) queryClient.setQueryData(dossierKeys.one(whole.id), whole);
    void queryClient.invalidateQueries({ queryKey: dossierKeys.all, predicate: (q) => q.queryKey[1] !== 'one' || (!whole && q.queryKey[2] === id) });
  };
}

// ——— the procedure catalog (P) ———

export function useProcedureSearch(q: string) {
  return useQuery({
    queryKey: ['procedures', 'counter-search', q],
    queryFn: () => data(api.GET('/api/procedures', { params: { query: { q: q || undefined, active: 'true', pageSize: 20 } } })),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useProcedure(id: string | undefined) {
  return useQuery({ queryKey: ['procedures', 'one', id], queryFn: () => data(api.GET('/api/procedures/{id}', path(id ?? ''))), enabled: Boolean(id), staleTime: 5 * 60_000 });
}

// ——— intake (DA) ———

export const receiveDossier = (body: ReceiveBody) => data(api.POST('/api/dossiers', { body }));

/** Digitized results of the applicant's earlier dossiers, once the ID number looks whole. */
export function useReusableResults(idNumber: string) {
  const id = idNumber.replace(/[\s.-]/g, '');
  return useQuery({
    queryKey: ['dossiers', 'reusable', id],
    queryFn: () => data(api.GET('/api/dossiers/reusable-results', { params: { query: { idNumber: id } } })),
    enabled: /^(\d{9}|\d{10}|\d{12}|\d{13})$/.test(id),
    staleTime: 60_000,
    retry: false,
  });
}

// ——— the dossier's steps (DA's online answers, DB's processing, S's cash payments) ———

export const dossierCalls = {
  accept: (id: string, body: Body<'acceptOnlineDossier'>) => data(api.POST('/api/dossiers/{id}/accept', { ...path(id), body })),
  refuse: (id: string, body: Body<'refuseOnlineDossier'>) => data(api.POST('/api/dossiers/{id}/refuse', { ...path(id), body })),
  advance: (id: string, body: Body<'advanceDossierStep'>) => data(api.POST('/api/dossiers/{id}/advance', { ...path(id), body })),
  assign: (id: string, body: Body<'assignDossier'>) => data(api.POST('/api/dossiers/{id}/assignee', { ...path(id), body })),
  requestSupplement: (id: string, body: Body<'requestSupplement'>) => data(api.POST('/api/dossiers/{id}/supplements', { ...path(id), body })),
  completeSupplement: (id: string, body: Body<'completeSupplement'>) => data(api.POST('/api/dossiers/{id}/supplements/complete', { ...path(id), body })),
  extend: (id: string, body: Body<'extendDossier'>) => data(api.POST('/api/dossiers/{id}/extension', { ...path(id), body })),
  stop: (id: string, body: Body<'stopDossier'>) => data(api.POST('/api/dossiers/{id}/stop', { ...path(id), body })),
  withdraw: (id: string, body: Body<'withdrawDossier'>) => data(api.POST('/api/dossiers/{id}/withdraw', { ...path(id), body })),
  returnResult: (id: string, body: Body<'returnDossierResult'>) => data(api.POST('/api/dossiers/{id}/result', { ...path(id), body })),
  recordPayment: (id: string, body: Body<'recordDossierPayment'>) => data(api.POST('/api/dossiers/{id}/payments', { ...path(id), body })),
};
