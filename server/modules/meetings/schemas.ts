import { z } from 'zod';
import { text } from '../../platform/http/zod-text.js';
import { DERIVED_STATUSES } from '../tasks/index.js';
import { ATTENDANCE, MEETING_KINDS, MEETING_STATES, SITE_STATES } from './tables.js';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
const Instant = z.iso.datetime({ offset: true, message: 'Thời điểm phải theo ISO 8601 (ví dụ 2026-11-30T08:00:00+07:00)' });

export const MeetingParams = z.object({ id: z.uuid() });
export const RoomParams = z.object({ id: z.uuid() });
export const MeetingDocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });

// ---- rooms ----

export const RoomRequest = z.object({
  agencyId: z.uuid().describe('Cơ quan quản lý phòng họp'),
  location: text(300, 'Nhập địa điểm (trụ sở, cơ sở)').describe('Trụ sở, cơ sở có phòng họp'),
  name: text(200, 'Nhập tên phòng họp'),
  capacity: z.number().int().min(1, 'Sức chứa ít nhất 1 người').max(5000),
  online: z.boolean().default(false).describe('Phòng có thiết bị họp trực tuyến với các xã'),
  active: z.boolean().default(true),
});
export const RoomResponse = z.object({ id: z.uuid(), agencyId: z.uuid(), agencyName: z.string(), location: z.string(), name: z.string(), capacity: z.number().int(), online: z.boolean(), active: z.boolean() });
export const RoomListResponse = z.object({ items: z.array(RoomResponse) });

// ---- meetings ----

export const AgendaItemInput = z.object({
  title: text(500, 'Nhập nội dung chương trình'),
  presenter: text(200).optional().describe('Người, cơ quan trình bày'),
  minutes: z.number().int().min(1).max(600).optional().describe('Thời lượng (phút)'),
});

const ids = (max: number, what: string) => z.array(z.uuid()).max(max).describe(what);
const meetingFields = {
  kind: z.enum(MEETING_KINDS).describe('ubnd_session: phiên họp UBND; conference: hội nghị; working_session: buổi làm việc; online_conference: hội nghị trực tuyến'),
  title: text(500, 'Nhập tên cuộc họp'),
  chairUserId: z.uuid().describe('Người chủ trì (lãnh đạo)'),
  organizerAgencyId: z.uuid().describe('Cơ quan chuẩn bị; mặc định cơ quan của người tạo'),
  startsAt: Instant.describe('Bắt đầu'),
  endsAt: Instant.describe('Kết thúc'),
  roomId: z.uuid().describe('Phòng họp'),
  place: text(300).describe('Địa điểm khác (khi không họp tại phòng họp)'),
  agenda: z.array(AgendaItemInput).max(50),
  participantUserIds: ids(300, 'Người được mời'),
  participantAgencyIds: ids(300, 'Cơ quan được mời (cử người dự)'),
  secretaryUserIds: ids(10, 'Thư ký cuộc họp (ghi điểm danh)'),
  siteAgencyIds: ids(200, 'Điểm cầu: UBND xã, phường, đặc khu (họp trực tuyến)'),
  allCommunes: z.boolean().describe('Kết nối tất cả xã, phường, đặc khu'),
};
const f = meetingFields;
const timeOrder = (v: { startsAt?: string | undefined; endsAt?: string | undefined }) => !v.startsAt || !v.endsAt || new Date(v.endsAt) > new Date(v.startsAt);
const timeOrderIssue = { message: 'Giờ kết thúc phải sau giờ bắt đầu', path: ['endsAt'] };

export const CreateMeetingRequest = z
  .object({
    ...f,
    organizerAgencyId: f.organizerAgencyId.optional(),
    roomId: f.roomId.optional(),
    place: f.place.optional(),
    agenda: f.agenda.default([]),
    participantUserIds: f.participantUserIds.default([]),
    participantAgencyIds: f.participantAgencyIds.default([]),
    secretaryUserIds: f.secretaryUserIds.default([]),
    siteAgencyIds: f.siteAgencyIds.default([]),
    allCommunes: f.allCommunes.default(false),
  }).refine(timeOrder, timeOrderIssue).refine((v) => !(v.roomId && v.place), { message: 'Chọn phòng họp hoặc nhập địa điểm khác, không cả hai', path: ['place'] });
export const UpdateMeetingRequest = z
  .object({ ...z.object(meetingFields).partial().shape, roomId: f.roomId.nullable().optional(), place: f.place.nullable().optional() })
  .refine(timeOrder, timeOrderIssue);

