// The org module as other modules see it: service functions and types, never tables or repo.
export * from './service.js';
export { AGENCY_TYPES, AGENCY_TYPE_LABELS, type AgencyType } from './schemas.js';
export * from './auth-users.js';
