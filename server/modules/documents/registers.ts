import type { z } from 'zod';
import { newId } from '../../db/columns.js';
import { audit } from '../../platform/audit/service.js';
import { requirePermission } from '../../platform/auth/permissions.js';
import { vietnamDate } from '../../platform/calendar/date-only.js';
import type { ServiceContext } from '../../platform/context.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { getFile, readVerified, storeGenerated } from '../../platform/files/service.js';
import { DomainError } from '../../platform/http/errors.js';
import { getAgency } from '../org/index.js';
import { documentTypeName } from './document-types.js';
import { toPdf, toXlsx, type RegisterSheet } from './register-export.js';
import * as regRepo from './registers-repo.js';
import type { CloseRegisterRequest, CreateRegisterRequest, RegisterEntriesQuery, UpdateRegisterRequest } from './registers-schemas.js';
import * as repo from './repo.js';

type In<T extends z.ZodType> = z.output<T>;
export type RegisterKind = 'book' | 'tracking';

const fmt = (d: string | null | undefined) => (d ? d.split('-').reverse().join('/') : '');
// raw subqueries give timestamps as text
const fmtInstant = (d: Date | string | null) => (d ? fmt(vietnamDate(new Date(d))) : '');
const fieldError = (p: string, message: string) => new DomainError('BAD_REQUEST', message, { errors: [{ path: p, message }] });
const numberNotation = (n: string | null, s: string | null) => (n ? `${n}/${s}` : '');

// Decree 30/2020 Appendix IV: the columns of each register, in order, with a relative print width.
const COLUMNS = {
  incoming: [
    ['Ngày đến', 7],
    ['Số đến', 5],
    ['Tác giả', 14],
    ['Số, ký hiệu', 10],
    ['Ngày tháng văn bản', 8],
    ['Tên loại và trích yếu nội dung', 26],
    ['Đơn vị hoặc người nhận', 14],
    ['Ngày chuyển', 7],
    ['Ký nhận', 11],
    ['Ghi chú', 8],
  ],
  outgoing: [
    ['Số, ký hiệu văn bản', 10],
    ['Ngày tháng văn bản', 8],
    ['Tên loại và trích yếu nội dung văn bản', 26],
    ['Người ký', 11],
    ['Nơi nhận văn bản', 18],
    ['Đơn vị, người nhận bản lưu', 11],
    ['Số lượng bản', 5],
    ['Ngày chuyển', 7],
    ['Ký nhận', 8],
    ['Ghi chú', 8],
  ],
  tracking: [
    ['Số đến', 6],
    ['Tên loại, số, ký hiệu, ngày tháng và cơ quan ban hành văn bản', 30],
    ['Đơn vị hoặc người nhận', 16],
    ['Thời hạn giải quyết', 9],
    ['Tiến độ giải quyết', 20],
    ['Số, ký hiệu văn bản trả lời', 11],
    ['Ghi chú', 8],
  ],
} as const;

/** A register of the actor's agency, for its clerks and leaders. */
async function readableRegister(ctx: ServiceContext, id: string) {
  requirePermission(ctx.actor, 'document.read');
  const register = await repo.getRegister(ctx.db, ctx.actor.tenantId, id);
  if (!register || register.agencyId !== ctx.actor.agencyId) throw new DomainError('NOT_FOUND', 'Không tìm thấy sổ đăng ký văn bản của cơ quan');
  return register;
}

function checkPeriod(from: string, to: string) {
  if (from > to) throw fieldError('to', 'Ngày cuối kỳ phải từ ngày đầu kỳ trở đi');
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 1) throw fieldError('from', 'Mỗi lần in, xuất tối đa hai năm');
}

