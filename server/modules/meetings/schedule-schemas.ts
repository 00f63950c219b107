import { z } from 'zod';
import { text } from '../../platform/http/zod-text.js';
import { SCHEDULE_STATES } from './tables.js';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
const Instant = z.iso.datetime({ offset: true, message: 'Thời điểm phải theo ISO 8601 (ví dụ 2026-11-30T08:00:00+07:00)' });

export const WeekParams = z.object({ weekStart: DateOnly.describe('Một ngày bất kỳ trong tuần; quy về thứ Hai (giờ Việt Nam)') });
export const EntryParams = z.object({ id: z.uuid() });
export const PublicWeekParams = WeekParams.extend({ tenantCode: z.string().regex(/^[a-z0-9-]{1,64}$/, 'Mã tỉnh không hợp lệ').describe('Mã tỉnh, ví dụ an-giang') });
export const PublicFeedParams = z.object({ tenantCode: PublicWeekParams.shape.tenantCode });
export const PublicFeedQuery = z.object({ leader: z.uuid().optional().describe('Chỉ lịch của một lãnh đạo') });

const entryFields = {
  startsAt: Instant.describe('Bắt đầu; tuần của lịch tính theo ngày bắt đầu'),
  endsAt: Instant.describe('Kết thúc'),
  leaderIds: z.array(z.uuid()).min(1, 'Chọn ít nhất một lãnh đạo').max(20).describe('Lãnh đạo dự (người có vai trò lãnh đạo)'),
  content: text(2000, 'Nhập nội dung công việc'),
  roomId: z.uuid().optional().describe('Phòng họp'),
  place: text(300).optional().describe('Địa điểm (khi không ở phòng họp)'),
  preparingAgencyId: z.uuid().optional().describe('Cơ quan chuẩn bị'),
  participants: text(2000).optional().describe('Thành phần tham dự'),
};
const timeOrder = (v: { startsAt?: string | undefined; endsAt?: string | undefined }) => !v.startsAt || !v.endsAt || new Date(v.endsAt) > new Date(v.startsAt);
const timeIssue = { message: 'Giờ kết thúc phải sau giờ bắt đầu', path: ['endsAt'] };
const notBoth = (v: { roomId?: string | null | undefined; place?: string | null | undefined }) => !(v.roomId && v.place);
const notBothIssue = { message: 'Chọn phòng họp hoặc nhập địa điểm khác, không cả hai', path: ['place'] };

export const CreateEntryRequest = z.object(entryFields).refine(timeOrder, timeIssue).refine(notBoth, notBothIssue);
export const UpdateEntryRequest = z
  .object({
    startsAt: entryFields.startsAt.optional(),
    endsAt: entryFields.endsAt.optional(),
    leaderIds: entryFields.leaderIds.optional(),
    content: entryFields.content.optional(),
    roomId: z.uuid().nullable().optional(),
    place: text(300).nullable().optional(),
    preparingAgencyId: z.uuid().nullable().optional(),
    participants: text(2000).nullable().optional(),
  })
  .refine(timeOrder, timeIssue)
  .refine(notBoth, notBothIssue);

const Leader = z.object({ id: z.uuid(), fullName: z.string(), positionName: z.string().nullable() });

export const ScheduleEntryResponse = z.object({
  id: z.uuid(),
  day: DateOnly.describe('Ngày (giờ Việt Nam) của giờ bắt đầu'),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  leaders: z.array(Leader),
  content: z.string(),
  roomId: z.uuid().nullable(),
  roomName: z.string().nullable(),
  place: z.string().nullable().describe('Địa điểm: phòng họp (tên, cơ sở) hoặc địa điểm khác'),
  preparingAgencyId: z.uuid().nullable(),
  preparingAgencyName: z.string().nullable(),
  participants: z.string().nullable(),
  meetingId: z.uuid().nullable(),
  adjusted: z.boolean().describe('Điều chỉnh hoặc bổ sung sau khi công bố'),
  conflicts: z.array(z.object({ kind: z.enum(['leader', 'room', 'leader_meeting', 'room_meeting']), message: z.string() })).describe('Trùng lịch của lãnh đạo hoặc phòng họp'),
});

export const WeekResponse = z.object({
  weekStart: DateOnly,
  weekEnd: DateOnly,
  state: z.enum(SCHEDULE_STATES).describe('draft: dự thảo; approved: đã duyệt; published: đã công bố'),
  revision: z.number().int().describe('Số lần điều chỉnh sau khi công bố'),
  approvedByName: z.string().nullable(),
  approvedAt: z.iso.datetime().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  conflictCount: z.number().int(),
  days: z.array(z.object({ date: DateOnly, entries: z.array(ScheduleEntryResponse) })),
  actions: z.array(z.enum(['edit', 'approve', 'publish'])).describe('Thao tác người đang xem được làm lúc này'),
});

export const PublicWeekResponse = z.object({
  tenantName: z.string(),
  weekStart: DateOnly,
  weekEnd: DateOnly,
  revision: z.number().int(),
  publishedAt: z.iso.datetime().nullable(),
  days: z.array(z.object({ date: DateOnly, entries: z.array(ScheduleEntryResponse.omit({ conflicts: true, meetingId: true, roomId: true, preparingAgencyId: true })) })),
});

export const ScheduleLeadersResponse = z.object({ items: z.array(Leader.extend({ agencyName: z.string() })) });
export const FeedLinkResponse = z.object({ url: z.string().describe('Địa chỉ lịch iCalendar công khai (đăng ký trong Outlook, Google Calendar, điện thoại)'), publicPage: z.string() });
