// The procedures module as other modules see it.
export { loadProcedureForIntake, type ProcedureForIntake, type ProcedureStepRow, type ProcedureComponentRow, type ProcedureRow } from './intake.js';
