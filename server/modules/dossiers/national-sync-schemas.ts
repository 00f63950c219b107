import { z } from 'zod';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');

export const NationalSyncRequest = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('changed').describe('Hồ sơ thay đổi từ lần đồng bộ trước (hoặc chưa đồng bộ lần nào)') }),
  z
    .object({ mode: z.literal('period').describe('Hồ sơ tiếp nhận trong kỳ'), from: DateOnly, to: DateOnly })
    .refine((q) => q.from <= q.to, { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', path: ['from'] }),
]);
