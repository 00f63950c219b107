import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Ok, Query } from '../../api/types';

export type ScoreboardQuery = Query<'getTaskScoreboard'>;
export type Scoreboard = Ok<'getTaskScoreboard'>;
export type ScoreboardRow = Scoreboard['rows'][number];
export type ScoreboardGroup = NonNullable<ScoreboardQuery['group']>;
export type ScoreboardBucket = NonNullable<Query<'listScoreboardTasks'>['bucket']>;
export type ImportReport = Ok<'importTasks'>;

// Records over the generated unions: a group or column added on the server is a compile error here until listed.
const groupSet: Record<ScoreboardGroup, true> = { agency: true, commune: true, all: true };
export const SCOREBOARD_GROUPS = Object.keys(groupSet) as ScoreboardGroup[];
const bucketSet: Record<ScoreboardBucket, true> = { assigned: true, doneOnTime: true, doneLate: true, overdue: true, inProgress: true };
export const SCOREBOARD_BUCKETS = Object.keys(bucketSet) as ScoreboardBucket[];

export function useScoreboard(query: ScoreboardQuery) {
  return useQuery({ queryKey: ['tasks', 'scoreboard', query], queryFn: () => data(api.GET('/api/tasks/scoreboard', { params: { query } })), placeholderData: keepPreviousData });
}

export function useScoreboardTasks(query: Query<'listScoreboardTasks'> | null) {
  return useQuery({
    queryKey: ['tasks', 'scoreboard-tasks', query],
    queryFn: () => data(api.GET('/api/tasks/scoreboard/tasks', { params: { query: query! } })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/** The scoreboard as the server writes it to Excel; the server names the file. */
export const scoreboardExportUrl = (q: ScoreboardQuery): string =>
  `/api/tasks/scoreboard.xlsx?${new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string')).toString()}`;

export const TASK_IMPORT_TEMPLATE_URL = '/api/tasks/import-template.xlsx';
