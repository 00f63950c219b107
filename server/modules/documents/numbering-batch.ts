import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/open.js';
import { insertFirstAuditEntries, type FirstAuditEntry } from '../../platform/audit/service.js';
import * as repo from './repo.js';
import type { documentEvents, documents } from './tables.js';

/** One registration, written once its number is known. */
export interface NumberedWrite<T> {
  document: typeof documents.$inferInsert;
  /** its first timeline entry */
  event: typeof documentEvents.$inferInsert;
  /** its first audit entry, as the audit platform builds it */
  audit: FirstAuditEntry;
  /** writes that only some registrations have (files, named readers) */
  after(tx: Db): Promise<void>;
  result: T;
}

interface Pending {
  build(number: number, tx: Db): NumberedWrite<unknown>;
  resolve(result: unknown): void;
  reject(err: unknown): void;
}

interface Queue {
  running: boolean;
  pending: Pending[];
}

/** Beyond this, a batch's single INSERT grows past what is worth one round trip. */
const MAX_BATCH = 50;
const queues = new WeakMap<Db, Map<string, Queue>>();

/**
 * Writes a registration under the next number of a register for a year (group commit). Registrations of
 * the same register that arrive while its counter is locked wait for that transaction, then are numbered
 * and written together: one transaction moves the counter by n and inserts the n documents with their
 * timeline and audit entries in one statement. The counter moves in the same transaction as the rows, so
 * numbers stay gap-free and unique across processes; a batch that fails is written again one by one, so
 * a bad registration fails alone. Inside a caller's transaction the write is done there, unbatched.
 */
export function writeNumbered<T>(db: Db, registerId: string, year: number, build: (number: number, tx: Db) => NumberedWrite<T>): Promise<T> {
  const inTransaction = (db as unknown) instanceof PgTransaction;
  if (inTransaction) return writeBatch(db, registerId, year, [build]).then(([r]) => r as T);
  let byKey = queues.get(db);
  if (!byKey) {
    byKey = new Map();
    queues.set(db, byKey);
  }
  const key = `${registerId}:${year}`;
  let queue = byKey.get(key);
  if (!queue) {
    queue = { running: false, pending: [] };
    byKey.set(key, queue);
  }
  const q = queue;
  const done = new Promise<T>((resolve, reject) => {
    q.pending.push({ build, resolve: resolve as (r: unknown) => void, reject });
  });
  if (!q.running) void drain(db, byKey, key, q, registerId, year);
  return done;
}

async function drain(db: Db, byKey: Map<string, Queue>, key: string, queue: Queue, registerId: string, year: number) {
  queue.running = true;
  try {
    while (queue.pending.length > 0) {
      const batch = queue.pending.splice(0, MAX_BATCH);
      try {
        const results = await db.transaction((tx) => writeBatch(tx, registerId, year, batch.map((p) => p.build)));
        batch.forEach((p, i) => p.resolve(results[i]));
      } catch (err) {
        if (batch.length === 1) {
          batch[0]!.reject(err);
          continue;
        }
        // one of them was refused: each again on its own, so only that one fails
        for (const p of batch) {
          try {
            const [result] = await db.transaction((tx) => writeBatch(tx, registerId, year, [p.build]));
            p.resolve(result);
          } catch (single) {
            p.reject(single);
          }
        }
      }
    }
  } finally {
    queue.running = false;
    if (queue.pending.length === 0) byKey.delete(key);
  }
}

async function writeBatch(tx: Db, registerId: string, year: number, builds: Pending['build'][]): Promise<unknown[]> {
  const last = await repo.takeNumbers(tx, registerId, year, builds.length);
  const writes = builds.map((build, i) => build(last - builds.length + 1 + i, tx));
  await repo.insertDocumentsWith(
    tx,
    writes.map((w) => w.document),
    writes.map((w) => w.event),
    insertFirstAuditEntries(tx, writes.map((w) => w.audit)),
  );
  for (const w of writes) await w.after(tx);
  return writes.map((w) => w.result);
}
