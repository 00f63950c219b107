import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../platform/http/errors.js';
import { DOSSIER_ACTIONS, DOSSIER_STATUS_LABELS, allows, assertTransition, assertVersion } from './state-machine.js';
import { DOSSIER_STATUSES } from './tables.js';

const refused = (fn: () => void) => {
  try {
    fn();
  } catch (err) {
    return err as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('dossier state machine', () => {
  it('labels every national status in Vietnamese', () => {
    expect(DOSSIER_STATUSES.map((s) => DOSSIER_STATUS_LABELS[s])).toEqual([
      'Mới đăng ký',
      'Được tiếp nhận',
      'Không được tiếp nhận',
      'Đang xử lý',
      'Yêu cầu bổ sung giấy tờ',
      'Yêu cầu thực hiện nghĩa vụ tài chính',
      'Công dân yêu cầu rút hồ sơ',
      'Dừng xử lý',
      'Đã xử lý xong',
      'Đã trả kết quả',
    ]);
  });

  it('allows the processing path 4 → 5 → 4 → 9 → 10', () => {
    expect(allows('request_supplement', 4, 5)).toBe(true);
    expect(allows('complete_supplement', 5, 4)).toBe(true);
    expect(allows('advance', 4, 4)).toBe(true);
    expect(allows('advance', 4, 9)).toBe(true);
    expect(allows('return_result', 9, 10)).toBe(true);
  });

  it('refuses what the table does not list', () => {
    expect(allows('return_result', 4, 10)).toBe(false);
    expect(allows('advance', 5)).toBe(false);
    expect(allows('advance', 4, 10)).toBe(false);
    expect(allows('stop', 9)).toBe(false);
    expect(allows('withdraw', 10)).toBe(false);
    expect(allows('extend', 4, 5)).toBe(false);
    // nothing leaves a final status
    for (const status of [3, 7, 8, 10] as const) {
      for (const action of Object.keys(DOSSIER_ACTIONS) as (keyof typeof DOSSIER_ACTIONS)[]) expect(allows(action, status)).toBe(false);
    }
  });

  it('says in Vietnamese why a transition is refused (409)', () => {
    const err = refused(() => assertTransition('return_result', 4, 10));
    expect(err.code).toBe('INVALID_STATE');
    expect(err.status).toBe(409);
    expect(err.message).toBe('Không thể trả kết quả sang "Đã trả kết quả" khi hồ sơ đang ở trạng thái "Đang xử lý"');
    expect(() => assertTransition('advance', 4, 9)).not.toThrow();
  });

  it('refuses a stale version with 409 and accepts the current one or none', () => {
    expect(refused(() => assertVersion(3, 2)).status).toBe(409);
    expect(() => assertVersion(3, 3)).not.toThrow();
    expect(() => assertVersion(3, undefined)).not.toThrow();
  });
});
