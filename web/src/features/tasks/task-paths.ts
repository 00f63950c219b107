import type { Query } from '../../api/types';

export type TaskView = NonNullable<Query<'listTasks'>['view']>;

// A Record over the generated union: a view added on the server is a compile error here until it has an address.
const VIEW_SLUGS: Record<TaskView, string> = { mine: 'cua-toi', assigned_by_me: 'toi-giao', agency: 'cua-co-quan', overdue: 'qua-han' };
export const TASK_VIEWS = Object.keys(VIEW_SLUGS) as TaskView[];

export const TASKS_PATH = '/nhiem-vu';
export const taskListPath = (view: TaskView): string => `${TASKS_PATH}/${VIEW_SLUGS[view]}`;
export const taskPath = (id: string): string => `${TASKS_PATH}/${id}`;

/** The scoreboard (bảng theo dõi) of the tasks given, per agency; a static segment, never taken for a task id. */
export const TASK_SCOREBOARD_PATH = `${TASKS_PATH}/bang-theo-doi`;
