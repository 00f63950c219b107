import { z } from 'zod';
import { text } from '../../platform/http/zod-text.js';
import { ProblemResponse } from '../../platform/http/route.js';
import { CONFIDENTIALITIES, DOCUMENT_TYPE_CODES, URGENCIES } from './document-types.js';
import { RoutingResponse } from './routing-schemas.js';
import { DOCUMENT_STATUSES, RECIPIENT_KINDS, RECIPIENT_STATUSES } from './tables.js';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');

/**
 * "Số: 123/UBND-VP" as printed: number and notation (App. VI: CodeNumber ≤ 11, CodeNotation ≤ 30, no
 * spaces inside the notation). "Số:" in front is accepted and dropped.
 */
export const NumberNotation = z
  .string()
  .trim()
  .transform((s) => s.normalize('NFC').replace(/^số\s*:?\s*/i, '').replace(/\s*\/\s*/, '/'))
  .pipe(z.string().regex(/^[0-9A-Za-z.]{1,11}\/[^\s/][^\s]{0,29}$/, 'Số, ký hiệu phải có dạng 123/UBND-VP (số tối đa 11 ký tự, ký hiệu tối đa 30, không có khoảng trắng)'))
  .describe('Số và ký hiệu như in trên văn bản, ví dụ 123/UBND-VP');

export const RegisterIncomingRequest = z
  .object({
    registerId: z.uuid().optional().describe('Sổ văn bản đến; bỏ trống = sổ mặc định của cơ quan (sổ mật cho văn bản mật)'),
    channel: z.enum(['paper', 'electronic']).describe('Nhận bản giấy (đã quét) hay điện tử'),
    receivedAt: z.iso.datetime({ offset: true }).optional().describe('Thời điểm nhận; bỏ trống = bây giờ'),
    senderAgencyId: z.uuid().optional().describe('Cơ quan gửi trong danh mục'),
    senderName: text(200).optional().describe('Tên cơ quan gửi, khi không có trong danh mục'),
    numberNotation: NumberNotation,
    issuedDate: DateOnly.describe('Ngày tháng của văn bản'),
    typeCode: z.enum(DOCUMENT_TYPE_CODES).describe('Loại văn bản (Phụ lục III Nghị định 30/2020)'),
    subject: text(500, 'Nhập trích yếu'),
    signerName: text(50).optional(),
    signerPosition: text(100).optional(),
    pages: z.number().int().min(1).max(999).optional(),
    urgency: z.enum(URGENCIES).default('normal'),
    confidentiality: z.enum(CONFIDENTIALITIES).default('normal'),
    dueDate: DateOnly.optional().describe('Hạn xử lý'),
    dueInWorkingDays: z.number().int().min(1).max(365).optional().describe('Hạn xử lý sau N ngày làm việc kể từ ngày nhận'),
    fileIds: z.array(z.uuid()).max(20).default([]).describe('Tệp đã tải lên (POST /api/files); tệp đầu tiên là văn bản chính'),
    viewerIds: z.array(z.uuid()).max(50).default([]).describe('Văn bản mật: những người được xem'),
    confirmDuplicate: z.boolean().default(false).describe('Vẫn đăng ký dù đã có văn bản trùng'),
  })
  .refine((v) => v.senderAgencyId || v.senderName, { message: 'Chọn cơ quan gửi hoặc nhập tên cơ quan gửi', path: ['senderName'] })
  .refine((v) => !(v.dueDate && v.dueInWorkingDays), { message: 'Chỉ nhập hạn xử lý theo ngày hoặc theo số ngày làm việc', path: ['dueDate'] });

export const DocumentFileResponse = z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number().int(), role: z.enum(['main', 'attachment']) });
export const DocumentEventResponse = z.object({
  id: z.uuid(),
  kind: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.iso.datetime(),
  assignmentId: z.uuid().nullable().describe('Lượt giao xử lý mà bước này thuộc về (tiếp nhận, chuyển, báo cáo, hoàn thành, thu hồi, gia hạn)'),
});

