import { describe, expect, it } from 'vitest';
import { formFooter, formVersionFor, fileName } from './common.js';
import type { AgencyInfo, OrgDirectory } from './form-data.js';
import { placeDate, timeLimitText, vnTimeOfDay } from './format.js';
import { agencyBody, deskBody, deskName, placeOf } from './issuer.js';
import { codeSequence } from './receipt.js';

const agency = (id: string, type: string, name: string, shortName = 'UBND', parentId: string | null = null): [string, AgencyInfo] => [id, { id, type, name, shortName, parentId }];
const org: OrgDirectory = {
  tenant: { id: 't', code: 'an-giang', name: 'Tỉnh An Giang' },
  agencies: new Map([
    agency('ubnd', 'province_committee', 'Ủy ban nhân dân tỉnh An Giang'),
    agency('stc', 'department', 'Sở Tài chính', 'STC', 'ubnd'),
    agency('loc1', 'service_center_location', 'Trung tâm Phục vụ hành chính công tỉnh An Giang – Điểm tiếp nhận số 1', 'TTPVHCC'),
    agency('rg', 'ward_committee', 'Ủy ban nhân dân phường Rạch Giá'),
    agency('tc', 'special_zone_committee', 'Ủy ban nhân dân đặc khu Thổ Châu'),
  ]),
};

describe('issuing bodies and places', () => {
  it('a Center location issues under the province committee, with the TTPVHCC number', () => {
    expect(deskBody(org, 'loc1', '2025', '7')).toEqual({ parent: 'UBND tỉnh An Giang', name: 'Trung tâm Phục vụ hành chính công', number: 'Số: 7/TTPVHCC' });
    expect(deskBody(org, 'loc1', '2018', null).number).toBe('Số: ……/TTPVHCC');
    expect(deskBody(org, 'loc1', '2025', false).number).toBeNull();
    expect(placeOf(org, 'loc1')).toBe('An Giang');
  });

  it("a commune's desk: its own Center from 2025, the Bộ phận Tiếp nhận và Trả kết quả before; the commune is the place", () => {
    expect(deskBody(org, 'rg', '2025', '3')).toEqual({ parent: 'UBND phường Rạch Giá', name: 'Trung tâm Phục vụ hành chính công', number: 'Số: 3/TTPVHCC' });
    expect(deskBody(org, 'rg', '2018', '3')).toEqual({ parent: 'UBND phường Rạch Giá', name: 'Bộ phận Tiếp nhận và Trả kết quả', number: 'Số: 3/BPTNTKQ' });
    expect(deskName(org, 'rg', '2025')).toBe('Trung tâm Phục vụ hành chính công phường Rạch Giá');
    expect(deskName(org, 'rg', '2018')).toBe('Bộ phận Tiếp nhận và Trả kết quả phường Rạch Giá');
    expect(placeOf(org, 'rg')).toBe('Rạch Giá');
    expect(placeOf(org, 'tc')).toBe('Thổ Châu');
  });

  it('a department writes under the province committee; a committee on its own', () => {
    expect(agencyBody(org, 'stc', 'TB')).toEqual({ parent: 'UBND tỉnh An Giang', name: 'Sở Tài chính', number: 'Số: ……/TB-STC' });
    expect(agencyBody(org, 'rg', 'TB')).toEqual({ parent: null, name: 'Ủy ban nhân dân\nphường Rạch Giá', number: 'Số: ……/TB-UBND' });
  });
});

describe('texts of the forms', () => {
  it('states times and dates in Việt Nam time', () => {
    // 23:50 UTC is 06:50 the next day in Việt Nam
    expect(vnTimeOfDay(new Date('2026-11-19T23:50:00Z'))).toBe('06 giờ 50 phút, ngày 20/11/2026');
    expect(placeDate('An Giang', new Date('2026-12-31T17:30:00Z'))).toBe('An Giang, ngày 01 tháng 01 năm 2027');
  });

  it('states the time limit in its unit', () => {
    expect(timeLimitText(5, 'working_days')).toBe('05 ngày làm việc');
    expect(timeLimitText(12, 'working_hours')).toBe('12 giờ làm việc');
    expect(timeLimitText(1.5, 'months')).toBe('1,5 tháng');
  });

  it('numbers the forms of each set', () => {
    expect(formFooter('control', '2025')).toBe('Mẫu số 06 – Thông tư số 03/2025/TT-VPCP');
    expect(formFooter('control', '2018')).toBe('Mẫu số 05 – Thông tư số 01/2018/TT-VPCP');
    expect(formFooter('ledger', '2018')).toBe('Mẫu số 06 – Thông tư số 01/2018/TT-VPCP');
    expect(formVersionFor('stop', '2018')).toBe('2025');
    expect(formFooter('stop', '2018')).toBe('Mẫu số 05 – Thông tư số 03/2025/TT-VPCP');
  });

  it('takes the slip number from the code and keeps file names ASCII', () => {
    expect(codeSequence('000.00.20.Z01-261120-0007')).toBe('7');
    expect(codeSequence('H15.50.05.13-261008-0975')).toBe('975');
    expect(fileName('giay-tiep-nhan', 'Đ01-261120-0001')).toBe('giay-tiep-nhan-D01-261120-0001.pdf');
  });
});
