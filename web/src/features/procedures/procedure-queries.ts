import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Body, Ok, Query } from '../../api/types';

export type ProcedureSummary = Ok<'listProcedures'>['items'][number];
export type Procedure = Ok<'getProcedure'>;
export type ProcedureInput = Body<'createProcedure'>;
export type ProcedureImport = Ok<'getProcedureImport'>;
export type PublicProcedure = Ok<'getPublicProcedure'>;
export type PublicProcedureSummary = Ok<'listPublicProcedures'>['items'][number];
export type Level = Procedure['level'];
export type TimeUnit = Procedure['timeUnit'];
export type OnlineService = Procedure['onlineService'];
export type StepRole = Procedure['steps'][number]['role'];
export type ComponentForm = Procedure['components'][number]['form'];
export type Subject = Procedure['subjects'][number];

// Records over the generated unions: a value added on the server is a compile error here until listed.
const levelSet: Record<Level, true> = { province: true, commune: true };
const unitSet: Record<TimeUnit, true> = { working_days: true, working_hours: true, days: true, months: true };
const onlineSet: Record<OnlineService, true> = { full: true, partial: true, none: true };
const roleSet: Record<StepRole, true> = { reception: true, assignment: true, handling: true, review: true, approval: true, issuance: true, return: true };
const formSet: Record<ComponentForm, true> = { original: true, copy: true, certified_copy: true, original_or_copy: true };
const subjectSet: Record<Subject, true> = { citizen: true, business: true, organization: true };
export const LEVELS = Object.keys(levelSet) as Level[];
export const TIME_UNITS = Object.keys(unitSet) as TimeUnit[];
export const ONLINE_SERVICES = Object.keys(onlineSet) as OnlineService[];
export const STEP_ROLES = Object.keys(roleSet) as StepRole[];
export const COMPONENT_FORMS = Object.keys(formSet) as ComponentForm[];
export const SUBJECTS = Object.keys(subjectSet) as Subject[];

export const procedureKeys = {
  all: ['procedures'] as const,
  list: (query: Query<'listProcedures'>) => ['procedures', 'list', query] as const,
  one: (id: string) => ['procedures', 'one', id] as const,
  fields: ['procedures', 'fields'] as const,
  departments: ['procedures', 'departments'] as const,
};

export function useProcedureList(query: Query<'listProcedures'>) {
  return useQuery({ queryKey: procedureKeys.list(query), queryFn: () => data(api.GET('/api/procedures', { params: { query } })), placeholderData: keepPreviousData });
}

export function useProcedure(id: string) {
  return useQuery({ queryKey: procedureKeys.one(id), queryFn: () => data(api.GET('/api/procedures/{id}', { params: { path: { id } } })) });
}

export function useProcedureFields() {
  return useQuery({ queryKey: procedureKeys.fields, queryFn: () => data(api.GET('/api/procedures/fields')), staleTime: 60_000 });
}

/** The departments a province-level procedure can name. */
export function useDepartments() {
  return useQuery({
    queryKey: procedureKeys.departments,
    queryFn: () => data(api.GET('/api/agencies', { params: { query: { type: 'department', active: 'true', pageSize: 200 } } })),
    staleTime: 300_000,
  });
}

/** After a save: the detail is the answer; the lists and fields are fetched again. */
export function useProcedureChanged() {
  const queryClient = useQueryClient();
  return (p?: Procedure) => {
    if (p) queryClient.setQueryData(procedureKeys.one(p.id), p);
    void queryClient.invalidateQueries({ queryKey: procedureKeys.all, predicate: (q) => q.queryKey[1] !== 'one' || !p || q.queryKey[2] !== p.id });
  };
}

/** An import's progress, polled every half second while it runs. */
export function useProcedureImport(id: string | null) {
  return useQuery({
    queryKey: ['procedures', 'import', id],
    enabled: id !== null,
    queryFn: () => data(api.GET('/api/procedures/imports/{id}', { params: { path: { id: id! } } })),
    refetchInterval: (q) => (q.state.data?.state === 'running' || !q.state.data ? 500 : false),
  });
}

export function usePublicProcedures(tenantCode: string, query: Query<'listPublicProcedures'>) {
  return useQuery({
    queryKey: ['public-procedures', tenantCode, query],
    queryFn: () => data(api.GET('/api/public/procedures/{tenantCode}', { params: { path: { tenantCode }, query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePublicProcedure(tenantCode: string, id: string) {
  return useQuery({ queryKey: ['public-procedures', tenantCode, 'one', id], queryFn: () => data(api.GET('/api/public/procedures/{tenantCode}/{id}', { params: { path: { tenantCode, id } } })) });
}

export const PROCEDURES_PATH = '/thu-tuc-hanh-chinh';
export const procedurePath = (id: string) => `${PROCEDURES_PATH}/${id}`;
export const publicCatalogPath = (tenantCode: string) => `/cong-khai/thu-tuc/${tenantCode}`;
export const publicProcedurePath = (tenantCode: string, id: string) => `${publicCatalogPath(tenantCode)}/${id}`;
export const templateUrl = (tenantCode: string, id: string, componentId: string) => `/api/public/procedures/${encodeURIComponent(tenantCode)}/${id}/templates/${componentId}`;
export const EXPORT_URL = (format: 'xlsx' | 'csv') => `/api/procedures/export?format=${format}`;
export const IMPORT_TEMPLATE_URL = '/api/procedures/import-template';
