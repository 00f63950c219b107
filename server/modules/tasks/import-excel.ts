import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { requirePermission } from '../../platform/auth/permissions.js';
import { formatDate, isValidDate } from '../../platform/calendar/date-only.js';
import { loadWorkCalendar } from '../../platform/calendar/service.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { searchKey } from '../../platform/search/normalize.js';
import { documentDetail } from '../documents/index.js';
import { AGENCY_TYPE_LABELS } from '../org/index.js';
import { createAllInOneTransaction } from './bulk.js';
import { MAX_IMPORT_ROWS, type BulkTaskItem, type ImportQuery, type ImportResult } from './report-schemas.js';
import type { TaskSource } from './schemas.js';
import { agencyDirectory, usersByUsername } from './scoreboard-repo.js';
import { today } from './service.js';
import type { TaskPriority } from './tables.js';

/** The template's columns, in order; a sheet is read by these headers (accent-insensitive), not by position. */
export const IMPORT_COLUMNS = [
  { key: 'content', title: 'Nội dung', width: 60, note: 'Bắt buộc, tối đa 4.000 ký tự' },
  { key: 'agency', title: 'Cơ quan chủ trì (tên hoặc mã định danh)', width: 40, note: 'Bắt buộc; tên đầy đủ như trang "Danh mục cơ quan" (không phân biệt dấu, hoa thường) hoặc mã định danh' },
  { key: 'person', title: 'Người chủ trì (tên đăng nhập)', width: 20, note: 'Không bắt buộc; phải là người của cơ quan chủ trì' },
  { key: 'coordinators', title: 'Cơ quan phối hợp (cách nhau bởi ;)', width: 40, note: 'Không bắt buộc' },
  { key: 'dueDate', title: 'Hạn (dd/MM/yyyy)', width: 16, note: 'Nhập hạn hoặc số ngày làm việc (một trong hai)' },
  { key: 'workingDays', title: 'Số ngày làm việc', width: 14, note: 'Từ 1 đến 365, tính từ ngày giao, không kể ngày nghỉ, lễ, Tết' },
  { key: 'priority', title: 'Mức độ (Thường/Cao/Khẩn)', width: 16, note: 'Để trống là Thường' },
  { key: 'expectedResult', title: 'Kết quả đầu ra', width: 40, note: 'Không bắt buộc, tối đa 2.000 ký tự' },
] as const;
type ColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

const PRIORITY_BY_KEY: Record<string, TaskPriority> = { thuong: 'normal', cao: 'high', khan: 'urgent' };
const PRIORITY_LABELS = ['Thường', 'Cao', 'Khẩn'];

/** The template: a sheet to fill in (headers, a list for the priority) and the agencies to copy names from. */
export async function taskImportTemplate(ctx: ServiceContext): Promise<Buffer> {
  const directory = (await agencyDirectory(ctx.db, ctx.actor.tenantId)).filter((a) => a.active);
  const book = new ExcelJS.Workbook();
  book.creator = 'Văn phòng số';
  const ws = book.addWorksheet('Nhiệm vụ');
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: c.title, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { name: 'Times New Roman', bold: true, size: 12 };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 36;
  IMPORT_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).note = c.note;
    header.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const priorityCol = IMPORT_COLUMNS.findIndex((c) => c.key === 'priority') + 1;
  const dueCol = IMPORT_COLUMNS.findIndex((c) => c.key === 'dueDate') + 1;
  for (let r = 2; r <= MAX_IMPORT_ROWS + 1; r++) {
    ws.getCell(r, priorityCol).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${PRIORITY_LABELS.join(',')}"`] };
    // a text cell: Excel would otherwise turn 05/03/2026 into a date of its own locale
    ws.getCell(r, dueCol).numFmt = '@';
  }
  const list = book.addWorksheet('Danh mục cơ quan');
  list.columns = [
    { header: 'Tên cơ quan', key: 'name', width: 60 },
    { header: 'Mã định danh', key: 'code', width: 18 },
    { header: 'Loại', key: 'type', width: 30 },
  ];
  list.getRow(1).font = { bold: true };
  for (const a of directory) list.addRow({ name: a.name, code: a.identifierCode ?? '', type: AGENCY_TYPE_LABELS[a.type as keyof typeof AGENCY_TYPE_LABELS] ?? a.type });
  list.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A cell as text whatever Excel stored: strings, numbers, dates, rich text, formulas' results, links. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return '';
    return '';
  }
  return String(value).normalize('NFC').trim();
}