export const DocumentSummaryResponse = z.object({
  id: z.uuid(),
  direction: z.enum(['incoming', 'outgoing']),
  registerId: z.uuid().nullable(),
  registerName: z.string().nullable(),
  arrivalNumber: z.number().int().nullable().describe('Số đến (văn bản đến)'),
  arrivalYear: z.number().int().nullable(),
  receivedAt: z.iso.datetime().nullable(),
  channel: z.enum(['paper', 'electronic']),
  senderAgencyId: z.uuid().nullable(),
  senderName: z.string(),
  numberNotation: z.string().nullable().describe('Số, ký hiệu: 123/UBND-VP (dự thảo chưa có)'),
  issuedDate: z.string().nullable(),
  typeCode: z.string(),
  typeName: z.string(),
  subject: z.string(),
  urgency: z.enum(URGENCIES),
  confidentiality: z.enum(CONFIDENTIALITIES),
  dueDate: z.string().nullable(),
  status: z
    .enum(DOCUMENT_STATUSES)
    .describe(
      'Đến: registered (đã vào sổ), presented (đã trình), in_progress (đang xử lý), done (xong), withdrawn (bên gửi đã thu hồi). Đi: draft, in_review, returned, approved, signed, issued, recalled',
    ),
});
export const RecipientResponse = z.object({
  id: z.uuid(),
  kind: z.enum(RECIPIENT_KINDS),
  agencyId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
  name: z.string(),
  organId: z.string().nullable().describe('Mã định danh của nơi nhận bên ngoài'),
  status: z.enum(RECIPIENT_STATUSES).describe('pending: chưa gửi; delivered: đã nhận; queued: chờ gửi liên thông; read: đã xem; answered: đã trả lời; withdrawn: đã thu hồi; rejected: bị từ chối'),
  deliveredAt: z.iso.datetime().nullable(),
  readAt: z.iso.datetime().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  exchange: z
    .object({
      code: z.string().nullable().describe('Mã trạng thái edXML nơi nhận báo về: 01 đã đến, 02 từ chối, 03 đã tiếp nhận, 04 phân công, 05 đang xử lý, 06 hoàn thành, 15/16 trả lời yêu cầu lấy lại'),
      note: z.string(),
      at: z.iso.datetime(),
    })
    .nullable()
    .describe('Văn bản đang ở đâu tại nơi nhận bên ngoài (liên thông)'),
});

export const VersionResponse = z.object({ fileId: z.uuid(), name: z.string(), mime: z.string(), size: z.number().int(), version: z.number().int(), addedAt: z.iso.datetime() });

export const AttachmentVersionResponse = VersionResponse.extend({
  attachment: z.number().int().min(1).describe('Thứ tự của phụ lục, tài liệu kèm theo (từ 1)'),
  current: z.boolean().describe('Phiên bản hiện hành: phiên bản được phát hành, gửi đi'),
  organizationSigned: z.boolean().describe('Đã có chữ ký số của cơ quan (phụ lục là tệp riêng: Nghị định 30/2020, Phụ lục I, mục II.8)'),
});

export const OutgoingPartResponse = z.object({
  draftingUnitName: z.string().nullable(),
  signerId: z.uuid().nullable(),
  holderId: z.uuid().nullable(),
  holderName: z.string().nullable(),
  issueNumber: z.number().int().nullable(),
  issuedAt: z.iso.datetime().nullable(),
  replyToId: z.uuid().nullable(),
  recipients: z.array(RecipientResponse),
  versions: z.array(VersionResponse).describe('Các phiên bản dự thảo, mới nhất trước'),
  attachments: z.array(AttachmentVersionResponse).describe('Các phiên bản của từng phụ lục, tài liệu kèm theo: theo thứ tự phụ lục, mới nhất trước'),
  actions: z.array(z.enum(['edit', 'add_version', 'submit', 'return', 'comment', 'approve', 'sign', 'seal', 'issue', 'recall'])).describe('Thao tác người đang xem được làm (seal: thêm chữ ký số của cơ quan)'),
});

export const DocumentResponse = DocumentSummaryResponse.extend({
  signerName: z.string().nullable(),
  signerPosition: z.string().nullable(),
  pages: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  files: z.array(DocumentFileResponse),
  events: z.array(DocumentEventResponse),
  routing: RoutingResponse,
  readers: z.number().int().describe('Số người đã xem'),
  sourceDocumentId: z.uuid().nullable().describe('Văn bản đi gốc, khi nhận từ cơ quan trong tỉnh'),
  outgoing: OutgoingPartResponse.nullable().describe('Văn bản đi: nơi nhận, phiên bản, người đang giữ'),
});

export const ListIncomingQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Tìm theo số ký hiệu, trích yếu, nơi gửi, người ký; không phân biệt dấu'),
  from: DateOnly.optional().describe('Nhận từ ngày'),
  to: DateOnly.optional().describe('Nhận đến ngày'),
  urgency: z.enum(URGENCIES).optional(),
  typeCode: z.enum(DOCUMENT_TYPE_CODES).optional(),
  registerId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const DocumentListResponse = z.object({ items: z.array(DocumentSummaryResponse), total: z.number().int() });

export const RegisterResponse = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  direction: z.enum(['incoming', 'outgoing']),
  name: z.string(),
  secret: z.boolean(),
  active: z.boolean(),
  typeCodes: z.array(z.string()).nullable().describe('Sổ văn bản đi riêng cho các loại văn bản này (null: sổ chung)'),
});

/** 409 of registerIncomingDocument: the documents already registered with the same sender, number and date. */
export const DuplicateProblemResponse = ProblemResponse.extend({
  duplicates: z
    .array(z.object({ id: z.uuid(), arrivalNumber: z.number().int().nullable(), arrivalYear: z.number().int().nullable(), receivedAt: z.string().nullable() }))
    .optional()
    .describe('Các văn bản đã đăng ký trùng cơ quan gửi, số, ký hiệu và ngày'),
});
