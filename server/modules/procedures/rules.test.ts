import { describe, expect, it } from 'vitest';
import { generateProcedures } from './generate.js';
import { joinItems, parseNumber, parseVnDate, splitItems } from './layout.js';
import { calendarCeilingHours, checkCode, checkSteps, limitInWorkingHours } from './rules.js';
import { parseCsv } from './spreadsheet.js';
import { standardSteps } from './standard-steps.js';

const steps = (...budgets: number[]) => [
  { role: 'reception' as const, budgetHours: budgets[0]!, notCounted: false },
  ...budgets.slice(1).map((b) => ({ role: 'handling' as const, budgetHours: b, notCounted: false })),
  { role: 'return' as const, budgetHours: 0, notCounted: true },
];

describe('procedure rules', () => {
  it('accepts national codes and province variants only', () => {
    expect(checkCode('1.012994')).toEqual([]);
    expect(checkCode('2.001218.000.00.00.H38')).toEqual([]);
    for (const bad of ['1.01299', '1012994', '1.012994.H38', '2.001218.000.00.00.38', ' 1.012994']) expect(checkCode(bad), bad).toHaveLength(1);
  });

  it('turns the limit into working hours: working days × 8, working hours as is, calendar units none', () => {
    expect(limitInWorkingHours(3, 'working_days')).toBe(24);
    expect(limitInWorkingHours(0.5, 'working_days')).toBe(4);
    expect(limitInWorkingHours(4, 'working_hours')).toBe(4);
    expect(limitInWorkingHours(30, 'days')).toBeNull();
    expect(calendarCeilingHours(30, 'days')).toBe(240);
    expect(calendarCeilingHours(2, 'months')).toBe(368);
  });

  it('wants the counted budgets to add up exactly, the return step last and not counted', () => {
    expect(checkSteps(steps(4, 12, 8), 3, 'working_days')).toEqual([]);
    expect(checkSteps(steps(4, 12, 7.5), 3, 'working_days')[0]!.message).toBe('Tổng thời gian các bước là 23,5 giờ, phải bằng thời hạn giải quyết 24 giờ (3 ngày làm việc)');
    expect(checkSteps(steps(1.5, 2.5), 4, 'working_hours')).toEqual([]);
    // the return step's budget is outside the clock
    expect(checkSteps([...steps(4, 4).slice(0, 2), { role: 'return', budgetHours: 16, notCounted: true }], 1, 'working_days')).toEqual([]);
    expect(checkSteps(steps(4, 400), 2, 'days')[0]!.message).toMatch(/vượt số giờ làm việc tối đa/);
    expect(checkSteps(steps(4, 100), 2, 'days')[0]!.message).toMatch(/vượt/);
    expect(checkSteps(steps(4, 8), 2, 'days')).toEqual([]);
    const twoReceptions = [{ role: 'reception' as const, budgetHours: 4, notCounted: false }, ...steps(4, 16)];
    expect(checkSteps(twoReceptions, 3, 'working_days').map((i) => i.path)).toContain('steps.0.role');
    const countedMiddle = steps(4, 12, 8).map((s, i) => (i === 1 ? { ...s, notCounted: true } : s));
    expect(checkSteps(countedMiddle, 3, 'working_days').map((i) => i.path)).toContain('steps.1.notCounted');
  });

  it('gives the standard process adding up to any limit, at both levels', () => {
    for (const days of [0.5, 1, 2, 3, 5, 10, 20, 30]) {
      for (const level of ['province', 'commune'] as const) {
        const s = standardSteps(days * 8, level);
        expect(checkSteps(s, days, 'working_days'), `${days} ${level}`).toEqual([]);
        expect(s.every((x) => x.budgetHours >= 0)).toBe(true);
      }
    }
  });
});

describe('the spreadsheet layout', () => {
  it('keeps lists with "|", line breaks and "\\" through a cell', () => {
    const items = [['Đơn | mẫu', 'Bản chính', '1'], ['Dòng một\nDòng hai', 'a\\b', '']];
    expect(splitItems(joinItems(items))).toEqual(items);
    expect(splitItems('A | B\n\n C |D ')).toEqual([['A', 'B'], ['C', 'D']]);
  });

  it('reads numbers and dates the way Vietnamese sheets write them', () => {
    expect(parseNumber('0,5')).toBe(0.5);
    expect(parseNumber('7.5')).toBe(7.5);
    expect(parseNumber('50.000', true)).toBe(50000);
    expect(parseNumber('1.234.567', true)).toBe(1234567);
    expect(parseNumber('abc')).toBeNull();
    expect(parseVnDate('01/07/2025')).toBe('2025-07-01');
    expect(parseVnDate('2025-07-01')).toBe('2025-07-01');
    expect(parseVnDate('')).toBeNull();
    expect(parseVnDate('31/02/2025')).toBeUndefined();
  });

  it('parses CSV with quotes, line breaks and either delimiter', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""","1\n2"\r\n')).toEqual([['a', 'b'], ['x, "y"', '1\n2']]);
    expect(parseCsv('a;b\n1;2')).toEqual([['a', 'b'], ['1', '2']]);
  });
});

describe('the scale generator', () => {
  it('makes 2,175 procedures, 1,854 at province level, the same every time, all valid', () => {
    const depts = Array.from({ length: 13 }, (_, i) => ({ id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, name: `Sở ${i}` }));
    const a = generateProcedures('t', depts);
    const b = generateProcedures('t', depts);
    expect(a).toHaveLength(2175);
    expect(a.filter((p) => p.row.level === 'province')).toHaveLength(1854);
    expect(a.map((p) => [p.row.code, p.row.name, p.row.timeLimit, p.components.length])).toEqual(b.map((p) => [p.row.code, p.row.name, p.row.timeLimit, p.components.length]));
    expect(new Set(a.map((p) => p.row.code)).size).toBe(2175);
    for (const p of a) {
      expect(checkSteps(p.steps as never, p.row.timeLimit, p.row.timeUnit), p.row.code).toEqual([]);
      expect(checkCode(p.row.code)).toEqual([]);
    }
  });
});