/** dd/MM/yyyy (d/M too), yyyy-MM-dd (what cellText makes of a date cell), or an Excel serial day number. */
export function parseDueDate(raw: string): string | null {
  const s = raw.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const iso = formatDate(Number(m[3]), Number(m[2]), Number(m[1]));
    return isValidDate(iso) ? iso : null;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return isValidDate(s) ? s : null;
  if (/^\d{5}$/.test(s)) {
    // days since 30/12/1899, Excel's (and Lotus's) epoch
    const d = new Date(Date.UTC(1899, 11, 30) + Number(s) * 86_400_000);
    return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return null;
}

type Agency = Awaited<ReturnType<typeof agencyDirectory>>[number];

/** Names a person would type for an agency: its full name, without "Ủy ban nhân dân", as "UBND …", or its code. */
export function agencyMatcher(directory: Agency[]) {
  const byKey = new Map<string, Agency[]>();
  const add = (key: string, a: Agency) => {
    const list = byKey.get(key) ?? [];
    if (!list.includes(a)) list.push(a);
    byKey.set(key, list);
  };
  for (const a of directory) {
    const name = searchKey(a.name);
    add(name, a);
    if (name.startsWith('uy ban nhan dan ')) {
      add(name.slice('uy ban nhan dan '.length), a);
      add(`ubnd ${name.slice('uy ban nhan dan '.length)}`, a);
    }
    if (a.identifierCode) add(searchKey(a.identifierCode), a);
  }
  return (text: string): { agency?: Agency; error?: string } => {
    const found = byKey.get(searchKey(text)) ?? [];
    if (found.length === 0) return { error: `không tìm thấy cơ quan "${text}"` };
    if (found.length > 1) return { error: `tên "${text}" trùng với nhiều cơ quan, hãy dùng mã định danh` };
    if (!found[0]!.active) return { error: `cơ quan "${found[0]!.name}" đã ngừng hoạt động` };
    return { agency: found[0]! };
  };
}

async function readSheet(data: Uint8Array): Promise<{ row: number; cells: Record<ColumnKey, string> }[]> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const book = new ExcelJS.Workbook();
  // an xlsx is a zip: anything else is refused before exceljs sees it
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new DomainError('FILE_TYPE_NOT_ALLOWED', 'Chỉ nhận tệp Excel .xlsx (theo mẫu tải về)');
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('FILE_TYPE_NOT_ALLOWED', 'Không đọc được tệp Excel .xlsx; hãy lưu lại tệp theo mẫu tải về');
  }
  const ws = book.worksheets[0];
  if (!ws) throw new DomainError('BAD_REQUEST', 'Tệp Excel không có trang tính nào');
  const headerKeys = IMPORT_COLUMNS.map((c) => searchKey(c.title.split('(')[0]!));
  const positions = new Map<ColumnKey, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const key = searchKey(cellText(cell.value).split('(')[0]!);
    const i = headerKeys.indexOf(key);
    if (i >= 0 && !positions.has(IMPORT_COLUMNS[i]!.key)) positions.set(IMPORT_COLUMNS[i]!.key, col);
  });
  const missing = IMPORT_COLUMNS.filter((c) => !positions.has(c.key)).map((c) => `"${c.title}"`);
  if (missing.length) throw new DomainError('BAD_REQUEST', `Tệp không đúng mẫu: dòng 1 thiếu cột ${missing.join(', ')}`);
  const rows: { row: number; cells: Record<ColumnKey, string> }[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const cells = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, cellText(r.getCell(positions.get(c.key)!).value)])) as Record<ColumnKey, string>;
    if (Object.values(cells).every((v) => v === '')) return;
    rows.push({ row: n, cells });
    if (rows.length > MAX_IMPORT_ROWS) throw new DomainError('BAD_REQUEST', `Mỗi lần nhập tối đa ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} nhiệm vụ; hãy chia tệp`);
  });
  if (rows.length === 0) throw new DomainError('BAD_REQUEST', 'Tệp không có dòng nhiệm vụ nào (dòng 1 là tiêu đề)');
  return rows;
}

type Item = z.output<typeof BulkTaskItem>;

async function checkSourceDocument(ctx: ServiceContext, id: string) {
  await documentDetail(ctx, id).catch((err: unknown) => {
    const message = 'Không tìm thấy văn bản chỉ đạo hoặc bạn không có quyền xem';
    if (err instanceof DomainError && err.code === 'NOT_FOUND') throw new DomainError('BAD_REQUEST', message, { errors: [{ path: 'documentId', message }] });
    throw err;
  });
}

/**
 * Tasks from an Excel sheet with one common source. Every row is checked and every rejected row reported
 * with its number and reasons; with dryRun nothing is created. Otherwise all rows are created in one
 * transaction, and only when no row is rejected: a notice is given whole or not at all.
 */
