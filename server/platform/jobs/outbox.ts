import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';

/**
 * Refreshes a projection for the entities that changed, inside the draining transaction. It reads the entities'
 * current state, so it is idempotent: running it twice for the same ids changes nothing the second time.
 */
export type OutboxConsumer = (tx: Db, tenantChanges: Map<string, string[]>) => Promise<void>;

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Whether a topic has changes not yet applied (one index probe: a reader checks before it drains). */
export async function hasPendingOutbox(db: Db, topic: string): Promise<boolean> {
  const rows = rowsOf<{ pending: boolean }>(await db.execute(sql`select exists (select 1 from outbox_events where topic = ${topic}) as pending`));
  return rows[0]?.pending ?? false;
}

/**
 * Applies a topic's pending changes, a batch per transaction, until none is left. Drains of one topic are serialized by
 * an advisory lock: a consumer computes a delta from the projection's previous state, and two drains touching the same
 * entity at once would both subtract the same old state. The events are deleted in the transaction that applies them,
 * so a crash applies them again later, never half. Returns how many events it applied.
 */
export async function drainOutbox(db: Db, topic: string, consume: OutboxConsumer, batch = 2000): Promise<number> {
  let applied = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`outbox:${topic}`}, 0))`);
      const events = rowsOf<{ tenant_id: string; entity_id: string }>(
        await tx.execute(sql`
          delete from outbox_events where id in (select id from outbox_events where topic = ${topic} order by id limit ${batch})
          returning tenant_id, entity_id`),
      );
      if (events.length === 0) return 0;
      const byTenant = new Map<string, Set<string>>();
      for (const e of events) {
        const ids = byTenant.get(e.tenant_id) ?? new Set<string>();
        ids.add(e.entity_id);
        byTenant.set(e.tenant_id, ids);
      }
      await consume(tx, new Map([...byTenant].map(([tenant, ids]) => [tenant, [...ids]])));
      return events.length;
    });
    applied += n;
    if (n < batch) return applied;
  }
}

/** Drains a topic only when something is pending: what a reader calls so that it sees its own writes. */
export async function catchUpOutbox(db: Db, topic: string, consume: OutboxConsumer): Promise<void> {
  if (await hasPendingOutbox(db, topic)) await drainOutbox(db, topic, consume);
}
