import { and, asc, count, desc, eq, getTableColumns, gte, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { requirePermission, scopeOf } from '../../platform/auth/permissions.js';
import { vietnamDate } from '../../platform/calendar/date-only.js';
import { tunedDatabase, type Db } from '../../db/open.js';
import { prepared } from '../../db/prepared.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { likePatterns } from '../../platform/search/normalize.js';
import { visibilityOf } from './policy.js';
import { visible, type DocumentRow, type VisibilityFilter } from './repo.js';
import type { SearchQuery, StatsQuery } from './search-schemas.js';
import { documentAssignments, documentRegisters, documents, type DocumentStatus } from './tables.js';

type In<T extends z.ZodType> = z.output<T>;

const dayStart = (d: string) => new Date(`${d}T00:00:00+07:00`);
const nextDayStart = (d: string) => new Date(dayStart(d).getTime() + 86_400_000);
const OPEN_INCOMING: DocumentStatus[] = ['registered', 'presented', 'in_progress'];
// a page of results carries neither the search key nor the text of the files (it can be a whole book)
const { searchText: _key, contentKey: _text, ...listed } = getTableColumns(documents);

/** Gives a value to the query: the value itself, or a named placeholder for a prepared statement. */
type Bind = <T>(name: string, value: T) => T;
const inline: Bind = (_name, value) => value;

/** The search's conditions, order and columns; every value the user chose goes through `bind`. */
function searchParts(q: In<typeof SearchQuery>, tenantId: string, v: VisibilityFilter, today: string, bind: Bind) {
  const reader = {
    userId: bind('userId', v.userId),
    unitId: bind('unitId', v.unitId),
    agencyIds: v.agencyIds.map((id, i) => bind(`agency${i}`, id)),
    clerkAgencyIds: v.clerkAgencyIds.map((id, i) => bind(`clerkAgency${i}`, id)),
  };
  const words = q.q ? likePatterns(q.q) : [];
  const conds: SQL[] = [eq(documents.tenantId, bind('tenantId', tenantId)), visible(reader)];
  words.forEach((w, i) => {
    const p = bind(`word${i}`, w);
    conds.push(or(like(documents.searchText, p), like(documents.contentKey, p))!);
  });
  if (q.direction) conds.push(eq(documents.direction, bind('direction', q.direction)));
  // the day a document entered the agency's books: received (incoming) or issued (outgoing)
  const booked = sql`coalesce(${documents.receivedAt}, ${documents.issuedAt})`;
  if (q.from) conds.push(gte(booked, bind('from', dayStart(q.from))));
  if (q.to) conds.push(lt(booked, bind('to', nextDayStart(q.to))));
  if (q.typeCode) conds.push(eq(documents.typeCode, bind('typeCode', q.typeCode)));
  if (q.urgency) conds.push(eq(documents.urgency, bind('urgency', q.urgency)));
  if (q.status) conds.push(eq(documents.status, bind('status', q.status)));
  if (q.agencyId) {
    const agency = bind('agencyId', q.agencyId);
    conds.push(or(eq(documents.senderAgencyId, agency), and(eq(documents.direction, 'outgoing'), eq(documents.agencyId, agency)))!);
  }
  if (q.overdue) conds.push(lt(documents.dueDate, bind('today', today)), inArray(documents.status, OPEN_INCOMING));
  const order = {
    newest: [desc(booked), desc(documents.id)],
    oldest: [asc(booked), asc(documents.id)],
    due: [sql`${documents.dueDate} asc nulls last`, desc(documents.id)],
  }[q.sort];
  const inContent = words.length ? sql<boolean>`not (${and(...words.map((w, i) => like(documents.searchText, bind(`word${i}`, w))))})` : sql<boolean>`false`;
  // what decides the statement's text: one prepared statement per shape
  const shape = [q.direction, q.from, q.to, q.typeCode, q.urgency, q.status, q.agencyId, q.overdue].map((x) => (x ? 1 : 0)).join('') + `${q.sort}${words.length}v${v.agencyIds.length}${v.clerkAgencyIds.length}`;
  return { where: and(...conds)!, order, columns: { doc: listed, registerName: documentRegisters.name, inContent }, shape };
}

/**
 * Accent-insensitive search over number/symbol, subject, sender, signer and the text of the PDF files,
 * with filters and sorting; only what the actor may see (issue 3 item 11).
 */
export async function searchDocuments<S extends object>(ctx: ServiceContext, q: In<typeof SearchQuery>, summary: (d: DocumentRow) => S) {
  const today = vietnamDate(new Date());
  const v = visibilityOf(ctx.actor);
  const page = (tx: Db, w: SQL, limit = q.pageSize) =>
    tx
      .select(columns)
      .from(documents)
      .leftJoin(documentRegisters, eq(documentRegisters.id, documents.registerId))
      .where(w)
      .orderBy(...order)
      .limit(limit)
      .offset((q.page - 1) * q.pageSize);
  const walkDateIndex = (tx: Db) => tx.execute(sql.raw(WALK_SETTINGS));
  const { where, order, columns } = searchParts(q, ctx.actor.tenantId, v, today, inline);

  const narrowReader = v.agencyIds.length === 0 && v.clerkAgencyIds.length === 0;
  const search = async () => {
    // 1. On PostgreSQL, walk the date index newest first for a short while: a broad query ("UBND-VP" in a
    //    million documents) fills its page at once. Its total is then "more than" what was seen.
    //    A number with its symbol ("4521/STC-NS") names a few documents at most: straight to step 2.
    if (q.sort !== 'due' && !narrowReader && !NOTATION.test(q.q ?? '')) {
      const walker = tunedDatabase(ctx.db, 'documents_walk', WALK_SESSION);
      try {
        const rows = walker ? await walk(walker, q, ctx.actor.tenantId, v, today) : null;
        if (rows) {
          const more = rows.length > q.pageSize;
          return { items: rows.slice(0, q.pageSize), total: (q.page - 1) * q.pageSize + Math.min(rows.length, q.pageSize), totalCapped: more };
        }
      } catch (err) {
        if (!isStatementTimeout(err)) throw err;
      }
    }
    // 2. A narrow query: found through the trigram indexes, counted exactly up to EXACT_TOTAL_UP_TO.
    const probe = await ctx.db.select({ id: documents.id }).from(documents).where(where).limit(EXACT_TOTAL_UP_TO + 1);
    if (probe.length <= EXACT_TOTAL_UP_TO) {
      const items = probe.length ? await page(ctx.db, inArray(documents.id, probe.map((p) => p.id))) : [];
      return { items, total: probe.length, totalCapped: false };
    }
    // 3. Broad but sparse for this reader (the embedded engine, or few of the hits visible): the page only.
    const items = await ctx.db.transaction(async (tx) => {
      if (q.sort !== 'due') await walkDateIndex(tx);
      return page(tx, where);
    });
    return { items, total: EXACT_TOTAL_UP_TO, totalCapped: true };
  };
  const { items, total, totalCapped } = await search();
  return {
    total,
    totalCapped,
    items: items.map((r) => ({ ...summary({ ...r.doc, searchText: null, contentKey: null, registerName: r.registerName }), matchedInContent: Boolean(r.inContent) })),
  };
}

/** "123/UBND-VP", "số 45/QĐ": a document's own number and symbol */
const NOTATION = /\d+\s*\/\s*\p{L}/u;
/**
 * The first page (and one more row) in date order, as a prepared statement per shape of the query: the
 * walking connections plan each shape once (generic plan) and Drizzle builds it once.
 */
async function walk(walker: Db, q: In<typeof SearchQuery>, tenantId: string, v: VisibilityFilter, today: string) {
  const values: Record<string, unknown> = {};
  const bind: Bind = (name, value) => {
    values[name] = value;
    return sql.placeholder(name) as never;
  };
  const { where, order, columns, shape } = searchParts(q, tenantId, v, today, bind);
  values.limit = q.pageSize + 1;
  values.offset = (q.page - 1) * q.pageSize;
  const name = `documents_walk_${shape}`;
  const statement = prepared(walker, name, (d) =>
    d
      .select(columns)
      .from(documents)
      .leftJoin(documentRegisters, eq(documentRegisters.id, documents.registerId))
      .where(where)
      .orderBy(...order)
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(name),
  );
  return statement.execute(values);
}

/** Beyond this many results the total is not counted (it would cost as much as reading them all). */
export const EXACT_TOTAL_UP_TO = 500;
/** The plan that walks the date index newest first, whatever the planner would prefer. */
const WALK_SETTINGS = 'set local enable_bitmapscan = off; set local enable_seqscan = off; set local jit = off';
/**
 * How long a search may walk the date index before it asks the trigram indexes instead. A cliff: a walk
 * cut short falls back to the slow path, so the budget must hold a broad query's walk on a busy or slower
 * database too. At 15 ms, a database half as fast as the one it was tuned on sent most searches down the
 * fallback (p95 860 ms with 1,000,000 documents); at 40 ms p95 was 66 ms on the same machine.
 */
const WALK_BUDGET_MS = 40;
/** The connections that walk keep these settings: the walk is one statement, with no transaction around it. */
const WALK_SESSION = { enable_bitmapscan: 'off', enable_seqscan: 'off', jit: 'off', plan_cache_mode: 'force_generic_plan', statement_timeout: WALK_BUDGET_MS };

const isStatementTimeout = (err: unknown): boolean => {
  const code = (e: unknown) => (e as { code?: unknown } | null)?.code;
  return code(err) === '57014' || code((err as { cause?: unknown } | null)?.cause) === '57014';
};

/**
 * What the dashboard needs for a period and an agency (issue 3 item 15): received, issued, processed
 * electronically; the lead handlers' results on time, late, and still open (overdue or not), per unit.
 */
export async function getDocumentStats(ctx: ServiceContext, q: In<typeof StatsQuery>) {
  const scope = requirePermission(ctx.actor, 'document.read');
  const agencyId = q.agencyId ?? ctx.actor.agencyId;
  if (agencyId !== ctx.actor.agencyId && scope !== 'tenant' && scopeOf(ctx.actor, 'document.read') !== 'tenant') throw new DomainError('FORBIDDEN', 'Chỉ xem được số liệu của cơ quan mình');
  const tenantId = ctx.actor.tenantId;
  const from = dayStart(q.from);
  const to = nextDayStart(q.to);
  const today = vietnamDate(new Date());
  const inAgency = and(eq(documents.tenantId, tenantId), eq(documents.agencyId, agencyId));

  const [incoming] = await ctx.db
    .select({
      received: count(),
      electronic: sql<number>`count(*) filter (where ${documents.channel} = 'electronic')::int`,
      routed: sql<number>`count(*) filter (where ${documents.status} <> 'registered')::int`,
    })
    .from(documents)
    .where(and(inAgency, eq(documents.direction, 'incoming'), gte(documents.receivedAt, from), lt(documents.receivedAt, to)));
  const [outgoing] = await ctx.db
    .select({ issued: count(), recalled: sql<number>`count(*) filter (where ${documents.status} = 'recalled')::int` })
    .from(documents)
    .where(and(inAgency, eq(documents.direction, 'outgoing'), gte(documents.issuedAt, from), lt(documents.issuedAt, to)));

  const a = documentAssignments;
  const doneDay = sql`(${a.doneAt} at time zone 'Asia/Ho_Chi_Minh')::date`;
  const perUnit = await ctx.db
    .select({
      unitId: a.unitId,
      unitName: sql<string>`(select u.name from units u where u.id = "document_assignments"."unit_id")`,
      assigned: count(),
      doneOnTime: sql<number>`count(*) filter (where ${a.status} = 'done' and (${a.dueDate} is null or ${doneDay} <= ${a.dueDate}))::int`,
      doneLate: sql<number>`count(*) filter (where ${a.status} = 'done' and ${doneDay} > ${a.dueDate})::int`,
      openOverdue: sql<number>`count(*) filter (where ${a.status} in ('pending', 'accepted', 'forwarded') and ${a.dueDate} < ${today})::int`,
      open: sql<number>`count(*) filter (where ${a.status} in ('pending', 'accepted', 'forwarded') and (${a.dueDate} is null or ${a.dueDate} >= ${today}))::int`,
    })
    .from(a)
    .innerJoin(documents, eq(documents.id, a.documentId))
    .where(and(inAgency, eq(a.role, 'lead'), sql`${a.parentId} is null`, sql`${a.status} <> 'recalled'`, gte(a.createdAt, from), lt(a.createdAt, to)))
    .groupBy(a.unitId)
    .orderBy(desc(count()));
  const sum = (k: 'assigned' | 'doneOnTime' | 'doneLate' | 'openOverdue' | 'open') => perUnit.reduce((s, u) => s + Number(u[k]), 0);
  const done = sum('doneOnTime') + sum('doneLate');
  return {
    from: q.from,
    to: q.to,
    agencyId,
    received: incoming?.received ?? 0,
    receivedElectronic: incoming?.electronic ?? 0,
    routed: incoming?.routed ?? 0,
    issued: outgoing?.issued ?? 0,
    /** handled in the system: incoming documents routed here, and every issued one (numbered and signed here) */
    processedElectronically: (incoming?.routed ?? 0) + (outgoing?.issued ?? 0),
    recalled: outgoing?.recalled ?? 0,
    handling: { assigned: sum('assigned'), doneOnTime: sum('doneOnTime'), doneLate: sum('doneLate'), openOverdue: sum('openOverdue'), open: sum('open'), onTimeRate: done ? Math.round((sum('doneOnTime') / done) * 1000) / 10 : null },
    perUnit: perUnit.map((u) => ({ ...u, assigned: Number(u.assigned) })),
  };
}
