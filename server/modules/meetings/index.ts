// The meetings module as other modules see it.
export { getMeeting, listMeetings, SITE_AGENCY_TYPES } from './service.js';
export { visibilityOf } from './policy.js';
export { conclusionReference } from './conclusions.js';
export type { JitsiSettings } from './jitsi.js';
export { getWeeklySchedule, type WeeklySchedule } from './schedule-service.js';
export { getDelegation, listDelegations } from './delegation-service.js';
export { getMeetingStats, meetingFigures } from './stats-service.js';
