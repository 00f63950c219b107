import { z } from 'zod';
import { DOCUMENT_TYPE_CODES } from './document-types.js';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
const name = z
  .string()
  .trim()
  .min(1, 'Nhập tên sổ')
  .max(200, 'Tối đa 200 ký tự')
  .transform((s) => s.normalize('NFC'));

export const RegisterEntriesQuery = z.object({
  from: DateOnly.describe('Từ ngày (ngày đến với sổ đến, ngày văn bản với sổ đi)'),
  to: DateOnly.describe('Đến ngày'),
  kind: z.enum(['book', 'tracking']).default('book').describe('book: sổ đăng ký; tracking: sổ theo dõi giải quyết văn bản đến'),
});
export const ExportRegisterQuery = RegisterEntriesQuery.extend({ format: z.enum(['xlsx', 'pdf']).default('xlsx') });

export const RegisterEntriesResponse = z.object({
  title: z.string(),
  period: z.string(),
  subtitle: z.string(),
  columns: z.array(z.string()).describe('Các cột theo Phụ lục IV Nghị định 30/2020'),
  rows: z.array(z.array(z.string())),
  count: z.number().int(),
  firstNumber: z.number().int().nullable(),
  lastNumber: z.number().int().nullable(),
});

export const CloseRegisterRequest = z.object({ from: DateOnly, to: DateOnly });
export const ClosingResponse = z.object({
  id: z.uuid(),
  volume: z.number().int().describe('Quyển số'),
  from: z.string(),
  to: z.string(),
  entries: z.number().int(),
  firstNumber: z.number().int().nullable(),
  lastNumber: z.number().int().nullable(),
  fileId: z.uuid().describe('Bản PDF in lúc khóa sổ'),
  sha256: z.string().describe('Mã băm SHA-256 của bản PDF, để đối chiếu bản in đã ký'),
});

export const CreateRegisterRequest = z.object({
  direction: z.enum(['incoming', 'outgoing']),
  name,
  secret: z.boolean().default(false).describe('Sổ văn bản mật (hệ thống số riêng)'),
  typeCodes: z.array(z.enum(DOCUMENT_TYPE_CODES)).max(30).optional().describe('Sổ văn bản đi riêng cho các loại này (ví dụ Quyết định)'),
});
export const UpdateRegisterRequest = z.object({ name: name.optional(), active: z.boolean().optional() });