/** The register's entries for a period, as the rows of its App. IV columns. */
export async function registerSheet(ctx: ServiceContext, id: string, q: { from: string; to: string; kind: RegisterKind }): Promise<RegisterSheet & { count: number; firstNumber: number | null; lastNumber: number | null }> {
  const register = await readableRegister(ctx, id);
  checkPeriod(q.from, q.to);
  if (q.kind === 'tracking' && register.direction !== 'incoming') throw fieldError('kind', 'Sổ theo dõi giải quyết chỉ có cho sổ văn bản đến');
  const agency = await getAgency(ctx, register.agencyId);
  const secret = register.secret ? 'MẬT ' : '';
  const period = `Từ ngày ${fmt(q.from)} đến ngày ${fmt(q.to)}`;
  const base = { agencyName: agency.name, period, footer: `In ngày ${fmt(vietnamDate(new Date()))} từ hệ thống Văn phòng số` };

  if (register.direction === 'outgoing') {
    const rows = await regRepo.outgoingEntries(ctx.db, id, q.from, q.to);
    const nums = rows.map((r) => r.issueNumber!).filter(Boolean);
    return {
      ...base,
      title: `SỔ ĐĂNG KÝ VĂN BẢN ${secret}ĐI`,
      subtitle: `${register.name} · ${rows.length} văn bản${nums.length ? `, từ số ${Math.min(...nums)} đến số ${Math.max(...nums)}` : ''}`,
      columns: COLUMNS.outgoing.map(([title, width]) => ({ title, width })),
      rows: rows.map((r) => [
        numberNotation(r.codeNumber, r.codeNotation),
        fmt(r.issuedDate),
        `${documentTypeName(r.typeCode)}: ${r.subject}`,
        r.signerName ?? '',
        r.recipientNames ?? '',
        r.draftingUnit ? `Lưu: VT, ${r.draftingUnit}` : 'Lưu: VT',
        String(r.recipientCount + 1),
        fmtInstant(r.issuedAt),
        'Điện tử',
        r.status === 'recalled' ? 'Đã thu hồi' : '',
      ]),
      count: rows.length,
      firstNumber: nums.length ? Math.min(...nums) : null,
      lastNumber: nums.length ? Math.max(...nums) : null,
    };
  }

  const rows = await regRepo.incomingEntries(ctx.db, id, q.from, q.to);
  const nums = rows.map((r) => r.arrivalNumber!);
  const range = { count: rows.length, firstNumber: nums.length ? Math.min(...nums) : null, lastNumber: nums.length ? Math.max(...nums) : null };
  if (q.kind === 'tracking') {
    const today = vietnamDate(new Date());
    const tracked = rows.filter((r) => r.routedTo || r.leadDue);
    return {
      ...base,
      ...range,
      title: `SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ${secret}ĐẾN`,
      subtitle: `${register.name} · ${tracked.length} văn bản phải giải quyết`,
      columns: COLUMNS.tracking.map(([title, width]) => ({ title, width })),
      rows: tracked.map((r) => {
        const [status, doneOn, result] = (r.leadState ?? '||').split('|') as [string, string, string];
        const progress =
          status === 'done'
            ? `Đã giải quyết ngày ${fmt(doneOn)}${r.leadDue && doneOn > r.leadDue ? ' (quá hạn)' : ''}${result ? `: ${result}` : ''}`
            : r.leadDue && r.leadDue < today
              ? 'Quá hạn, đang giải quyết'
              : r.routedTo
                ? 'Đang giải quyết'
                : 'Chưa giao';
        return [String(r.arrivalNumber), `${documentTypeName(r.typeCode)} số ${numberNotation(r.codeNumber, r.codeNotation)} ngày ${fmt(r.issuedDate)} của ${r.senderName}`, r.routedTo ?? '', fmt(r.leadDue), progress, r.replies ?? '', ''];
      }),
    };
  }
  return {
    ...base,
    ...range,
    title: `SỔ ĐĂNG KÝ VĂN BẢN ${secret}ĐẾN`,
    subtitle: `${register.name} · ${rows.length} văn bản${nums.length ? `, từ số đến ${Math.min(...nums)} đến ${Math.max(...nums)}` : ''}`,
    columns: COLUMNS.incoming.map(([title, width]) => ({ title, width })),
    rows: rows.map((r) => [
      fmtInstant(r.receivedAt),
      String(r.arrivalNumber),
      r.senderName,
      numberNotation(r.codeNumber, r.codeNotation),
      fmt(r.issuedDate),
      `${documentTypeName(r.typeCode)}: ${r.subject}`,
      r.routedTo ?? '',
      fmtInstant(r.routedAt),
      r.accepted ? `Đã nhận: ${r.accepted}` : '',
      [r.channel === 'electronic' ? 'Điện tử' : 'Bản giấy', r.status === 'withdrawn' ? 'Đã bị thu hồi' : ''].filter(Boolean).join('; '),
    ]),
  };
}

