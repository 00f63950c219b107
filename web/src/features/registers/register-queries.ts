import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Query } from '../../api/types';
import { registerKeys } from '../outgoing/outgoing-queries';

export type RegisterKind = NonNullable<Query<'getRegisterEntries'>['kind']>;
export interface RegisterPeriod {
  from: string;
  to: string;
  kind: RegisterKind;
}

export const registerEntriesKey = (id: string, period: RegisterPeriod) => [...registerKeys.all, id, 'entries', period] as const;
export const registerClosingsKey = (id: string) => [...registerKeys.all, id, 'closings'] as const;

export function useRegisterEntries(id: string | undefined, period: RegisterPeriod) {
  return useQuery({
    queryKey: registerEntriesKey(id ?? '', period),
    queryFn: () => data(api.GET('/api/document-registers/{id}/entries', { params: { path: { id: id! }, query: period } })),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}

export function useRegisterClosings(id: string | undefined) {
  return useQuery({
    queryKey: registerClosingsKey(id ?? ''),
    queryFn: async () => (await data(api.GET('/api/document-registers/{id}/closings', { params: { path: { id: id! } } }))).items,
    enabled: Boolean(id),
  });
}

/** The register for a period as a file: Excel, or a PDF to print. The server names the file. */
export const registerExportUrl = (id: string, period: RegisterPeriod, format: 'xlsx' | 'pdf'): string =>
  `/api/document-registers/${id}/export?${new URLSearchParams({ ...period, format }).toString()}`;

export const closingFileUrl = (id: string, closingId: string): string => `/api/document-registers/${id}/closings/${closingId}/content`;
