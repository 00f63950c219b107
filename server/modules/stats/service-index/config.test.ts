import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/http/errors.js';
import { computeServiceIndex } from './calculator.js';
import {
  loadServiceIndexConfigs,
  mergeServiceIndexConfigs,
  parseServiceIndexConfig,
  type ServiceIndexConfigInput,
  serviceIndexConfigFor,
  serviceIndexConfigs,
} from './config.js';
import { SERVICE_INDEX_2025_07 } from './default-config.js';
import { emptyInputs, type ServiceIndexInputs } from './inputs.js';

const base = SERVICE_INDEX_2025_07;
const withIndicator = (code: string, change: Partial<ServiceIndexConfigInput['indicators'][number]>): ServiceIndexConfigInput => ({
  ...base,
  indicators: base.indicators.map((i) => (i.code === code ? { ...i, ...change } : i)),
});

/** The error a config gets, or fails the test when it is accepted. */
function refusal(raw: unknown): DomainError {
  try {
    parseServiceIndexConfig(raw, 'kiểm thử');
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('VALIDATION_FAILED');
    return e as DomainError;
  }
  throw new Error('the configuration was accepted');
}

describe('the built-in version', () => {
  const c = parseServiceIndexConfig(base);

  it('has the 6 groups of the national portal with their maxima', () => {
    expect(c.groups.map((g) => [g.name, g.max])).toEqual([
      ['Công khai, minh bạch', 18],
      ['Tiến độ, kết quả giải quyết', 20],
      ['Cung cấp dịch vụ trực tuyến', 12],
      ['Thanh toán trực tuyến', 10],
      ['Số hóa hồ sơ', 22],
      ['Mức độ hài lòng', 18],
    ]);
  });

  it('keeps 2.2, 3.1–3.3 and 5.1 as tracking items, the full-online item as the 12 points, 4.6 at 2', () => {
    expect(c.indicators.filter((i) => !i.scored).map((i) => i.code)).toEqual(['2.2', '3.1', '3.2', '3.3', '5.1']);
    expect(c.indicators.find((i) => i.code === '3.4')).toMatchObject({ max: 12, scored: true, measure: 'rate' });
    expect(c.indicators.find((i) => i.code === '4.6')).toMatchObject({ max: 2, scored: true });
    expect(c.indicators.find((i) => i.code === '5.4')).toMatchObject({ max: 6, threshold: 0.9, measure: 'complement' });
  });

  it('sorts grades from the best', () => {
    const shuffled = parseServiceIndexConfig({ ...base, grades: [...base.grades].reverse() });
    expect(shuffled.grades.map((g) => g.label)).toEqual(['Tốt', 'Khá', 'Trung bình', 'Yếu kém']);
  });
});

describe('a broken configuration is refused with a clear error', () => {
  it('indicator maxima that do not add up to their group', () => {
    const e = refusal(withIndicator('1.1', { max: 5 }));
    expect(e.message).toContain('nhóm "Công khai, minh bạch" có điểm tối đa 18 nhưng tổng điểm tối đa các chỉ tiêu của nhóm là 17');
    expect(e.errors).toContainEqual({ path: 'groups.0.max', message: expect.stringContaining('17') });
  });

  it('groups that do not add up to 100', () => {
    const e = refusal({
      ...withIndicator('2.1', { max: 21 }),
      groups: base.groups.map((g) => (g.code === 'progress' ? { ...g, max: 21 } : g)),
    });
    expect(e.message).toContain('tổng điểm tối đa các nhóm phải là 100, đang là 101');
  });

  it('duplicate codes, an unknown group, a tracking item with points, a threshold above 1, an average with a threshold', () => {
    expect(refusal(withIndicator('1.2', { code: '1.1' })).message).toContain('mã chỉ tiêu "1.1" bị trùng');
    expect(refusal(withIndicator('1.3', { group: 'khac' })).message).toContain('nhóm "khac" không có trong danh sách nhóm');
    expect(refusal(withIndicator('5.1', { max: 1 })).message).toContain('chỉ theo dõi');
    expect(refusal(withIndicator('4.2', { threshold: 80 })).message).toContain('ngưỡng là tỉ lệ từ 0 đến 1');
    expect(refusal(withIndicator('2.2', { threshold: 0.5 })).message).toContain('giá trị trung bình');
    expect(refusal(withIndicator('1.1', { max: 6.005 })).message).toContain('tối đa 2 chữ số thập phân');
  });

  it('grades without a floor at 0, or with a bad label, or a bad date', () => {
    expect(refusal({ ...base, grades: base.grades.slice(0, 3) }).message).toContain('từ 0 điểm');
    expect(refusal({ ...base, grades: [...base.grades, { label: 'Xuất sắc', min: 95 }] }).errors?.[0]?.path).toBe('grades.4.label');
    expect(refusal({ ...base, validFrom: '2025-02-30' }).message).toContain('YYYY-MM-DD');
  });
});

