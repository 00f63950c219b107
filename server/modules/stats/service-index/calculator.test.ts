import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/http/errors.js';
import { complementCounts, computeServiceIndex, gradeOf, indicatorPoints, ratio, round2 } from './calculator.js';
import { parseServiceIndexConfig } from './config.js';
import { SERVICE_INDEX_2025_07 } from './default-config.js';
import { emptyInputs, type ServiceIndexInputs } from './inputs.js';

const config = parseServiceIndexConfig(SERVICE_INDEX_2025_07);

/*
 * A hand-made commune for one quarter, described as the records it has and the counts they give (inputs.ts says
 * how each count is taken). 10 procedures P1–P10, 20 dossiers D1–D20 received in the quarter, 6 feedbacks F1–F6,
 * 10 ratings, a few payments.
 *
 * Catalog: P1–P5 got their publication decision in the quarter; P1–P4 were decided ≥ 5 working days before their
 * legal basis took effect, P5 after. P1–P3 were made public within 5 working days of the decision, P4 after 7,
 * P5 not yet. P10 has no components listed (9 of 10 complete). Online service: P1–P4 full, P5–P7 partial,
 * P8–P10 none. Fees > 0: P2, P4, P6, P8, P9. Citizens are the subjects of P1–P8.
 * Dossiers: D20 not yet synced. 16 ended in the quarter (6 early, 7 on time, 3 late; 50 working days of processing
 * in all), 4 still open at its end (3 in time, 1 overdue). 11 dossiers are of P1–P4, 7 of them online; 2 more online
 * dossiers are of P5, one of which still lacks the electronic result its paper result requires. Online dossiers
 * exist for P1, P2, P3, P5. 8 dossiers have fees due, 5 paid online (payments of P2, P4, P6 in the quarter); dossiers
 * with fees of P8 were synced but paid in cash. 15 dossiers of paper-result procedures have a result, 9 of them
 * electronic. 17 dossiers fully digitized, 5 reuse a component (3 of those from the citizen's store). 12 applicants
 * verified with VNeID, in dossiers of 6 of the 8 citizen procedures. No certification procedure ("Chứng thực").
 * Feedback: F1–F4 about procedures, F5–F6 about officers. Handled: F1–F5; F5 late; F6 open past 15 working days.
 * F2's sender was not satisfied; F6 repeats F3. F1 is about D3, F2 about D5. Ratings: 8 satisfied, 2 not (D5, D9).
 */
const example: ServiceIndexInputs = {
  '1.1': { num: 4, den: 5 }, // P1–P4 of P1–P5
  '1.2': { num: 3, den: 5 }, // P1–P3 of P1–P5
  '1.3': { num: 9, den: 10 }, // all but P10
  '1.4': { num: 19, den: 20 }, // all but D20
  '2.1': { num: 16, den: 20 }, // 6 early + 7 on time + 3 open in time, of 16 ended + 4 open
  '2.2': { num: 50, den: 16 }, // 50 working days over the 16 ended
  '3.1': { num: 7, den: 10 }, // P1–P7
  '3.2': { num: 4, den: 7 }, // P1, P2, P3, P5 of P1–P7
  '3.3': { num: 8, den: 20 }, // 7 + 2 online, one of P5's without its electronic result
  '3.4': { num: 7, den: 11 }, // online among the dossiers of P1–P4
  '3.5': { num: 4, den: 5 }, // P2, P4, P6, P8 of the 5 fee-bearing
  '3.5b': { num: 3, den: 5 }, // P2, P4, P6
  '3.6': { num: 5, den: 8 },
  '4.1': { num: 9, den: 15 },
  '4.2': { num: 17, den: 20 },
  '4.3': { num: 5, den: 20 },
  '4.4': { num: 3, den: 20 },
  '4.5a': { num: 6, den: 8 },
  '4.5b': { num: 12, den: 20 },
  '4.6': { num: 0, den: 0 },
  '5.1': { num: 4, den: 6 }, // F1–F4
  '5.2': { num: 4, den: 6 }, // handled 5 + overdue open 1; on time: F1–F4
  '5.3': { num: 2, den: 6 }, // off: F2 (not satisfied), F5 and F6 (late), F3 (repeated by F6) → F1, F4 left
  '5.4': { den: 20, overdue: 4, withComplaint: 3 }, // overdue = 20 − 16 (2.1); D3, D5, D9 complained/disliked
};

