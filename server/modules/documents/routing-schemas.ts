import { z } from 'zod';
import { INBOX_VIEWS } from './routing-repo.js';
import { ASSIGNMENT_ROLES, ASSIGNMENT_STATUSES } from './tables.js';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
const note = (max: number, message: string) =>
  z
    .string()
    .trim()
    .min(1, message)
    .max(max, `Tối đa ${max} ký tự`)
    .transform((s) => s.normalize('NFC'));

export const RoutingTarget = z
  .object({ unitId: z.uuid().optional(), userId: z.uuid().optional() })
  .refine((t) => Boolean(t.unitId) !== Boolean(t.userId), { message: 'Chọn một đơn vị hoặc một người' })
  .describe('Một đơn vị (unitId) hoặc một người (userId)');

export const DueInput = z.object({
  dueDate: DateOnly.optional().describe('Hạn xử lý'),
  dueInWorkingDays: z.number().int().min(1).max(365).optional().describe('Hạn xử lý sau N ngày làm việc kể từ hôm nay'),
});
const oneDue = <T extends { dueDate?: string | undefined; dueInWorkingDays?: number | undefined }>(v: T) => !(v.dueDate && v.dueInWorkingDays);
const oneDueMessage = { message: 'Chỉ nhập hạn theo ngày hoặc theo số ngày làm việc', path: ['dueDate'] };

export const PresentDocumentRequest = z.object({
  leaderId: z.uuid().describe('Lãnh đạo được trình'),
  note: note(2000, 'Nhập ý kiến trình').optional(),
});

export const AssignDocumentRequest = DueInput.extend({
  instruction: note(4000, 'Nhập ý kiến chỉ đạo'),
  lead: RoutingTarget.describe('Đơn vị hoặc người chủ trì (đúng một)'),
  coordinators: z.array(RoutingTarget).max(50).default([]).describe('Đơn vị, người phối hợp'),
  info: z.array(RoutingTarget).max(100).default([]).describe('Đơn vị, người nhận để biết'),
  reassign: z.boolean().default(false).describe('Giao lại: thu hồi chủ trì và phối hợp hiện tại'),
}).refine(oneDue, oneDueMessage);

export const ForwardAssignmentRequest = DueInput.extend({
  userId: z.uuid().describe('Người trong cùng đơn vị'),
  note: note(2000, 'Nhập nội dung chuyển'),
}).refine(oneDue, oneDueMessage);

export const ReportRequest = z.object({ note: note(4000, 'Nhập nội dung báo cáo') });
export const CompleteRequest = z.object({ result: note(4000, 'Nhập kết quả xử lý') });
export const RecallRequest = z.object({ note: note(2000, 'Nhập lý do thu hồi') });
export const ExtendRequest = DueInput.extend({ note: note(2000, 'Nhập lý do gia hạn') }).refine(oneDue, oneDueMessage);

export const AssignmentParams = z.object({ id: z.uuid(), assignmentId: z.uuid() });

export const AssignmentResponse = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  role: z.enum(ASSIGNMENT_ROLES).describe('direct: trình cho ý kiến; lead: chủ trì; coordinate: phối hợp; info: để biết'),
  unitId: z.uuid(),
  unitName: z.string(),
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
  instruction: z.string().nullable(),
  dueDate: z.string().nullable(),
  originalDueDate: z.string().nullable().describe('Hạn ban đầu, khi đã gia hạn'),
  status: z.enum(ASSIGNMENT_STATUSES),
  overdue: z.boolean(),
  result: z.string().nullable(),
  assignedByName: z.string(),
  createdAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
  doneAt: z.iso.datetime().nullable(),
  actions: z.array(z.enum(['accept', 'forward', 'report', 'complete', 'recall', 'extend'])).describe('Thao tác người đang xem được làm'),
});

export const RoutingResponse = z.object({
  assignments: z.array(AssignmentResponse),
  can: z.object({ present: z.boolean(), assign: z.boolean(), reassign: z.boolean() }),
});

export const InboxQuery = z.object({
  view: z.enum(INBOX_VIEWS).default('mine').describe('mine: chờ tôi xử lý; unit: giao đơn vị tôi; info: để biết; overdue: quá hạn; done: đã xong; unassigned: chưa giao (văn thư, lãnh đạo)'),
  q: z.string().trim().max(200).optional().describe('Từ khóa, có dấu hoặc không dấu: số ký hiệu, trích yếu, nơi gửi, người ký'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const InboxAssignment = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable().describe('Có giá trị khi việc được chuyển từ một lượt giao khác (chuyển trong đơn vị)'),
  role: z.enum(ASSIGNMENT_ROLES),
  status: z.enum(ASSIGNMENT_STATUSES),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  instruction: z.string().nullable(),
  assignedByName: z.string(),
  createdAt: z.iso.datetime(),
});

export const InboxCountsResponse = z.object(Object.fromEntries(INBOX_VIEWS.map((v) => [v, z.number().int()])) as Record<(typeof INBOX_VIEWS)[number], z.ZodNumber>);
