import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { contentDisposition } from '../../platform/files/routes.js';
import { ctxOf, problems, typed } from '../../platform/http/route.js';
import { getMeetingJoinLink, recordAttendance, recordSiteConnection } from './attendance.js';
import { recordConclusion } from './conclusions.js';
import { createMeetingInvitation } from './invitations.js';
import type { JitsiSettings } from './jitsi.js';
import { addMeetingDocument, downloadMeetingDocument, listMeetingDocuments, removeMeetingDocument } from './meeting-documents.js';
import * as rooms from './rooms.js';
import {
  AddMeetingDocumentRequest,
  AttendanceRequest,
  CancelMeetingRequest,
  ConclusionRequest,
  CreateMeetingRequest,
  CreateMeetingResponse,
  InvitationRequest,
  InvitationResponse,
  JoinLinkResponse,
  MeetingDocumentParams,
  MeetingListQuery,
  MeetingListResponse,
  MeetingParams,
  MeetingResponse,
  RoomListResponse,
  RoomParams,
  RoomRequest,
  RoomResponse,
  SiteConnectionRequest,
  SiteParams,
  UpdateMeetingRequest,
} from './schemas.js';
import * as meetings from './service.js';

export function meetingRoutes(app: FastifyInstance, deps: { db: Db; store: BlobStore; jitsi: JitsiSettings }) {
  const r = typed(app);
  const tags = ['Họp, hội nghị'];
  const { db, store } = deps;
  const one = { tags, params: MeetingParams, response: { 200: MeetingResponse, ...problems(400, 401, 403, 404, 409) } };

  r.get('/api/meeting-rooms', {
    schema: { operationId: 'listMeetingRooms', summary: 'Danh sách phòng họp tại các trụ sở', tags, querystring: z.object({ all: z.enum(['true', 'false']).optional().describe('true: gồm cả phòng ngừng sử dụng (người quản lý)') }), response: { 200: RoomListResponse, ...problems(401) } },
    handler: (req) => rooms.listRooms(ctxOf(db, req), req.query.all === 'true'),
  });
  r.post('/api/meeting-rooms', {
    schema: { operationId: 'createMeetingRoom', summary: 'Thêm phòng họp (quản trị hoặc lãnh đạo)', tags, body: RoomRequest, response: { 201: RoomResponse, ...problems(400, 401, 403, 409) } },
    handler: async (req, reply) => reply.code(201).send(await rooms.createRoom(ctxOf(db, req), req.body)),
  });
  r.patch('/api/meeting-rooms/:id', {
    schema: { operationId: 'updateMeetingRoom', summary: 'Sửa phòng họp, ngừng sử dụng phòng họp', tags, params: RoomParams, body: RoomRequest, response: { 200: RoomResponse, ...problems(400, 401, 403, 404, 409) } },
    handler: (req) => rooms.updateRoom(ctxOf(db, req), req.params.id, req.body),
  });

  r.get('/api/meetings', {
    schema: { operationId: 'listMeetings', summary: 'Danh sách cuộc họp người dùng được xem: theo khoảng thời gian, loại, của tôi, từ khóa', tags, querystring: MeetingListQuery, response: { 200: MeetingListResponse, ...problems(400, 401) } },
    handler: (req) => meetings.listMeetings(ctxOf(db, req), req.query),
  });
  r.post('/api/meetings', {
    schema: { operationId: 'createMeeting', summary: 'Tạo cuộc họp: loại, chủ trì, thời gian, phòng họp (không trùng), thành phần, chương trình, điểm cầu', tags, body: CreateMeetingRequest, response: { 201: CreateMeetingResponse, ...problems(400, 401, 403, 409) } },
    handler: async (req, reply) => reply.code(201).send(await meetings.createMeeting(ctxOf(db, req), req.body)),
  });
  r.get('/api/meetings/:id', {
    schema: { operationId: 'getMeeting', summary: 'Chi tiết cuộc họp: thành phần, điểm danh, điểm cầu, tài liệu, kết luận, nhiệm vụ', tags, params: MeetingParams, response: { 200: MeetingResponse, ...problems(401, 404) } },
    handler: (req) => meetings.getMeeting(ctxOf(db, req), req.params.id),
  });
  r.patch('/api/meetings/:id', {
    schema: { operationId: 'updateMeeting', summary: 'Sửa cuộc họp chưa diễn ra', tags, params: MeetingParams, body: UpdateMeetingRequest, response: { 200: CreateMeetingResponse, ...problems(400, 401, 403, 404, 409) } },
    handler: (req) => meetings.updateMeeting(ctxOf(db, req), req.params.id, req.body),
  });
  r.post('/api/meetings/:id/cancel', {
    schema: { operationId: 'cancelMeeting', summary: 'Hoãn, hủy cuộc họp (nêu lý do)', ...one, body: CancelMeetingRequest },
    handler: (req) => meetings.cancelMeeting(ctxOf(db, req), req.params.id, req.body.reason),
  });
  r.post('/api/meetings/:id/held', {
    schema: { operationId: 'markMeetingHeld', summary: 'Ghi nhận cuộc họp đã diễn ra', ...one },
    handler: (req) => meetings.markMeetingHeld(ctxOf(db, req), req.params.id),
  });

  r.get('/api/meetings/:id/join', {
    schema: { operationId: 'getMeetingJoinLink', summary: 'Đường dẫn tham gia họp trực tuyến (Jitsi Meet), kèm mã JWT riêng cho người dùng khi được cấu hình', tags, params: MeetingParams, response: { 200: JoinLinkResponse, ...problems(400, 401, 404, 409) } },
    handler: (req) => getMeetingJoinLink(ctxOf(db, req), deps.jitsi, req.params.id),
  });
  r.post('/api/meetings/:id/sites/:agencyId', {
    schema: { operationId: 'recordSiteConnection', summary: 'Ghi nhận kết nối của điểm cầu (cơ quan tổ chức hoặc chính xã, phường, đặc khu): đã kết nối, số người dự', tags, params: SiteParams, body: SiteConnectionRequest, response: { 200: MeetingResponse, ...problems(400, 401, 403, 404, 409) } },
    handler: (req) => recordSiteConnection(ctxOf(db, req), req.params.id, req.params.agencyId, req.body),
  });
  r.post('/api/meetings/:id/attendance', {
    schema: { operationId: 'recordAttendance', summary: 'Điểm danh: có mặt, vắng, vắng có lý do (cơ quan tổ chức hoặc thư ký)', ...one, body: AttendanceRequest },
    handler: (req) => recordAttendance(ctxOf(db, req), req.params.id, req.body),
  });

  r.get('/api/meetings/:id/documents', {
    schema: { operationId: 'listMeetingDocuments', summary: 'Tài liệu cuộc họp (không giấy) và ai đã đọc', tags, params: MeetingParams, response: { 200: z.object({ items: MeetingResponse.shape.documents }), ...problems(401, 404) } },
    handler: (req) => listMeetingDocuments(ctxOf(db, req), req.params.id),
  });
  r.post('/api/meetings/:id/documents', {
    schema: { operationId: 'addMeetingDocument', summary: 'Đăng tài liệu họp đã tải lên qua /api/files', ...one, body: AddMeetingDocumentRequest },
    handler: (req) => addMeetingDocument(ctxOf(db, req), req.params.id, req.body),
  });
  r.get('/api/meetings/:id/documents/:documentId/content', {
    schema: { operationId: 'downloadMeetingDocument', summary: 'Đọc, tải tài liệu họp (ghi nhận lần đọc đầu tiên)', tags, params: MeetingDocumentParams, response: { 200: z.unknown().describe('Nội dung tệp'), ...problems(401, 404, 500) } },
    handler: async (req, reply) => {
      const { file, stream } = await downloadMeetingDocument(ctxOf(db, req), store, req.params.id, req.params.documentId);
      return reply.header('content-type', file.mime).header('content-length', String(file.size)).header('content-disposition', contentDisposition('inline', file.name)).header('cache-control', 'private, no-store').send(stream);
    },
  });
  r.delete('/api/meetings/:id/documents/:documentId', {
    schema: { operationId: 'removeMeetingDocument', summary: 'Gỡ tài liệu họp (trước khi họp)', tags, params: MeetingDocumentParams, response: { 200: MeetingResponse, ...problems(401, 403, 404, 409) } },
    handler: (req) => removeMeetingDocument(ctxOf(db, req), req.params.id, req.params.documentId),
  });

  r.post('/api/meetings/:id/invitation', {
    schema: { operationId: 'createMeetingInvitation', summary: 'Lập dự thảo giấy mời (văn bản đi) gửi các cơ quan được mời và điểm cầu', tags, params: MeetingParams, body: InvitationRequest, response: { 201: InvitationResponse, ...problems(400, 401, 403, 404, 409) } },
    handler: async (req, reply) => reply.code(201).send(await createMeetingInvitation(ctxOf(db, req), store, req.params.id, req.body)),
  });
  r.post('/api/meetings/:id/conclusion', {
    schema: { operationId: 'recordConclusion', summary: 'Ghi kết luận cuộc họp: dự thảo thông báo kết luận và giao nhiệm vụ từ các nội dung giao việc, trong một bước', tags, params: MeetingParams, body: ConclusionRequest, response: { 201: MeetingResponse, ...problems(400, 401, 403, 404, 409) } },
    handler: async (req, reply) => reply.code(201).send(await recordConclusion(ctxOf(db, req), store, req.params.id, req.body)),
  });
}