export async function registerEntries(ctx: ServiceContext, id: string, q: In<typeof RegisterEntriesQuery>) {
  const s = await registerSheet(ctx, id, q);
  return { title: s.title, period: s.period, subtitle: s.subtitle, columns: s.columns.map((c) => c.title), rows: s.rows, count: s.count, firstNumber: s.firstNumber, lastNumber: s.lastNumber };
}

const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

/** The register for a period as an Excel workbook or a printable PDF (App. IV columns). */
export async function exportRegister(ctx: ServiceContext, id: string, q: In<typeof RegisterEntriesQuery> & { format: 'xlsx' | 'pdf' }) {
  const sheet = await registerSheet(ctx, id, q);
  const bytes = q.format === 'xlsx' ? await toXlsx(sheet) : await toPdf(sheet);
  const name = `${q.kind === 'tracking' ? 'so-theo-doi' : 'so-dang-ky'}-${q.from}-${q.to}.${q.format}`;
  await ctx.db.transaction((tx) => audit(ctx, tx, { action: 'document.register_exported', entityType: 'document_register', entityId: id, summary: `Xuất ${sheet.title.toLowerCase()} ${sheet.period.toLowerCase()} (${q.format.toUpperCase()})`, after: { from: q.from, to: q.to, kind: q.kind, format: q.format, rows: sheet.rows.length } }));
  return { bytes, name, mime: MIME[q.format] };
}

/**
 * Closes the register as a book for a period (art. 22): the PDF printed now is kept with its SHA-256, the
 * volume numbered, and the period can take no more entries.
 */
export async function closeRegister(ctx: ServiceContext, store: BlobStore, id: string, input: In<typeof CloseRegisterRequest>) {
  requirePermission(ctx.actor, 'document.register');
  checkPeriod(input.from, input.to);
  if (input.to >= vietnamDate(new Date())) throw fieldError('to', 'Chỉ khóa sổ được kỳ đã kết thúc (đến hết hôm qua)');
  return ctx.db.transaction(async (tx) => {
    const sub = { ...ctx, db: tx };
    const register = await regRepo.getRegisterForUpdate(tx, ctx.actor.tenantId, id);
    if (!register || register.agencyId !== ctx.actor.agencyId) throw new DomainError('NOT_FOUND', 'Không tìm thấy sổ đăng ký văn bản của cơ quan');
    const closings = await regRepo.findClosings(tx, id);
    const last = closings[0];
    if (last && input.from <= last.toDate) throw new DomainError('CONFLICT', `Sổ đã khóa đến ngày ${fmt(last.toDate)}; kỳ mới phải bắt đầu sau ngày đó`, { errors: [{ path: 'from', message: 'Trùng kỳ đã khóa' }] });
    const volume = (last?.volume ?? 0) + 1;
    const sheet = await registerSheet(sub, id, { from: input.from, to: input.to, kind: 'book' });
    sheet.subtitle = `Quyển số ${volume} · ${sheet.subtitle}`;
    sheet.footer = `Khóa sổ ngày ${fmt(vietnamDate(new Date()))}, người khóa sổ: ${ctx.actor.fullName}`;
    const file = await storeGenerated(sub, store, { name: `khoa-so-${register.direction === 'incoming' ? 'den' : 'di'}-${input.from}-${input.to}.pdf`, mime: 'application/pdf', bytes: await toPdf(sheet) });
    const closingId = newId();
    await regRepo.insertClosing(tx, { id: closingId, tenantId: ctx.actor.tenantId, registerId: id, fromDate: input.from, toDate: input.to, volume, firstNumber: sheet.firstNumber, lastNumber: sheet.lastNumber, entries: sheet.count, fileId: file.id, closedBy: ctx.actor.userId });
    await audit(ctx, tx, { action: 'document.register_closed', entityType: 'document_register', entityId: id, summary: `Khóa ${register.name} quyển số ${volume}, ${sheet.period.toLowerCase()}`, after: { volume, from: input.from, to: input.to, entries: sheet.count, sha256: file.sha256 } });
    return { id: closingId, volume, from: input.from, to: input.to, entries: sheet.count, firstNumber: sheet.firstNumber, lastNumber: sheet.lastNumber, fileId: file.id, sha256: file.sha256 };
  });
}