describe('the version in force on a day', () => {
  const july = parseServiceIndexConfig(base);
  const next = parseServiceIndexConfig({ ...base, version: '2026-01', validFrom: '2026-01-01', grades: [{ label: 'Tốt', min: 85 }, { label: 'Yếu kém', min: 0 }] });
  const list = mergeServiceIndexConfigs([july], [next]);

  it('is the one with the latest start on or before the day', () => {
    expect(serviceIndexConfigFor('2025-07-01', list).version).toBe('2025-07');
    expect(serviceIndexConfigFor('2025-12-31', list).version).toBe('2025-07');
    expect(serviceIndexConfigFor('2026-01-01', list).version).toBe('2026-01');
    expect(serviceIndexConfigFor('2030-05-17', list).version).toBe('2026-01');
  });

  it('a day before every version, or not a date, is refused', () => {
    expect(() => serviceIndexConfigFor('2025-06-30', list)).toThrow('Chưa có cấu hình Bộ chỉ số 766 áp dụng cho ngày 30/06/2025 (phiên bản sớm nhất áp dụng từ ngày 01/07/2025)');
    expect(() => serviceIndexConfigFor('30/06/2025', list)).toThrow(DomainError);
  });

  it('uses the cut-offs of that version', () => {
    const inputs = { ...emptyInputs(), '2.1': { num: 1, den: 1 } };
    expect(computeServiceIndex(inputs, serviceIndexConfigFor('2025-12-31', list)).grade).toBe('Yếu kém');
    const all = Object.fromEntries(
      Object.keys(emptyInputs()).map((code) => [code, code === '5.4' ? { den: 100, overdue: 5, withComplaint: 0 } : { num: 88, den: 100 }]),
    ) as unknown as ServiceIndexInputs;
    // 88% everywhere (5.4: 95%): 15.84 + 17.60 + 10.56 + (2 + 2 + 5.28) + (5.28 + 4 + 2 + 3.52 + 1.76 × 3)
    // + (5.28 + 5.28 + 6) = 89.92 — under 90 for July's cut-offs, over 85 for January's
    expect(computeServiceIndex(all, july).total).toBe(89.92);
    expect(computeServiceIndex(all, july).grade).toBe('Khá');
    expect(computeServiceIndex(all, next).grade).toBe('Tốt');
  });

  it('two versions starting the same day are refused', () => {
    expect(() => mergeServiceIndexConfigs([july], [{ ...next, validFrom: '2025-07-01' }])).toThrow('cùng áp dụng từ ngày 01/07/2025');
  });
});

describe('SERVICE_INDEX_CONFIG_FILE', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'service-index-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  it('without it, only the built-in version', () => {
    expect(loadServiceIndexConfigs({}).map((c) => c.version)).toEqual(['2025-07']);
  });

  it('adds versions and replaces a built-in one of the same name', () => {
    const file = write('more.json', [
      { ...base, grades: [{ label: 'Tốt', min: 95 }, { label: 'Khá', min: 75 }, { label: 'Yếu kém', min: 0 }] },
      { ...base, version: '2026-01', validFrom: '2026-01-01', note: 'Điều chỉnh' },
    ]);
    const list = loadServiceIndexConfigs({ SERVICE_INDEX_CONFIG_FILE: file });
    expect(list.map((c) => [c.version, c.validFrom])).toEqual([['2025-07', '2025-07-01'], ['2026-01', '2026-01-01']]);
    expect(list[0]!.grades.map((g) => g.min)).toEqual([95, 75, 0]);
    expect(serviceIndexConfigs({ SERVICE_INDEX_CONFIG_FILE: file })).toHaveLength(2);
  });

  it('one version object is taken as a list of one', () => {
    const file = write('one.json', { ...base, version: '2026-07', validFrom: '2026-07-01' });
    expect(loadServiceIndexConfigs({ SERVICE_INDEX_CONFIG_FILE: file }).map((c) => c.version)).toEqual(['2025-07', '2026-07']);
  });

  it('a broken version in the file is refused, naming the file and the item', () => {
    const file = write('bad.json', [{ ...base, version: '2026-01', validFrom: '2026-01-01' }, withIndicator('3.6', { max: 7 })]);
    expect(() => loadServiceIndexConfigs({ SERVICE_INDEX_CONFIG_FILE: file })).toThrow(`(tệp ${file}, mục 2) không hợp lệ`);
  });

  it('a missing file or one that is not JSON is an error of the server configuration', () => {
    const missing = path.join(dir, 'none.json');
    expect(() => loadServiceIndexConfigs({ SERVICE_INDEX_CONFIG_FILE: missing })).toThrow(/Không đọc được tệp cấu hình Bộ chỉ số 766/);
    const notJson = write('x.json', '{ version: 1');
    try {
      loadServiceIndexConfigs({ SERVICE_INDEX_CONFIG_FILE: notJson });
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe('INTERNAL');
    }
  });
});
