import { z } from 'zod';
import { DELEGATION_KINDS, MEETING_KINDS } from './tables.js';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');

export const MeetingStatsQuery = z
  .object({
    from: DateOnly.optional().describe('Từ ngày (giờ Việt Nam); mặc định ngày đầu tháng này'),
    to: DateOnly.optional().describe('Đến ngày (kể cả ngày này); mặc định hôm nay'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', path: ['from'] });

const TaskCounts = z.object({
  assigned: z.number().int(),
  doneOnTime: z.number().int(),
  doneLate: z.number().int(),
  overdue: z.number().int(),
  inProgress: z.number().int(),
  onTimeRate: z.number().nullable().describe('Hoàn thành đúng hạn / (đúng hạn + quá hạn + đang quá hạn)'),
});

export const MeetingStatsResponse = z.object({
  from: DateOnly,
  to: DateOnly,
  workingDays: z.number().int().describe('Số ngày làm việc trong kỳ theo lịch làm việc của tỉnh'),
  meetings: z.object({
    total: z.number().int().describe('Cuộc họp, hội nghị không bị hủy'),
    held: z.number().int().describe('Trong đó đã ghi nhận tổ chức'),
    perWorkingDay: z.number().nullable().describe('Bình quân mỗi ngày làm việc, làm tròn 2 chữ số thập phân (null khi kỳ không có ngày làm việc)'),
    byKind: z.array(z.object({ kind: z.enum(MEETING_KINDS), count: z.number().int() })),
  }),
  online: z.object({
    meetings: z.number().int().describe('Cuộc họp trực tuyến'),
    connectedSites: z.number().int().describe('Số điểm cầu (xã, phường, đặc khu) khác nhau đã kết nối'),
    siteConnections: z.number().int().describe('Số lượt điểm cầu kết nối'),
  }),
  delegations: z.object({
    received: z.number().int(),
    planned: z.number().int(),
    cancelled: z.number().int(),
    byKind: z.array(z.object({ kind: z.enum(DELEGATION_KINDS), received: z.number().int() })),
  }),
  tasks: z
    .object({ rows: z.array(TaskCounts.extend({ agencyId: z.uuid(), agencyName: z.string() })), total: TaskCounts })
    .describe('Nhiệm vụ giao trong kỳ theo cơ quan chủ trì (bảng theo dõi nhiệm vụ)'),
});
