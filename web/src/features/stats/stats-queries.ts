import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ApiError, csrfHeaders, data } from '../../api/client';
import { t } from '../../i18n';
import { fileNameOf } from '../../lib/save-file';
import type { NationalRankingResponse, ReportRequest, StatsQuery } from './stats-types';

/** Only the filled parameters: an empty agency means the whole province, not an invalid id. */
const search = (q: StatsQuery): string => new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')).toString();

async function problem(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => ({}))) as { title?: string; code?: string; detail?: string; errors?: { path: string; message: string }[] };
  return new ApiError({ status: res.status, code: body.code ?? `HTTP_${res.status}`, title: body.title ?? t('common.loadFailed'), detail: body.detail, errors: body.errors, extra: body });
}

/** The downloads and the upload go through fetch: the generated client knows neither files nor multipart. */
async function send(url: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', title: t('common.networkError') });
  }
  if (!res.ok) throw await problem(res);
  return res;
}

export const statsKeys = {
  dashboard: (q: StatsQuery) => ['stats', 'dashboard', q] as const,
  index: (q: StatsQuery) => ['stats', 'service-index', q] as const,
  snapshots: (agencyId: string | undefined) => ['stats', 'service-index', 'snapshots', agencyId ?? null] as const,
};

/** The dashboard's figures; `live` (the TV in the operations room) asks again every minute. */
export function useOfficeDashboard(q: StatsQuery, opts: { live?: boolean; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: statsKeys.dashboard(q),
    queryFn: () => data(api.GET('/api/stats/dashboard', { params: { query: q } })),
    placeholderData: keepPreviousData,
    refetchInterval: opts.live ? 60_000 : false,
    refetchIntervalInBackground: Boolean(opts.live),
    enabled: opts.enabled ?? true,
  });
}

export function useServiceIndex(q: StatsQuery) {
  return useQuery({ queryKey: statsKeys.index(q), queryFn: () => data(api.GET('/api/stats/service-index', { params: { query: q } })), placeholderData: keepPreviousData });
}

export function useServiceIndexSnapshots(agencyId: string | undefined) {
  return useQuery({ queryKey: statsKeys.snapshots(agencyId), queryFn: () => data(api.GET('/api/stats/service-index/snapshots', { params: { query: agencyId ? { agencyId } : {} } })) });
}

/** The same figures as the server writes them to Excel; the server names the file. */
export const dashboardExportUrl = (q: StatsQuery): string => `/api/stats/dashboard/export?${search(q)}`;
export const serviceIndexExportUrl = (q: StatsQuery): string => `/api/stats/service-index/export?${search(q)}`;

/**
 * The periodic report, fetched rather than linked: it is a POST, and a refusal (a period too long, say) is
 * then shown in the server's words instead of being downloaded as a JSON file.
 */
export async function fetchPeriodicReport(body: ReportRequest): Promise<{ blob: Blob; fileName: string }> {
  const res = await send('/api/stats/reports/periodic', { method: 'POST', headers: { 'content-type': 'application/json', ...csrfHeaders() }, body: JSON.stringify(body) });
  return { blob: await res.blob(), fileName: fileNameOf(res.headers.get('content-disposition')) ?? `bao-cao-${body.kind}.${body.format}` };
}

/** The national ranking table (xlsx or csv) as multipart: the route takes no JSON. */
export async function importNationalRanking(file: File, asOf: string): Promise<NationalRankingResponse> {
  const form = new FormData();
  form.append('asOf', asOf);
  form.append('file', file, file.name);
  const res = await send('/api/stats/national-ranking', { method: 'POST', headers: csrfHeaders(), body: form });
  return (await res.json()) as NationalRankingResponse;
}
