/**
 * The national ranking of the service index (the 34 provinces' scores published on the national portal), imported
 * from the table the portal shows, saved as .xlsx or .csv: columns "Hạng", "Tỉnh, thành phố", "Điểm". Nothing in the
 * file is trusted: every row is checked, and a bad file changes nothing.
 */
import ExcelJS from 'exceljs';
import { newId } from '../../db/columns.js';
import { audit } from '../../platform/audit/service.js';
import { requirePermission } from '../../platform/auth/permissions.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { parseCsv } from '../procedures/index.js';
import { ownRow } from './service-index-service.js';
import { nationalRankings } from './tables.js';
import { resolveScope } from './scope.js';

export const MAX_RANKING_BYTES = 2 * 1024 * 1024;
const MAX_ROWS = 100;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
const bad = (message: string) => new DomainError('BAD_REQUEST', message, { errors: [{ path: 'file', message }] });

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    return '';
  }
  return String(value);
}

async function tableOf(bytes: Buffer): Promise<string[][]> {
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw bad('Không đọc được tệp Excel .xlsx');
    }
    const ws = book.worksheets[0];
    if (!ws) throw bad('Tệp Excel không có trang tính nào');
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (r) => {
      const values: string[] = [];
      r.eachCell({ includeEmpty: true }, (cell, col) => {
        values[col - 1] = cellText(cell.value);
      });
      rows.push(Array.from(values, (v) => (v ?? '').normalize('NFC').trim()));
    });
    return rows;
  }
  if (bytes.includes(0)) throw bad('Tệp không phải Excel .xlsx hay CSV (UTF-8)');
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.includes('\uFFFD')) throw bad('Tệp CSV phải lưu bằng bảng mã UTF-8');
  return parseCsv(text.replace(/^\uFEFF/, '')).map((r) => r.map((v) => v.normalize('NFC').trim()));
}

/** Vietnamese or plain decimals: "82,08", "82.08". */
const score = (s: string) => (/^\d{1,3}([.,]\d{1,2})?$/.test(s) ? Number(s.replace(',', '.')) : NaN);

/** The ranking rows of a file, checked: header found, ranks 1…n without gaps or repeats, names once, scores 0–100. */
export async function parseRanking(bytes: Buffer): Promise<{ rank: number; name: string; score: number }[]> {
  const table = await tableOf(bytes);
  const headerAt = table.findIndex((r) => r.some((c) => fold(c) === 'hang') && r.some((c) => fold(c).startsWith('diem')));
  if (headerAt < 0) throw bad('Không tìm thấy dòng tiêu đề có các cột "Hạng", "Tỉnh, thành phố", "Điểm"');
  const header = table[headerAt]!.map(fold);
  const col = { rank: header.indexOf('hang'), name: header.findIndex((h) => h.startsWith('tinh') || h.startsWith('don vi')), score: header.findIndex((h) => h.startsWith('diem')) };
  if (col.name < 0) throw bad('Thiếu cột "Tỉnh, thành phố"');
  const rows: { rank: number; name: string; score: number }[] = [];
  for (const [i, r] of table.slice(headerAt + 1).entries()) {
    if (r.every((c) => c === '')) continue;
    const line = headerAt + i + 2;
    const rank = Number(r[col.rank]);
    const name = r[col.name] ?? '';
    const points = score(r[col.score] ?? '');
    if (!Number.isInteger(rank) || rank < 1) throw bad(`Dòng ${line}: hạng "${r[col.rank] ?? ''}" không hợp lệ`);
    if (name === '' || name.length > 100) throw bad(`Dòng ${line}: thiếu tên tỉnh, thành phố`);
    if (Number.isNaN(points) || points > 100) throw bad(`Dòng ${line}: điểm "${r[col.score] ?? ''}" không hợp lệ (0–100, tối đa 2 chữ số thập phân)`);
    rows.push({ rank, name, score: points });
    if (rows.length > MAX_ROWS) throw bad(`Bảng xếp hạng tối đa ${MAX_ROWS} dòng`);
  }
  if (rows.length === 0) throw bad('Tệp không có dòng xếp hạng nào');
  if (new Set(rows.map((r) => fold(r.name))).size !== rows.length) throw bad('Một tỉnh, thành phố xuất hiện hai lần');
  const ranks = rows.map((r) => r.rank).sort((a, b) => a - b);
  // ties share a rank (1, 2, 2, 4): sorted, each rank is at most its position
  if (ranks[0] !== 1 || ranks.some((r, i) => r > i + 1)) throw bad('Thứ hạng phải bắt đầu từ 1 và liên tục');
  return rows.sort((a, b) => a.rank - b.rank);
}

/** importNationalRanking: saves the table as of a day; the dashboard and the index show the province's rank from the latest. */
export async function importNationalRanking(ctx: ServiceContext, input: { asOf: string; bytes: Buffer }, now = new Date()) {
  requirePermission(ctx.actor, 'stats.manage');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.asOf) || Number.isNaN(Date.parse(input.asOf))) throw new DomainError('BAD_REQUEST', 'Ngày công bố phải có dạng YYYY-MM-DD', { errors: [{ path: 'asOf', message: 'Ngày không hợp lệ' }] });
  const rows = await parseRanking(input.bytes);
  const s = await resolveScope(ctx, {}, now);
  await ctx.db.transaction(async (tx) => {
    const id = newId();
    await tx.insert(nationalRankings).values({ id, tenantId: s.tenantId, asOf: input.asOf, rows, importedBy: ctx.actor.userId, importedAt: now });
    await audit(ctx, tx, { action: 'stats.ranking_imported', entityType: 'national_ranking', entityId: id, summary: `Nhập bảng xếp hạng Bộ chỉ số 766 ngày ${input.asOf.split('-').reverse().join('/')} (${rows.length} tỉnh, thành phố)`, after: { asOf: input.asOf, rows: rows.length } });
  });
  return { asOf: input.asOf, rows: rows.length, own: ownRow(rows, s.tenantName), importedAt: now.toISOString() };
}
