import { useQuery } from '@tanstack/react-query';
import { api, ApiError, data } from '../../api/client';
import type { Body, Ok } from '../../api/types';
import { t } from '../../i18n';

export type DossierLookup = Ok<'lookupDossierPublic'>;
export type TimelineEntry = DossierLookup['timeline'][number];
export type RateBody = Body<'rateDossier'>;
export type PublicProcedure = Ok<'listPublicProcedures'>['items'][number];
export type PublicProcedureDetail = Ok<'getPublicProcedure'>;
export type OnlineSubmission = Ok<'submitOnlineDossier'>;
export type FeedbackBody = Body<'submitFeedback'>;
export type PublicFeedback = Ok<'getFeedbackPublic'>;
export type PublishedFeedback = Ok<'listPublishedFeedback'>['items'][number];

/** The criteria of the rating form, in the server's order (listRatingCriteria). */
export const RATING_CRITERIA = ['overall', 'convenience', 'timeliness', 'staff_attitude', 'time_vs_rule', 'contact_count', 'publicity'] as const;
export const FEEDBACK_KINDS = ['procedure', 'regulation', 'officer'] as const;
export const FEEDBACK_STATE_COLORS: Record<PublicFeedback['state'], string> = { received: 'blue', refused: 'red', more_info: 'orange', resolved: 'green', published: 'green' };
export const COMMUNE_TYPES = ['commune_committee', 'ward_committee', 'special_zone_committee'];

export function useDossierLookup(tenantCode: string, query: { code: string; contact: string } | null) {
  return useQuery({
    queryKey: ['citizen', 'lookup', tenantCode, query],
    enabled: Boolean(query),
    retry: false,
    queryFn: () => data(api.GET('/api/public/dossiers/{tenantCode}/lookup', { params: { path: { tenantCode }, query: query! } })),
  });
}

export const rateDossier = (tenantCode: string, body: RateBody) => data(api.POST('/api/public/dossiers/{tenantCode}/rating', { params: { path: { tenantCode } }, body }));

export function usePublicProcedures(tenantCode: string, q: string) {
  return useQuery({
    queryKey: ['citizen', 'procedures', tenantCode, q],
    queryFn: () => data(api.GET('/api/public/procedures/{tenantCode}', { params: { path: { tenantCode }, query: { q: q || undefined, pageSize: 50 } } })),
  });
}

export function usePublicProcedure(tenantCode: string, id: string | null) {
  return useQuery({
    queryKey: ['citizen', 'procedure', tenantCode, id],
    enabled: Boolean(id),
    queryFn: () => data(api.GET('/api/public/procedures/{tenantCode}/{id}', { params: { path: { tenantCode, id: id! } } })),
  });
}

export function usePublicAgencies(tenantCode: string) {
  return useQuery({
    queryKey: ['citizen', 'agencies', tenantCode],
    staleTime: 10 * 60_000,
    queryFn: () => data(api.GET('/api/public/dossiers/{tenantCode}/agencies', { params: { path: { tenantCode } } })),
  });
}

/**
 * Multipart: openapi-fetch sends JSON, so the submission goes through fetch itself. The server reads the
 * `data` field and one file per component named `component.<id>`.
 */
export async function submitOnlineDossier(tenantCode: string, payload: object, files: Map<string, File>): Promise<OnlineSubmission> {
  const form = new FormData();
  form.append('data', JSON.stringify(payload));
  for (const [componentId, file] of files) form.append(`component.${componentId}`, file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/public/dossiers/${encodeURIComponent(tenantCode)}`, { method: 'POST', body: form, credentials: 'omit' });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', title: t('common.networkError') });
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    throw new ApiError({ status: response.status, code: String(body.code ?? `HTTP_${response.status}`), title: String(body.title ?? t('common.loadFailed')), detail: body.detail as string | undefined, errors: body.errors as { path: string; message: string }[] | undefined, extra: body });
  }
  return body as OnlineSubmission;
}

export const submitFeedback = (tenantCode: string, body: FeedbackBody) => data(api.POST('/api/public/feedback/{tenantCode}', { params: { path: { tenantCode } }, body }));

export function useFeedbackFollow(tenantCode: string, query: { code: string; phone: string } | null) {
  return useQuery({
    queryKey: ['citizen', 'feedback', tenantCode, query],
    enabled: Boolean(query),
    retry: false,
    queryFn: () => data(api.GET('/api/public/feedback/{tenantCode}/lookup', { params: { path: { tenantCode }, query: query! } })),
  });
}

export const supplyFeedbackInfo = (tenantCode: string, body: Body<'supplyFeedbackInfo'>) => data(api.POST('/api/public/feedback/{tenantCode}/information', { params: { path: { tenantCode } }, body }));
export const rateFeedbackAnswer = (tenantCode: string, body: Body<'rateFeedbackAnswer'>) => data(api.POST('/api/public/feedback/{tenantCode}/satisfaction', { params: { path: { tenantCode } }, body }));

export function usePublishedFeedback(tenantCode: string, q: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['citizen', 'published', tenantCode, q, page, pageSize],
    queryFn: () => data(api.GET('/api/public/feedback/{tenantCode}', { params: { path: { tenantCode }, query: { q: q || undefined, page, pageSize } } })),
  });
}
