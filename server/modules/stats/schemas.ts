import { z } from 'zod';

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
const Count = z.number().int();
const Rate = z.number().nullable().describe('Tỷ lệ phần trăm, làm tròn nửa lên 2 chữ số thập phân; null khi mẫu số bằng 0');

/** The period and scope every figure of the dashboard, the index and the report is asked for. */
export const StatsQuery = z
  .object({
    from: DateOnly.optional().describe('Từ ngày (giờ Việt Nam); mặc định 01/7/2025, ngày chính quyền địa phương hai cấp bắt đầu'),
    to: DateOnly.optional().describe('Đến ngày (kể cả ngày này); mặc định hôm nay'),
    agencyId: z.uuid('Mã cơ quan không hợp lệ').optional().describe('Một sở, ban, ngành hoặc một xã, phường, đặc khu; không có = toàn tỉnh'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', path: ['from'] });
export type StatsQuery = z.output<typeof StatsQuery>;

export const StatsPeriod = z.object({
  from: DateOnly,
  to: DateOnly,
  workingDays: Count.describe('Ngày làm việc trong kỳ theo lịch làm việc (trừ thứ Bảy, Chủ nhật, ngày lễ, Tết; tính ngày làm bù)'),
  agencyId: z.uuid().nullable(),
  scopeName: z.string().describe('Toàn tỉnh, hoặc tên cơ quan'),
});

export const DocumentFigures = z.object({
  incoming: Count.describe('Văn bản đến đã vào sổ trong kỳ'),
  outgoing: Count.describe('Văn bản đi đã phát hành trong kỳ'),
  electronicRate: Rate.describe('Văn bản (đến có tệp điện tử, đi có ký số) ÷ tổng văn bản'),
  signedRate: Rate.describe('Văn bản đi có chữ ký số ÷ văn bản đi'),
});

export const MeetingFigures = z.object({
  total: Count.describe('Cuộc họp, hội nghị đã diễn ra trong kỳ'),
  perWorkingDay: z.number().nullable().describe('Bình quân cuộc họp một ngày làm việc, 2 chữ số thập phân'),
  online: Count.describe('Họp trực tuyến'),
  connectedSites: Count.describe('Số điểm cầu xã, phường, đặc khu khác nhau đã kết nối'),
  delegations: Count.describe('Đoàn công tác của Trung ương đã đón tiếp'),
});

export const TaskFigures = z.object({
  assigned: Count.describe('Nhiệm vụ giao trong kỳ'),
  doneOnTime: Count,
  doneLate: Count,
  overdue: Count.describe('Chưa hoàn thành và đã quá hạn'),
  inProgress: Count,
  onTimeRate: Rate.describe('Hoàn thành đúng hạn ÷ (đã hoàn thành + quá hạn)'),
});

export const ProcedureFigures = z.object({
  published: Count.describe('Thủ tục hành chính đang công khai'),
  provinceLevel: Count,
  communeLevel: Count,
});

export const DossierFigures = z.object({
  received: Count.describe('Hồ sơ tiếp nhận trong kỳ'),
  online: Count.describe('Trong đó trực tuyến'),
  onlineRate: Rate,
  resolved: Count.describe('Hồ sơ kết thúc xử lý trong kỳ'),
  early: Count,
  onTime: Count,
  late: Count,
  onTimeRate: Rate.describe('(Trước hạn + đúng hạn) ÷ đã giải quyết'),
  openInTime: Count.describe('Đang giải quyết, còn trong hạn (cuối kỳ)'),
  openOverdue: Count.describe('Đang giải quyết, đã quá hạn (cuối kỳ)'),
  digitizedRate: Rate,
  averageDays: z.number().nullable().describe('Thời gian giải quyết bình quân (ngày, không kể thời gian chờ bổ sung)'),
});

export const ServiceIndexSummary = z.object({
  total: z.number().nullable().describe('Điểm Bộ chỉ số 766 tính từ dữ liệu của hệ thống'),
  grade: z.string().nullable(),
  rank: Count.nullable().describe('Thứ hạng trong bảng xếp hạng quốc gia đã nhập gần nhất'),
  rankOf: Count.nullable(),
  nationalScore: z.number().nullable().describe('Điểm của tỉnh trên bảng xếp hạng quốc gia đã nhập'),
  rankingAsOf: DateOnly.nullable(),
});

export const AgencyFigures = z.object({
  agencyId: z.uuid(),
  name: z.string(),
  type: z.string(),
  incoming: Count,
  outgoing: Count,
  tasksAssigned: Count,
  tasksDoneOnTime: Count,
  tasksOverdue: Count,
  tasksOnTimeRate: Rate,
  dossiersReceived: Count,
  dossiersResolved: Count,
  dossiersOnTimeRate: Rate,
  dossiersOpenOverdue: Count,
});

export const MonthFigures = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/).describe('Tháng YYYY-MM'),
  incoming: Count,
  outgoing: Count,
  dossiersReceived: Count,
  dossiersResolved: Count,
  meetings: Count,
  tasksAssigned: Count,
});

