// The stats module as other parts see it: the rollups' upkeep (jobs, CLI) and the figures.
export { catchUpStats, drainStats, rebuildStats, verifyStats } from './rollups.js';
export type { RollupDifference } from './rollup-engine.js';
export { getOfficeDashboard } from './dashboard.js';
export { getServiceIndex, listServiceIndexSnapshots, takeServiceIndexSnapshots } from './service-index-service.js';
export { statsRoutes } from './routes.js';
