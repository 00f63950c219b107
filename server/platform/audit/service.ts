import { and, asc, count, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { newId } from '../../db/columns.js';
import { requirePermission } from '../auth/permissions.js';
import type { ServiceContext } from '../context.js';
import { entriesHash, entryHash, sealHash, type HashedEntry } from './hash.js';
import { auditEntries, auditSeals } from './tables.js';

export interface AuditInput {
  tenantId: string;
  actorId?: string | null;
  actorName?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  summary?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  /** the entity was created in this transaction (a fresh UUIDv7): its chain starts here, nothing to lock or read */
  first?: boolean;
}

/**
 * Appends one entry to the entity's chain, inside the caller's transaction. The advisory lock is per
 * entity, so writers of different entities never wait on each other (no global lock, rule 9).
 */
export async function recordAudit(tx: Db, input: AuditInput): Promise<void> {
  if (input.first) {
    await tx.execute(firstEntryInsert(tx, input));
    return;
  }
  const key = `${input.tenantId}:${input.entityType}:${input.entityId}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
  const [prev] = await tx
    .select({ seq: auditEntries.seq, hash: auditEntries.hash })
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.tenantId, input.tenantId),
        eq(auditEntries.entityType, input.entityType),
        eq(auditEntries.entityId, input.entityId),
      ),
    )
    .orderBy(desc(auditEntries.seq))
    .limit(1);
  await tx.insert(auditEntries).values(hashed(input, prev ?? null));
}

function hashed(input: AuditInput, prev: { seq: number; hash: string } | null) {
  const entry: HashedEntry = {
    id: newId(),
    tenantId: input.tenantId,
    seq: (prev?.seq ?? 0) + 1,
    actorId: input.actorId ?? null,
    actorName: input.actorName ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    summary: input.summary ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    ip: input.ip ?? null,
    createdAt: new Date(),
    prevHash: prev?.hash ?? null,
  };
  return { ...entry, hash: entryHash(entry) };
}

/** The INSERT of an entity's first entry: nothing to lock or read. */
function firstEntryInsert(tx: Db, input: AuditInput): SQL {
  return tx.insert(auditEntries).values(hashed(input, null)).getSQL();
}

export type FirstAuditEntry = ReturnType<typeof hashed>;

/**
 * The first entry of an entity the context's user creates in this transaction, for a caller that writes
 * it in one statement with its own rows (`insertFirstAuditEntries`).
 */
export function firstAuditEntry(ctx: ServiceContext, entry: Omit<AuditInput, 'tenantId' | 'actorId' | 'actorName' | 'ip' | 'first'>): FirstAuditEntry {
  return hashed({ ...entry, tenantId: ctx.actor.tenantId, actorId: ctx.actor.userId, actorName: ctx.actor.fullName, ip: ctx.ip ?? null }, null);
}

/** The INSERT of first entries built by `firstAuditEntry`, as SQL to send with the caller's own writes. */
export function insertFirstAuditEntries(tx: Db, entries: FirstAuditEntry[]): SQL {
  return tx.insert(auditEntries).values(entries).getSQL();
}

/** The usual call from a service: the acting user and address come from the context. */
export function audit(
  ctx: ServiceContext,
  tx: Db,
  entry: Omit<AuditInput, 'tenantId' | 'actorId' | 'actorName' | 'ip'>,
): Promise<void> {
  return recordAudit(tx, {
    ...entry,
    tenantId: ctx.actor.tenantId,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.fullName,
    ip: ctx.ip ?? null,
  });
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  page: number;
  pageSize: number;
}

export async function listAuditEntries(ctx: ServiceContext, filter: AuditFilter) {
  requirePermission(ctx.actor, 'audit.read');
  const conds: SQL[] = [eq(auditEntries.tenantId, ctx.actor.tenantId)];
  if (filter.entityType) conds.push(eq(auditEntries.entityType, filter.entityType));
  if (filter.entityId) conds.push(eq(auditEntries.entityId, filter.entityId));
  if (filter.actorId) conds.push(eq(auditEntries.actorId, filter.actorId));
  if (filter.action) conds.push(eq(auditEntries.action, filter.action));
  if (filter.from) conds.push(gte(auditEntries.createdAt, filter.from));
  if (filter.to) conds.push(lte(auditEntries.createdAt, filter.to));
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(auditEntries)
      .where(where)
      .orderBy(desc(auditEntries.createdAt), desc(auditEntries.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    ctx.db.select({ n: count() }).from(auditEntries).where(where),
  ]);
  return { items: rows, total: total?.n ?? 0 };
}

// ---- day seals -------------------------------------------------------------------------------------

const VN_OFFSET_MS = 7 * 3600_000;
/** The calendar day in Asia/Ho_Chi_Minh (fixed UTC+7, no daylight saving). */
export const vietnamDay = (instant: Date): string =>
  new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
const dayStart = (day: string): Date => new Date(Date.parse(`${day}T00:00:00+07:00`));
const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function dayEntryHashes(db: Db, tenantId: string, day: string) {
  return db
    .select({ id: auditEntries.id, hash: auditEntries.hash })
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.tenantId, tenantId),
        gte(auditEntries.createdAt, dayStart(day)),
        lt(auditEntries.createdAt, dayStart(nextDay(day))),
      ),
    )
    .orderBy(asc(auditEntries.createdAt), asc(auditEntries.id));
}

/**
 * Seals every finished day (Vietnam time) that is not sealed yet, for one tenant. A day is sealed only
 * once it ended more than `graceMs` ago, so a late writer on another instance still lands before it.
 */
export async function sealAuditDays(
  db: Db,
  tenantId: string,
  now: Date = new Date(),
  graceMs = 10 * 60_000,
): Promise<number> {
  const lastOpenDay = vietnamDay(new Date(now.getTime() - graceMs));
  let sealed = 0;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`audit-seal:${tenantId}`}, 0))`);
    const [last] = await tx
      .select()
      .from(auditSeals)
      .where(eq(auditSeals.tenantId, tenantId))
      .orderBy(desc(auditSeals.day))
      .limit(1);
    let day: string;
    if (last) {
      day = nextDay(last.day);
    } else {
      const [first] = await tx
        .select({ at: auditEntries.createdAt })
        .from(auditEntries)
        .where(eq(auditEntries.tenantId, tenantId))
        .orderBy(asc(auditEntries.createdAt))
        .limit(1);
      if (!first) return;
      day = vietnamDay(first.at);
    }
    let prevSealHash = last?.sealHash ?? null;
    while (day < lastOpenDay) {
      const hashes = await dayEntryHashes(tx, tenantId, day);
      const eh = entriesHash(hashes.map((h) => h.hash));
      const seal = sealHash(day, hashes.length, eh, prevSealHash);
      await tx.insert(auditSeals).values({
        tenantId,
        day,
        entryCount: hashes.length,
        entriesHash: eh,
        prevSealHash,
        sealHash: seal,
        sealedAt: now,
      });
      prevSealHash = seal;
      sealed += 1;
      day = nextDay(day);
    }
  });
  return sealed;
}

