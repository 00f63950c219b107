import { z } from 'zod';
import { text } from '../../platform/http/zod-text.js';
import { APPLICANT_KINDS, INTAKE_SLIP_KINDS, OUTCOMES } from './tables.js';


const digitsOnly = (s: string) => s.replace(/[\s.-]/g, '');

/** Số điện thoại Việt Nam: 0 or +84 followed by 9 digits (spaces, dots and dashes ignored). */
const Phone = z
  .string()
  .trim()
  .transform((s) => digitsOnly(s).replace(/^\+84/, '0'))
  .refine((s) => /^0\d{9}$/.test(s), 'Số điện thoại không hợp lệ (10 chữ số, bắt đầu bằng 0 hoặc +84)');

export const ApplicantInput = z
  .object({
    kind: z.enum(APPLICANT_KINDS).describe('person: cá nhân; business: doanh nghiệp, hộ kinh doanh; organization: tổ chức'),
    name: text(300, 'Nhập họ tên hoặc tên tổ chức'),
    representative: text(200).optional().describe('Người đại diện (doanh nghiệp, tổ chức)'),
    idNumber: z.string().trim().max(20, 'Tối đa 20 ký tự').describe('Số CCCD/định danh cá nhân (12 số) hoặc mã số thuế (10 hoặc 13 số)'),
    phone: Phone.describe('Số điện thoại liên hệ'),
    email: z.email('Thư điện tử không hợp lệ').max(200).optional(),
    address: text(500, 'Nhập địa chỉ'),
    verified: z.boolean().default(false).describe('Đã xác thực với VNeID / Cơ sở dữ liệu quốc gia về dân cư'),
  })
  .superRefine((a, ctx) => {
    const id = digitsOnly(a.idNumber);
    if (a.kind === 'person' && !/^(\d{9}|\d{12})$/.test(id)) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'Số CCCD phải có 12 chữ số (CMND cũ: 9 chữ số)' });
    }
    if (a.kind !== 'person' && !/^(\d{10}|\d{13})$/.test(id)) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'Mã số thuế phải có 10 hoặc 13 chữ số' });
    }
  })
  .transform((a) => ({ ...a, idNumber: digitsOnly(a.idNumber) }));
export type ApplicantInput = z.output<typeof ApplicantInput>;

export const ComponentInput = z.object({
  procedureComponentId: z.uuid().describe('Thành phần hồ sơ của thủ tục'),
  copies: z.number().int().min(1).max(100).optional().describe('Số lượng bản'),
  fileId: z.uuid().optional().describe('Tệp đã số hóa (tải lên trước qua API tệp)'),
  digitized: z.boolean().optional().describe('Đã số hóa khi tiếp nhận (mặc định: có tệp thì là có)'),
  reusedFromDossierId: z.uuid().optional().describe('Dùng lại kết quả số hóa của hồ sơ trước của cùng người nộp'),
  fromCitizenStore: z.boolean().default(false).describe('Lấy từ kho dữ liệu của công dân trên Cổng DVCQG'),
});
export type ComponentInput = z.output<typeof ComponentInput>;

const intakeFields = {
  procedureId: z.uuid().describe('Thủ tục hành chính'),
  applicant: ApplicantInput,
  handlingAgencyId: z.uuid().optional().describe('Cơ quan giải quyết: bắt buộc với thủ tục cấp xã (xã, phường, đặc khu được chọn)'),
  components: z.array(ComponentInput).max(100).default([]).describe('Thành phần hồ sơ đã nhận'),
};

export const ReceiveDossierRequest = z.object({
  decision: z.enum(['receive', 'guidance', 'refusal']).describe('receive: tiếp nhận; guidance: hướng dẫn bổ sung, hoàn thiện (mẫu 02); refusal: từ chối tiếp nhận (mẫu 03)'),
  channel: z.union([z.literal(1), z.literal(3)]).default(1).describe('1: trực tiếp; 3: bưu chính công ích'),
  deliveryMethod: z.enum(['counter', 'post']).optional().describe('Nhận kết quả tại quầy hoặc qua bưu chính (mặc định theo kênh nộp)'),
  counter: text(50).optional().describe('Quầy tiếp nhận'),
  items: z.array(text(500)).max(50).optional().describe('Hướng dẫn: giấy tờ cần bổ sung (mặc định: thành phần bắt buộc còn thiếu); từ chối: lý do'),
  note: text(2000).optional(),
  assigneeId: z.uuid().optional().describe('Người nhận ở bước xử lý đầu tiên (mặc định: để cơ quan phân công)'),
  ...intakeFields,
});
export type ReceiveDossierRequest = z.output<typeof ReceiveDossierRequest>;

