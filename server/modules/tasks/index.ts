// The tasks module as other modules see it.
export { createTask, getTask, listTasks, type TaskSourceLink } from './service.js';
export type { CreateTaskRequest } from './schemas.js';
export { deriveStatus, DERIVED_STATUSES, DUE_SOON_WORKING_DAYS, type DerivedStatus } from './derived-status.js';
export { createTasksBulk } from './bulk.js';
export { getTaskScoreboard } from './scoreboard.js';
export { listDelegationTasks, listMeetingTasks } from './by-source.js';
export { runTaskReminders } from './reminders.js';
export { createDueRecurrences } from './recurrence.js';
export { urgeTask } from './urging.js';
export { catchUpTaskStats, drainTaskStats, rebuildTaskStats, tasksAssignedByMonth, verifyTaskStats, type RollupDifference } from './rollup.js';
export { scoreboardCounts, type ScoreboardCounts } from './scoreboard-repo.js';
