import { applicantOf, formFooter, writeApplicant } from './common.js';
import type { DossierFormData } from './form-data.js';
import { componentFormLabel, deliveryLabel, placeDate, timeLimitText, vnDate, vnNumber, vnTimeOfDay } from './format.js';
import { deskBody, deskName, placeOf } from './issuer.js';
import { FormDoc } from './layout.js';

/** The per-day sequence at the end of the code ("…-261127-0007" → "7"), the slip's number at the desk. */
export function codeSequence(code: string): string {
  const tail = code.split('-').pop() ?? '';
  return /^\d+$/.test(tail) ? String(Number(tail)) : tail;
}

/**
 * Mẫu số 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Circular 01/2018 and 03/2025), A5, with a QR code to
 * the public lookup page of the dossier.
 */
export function renderReceipt(data: DossierFormData, lookupUrl: string): Promise<Buffer> {
  const { dossier: d, org } = data;
  const code = d.code!;
  const receivedAt = d.receivedAt ?? d.submittedAt;
  const f = new FormDoc('A5', `Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${code}`, formFooter('receipt', d.formVersion));
  f.header(deskBody(org, d.receivingAgencyId, d.formVersion, codeSequence(code)), placeDate(placeOf(org, d.receivingAgencyId), receivedAt));
  f.title('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');

  // the code on the left, the QR code on the right of it
  const qrSize = 58;
  const top = f.doc.y;
  f.qr(lookupUrl, qrSize, f.left + f.width - qrSize, top);
  f.doc.font('bold').fontSize(f.base + 0.5).text(`Mã hồ sơ: ${code}`, f.left, top + 6, { width: f.width - qrSize - 8 });
  f.doc.font('italic').fontSize(f.base - 1.5).text('(Liên: Lưu/Giao người nộp hồ sơ)', f.left, f.doc.y, { width: f.width - qrSize - 8 });
  f.doc.font('body').fontSize(f.base - 1.5).text('Quét mã QR để tra cứu tình trạng hồ sơ', f.left, f.doc.y + 2, { width: f.width - qrSize - 8 });
  f.doc.y = Math.max(f.doc.y, top + qrSize + 2);
  f.smallLine(`Tra cứu: ${lookupUrl}`, { align: 'right' });
  f.space(0.4);

  f.paragraph(`${deskName(org, d.receivingAgencyId, d.formVersion)} tiếp nhận hồ sơ:`);
  writeApplicant(f, 'Của', applicantOf(d));
  f.field('Nội dung yêu cầu giải quyết', `${d.procedureName} (mã thủ tục ${d.procedureCode})`);
  f.space(0.3);
  f.paragraph('1. Thành phần hồ sơ nộp gồm:');
  f.table(
    [
      { title: 'STT', width: 8, align: 'center' },
      { title: 'Tên giấy tờ', width: 50 },
      { title: 'Bản chính/bản sao', width: 22, align: 'center' },
      { title: 'Số lượng', width: 12, align: 'center' },
    ],
    data.components.map((c, i) => [String(i + 1), `${c.name}${c.reusedFromDossierId ? ' (dùng lại kết quả đã số hóa)' : ''}`, componentFormLabel(c.form), String(c.copies)]),
  );
  f.field('2. Số lượng hồ sơ', '01 (bộ)');
  f.field('3. Thời gian giải quyết hồ sơ theo quy định', data.procedure ? timeLimitText(data.procedure.timeLimit, data.procedure.timeUnit) : '');
  f.field('4. Thời gian nhận hồ sơ', vnTimeOfDay(receivedAt));
  f.field('5. Thời gian trả kết quả giải quyết hồ sơ', vnTimeOfDay(d.originalAppointmentAt ?? d.appointmentAt));
  f.field('6. Đăng ký nhận kết quả', deliveryLabel(d.deliveryMethod));
  if (d.feesDue > 0) f.field('7. Phí, lệ phí phải nộp', `${vnNumber(d.feesDue)} đồng`);
  f.paragraph(`Vào Sổ theo dõi hồ sơ, Quyển số: ${vnDate(receivedAt).slice(-4)}, Số thứ tự: ${codeSequence(code)}.`, { italic: true });
  f.signatures([
    { title: 'Người nộp hồ sơ', hint: '(Ký và ghi rõ họ tên)', name: d.applicantKind === 'person' ? d.applicantName : d.applicantRepresentative },
    { title: 'Người tiếp nhận hồ sơ', hint: '(Ký và ghi rõ họ tên)', name: d.receivedBy ? data.people.get(d.receivedBy)?.fullName : null },
  ]);
  return f.finish();
}
