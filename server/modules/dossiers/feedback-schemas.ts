import { z } from 'zod';
import { FEEDBACK_KINDS, FEEDBACK_STATES } from './tables.js';

const instant = z.iso.datetime();
const phone = z.string().trim().regex(/^\+?[\d\s.-]{9,15}$/, 'Số điện thoại không hợp lệ').describe('Số điện thoại của người gửi');
const feedbackCode = z.string().trim().min(6).max(40).describe('Mã phản ánh, kiến nghị (PAKN-YYMMDD-XXXX)');
const TIMED_ACTIONS = ['refuse', 'request_info', 'resolve', 'publish'] as const;

export const SubmitFeedbackRequest = z.object({
  kind: z.enum(FEEDBACK_KINDS).describe('regulation: về quy định hành chính · procedure: về thủ tục, hồ sơ · officer: về hành vi của cán bộ'),
  dossierCode: z.string().trim().min(3).max(80).optional().describe('Mã hồ sơ liên quan, nếu có'),
  procedureId: z.uuid().optional().describe('Thủ tục liên quan, nếu có'),
  agencyId: z.uuid().optional().describe('Cơ quan phải xử lý; bỏ trống thì theo hồ sơ/thủ tục, hoặc Trung tâm Phục vụ hành chính công'),
  sender: z.object({
    name: z.string().trim().min(2, 'Nhập họ tên').max(200),
    phone,
    email: z.email('Thư điện tử không hợp lệ').optional(),
    address: z.string().trim().max(300).optional(),
  }),
  title: z.string().trim().min(5, 'Tiêu đề quá ngắn').max(300),
  content: z.string().trim().min(10, 'Nội dung quá ngắn').max(5000),
});

export const SubmitFeedbackResponse = z.object({
  code: z.string().describe('Mã để theo dõi phản ánh, kiến nghị'),
  state: z.enum(FEEDBACK_STATES),
  submittedAt: instant,
});

export const PublicFeedbackQuery = z.object({ code: feedbackCode, phone });

export const PublicFeedbackResponse = z.object({
  code: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  title: z.string(),
  content: z.string(),
  state: z.enum(FEEDBACK_STATES),
  stateLabel: z.string(),
  agencyName: z.string().nullable(),
  submittedAt: instant,
  response: z.string().nullable().describe('Trả lời, lý do từ chối, hoặc thông tin cần bổ sung'),
  respondedAt: instant.nullable(),
  satisfied: z.boolean().nullable(),
  canRate: z.boolean().describe('Người gửi có thể cho biết hài lòng với trả lời'),
  canSupply: z.boolean().describe('Cơ quan đang chờ người gửi bổ sung thông tin'),
});

export const SupplyFeedbackInfoRequest = z.object({ code: feedbackCode, phone, content: z.string().trim().min(5, 'Nội dung bổ sung quá ngắn').max(5000) });
export const RateFeedbackAnswerRequest = z.object({ code: feedbackCode, phone, satisfied: z.boolean() });

export const PublishedFeedbackQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Tìm theo mã, tiêu đề (không phân biệt dấu)'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

export const PublishedFeedbackResponse = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      kind: z.enum(FEEDBACK_KINDS),
      title: z.string(),
      content: z.string(),
      agencyName: z.string().nullable(),
      submittedAt: instant,
      answer: z.string(),
      publishedAt: instant,
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const FeedbackListQuery = z.object({
  state: z.enum(FEEDBACK_STATES).optional(),
  overdue: z.enum(['true', 'false']).optional().describe('true: chỉ những phản ánh đã quá hạn giải quyết hoặc công khai'),
  q: z.string().trim().max(200).optional().describe('Tìm theo mã, tiêu đề, người gửi (không phân biệt dấu)'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const Deadline = z.object({ action: z.enum(TIMED_ACTIONS), dueAt: instant, overdue: z.boolean() });

export const FeedbackListItem = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  title: z.string(),
  senderName: z.string(),
  agencyName: z.string().nullable(),
  state: z.enum(FEEDBACK_STATES),
  submittedAt: instant,
  pending: Deadline.nullable().describe('Việc đang chờ và hạn của nó'),
});

export const FeedbackListResponse = z.object({ items: z.array(FeedbackListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const FeedbackParams = z.object({ id: z.uuid() });

export const FeedbackDetail = FeedbackListItem.extend({
  senderPhone: z.string(),
  senderEmail: z.string().nullable(),
  senderAddress: z.string().nullable(),
  content: z.string(),
  dossierCode: z.string().nullable(),
  procedureName: z.string().nullable(),
  agencyId: z.uuid().nullable(),
  response: z.string().nullable(),
  handledByName: z.string().nullable(),
  satisfied: z.boolean().nullable(),
  infoWaitMinutes: z.number().int().describe('Số phút làm việc đã chờ người gửi bổ sung thông tin, cộng các lần; hạn giải quyết lùi đúng bấy nhiêu'),
  deadlines: z
    .array(z.object({ action: z.enum(TIMED_ACTIONS), dueAt: instant.nullable(), doneAt: instant.nullable(), onTime: z.boolean().nullable() }))
    .describe('Hạn của từng việc (từ chối ≤ 2, đề nghị bổ sung ≤ 5, giải quyết ≤ 15 ngày làm việc không kể thời gian chờ người gửi bổ sung — chưa có hạn khi đang chờ, công khai ≤ 2 ngày làm việc)'),
  actions: z.array(z.enum(TIMED_ACTIONS)).describe('Những việc người xem được làm lúc này'),
});

export const FeedbackActionResponse = z.object({
  feedback: FeedbackDetail,
  action: z.enum(TIMED_ACTIONS),
  dueAt: instant,
  onTime: z.boolean().describe('Việc được làm trong hạn'),
});

export const RefuseFeedbackRequest = z.object({ reason: z.string().trim().min(5, 'Nhập lý do từ chối').max(5000) });
export const RequestFeedbackInfoRequest = z.object({ request: z.string().trim().min(5, 'Nhập thông tin cần bổ sung').max(5000) });
export const ResolveFeedbackRequest = z.object({ answer: z.string().trim().min(10, 'Nội dung trả lời quá ngắn').max(10000) });
