import { z } from 'zod';
import { CreateTaskRequest, TaskSource } from './schemas.js';
import { TASK_PRIORITIES } from './tables.js';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');

/** Sở, ban, ngành (and the provincial office, the center) against communes, wards and special zones. */
export const SCOREBOARD_GROUPS = ['agency', 'commune', 'all'] as const;
export type ScoreboardGroup = (typeof SCOREBOARD_GROUPS)[number];

export const ScoreboardQuery = z
  .object({
    from: DateOnly.optional().describe('Giao từ ngày (giờ Việt Nam); mặc định ngày 01/01 năm nay'),
    to: DateOnly.optional().describe('Giao đến ngày (kể cả ngày này); mặc định hôm nay'),
    asOf: DateOnly.optional().describe('Tình trạng tính tại ngày này theo cùng quy tắc của tình trạng nhiệm vụ; mặc định hôm nay'),
    group: z.enum(SCOREBOARD_GROUPS).default('all').describe('agency: sở, ban, ngành (gồm Văn phòng, Trung tâm PVHCC); commune: xã, phường, đặc khu; all: tất cả'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', path: ['from'] });

const Counts = {
  assigned: z.number().int().describe('Số nhiệm vụ được giao trong kỳ (cơ quan chủ trì)'),
  doneOnTime: z.number().int().describe('Hoàn thành đúng hạn (ngày báo cáo hoàn thành không quá hạn, đã được xác nhận)'),
  doneLate: z.number().int().describe('Hoàn thành quá hạn (đã được xác nhận)'),
  overdue: z.number().int().describe('Quá hạn: chưa hoàn thành và đã qua hạn tại ngày tính, hoặc báo cáo hoàn thành sau hạn đang chờ xác nhận'),
  inProgress: z.number().int().describe('Đang thực hiện, còn hạn (kể cả sắp đến hạn, kể cả báo cáo đúng hạn đang chờ xác nhận)'),
  onTimeRate: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe(
      'Tỷ lệ đúng hạn, từ 0 đến 1: hoàn thành đúng hạn / (hoàn thành đúng hạn + hoàn thành quá hạn + quá hạn). Nhiệm vụ đang thực hiện còn hạn không tính vào mẫu số; null khi mẫu số bằng 0 (chưa có nhiệm vụ nào đến lúc đánh giá được)',
    ),
};

export const ScoreboardRow = z.object({
  agencyId: z.uuid(),
  agencyName: z.string(),
  agencyType: z.string(),
  group: z.enum(['agency', 'commune']),
  ...Counts,
});

export const ScoreboardResponse = z.object({
  from: DateOnly,
  to: DateOnly,
  asOf: DateOnly,
  group: z.enum(SCOREBOARD_GROUPS),
  scope: z.enum(['tenant', 'agency']).describe('tenant: cả tỉnh (người có quyền giao nhiệm vụ); agency: chỉ cơ quan của người xem'),
  rows: z.array(ScoreboardRow).describe('Một dòng mỗi cơ quan chủ trì có nhiệm vụ được giao trong kỳ, theo thứ tự danh mục'),
  total: z.object(Counts).describe('Dòng tổng cộng của các dòng trên'),
});
export type ScoreboardResult = z.output<typeof ScoreboardResponse>;

export const SCOREBOARD_BUCKETS = ['assigned', 'doneOnTime', 'doneLate', 'overdue', 'inProgress'] as const;
export const ScoreboardTasksQuery = z
  .object({
    agencyId: z.uuid().describe('Cơ quan chủ trì của dòng'),
    bucket: z.enum(SCOREBOARD_BUCKETS).default('assigned').describe('Cột của bảng: assigned (tất cả), doneOnTime, doneLate, overdue, inProgress'),
    from: DateOnly.optional(),
    to: DateOnly.optional(),
    asOf: DateOnly.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', path: ['from'] });

/** One item of a conclusion notice: a task without its source (the notice is the common source). */
export const BulkTaskItem = z
  .object({
    content: CreateTaskRequest.shape.content,
    primaryAgencyId: z.uuid().describe('Cơ quan chủ trì'),
    primaryUserId: z.uuid().optional().describe('Người chủ trì (không bắt buộc)'),
    coordinatingAgencyIds: z.array(z.uuid()).max(50).default([]),
    dueDate: DateOnly.optional(),
    dueInWorkingDays: z.number().int().min(1).max(365).optional(),
    priority: z.enum(TASK_PRIORITIES).default('normal'),
    expectedResult: CreateTaskRequest.shape.expectedResult,
  })
  .refine((v) => Boolean(v.dueDate) !== Boolean(v.dueInWorkingDays), { message: 'Nhập hạn theo ngày hoặc theo số ngày làm việc (một trong hai)', path: ['dueDate'] });

export const MAX_BULK_ITEMS = 200;

export const BulkCreateRequest = z.object({
  source: TaskSource.describe('Nguồn chung: thông báo kết luận (văn bản) hoặc trích dẫn kết luận / ý kiến chỉ đạo'),
  items: z.array(BulkTaskItem).min(1, 'Nhập ít nhất một nhiệm vụ').max(MAX_BULK_ITEMS, `Tối đa ${MAX_BULK_ITEMS} nhiệm vụ một lần`),
});

const CreatedTask = z.object({ id: z.uuid(), content: z.string(), primaryAgencyName: z.string(), deadline: DateOnly });
export const BulkCreateResponse = z.object({ created: z.array(CreatedTask).describe('Theo thứ tự các mục gửi lên') });

export const MAX_IMPORT_ROWS = 1000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const ImportQuery = z
  .object({
    dryRun: z.enum(['true', 'false']).default('true').describe('true: chỉ kiểm tra, trả về kết quả từng dòng, không tạo nhiệm vụ'),
    sourceKind: z.enum(['document', 'meeting', 'instruction']).describe('Nguồn chung của các nhiệm vụ'),
    documentId: z.uuid().optional().describe('Văn bản chỉ đạo (khi sourceKind = document)'),
    reference: z.string().trim().max(2000).optional().describe('Kết luận cuộc họp hoặc ý kiến chỉ đạo (khi không phải văn bản)'),
  })
  .refine((q) => (q.sourceKind === 'document' ? Boolean(q.documentId) : Boolean(q.reference)), { message: 'Chọn văn bản chỉ đạo, hoặc nhập kết luận cuộc họp / ý kiến chỉ đạo', path: ['reference'] });

export const ImportRow = z.object({
  row: z.number().int().describe('Số dòng trong trang tính (dòng 1 là tiêu đề)'),
  content: z.string(),
  primaryAgencyName: z.string().nullable().describe('Cơ quan chủ trì tìm được'),
  primaryUserName: z.string().nullable(),
  coordinatingAgencyNames: z.array(z.string()),
  deadline: DateOnly.nullable().describe('Hạn tính được (theo ngày hoặc số ngày làm việc)'),
  priority: z.enum(TASK_PRIORITIES).nullable(),
  errors: z.array(z.string()).describe('Lý do bị từ chối; rỗng khi dòng hợp lệ'),
});

export const ImportResponse = z.object({
  dryRun: z.boolean(),
  total: z.number().int().describe('Số dòng có dữ liệu'),
  valid: z.number().int(),
  rejected: z.number().int(),
  createdIds: z.array(z.uuid()).describe('Nhiệm vụ đã tạo (rỗng khi chỉ kiểm tra hoặc khi còn dòng bị từ chối)'),
  rows: z.array(ImportRow),
});
export type ImportResult = z.output<typeof ImportResponse>;
