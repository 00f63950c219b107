import { z } from 'zod';
import { DERIVED_STATUSES } from './derived-status.js';
import { TASK_ACTIONS } from './state-machine.js';
import { EXTENSION_STATUSES, TASK_PRIORITIES, TASK_RECURRENCES, TASK_SOURCE_KINDS, TASK_STATES } from './tables.js';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
const text = (max: number, message: string) =>
  z
    .string()
    .trim()
    .min(1, message)
    .max(max, `Tối đa ${max} ký tự`)
    .transform((s) => s.normalize('NFC'));

export const TASK_VIEWS = ['mine', 'assigned_by_me', 'agency', 'overdue'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

export const TaskSource = z
  .object({
    kind: z.enum(TASK_SOURCE_KINDS).describe('document: văn bản chỉ đạo; meeting: kết luận cuộc họp; instruction: ý kiến chỉ đạo của lãnh đạo'),
    documentId: z.uuid().optional().describe('Văn bản chỉ đạo (đến hoặc đi) người giao được xem; bắt buộc khi kind = document'),
    reference: text(2000, 'Nhập nguồn giao nhiệm vụ').optional().describe('Kết luận cuộc họp (số thông báo, ngày) hoặc nội dung ý kiến chỉ đạo'),
  })
  .refine((s) => (s.kind === 'document' ? Boolean(s.documentId) : Boolean(s.reference)), { message: 'Chọn văn bản chỉ đạo, hoặc nhập kết luận cuộc họp / ý kiến chỉ đạo', path: ['reference'] });

export const CreateTaskRequest = z
  .object({
    content: text(4000, 'Nhập nội dung nhiệm vụ'),
    source: TaskSource,
    primaryAgencyId: z.uuid().describe('Cơ quan chủ trì (đúng một)'),
    primaryUserId: z.uuid().optional().describe('Người chủ trì của cơ quan đó (không bắt buộc)'),
    coordinatingAgencyIds: z.array(z.uuid()).max(50).default([]).describe('Cơ quan phối hợp (không gồm cơ quan chủ trì)'),
    dueDate: DateOnly.optional().describe('Hạn hoàn thành'),
    dueInWorkingDays: z.number().int().min(1).max(365).optional().describe('Hạn hoàn thành sau N ngày làm việc kể từ ngày giao'),
    priority: z.enum(TASK_PRIORITIES).default('normal').describe('normal: thường; high: cao; urgent: khẩn'),
    expectedResult: text(2000, 'Nhập kết quả đầu ra').optional().describe('Kết quả đầu ra (sản phẩm)'),
    recurrence: z.enum(TASK_RECURRENCES).optional().describe('Nhiệm vụ định kỳ (báo cáo tháng, quý, năm): kỳ sau được tạo khi kỳ này đến hạn hoặc đã hoàn thành'),
    recurrenceUntil: DateOnly.optional().describe('Không tạo kỳ nào có hạn sau ngày này'),
  })
  .refine((v) => Boolean(v.dueDate) !== Boolean(v.dueInWorkingDays), { message: 'Nhập hạn theo ngày hoặc theo số ngày làm việc (một trong hai)', path: ['dueDate'] })
  // a period's deadline is a day of the month (e.g. the 5th): N working days has no such day to repeat
  .refine((v) => !v.recurrence || Boolean(v.dueDate), { message: 'Nhiệm vụ định kỳ cần hạn theo ngày cụ thể, không theo số ngày làm việc', path: ['dueDate'] })
  .refine((v) => !v.recurrenceUntil || Boolean(v.recurrence), { message: 'Chỉ nhập ngày kết thúc khi nhiệm vụ là định kỳ', path: ['recurrenceUntil'] })
  .refine((v) => !v.recurrenceUntil || !v.dueDate || v.recurrenceUntil >= v.dueDate, { message: 'Ngày kết thúc định kỳ không được trước hạn của kỳ đầu', path: ['recurrenceUntil'] });

export const UrgeRequest = z.object({ note: text(2000, 'Nhập nội dung đôn đốc').describe('Nội dung đôn đốc gửi người, cơ quan chủ trì') });

export const TaskListQuery = z.object({
  view: z.enum(TASK_VIEWS).default('mine').describe('mine: giao tôi hoặc cơ quan tôi chủ trì; assigned_by_me: tôi giao; agency: cơ quan tôi chủ trì hoặc phối hợp; overdue: quá hạn trong các nhiệm vụ tôi liên quan'),
  status: z.enum(DERIVED_STATUSES).optional().describe('Tình trạng theo hạn'),
  q: z.string().trim().max(200).optional().describe('Từ khóa, có dấu hoặc không dấu: nội dung, kết quả đầu ra, nguồn giao'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ProgressRequest = z.object({
  percent: z.number().int().min(0, 'Tiến độ từ 0 đến 100%').max(100, 'Tiến độ từ 0 đến 100%').optional().describe('Phần trăm hoàn thành; bắt buộc với đơn vị chủ trì, bỏ qua với ý kiến phối hợp'),
  note: text(4000, 'Nhập nội dung báo cáo'),
  fileIds: z.array(z.uuid()).max(20).default([]).describe('Tệp đã tải lên qua /api/files'),
});
export const ReportDoneRequest = z.object({ note: text(4000, 'Nhập kết quả thực hiện'), fileIds: z.array(z.uuid()).max(20).default([]) });
export const ConfirmRequest = z.object({ note: text(2000, 'Nhập ý kiến').optional() });
export const ReturnRequest = z.object({ reason: text(2000, 'Nhập lý do trả lại') });
export const ExtensionRequest = z.object({ dueDate: DateOnly.describe('Hạn đề nghị'), reason: text(2000, 'Nhập lý do xin gia hạn') });
export const ExtensionDecision = z
  .object({ approve: z.boolean().describe('true: đồng ý; false: không đồng ý'), note: text(2000, 'Nhập lý do không đồng ý').optional() })
  .refine((d) => d.approve || Boolean(d.note), { message: 'Nhập lý do không đồng ý gia hạn', path: ['note'] });

export const TaskSummaryResponse = z.object({
  id: z.uuid(),
  content: z.string(),
  sourceKind: z.enum(TASK_SOURCE_KINDS),
  sourceReference: z.string(),
  priority: z.enum(TASK_PRIORITIES),
  state: z.enum(TASK_STATES),
  derivedStatus: z.enum(DERIVED_STATUSES).describe('on_time: còn hạn; due_soon: sắp đến hạn; overdue: quá hạn; done_on_time: hoàn thành đúng hạn; done_late: hoàn thành quá hạn'),
  assignedByName: z.string(),
  primaryAgencyId: z.uuid(),
  primaryAgencyName: z.string(),
  primaryUserName: z.string().nullable(),
  assignedOn: DateOnly,
  deadline: DateOnly,
  originalDeadline: DateOnly,
  progress: z.number().int(),
  recurrence: z.enum(TASK_RECURRENCES).nullable().describe('monthly: hằng tháng; quarterly: hằng quý; yearly: hằng năm; null: không định kỳ'),
  periodLabel: z.string().nullable().describe('Kỳ của nhiệm vụ định kỳ, ví dụ "Tháng 12/2026", "Quý IV/2026"'),
  urgeCount: z.number().int().describe('Số lần đã đôn đốc'),
});

export const TaskListResponse = z.object({ items: z.array(TaskSummaryResponse), total: z.number().int() });

const FileRef = z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number().int() });

export const TaskResponse = TaskSummaryResponse.extend({
  expectedResult: z.string().nullable(),
  sourceDocumentId: z.uuid().nullable(),
  assignedBy: z.uuid(),
  primaryUserId: z.uuid().nullable(),
  coordinatingAgencies: z.array(z.object({ id: z.uuid(), name: z.string() })),
  deadlineWorkingDays: z.number().int().nullable().describe('Hạn đã giao theo số ngày làm việc'),
  reportedOn: DateOnly.nullable(),
  completedOn: DateOnly.nullable(),
  seriesId: z.uuid().nullable().describe('Nhiệm vụ đầu tiên của chuỗi định kỳ'),
  recurrenceUntil: DateOnly.nullable(),
  lastUrgedAt: z.iso.datetime().nullable(),
  escalatedAt: z.iso.datetime().nullable().describe('Lúc đã báo cáo lãnh đạo cơ quan chủ trì vì quá hạn'),
  canUrge: z.boolean().describe('Người đang xem được đôn đốc nhiệm vụ này lúc này'),
  createdAt: z.iso.datetime(),
  reports: z.array(
    z.object({ id: z.uuid(), kind: z.enum(['progress', 'note', 'done']), percent: z.number().int().nullable(), note: z.string(), agencyName: z.string(), actorName: z.string(), at: z.iso.datetime(), files: z.array(FileRef) }),
  ),
  extensions: z.array(
    z.object({
      id: z.uuid(),
      fromDeadline: DateOnly,
      requestedDeadline: DateOnly,
      reason: z.string(),
      requestedByName: z.string(),
      requestedAt: z.iso.datetime(),
      status: z.enum(EXTENSION_STATUSES),
      decidedByName: z.string().nullable(),
      decisionNote: z.string().nullable(),
      decidedAt: z.iso.datetime().nullable(),
    }),
  ),
  events: z.array(z.object({ id: z.uuid(), kind: z.string(), fromState: z.enum(TASK_STATES).nullable(), toState: z.enum(TASK_STATES).nullable(), actorName: z.string().nullable(), note: z.string().nullable(), at: z.iso.datetime() })),
  actions: z.array(z.enum(TASK_ACTIONS)).describe('Thao tác người đang xem được làm lúc này'),
});

export const TaskParams = z.object({ id: z.uuid() });
