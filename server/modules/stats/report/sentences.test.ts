import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/http/errors.js';
import { assertReportFigures, reportBody, reportSentences } from './body.js';
import { articleFigures, emptyFigures } from './fixture.js';
import { draftPlaceDate, vnCount, vnDecimal, vnPercent, vnPoints } from './format.js';
import { issuingBodyLines, numberLine, reportSubject } from './layout.js';
import { shortcomingParagraphs } from './sentences.js';

const BAD = /NaN|undefined|null|Infinity|\[object/;

describe('Vietnamese number format', () => {
  it('groups thousands with dots and writes decimals after a comma', () => {
    expect(vnCount(12_996)).toBe('12.996');
    expect(vnCount(1_234_567)).toBe('1.234.567');
    expect(vnCount(999)).toBe('999');
    expect(vnDecimal(-1234.5, 2)).toBe('-1.234,50');
    expect(vnDecimal(52 / 56, 2)).toBe('0,93');
    expect(vnPoints(82.08)).toBe('82,08');
    expect(vnPoints(16)).toBe('16,00');
  });

  it('rounds rates to a percentage with at most two decimals, never 100% for less than all', () => {
    expect(vnPercent(1)).toBe('100%');
    expect(vnPercent(0.9852)).toBe('98,52%');
    expect(vnPercent(0.985)).toBe('98,5%');
    expect(vnPercent(0)).toBe('0%');
    expect(vnPercent(0.99996)).toBe('99,99%');
  });

  it('says "chưa có số liệu" for a missing or broken figure', () => {
    expect(vnCount(Number.NaN)).toBe('chưa có số liệu');
    expect(vnCount(null)).toBe('chưa có số liệu');
    expect(vnPercent(null)).toBeNull();
    expect(vnPercent(Number.POSITIVE_INFINITY)).toBeNull();
    expect(vnPoints(undefined)).toBeNull();
  });
});

describe('the header of Decree 30', () => {
  it('shortens the parent to UBND and prints the committee office as "VĂN PHÒNG"', () => {
    expect(issuingBodyLines(articleFigures())).toEqual({ parent: 'UBND TỈNH AN GIANG', body: 'VĂN PHÒNG' });
    expect(issuingBodyLines({ ...articleFigures(), officeName: 'Sở Tài chính' }).body).toBe('SỞ TÀI CHÍNH');
  });

  it('leaves the number, day and month blank and takes the year in Việt Nam time', () => {
    expect(numberLine(articleFigures())).toBe('Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND');
    expect(numberLine({ ...articleFigures(), codeNotation: 'BC-VPUBND' })).toMatch(/\/BC-VPUBND$/);
    // 18:00 UTC on 31/12 is already 1 January in Việt Nam
    expect(draftPlaceDate('An Giang', '2025-12-31T18:00:00Z')).toMatch(/^An Giang, ngày\s+tháng\s+năm 2026$/);
    expect(reportSubject(articleFigures())).toBe('Sơ kết kết quả công tác từ ngày 01/7/2025 đến ngày 31/8/2025');
    expect(reportSubject({ ...articleFigures(), kind: 'tong-ket', period: { from: '2025-01-01', to: '2025-12-31', label: 'năm 2025' } })).toBe(
      'Tổng kết kết quả công tác năm 2025',
    );
  });
});

describe('reportSentences', () => {
  const text = reportSentences(articleFigures()).join('\n');

  it("writes out the article's figures", () => {
    expect(text).toContain('Trong kỳ, Văn phòng đã tiếp nhận 12.996 văn bản đến, phát hành 4.397 văn bản đi; 100% văn bản được xử lý trên môi trường điện tử và ký số.');
    expect(text).toContain('phục vụ 52 cuộc họp, hội nghị (bình quân 0,93 cuộc/ngày làm việc) và 6 đoàn công tác');
    expect(text).toContain('Tổ chức 68 cuộc họp trực tuyến kết nối với 102 xã, phường, đặc khu.');
    expect(text).toContain('Công bố 2.175 thủ tục hành chính (cấp tỉnh 1.854, cấp xã 321).');
    expect(text).toContain('Chỉ số phục vụ người dân, doanh nghiệp đạt 82,08 điểm (xếp loại Khá), xếp thứ 16/34');
    expect(text).toContain('Theo loại cuộc họp: Phiên họp Ủy ban nhân dân tỉnh 3; Hội nghị 15; Họp làm việc 34.');
  });

  it('computes the derived rates once, by hand', () => {
    // tasks on time: 310 ÷ (310 + 25 + 12) = 0,893371… → 89,34%
    expect(text).toContain('đã hoàn thành 335 nhiệm vụ (310 đúng hạn, 25 trễ hạn), 73 nhiệm vụ đang thực hiện, 12 nhiệm vụ quá hạn chưa hoàn thành. Tỷ lệ hoàn thành đúng hạn đạt 89,34%.');
    // online dossiers: 18.032 ÷ 45.210 = 0,398849… → 39,88%
    expect(text).toContain('Tiếp nhận 45.210 hồ sơ, trong đó 18.032 hồ sơ trực tuyến (chiếm 39,88%); đã giải quyết 43.870 hồ sơ, tỷ lệ giải quyết trước hạn, đúng hạn đạt 98,52%; còn 137 hồ sơ quá hạn chưa giải quyết.');
  });

  it('lists as shortcomings only what the figures show, the index groups by points missing', () => {
    const lines = shortcomingParagraphs(articleFigures());
    expect(lines).toContain('- Còn 12 nhiệm vụ quá hạn chưa hoàn thành, nhiều nhất tại: Sở Xây dựng (5), Sở Tài chính (4), Sở Nông nghiệp và Môi trường (3).');
    expect(lines).toContain('- Còn 137 hồ sơ thủ tục hành chính quá hạn chưa giải quyết.');
    expect(lines.join('\n')).toContain('thấp nhất tại: Sở Xây dựng (94,21%), Sở Nông nghiệp và Môi trường (96,55%), Sở Tài chính (97,12%)');
    // missing points: online services 12 − 7,4 = 4,6; digitization 22 − 17,88 = 4,12; payment 10 − 6,1 = 3,9
    expect(lines.join('\n')).toContain(
      'Dịch vụ công trực tuyến (đạt 7,40/12 điểm, còn thiếu 4,60 điểm); Số hóa hồ sơ (đạt 17,88/22 điểm, còn thiếu 4,12 điểm); Thanh toán trực tuyến (đạt 6,10/10 điểm, còn thiếu 3,90 điểm)',
    );
    // every document was handled electronically: nothing said about it
    expect(lines.join('\n')).not.toContain('môi trường điện tử');
  });

  it('says nothing false and nothing broken when everything is zero or missing', () => {
    const sentences = reportSentences(emptyFigures());
    const all = sentences.join('\n');
    expect(all).not.toMatch(BAD);
    expect(all).toContain('Trong kỳ, hệ thống chưa ghi nhận văn bản đến, văn bản đi nào.');
    expect(all).toContain('Trong kỳ, hệ thống chưa ghi nhận cuộc họp, hội nghị nào.');
    expect(all).toContain('Chỉ số phục vụ người dân, doanh nghiệp (Quyết định số 766/QĐ-TTg) trong kỳ chưa có số liệu.');
    expect(all).toContain('Chưa có số liệu theo cơ quan, đơn vị trong kỳ.');
    expect(all).toContain('chưa ghi nhận tồn tại, hạn chế');
    expect(all).not.toContain('ngày làm việc.)');
    expect(reportBody(emptyFigures()).some((b) => b.kind === 'chart' || b.kind === 'table')).toBe(false);
  });

  it('fills a missing rate, grade or rank with "chưa có số liệu" or leaves it out', () => {
    const f = articleFigures();
    f.documents = { incoming: 10, outgoing: 4, electronicRate: 0.9875, signedRate: null };
    f.meetings.perWorkingDay = null;
    f.dossiers.onTimeRate = null;
    f.serviceIndex = { total: 70.5, grade: null, rank: null, rankOf: 34, groups: [{ name: 'Số hóa hồ sơ', points: null, max: 22 }] };
    f.agencies[0]!.dossiersOnTimeRate = null;
    const all = reportSentences(f).join('\n');
    expect(all).not.toMatch(BAD);
    expect(all).toContain('98,75% văn bản được xử lý trên môi trường điện tử, tỷ lệ văn bản đi được ký số chưa có số liệu.');
    expect(all).toContain('phục vụ 52 cuộc họp, hội nghị và 6 đoàn công tác');
    expect(all).toContain('tỷ lệ giải quyết đúng hạn chưa có số liệu');
    expect(all).toContain('Chỉ số phục vụ người dân, doanh nghiệp đạt 70,50 điểm.');
    expect(all).toContain('Số hóa hồ sơ chưa có số liệu/22 điểm');
    expect(all).toContain('- Còn 1,25% văn bản chưa được xử lý trên môi trường điện tử.');
    const table = reportBody(f).find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows[0]![7]).toBe('—');
    expect(table?.kind === 'table' && table.note).toContain('chưa có số liệu');
  });

  it('refuses a period that ends before it starts or a broken timestamp', () => {
    const backwards = { ...articleFigures(), period: { from: '2025-09-01', to: '2025-08-31', label: 'x' } };
    expect(() => assertReportFigures(backwards)).toThrow(DomainError);
    expect(() => reportSentences({ ...articleFigures(), period: { from: '2025-02-30', to: '2025-03-01', label: 'x' } })).toThrow(/Kỳ báo cáo không hợp lệ/);
    expect(() => reportSentences({ ...articleFigures(), generatedAt: 'hôm qua' })).toThrow(/Thời điểm tổng hợp/);
  });
});