// ---- verification ----------------------------------------------------------------------------------

export type AuditProblemKind = 'edited' | 'deleted' | 'inserted' | 'seal_mismatch' | 'seal_broken';

export interface AuditProblem {
  kind: AuditProblemKind;
  entryId?: string;
  entityType?: string;
  entityId?: string;
  seq?: number;
  day?: string;
  at?: Date;
  message: string;
}

export interface AuditReport {
  ok: boolean;
  entriesChecked: number;
  daysChecked: number;
  problems: AuditProblem[];
  /** the earliest problem in time, what `cli audit verify` prints first */
  first: AuditProblem | null;
}

const BATCH = 5000;

/** Walks every chain and every seal of a tenant (or all tenants). Streams in batches: O(1) memory per chain. */
export async function verifyAudit(db: Db, tenantId?: string): Promise<AuditReport> {
  const problems: AuditProblem[] = [];
  let checked = 0;
  let cursor: { tenantId: string; entityType: string; entityId: string; seq: number } | null = null;
  let prev: { key: string; seq: number; hash: string } | null = null;
  for (;;) {
    const conds: SQL[] = [];
    if (tenantId) conds.push(eq(auditEntries.tenantId, tenantId));
    if (cursor) {
      conds.push(
        sql`(${auditEntries.tenantId}, ${auditEntries.entityType}, ${auditEntries.entityId}, ${auditEntries.seq}) > (${cursor.tenantId}, ${cursor.entityType}, ${cursor.entityId}, ${cursor.seq})`,
      );
    }
    const rows = await db
      .select()
      .from(auditEntries)
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(asc(auditEntries.tenantId), asc(auditEntries.entityType), asc(auditEntries.entityId), asc(auditEntries.seq))
      .limit(BATCH);
    for (const row of rows) {
      checked += 1;
      const key = `${row.tenantId}:${row.entityType}:${row.entityId}`;
      const where = { entryId: row.id, entityType: row.entityType, entityId: row.entityId, seq: row.seq, at: row.createdAt };
      if (entryHash(row) !== row.hash) {
        problems.push({ kind: 'edited', ...where, message: `Bản ghi nhật ký #${row.seq} của ${row.entityType} ${row.entityId} đã bị sửa` });
      }
      const expectedSeq = prev && prev.key === key ? prev.seq + 1 : 1;
      if (row.seq > expectedSeq) {
        problems.push({ kind: 'deleted', ...where, message: `Thiếu bản ghi nhật ký #${expectedSeq}–#${row.seq - 1} của ${row.entityType} ${row.entityId} (đã bị xóa)` });
      } else if (row.seq < expectedSeq) {
        problems.push({ kind: 'inserted', ...where, message: `Bản ghi nhật ký #${row.seq} của ${row.entityType} ${row.entityId} bị chèn thêm` });
      } else if (row.prevHash !== (prev && prev.key === key ? prev.hash : null)) {
        problems.push({ kind: row.seq === 1 ? 'inserted' : 'edited', ...where, message: `Chuỗi băm bị đứt tại bản ghi #${row.seq} của ${row.entityType} ${row.entityId}` });
      }
      prev = { key, seq: row.seq, hash: row.hash };
    }
    if (rows.length < BATCH) break;
    const last = rows[rows.length - 1]!;
    cursor = { tenantId: last.tenantId, entityType: last.entityType, entityId: last.entityId, seq: last.seq };
  }

  const seals = await db
    .select()
    .from(auditSeals)
    .where(tenantId ? eq(auditSeals.tenantId, tenantId) : undefined)
    .orderBy(asc(auditSeals.tenantId), asc(auditSeals.day));
  let prevSeal: { tenantId: string; hash: string } | null = null;
  for (const seal of seals) {
    const expectedPrev = prevSeal && prevSeal.tenantId === seal.tenantId ? prevSeal.hash : null;
    if (seal.prevSealHash !== expectedPrev || sealHash(seal.day, seal.entryCount, seal.entriesHash, seal.prevSealHash) !== seal.sealHash) {
      problems.push({ kind: 'seal_broken', day: seal.day, at: dayStart(seal.day), message: `Dấu niêm phong ngày ${seal.day} không khớp chuỗi niêm phong` });
    }
    const hashes = await dayEntryHashes(db, seal.tenantId, seal.day);
    if (hashes.length !== seal.entryCount || entriesHash(hashes.map((h) => h.hash)) !== seal.entriesHash) {
      const kind: AuditProblemKind = hashes.length < seal.entryCount ? 'deleted' : hashes.length > seal.entryCount ? 'inserted' : 'seal_mismatch';
      problems.push({
        kind,
        day: seal.day,
        at: dayStart(seal.day),
        message: `Nhật ký ngày ${seal.day}: niêm phong ghi ${seal.entryCount} bản ghi, hiện có ${hashes.length}${kind === 'seal_mismatch' ? ' nhưng nội dung đã khác' : ''}`,
      });
    }
    prevSeal = { tenantId: seal.tenantId, hash: seal.sealHash };
  }
  const first = [...problems].sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0))[0] ?? null;
  return { ok: problems.length === 0, entriesChecked: checked, daysChecked: seals.length, problems, first };
}

