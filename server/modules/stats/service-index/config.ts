import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isValidDate } from '../../../platform/calendar/date-only.js';
import { DomainError, type FieldIssue } from '../../../platform/http/errors.js';
import { SERVICE_INDEX_2025_07 } from './default-config.js';

/**
 * The versioned configuration of the service index (Decision 766/QĐ-TTg): groups, indicators with their
 * maximum points and thresholds, grade cut-offs. The national portal adjusts the items from time to time, so
 * each version has the day it takes effect and an index is computed with the version in force on the
 * period's last day (`serviceIndexConfigFor`).
 *
 * Versions come from the built-in one (default-config.ts) plus, when SERVICE_INDEX_CONFIG_FILE names a JSON
 * file, that file's versions: one version object or an array of them. A file version with the same `version`
 * as a built-in one replaces it; others are added. Every version is validated when loaded and a broken one is
 * refused as a whole, with every problem listed.
 */

/** How an indicator's counts become a rate: see inputs.ts for the counts each one takes. */
export const INDICATOR_MEASURES = ['rate', 'average', 'complement'] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];

export const GRADE_LABELS = ['Tốt', 'Khá', 'Trung bình', 'Yếu kém'] as const;
export type GradeLabel = (typeof GRADE_LABELS)[number];

/** Points are shown with 2 decimals, so maxima and cut-offs must be whole hundredths to add up exactly. */
const toUnits = (value: number, perUnit: number) => Math.round(value * perUnit);
const isMultiple = (value: number, perUnit: number) => Math.abs(value * perUnit - toUnits(value, perUnit)) < 1e-6;
export const toHundredths = (value: number) => toUnits(value, 100);
/** Thresholds as whole basis points (0,01 %), so "rate ≥ threshold" can be decided on integers. */
export const toBasisPoints = (value: number) => toUnits(value, 10_000);

const points = z
  .number()
  .min(0, 'không được âm')
  .max(100, 'tối đa 100 điểm')
  .refine((v) => isMultiple(v, 100), 'tối đa 2 chữ số thập phân');

const GroupSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'mã nhóm: chữ thường không dấu, số, "-" hoặc "_"'),
  name: z.string().trim().min(1, 'chưa có tên nhóm'),
  max: points,
});

const IndicatorSchema = z.object({
  code: z.string().regex(/^\d+\.\d+[a-z]?$/, 'mã chỉ tiêu dạng 1.1, 3.5b'),
  group: z.string().min(1),
  name: z.string().trim().min(1, 'chưa có tên chỉ tiêu'),
  max: points,
  threshold: z
    .number()
    .gt(0, 'ngưỡng phải lớn hơn 0')
    .max(1, 'ngưỡng là tỉ lệ từ 0 đến 1, ví dụ 0.8 cho 80%')
    .refine((v) => isMultiple(v, 10_000), 'ngưỡng tối đa 4 chữ số thập phân (0,01%)')
    .nullable(),
  scored: z.boolean(),
  measure: z.enum(INDICATOR_MEASURES).default('rate'),
});

const GradeSchema = z.object({ label: z.enum(GRADE_LABELS), min: points });

const VersionSchema = z
  .object({
    version: z.string().trim().min(1, 'chưa có tên phiên bản').max(40),
    validFrom: z.string().refine(isValidDate, 'ngày áp dụng dạng YYYY-MM-DD'),
    note: z.string().default(''),
    groups: z.array(GroupSchema).min(1, 'chưa có nhóm chỉ số nào'),
    indicators: z.array(IndicatorSchema).min(1, 'chưa có chỉ tiêu nào'),
    grades: z.array(GradeSchema).min(1, 'chưa có mức xếp loại nào'),
  })
  .superRefine((c, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const groupCodes = new Set<string>();
    c.groups.forEach((g, i) => {
      if (groupCodes.has(g.code)) issue(['groups', i, 'code'], `mã nhóm "${g.code}" bị trùng`);
      groupCodes.add(g.code);
    });
    const indicatorCodes = new Set<string>();
    const sums = new Map<string, number>();
    c.indicators.forEach((ind, i) => {
      if (indicatorCodes.has(ind.code)) issue(['indicators', i, 'code'], `mã chỉ tiêu "${ind.code}" bị trùng`);
      indicatorCodes.add(ind.code);
      if (!groupCodes.has(ind.group)) issue(['indicators', i, 'group'], `chỉ tiêu ${ind.code} thuộc nhóm "${ind.group}" không có trong danh sách nhóm`);
      if (ind.scored && ind.max === 0) issue(['indicators', i, 'max'], `chỉ tiêu ${ind.code} tính điểm thì điểm tối đa phải lớn hơn 0`);
      if (!ind.scored && ind.max !== 0) issue(['indicators', i, 'max'], `chỉ tiêu ${ind.code} chỉ theo dõi (không tính điểm) thì điểm tối đa phải là 0`);
      if (ind.measure === 'average' && (ind.scored || ind.threshold !== null))
        issue(['indicators', i, 'measure'], `chỉ tiêu ${ind.code} là giá trị trung bình, chỉ để theo dõi: không tính điểm, không có ngưỡng`);
      sums.set(ind.group, (sums.get(ind.group) ?? 0) + toHundredths(ind.max));
    });
    c.groups.forEach((g, i) => {
      const sum = sums.get(g.code) ?? 0;
      if (sum !== toHundredths(g.max))
        issue(['groups', i, 'max'], `nhóm "${g.name}" có điểm tối đa ${g.max} nhưng tổng điểm tối đa các chỉ tiêu của nhóm là ${sum / 100}`);
    });
    const total = c.groups.reduce((s, g) => s + toHundredths(g.max), 0);
    if (total !== 10_000) issue(['groups'], `tổng điểm tối đa các nhóm phải là 100, đang là ${total / 100}`);
    const labels = new Set<string>();
    const mins = new Set<number>();
    c.grades.forEach((g, i) => {
      if (labels.has(g.label)) issue(['grades', i, 'label'], `mức xếp loại "${g.label}" bị trùng`);
      if (mins.has(toHundredths(g.min))) issue(['grades', i, 'min'], `hai mức xếp loại cùng điểm sàn ${g.min}`);
      labels.add(g.label);
      mins.add(toHundredths(g.min));
    });
    if (!mins.has(0)) issue(['grades'], 'phải có một mức xếp loại từ 0 điểm để mọi tổng điểm đều được xếp loại');
  })
  // the best grade first, so the first cut-off a total reaches is its grade
  .transform((c) => ({ ...c, grades: [...c.grades].sort((a, b) => b.min - a.min) }));