/*
 * Expected points, by hand (max × rate, or max when rate ≥ T, else max × rate ÷ T; half up to 2 decimals):
 * Công khai, minh bạch: 1.1 6 × 4/5 = 4.80 · 1.2 4 × 3/5 = 2.40 · 1.3 2 × 9/10 = 1.80 · 1.4 6 × 19/20 = 5.70 → 14.70
 * Tiến độ: 2.1 20 × 16/20 = 16.00 · 2.2 tracking: 50/16 = 3.125 → 3.13 working days, 0 points → 16.00
 * Dịch vụ trực tuyến: 3.1 70% · 3.2 4/7 = 57.14% · 3.3 40% tracking · 3.4 12 × 7/11 = 7.6363… → 7.64 → 7.64
 * Thanh toán: 3.5 4/5 = 80% ≥ T 80% → 2.00 · 3.5b 60% < 80% → 2 × 0.6/0.8 = 1.50 · 3.6 6 × 5/8 = 3.75 → 7.25
 * Số hóa: 4.1 6 × 9/15 = 3.60 · 4.2 85% ≥ 80% → 4.00 · 4.3 25% < 80% → 2 × 0.25/0.8 = 0.625 → 0.63
 *   · 4.4 4 × 3/20 = 0.60 · 4.5a 2 × 6/8 = 1.50 · 4.5b 2 × 12/20 = 1.20 · 4.6 N/A (0) → 11.53
 * Hài lòng: 5.1 tracking 66.67% · 5.2 6 × 4/6 = 4.00 · 5.3 6 × 2/6 = 2.00
 *   · 5.4 (20 − 4 − 3)/20 = 65% < 90% → 6 × 0.65/0.9 = 4.333… → 4.33 → 10.33
 * Total 14.70 + 16.00 + 7.64 + 7.25 + 11.53 + 10.33 = 67.45 → "Trung bình" (50 ≤ 67.45 < 70).
 */
describe('the hand-made commune', () => {
  const result = computeServiceIndex(example, config);
  const ind = (code: string) => result.groups.flatMap((g) => g.indicators).find((i) => i.code === code)!;

  it('scores each indicator as worked out by hand', () => {
    const points = Object.fromEntries(result.groups.flatMap((g) => g.indicators).map((i) => [i.code, i.points]));
    expect(points).toEqual({
      '1.1': 4.8, '1.2': 2.4, '1.3': 1.8, '1.4': 5.7, '2.1': 16, '2.2': 0, '3.1': 0, '3.2': 0, '3.3': 0, '3.4': 7.64,
      '3.5': 2, '3.5b': 1.5, '3.6': 3.75, '4.1': 3.6, '4.2': 4, '4.3': 0.63, '4.4': 0.6, '4.5a': 1.5, '4.5b': 1.2, '4.6': null,
      '5.1': 0, '5.2': 4, '5.3': 2, '5.4': 4.33,
    });
    expect(ind('2.2')).toMatchObject({ average: 3.13, rate: null, ratePercent: null, scored: false, gain: 0 });
    expect(ind('3.2')).toMatchObject({ ratePercent: 57.14, points: 0, gain: 0 });
    expect(ind('3.4')).toMatchObject({ num: 7, den: 11, ratePercent: 63.64, max: 12, gain: 4.36 });
    expect(ind('5.1').ratePercent).toBe(66.67);
    expect(ind('5.4')).toMatchObject({ num: 13, den: 20, rate: 0.65, ratePercent: 65, threshold: 0.9, gain: 1.67 });
    expect(ind('4.6')).toMatchObject({ rate: null, ratePercent: null, points: null, gain: 0 });
  });

  it('adds up the groups and the total, and grades it', () => {
    expect(result.groups.map((g) => [g.name, g.points, g.max])).toEqual([
      ['Công khai, minh bạch', 14.7, 18],
      ['Tiến độ, kết quả giải quyết', 16, 20],
      ['Cung cấp dịch vụ trực tuyến', 7.64, 12],
      ['Thanh toán trực tuyến', 7.25, 10],
      ['Số hóa hồ sơ', 11.53, 22],
      ['Mức độ hài lòng', 10.33, 18],
    ]);
    expect(result.total).toBe(67.45);
    expect(result.grade).toBe('Trung bình');
    expect(result.version).toBe('2025-07');
  });

  it('lists the weakest by points ÷ max: 4.4 0.15, 4.3 0.315, 5.3 0.33, then 4.1 and 1.2 tied at 0.6, larger gain first', () => {
    expect(result.weakest.map((i) => i.code)).toEqual(['4.4', '4.3', '5.3', '4.1', '1.2']);
  });

  it('lists what would raise the score most, by gain; ties keep the configuration order; the gains close the gap to 100 less N/A', () => {
    expect(result.improvements.map((i) => [i.code, i.gain])).toEqual([
      ['3.4', 4.36], ['2.1', 4], ['5.3', 4], ['4.4', 3.4], ['4.1', 2.4], ['3.6', 2.25], ['5.2', 2], ['5.4', 1.67],
      ['1.2', 1.6], ['4.3', 1.37], ['1.1', 1.2], ['4.5b', 0.8], ['3.5b', 0.5], ['4.5a', 0.5], ['1.4', 0.3], ['1.3', 0.2],
    ]);
    // 100 − 67.45 − 2 (4.6 is N/A, no gain) = 30.55
    expect(round2(result.improvements.reduce((s, i) => s + i.gain, 0))).toBe(30.55);
  });
});

