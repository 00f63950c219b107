import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Ok } from '../../api/types';
import { dayjs } from '../../lib/format';

export type WeeklySchedule = Ok<'getWeeklySchedule'>;
export type ScheduleEntry = WeeklySchedule['days'][number]['entries'][number];
export type ScheduleState = WeeklySchedule['state'];
export type PublicWeek = Ok<'getPublicWeeklySchedule'>;
export type PublicEntry = PublicWeek['days'][number]['entries'][number];

export const scheduleKeys = {
  all: ['schedule'] as const,
  week: (weekStart: string) => ['schedule', 'week', weekStart] as const,
  leaders: ['schedule', 'leaders'] as const,
  links: ['schedule', 'links'] as const,
};

/** The Monday of a day's week (weeks run Monday to Sunday). */
export const mondayOf = (day: string): string => {
  const d = dayjs(day);
  return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');
};

export function useWeek(weekStart: string) {
  return useQuery({ queryKey: scheduleKeys.week(weekStart), queryFn: () => data(api.GET('/api/schedule/weeks/{weekStart}', { params: { path: { weekStart } } })) });
}

/** The weeks that cover a month (its calendar shows up to six of them). */
export function useWeeks(weekStarts: string[]) {
  return useQueries({ queries: weekStarts.map((w) => ({ queryKey: scheduleKeys.week(w), queryFn: () => data(api.GET('/api/schedule/weeks/{weekStart}', { params: { path: { weekStart: w } } })) })) });
}

export function useScheduleLeaders() {
  return useQuery({ queryKey: scheduleKeys.leaders, queryFn: () => data(api.GET('/api/schedule/leaders', {})), staleTime: 5 * 60_000 });
}

export function useScheduleLinks() {
  return useQuery({ queryKey: scheduleKeys.links, queryFn: () => data(api.GET('/api/schedule/feed-link', {})), staleTime: Infinity });
}

/** After a change the server answers with the week: keep it, no second round trip. */
export function useWeekChanged() {
  const queryClient = useQueryClient();
  return (week: WeeklySchedule) => queryClient.setQueryData(scheduleKeys.week(week.weekStart), week);
}

export function usePublicWeek(tenantCode: string, weekStart: string) {
  return useQuery({
    queryKey: ['public-schedule', tenantCode, weekStart],
    queryFn: () => data(api.GET('/api/public/schedule/{tenantCode}/weeks/{weekStart}', { params: { path: { tenantCode, weekStart } } })),
  });
}
