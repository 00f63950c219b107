import ExcelJS from 'exceljs';
import { DomainError } from '../../platform/http/errors.js';
import { searchKey } from '../../platform/search/normalize.js';
import { COLUMNS, HEADER_KEYS, type Cells, type ColumnKey } from './layout.js';

/** An import holds at most this many procedures (the province's whole catalog is about 2,200) and bytes. */
export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface SheetRow {
  row: number;
  cells: Cells;
}

/** A cell as text whatever Excel stored: strings, numbers, dates (as yyyy-MM-dd), rich text, formulas' results. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    return '';
  }
  return String(value);
}

const isZip = (b: Buffer) => b.length >= 4 && b.readUInt32LE(0) === 0x04034b50;

/** RFC 4180 CSV: quoted fields may hold the delimiter, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new DomainError('BAD_REQUEST', 'Tệp CSV có ô mở dấu ngoặc kép mà không đóng');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * A cell that starts like a formula (=, +, -, @ — and "- Bước 1…" is common in published procedures) gets a
 * leading apostrophe, so that a spreadsheet shows it as text and runs nothing (CSV injection); `unguardCsv`
 * takes it off again on import, so an export imports back unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const guardCsv = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);
export const unguardCsv = (s: string) => (s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s);
const csvField = (raw: string) => {
  const s = guardCsv(raw);
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Rows of cells by column, from the header row (matched by title, accent-insensitive; order is free). */
function byHeader(table: { row: number; values: string[] }[]): SheetRow[] {
  const header = table[0];
  if (!header) throw new DomainError('BAD_REQUEST', 'Tệp không có dữ liệu (dòng 1 là tiêu đề)');
  const positions = new Map<ColumnKey, number>();
  header.values.forEach((title, i) => {
    const key = HEADER_KEYS.get(searchKey(title));
    if (key && !positions.has(key)) positions.set(key, i);
  });
  const required: ColumnKey[] = ['code', 'name', 'field', 'level', 'timeLimit', 'timeUnit', 'result', 'steps'];
  const missing = required.filter((k) => !positions.has(k)).map((k) => `"${COLUMNS.find((c) => c.key === k)!.title}"`);
  if (missing.length) throw new DomainError('BAD_REQUEST', `Tệp không đúng mẫu: dòng tiêu đề thiếu cột ${missing.join(', ')}`);
  const rows: SheetRow[] = [];
  for (const r of table.slice(1)) {
    const cells = Object.fromEntries(COLUMNS.map((c) => [c.key, (positions.has(c.key) ? (r.values[positions.get(c.key)!] ?? '') : '').normalize('NFC').trim()])) as Cells;
    if (Object.values(cells).every((v) => v === '')) continue;
    rows.push({ row: r.row, cells });
    if (rows.length > MAX_IMPORT_ROWS) throw new DomainError('BAD_REQUEST', `Mỗi lần nhập tối đa ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} thủ tục; hãy chia tệp`);
  }
  if (rows.length === 0) throw new DomainError('BAD_REQUEST', 'Tệp không có dòng thủ tục nào (dòng 1 là tiêu đề)');
  return rows;
}

/** The rows of an import file: an .xlsx (first sheet) or a UTF-8 .csv, told apart by content, not name. */
export async function readImportFile(bytes: Buffer, fileName: string): Promise<SheetRow[]> {
  if (isZip(bytes)) {
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new DomainError('FILE_TYPE_NOT_ALLOWED', 'Không đọc được tệp Excel .xlsx; hãy lưu lại tệp theo mẫu tải về');
    }
    const ws = book.worksheets[0];
    if (!ws) throw new DomainError('BAD_REQUEST', 'Tệp Excel không có trang tính nào');
    const table: { row: number; values: string[] }[] = [];
    ws.eachRow({ includeEmpty: false }, (r, n) => {
      const values: string[] = [];
      r.eachCell({ includeEmpty: true }, (cell, col) => {
        values[col - 1] = cellText(cell.value);
      });
      table.push({ row: n, values: Array.from(values, (v) => v ?? '') });
    });
    return byHeader(table);
  }
  if (bytes.includes(0)) throw new DomainError('FILE_TYPE_NOT_ALLOWED', `Tệp "${fileName}" không phải Excel .xlsx hay CSV (UTF-8)`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) throw new DomainError('FILE_TYPE_NOT_ALLOWED', 'Tệp CSV phải lưu bằng bảng mã UTF-8');
  return byHeader(parseCsv(text).map((values, i) => ({ row: i + 1, values: values.map(unguardCsv) })));
}

