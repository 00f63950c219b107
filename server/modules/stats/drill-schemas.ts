import { z } from 'zod';
import { StatsQuery } from './schemas.js';

/** The dashboard's dossier numbers a list can be asked for (issue 7 item 1: drill-down from every number). */
export const DOSSIER_MEASURES = ['received', 'online', 'resolved', 'early_or_on_time', 'early', 'on_time', 'late', 'open_in_time', 'open_overdue'] as const;
export type DossierMeasure = (typeof DOSSIER_MEASURES)[number];
export const DOCUMENT_DIRECTIONS = ['incoming', 'outgoing'] as const;
export type DocumentDirection = (typeof DOCUMENT_DIRECTIONS)[number];

export const MAX_DRILL_PAGE_SIZE = 100;

const periodShape = StatsQuery.shape;
const samePeriod = { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', path: ['from'] };
const paging = {
  page: z.coerce.number().int('Trang phải là số nguyên').min(1, 'Trang bắt đầu từ 1').default(1),
  pageSize: z.coerce.number().int('Số dòng mỗi trang phải là số nguyên').min(1).max(MAX_DRILL_PAGE_SIZE, `Tối đa ${MAX_DRILL_PAGE_SIZE} dòng mỗi trang`).default(20),
};

export const StatsDossiersQuery = z
  .object({
    ...periodShape,
    measure: z
      .enum(DOSSIER_MEASURES, 'Số liệu phải là một trong: received, online, resolved, early_or_on_time, early, on_time, late, open_in_time, open_overdue')
      .describe(
        'Số liệu của bảng điều hành: received (tiếp nhận trong kỳ), online (trong đó trực tuyến), resolved (kết thúc xử lý trong kỳ), early_or_on_time (trước hạn và đúng hạn), early/on_time/late (trước hạn/đúng hạn/quá hạn), open_in_time/open_overdue (đang giải quyết cuối kỳ, còn hạn/quá hạn)',
      ),
    ...paging,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, samePeriod);
export type StatsDossiersQuery = z.output<typeof StatsDossiersQuery>;

export const StatsDocumentsQuery = z
  .object({
    ...periodShape,
    direction: z.enum(DOCUMENT_DIRECTIONS, 'Chiều văn bản phải là incoming hoặc outgoing').describe('incoming: văn bản đến đã vào sổ trong kỳ; outgoing: văn bản đi đã phát hành trong kỳ'),
    ...paging,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, samePeriod);
export type StatsDocumentsQuery = z.output<typeof StatsDocumentsQuery>;

const Instant = z.string().nullable();
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const DrillPeriod = z.object({
  from: DateOnly,
  to: DateOnly,
  agencyId: z.uuid().nullable(),
  scopeName: z.string().describe('Toàn tỉnh, hoặc tên cơ quan'),
  cutoff: z.string().describe('Thời điểm xét hồ sơ đang giải quyết: cuối ngày kết thúc kỳ, hoặc bây giờ nếu kỳ chưa hết'),
});

export const StatsDossierItem = z.object({
  id: z.uuid(),
  code: z.string().nullable().describe('Mã số hồ sơ'),
  procedureName: z.string(),
  applicantName: z.string(),
  handlingAgencyId: z.uuid(),
  handlingAgencyName: z.string().describe('Cơ quan giải quyết'),
  receivingAgencyId: z.uuid().nullable(),
  currentAgencyId: z.uuid().nullable(),
  receivedAt: Instant.describe('NgayTiepNhan'),
  appointmentAt: Instant.describe('NgayHenTra'),
  endedAt: Instant.describe('NgayKetThucXuLy'),
  outcome: z.enum(['early', 'on_time', 'late']).nullable(),
  status: z.number().int().describe('TrangThaiHoSo (1–10)'),
});

export const StatsDossierList = z.object({
  period: DrillPeriod,
  items: z.array(StatsDossierItem).describe('Theo ngày tính số liệu (tiếp nhận, kết thúc xử lý; hồ sơ đang giải quyết theo hạn trả) rồi theo mã'),
  total: z.number().int().describe('Đúng bằng số liệu trên bảng điều hành'),
});
export type StatsDossierList = z.infer<typeof StatsDossierList>;

export const StatsDocumentItem = z.object({
  id: z.uuid(),
  direction: z.enum(DOCUMENT_DIRECTIONS),
  number: z.string().nullable().describe('Số, ký hiệu văn bản'),
  arrivalNumber: z.number().int().nullable().describe('Số đến (văn bản đến)'),
  subject: z.string().nullable().describe('Trích yếu; null với văn bản mật'),
  confidential: z.boolean().describe('Văn bản có độ mật: trích yếu không hiển thị trong danh sách thống kê'),
  agencyId: z.uuid(),
  agencyName: z.string().describe('Cơ quan vào sổ đến hoặc phát hành'),
  senderName: z.string().describe('Nơi gửi (văn bản đến)'),
  day: DateOnly.describe('Ngày vào sổ đến hoặc ngày phát hành (giờ Việt Nam)'),
});

export const StatsDocumentList = z.object({
  period: DrillPeriod,
  items: z.array(StatsDocumentItem).describe('Theo ngày vào sổ/phát hành rồi theo mã'),
  total: z.number().int().describe('Đúng bằng số liệu trên bảng điều hành'),
});
export type StatsDocumentList = z.infer<typeof StatsDocumentList>;
