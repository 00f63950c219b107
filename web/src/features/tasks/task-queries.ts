import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Ok, Query } from '../../api/types';

export type DerivedStatus = Ok<'listTasks'>['items'][number]['derivedStatus'];
export type TaskSummary = Ok<'listTasks'>['items'][number];
export type Task = Ok<'getTask'>;
export type TaskAction = Task['actions'][number];

// A Record over the generated union: a status added on the server is a compile error here until listed.
const statusSet: Record<DerivedStatus, true> = { on_time: true, due_soon: true, overdue: true, done_on_time: true, done_late: true };
export const DERIVED_STATUSES = Object.keys(statusSet) as DerivedStatus[];

export const taskKeys = {
  all: ['tasks'] as const,
  list: (query: Query<'listTasks'>) => ['tasks', 'list', query] as const,
  one: (id: string) => ['tasks', 'one', id] as const,
};

export function useTaskList(query: Query<'listTasks'>) {
  return useQuery({ queryKey: taskKeys.list(query), queryFn: () => data(api.GET('/api/tasks', { params: { query } })), placeholderData: keepPreviousData });
}

export function useTask(id: string) {
  return useQuery({ queryKey: taskKeys.one(id), queryFn: () => data(api.GET('/api/tasks/{id}', { params: { path: { id } } })) });
}

/** After a step: the answer is the task's new detail; the lists are fetched again. */
export function useTaskChanged() {
  const queryClient = useQueryClient();
  return (task: Task) => {
    queryClient.setQueryData(taskKeys.one(task.id), task);
    void queryClient.invalidateQueries({ queryKey: taskKeys.all, predicate: (q) => q.queryKey[1] !== 'one' });
  };
}
