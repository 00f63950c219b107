import { useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';

export const calendarKeys = { all: ['calendar'] as const };

export function useHolidays(year: number) {
  return useQuery({
    queryKey: [...calendarKeys.all, 'holidays', year],
    queryFn: async () => (await data(api.GET('/api/calendar/holidays', { params: { query: { year } } }))).holidays,
  });
}

export function useOverrides(year: number) {
  return useQuery({
    queryKey: [...calendarKeys.all, 'overrides', year],
    queryFn: async () => (await data(api.GET('/api/calendar/overrides', { params: { query: { year } } }))).items,
  });
}

export function useAddWorkingDays(from: string | null, days: number | null) {
  return useQuery({
    queryKey: [...calendarKeys.all, 'add', from, days],
    queryFn: async () => (await data(api.GET('/api/calendar/add-working-days', { params: { query: { from: from!, days: days! } } }))).date,
    enabled: Boolean(from) && days !== null && Number.isInteger(days),
  });
}

export function useLunarDate(date: string | null) {
  return useQuery({
    queryKey: ['lunar', date],
    queryFn: async () => (await data(api.GET('/api/calendar/lunar', { params: { query: { date: date! } } }))).lunar,
    enabled: Boolean(date),
    staleTime: Infinity,
  });
}