describe('ratio and points of one indicator', () => {
  it('ratio is num ÷ den, null when den = 0', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(5, 0)).toBeNull();
  });

  it('den = 0 is N/A: no rate, no points', () => {
    expect(indicatorPoints({ num: 0, den: 0 }, { max: 6, threshold: null })).toEqual({ rate: null, points: null });
    expect(indicatorPoints({ num: 0, den: 0 }, { max: 2, threshold: 0.8 })).toEqual({ rate: null, points: null });
  });

  it('a threshold reached gives the maximum; below it, rate × max ÷ T', () => {
    expect(indicatorPoints({ num: 8, den: 10 }, { max: 2, threshold: 0.8 })).toEqual({ rate: 0.8, points: 2 });
    expect(indicatorPoints({ num: 99, den: 100 }, { max: 6, threshold: 0.9 }).points).toBe(6);
    // 2 × 0.79 ÷ 0.8 = 1.975 → 1.98
    expect(indicatorPoints({ num: 79, den: 100 }, { max: 2, threshold: 0.8 }).points).toBe(1.98);
    // 4 × 0.5 ÷ 0.8 = 2.50
    expect(indicatorPoints({ num: 1, den: 2 }, { max: 4, threshold: 0.8 }).points).toBe(2.5);
  });

  it('without a threshold, rate × max rounded half up to 2 decimals', () => {
    expect(indicatorPoints({ num: 1, den: 8 }, { max: 1, threshold: null }).points).toBe(0.13); // 0.125
    expect(indicatorPoints({ num: 2, den: 3 }, { max: 1, threshold: null }).points).toBe(0.67); // 0.666…
    expect(indicatorPoints({ num: 1, den: 3 }, { max: 6, threshold: null }).points).toBe(2);
    expect(indicatorPoints({ num: 1, den: 400 }, { max: 2, threshold: null }).points).toBe(0.01); // 0.005
    expect(indicatorPoints({ num: 1, den: 401 }, { max: 2, threshold: null }).points).toBe(0); // 0.00498…
    expect(indicatorPoints({ num: 0, den: 7 }, { max: 20, threshold: null })).toEqual({ rate: 0, points: 0 });
  });

  it('a numerator above its denominator is clipped to 100%', () => {
    expect(indicatorPoints({ num: 12, den: 10 }, { max: 6, threshold: null })).toEqual({ rate: 1, points: 6 });
  });

  it('refuses negative, fractional or non-finite counts', () => {
    expect(() => indicatorPoints({ num: -1, den: 10 }, { max: 6, threshold: null })).toThrow(DomainError);
    expect(() => indicatorPoints({ num: 1.5, den: 10 }, { max: 6, threshold: null })).toThrow(/số nguyên không âm/);
    expect(() => indicatorPoints({ num: 1, den: Number.NaN }, { max: 6, threshold: null })).toThrow(DomainError);
    expect(() => computeServiceIndex({ ...emptyInputs(), '2.1': { num: 1, den: -2 } }, config)).toThrow(/2\.1\.den/);
  });

  it('is exact at province scale (no overflow, no binary drift)', () => {
    // 20 × 1 234 567 ÷ 1 543 210 = 15.99999… → 16.00; 4 × 333 333 ÷ 1 000 000 ÷ 0.8 = 1.6666… → 1.67
    expect(indicatorPoints({ num: 1_234_567, den: 1_543_210 }, { max: 20, threshold: null }).points).toBe(16);
    expect(indicatorPoints({ num: 333_333, den: 1_000_000 }, { max: 4, threshold: 0.8 }).points).toBe(1.67);
  });

  it('round2 rounds half up where binary floats fall just below', () => {
    expect(round2(0.125)).toBe(0.13);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(3.125)).toBe(3.13);
    expect(round2(3.124)).toBe(3.12);
  });
});