/** The PDF of a closed volume, to the register's readers, checked against its SHA-256. */
export async function openClosingFile(ctx: ServiceContext, store: BlobStore, id: string, closingId: string) {
  await readableRegister(ctx, id);
  const closing = (await regRepo.findClosings(ctx.db, id)).find((c) => c.id === closingId);
  const file = closing ? await getFile(ctx.db, ctx.actor.tenantId, closing.fileId) : null;
  if (!file) throw new DomainError('NOT_FOUND', 'Không tìm thấy quyển sổ đã khóa');
  return { file, stream: await readVerified(store, file) };
}

export async function listClosings(ctx: ServiceContext, id: string) {
  await readableRegister(ctx, id);
  const rows = await regRepo.findClosings(ctx.db, id);
  const files = await Promise.all(rows.map((c) => getFile(ctx.db, ctx.actor.tenantId, c.fileId)));
  return rows.map((c, i) => ({ id: c.id, volume: c.volume, from: c.fromDate, to: c.toDate, entries: c.entries, firstNumber: c.firstNumber, lastNumber: c.lastNumber, fileId: c.fileId, sha256: files[i]?.sha256 ?? '', closedAt: c.closedAt.toISOString() }));
}

/** Refuses an entry dated inside a closed book. */
export async function assertOpen(ctx: ServiceContext, registerId: string, day: string) {
  const through = await regRepo.closedThrough(ctx.db, registerId);
  if (through && day <= through) throw new DomainError('CONFLICT', `Sổ đã khóa đến ngày ${fmt(through)}; không vào sổ được văn bản ngày ${fmt(day)}`);
}

/** The agency's clerks keep its registers: separate series for types (e.g. decisions) and for secrets. */
export async function createRegister(ctx: ServiceContext, input: In<typeof CreateRegisterRequest>) {
  requirePermission(ctx.actor, 'document.register');
  if (input.typeCodes?.length && input.direction !== 'outgoing') throw fieldError('typeCodes', 'Chỉ sổ văn bản đi có sổ riêng theo loại văn bản');
  return ctx.db.transaction(async (tx) => {
    const id = newId();
    const existing = await repo.findRegisters(tx, ctx.actor.tenantId, ctx.actor.agencyId);
    if (existing.some((r) => r.direction === input.direction && r.name === input.name)) throw new DomainError('CONFLICT', 'Cơ quan đã có sổ cùng tên', { errors: [{ path: 'name', message: 'Trùng tên' }] });
    const overlap = existing.find((r) => r.direction === 'outgoing' && r.active && r.secret === input.secret && r.typeCodes?.some((t) => (input.typeCodes as string[] | undefined)?.includes(t)));
    if (overlap) throw fieldError('typeCodes', `Loại văn bản đã có sổ riêng: ${overlap.name}`);
    await regRepo.insertRegister(tx, { id, tenantId: ctx.actor.tenantId, agencyId: ctx.actor.agencyId, direction: input.direction, name: input.name, secret: input.secret, typeCodes: input.typeCodes?.length ? input.typeCodes : null });
    await audit(ctx, tx, { action: 'document.register_created', entityType: 'document_register', entityId: id, summary: `Mở ${input.name}`, after: input });
    return id;
  });
}

export async function updateRegister(ctx: ServiceContext, id: string, input: In<typeof UpdateRegisterRequest>) {
  requirePermission(ctx.actor, 'document.register');
  await ctx.db.transaction(async (tx) => {
    const register = await regRepo.getRegisterForUpdate(tx, ctx.actor.tenantId, id);
    if (!register || register.agencyId !== ctx.actor.agencyId) throw new DomainError('NOT_FOUND', 'Không tìm thấy sổ đăng ký văn bản của cơ quan');
    await regRepo.updateRegister(tx, id, { name: input.name, active: input.active });
    await audit(ctx, tx, { action: 'document.register_updated', entityType: 'document_register', entityId: id, summary: `Sửa ${register.name}`, before: { name: register.name, active: register.active }, after: input });
  });
}
