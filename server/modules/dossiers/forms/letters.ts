import { addressee, placeDate, vnDate, vnTimeOfDay } from './format.js';
import { applicantOf, formFooter } from './common.js';
import type { DossierFormData, EventRow, ExtensionRow } from './form-data.js';
import { agencyBody, agencyName, placeOf } from './issuer.js';
import { FormDoc } from './layout.js';

/**
 * Mẫu số 04: the apology of the agency at fault. Circular 03/2025 makes it a letter that asks to extend the time
 * (Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết); Circular 01/2018 a slip that sets a new date
 * (Phiếu xin lỗi và hẹn lại ngày trả kết quả). A5 both.
 */
export function renderExtensionLetter(data: DossierFormData, ext: ExtensionRow): Promise<Buffer> {
  const { dossier: d, org } = data;
  const v2025 = d.formVersion === '2025';
  const agency = agencyName(org, ext.faultAgencyId);
  const who = addressee(d.applicantKind);
  const title = v2025 ? 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT' : 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ';
  const f = new FormDoc('A5', title, formFooter('extension', d.formVersion));
  f.header(agencyBody(org, ext.faultAgencyId, v2025 ? 'CV' : 'PXL'), placeDate(placeOf(org, ext.faultAgencyId), ext.issuedAt));
  f.title(title);
  f.centerLine(`Kính gửi: ${who} ${d.applicantName}`);
  f.space(0.5);
  f.paragraph(
    `${agency} tiếp nhận hồ sơ của ${who} ${d.applicantName}, mã hồ sơ ${d.code ?? ''}, nội dung yêu cầu giải quyết: ${d.procedureName}. Thời gian hẹn trả kết quả giải quyết hồ sơ: ${vnTimeOfDay(ext.previousAppointmentAt)}.`,
    { indent: 20 },
  );
  f.paragraph(`Tuy nhiên, đến nay ${agency} chưa trả kết quả giải quyết hồ sơ của ${who} đúng hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.`, { indent: 20 });
  f.field('Lý do', ext.reason);
  if (v2025) {
    f.paragraph(
      `Sự chậm trễ này đã gây phiền hà cho ${who}. ${agency} thành thật xin lỗi ${who} và đề nghị ${who} đồng ý gia hạn thời gian giải quyết hồ sơ; thời gian trả kết quả giải quyết hồ sơ sau khi gia hạn: ${vnTimeOfDay(ext.newAppointmentAt)}.`,
      { indent: 20 },
    );
  } else {
    f.paragraph(`Sự chậm trễ này đã gây phiền hà cho ${who}. ${agency} xin lỗi ${who} và sẽ trả kết quả giải quyết hồ sơ cho ${who} vào ${vnTimeOfDay(ext.newAppointmentAt)}.`, { indent: 20 });
  }
  f.paragraph(`Xin trân trọng cảm ơn sự hợp tác của ${who}./.`, { indent: 20 });
  f.signatures([{ title: 'Thủ trưởng cơ quan', hint: '(Ký, ghi rõ họ tên và đóng dấu)', name: data.people.get(ext.issuedBy)?.fullName }]);
  return f.finish();
}

/** Mẫu số 05 of Circular 03/2025, Thông báo dừng giải quyết hồ sơ, A5: issued by the handling agency. */
export function renderStopNotice(data: DossierFormData, stopped: EventRow): Promise<Buffer> {
  const { dossier: d, org } = data;
  const who = addressee(d.applicantKind);
  const agency = agencyName(org, d.handlingAgencyId);
  const f = new FormDoc('A5', 'Thông báo dừng giải quyết hồ sơ', formFooter('stop', d.formVersion));
  f.header(agencyBody(org, d.handlingAgencyId, 'TB'), placeDate(placeOf(org, d.handlingAgencyId), stopped.at));
  f.title('THÔNG BÁO', 'Về việc dừng giải quyết hồ sơ');
  f.centerLine(`Kính gửi: ${who} ${d.applicantName}`);
  f.space(0.5);
  const applicant = applicantOf(d);
  f.paragraph(
    `${agency} đã tiếp nhận hồ sơ của ${who} ${d.applicantName} (địa chỉ: ${applicant.address ?? ''}), mã hồ sơ ${d.code ?? ''}, ngày ${d.receivedAt ? vnDate(d.receivedAt) : ''}, nội dung yêu cầu giải quyết: ${d.procedureName}.`,
    { indent: 20 },
  );
  f.paragraph(`Nay ${agency} thông báo dừng giải quyết hồ sơ nêu trên kể từ ${vnTimeOfDay(stopped.at)}.`, { indent: 20 });
  f.field('Lý do', stopped.note ?? d.closingReason ?? '');
  f.paragraph(`${agency} thông báo để ${who} được biết./.`, { indent: 20 });
  f.signatures([{ title: 'Thủ trưởng cơ quan', hint: '(Ký, ghi rõ họ tên và đóng dấu)', name: stopped.actorName }]);
  f.recipients([`${who} ${d.applicantName}`, 'Bộ phận Một cửa nơi tiếp nhận hồ sơ', 'Lưu: VT']);
  return f.finish();
}
