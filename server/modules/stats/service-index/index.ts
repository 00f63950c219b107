/** The service index of Decision 766/QĐ-TTg: configuration versions and the pure calculator. */
export {
  GRADE_LABELS,
  INDICATOR_MEASURES,
  type GradeLabel,
  type IndicatorMeasure,
  loadServiceIndexConfigs,
  mergeServiceIndexConfigs,
  parseServiceIndexConfig,
  type ServiceIndexConfig,
  type ServiceIndexConfigInput,
  type ServiceIndexGroupConfig,
  type ServiceIndexIndicatorConfig,
  serviceIndexConfigFor,
  serviceIndexConfigs,
} from './config.js';
export { SERVICE_INDEX_2025_07 } from './default-config.js';
export {
  complementCounts,
  computeServiceIndex,
  gradeOf,
  type GroupResult,
  type IndicatorResult,
  type IndicatorRule,
  type IndicatorScore,
  indicatorPoints,
  ratio,
  round2,
  type ServiceIndexResult,
} from './calculator.js';
export { type ComplementCounts, emptyInputs, type IndicatorCode, type IndicatorCounts, type IndicatorInput, type ServiceIndexInputs } from './inputs.js';
