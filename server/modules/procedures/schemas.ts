import { z } from 'zod';
import { text } from '../../platform/http/zod-text.js';
import { COMPONENT_FORMS, IMPORT_STATES, ONLINE_SERVICE_KINDS, PROCEDURE_LEVELS, PROCEDURE_SUBJECTS, STEP_ROLES, TIME_UNITS } from './tables.js';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
const longText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Tối đa ${max} ký tự`)
    .transform((s) => s.normalize('NFC'));

/** Up to 2 decimals (0,5 ngày = 4 giờ), as the numeric(8,2) columns keep them. */
const twoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

export const ProcedureParams = z.object({ id: z.uuid() });
export const ImportParams = z.object({ id: z.uuid() });
export const PublicListParams = z.object({ tenantCode: z.string().min(1).max(60) });
export const PublicProcedureParams = z.object({ tenantCode: z.string().min(1).max(60), id: z.uuid() });
export const PublicTemplateParams = z.object({ tenantCode: z.string().min(1).max(60), id: z.uuid(), componentId: z.uuid() });

export const FeeInput = z.object({
  kind: z.enum(['fee', 'charge']).describe('fee: phí; charge: lệ phí'),
  name: text(300, 'Nhập tên khoản phí, lệ phí'),
  amount: z.number().int('Mức thu là số nguyên đồng').min(0, 'Mức thu không được âm').max(1_000_000_000_000).describe('Mức thu, đồng (0 = miễn)'),
  note: longText(500).optional(),
});

export const ComponentInput = z.object({
  name: text(1000, 'Nhập tên thành phần hồ sơ'),
  form: z.enum(COMPONENT_FORMS).default('original').describe('original: bản chính; copy: bản sao; certified_copy: bản sao chứng thực; original_or_copy: bản chính hoặc bản sao'),
  copies: z.number().int('Số lượng là số nguyên').min(1, 'Số lượng ít nhất 1').max(100),
  required: z.boolean().default(true),
  templateFileId: z.uuid().nullable().optional().describe('Mẫu đơn, tờ khai: id của tệp đã tải lên bằng POST /api/files'),
  templateName: longText(300).nullable().optional().describe('Tên mẫu đơn, tờ khai (ví dụ "Tờ khai đăng ký khai sinh")'),
});

export const StepInput = z.object({
  name: text(500, 'Nhập tên bước'),
  role: z.enum(STEP_ROLES).describe('reception: tiếp nhận; assignment: phân công; handling: thẩm định, xử lý; review: xem xét; approval: phê duyệt, ký; issuance: phát hành; return: trả kết quả'),
  budgetHours: z
    .number()
    .min(0, 'Thời gian của bước không được âm')
    .max(99_999)
    .refine(twoDecimals, 'Thời gian của bước tối đa 2 chữ số thập phân')
    .describe('Thời gian của bước, giờ làm việc (8 giờ = 1 ngày)'),
  notCounted: z.boolean().default(false).describe('Không tính thời gian (bước trả kết quả)'),
});

const fields = {
  code: z
    .string()
    .trim()
    .min(1, 'Nhập mã thủ tục')
    .max(40)
    .describe('Mã thủ tục trong Cơ sở dữ liệu quốc gia, ví dụ 1.012994 hoặc 2.001218.000.00.00.H38'),
  name: text(1000, 'Nhập tên thủ tục'),
  field: text(200, 'Nhập lĩnh vực'),
  level: z.enum(PROCEDURE_LEVELS).describe('province: cấp tỉnh; commune: cấp xã'),
  competentAgencyId: z.uuid().nullable().describe('Cơ quan có thẩm quyền (sở, ngành của tỉnh); để trống với thủ tục cấp xã'),
  competentAgencyName: longText(500).optional().describe('Cơ quan thực hiện như công bố; mặc định tên cơ quan có thẩm quyền, cấp xã là "Ủy ban nhân dân cấp xã"'),
  receivingAgencyName: longText(500).optional().describe('Nơi tiếp nhận như công bố; mặc định Trung tâm Phục vụ hành chính công'),
  timeLimit: z.number().positive('Thời hạn giải quyết phải lớn hơn 0').max(99_999).refine(twoDecimals, 'Thời hạn tối đa 2 chữ số thập phân').describe('Thời hạn giải quyết, theo đơn vị timeUnit'),
  timeUnit: z.enum(TIME_UNITS).describe('working_days: ngày làm việc; working_hours: giờ làm việc; days: ngày; months: tháng'),
  sequence: longText(20_000).default(''),
  method: longText(5_000).default(''),
  subjects: z.array(z.enum(PROCEDURE_SUBJECTS)).min(1, 'Chọn ít nhất một đối tượng thực hiện').max(3).default(['citizen']),
  fees: z.array(FeeInput).max(30).default([]),
  result: text(1000, 'Nhập kết quả thực hiện'),
  resultPaper: z.boolean().default(true),
  resultElectronic: z.boolean().default(false),
  legalBasis: longText(20_000).default(''),
  legalEffectiveDate: DateOnly.nullable().default(null),
  requirements: longText(20_000).default(''),
  onlineService: z.enum(ONLINE_SERVICE_KINDS).default('none').describe('full: toàn trình; partial: một phần; none: không'),
  publicationDecision: longText(200).nullable().default(null).describe('Số quyết định công bố'),
  publicationDecisionDate: DateOnly.nullable().default(null),
  publishedOn: DateOnly.nullable().default(null).describe('Ngày công khai trên cổng'),
  active: z.boolean().default(true),
  components: z.array(ComponentInput).max(60).default([]),
  steps: z.array(StepInput).min(2, 'Quy trình nội bộ cần ít nhất bước tiếp nhận và bước trả kết quả').max(30),
};

export const CreateProcedureRequest = z.object(fields);
export const UpdateProcedureRequest = z
  .object({
    code: fields.code,
    name: fields.name,
    field: fields.field,
    level: fields.level,
    competentAgencyId: fields.competentAgencyId,
    competentAgencyName: fields.competentAgencyName,
    receivingAgencyName: fields.receivingAgencyName,
    timeLimit: fields.timeLimit,
    timeUnit: fields.timeUnit,
    sequence: longText(20_000),
    method: longText(5_000),
    subjects: z.array(z.enum(PROCEDURE_SUBJECTS)).min(1).max(3),
    fees: z.array(FeeInput).max(30),
    result: fields.result,
    resultPaper: z.boolean(),
    resultElectronic: z.boolean(),
    legalBasis: longText(20_000),
    legalEffectiveDate: DateOnly.nullable(),
    requirements: longText(20_000),
    onlineService: z.enum(ONLINE_SERVICE_KINDS),
    publicationDecision: longText(200).nullable(),
    publicationDecisionDate: DateOnly.nullable(),
    publishedOn: DateOnly.nullable(),
    active: z.boolean(),
    components: z.array(ComponentInput).max(60).describe('Thay toàn bộ danh sách thành phần hồ sơ'),
    steps: fields.steps.describe('Thay toàn bộ quy trình nội bộ'),
  })
  .partial();

export const ListProceduresQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Tìm theo mã, tên, lĩnh vực (không phân biệt dấu)'),
  level: z.enum(PROCEDURE_LEVELS).optional(),
  field: z.string().trim().max(200).optional(),
  agencyId: z.uuid().optional().describe('Cơ quan có thẩm quyền'),
  onlineService: z.enum(ONLINE_SERVICE_KINDS).optional(),
  active: z.enum(['true', 'false', 'all']).default('true').describe('Mặc định chỉ thủ tục đang áp dụng'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const PublicListQuery = ListProceduresQuery.omit({ active: true });

export const FeeResponse = z.object({ kind: z.enum(['fee', 'charge']), name: z.string(), amount: z.number().int(), note: z.string().optional() });
export const ComponentResponse = z.object({
  id: z.uuid(),
  position: z.number().int(),
  name: z.string(),
  form: z.enum(COMPONENT_FORMS),
  copies: z.number().int(),
  required: z.boolean(),
  templateFileId: z.uuid().nullable(),
  templateName: z.string().nullable(),
});
export const StepResponse = z.object({ id: z.uuid(), position: z.number().int(), name: z.string(), role: z.enum(STEP_ROLES), budgetHours: z.number(), notCounted: z.boolean() });

export const ProcedureSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  field: z.string(),
  level: z.enum(PROCEDURE_LEVELS),
  competentAgencyId: z.uuid().nullable(),
  competentAgencyName: z.string(),
  timeLimit: z.number(),
  timeUnit: z.enum(TIME_UNITS),
  onlineService: z.enum(ONLINE_SERVICE_KINDS),
  feeTotal: z.number().int().describe('Tổng mức thu phí, lệ phí (đồng) khi có'),
  active: z.boolean(),
  publishedOn: z.string().nullable(),
});
export const ProcedureListResponse = z.object({ items: z.array(ProcedureSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const ProcedureResponse = ProcedureSummary.extend({
  receivingAgencyName: z.string(),
  sequence: z.string(),
  method: z.string(),
  subjects: z.array(z.enum(PROCEDURE_SUBJECTS)),
  fees: z.array(FeeResponse),
  result: z.string(),
  resultPaper: z.boolean(),
  resultElectronic: z.boolean(),
  legalBasis: z.string(),
  legalEffectiveDate: z.string().nullable(),
  requirements: z.string(),
  publicationDecision: z.string().nullable(),
  publicationDecisionDate: z.string().nullable(),
  components: z.array(ComponentResponse),
  steps: z.array(StepResponse),
  countedHours: z.number().describe('Tổng thời gian các bước được tính, giờ làm việc'),
  limitHours: z.number().nullable().describe('Thời hạn quy ra giờ làm việc (null với đơn vị ngày, tháng theo lịch)'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const FieldsResponse = z.object({ items: z.array(z.object({ field: z.string(), count: z.number().int() })) });

export const ImportAccepted = z.object({ importId: z.uuid() });
export const ImportResponse = z.object({
  id: z.uuid(),
  fileName: z.string(),
  state: z.enum(IMPORT_STATES),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.array(z.object({ row: z.number().int(), code: z.string().optional(), reason: z.string() })),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export const ExportQuery = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  active: z.enum(['true', 'false', 'all']).default('all'),
});

// the public catalog: what anyone may read, without internal steps or ids of people
export const PublicProcedureSummary = ProcedureSummary.omit({ active: true });
export const PublicListResponse = z.object({
  tenantName: z.string(),
  items: z.array(PublicProcedureSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  fields: z.array(z.string()).describe('Các lĩnh vực có thủ tục đang áp dụng'),
  agencies: z.array(z.object({ id: z.uuid(), name: z.string() })).describe('Các cơ quan có thủ tục cấp tỉnh'),
});
export const PublicProcedureResponse = ProcedureResponse.omit({ steps: true, countedHours: true, limitHours: true, active: true, createdAt: true, updatedAt: true }).extend({ tenantName: z.string() });

export type CreateProcedureInput = z.output<typeof CreateProcedureRequest>;
export type UpdateProcedureInput = z.output<typeof UpdateProcedureRequest>;
export type ListProceduresFilter = z.output<typeof ListProceduresQuery>;