describe('5.4: 100% − (overdue rate + complaint rate)', () => {
  it('subtracts both parts from the denominator, never below 0', () => {
    expect(complementCounts({ den: 10, overdue: 1, withComplaint: 2 })).toEqual({ num: 7, den: 10 });
    expect(complementCounts({ den: 10, overdue: 3, withComplaint: 9 })).toEqual({ num: 0, den: 10 });
  });

  it('reaches the maximum at 90%', () => {
    const r = computeServiceIndex({ ...emptyInputs(), '5.4': { den: 10, overdue: 1, withComplaint: 0 } }, config);
    expect(r.groups.find((g) => g.code === 'satisfaction')!.points).toBe(6);
  });
});

describe('totals and grades', () => {
  it('grades at the cut-offs (Tốt ≥ 90, Khá ≥ 70, Trung bình ≥ 50)', () => {
    const g = (t: number) => gradeOf(t, config.grades);
    expect([g(100), g(90), g(89.99), g(70), g(69.99), g(50), g(49.99), g(0)]).toEqual([
      'Tốt', 'Tốt', 'Khá', 'Khá', 'Trung bình', 'Trung bình', 'Yếu kém', 'Yếu kém',
    ]);
  });

  it('with no data at all there is no total and no grade, and nothing to list', () => {
    const r = computeServiceIndex(emptyInputs(), config);
    expect(r.total).toBeNull();
    expect(r.grade).toBeNull();
    expect(r.groups.every((g) => g.points === null)).toBe(true);
    expect(r.weakest).toEqual([]);
    expect(r.improvements).toEqual([]);
  });

  it('a group with data counts its N/A indicators as 0; a group with none is null but the total still adds the rest', () => {
    const r = computeServiceIndex({ ...emptyInputs(), '2.1': { num: 9, den: 10 }, '1.1': { num: 1, den: 1 } }, config);
    expect(r.groups.map((g) => g.points)).toEqual([6, 18, null, null, null, null]);
    expect(r.total).toBe(24);
    expect(r.grade).toBe('Yếu kém');
  });

  it('everything at its maximum gives 100, "Tốt", nothing to improve', () => {
    const full = Object.fromEntries(
      Object.keys(emptyInputs()).map((code) => [code, code === '5.4' ? { den: 5, overdue: 0, withComplaint: 0 } : { num: 5, den: 5 }]),
    ) as unknown as ServiceIndexInputs;
    const r = computeServiceIndex(full, config);
    expect(r.total).toBe(100);
    expect(r.grade).toBe('Tốt');
    expect(r.improvements).toEqual([]);
  });

  it('an indicator of the configuration that the inputs do not carry is N/A', () => {
    const withNew = parseServiceIndexConfig({
      ...SERVICE_INDEX_2025_07,
      indicators: [...SERVICE_INDEX_2025_07.indicators.filter((i) => i.code !== '4.6'), { code: '4.7', group: 'digitization', name: 'Chỉ tiêu mới', max: 2, threshold: null, scored: true }],
    });
    const r = computeServiceIndex({ ...emptyInputs(), '4.2': { num: 1, den: 1 } }, withNew);
    const digitization = r.groups.find((g) => g.code === 'digitization')!;
    expect(digitization.indicators.find((i) => i.code === '4.7')).toMatchObject({ points: null, gain: 0 });
    expect(digitization.points).toBe(4);
  });
});
