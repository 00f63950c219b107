import { z } from 'zod';
import { DOCUMENT_STATUSES } from './tables.js';
import { DOCUMENT_TYPE_CODES, URGENCIES } from './document-types.js';
import { DocumentSummaryResponse } from './schemas.js';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');

export const SearchQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Số ký hiệu (một phần, ví dụ UBND-VP), trích yếu, nơi gửi, người ký, nội dung tệp PDF; không phân biệt dấu'),
  direction: z.enum(['incoming', 'outgoing']).optional(),
  from: DateOnly.optional().describe('Ngày đến (văn bản đến) hoặc ngày phát hành (văn bản đi) từ'),
  to: DateOnly.optional(),
  typeCode: z.enum(DOCUMENT_TYPE_CODES).optional(),
  agencyId: z.uuid().optional().describe('Cơ quan ban hành'),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  urgency: z.enum(URGENCIES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Chỉ văn bản đến quá hạn chưa xử lý xong'),
  sort: z.enum(['newest', 'oldest', 'due']).default('newest'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const SearchResponse = z.object({
  items: z.array(DocumentSummaryResponse.extend({ matchedInContent: z.boolean().describe('Khớp trong nội dung tệp, không phải trong thông tin văn bản') })),
  total: z.number().int(),
  totalCapped: z.boolean().describe('Có hơn `total` kết quả (không đếm hết khi quá nhiều)'),
});

export const StatsQuery = z.object({ from: DateOnly, to: DateOnly, agencyId: z.uuid().optional().describe('Mặc định: cơ quan của người xem') });
const Handling = z.object({ assigned: z.number().int(), doneOnTime: z.number().int(), doneLate: z.number().int(), openOverdue: z.number().int(), open: z.number().int() });
export const StatsResponse = z.object({
  from: z.string(),
  to: z.string(),
  agencyId: z.uuid(),
  received: z.number().int().describe('Văn bản đến trong kỳ'),
  receivedElectronic: z.number().int().describe('trong đó nhận điện tử'),
  routed: z.number().int().describe('Văn bản đến đã trình, giao xử lý trên hệ thống'),
  issued: z.number().int().describe('Văn bản đi đã phát hành'),
  processedElectronically: z.number().int(),
  recalled: z.number().int(),
  handling: Handling.extend({ onTimeRate: z.number().nullable().describe('% đúng hạn trong số đã xong') }),
  perUnit: z.array(Handling.extend({ unitId: z.uuid(), unitName: z.string() })),
});
