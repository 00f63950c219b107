// The procedures module as other modules see it.
export { loadProcedureForIntake, type ProcedureForIntake, type ProcedureStepRow, type ProcedureComponentRow, type ProcedureRow } from './intake.js';
export { listProcedures, getProcedure } from './service.js';
export { insertCatalog, type CatalogEntry } from './catalog.js';
export { procedureDefaults } from './checker.js';
export { standardSteps } from './standard-steps.js';
export { CATALOG_SIZE, generateProcedures, insertGeneratedProcedures } from './generate.js';
export { limitInWorkingHours, countedHours, HOURS_PER_DAY } from './rules.js';
export { parseCsv } from './spreadsheet.js';