function styledSheet(book: ExcelJS.Workbook) {
  const ws = book.addWorksheet('Thủ tục hành chính');
  ws.columns = COLUMNS.map((c) => ({ header: c.title, key: c.key, width: c.width, style: { alignment: { wrapText: true, vertical: 'top' } } }));
  const header = ws.getRow(1);
  header.font = { name: 'Times New Roman', bold: true, size: 12 };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 36;
  COLUMNS.forEach((_, i) => {
    header.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];
  return ws;
}

/** The xlsx of the catalog: every cell as text, so codes like 1.012994 and dates stay as written. */
export async function writeXlsx(rows: AsyncIterable<Cells[]> | Cells[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Văn phòng số';
  const ws = styledSheet(book);
  for await (const chunk of rows) {
    for (const cells of chunk) {
      const r = ws.addRow(cells);
      r.eachCell((cell) => {
        cell.numFmt = '@';
      });
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** CSV with a BOM, so Excel opens the Vietnamese text as UTF-8. */
export async function writeCsv(rows: AsyncIterable<Cells[]> | Cells[][]): Promise<Buffer> {
  const lines = [COLUMNS.map((c) => csvField(c.title)).join(',')];
  for await (const chunk of rows) for (const cells of chunk) lines.push(COLUMNS.map((c) => csvField(cells[c.key])).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The template: the header, one filled example row, and a sheet explaining each column. */
export async function writeTemplate(example: Cells, departments: string[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Văn phòng số';
  const ws = styledSheet(book);
  const r = ws.addRow(example);
  r.eachCell((cell) => {
    cell.numFmt = '@';
  });
  for (let n = 3; n <= 1002; n++) for (let c = 1; c <= COLUMNS.length; c++) ws.getCell(n, c).numFmt = '@';
  const guide = book.addWorksheet('Hướng dẫn');
  guide.columns = [
    { header: 'Cột', key: 'title', width: 30 },
    { header: 'Cách ghi', key: 'how', width: 110 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const [title, how] of TEMPLATE_GUIDE) guide.addRow({ title, how }).alignment = { wrapText: true, vertical: 'top' };
  const list = book.addWorksheet('Sở, ngành');
  list.columns = [{ header: 'Cơ quan có thẩm quyền (thủ tục cấp tỉnh)', key: 'name', width: 60 }];
  list.getRow(1).font = { bold: true };
  for (const name of departments) list.addRow({ name });
  return Buffer.from(await book.xlsx.writeBuffer());
}

const TEMPLATE_GUIDE: [string, string][] = [
  ['Mã thủ tục', 'Bắt buộc. Mã trong Cơ sở dữ liệu quốc gia về TTHC, ví dụ 1.012994 hoặc 2.001218.000.00.00.H38. Mã đã có thì dòng này cập nhật thủ tục đó.'],
  ['Cấp thực hiện', '"Cấp tỉnh" hoặc "Cấp xã".'],
  ['Cơ quan có thẩm quyền', 'Cấp tỉnh: tên sở, ngành (xem trang "Sở, ngành"), tên viết tắt hoặc mã định danh. Cấp xã: để trống (mặc định "Ủy ban nhân dân cấp xã") hoặc ghi tên như công bố.'],
  ['Thời hạn giải quyết', 'Số, có thể có phần thập phân bằng dấu phẩy (0,5).'],
  ['Đơn vị thời hạn', 'Ngày làm việc, Giờ làm việc, Ngày hoặc Tháng.'],
  ['Đối tượng thực hiện', 'Công dân; Doanh nghiệp; Tổ chức (cách nhau bởi dấu chấm phẩy).'],
  ['Thành phần hồ sơ', 'Mỗi thành phần một dòng trong ô (Alt+Enter): Tên | Bản chính / Bản sao / Bản sao chứng thực / Bản chính hoặc bản sao | Số lượng | Bắt buộc / Không bắt buộc | Tên mẫu đơn, tờ khai | Mã tệp mẫu.'],
  ['Phí, lệ phí', 'Mỗi khoản một dòng trong ô: Phí / Lệ phí | Tên khoản | Mức thu (đồng, số nguyên) | Ghi chú.'],
  ['Quy trình nội bộ', 'Mỗi bước một dòng trong ô: Tên bước | Tiếp nhận / Phân công / Thẩm định / Xem xét / Phê duyệt / Phát hành / Trả kết quả | Số giờ làm việc | "Không tính thời gian" (chỉ bước trả kết quả). Bước đầu là Tiếp nhận, bước cuối là Trả kết quả; tổng số giờ các bước được tính bằng thời hạn (1 ngày làm việc = 8 giờ).'],
  ['Ký tự đặc biệt', 'Trong một phần của mục, ghi "\\|" cho dấu |, "\\n" cho xuống dòng, "\\\\" cho dấu \\.'],
  ['Hình thức kết quả', 'Giấy; Điện tử (một hoặc cả hai); "Không" khi không có bản nào; để trống là Giấy.'],
  ['Dịch vụ công trực tuyến', 'Toàn trình, Một phần hoặc Không.'],
  ['Ngày …', 'dd/MM/yyyy, ví dụ 01/07/2025.'],
  ['Tình trạng', '"Đang áp dụng" (mặc định) hoặc "Bãi bỏ".'],
];