export const OfficeDashboard = z.object({
  period: StatsPeriod,
  documents: DocumentFigures,
  meetings: MeetingFigures,
  tasks: TaskFigures,
  procedures: ProcedureFigures,
  dossiers: DossierFigures,
  serviceIndex: ServiceIndexSummary,
  months: z.array(MonthFigures).describe('Xu hướng theo tháng trong kỳ'),
  agencies: z.array(AgencyFigures).describe('Từng sở, ban, ngành và xã, phường, đặc khu có số liệu trong kỳ'),
});
export type OfficeDashboard = z.infer<typeof OfficeDashboard>;

export const IndicatorResult = z.object({
  code: z.string(),
  name: z.string(),
  num: z.number(),
  den: z.number(),
  ratePercent: z.number().nullable(),
  points: z.number().nullable().describe('null = không áp dụng (mẫu số bằng 0)'),
  max: z.number(),
  threshold: z.number().nullable(),
  scored: z.boolean(),
  gain: z.number().describe('Điểm tăng thêm nếu chỉ tiêu đạt tối đa'),
});

export const ServiceIndexResponse = z.object({
  period: StatsPeriod,
  configVersion: z.string(),
  total: z.number().nullable(),
  grade: z.string().nullable(),
  groups: z.array(z.object({ code: z.string(), name: z.string(), max: z.number(), points: z.number().nullable(), indicators: z.array(IndicatorResult) })),
  weakest: z.array(IndicatorResult),
  improvements: z.array(IndicatorResult).describe('Các chỉ tiêu xếp theo số điểm có thể tăng thêm, nhiều nhất trước'),
  ranking: ServiceIndexSummary,
  units: z
    .array(z.object({ agencyId: z.uuid(), name: z.string(), type: z.string(), total: z.number().nullable(), grade: z.string().nullable() }))
    .describe('Điểm của từng sở, ban, ngành và xã, phường, đặc khu (chỉ khi xem toàn tỉnh)'),
});
export type ServiceIndexResponse = z.infer<typeof ServiceIndexResponse>;

export const SnapshotQuery = z.object({
  agencyId: z.uuid('Mã cơ quan không hợp lệ').optional().describe('Điểm của một cơ quan; không có = toàn tỉnh'),
});

export const ServiceIndexSnapshot = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  agencyId: z.uuid().nullable(),
  configVersion: z.string(),
  total: z.number().nullable(),
  grade: z.string().nullable(),
  groups: z.array(z.object({ code: z.string(), name: z.string(), points: z.number().nullable(), max: z.number() })),
  takenAt: z.string(),
});
export const ServiceIndexSnapshots = z.object({ items: z.array(ServiceIndexSnapshot) });

export const NationalRankingRow = z.object({ rank: Count, name: z.string(), score: z.number() });
export const NationalRankingResponse = z.object({
  asOf: DateOnly,
  rows: Count.describe('Số tỉnh, thành phố đã nhập'),
  own: NationalRankingRow.nullable().describe('Dòng của tỉnh mình, tìm theo tên'),
  importedAt: z.string(),
});

export const ReportRequest = z
  .object({
    from: DateOnly.optional(),
    to: DateOnly.optional(),
    kind: z.enum(['so-ket', 'tong-ket']).default('so-ket').describe('Báo cáo sơ kết (một phần năm) hoặc tổng kết (cả năm)'),
    format: z.enum(['docx', 'pdf']).default('docx'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', path: ['from'] });
