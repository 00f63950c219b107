import { z } from 'zod';
import { DOCUMENT_TYPE_CODES } from '../documents/index.js';
import { EXCHANGE_MESSAGE_STATUSES } from './tables.js';

export const ExchangeMessageResponse = z.object({
  id: z.uuid(),
  edxmlDocumentId: z.string().describe('DocumentId của thông điệp: <mã định danh>,<yyyy/MM/dd>,<số/ký hiệu>'),
  businessDocType: z.number().int().describe('0: văn bản mới; 1: thu hồi; 2: cập nhật; 3: thay thế'),
  fromOrganId: z.string(),
  fromName: z.string(),
  numberNotation: z.string(),
  promulgationDate: z.string().nullable(),
  typeName: z.string().nullable(),
  subject: z.string(),
  signerName: z.string().nullable(),
  files: z.array(z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number().int() })),
  warnings: z.array(z.string()).describe('Tệp bị từ chối, trường không đọc được'),
  status: z.enum(EXCHANGE_MESSAGE_STATUSES).describe('pending: chờ văn thư vào sổ; registered: đã vào sổ'),
  documentId: z.uuid().nullable().describe('Văn bản đến được tạo khi vào sổ'),
  receivedAt: z.string(),
});

export const ImportResponse = z.object({ message: ExchangeMessageResponse, duplicate: z.boolean().describe('true: thông điệp (cùng DocumentId) đã nhận trước đó, không lưu lại') });

export const ExchangeListQuery = z.object({
  status: z.enum(EXCHANGE_MESSAGE_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const RegisterExchangeRequest = z.object({
  typeCode: z.enum(DOCUMENT_TYPE_CODES).optional().describe('Loại văn bản khi thông điệp không cho biết được'),
  dueInWorkingDays: z.number().int().min(1).max(365).optional(),
});
