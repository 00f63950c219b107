import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Ok, Query } from '../../api/types';

export type StatsDossiersQuery = Query<'listStatsDossiers'>;
export type StatsDocumentsQuery = Query<'listStatsDocuments'>;
export type StatsDossierList = Ok<'listStatsDossiers'>;
export type StatsDossierItem = StatsDossierList['items'][number];
export type StatsDocumentList = Ok<'listStatsDocuments'>;
export type StatsDocumentItem = StatsDocumentList['items'][number];

/** The dossiers behind one dossier number of the dashboard; null asks for nothing (the page lists documents). */
export function useStatsDossiers(q: StatsDossiersQuery | null) {
  return useQuery({
    queryKey: ['stats', 'drill', 'dossiers', q] as const,
    queryFn: () => data(api.GET('/api/stats/dossiers', { params: { query: q! } })),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
}

/** The documents behind the dashboard's incoming or outgoing number; null asks for nothing. */
export function useStatsDocuments(q: StatsDocumentsQuery | null) {
  return useQuery({
    queryKey: ['stats', 'drill', 'documents', q] as const,
    queryFn: () => data(api.GET('/api/stats/documents', { params: { query: q! } })),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
}
