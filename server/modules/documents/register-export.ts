import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';

/** A register as printed: the App. IV columns with their relative widths, and one line of text per cell. */
export interface RegisterSheet {
  agencyName: string;
  title: string;
  period: string;
  subtitle: string;
  columns: { title: string; width: number }[];
  rows: string[][];
  footer?: string;
}

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT = path.join(fontDir, 'DejaVuSerif.ttf');
const FONT_BOLD = path.join(fontDir, 'DejaVuSerif-Bold.ttf');

export async function toXlsx(sheet: RegisterSheet): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Văn phòng số';
  const ws = book.addWorksheet('Sổ', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const n = sheet.columns.length;
  const title = (row: number, text: string, size: number, bold = true) => {
    ws.mergeCells(row, 1, row, n);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { name: 'Times New Roman', size, bold };
    cell.alignment = { horizontal: 'center' };
  };
  title(1, sheet.agencyName.toUpperCase(), 12);
  title(2, sheet.title, 14);
  title(3, sheet.period, 12, false);
  title(4, sheet.subtitle, 11, false);
  const header = ws.getRow(6);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.title;
    cell.font = { name: 'Times New Roman', bold: true, size: 11 };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    ws.getColumn(i + 1).width = c.width * 1.6;
  });
  const numbers = ws.getRow(7);
  sheet.columns.forEach((_, i) => {
    const cell = numbers.getCell(i + 1);
    cell.value = `(${i + 1})`;
    cell.alignment = { horizontal: 'center' };
    cell.font = { name: 'Times New Roman', italic: true, size: 10 };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  sheet.rows.forEach((values, r) => {
    const row = ws.getRow(8 + r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.font = { name: 'Times New Roman', size: 11 };
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
  });
  ws.views = [{ state: 'frozen', ySplit: 7 }];
  if (sheet.footer) title(9 + sheet.rows.length, sheet.footer, 11, false);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A4 landscape, Decree 30 style serif font, the header row repeated on every page. */
export function toPdf(sheet: RegisterSheet): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margins: { top: 36, bottom: 36, left: 36, right: 36 }, info: { Title: sheet.title, Creator: 'Văn phòng số' } });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const total = sheet.columns.reduce((s, c) => s + c.width, 0);
  const widths = sheet.columns.map((c) => (c.width / total) * usable);
  const pad = 3;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const center = (text: string, font: string, size: number) => {
    doc.font(font).fontSize(size).text(text, left, doc.y, { width: usable, align: 'center' });
  };
  center(sheet.agencyName.toUpperCase(), 'bold', 11);
  center(sheet.title, 'bold', 14);
  center(sheet.period, 'body', 11);
  center(sheet.subtitle, 'body', 10);
  doc.moveDown(0.5);

  const drawRow = (cells: string[], font: string, size: number) => {
    doc.font(font).fontSize(size);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
    if (doc.y + height > bottom()) {
      doc.addPage();
      drawHeader();
      doc.font(font).fontSize(size);
    }
    const top = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.rect(x, top, widths[i]!, height).stroke();
      doc.text(c, x + pad, top + pad, { width: widths[i]! - 2 * pad, align: font === 'bold' ? 'center' : 'left' });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = top + height;
  };
  const drawHeader = () => {
    drawRow(sheet.columns.map((c) => c.title), 'bold', 8.5);
    drawRow(sheet.columns.map((_, i) => `(${i + 1})`), 'bold', 8);
  };
  drawHeader();
  for (const r of sheet.rows) drawRow(r, 'body', 8.5);
  if (sheet.rows.length === 0) center('(Không có văn bản trong kỳ)', 'body', 10);
  if (sheet.footer) {
    doc.moveDown(1);
    doc.font('body').fontSize(10).text(sheet.footer, left, doc.y, { width: usable, align: 'right' });
  }
  doc.end();
  return done;
}
