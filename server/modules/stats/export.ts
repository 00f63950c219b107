/**
 * The dashboard's and the index's tables as Excel workbooks (issue 7 item 5): Vietnamese headers, counts as
 * whole numbers and rates as percentages with two decimals, so the numbers stay numbers in Excel.
 */
import ExcelJS from 'exceljs';
import type { OfficeDashboard, ServiceIndexResponse } from './schemas.js';

type Column = { header: string; key: string; width: number; format?: 'count' | 'percent' | 'decimal' };

const FORMATS = { count: '#,##0', percent: '0.00"%"', decimal: '0.00' } as const;

function sheet(book: ExcelJS.Workbook, name: string, title: string, columns: Column[], rows: Record<string, unknown>[]) {
  const ws = book.addWorksheet(name);
  ws.addRow([title]).font = { name: 'Times New Roman', bold: true, size: 14 };
  ws.addRow([]);
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { name: 'Times New Roman', bold: true, size: 12 };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.format) col.numFmt = FORMATS[c.format];
  });
  for (const r of rows) ws.addRow(columns.map((c) => r[c.key] ?? null)).font = { name: 'Times New Roman', size: 12 };
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return ws;
}

const vnDate = (d: string) => d.split('-').reverse().join('/');

export async function dashboardXlsx(d: OfficeDashboard): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const period = `${d.period.scopeName}, từ ${vnDate(d.period.from)} đến ${vnDate(d.period.to)} (${d.period.workingDays} ngày làm việc)`;
  const figures: [string, number | null, Column['format']][] = [
    ['Văn bản đến', d.documents.incoming, 'count'],
    ['Văn bản đi', d.documents.outgoing, 'count'],
    ['Tỷ lệ văn bản xử lý điện tử (%)', d.documents.electronicRate, 'percent'],
    ['Tỷ lệ văn bản đi ký số (%)', d.documents.signedRate, 'percent'],
    ['Cuộc họp, hội nghị', d.meetings.total, 'count'],
    ['Bình quân cuộc họp/ngày làm việc', d.meetings.perWorkingDay, 'decimal'],
    ['Họp trực tuyến', d.meetings.online, 'count'],
    ['Điểm cầu xã, phường, đặc khu đã kết nối', d.meetings.connectedSites, 'count'],
    ['Đoàn công tác Trung ương', d.meetings.delegations, 'count'],
    ['Nhiệm vụ được giao', d.tasks.assigned, 'count'],
    ['Nhiệm vụ hoàn thành đúng hạn', d.tasks.doneOnTime, 'count'],
    ['Nhiệm vụ quá hạn', d.tasks.overdue, 'count'],
    ['Thủ tục hành chính công khai', d.procedures.published, 'count'],
    ['— cấp tỉnh', d.procedures.provinceLevel, 'count'],
    ['— cấp xã', d.procedures.communeLevel, 'count'],
    ['Hồ sơ tiếp nhận', d.dossiers.received, 'count'],
    ['Hồ sơ trực tuyến', d.dossiers.online, 'count'],
    ['Hồ sơ đã giải quyết', d.dossiers.resolved, 'count'],
    ['Tỷ lệ giải quyết trước và đúng hạn (%)', d.dossiers.onTimeRate, 'percent'],
    ['Hồ sơ đang giải quyết quá hạn', d.dossiers.openOverdue, 'count'],
    ['Điểm Chỉ số phục vụ người dân, doanh nghiệp', d.serviceIndex.total, 'decimal'],
  ];
  const ws = sheet(book, 'Tổng hợp', `Số liệu điều hành — ${period}`, [{ header: 'Chỉ tiêu', key: 'name', width: 48 }, { header: 'Số liệu', key: 'value', width: 16 }], figures.map(([name, value]) => ({ name, value })));
  figures.forEach(([, , format], i) => {
    if (format) ws.getCell(4 + i, 2).numFmt = FORMATS[format];
  });
  sheet(
    book,
    'Theo cơ quan',
    `Số liệu theo cơ quan — ${period}`,
    [
      { header: 'Cơ quan, đơn vị', key: 'name', width: 42 },
      { header: 'Văn bản đến', key: 'incoming', width: 12, format: 'count' },
      { header: 'Văn bản đi', key: 'outgoing', width: 12, format: 'count' },
      { header: 'Nhiệm vụ được giao', key: 'tasksAssigned', width: 12, format: 'count' },
      { header: 'Nhiệm vụ đúng hạn', key: 'tasksDoneOnTime', width: 12, format: 'count' },
      { header: 'Nhiệm vụ quá hạn', key: 'tasksOverdue', width: 12, format: 'count' },
      { header: 'Tỷ lệ nhiệm vụ đúng hạn (%)', key: 'tasksOnTimeRate', width: 14, format: 'percent' },
      { header: 'Hồ sơ tiếp nhận', key: 'dossiersReceived', width: 12, format: 'count' },
      { header: 'Hồ sơ đã giải quyết', key: 'dossiersResolved', width: 12, format: 'count' },
      { header: 'Tỷ lệ hồ sơ đúng hạn (%)', key: 'dossiersOnTimeRate', width: 14, format: 'percent' },
      { header: 'Hồ sơ quá hạn đang giải quyết', key: 'dossiersOpenOverdue', width: 14, format: 'count' },
    ],
    d.agencies,
  );
  sheet(
    book,
    'Theo tháng',
    `Xu hướng theo tháng — ${period}`,
    [
      { header: 'Tháng', key: 'label', width: 12 },
      { header: 'Văn bản đến', key: 'incoming', width: 12, format: 'count' },
      { header: 'Văn bản đi', key: 'outgoing', width: 12, format: 'count' },
      { header: 'Hồ sơ tiếp nhận', key: 'dossiersReceived', width: 14, format: 'count' },
      { header: 'Hồ sơ đã giải quyết', key: 'dossiersResolved', width: 14, format: 'count' },
      { header: 'Cuộc họp', key: 'meetings', width: 10, format: 'count' },
      { header: 'Nhiệm vụ được giao', key: 'tasksAssigned', width: 14, format: 'count' },
    ],
    d.months.map((m) => ({ ...m, label: `${m.month.slice(5)}/${m.month.slice(0, 4)}` })),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function serviceIndexXlsx(r: ServiceIndexResponse): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const period = `${r.period.scopeName}, từ ${vnDate(r.period.from)} đến ${vnDate(r.period.to)}`;
  sheet(
    book,
    'Chỉ tiêu',
    `Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg) — ${period}: ${r.total === null ? 'chưa có số liệu' : r.total.toFixed(2).replace('.', ',')} điểm${r.grade ? `, ${r.grade}` : ''}`,
    [
      { header: 'Nhóm', key: 'group', width: 28 },
      { header: 'Mã', key: 'code', width: 7 },
      { header: 'Chỉ tiêu', key: 'name', width: 50 },
      { header: 'Tử số', key: 'num', width: 10, format: 'decimal' },
      { header: 'Mẫu số', key: 'den', width: 10, format: 'count' },
      { header: 'Tỷ lệ (%)', key: 'ratePercent', width: 10, format: 'percent' },
      { header: 'Điểm', key: 'points', width: 9, format: 'decimal' },
      { header: 'Tối đa', key: 'max', width: 8, format: 'decimal' },
      { header: 'Có thể tăng', key: 'gain', width: 11, format: 'decimal' },
    ],
    r.groups.flatMap((g) => g.indicators.map((i) => ({ ...i, group: g.name, points: i.points ?? 'N/A' }))),
  );
  if (r.units.length > 0) {
    sheet(
      book,
      'Theo đơn vị',
      `Điểm của sở, ban, ngành và xã, phường, đặc khu — ${period}`,
      [
        { header: 'Cơ quan, đơn vị', key: 'name', width: 44 },
        { header: 'Điểm', key: 'total', width: 10, format: 'decimal' },
        { header: 'Xếp loại', key: 'grade', width: 14 },
      ],
      r.units.map((u) => ({ ...u, total: u.total ?? 'N/A' })),
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
