import { z } from 'zod';
import { DOSSIER_STATUSES } from './tables.js';
import { TIMELINE_KINDS } from './lookup.js';
import { RATING_CRITERIA } from './rating.js';

export const TenantParams = z.object({ tenantCode: z.string().min(1).max(64).describe('Mã tỉnh, thành phố (ví dụ an-giang)') });

const code = z.string().trim().min(3, 'Nhập mã hồ sơ').max(80).describe('Mã hồ sơ trên giấy tiếp nhận (hoặc mã tham chiếu khi nộp trực tuyến)');
const contact = z.string().trim().min(6, 'Nhập số điện thoại hoặc số giấy tờ của người nộp').max(40).describe('Số điện thoại hoặc số CCCD/mã số thuế của người nộp hồ sơ');

export const LookupQuery = z.object({ code, contact });

const instant = z.iso.datetime();

export const LookupResponse = z.object({
  tenantName: z.string(),
  reference: z.uuid().describe('Mã tham chiếu của hồ sơ'),
  code: z.string().nullable().describe('Mã hồ sơ; chưa có khi hồ sơ trực tuyến chưa được tiếp nhận'),
  status: z.number().int().refine((s) => (DOSSIER_STATUSES as readonly number[]).includes(s)).describe('Trạng thái theo danh mục quốc gia 1–10'),
  statusLabel: z.string(),
  channel: z.number().int().describe('1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích'),
  procedure: z.object({ code: z.string(), name: z.string() }),
  applicantName: z.string(),
  receivingAgencyName: z.string().nullable(),
  handlingAgencyName: z.string().nullable(),
  submittedAt: instant,
  receivedAt: instant.nullable(),
  appointmentAt: instant.nullable().describe('Ngày hẹn trả kết quả (đã tính gia hạn, nếu có)'),
  originalAppointmentAt: instant.nullable().describe('Ngày hẹn ban đầu khi đã được gia hạn'),
  processedAt: instant.nullable(),
  returnedAt: instant.nullable(),
  closingReason: z.string().nullable().describe('Lý do không tiếp nhận hoặc dừng xử lý'),
  feesDue: z.number().int().describe('Phí, lệ phí phải nộp, đồng'),
  feesPaid: z.number().int(),
  timeline: z.array(
    z.object({
      at: instant,
      kind: z.enum(TIMELINE_KINDS),
      agencyName: z.string().nullable(),
      items: z.array(z.string()).describe('Nội dung cần bổ sung'),
      newAppointmentAt: instant.nullable(),
    }),
  ),
  canRate: z.boolean().describe('Có thể đánh giá mức độ hài lòng (đã có kết quả, chưa đánh giá)'),
  rating: z.object({ satisfied: z.boolean(), ratedAt: instant }).nullable(),
});

const score = z.number().int().min(1, 'Điểm từ 1 đến 5').max(5, 'Điểm từ 1 đến 5');

export const RateRequest = z.object({
  code,
  contact,
  satisfied: z.boolean().describe('Hài lòng (true) hoặc không hài lòng (false)'),
  criteria: z
    .strictObject(Object.fromEntries(RATING_CRITERIA.map((c) => [c, score.optional()])) as Record<(typeof RATING_CRITERIA)[number], z.ZodOptional<typeof score>>)
    .default({})
    .describe(`Điểm 1–5 theo từng tiêu chí: ${RATING_CRITERIA.join(', ')}`),
  comment: z.string().max(2000).optional(),
});

export const RateResponse = z.object({
  code: z.string().nullable(),
  satisfied: z.boolean(),
  criteria: z.record(z.string(), z.number().int()),
  comment: z.string().nullable(),
  ratedAt: instant,
});

export const RatingCriteriaResponse = z.array(z.object({ key: z.enum(RATING_CRITERIA), label: z.string() }));

export const OnlineSubmissionResponse = z.object({
  reference: z.uuid().describe('Mã tham chiếu người nộp giữ lại để tra cứu; mã hồ sơ được cấp khi tiếp nhận'),
  status: z.number().int(),
  statusLabel: z.string(),
  procedureName: z.string(),
  submittedAt: instant,
  receiveDueAt: instant.nullable().describe('Hạn cơ quan tiếp nhận hoặc phản hồi (8 giờ làm việc)'),
});

export const PublicAgenciesResponse = z.object({
  tenantName: z.string(),
  items: z.array(z.object({ id: z.uuid(), name: z.string(), type: z.string().describe('department, service_center, commune_committee, ward_committee, special_zone_committee') })),
});
