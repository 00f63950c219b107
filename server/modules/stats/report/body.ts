import { isValidDate } from '../../../platform/calendar/date-only.js';
import { DomainError } from '../../../platform/http/errors.js';
import type { PeriodicReportFigures } from './figures.js';
import { monthLabel, vnCount, vnPercent } from './format.js';
import {
  directionParagraphs,
  documentParagraphs,
  indexParagraphs,
  introParagraphs,
  meetingParagraphs,
  procedureParagraphs,
  shortcomingParagraphs,
  taskParagraphs,
} from './sentences.js';

export type ChartKind = 'index' | 'trend';

export interface ReportColumn {
  title: string;
  /** relative width */
  width: number;
  align: 'left' | 'center' | 'right';
}

/** One piece of the report's body, laid out the same way by the DOCX and the PDF writers. */
export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; italic?: boolean }
  | { kind: 'chart'; chart: ChartKind; caption: string }
  | { kind: 'table'; caption: string; columns: ReportColumn[]; rows: string[][]; note?: string };

/** The figures a report cannot be written from: a broken period or timestamp (400, nothing generated). */
export function assertReportFigures(f: PeriodicReportFigures): void {
  const { from, to } = f.period;
  if (!isValidDate(from) || !isValidDate(to) || from > to) {
    throw new DomainError('VALIDATION_FAILED', 'Kỳ báo cáo không hợp lệ: ngày bắt đầu phải là ngày hợp lệ và không sau ngày kết thúc', {
      errors: [{ path: 'period', message: 'Kỳ báo cáo không hợp lệ' }],
    });
  }
  if (Number.isNaN(Date.parse(f.generatedAt))) {
    throw new DomainError('VALIDATION_FAILED', 'Thời điểm tổng hợp số liệu không hợp lệ', { errors: [{ path: 'generatedAt', message: 'Thời điểm không hợp lệ' }] });
  }
}

export const hasIndexChart = (f: PeriodicReportFigures) => (f.serviceIndex?.groups ?? []).some((g) => g.max > 0);
export const hasTrendChart = (f: PeriodicReportFigures) => f.monthly.length > 0;

const AGENCY_COLUMNS: ReportColumn[] = [
  { title: 'STT', width: 7, align: 'center' },
  { title: 'Cơ quan, đơn vị', width: 25, align: 'left' },
  { title: 'Văn bản đến', width: 10, align: 'right' },
  { title: 'Văn bản đi', width: 10, align: 'right' },
  { title: 'Nhiệm vụ được giao', width: 11, align: 'right' },
  { title: 'Nhiệm vụ quá hạn', width: 11, align: 'right' },
  { title: 'Hồ sơ tiếp nhận', width: 12, align: 'right' },
  { title: 'Tỷ lệ hồ sơ đúng hạn', width: 14, align: 'right' },
];

const EMPTY_CELL = '—';

function agencyRows(f: PeriodicReportFigures): string[][] {
  return f.agencies.map((a, i) => [
    String(i + 1),
    a.name.trim(),
    vnCount(a.incoming),
    vnCount(a.outgoing),
    vnCount(a.tasksAssigned),
    vnCount(a.tasksOverdue),
    vnCount(a.dossiersReceived),
    vnPercent(a.dossiersOnTimeRate) ?? EMPTY_CELL,
  ]);
}

/** The body between the title and "Nơi nhận:", in order. Charts and the table are numbered as they come. */
export function reportBody(f: PeriodicReportFigures): ReportBlock[] {
  assertReportFigures(f);
  const blocks: ReportBlock[] = [];
  const para = (texts: string[]) => texts.forEach((text) => blocks.push({ kind: 'paragraph', text }));
  const h1 = (text: string) => blocks.push({ kind: 'heading', level: 1, text });
  const h2 = (text: string) => blocks.push({ kind: 'heading', level: 2, text });
  let charts = 0;

  for (const p of introParagraphs(f)) blocks.push({ kind: 'paragraph', ...p });
  h1('I. KẾT QUẢ ĐẠT ĐƯỢC');
  h2('1. Công tác văn bản');
  para(documentParagraphs(f));
  h2('2. Họp, hội nghị và đoàn công tác');
  para(meetingParagraphs(f));
  h2('3. Theo dõi, đôn đốc nhiệm vụ');
  para(taskParagraphs(f));
  h2('4. Thủ tục hành chính và một cửa');
  para(procedureParagraphs(f));
  h2('5. Chỉ số phục vụ người dân, doanh nghiệp');
  const indexChart = hasIndexChart(f) ? `Biểu đồ ${++charts}` : null;
  para(indexParagraphs(f, indexChart ? `chi tiết tại ${indexChart}` : null));
  if (indexChart) blocks.push({ kind: 'chart', chart: 'index', caption: `${indexChart}. Điểm Chỉ số phục vụ người dân, doanh nghiệp theo nhóm chỉ tiêu (điểm đạt được so với điểm tối đa)` });
  h2('6. Kết quả theo tháng và theo cơ quan, đơn vị');
  if (hasTrendChart(f)) {
    const range = `${monthLabel(f.monthly[0]!.month)}–${monthLabel(f.monthly[f.monthly.length - 1]!.month)}`;
    blocks.push({ kind: 'chart', chart: 'trend', caption: `Biểu đồ ${++charts}. Văn bản, hồ sơ và cuộc họp theo tháng (${range})` });
  }
  if (f.agencies.length > 0) {
    const note = f.agencies.some((a) => vnPercent(a.dossiersOnTimeRate) == null) ? `Ghi chú: “${EMPTY_CELL}” là chưa có số liệu (không có hồ sơ đến hạn giải quyết).` : undefined;
    blocks.push({ kind: 'table', caption: 'Bảng 1. Số liệu theo cơ quan, đơn vị', columns: AGENCY_COLUMNS, rows: agencyRows(f), ...(note ? { note } : {}) });
  } else para(['Chưa có số liệu theo cơ quan, đơn vị trong kỳ.']);

  h1('II. TỒN TẠI, HẠN CHẾ');
  para(shortcomingParagraphs(f));
  h1('III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI');
  para(directionParagraphs(f));
  return blocks;
}

/** The body paragraphs of the report in reading order, as plain text. */
export function reportSentences(f: PeriodicReportFigures): string[] {
  return reportBody(f).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
}
