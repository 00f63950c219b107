import ExcelJS from 'exceljs';
import type { DossierFigures, DossierStatsResponse, StatsGroup } from './stats-schemas.js';

const GROUP_TITLE: Record<StatsGroup, string> = { agency: 'Cơ quan giải quyết', procedure: 'Thủ tục hành chính', level: 'Cấp thực hiện', location: 'Nơi tiếp nhận' };

/** The columns of the sheet: a title and how to read the value from a row's figures. */
export const STATS_COLUMNS: { title: string; width: number; value: (f: DossierFigures) => number | null; percent?: boolean }[] = [
  { title: 'Tiếp nhận', width: 11, value: (f) => f.received.total },
  { title: 'Trực tiếp', width: 10, value: (f) => f.received.inPerson },
  { title: 'Trực tuyến', width: 10, value: (f) => f.received.online },
  { title: 'Bưu chính', width: 10, value: (f) => f.received.postal },
  { title: 'Đã giải quyết', width: 11, value: (f) => f.resolved.total },
  { title: 'Trước hạn', width: 10, value: (f) => f.resolved.early },
  { title: 'Đúng hạn', width: 10, value: (f) => f.resolved.onTime },
  { title: 'Quá hạn', width: 10, value: (f) => f.resolved.late },
  { title: 'Tỷ lệ đúng hạn (%)', width: 12, value: (f) => f.resolved.onTimeRate, percent: true },
  { title: 'Đang giải quyết trong hạn', width: 12, value: (f) => f.pending.inTime },
  { title: 'Đang giải quyết quá hạn', width: 12, value: (f) => f.pending.overdue },
  { title: 'Tỷ lệ trực tuyến (%)', width: 12, value: (f) => f.onlineShare, percent: true },
  { title: 'Tỷ lệ số hóa (%)', width: 12, value: (f) => f.digitizedShare, percent: true },
  { title: 'Tỷ lệ tái sử dụng (%)', width: 12, value: (f) => f.reuseShare, percent: true },
  { title: 'PAKN', width: 9, value: (f) => f.feedback.total },
  { title: 'PAKN xử lý đúng hạn', width: 12, value: (f) => f.feedback.handledOnTime },
  { title: 'Tỷ lệ PAKN đúng hạn (%)', width: 12, value: (f) => f.feedback.onTimeRate, percent: true },
  { title: 'Lượt đánh giá', width: 10, value: (f) => f.satisfaction.rated },
  { title: 'Tỷ lệ hài lòng (%)', width: 12, value: (f) => f.satisfaction.rate, percent: true },
];

/** The first data row (after the titles and the header). */
export const STATS_HEADER_ROW = 4;

const vnDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/**
 * The statistics as an Excel sheet: one row per group and a total row. Percentages are written as the
 * numbers the service computed (2 decimals), a missing rate as "—".
 */
export async function dossierStatsXlsx(stats: DossierStatsResponse): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Văn phòng số';
  const ws = book.addWorksheet('Thống kê hồ sơ', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const font = { name: 'Times New Roman', size: 12 };
  const border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } } as const;
  const width = STATS_COLUMNS.length + 2;
  const title = (row: number, text: string, extra: Partial<ExcelJS.Font>) => {
    ws.mergeCells(row, 1, row, width);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { ...font, ...extra };
    cell.alignment = { horizontal: 'center', wrapText: true };
  };
  title(1, 'THỐNG KÊ TÌNH HÌNH TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH', { bold: true, size: 14 });
  title(2, `Từ ngày ${vnDate(stats.from)} đến ngày ${vnDate(stats.to)} — theo ${GROUP_TITLE[stats.groupBy].toLowerCase()}`, { italic: true });

  const header = ws.getRow(STATS_HEADER_ROW - 1);
  ['STT', GROUP_TITLE[stats.groupBy], ...STATS_COLUMNS.map((c) => c.title)].forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { ...font, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  header.height = 45;
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 40;
  STATS_COLUMNS.forEach((c, i) => (ws.getColumn(i + 3).width = c.width));

  const put = (rowNo: number, first: string | number, label: string, f: DossierFigures, bold: boolean) => {
    const row = ws.getRow(rowNo);
    const values: (string | number | null)[] = [first, label, ...STATS_COLUMNS.map((c) => c.value(f))];
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      const column = STATS_COLUMNS[i - 2];
      cell.value = v === null ? '—' : v;
      cell.font = { ...font, bold };
      cell.border = border;
      cell.alignment = i === 1 ? { wrapText: true, vertical: 'top' } : { horizontal: i === 0 || v === null ? 'center' : 'right', vertical: 'top' };
      if (column && v !== null) cell.numFmt = column.percent ? '0.00' : '#,##0';
    });
  };
  stats.rows.forEach((r, i) => put(STATS_HEADER_ROW + i, i + 1, r.label, r, false));
  put(STATS_HEADER_ROW + stats.rows.length, '', 'Tổng cộng', stats.total, true);
  ws.views = [{ state: 'frozen', ySplit: STATS_HEADER_ROW - 1, xSplit: 2 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
