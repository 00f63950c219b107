import { z } from 'zod';
import { isValidDate } from '../../../platform/calendar/date-only.js';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD').refine(isValidDate, 'Ngày không có thật');

export const DOSSIER_FORMS = ['receipt', 'supplement', 'refusal', 'extension', 'stop', 'control'] as const;
export type DossierFormName = (typeof DOSSIER_FORMS)[number];

export const DossierFormParams = z.object({
  id: z.uuid(),
  form: z
    .enum(DOSSIER_FORMS)
    .describe(
      'receipt: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01) · supplement: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (02) · refusal: Phiếu từ chối tiếp nhận (03) · extension: Văn bản xin lỗi và đề nghị gia hạn (04; năm 2018: Phiếu xin lỗi và hẹn lại ngày trả kết quả) · stop: Thông báo dừng giải quyết hồ sơ (05) · control: Phiếu kiểm soát quá trình giải quyết hồ sơ (06; năm 2018: 05)',
    ),
});

export const DossierFormQuery = z.object({
  itemId: z.uuid().optional().describe('Yêu cầu bổ sung hoặc văn bản gia hạn cụ thể; mặc định là lần gần nhất'),
});

export const IntakeSlipParams = z.object({ id: z.uuid() });

export const LedgerQuery = z.object({
  from: DateOnly.describe('Từ ngày tiếp nhận (giờ Việt Nam)'),
  to: DateOnly.describe('Đến ngày tiếp nhận (tối đa một năm sau ngày đầu kỳ)'),
  agencyId: z.uuid().optional().describe('Nơi tiếp nhận (điểm tiếp nhận của Trung tâm, xã) hoặc cơ quan giải quyết; mặc định: cả tỉnh với quyền toàn tỉnh, cơ quan mình với quyền cơ quan'),
  format: z.enum(['pdf', 'xlsx']).default('pdf'),
});
