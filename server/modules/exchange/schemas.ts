import { z } from 'zod';
import { DOCUMENT_TYPE_CODES } from '../documents/index.js';
import { EXCHANGE_MESSAGE_STATUSES, OUTBOX_STATUSES } from './tables.js';

export const ExchangeMessageResponse = z.object({
  id: z.uuid(),
  edxmlDocumentId: z.string().describe('DocumentId của thông điệp: <mã định danh>,<yyyy/MM/dd>,<số/ký hiệu>'),
  businessDocType: z.number().int().describe('0: văn bản mới; 1: thu hồi; 2: cập nhật; 3: thay thế'),
  businessReason: z.string().nullable().describe('Lý do thu hồi, cập nhật, thay thế (BussinessDocReason)'),
  targetDocumentIds: z.array(z.string()).describe('DocumentId của văn bản bị thu hồi, được cập nhật hoặc bị thay thế'),
  outcome: z.string().nullable().describe('Việc đã làm khi nhận: văn bản đến bị thu hồi, thông tin đã cập nhật; hoặc với văn bản bị lấy lại, thay thế: vì sao'),
  fromOrganId: z.string(),
  fromName: z.string(),
  numberNotation: z.string(),
  promulgationDate: z.string().nullable(),
  typeName: z.string().nullable(),
  subject: z.string(),
  signerName: z.string().nullable(),
  files: z.array(z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number().int() })),
  warnings: z.array(z.string()).describe('Tệp bị từ chối, trường không đọc được'),
  signature: z
    .object({
      status: z.enum(['absent', 'valid', 'warning', 'invalid']),
      signerName: z.string().nullable(),
      issuerName: z.string().nullable(),
      reasons: z.array(z.string()),
    })
    .nullable()
    .describe('Chữ ký số XML-DSig của thông điệp khi nhận: absent (không có), valid, warning (chưa tin cậy được), invalid (chứng thư hết hạn hoặc bị thu hồi); thông điệp có chữ ký không khớp nội dung bị từ chối'),
  sourceFileId: z.uuid().describe('Thông điệp edXML như đã nhận (tải qua downloadExchangeMessageFile)'),
  status: z.enum(EXCHANGE_MESSAGE_STATUSES).describe('pending: chờ văn thư vào sổ; registered: đã vào sổ; rejected: đã trả lại nơi gửi; withdrawn: nơi gửi đã lấy lại, thu hồi hoặc thay thế; applied: thông điệp thu hồi, cập nhật đã thực hiện trên văn bản gốc'),
  rejectReason: z.string().nullable(),
  via: z.enum(['file', 'exchange']).describe('file: văn thư nhập từ tệp; exchange: nhận qua kết nối liên thông'),
  lastStatusCode: z.string().nullable().describe('Mã trạng thái đã báo lại nơi gửi gần nhất (01, 02, 03 … 06)'),
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

export const RejectExchangeRequest = z.object({ reason: z.string().trim().min(5, 'Nêu lý do trả lại (ít nhất 5 ký tự)').max(1000) });

const IDENTIFIER = z.string().trim().regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, 'Mã định danh có dạng 000.00.00.H41');

export const PeerResponse = z.object({ id: z.uuid(), name: z.string(), url: z.string(), organIds: z.array(z.string()), createdAt: z.string() });

export const AddPeerRequest = z.object({
  name: z.string().trim().min(1, 'Nhập tên kết nối').max(200),
  url: z
    .url('Địa chỉ phải là URL, ví dụ https://vanphong.tinhkhac.gov.vn')
    .refine((u) => /^https?:\/\//.test(u), 'Địa chỉ phải bắt đầu bằng http:// hoặc https://')
    .describe('Địa chỉ gốc của hệ thống bên kia; thông điệp gửi tới <url>/api/exchange/inbox'),
  organIds: z.array(IDENTIFIER).min(1, 'Nhập ít nhất một mã định danh').max(1000).describe('Mã định danh các cơ quan do hệ thống bên kia phục vụ'),
  token: z.string().trim().min(20, 'Mã truy cập API do bên kia cấp (ít nhất 20 ký tự)').max(500).describe('Mã truy cập API của tài khoản nhận bên kia; chỉ lưu dạng mã hóa'),
});

export const OutboxQuery = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const OutboxItemResponse = z.object({
  id: z.uuid(),
  kind: z.enum(['document', 'status']).describe('document: văn bản gửi đi; status: trạng thái báo lại nơi gửi'),
  peerName: z.string(),
  agencyName: z.string().describe('Cơ quan gửi'),
  toOrganId: z.string(),
  edxmlDocumentId: z.string(),
  documentId: z.uuid().nullable().describe('Văn bản đi (với thông điệp văn bản)'),
  statusCode: z.string().nullable(),
  status: z.enum(OUTBOX_STATUSES).describe('pending: chờ gửi/gửi lại; sent: nơi nhận đã xác nhận; failed: nơi nhận từ chối, chờ người xử lý; cancelled: văn bản bị thu hồi trước khi gửi'),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});

export const InboxResponse = z.union([
  z.object({ kind: z.literal('document'), received: z.array(z.object({ organId: z.string(), messageId: z.uuid(), duplicate: z.boolean() })) }),
  z.object({ kind: z.literal('status'), documentId: z.uuid().nullable() }),
]);
