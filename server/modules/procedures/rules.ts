import type { FieldIssue } from '../../platform/http/errors.js';
import type { StepRole, TimeUnit } from './tables.js';

/**
 * The national code of a procedure: "1.012994" (the national database's own record) or a province's variant
 * of it, "2.001218.000.00.00.H38" (record + the publishing authority's identifier, H38 = the province).
 */
export const PROCEDURE_CODE = /^\d\.\d{6}(\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})?$/;

export const HOURS_PER_DAY = 8;
/** A calendar month never holds more than 23 working days (Monday–Friday). */
export const MAX_WORKING_DAYS_PER_MONTH = 23;

/**
 * The time limit in working hours when the unit fixes it (working days × 8, working hours as is); null for
 * calendar units (days, months), whose length in working hours depends on the weekends and holidays inside.
 */
export function limitInWorkingHours(timeLimit: number, unit: TimeUnit): number | null {
  if (unit === 'working_days') return round2(timeLimit * HOURS_PER_DAY);
  if (unit === 'working_hours') return round2(timeLimit);
  return null;
}

/**
 * The most working hours a calendar limit can hold: N days hold at most N working days, N months at most
 * N × 23 working days. The steps of such a procedure must fit inside it.
 */
export function calendarCeilingHours(timeLimit: number, unit: 'days' | 'months'): number {
  return round2(unit === 'days' ? timeLimit * HOURS_PER_DAY : timeLimit * MAX_WORKING_DAYS_PER_MONTH * HOURS_PER_DAY);
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

export interface StepShape {
  role: StepRole;
  budgetHours: number;
  notCounted: boolean;
}

export const countedHours = (steps: readonly StepShape[]) => round2(steps.filter((s) => !s.notCounted).reduce((sum, s) => sum + s.budgetHours, 0));

const hours = (n: number) => `${n.toLocaleString('vi-VN', { maximumFractionDigits: 2 })} giờ`;

/**
 * The internal process as the province publishes it: the Center receives first and returns last; the
 * return is outside the clock ("không tính thời gian"), every other step is counted and the counted
 * budgets add up to the time limit (8 h = 1 working day).
 */
export function checkSteps(steps: readonly StepShape[], timeLimit: number, unit: TimeUnit): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  if (steps.length < 2) {
    add('steps', 'Quy trình nội bộ cần ít nhất bước tiếp nhận và bước trả kết quả');
    return issues;
  }
  const receptions = steps.filter((s) => s.role === 'reception').length;
  const returns = steps.filter((s) => s.role === 'return').length;
  if (steps[0]!.role !== 'reception' || receptions !== 1) add('steps.0.role', 'Bước đầu tiên (và chỉ bước đầu tiên) là tiếp nhận hồ sơ');
  const lastIndex = steps.length - 1;
  if (steps[lastIndex]!.role !== 'return' || returns !== 1) add(`steps.${lastIndex}.role`, 'Bước cuối cùng (và chỉ bước cuối cùng) là trả kết quả');
  if (!steps[lastIndex]!.notCounted) add(`steps.${lastIndex}.notCounted`, 'Bước trả kết quả không tính thời gian');
  steps.forEach((s, i) => {
    if (i !== lastIndex && s.notCounted) add(`steps.${i}.notCounted`, `Bước ${i + 1}: chỉ bước trả kết quả được đánh dấu không tính thời gian`);
  });
  const sum = countedHours(steps);
  const limit = limitInWorkingHours(timeLimit, unit);
  if (limit !== null) {
    if (sum !== limit) {
      const asDays = unit === 'working_days' ? ` (${timeLimit.toLocaleString('vi-VN')} ngày làm việc)` : '';
      add('steps', `Tổng thời gian các bước là ${hours(sum)}, phải bằng thời hạn giải quyết ${hours(limit)}${asDays}`);
    }
  } else {
    const ceiling = calendarCeilingHours(timeLimit, unit as 'days' | 'months');
    if (sum <= 0) add('steps', 'Tổng thời gian các bước phải lớn hơn 0');
    else if (sum > ceiling) add('steps', `Tổng thời gian các bước là ${hours(sum)}, vượt số giờ làm việc tối đa của thời hạn (${hours(ceiling)})`);
  }
  return issues;
}

export function checkCode(code: string): FieldIssue[] {
  return PROCEDURE_CODE.test(code) ? [] : [{ path: 'code', message: `Mã thủ tục "${code}" không đúng dạng mã quốc gia (ví dụ 1.012994 hoặc 2.001218.000.00.00.H38)` }];
}
