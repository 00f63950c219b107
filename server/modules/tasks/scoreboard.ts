import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { scopeOf } from '../../platform/auth/permissions.js';
import { vietnamDate } from '../../platform/calendar/date-only.js';
import { formatVnDate, loadWorkCalendar } from '../../platform/calendar/service.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { AGENCY_TYPES, getAgency } from '../org/index.js';
import { DUE_SOON_WORKING_DAYS, type DerivedStatus } from './derived-status.js';
import type { ScoreboardGroup, ScoreboardQuery, ScoreboardResult, ScoreboardTasksQuery } from './report-schemas.js';
import { scoreboardCounts, scoreboardTasks, type ScoreboardCounts } from './scoreboard-repo.js';
import { toTaskSummary } from './service.js';

/** Communes, wards and special zones (the level under the province since 1 July 2025); every other agency is "sở, ngành". */
export const COMMUNE_TYPES: readonly string[] = ['commune_committee', 'ward_committee', 'special_zone_committee'];
const AGENCY_GROUP_TYPES: readonly string[] = AGENCY_TYPES.filter((t) => !COMMUNE_TYPES.includes(t));

export const groupOfType = (type: string): 'agency' | 'commune' => (COMMUNE_TYPES.includes(type) ? 'commune' : 'agency');

/** Where a task's derived status puts it on the scoreboard: due soon and on time are both still in progress. */
export type ScoreboardBucket = 'doneOnTime' | 'doneLate' | 'overdue' | 'inProgress';
export function scoreboardBucket(status: DerivedStatus): ScoreboardBucket {
  switch (status) {
    case 'done_on_time':
      return 'doneOnTime';
    case 'done_late':
      return 'doneLate';
    case 'overdue':
      return 'overdue';
    case 'on_time':
    case 'due_soon':
      return 'inProgress';
  }
}

/** Done on time over everything that could be judged (done, or overdue); null when nothing could. */
export function onTimeRate(c: { doneOnTime: number; doneLate: number; overdue: number }): number | null {
  const judged = c.doneOnTime + c.doneLate + c.overdue;
  return judged === 0 ? null : c.doneOnTime / judged;
}