export async function importTasks(ctx: ServiceContext, bytes: Uint8Array, q: z.output<typeof ImportQuery>): Promise<ImportResult> {
  requirePermission(ctx.actor, 'task.assign');
  const source: z.output<typeof TaskSource> = { kind: q.sourceKind, documentId: q.documentId, reference: q.reference?.normalize('NFC') };
  if (source.kind === 'document') await checkSourceDocument(ctx, source.documentId!);
  const sheet = await readSheet(bytes);
  const [directory, calendar, people] = await Promise.all([
    agencyDirectory(ctx.db, ctx.actor.tenantId),
    loadWorkCalendar(ctx.db, ctx.actor.tenantId),
    usersByUsername(ctx.db, ctx.actor.tenantId, [...new Set(sheet.map((r) => r.cells.person).filter(Boolean))]),
  ]);
  const matchAgency = agencyMatcher(directory);
  const personByName = new Map(people.map((p) => [p.username.toLowerCase(), p]));
  const day = today();
  const items: Item[] = [];
  const rows = sheet.map(({ row, cells }) => {
    const errors: string[] = [];
    if (!cells.content) errors.push('Thiếu nội dung nhiệm vụ');
    else if (cells.content.length > 4000) errors.push('Nội dung dài quá 4.000 ký tự');
    if (cells.expectedResult.length > 2000) errors.push('Kết quả đầu ra dài quá 2.000 ký tự');
    const primary = cells.agency ? matchAgency(cells.agency) : { error: 'thiếu cơ quan chủ trì' };
    if (primary.error) errors.push(`Cơ quan chủ trì: ${primary.error}`);
    const coordinators = cells.coordinators
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((name) => matchAgency(name));
    for (const c of coordinators) if (c.error) errors.push(`Cơ quan phối hợp: ${c.error}`);
    const coordinatorAgencies = [...new Set(coordinators.flatMap((c) => (c.agency ? [c.agency] : [])))];
    if (primary.agency && coordinatorAgencies.includes(primary.agency)) errors.push('Cơ quan chủ trì không đồng thời là cơ quan phối hợp');
    const person = cells.person ? personByName.get(cells.person.toLowerCase()) : undefined;
    if (cells.person && (!person || !person.active)) errors.push(`Không có người dùng "${cells.person}" đang hoạt động`);
    else if (person && primary.agency && person.agencyId !== primary.agency.id) errors.push(`Người chủ trì "${cells.person}" không thuộc cơ quan chủ trì`);
    let dueDate: string | undefined;
    let dueInWorkingDays: number | undefined;
    if (cells.dueDate && cells.workingDays) errors.push('Chỉ nhập hạn hoặc số ngày làm việc, không nhập cả hai');
    else if (cells.dueDate) {
      const parsed = parseDueDate(cells.dueDate);
      if (!parsed) errors.push(`Hạn "${cells.dueDate}" không phải ngày dd/MM/yyyy`);
      else if (parsed < day) errors.push('Hạn hoàn thành không được trước ngày giao');
      else dueDate = parsed;
    } else if (cells.workingDays) {
      const n = Number(cells.workingDays.replace(',', '.'));
      if (!Number.isInteger(n) || n < 1 || n > 365) errors.push(`Số ngày làm việc "${cells.workingDays}" phải là số nguyên từ 1 đến 365`);
      else dueInWorkingDays = n;
    } else errors.push('Thiếu hạn hoặc số ngày làm việc');
    const priority = cells.priority ? PRIORITY_BY_KEY[searchKey(cells.priority)] : 'normal';
    if (!priority) errors.push(`Mức độ "${cells.priority}" phải là Thường, Cao hoặc Khẩn`);
    if (errors.length === 0) {
      items.push({
        content: cells.content,
        primaryAgencyId: primary.agency!.id,
        primaryUserId: person?.id,
        coordinatingAgencyIds: coordinatorAgencies.map((a) => a.id),
        dueDate,
        dueInWorkingDays,
        priority: priority!,
        expectedResult: cells.expectedResult || undefined,
      });
    }
    return {
      row,
      content: cells.content,
      primaryAgencyName: primary.agency?.name ?? null,
      primaryUserName: person?.fullName ?? null,
      coordinatingAgencyNames: coordinatorAgencies.map((a) => a.name),
      deadline: dueDate ?? (dueInWorkingDays ? calendar.addWorkingDays(day, dueInWorkingDays) : null),
      priority: priority ?? null,
      errors,
    };
  });
  const rejected = rows.filter((r) => r.errors.length > 0).length;
  const dryRun = q.dryRun === 'true';
  const createdIds = dryRun || rejected > 0 ? [] : (await createAllInOneTransaction(ctx, source, items)).map((t) => t.id);
  return { dryRun, total: rows.length, valid: rows.length - rejected, rejected, createdIds, rows };
}
