import { DomainError } from '../../../platform/http/errors.js';
import { type GradeLabel, type ServiceIndexConfig, type ServiceIndexIndicatorConfig, toBasisPoints, toHundredths } from './config.js';
import type { ComplementCounts, IndicatorCounts, IndicatorInput, ServiceIndexInputs } from './inputs.js';

/**
 * The service index of Decision 766/QĐ-TTg from counts: pure functions, no database.
 *
 * Rules (domain file §4.2):
 * - rate = num ÷ den, clipped to [0, 1] (a numerator above its denominator counts as 100%: the index has no
 *   extra credit, and the counts come from overlapping queries, not from a user); den = 0 ⇒ N/A.
 * - points: with a threshold T, rate ≥ T earns the maximum, below it rate × max ÷ T; without, rate × max.
 * - every figure is rounded half up to 2 decimals, as the portal shows them. Points are computed on integers
 *   (hundredths of a point, thresholds in basis points, BigInt for the division) so 0,125 → 0,13 never
 *   becomes 0,12 by a binary fraction.
 * - N/A counts as 0 points in its group and in the total (the portal shows "0/N/A"), and has no gain. A group
 *   whose scored indicators are all N/A has null points, and so has the total when every one is N/A (a
 *   commune without any activity is "chưa có số liệu", not "Yếu kém").
 */

/** p ÷ q rounded half up, for whole p ≥ 0 and q > 0, exact at any size (BigInt only beyond 2^53, where Number would round). */
function divideHalfUp(p: number, q: number): number {
  const a = 2 * p + q;
  const b = 2 * q;
  if (a > Number.MAX_SAFE_INTEGER || b > Number.MAX_SAFE_INTEGER) return Number(BigInt(a) / BigInt(b));
  // the float quotient may be one off near an integer: the remainder, exact on safe integers, corrects it
  let quotient = Math.floor(a / b);
  const remainder = a - quotient * b;
  if (remainder < 0) quotient -= 1;
  else if (remainder >= b) quotient += 1;
  return quotient;
}

/** Half-up rounding to 2 decimals; 12 significant digits absorb the binary error (1,005 × 100 = 100,4999…). */
export function round2(value: number): number {
  const scaled = Number((Math.abs(value) * 100).toPrecision(12));
  return (Math.sign(value) * Math.floor(scaled + 0.5)) / 100;
}

/** num ÷ den; null when den = 0 (N/A). */
export function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

function assertCount(value: number, path: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new DomainError('VALIDATION_FAILED', `Số liệu chỉ tiêu ${path} phải là số nguyên không âm, nhận được ${String(value)}`, {
      errors: [{ path, message: 'Phải là số nguyên không âm' }],
    });
}

export interface IndicatorRule {
  max: number;
  threshold: number | null;
}

export interface IndicatorScore {
  rate: number | null;
  points: number | null;
}

/** The rate and points of one indicator from its counts (whole numbers ≥ 0, else refused). */
export function indicatorPoints(counts: IndicatorCounts, rule: IndicatorRule, path = 'num/den'): IndicatorScore {
  assertCount(counts.num, `${path}.num`);
  assertCount(counts.den, `${path}.den`);
  if (counts.den === 0) return { rate: null, points: null };
  const num = Math.min(counts.num, counts.den);
  const den = counts.den;
  const maxHundredths = toHundredths(rule.max);
  const rate = num / den;
  if (rule.threshold === null) return { rate, points: divideHalfUp(num * maxHundredths, den) / 100 };
  const t = toBasisPoints(rule.threshold);
  // counts are safe integers and maxima at most 100 points: the products below stay exact for any count a province has (< 4,5 × 10^7)
  if (num * 10_000 >= den * t) return { rate, points: maxHundredths / 100 };
  return { rate, points: divideHalfUp(num * maxHundredths * 10_000, den * t) / 100 };
}

/** 5.4's numerator: den − overdue − withComplaint, never below 0. */
export function complementCounts(c: ComplementCounts, path = '5.4'): IndicatorCounts {
  assertCount(c.den, `${path}.den`);
  assertCount(c.overdue, `${path}.overdue`);
  assertCount(c.withComplaint, `${path}.withComplaint`);
  return { num: Math.max(0, c.den - c.overdue - c.withComplaint), den: c.den };
}

export interface IndicatorResult {
  code: string;
  group: string;
  name: string;
  num: number;
  den: number;
  /** 0..1, null = N/A (and for an average) */
  rate: number | null;
  /** the rate in %, 2 decimals */
  ratePercent: number | null;
  /** for measure 'average' (2.2): num ÷ den, 2 decimals */
  average: number | null;
  /** null = N/A; unscored indicators with data have 0 */
  points: number | null;
  max: number;
  threshold: number | null;
  scored: boolean;
  /** points it would add by reaching its maximum: max − points; 0 for N/A or unscored */
  gain: number;
}