export const MEETING_SCOPES = ['all', 'mine'] as const;
export const MeetingListQuery = z.object({
  from: Instant.optional().describe('Từ thời điểm (bắt đầu cuộc họp)'),
  to: Instant.optional().describe('Đến thời điểm'),
  kind: z.enum(MEETING_KINDS).optional(),
  state: z.enum(MEETING_STATES).optional(),
  mine: z.enum(['true', 'false']).optional().describe('true: cuộc họp tôi chủ trì hoặc được mời'),
  q: z.string().trim().max(200).optional().describe('Từ khóa trong tên cuộc họp, có dấu hoặc không dấu'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const CancelMeetingRequest = z.object({ reason: text(1000, 'Nhập lý do hoãn, hủy') });

export const MeetingSummaryResponse = z.object({
  id: z.uuid(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  state: z.enum(MEETING_STATES),
  chairUserId: z.uuid(),
  chairName: z.string(),
  organizerAgencyId: z.uuid(),
  organizerAgencyName: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  roomId: z.uuid().nullable(),
  roomName: z.string().nullable(),
  place: z.string().nullable(),
  online: z.boolean(),
  siteCount: z.number().int(),
});
export const MeetingListResponse = z.object({ items: z.array(MeetingSummaryResponse), total: z.number().int() });

export const MEETING_ACTIONS = ['edit', 'cancel', 'mark_held', 'attendance', 'documents', 'invitation', 'conclusion', 'join'] as const;

export const MeetingResponse = MeetingSummaryResponse.extend({
  agenda: z.array(z.object({ title: z.string(), presenter: z.string().optional(), minutes: z.number().int().optional() })),
  cancelReason: z.string().nullable(),
  invitationDocumentId: z.uuid().nullable(),
  createdByName: z.string().nullable(),
  participants: z.array(
    z.object({
      id: z.uuid(),
      userId: z.uuid().nullable(),
      agencyId: z.uuid().nullable(),
      name: z.string(),
      detail: z.string().nullable().describe('Chức vụ, cơ quan của người được mời'),
      role: z.string(),
      attendance: z.enum(ATTENDANCE).nullable(),
      attendanceNote: z.string().nullable(),
    }),
  ),
  sites: z.array(z.object({ agencyId: z.uuid(), name: z.string(), state: z.enum(SITE_STATES), connectedAt: z.iso.datetime().nullable(), attendees: z.number().int().nullable(), note: z.string().nullable(), canRecord: z.boolean() })),
  documents: z.array(z.object({ id: z.uuid(), title: z.string(), fileId: z.uuid(), fileName: z.string(), mime: z.string(), size: z.number().int(), addedByName: z.string(), addedAt: z.iso.datetime(), readCount: z.number().int(), readByMe: z.boolean(), readers: z.array(z.object({ name: z.string(), readAt: z.iso.datetime() })) })),
  conclusion: z.object({ summary: z.string(), noticeDocumentId: z.uuid().nullable(), recordedByName: z.string(), recordedAt: z.iso.datetime() }).nullable(),
  tasks: z.array(z.object({ id: z.uuid(), content: z.string(), primaryAgencyName: z.string(), deadline: DateOnly, state: z.string(), derivedStatus: z.enum(DERIVED_STATUSES), progress: z.number().int() })),
  actions: z.array(z.enum(MEETING_ACTIONS)).describe('Thao tác người đang xem được làm lúc này'),
});

export const CreateMeetingResponse = MeetingResponse.extend({ warnings: z.array(z.string()).describe('Cảnh báo (ví dụ người chủ trì trùng lịch) — không ngăn việc tạo') });

export const JoinLinkResponse = z.object({ url: z.url(), room: z.string(), expiresAt: z.iso.datetime().nullable() });

export const SiteConnectionRequest = z.object({
  state: z.enum(['connected', 'not_connected']).describe('connected: đã kết nối; not_connected: không kết nối được'),
  attendees: z.number().int().min(0).max(10000).optional().describe('Số người dự tại điểm cầu'),
  note: text(1000).optional(),
});
export const SiteParams = z.object({ id: z.uuid(), agencyId: z.uuid() });

export const AttendanceRequest = z.object({
  entries: z
    .array(z.object({ participantId: z.uuid(), attendance: z.enum(ATTENDANCE).describe('present: có mặt; absent: vắng; excused: vắng có lý do'), note: text(1000).optional().describe('Người dự thay (với cơ quan) hoặc lý do vắng') }))
    .min(1, 'Chưa có ai được điểm danh')
    .max(300),
});

export const AddMeetingDocumentRequest = z.object({ fileId: z.uuid().describe('Tệp đã tải lên qua /api/files'), title: text(300).optional().describe('Tên tài liệu; mặc định tên tệp') });

export const InvitationRequest = z.object({ signerId: z.uuid().optional().describe('Người ký giấy mời; mặc định người chủ trì') });
export const InvitationResponse = z.object({ documentId: z.uuid() });

export const ConclusionItem = z.object({
  content: text(4000, 'Nhập nội dung nhiệm vụ'),
  primaryAgencyId: z.uuid({ message: 'Chọn cơ quan chủ trì' }).describe('Cơ quan chủ trì thực hiện'),
  coordinatingAgencyIds: z.array(z.uuid()).max(50).default([]),
  dueDate: DateOnly.describe('Hạn hoàn thành'),
  priority: z.enum(['normal', 'high', 'urgent']).default('normal'),
});
export const ConclusionRequest = z.object({
  summary: text(20000, 'Nhập nội dung kết luận'),
  items: z.array(ConclusionItem).max(100).default([]).describe('Nhiệm vụ giao tại cuộc họp: mỗi mục thành một nhiệm vụ'),
  signerId: z.uuid().optional().describe('Người ký thông báo kết luận; mặc định người chủ trì'),
});