export const SubmitOnlineDossierRequest = z.object({
  ...intakeFields,
  deliveryMethod: z.enum(['counter', 'post', 'online']).default('online').describe('Cách nhận kết quả'),
  note: text(2000).optional(),
});
export type SubmitOnlineDossierRequest = z.output<typeof SubmitOnlineDossierRequest>;

export const AcceptOnlineDossierRequest = z.object({
  counter: text(50).optional(),
  assigneeId: z.uuid().optional(),
  version: z.number().int().min(0).optional().describe('Phiên bản hồ sơ đã xem (chống ghi đè)'),
});
export const RefuseOnlineDossierRequest = z.object({
  reasons: z.array(text(500)).min(1, 'Nêu ít nhất một lý do từ chối').max(20),
  note: text(2000).optional(),
  version: z.number().int().min(0).optional(),
});

export const DossierSummary = z.object({
  id: z.uuid(),
  code: z.string().nullable().describe('Mã số hồ sơ'),
  status: z.number().int().describe('Trạng thái theo Cổng DVCQG (1–10)'),
  receivedAt: z.iso.datetime({ offset: true }).nullable(),
  clockStartAt: z.iso.datetime({ offset: true }).nullable().describe('Thời điểm bắt đầu tính thời gian (sau 15:00 là đầu ngày làm việc tiếp theo)'),
  appointmentAt: z.iso.datetime({ offset: true }).nullable().describe('Ngày hẹn trả kết quả'),
  receiveDueAt: z.iso.datetime({ offset: true }).nullable().describe('Hạn tiếp nhận hồ sơ trực tuyến (8 giờ làm việc)'),
  lateToReceive: z.boolean().describe('Hồ sơ trực tuyến quá 8 giờ làm việc chưa được tiếp nhận'),
  feesDue: z.number().int().describe('Phí, lệ phí phải nộp (đồng)'),
  formVersion: z.enum(['2018', '2025']),
});

export const SlipRef = z.object({ id: z.uuid(), kind: z.enum(INTAKE_SLIP_KINDS) });

export const ReceiveDossierResponse = z.object({
  outcome: z.enum(['received', 'guidance', 'refusal']),
  dossier: DossierSummary.optional(),
  slip: SlipRef.optional(),
});

export const IntakeSlipResponse = z.object({
  id: z.uuid(),
  kind: z.enum(INTAKE_SLIP_KINDS),
  procedure: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  receivingAgency: z.object({ id: z.uuid(), name: z.string() }),
  dossierId: z.uuid().nullable(),
  dossierCode: z.string().nullable(),
  applicant: z.object({ kind: z.enum(APPLICANT_KINDS), name: z.string(), idNumber: z.string().optional(), phone: z.string().optional(), email: z.string().optional(), address: z.string().optional() }),
  items: z.array(z.string()),
  note: z.string().nullable(),
  issuedBy: z.object({ id: z.uuid(), name: z.string() }),
  issuedAt: z.iso.datetime({ offset: true }),
});

export const ReusableResultsQuery = z.object({
  idNumber: z.string().trim().min(1, 'Nhập số định danh hoặc mã số thuế').max(20).transform(digitsOnly),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export const ReusableResult = z.object({
  dossierId: z.uuid(),
  code: z.string().nullable(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  resultSummary: z.string().nullable(),
  resultFileId: z.uuid().nullable(),
  resultElectronic: z.boolean(),
  endedAt: z.iso.datetime({ offset: true }).nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
});
export const ReusableResultsResponse = z.object({ items: z.array(ReusableResult), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const IdParams = z.object({ id: z.uuid() });
