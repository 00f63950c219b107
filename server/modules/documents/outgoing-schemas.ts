import { z } from 'zod';
import { text } from '../../platform/http/zod-text.js';
import { CONFIDENTIALITIES, DOCUMENT_TYPE_CODES, URGENCIES } from './document-types.js';
import { DocumentSummaryResponse } from './schemas.js';


export const RecipientInput = z
  .object({
    agencyId: z.uuid().optional().describe('Cơ quan trong tỉnh: nhận ngay thành văn bản đến'),
    unitId: z.uuid().optional().describe('Đơn vị nội bộ: nhận để biết'),
    name: text(200).optional().describe('Nơi nhận bên ngoài: chờ gửi qua trục liên thông'),
    identifierCode: z
      .string()
      .trim()
      .regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, 'Mã định danh có dạng 000.00.00.H41')
      .optional()
      .describe('Mã định danh của nơi nhận bên ngoài (Quyết định 20/2020): văn bản được gửi qua liên thông'),
  })
  .refine((r) => !r.identifierCode || r.name, { message: 'Mã định danh chỉ dùng cho nơi nhận bên ngoài', path: ['identifierCode'] })
  .refine((r) => [r.agencyId, r.unitId, r.name].filter(Boolean).length === 1, { message: 'Mỗi nơi nhận là một cơ quan, một đơn vị hoặc một tên nơi nhận bên ngoài' });

const draftFields = {
  typeCode: z.enum(DOCUMENT_TYPE_CODES).describe('Loại văn bản'),
  subject: text(500, 'Nhập trích yếu'),
  urgency: z.enum(URGENCIES).default('normal'),
  confidentiality: z.enum(CONFIDENTIALITIES).default('normal'),
  signerId: z.uuid().describe('Người ký dự kiến'),
  recipients: z.array(RecipientInput).max(200).default([]).describe('Nơi nhận'),
  contentFileId: z.uuid().optional().describe('Tệp nội dung dự thảo (DOCX hoặc PDF) đã tải lên'),
  attachmentIds: z.array(z.uuid()).max(20).default([]).describe('Phụ lục, tài liệu kèm theo'),
  replyToId: z.uuid().optional().describe('Văn bản đến mà văn bản này trả lời'),
};

export const CreateOutgoingDraftRequest = z.object(draftFields);
export const UpdateOutgoingDraftRequest = z.object({
  typeCode: draftFields.typeCode.optional(),
  subject: draftFields.subject.optional(),
  urgency: z.enum(URGENCIES).optional(),
  confidentiality: z.enum(CONFIDENTIALITIES).optional(),
  signerId: z.uuid().optional(),
  recipients: z.array(RecipientInput).max(200).optional(),
});
export const AddVersionRequest = z.object({ fileId: z.uuid().describe('Bản dự thảo mới đã tải lên'), note: text(1000).optional() });
export const SubmitRequest = z.object({ toUserId: z.uuid().describe('Người xem xét tiếp theo (trưởng đơn vị, lãnh đạo văn phòng, người ký)'), note: text(2000).optional() });
export const NoteRequest = z.object({ note: text(4000, 'Nhập nội dung') });
export const OptionalNoteRequest = z.object({ note: text(4000).optional() });
export const IssueRequest = z.object({ registerId: z.uuid().optional().describe('Sổ văn bản đi; bỏ trống = sổ theo loại văn bản') });

export const OutgoingListQuery = z.object({
  view: z.enum(['drafts', 'review', 'to_issue', 'issued']).default('drafts').describe('drafts: dự thảo của tôi; review: chờ tôi xem xét, duyệt; to_issue: chờ cấp số, phát hành (văn thư); issued: đã phát hành'),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const OutgoingListResponse = z.object({ items: z.array(DocumentSummaryResponse.extend({ holderName: z.string().nullable() })), total: z.number().int() });
