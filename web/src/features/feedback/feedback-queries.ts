import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Ok, Query } from '../../api/types';

export type FeedbackItem = Ok<'listFeedback'>['items'][number];
export type FeedbackDetail = Ok<'getFeedback'>;
export type FeedbackState = FeedbackItem['state'];
export type FeedbackDeskAction = FeedbackDetail['actions'][number];
export type FeedbackActionResult = Ok<'resolveFeedback'>;

export const FEEDBACK_STATES: readonly FeedbackState[] = ['received', 'more_info', 'resolved', 'published', 'refused'];

export const feedbackKeys = { all: ['feedback'] as const, detail: (id: string) => ['feedback', 'detail', id] as const };

export function useFeedbackList(query: Query<'listFeedback'>) {
  return useQuery({ queryKey: [...feedbackKeys.all, 'list', query], placeholderData: keepPreviousData, queryFn: () => data(api.GET('/api/feedback', { params: { query } })) });
}

export function useFeedback(id: string) {
  return useQuery({ queryKey: feedbackKeys.detail(id), queryFn: () => data(api.GET('/api/feedback/{id}', { params: { path: { id } } })) });
}

/** The officers' four actions; each answers with the feedback as it now is, the due time and whether it was met. */
export function runFeedbackAction(id: string, action: FeedbackDeskAction, text: string): Promise<FeedbackActionResult> {
  const path = { params: { path: { id } } };
  if (action === 'refuse') return data(api.POST('/api/feedback/{id}/refuse', { ...path, body: { reason: text } }));
  if (action === 'request_info') return data(api.POST('/api/feedback/{id}/request-info', { ...path, body: { request: text } }));
  if (action === 'resolve') return data(api.POST('/api/feedback/{id}/resolve', { ...path, body: { answer: text } }));
  return data(api.POST('/api/feedback/{id}/publish', path));
}

export function useFeedbackChanged() {
  const queryClient = useQueryClient();
  return (result: FeedbackActionResult) => {
    queryClient.setQueryData(feedbackKeys.detail(result.feedback.id), result.feedback);
    void queryClient.invalidateQueries({ queryKey: [...feedbackKeys.all, 'list'] });
  };
}