export interface GroupResult {
  code: string;
  name: string;
  max: number;
  /** null when every scored indicator of the group is N/A */
  points: number | null;
  indicators: IndicatorResult[];
}

export interface ServiceIndexResult {
  version: string;
  /** null when every scored indicator is N/A */
  total: number | null;
  grade: GradeLabel | null;
  groups: GroupResult[];
  /** the 5 scored indicators furthest from their maximum (lowest points ÷ max), N/A left out */
  weakest: IndicatorResult[];
  /** scored indicators that can still gain points, the largest gain first */
  improvements: IndicatorResult[];
}

const percentOf = (num: number, den: number) => (den === 0 ? null : divideHalfUp(Math.min(num, den) * 10_000, den) / 100);

function scoreIndicator(ind: ServiceIndexIndicatorConfig, input: IndicatorInput | undefined): IndicatorResult {
  const base = { code: ind.code, group: ind.group, name: ind.name, max: ind.max, threshold: ind.threshold, scored: ind.scored };
  if (ind.measure === 'average') {
    const c = (input as IndicatorCounts | undefined) ?? { num: 0, den: 0 };
    if (!Number.isFinite(c.num) || c.num < 0) throw new DomainError('VALIDATION_FAILED', `Số liệu chỉ tiêu ${ind.code}.num phải là số không âm`);
    assertCount(c.den, `${ind.code}.den`);
    const average = c.den === 0 ? null : round2(c.num / c.den);
    return { ...base, num: c.num, den: c.den, rate: null, ratePercent: null, average, points: c.den === 0 ? null : 0, gain: 0 };
  }
  // an indicator the inputs do not carry (a new item of a later portal version) has no data yet: N/A
  const counts =
    ind.measure === 'complement'
      ? complementCounts((input as ComplementCounts | undefined) ?? { den: 0, overdue: 0, withComplaint: 0 }, ind.code)
      : ((input as IndicatorCounts | undefined) ?? { num: 0, den: 0 });
  const score = indicatorPoints(counts, ind.scored ? ind : { max: 0, threshold: null }, ind.code);
  const points = ind.scored ? score.points : score.rate === null ? null : 0;
  const gain = ind.scored && points !== null ? (toHundredths(ind.max) - toHundredths(points)) / 100 : 0;
  return { ...base, num: counts.num, den: counts.den, rate: score.rate, ratePercent: percentOf(counts.num, counts.den), average: null, points, gain };
}

/** Grade of a total: the best cut-off it reaches (grades come sorted from the best, one of them at 0). */
export function gradeOf(total: number, grades: ServiceIndexConfig['grades']): GradeLabel {
  const t = toHundredths(total);
  return (grades.find((g) => t >= toHundredths(g.min)) ?? grades[grades.length - 1]!).label;
}

const sumHundredths = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v === null ? 0 : toHundredths(v)), 0);

/** The whole index for one scope and period: groups in the configuration's order, grade, weakest, improvements. */
export function computeServiceIndex(inputs: ServiceIndexInputs, config: ServiceIndexConfig): ServiceIndexResult {
  const byCode = inputs as unknown as Partial<Record<string, IndicatorInput>>;
  const all: IndicatorResult[] = [];
  const groups = config.groups.map((g): GroupResult => {
    const indicators = config.indicators.filter((i) => i.group === g.code).map((i) => scoreIndicator(i, byCode[i.code]));
    all.push(...indicators);
    const scored = indicators.filter((i) => i.scored);
    const points = scored.some((i) => i.points !== null) ? sumHundredths(scored.map((i) => i.points)) / 100 : null;
    return { code: g.code, name: g.name, max: g.max, points, indicators };
  });
  const total = groups.some((g) => g.points !== null) ? sumHundredths(groups.map((g) => g.points)) / 100 : null;
  const order = new Map(all.map((ind, i) => [ind.code, i]));
  const position = (ind: IndicatorResult) => order.get(ind.code) ?? 0;
  const scoredWithData = all.filter((i) => i.scored && i.points !== null);
  // points ÷ max compared by cross-multiplication; ties: the larger gain first, then the configuration's order
  const weakest = [...scoredWithData]
    .sort((a, b) => toHundredths(a.points!) * toHundredths(b.max) - toHundredths(b.points!) * toHundredths(a.max) || b.gain - a.gain || position(a) - position(b))
    .slice(0, 5);
  const improvements = scoredWithData.filter((i) => i.gain > 0).sort((a, b) => b.gain - a.gain || position(a) - position(b));
  return { version: config.version, total, grade: total === null ? null : gradeOf(total, config.grades), groups, weakest, improvements };
}