/** The period asked for, or this year to date (Vietnam dates). */
export function scoreboardPeriod(q: { from?: string | undefined; to?: string | undefined; asOf?: string | undefined }, now: Date) {
  const today = vietnamDate(now);
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw new DomainError('BAD_REQUEST', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', { errors: [{ path: 'from', message: 'Sau ngày kết thúc' }] });
  return { from, to, asOf: q.asOf ?? today };
}

const zero = { assigned: 0, doneOnTime: 0, doneLate: 0, overdue: 0, inProgress: 0 };

/**
 * The scoreboard of the tasks assigned in a period, one row per primary agency. Leaders who give tasks
 * (task.assign) see the whole province; anyone else sees only the row of their own agency (always
 * present, zeros when it was given nothing) — an agency's results are not another agency's business.
 */
export async function getTaskScoreboard(ctx: ServiceContext, q: z.output<typeof ScoreboardQuery>, now = new Date()): Promise<ScoreboardResult> {
  const period = scoreboardPeriod(q, now);
  const province = scopeOf(ctx.actor, 'task.assign') === 'tenant';
  const types = !province || q.group === 'all' ? null : q.group === 'commune' ? COMMUNE_TYPES : AGENCY_GROUP_TYPES;
  let counts: ScoreboardCounts[] = await scoreboardCounts(ctx.db, ctx.actor.tenantId, { ...period, agencyTypes: types, agencyId: province ? null : ctx.actor.agencyId });
  if (!province && counts.length === 0) {
    const own = await getAgency(ctx, ctx.actor.agencyId);
    counts = [{ agencyId: own.id, agencyName: own.name, agencyType: own.type, ...zero }];
  }
  const rows = counts.map((c) => ({ ...c, group: groupOfType(c.agencyType), onTimeRate: onTimeRate(c) }));
  const sum = rows.reduce(
    (s, r) => ({ assigned: s.assigned + r.assigned, doneOnTime: s.doneOnTime + r.doneOnTime, doneLate: s.doneLate + r.doneLate, overdue: s.overdue + r.overdue, inProgress: s.inProgress + r.inProgress }),
    zero,
  );
  return { ...period, group: province ? q.group : 'all', scope: province ? 'tenant' : 'agency', rows, total: { ...sum, onTimeRate: onTimeRate(sum) } };
}

const BUCKET_STATUSES: Record<z.output<typeof ScoreboardTasksQuery>['bucket'], DerivedStatus[]> = {
  assigned: ['on_time', 'due_soon', 'overdue', 'done_on_time', 'done_late'],
  doneOnTime: ['done_on_time'],
  doneLate: ['done_late'],
  overdue: ['overdue'],
  inProgress: ['on_time', 'due_soon'],
};

/** The tasks behind one number of the scoreboard, under the same visibility: a leader any agency, others their own. */
export async function listScoreboardTasks(ctx: ServiceContext, q: z.output<typeof ScoreboardTasksQuery>, now = new Date()) {
  const period = scoreboardPeriod(q, now);
  if (scopeOf(ctx.actor, 'task.assign') !== 'tenant' && q.agencyId !== ctx.actor.agencyId) throw new DomainError('FORBIDDEN', 'Chỉ xem được nhiệm vụ của cơ quan mình');
  const days = { today: period.asOf, dueSoonUntil: (await loadWorkCalendar(ctx.db, ctx.actor.tenantId)).addWorkingDays(period.asOf, DUE_SOON_WORKING_DAYS) };
  const { items, total } = await scoreboardTasks(ctx.db, ctx.actor.tenantId, { ...period, agencyId: q.agencyId, statuses: BUCKET_STATUSES[q.bucket], limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: items.map((t) => toTaskSummary(t, days)), total };
}

const GROUP_LABEL: Record<ScoreboardGroup, string> = { agency: 'Sở, ban, ngành', commune: 'Xã, phường, đặc khu', all: 'Tất cả cơ quan' };
const COLUMNS = [
  { title: 'STT', width: 6 },
  { title: 'Cơ quan chủ trì', width: 48 },
  { title: 'Được giao', width: 11 },
  { title: 'Hoàn thành đúng hạn', width: 13 },
  { title: 'Hoàn thành quá hạn', width: 13 },
  { title: 'Quá hạn', width: 11 },
  { title: 'Đang thực hiện', width: 12 },
  { title: 'Tỷ lệ đúng hạn', width: 12 },
];
export const SCOREBOARD_HEADER_ROW = 5;

/** The scoreboard as an Excel sheet: title with the period, Vietnamese headers, numbers as numbers, a total row. */
export async function scoreboardXlsx(board: ScoreboardResult): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Văn phòng số';
  const ws = book.addWorksheet('Bảng theo dõi', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const font = { name: 'Times New Roman', size: 12 };
  const border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } } as const;
  const title = (row: number, text: string, extra: Partial<ExcelJS.Font>) => {
    ws.mergeCells(row, 1, row, COLUMNS.length);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { ...font, ...extra };
    cell.alignment = { horizontal: 'center', wrapText: true };
  };
  title(1, 'BẢNG THEO DÕI KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO', { bold: true, size: 14 });
  title(2, `Nhiệm vụ giao từ ngày ${formatVnDate(board.from)} đến ngày ${formatVnDate(board.to)}; tình trạng tính đến ngày ${formatVnDate(board.asOf)}`, { italic: true });
  title(3, `${board.scope === 'agency' ? 'Cơ quan của người xem' : GROUP_LABEL[board.group]}. Tỷ lệ đúng hạn = hoàn thành đúng hạn / (hoàn thành đúng hạn + hoàn thành quá hạn + quá hạn)`, { size: 11 });
  ws.getRow(3).height = 30;

  const header = ws.getRow(SCOREBOARD_HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.title;
    cell.font = { ...font, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    ws.getColumn(i + 1).width = c.width;
  });
  header.height = 32;

  const put = (rowNo: number, label: [string | number, string], c: ScoreboardResult['total'], bold: boolean) => {
    const row = ws.getRow(rowNo);
    const values = [label[0], label[1], c.assigned, c.doneOnTime, c.doneLate, c.overdue, c.inProgress, c.onTimeRate];
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.font = { ...font, bold };
      cell.border = border;
      cell.alignment = i === 1 ? { wrapText: true, vertical: 'top' } : { horizontal: i === 0 ? 'center' : 'right', vertical: 'top' };
      if (i >= 2 && i <= 6) cell.numFmt = '#,##0';
      if (i === 7) cell.numFmt = '0.0%';
    });
  };
  board.rows.forEach((r, i) => put(SCOREBOARD_HEADER_ROW + 1 + i, [i + 1, r.agencyName], r, false));
  put(SCOREBOARD_HEADER_ROW + 1 + board.rows.length, ['', 'Tổng cộng'], board.total, true);
  ws.views = [{ state: 'frozen', ySplit: SCOREBOARD_HEADER_ROW, xSplit: 2 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