/** A version as written (measure and note optional). */
export type ServiceIndexConfigInput = z.input<typeof VersionSchema>;
/** A validated version: the group and indicator maxima add up, grades sorted from the best. */
export type ServiceIndexConfig = z.output<typeof VersionSchema>;
export type ServiceIndexGroupConfig = ServiceIndexConfig['groups'][number];
export type ServiceIndexIndicatorConfig = ServiceIndexConfig['indicators'][number];

const issuesOf = (error: z.ZodError, prefix: string): FieldIssue[] =>
  error.issues.map((i) => ({ path: [prefix, ...i.path].filter((p) => p !== '').join('.'), message: i.message }));

/** Validates one version; `source` names where it came from in the error (a file, a request). */
export function parseServiceIndexConfig(raw: unknown, source = 'cấu hình'): ServiceIndexConfig {
  const parsed = VersionSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const errors = issuesOf(parsed.error, '');
  const version = typeof (raw as { version?: unknown } | null)?.version === 'string' ? ` "${(raw as { version: string }).version}"` : '';
  throw new DomainError('VALIDATION_FAILED', `Cấu hình Bộ chỉ số 766${version} (${source}) không hợp lệ: ${errors.map((e) => `${e.path || '(gốc)'}: ${e.message}`).join('; ')}`, {
    errors,
  });
}

/**
 * Puts the extra versions over the base ones: same `version` replaces, others are added; sorted by the day they
 * take effect. Two versions taking effect the same day would make the choice arbitrary, so that is refused.
 */
export function mergeServiceIndexConfigs(base: ServiceIndexConfig[], extra: ServiceIndexConfig[]): ServiceIndexConfig[] {
  const byVersion = new Map(base.map((c) => [c.version, c]));
  for (const c of extra) byVersion.set(c.version, c);
  const list = [...byVersion.values()].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  for (let i = 1; i < list.length; i++) {
    if (list[i]!.validFrom === list[i - 1]!.validFrom)
      throw new DomainError(
        'VALIDATION_FAILED',
        `Cấu hình Bộ chỉ số 766: hai phiên bản "${list[i - 1]!.version}" và "${list[i]!.version}" cùng áp dụng từ ngày ${vnDate(list[i]!.validFrom)}`,
      );
  }
  return list;
}

/** The built-in versions plus those of SERVICE_INDEX_CONFIG_FILE (read now, not cached). */
export function loadServiceIndexConfigs(env: NodeJS.ProcessEnv = process.env): ServiceIndexConfig[] {
  const builtIn = [parseServiceIndexConfig(SERVICE_INDEX_2025_07, 'mặc định')];
  const file = env.SERVICE_INDEX_CONFIG_FILE?.trim();
  if (!file) return builtIn;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DomainError('INTERNAL', `Không đọc được tệp cấu hình Bộ chỉ số 766 (SERVICE_INDEX_CONFIG_FILE=${file}): ${(e as Error).message}`);
  }
  const versions = (Array.isArray(json) ? json : [json]).map((v, i) => parseServiceIndexConfig(v, `tệp ${file}, mục ${i + 1}`));
  return mergeServiceIndexConfigs(builtIn, versions);
}

let cache: { file: string | undefined; configs: ServiceIndexConfig[] } | undefined;

/** The versions in force for this process: loaded once per value of SERVICE_INDEX_CONFIG_FILE. */
export function serviceIndexConfigs(env: NodeJS.ProcessEnv = process.env): ServiceIndexConfig[] {
  const file = env.SERVICE_INDEX_CONFIG_FILE;
  if (!cache || cache.file !== file) cache = { file, configs: loadServiceIndexConfigs(env) };
  return cache.configs;
}

const vnDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/**
 * The version in force on a day (`YYYY-MM-DD`): the one with the latest `validFrom` on or before it. Pass the
 * period's last day, so a period that straddles a change is scored with the rules at its end.
 */
export function serviceIndexConfigFor(date: string, configs: ServiceIndexConfig[] = serviceIndexConfigs()): ServiceIndexConfig {
  if (!isValidDate(date)) throw new DomainError('BAD_REQUEST', `Ngày "${date}" không hợp lệ, cần dạng YYYY-MM-DD`);
  let found: ServiceIndexConfig | undefined;
  for (const c of configs) if (c.validFrom <= date && (!found || c.validFrom > found.validFrom)) found = c;
  if (!found) {
    const first = configs.reduce<string | undefined>((min, c) => (min === undefined || c.validFrom < min ? c.validFrom : min), undefined);
    throw new DomainError(
      'BAD_REQUEST',
      `Chưa có cấu hình Bộ chỉ số 766 áp dụng cho ngày ${vnDate(date)}${first ? ` (phiên bản sớm nhất áp dụng từ ngày ${vnDate(first)})` : ''}`,
    );
  }
  return found;
}
