// The dossiers module as other modules see it (intake side; processing adds its own exports).
export { appendDossierEvent, DOSSIER_EVENT_KINDS, type DossierEventInput, type DossierEventKind } from './events.js';
export { CIRCULAR_01_2018_FORMAT, type DossierCodeFormat, issueDossierCode } from './code.js';
export { acceptOnlineDossier, refuseOnlineDossier, submitOnlineDossier } from './intake-online.js';
export { getIntakeSlip, isLateToReceive, listReusableResults, receiveDossier } from './intake.js';
export { DEFAULT_DOSSIER_SETTINGS, type DossierSettings, dossierSettings } from './settings.js';
export { agencyForStep, enterStep, nextStep, stepDueAt, stepOutcome } from './steps.js';
export * from './timing.js';
export { feedbackFigures } from './stats.js';
