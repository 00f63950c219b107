import { z } from 'zod';
import { text } from '../../platform/http/zod-text.js';
import { STEP_ROLES } from '../procedures/tables.js';
import { APPLICANT_KINDS, DELIVERY_METHODS, OUTCOMES } from './tables.js';

const Instant = z.iso.datetime({ offset: true, message: 'Thời điểm phải theo ISO 8601 (ví dụ 2026-11-30T08:00:00+07:00)' });
const Status = z.number().int().min(1).max(10).describe('TrangThaiHoSo: 1 mới đăng ký … 10 đã trả kết quả');
const Version = z.number().int().min(0).describe('Phiên bản hồ sơ người dùng đang xem; khác phiên bản hiện tại → 409');
const when = z.string().nullable();

export const DossierParams = z.object({ id: z.uuid() });

// ---- queues ----

export const DOSSIER_VIEWS = ['mine', 'agency', 'due_today', 'overdue', 'supplement', 'online_new', 'location', 'all'] as const;
export type DossierView = (typeof DOSSIER_VIEWS)[number];

export const DossierListQuery = z.object({
  view: z
    .enum(DOSSIER_VIEWS)
    .default('mine')
    .describe('mine: tôi đang xử lý; agency: cơ quan tôi đang xử lý (cả hồ sơ chưa phân công); due_today: đến hạn hôm nay; overdue: quá hạn; supplement: chờ bổ sung; online_new: hồ sơ trực tuyến chờ tiếp nhận; location: theo điểm tiếp nhận và quầy; all: tất cả trong phạm vi được xem'),
  q: z.string().trim().max(200).optional().describe('Tìm theo mã hồ sơ, tên người nộp, tên thủ tục (không phân biệt dấu)'),
  status: z.coerce.number().int().min(1).max(10).optional().describe('Lọc theo trạng thái'),
  agencyId: z.uuid().optional().describe('Cơ quan (người xem toàn tỉnh): cơ quan đang xử lý, điểm tiếp nhận (view=location) hoặc cơ quan giải quyết (view=all)'),
  counter: z.string().trim().max(50).optional().describe('Quầy tiếp nhận (view=location)'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const DossierSummary = z.object({
  id: z.uuid(),
  code: z.string().nullable().describe('Mã hồ sơ; trống khi hồ sơ trực tuyến chưa được tiếp nhận'),
  status: Status,
  statusLabel: z.string(),
  channel: z.number().int().describe('KenhThucHien: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích'),
  procedureId: z.uuid(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  receivingAgencyId: z.uuid().nullable(),
  receivingAgencyName: z.string().nullable(),
  counter: z.string().nullable(),
  handlingAgencyId: z.uuid(),
  handlingAgencyName: z.string(),
  currentStep: z.number().int().nullable(),
  currentStepName: z.string().nullable(),
  currentAgencyId: z.uuid().nullable(),
  currentAgencyName: z.string().nullable(),
  currentAssigneeId: z.uuid().nullable(),
  currentAssigneeName: z.string().nullable(),
  currentStepDueAt: when,
  submittedAt: z.string(),
  receivedAt: when,
  appointmentAt: when,
  receiveDueAt: when,
  endedAt: when,
  outcome: z.enum(OUTCOMES).nullable(),
  supplementCount: z.number().int(),
  lateToReceive: z.boolean().describe('Hồ sơ trực tuyến quá 8 giờ làm việc chưa được tiếp nhận, trả lời'),
  overdue: z.boolean().describe('Chưa kết thúc và đã quá hẹn trả'),
  stepOverdue: z.boolean().describe('Bước hiện tại đã quá hạn'),
  needsApology: z.boolean().describe('Sẽ trễ hẹn (hoặc đã trễ) mà chưa có văn bản xin lỗi, gia hạn'),
  version: z.number().int(),
});

export const DossierListResponse = z.object({
  items: z.array(DossierSummary),
  total: z.number().int().describe('Tổng số (đếm tối đa 2.000; xem totalExact)'),
  totalExact: z.boolean().describe('false khi có hơn 2.000 hồ sơ: total là giới hạn đếm'),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const QueueCountsResponse = z.object({
  mine: z.number().int(),
  agency: z.number().int(),
  dueToday: z.number().int(),
  overdue: z.number().int(),
  supplement: z.number().int(),
  onlineNew: z.number().int(),
  onlineLate: z.number().int().describe('Hồ sơ trực tuyến chờ tiếp nhận đã quá 8 giờ làm việc'),
});

// ---- actions ----

export const AdvanceRequest = z.object({
  assigneeId: z.uuid().optional().describe('Người nhận ở bước tiếp theo; bỏ trống: chuyển vào hàng chờ của cơ quan'),
  note: text(2000).optional().describe('Ghi chú trên phiếu kiểm soát'),
  version: Version,
});
export const AssignRequest = z.object({
  assigneeId: z.uuid().describe('Người xử lý bước hiện tại'),
  note: text(2000).optional(),
  version: Version.optional(),
});
export const SupplementRequest = z.object({
  reason: text(2000, 'Nhập lý do yêu cầu bổ sung'),
  items: z.array(text(500, 'Nội dung cần bổ sung không được để trống')).min(1, 'Nêu ít nhất một nội dung cần bổ sung, hoàn thiện').max(50),
  version: Version.optional(),
});
export const CompleteSupplementRequest = z.object({ note: text(2000).optional(), version: Version.optional() });
export const ExtensionRequest = z.object({
  reason: text(2000, 'Nhập lý do chậm trễ'),
  faultAgencyId: z.uuid().describe('Cơ quan, đơn vị gây chậm trễ'),
  newAppointmentAt: Instant.describe('Thời gian hẹn trả kết quả mới (sau hẹn hiện tại)'),
  version: Version.optional(),
});
export const ReasonRequest = z.object({ reason: text(2000, 'Nhập lý do'), version: Version.optional() });
export const ResultRequest = z.object({
  resultSummary: text(2000, 'Nhập kết quả giải quyết (số, ký hiệu, nội dung)'),
  resultFileId: z.uuid().optional().describe('Tệp kết quả đã tải lên qua /api/files'),
  resultElectronic: z.boolean().describe('Kết quả điện tử'),
  resultDigitized: z.boolean().describe('Kết quả đã được số hóa'),
  version: Version.optional(),
});

// ---- the dossier ----

const Person = z.object({ id: z.uuid(), name: z.string() }).nullable();
const Agency = z.object({ id: z.uuid(), name: z.string() }).nullable();

const Candidate = z.object({ id: z.uuid(), name: z.string(), position: z.string().nullable(), unitName: z.string().nullable(), preferred: z.boolean().describe('Có vai trò bước này cần') });

export const DOSSIER_ACTION_NAMES = ['advance', 'assign', 'take', 'request_supplement', 'complete_supplement', 'extend', 'stop', 'withdraw', 'return_result'] as const;

export const ControlSlipRow = z.object({
  seq: z.number().int(),
  agencyName: z.string().nullable().describe('Tên cơ quan, bộ phận nhận'),
  stepName: z.string().nullable(),
  givenAt: z.string().describe('Giao: giờ, phút, ngày'),
  giverName: z.string().describe('Người giao'),
  receiverName: z.string().nullable().describe('Người nhận (trống: hàng chờ của cơ quan)'),
  dueAt: when.describe('Hạn của bước được giao'),
  finishedStepName: z.string().nullable(),
  finishedDueAt: when,
  outcome: z.enum(OUTCOMES).nullable().describe('Kết quả bước vừa xong: trước hạn, đúng hạn, quá hạn'),
  note: z.string().nullable(),
});

export const DossierEventItem = z.object({
  seq: z.number().int(),
  kind: z.string(),
  at: z.string(),
  actorName: z.string(),
  fromStatus: z.number().int().nullable(),
  toStatus: z.number().int().nullable(),
  step: z.number().int().nullable(),
  stepName: z.string().nullable(),
  agencyName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  dueAt: when,
  outcome: z.enum(OUTCOMES).nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});

export const DossierResponse = DossierSummary.extend({
  formVersion: z.string(),
  applicant: z.object({
    kind: z.enum(APPLICANT_KINDS),
    name: z.string(),
    representative: z.string().nullable(),
    idNumber: z.string(),
    phone: z.string(),
    email: z.string().nullable(),
    address: z.string(),
    verified: z.boolean(),
  }),
  deliveryMethod: z.enum(DELIVERY_METHODS),
  receivedBy: Person,
  procedure: z.object({ id: z.uuid(), code: z.string(), name: z.string(), timeLimit: z.number(), timeUnit: z.string(), level: z.string().nullable() }),
  clockStartAt: when,
  originalAppointmentAt: when,
  currentStepStartedAt: when,
  currentStepRole: z.enum(STEP_ROLES).nullable(),
  pausedMs: z.number().int().describe('Tổng thời gian tạm dừng chờ bổ sung (mili giây)'),
  pausedSince: when.describe('Đang tạm dừng từ thời điểm này'),
  remainingWorkingHours: z.number().nullable().describe('Số giờ làm việc còn lại đến hẹn trả (âm: đã quá hẹn); trống khi đã kết thúc'),
  extensionCount: z.number().int(),
  faultAgency: Agency,
  processedAt: when,
  returnedAt: when,
  closingReason: z.string().nullable(),
  result: z.object({ summary: z.string().nullable(), fileId: z.uuid().nullable(), electronic: z.boolean(), digitized: z.boolean() }),
  fees: z.object({ due: z.number().int(), paid: z.number().int() }).describe('Phí, lệ phí (đồng)'),
  steps: z.array(z.object({ position: z.number().int(), name: z.string(), role: z.enum(STEP_ROLES), budgetHours: z.number(), notCounted: z.boolean() })),
  components: z.array(
    z.object({ id: z.uuid(), position: z.number().int(), name: z.string(), form: z.string(), copies: z.number().int(), fileId: z.uuid().nullable(), digitized: z.boolean(), reusedFromDossierId: z.uuid().nullable(), fromCitizenStore: z.boolean() }),
  ),
  controlSlip: z.array(ControlSlipRow),
  events: z.array(DossierEventItem),
  supplements: z.array(
    z.object({ id: z.uuid(), requestedAt: z.string(), requestedByName: z.string(), reason: z.string(), items: z.array(z.string()), completedAt: when, completedByName: z.string().nullable(), note: z.string().nullable() }),
  ),
  extensions: z.array(
    z.object({ id: z.uuid(), issuedAt: z.string(), issuedByName: z.string(), reason: z.string(), faultAgency: Agency, previousAppointmentAt: z.string(), newAppointmentAt: z.string() }),
  ),
  payments: z.array(z.object({ id: z.uuid(), kind: z.string(), name: z.string(), amount: z.number().int(), channel: z.string(), state: z.string(), paidAt: when })),
  actions: z.array(z.enum(DOSSIER_ACTION_NAMES)).describe('Thao tác người dùng được thực hiện lúc này'),
  nextStep: z.object({ position: z.number().int(), name: z.string(), role: z.enum(STEP_ROLES), agency: Agency }).nullable(),
  nextAssignees: z.array(Candidate).describe('Người có thể nhận bước tiếp theo; người có vai trò phù hợp với bước đứng trước'),
  stepAssignees: z.array(Candidate).describe('Người lãnh đạo có thể phân công xử lý bước hiện tại'),
  warnings: z.array(z.string()).optional(),
});
