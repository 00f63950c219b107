import { z } from 'zod';
import { PROCEDURE_LEVELS } from '../procedures/tables.js';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');

export const STATS_GROUPS = ['agency', 'procedure', 'level', 'location'] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];

export const DossierStatsQuery = z
  .object({
    from: DateOnly.optional().describe('Từ ngày (giờ Việt Nam); mặc định ngày đầu tháng này'),
    to: DateOnly.optional().describe('Đến ngày (kể cả ngày này); mặc định hôm nay'),
    groupBy: z.enum(STATS_GROUPS).default('agency').describe('Nhóm theo: cơ quan giải quyết, thủ tục, cấp thực hiện, nơi tiếp nhận'),
    agencyId: z.uuid('Mã cơ quan không hợp lệ').optional().describe('Chỉ hồ sơ do cơ quan này giải quyết'),
    locationId: z.uuid('Mã nơi tiếp nhận không hợp lệ').optional().describe('Chỉ hồ sơ tiếp nhận tại điểm này (điểm của Trung tâm hoặc bộ phận một cửa cấp xã)'),
    procedureId: z.uuid('Mã thủ tục không hợp lệ').optional().describe('Chỉ hồ sơ của thủ tục này'),
    level: z.enum(PROCEDURE_LEVELS).optional().describe('Cấp thực hiện: tỉnh hoặc xã'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', path: ['from'] });
export type DossierStatsFilter = z.output<typeof DossierStatsQuery>;

const Count = z.number().int();
const Percent = z.number().nullable().describe('Tỷ lệ phần trăm, làm tròn nửa lên 2 chữ số thập phân; null khi mẫu số bằng 0');

export const DossierFigures = z.object({
  received: z.object({ total: Count, inPerson: Count.describe('Kênh 1: trực tiếp'), online: Count.describe('Kênh 2: trực tuyến'), postal: Count.describe('Kênh 3: bưu chính công ích') }).describe('Hồ sơ tiếp nhận trong kỳ (NgayTiepNhan trong kỳ)'),
  resolved: z.object({ total: Count, early: Count, onTime: Count, late: Count, onTimeRate: Percent.describe('(Trước hạn + đúng hạn) ÷ đã giải quyết') }).describe('Hồ sơ kết thúc xử lý trong kỳ (NgayKetThucXuLy trong kỳ)'),
  pending: z.object({ total: Count, inTime: Count, overdue: Count }).describe('Hồ sơ còn đang giải quyết vào cuối kỳ, so với ngày hẹn trả (trừ thời gian chờ bổ sung)'),
  onlineShare: Percent.describe('Hồ sơ trực tuyến ÷ hồ sơ tiếp nhận'),
  digitized: Count.describe('Hồ sơ có mọi thành phần được số hóa và, khi thủ tục có kết quả giấy và đã có kết quả, có kết quả điện tử'),
  digitizedShare: Percent,
  reused: Count.describe('Hồ sơ có thành phần dùng lại kết quả số hóa hoặc lấy từ kho dữ liệu của công dân'),
  reuseShare: Percent,
  feedback: z
    .object({ total: Count.describe('Phản ánh, kiến nghị gửi trong kỳ'), handled: Count, handledOnTime: Count, overdueOpen: Count.describe('Chưa xử lý và đã quá 15 ngày làm việc'), onTimeRate: Percent.describe('Xử lý đúng hạn ÷ (đã xử lý + quá hạn chưa xử lý)') })
    .describe('Phản ánh, kiến nghị: từ chối ≤ 2, đề nghị bổ sung ≤ 5, giải quyết ≤ 15, công khai ≤ 2 ngày làm việc'),
  satisfaction: z
    .object({
      rated: Count.describe('Lượt đánh giá trong kỳ'),
      satisfied: Count,
      rate: Percent.describe('Hài lòng ÷ đã đánh giá'),
      criteria: z.array(z.object({ criterion: z.string(), average: z.number().describe('Điểm trung bình 1–5, làm tròn 2 chữ số thập phân'), count: Count })),
    })
    .describe('Mức độ hài lòng của người dân, doanh nghiệp'),
});
export type DossierFigures = z.infer<typeof DossierFigures>;

export const DossierStatsRow = DossierFigures.extend({
  key: z.string().nullable().describe('Mã của nhóm (cơ quan, thủ tục, cấp, nơi tiếp nhận); null = chưa xác định'),
  label: z.string(),
});

export const DossierStatsResponse = z.object({
  from: DateOnly,
  to: DateOnly,
  groupBy: z.enum(STATS_GROUPS),
  rows: z.array(DossierStatsRow),
  total: DossierFigures,
});
export type DossierStatsResponse = z.infer<typeof DossierStatsResponse>;
