import ExcelJS from 'exceljs';
import type { FormVersion } from '../tables.js';
import { formFooter } from './common.js';
import type { LedgerRow, OrgDirectory } from './form-data.js';
import { vnDate } from './format.js';
import { agencyName } from './issuer.js';
import { FormDoc, type TableColumn } from './layout.js';
import { vietnamLocalMs } from '../../../platform/calendar/date-only.js';

/** The ledger as printed: who keeps it, the period, and one line of cells per dossier. */
export interface LedgerSheet {
  keeper: string;
  parent: string | null;
  period: string;
  version: FormVersion;
  rows: string[][];
}

// Sổ theo dõi hồ sơ (Mẫu số 06 of Circular 01/2018, 07 of 03/2025): the columns and their print widths; the
// code's column fits a 25-character code on one line at 8 pt.
export const LEDGER_COLUMNS: TableColumn[] = [
  { title: 'STT', width: 4, align: 'center' },
  { title: 'Mã hồ sơ', width: 16 },
  { title: 'Tên thủ tục hành chính', width: 14 },
  { title: 'Số lượng hồ sơ (bộ)', width: 5, align: 'center' },
  { title: 'Tên cá nhân, tổ chức', width: 10 },
  { title: 'Địa chỉ, số điện thoại', width: 10 },
  { title: 'Cơ quan chủ trì giải quyết', width: 10 },
  { title: 'Nhận hồ sơ', width: 7, align: 'center' },
  { title: 'Hẹn trả kết quả', width: 7, align: 'center' },
  { title: 'Chuyển hồ sơ đến cơ quan giải quyết', width: 7, align: 'center' },
  { title: 'Có kết quả giải quyết hồ sơ', width: 7, align: 'center' },
  { title: 'Trả kết quả cho cá nhân, tổ chức', width: 7, align: 'center' },
  { title: 'Ký nhận', width: 6 },
  { title: 'Ghi chú', width: 8 },
];

const pad = (n: number) => String(n).padStart(2, '0');
/** "27/11/2026 08:30" in Việt Nam time. */
function stamp(at: Date | null): string {
  if (!at) return '';
  const local = new Date(vietnamLocalMs(at));
  return `${vnDate(at)} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

const CLOSED: Record<number, string> = { 3: 'Không được tiếp nhận', 7: 'Rút hồ sơ', 8: 'Dừng giải quyết' };

function notes(r: LedgerRow): string {
  const moved = r.originalAppointmentAt && r.appointmentAt && r.originalAppointmentAt.getTime() !== r.appointmentAt.getTime() ? `Hẹn lại: ${stamp(r.appointmentAt)}` : null;
  const closed = CLOSED[r.status] ? `${CLOSED[r.status]}${r.closingReason ? `: ${r.closingReason}` : ''}` : null;
  return [moved, closed].filter(Boolean).join('; ');
}

export function ledgerCells(org: OrgDirectory, rows: LedgerRow[]): string[][] {
  return rows.map((r, i) => [
    String(i + 1),
    r.code,
    r.procedureName,
    '01',
    r.applicantName,
    `${r.applicantAddress}; ${r.applicantPhone}`,
    agencyName(org, r.handlingAgencyId),
    stamp(r.receivedAt),
    // the appointment given at receipt; a new one set by an apology letter goes to the notes
    stamp(r.originalAppointmentAt ?? r.appointmentAt),
    stamp(r.transferredAt),
    stamp(r.processedAt),
    stamp(r.returnedAt),
    '',
    notes(r),
  ]);
}

/** A4 landscape, the column numbers under the titles, the header repeated on every page. */
export function renderLedgerPdf(sheet: LedgerSheet): Promise<Buffer> {
  const f = new FormDoc('A4-landscape', `Sổ theo dõi hồ sơ ${sheet.period}`, formFooter('ledger', sheet.version));
  if (sheet.parent) f.doc.font('body').fontSize(11).text(sheet.parent.toUpperCase(), f.left, f.doc.y, { width: f.width / 2.5, align: 'center' });
  f.doc.font('bold').fontSize(11).text(sheet.keeper.toUpperCase(), f.left, f.doc.y, { width: f.width / 2.5, align: 'center' });
  f.space(0.8);
  f.title('SỔ THEO DÕI HỒ SƠ', sheet.period);
  f.table(LEDGER_COLUMNS, sheet.rows, { size: 8, numbers: true });
  if (sheet.rows.length === 0) f.paragraph('(Không có hồ sơ được tiếp nhận trong kỳ)', { align: 'center', italic: true });
  return f.finish();
}

export async function renderLedgerXlsx(sheet: LedgerSheet): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Văn phòng số';
  const ws = book.addWorksheet('Sổ theo dõi hồ sơ', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const n = LEDGER_COLUMNS.length;
  const border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } } as const;
  const line = (row: number, text: string, size: number, bold: boolean) => {
    ws.mergeCells(row, 1, row, n);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { name: 'Times New Roman', size, bold };
    cell.alignment = { horizontal: 'center' };
  };
  line(1, sheet.parent ? `${sheet.parent.toUpperCase()} – ${sheet.keeper.toUpperCase()}` : sheet.keeper.toUpperCase(), 12, true);
  line(2, 'SỔ THEO DÕI HỒ SƠ', 14, true);
  line(3, sheet.period, 12, false);
  LEDGER_COLUMNS.forEach((c, i) => {
    const head = ws.getRow(5).getCell(i + 1);
    head.value = c.title;
    head.font = { name: 'Times New Roman', size: 11, bold: true };
    head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    head.border = border;
    const num = ws.getRow(6).getCell(i + 1);
    num.value = `(${i + 1})`;
    num.font = { name: 'Times New Roman', size: 10, italic: true };
    num.alignment = { horizontal: 'center' };
    num.border = border;
    ws.getColumn(i + 1).width = c.width * 1.6;
  });
  sheet.rows.forEach((values, r) => {
    const row = ws.getRow(7 + r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.font = { name: 'Times New Roman', size: 11 };
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.border = border;
    });
  });
  ws.views = [{ state: 'frozen', ySplit: 6 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
