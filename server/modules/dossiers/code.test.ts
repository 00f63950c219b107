import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open.js';
import { CIRCULAR_01_2018_FORMAT, issueDossierCode } from './code.js';

describe('dossier code format (Circular 01/2018, art. 19)', () => {
  it('is <unit identifier>-YYMMDD-XXXX, the sequence zero-padded to 4 digits and growing past 9,999', () => {
    expect(CIRCULAR_01_2018_FORMAT.format({ unitIdentifier: '000.01.20.H01', day: '2026-03-06', sequence: 1 })).toBe('000.01.20.H01-260306-0001');
    expect(CIRCULAR_01_2018_FORMAT.format({ unitIdentifier: 'H15.50.05.13', day: '2026-10-08', sequence: 975 })).toBe('H15.50.05.13-261008-0975');
    expect(CIRCULAR_01_2018_FORMAT.format({ unitIdentifier: 'X', day: '2025-12-31', sequence: 12_345 })).toBe('X-251231-12345');
  });

  it('refuses with 409 before touching the counter when the receiving unit has no identifier', async () => {
    const untouchable = new Proxy({}, { get: () => { throw new Error('the counter must not be used'); } }) as Db;
    await expect(issueDossierCode(untouchable, { id: 'x', name: 'UBND xã Thử Nghiệm', identifierCode: null }, new Date())).rejects.toMatchObject({
      code: 'DOSSIER_CODE_UNAVAILABLE',
      status: 409,
      detail: 'UBND xã Thử Nghiệm chưa có mã định danh điện tử nên chưa cấp được mã số hồ sơ; quản trị hệ thống cần khai báo mã định danh cho đơn vị',
    });
  });
});
