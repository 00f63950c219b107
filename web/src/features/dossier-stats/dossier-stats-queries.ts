import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Ok, Query } from '../../api/types';

export type DossierStatsQuery = Query<'getDossierStats'>;
export type DossierStats = Ok<'getDossierStats'>;
export type DossierStatsRow = DossierStats['rows'][number];
export type DossierFigures = DossierStats['total'];
export type StatsGroup = NonNullable<DossierStatsQuery['groupBy']>;
export type StatsLevel = NonNullable<DossierStatsQuery['level']>;

// Records over the generated unions: a grouping added on the server is a compile error here until listed.
const groupSet: Record<StatsGroup, true> = { agency: true, procedure: true, level: true, location: true };
export const STATS_GROUPS = Object.keys(groupSet) as StatsGroup[];
const levelSet: Record<StatsLevel, true> = { province: true, commune: true };
export const STATS_LEVELS = Object.keys(levelSet) as StatsLevel[];

export function useDossierStats(query: DossierStatsQuery) {
  return useQuery({ queryKey: ['dossiers', 'stats', query], queryFn: () => data(api.GET('/api/dossiers/stats', { params: { query } })), placeholderData: keepPreviousData });
}

/** The same figures as the server writes them to Excel; the server names the file. */
export const dossierStatsExportUrl = (q: DossierStatsQuery): string =>
  `/api/dossiers/stats/export?${new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string')).toString()}`;
