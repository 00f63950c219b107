// The whole database schema, one export per module's tables; drizzle-kit reads this file.
export * from '../modules/org/tables.js';
export * from '../platform/auth/tables.js';
export * from '../platform/audit/tables.js';
export * from '../platform/calendar/tables.js';
export * from '../platform/jobs/tables.js';
export * from '../platform/files/tables.js';
export * from '../modules/documents/tables.js';
export * from '../modules/signing/tables.js';
export * from '../modules/exchange/tables.js';
export * from '../modules/meetings/tables.js';
export * from '../modules/tasks/tables.js';
export * from '../platform/notify/tables.js';
export * from '../modules/procedures/tables.js';
export * from '../modules/dossiers/tables.js';
export * from '../modules/stats/tables.js';
