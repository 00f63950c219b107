import type { FormVersion } from '../tables.js';
import { type ApplicantInfo, formFooter, writeApplicant } from './common.js';
import type { OrgDirectory } from './form-data.js';
import { placeDate } from './format.js';
import { deskBody, deskName, placeOf } from './issuer.js';
import { FormDoc } from './layout.js';

/** What the supplement slip and the refusal slip print, whether a dossier exists (processing) or not (intake). */
export interface SlipInput {
  org: OrgDirectory;
  version: FormVersion;
  /** the one-stop desk that gives the slip */
  deskAgencyId: string | null;
  at: Date;
  applicant: ApplicantInfo;
  procedureName: string;
  procedureCode: string | null;
  /** the dossier's code, when it has one */
  code: string | null;
  /** the agency that asks (a supplement asked during processing) */
  requestingAgency?: string | null;
  items: string[];
  reason: string | null;
  officer: { name: string; phone: string | null } | null;
}

const request = (s: SlipInput) => `${s.procedureName}${s.procedureCode ? ` (mã thủ tục ${s.procedureCode})` : ''}`;

/** Mẫu số 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, A5. */
export function renderSupplementSlip(s: SlipInput): Promise<Buffer> {
  const f = new FormDoc('A5', 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', formFooter('supplement', s.version));
  f.header(deskBody(s.org, s.deskAgencyId, s.version, null), placeDate(placeOf(s.org, s.deskAgencyId), s.at));
  f.title('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
  if (s.code) f.centerLine(`Mã hồ sơ: ${s.code}`, 'bold');
  f.space(0.4);
  writeApplicant(f, 'Hồ sơ của', s.applicant);
  f.field('Nội dung yêu cầu giải quyết', request(s));
  if (s.requestingAgency) f.field('Cơ quan giải quyết hồ sơ', s.requestingAgency);
  f.space(0.3);
  f.paragraph('Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:');
  f.list(s.items);
  if (s.reason) f.field('Lý do', s.reason);
  f.space(0.3);
  const contact = s.officer ? `${s.officer.name}${s.officer.phone ? `, số điện thoại ${s.officer.phone}` : ''}` : deskName(s.org, s.deskAgencyId, s.version);
  f.paragraph(`Trong quá trình bổ sung, hoàn thiện hồ sơ nếu có vướng mắc, ${s.applicant.kind === 'person' ? 'Ông/Bà' : 'tổ chức'} liên hệ ${contact} để được hướng dẫn.`);
  f.signatures([{ title: 'Người hướng dẫn', hint: '(Ký và ghi rõ họ tên)', name: s.officer?.name }]);
  return f.finish();
}

/** Mẫu số 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ, A5. */
export function renderRefusalSlip(s: SlipInput): Promise<Buffer> {
  const f = new FormDoc('A5', 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', formFooter('refusal', s.version));
  f.header(deskBody(s.org, s.deskAgencyId, s.version, null), placeDate(placeOf(s.org, s.deskAgencyId), s.at));
  f.title('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
  if (s.code) f.centerLine(`Mã hồ sơ: ${s.code}`, 'bold');
  f.space(0.4);
  f.paragraph(`${deskName(s.org, s.deskAgencyId, s.version)} tiếp nhận hồ sơ:`);
  writeApplicant(f, 'Của', s.applicant);
  f.field('Nội dung yêu cầu giải quyết', request(s));
  f.space(0.3);
  const who = s.applicant.kind === 'person' ? 'Ông/Bà' : 'tổ chức';
  f.paragraph(`Theo quy định, hồ sơ của ${who} không đủ điều kiện để tiếp nhận giải quyết với lý do cụ thể như sau:`);
  f.list(s.items);
  if (s.reason) f.paragraph(s.reason, { italic: true });
  f.paragraph(`Xin thông báo để ${who} được biết và thực hiện./.`);
  f.signatures([{ title: 'Người tiếp nhận hồ sơ', hint: '(Ký và ghi rõ họ tên)', name: s.officer?.name }]);
  return f.finish();
}
