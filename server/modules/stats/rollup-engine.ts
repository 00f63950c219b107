/**
 * One way to keep a rollup current from the outbox, for every source the figures count (dossiers, documents):
 * an entity's change subtracts its last counted contribution (its row in the facts table), replaces that row with
 * the entity's current state, and adds it again. Each target is a counts table filled from the facts (a dossier counts
 * on the day it was received and on the day it was resolved: two targets of one table). A rebuild recounts everything;
 * a verification compares the counts with that recount, counter by counter.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { drainOutbox, catchUpOutbox, type OutboxConsumer } from '../../platform/jobs/outbox.js';

export interface RollupTarget {
  /** counts table and its unique constraint on the key columns */
  table: string;
  constraint: string;
  /** the counts table's key columns → the facts' expression for each */
  key: Record<string, string>;
  /** the counts table's counter columns this target fills → the facts' expression for each */
  counters: Record<string, string>;
  /** which facts count here (e.g. received_on is not null) */
  where: string;
}

export interface RollupSpec {
  topic: string;
  facts: string;
  /** the facts' primary key, the changed entity's id */
  factsKey: string;
  factsColumns: readonly string[];
  /** the entities' current contribution in factsColumns' order: all of them when ids is null */
  current(ids: { tenantId: string; ids: string[] } | null): SQL;
  targets: readonly RollupTarget[];
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const idArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** Adds (sign 1) or subtracts (sign −1) the contribution of the facts matched by `filter` to every target. */
async function applyFacts(tx: Db, spec: RollupSpec, filter: SQL, sign: 1 | -1): Promise<void> {
  for (const t of spec.targets) {
    const keys = Object.keys(t.key);
    const counters = Object.keys(t.counters);
    const keyExprs = sql.raw(keys.map((k) => `${t.key[k]} as ${k}`).join(', '));
    const sums = sql.raw(counters.map((c) => `${sign} * sum(${t.counters[c]}) as ${c}`).join(', '));
    await tx.execute(sql`
      insert into ${sql.raw(t.table)} as c (${sql.raw([...keys, ...counters].join(', '))})
      select ${keyExprs}, ${sums} from ${sql.raw(spec.facts)} f
      where ${filter} and (${sql.raw(t.where)})
      group by ${sql.raw(keys.map((_, i) => String(i + 1)).join(', '))}
      on conflict on constraint ${sql.raw(t.constraint)} do update set ${sql.raw(counters.map((c) => `${c} = c.${c} + excluded.${c}`).join(', '))}`);
  }
}

/** Refreshes the contributions of these entities of one tenant. The caller holds the topic's lock. */
async function refresh(tx: Db, spec: RollupSpec, tenantId: string, ids: string[]): Promise<void> {
  const mine = sql`f.tenant_id = ${tenantId} and f.${sql.raw(spec.factsKey)} = any(${idArray(ids)})`;
  await applyFacts(tx, spec, mine, -1);
  await tx.execute(sql`delete from ${sql.raw(spec.facts)} f where ${mine}`);
  await tx.execute(sql`insert into ${sql.raw(spec.facts)} (${sql.raw(spec.factsColumns.join(', '))}) ${spec.current({ tenantId, ids })}`);
  await applyFacts(tx, spec, mine, 1);
}

export const consumerOf =
  (spec: RollupSpec): OutboxConsumer =>
  async (tx, changes) => {
    for (const [tenantId, ids] of changes) await refresh(tx, spec, tenantId, ids);
  };

/** Applies what is pending: readers call it first so that they see their own writes. */
export const catchUp = (db: Db, spec: RollupSpec) => catchUpOutbox(db, spec.topic, consumerOf(spec));

/** Applies every pending change (the scheduled job); returns how many changes it applied. */
export const drain = (db: Db, spec: RollupSpec) => drainOutbox(db, spec.topic, consumerOf(spec));

/** Recounts everything from the sources (after a bulk load, or to repair), dropping the pending changes it covers. */
export async function rebuild(db: Db, spec: RollupSpec): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`outbox:${spec.topic}`}, 0))`);
    await tx.execute(sql`delete from outbox_events where topic = ${spec.topic}`);
    await tx.execute(sql.raw(`delete from ${spec.facts}`));
    for (const table of new Set(spec.targets.map((t) => t.table))) await tx.execute(sql.raw(`delete from ${table}`));
    await tx.execute(sql`insert into ${sql.raw(spec.facts)} (${sql.raw(spec.factsColumns.join(', '))}) ${spec.current(null)}`);
    await applyFacts(tx, spec, sql`true`, 1);
  });
}

export interface RollupDifference {
  table: string;
  key: string;
  counter: string;
  rollup: number;
  recount: number;
}

/**
 * Each counts table against a recount from the sources, after applying what is pending: every (key, counter) that
 * differs (none when they reconcile exactly), at most 100.
 */
export async function verify(db: Db, spec: RollupSpec): Promise<RollupDifference[]> {
  await drain(db, spec);
  const differences: RollupDifference[] = [];
  for (const table of new Set(spec.targets.map((t) => t.table))) {
    const targets = spec.targets.filter((t) => t.table === table);
    const keys = Object.keys(targets[0]!.key);
    const counters = [...new Set(targets.flatMap((t) => Object.keys(t.counters)))];
    // the recount: each target's contribution from the sources' current state, summed per key
    const parts = targets.map(
      (t) =>
        `select ${keys.map((k) => `${t.key[k]} as ${k}`).join(', ')}, ${counters.map((c) => `${t.counters[c] ?? '0'} as ${c}`).join(', ')} from recount_facts f where ${t.where}`,
    );
    const keyText = (alias: string) => `concat_ws('|', ${keys.map((k) => `coalesce(${alias}${k}::text, '-')`).join(', ')})`;
    const recount = `select ${keyText('')} as key, ${counters.map((c) => `sum(${c})::bigint as ${c}`).join(', ')} from (${parts.join(' union all ')}) x group by 1`;
    const rollup = `select ${keyText('')} as key, ${counters.map((c) => `${c}::bigint as ${c}`).join(', ')} from ${table}`;
    // one full join on the key's text (hashable), then a row per counter
    const joined = `select coalesce(r.key, c.key) as key, ${counters.map((c) => `coalesce(r.${c}, 0) as r_${c}, coalesce(c.${c}, 0) as c_${c}`).join(', ')} from r full join c on r.key = c.key`;
    const values = counters.map((c) => `('${c}', r_${c}, c_${c})`).join(', ');
    const result = await db.execute(sql`
      with recount_facts as (${spec.current(null)}),
        r as (${sql.raw(rollup)}), c as (${sql.raw(recount)}), j as (${sql.raw(joined)})
      select j.key, v.counter, v.rollup, v.recount from j cross join lateral (values ${sql.raw(values)}) as v(counter, rollup, recount)
      where v.rollup <> v.recount
      order by 1, 2 limit 100`);
    for (const d of rowsOf<{ key: string; counter: string; rollup: string | number; recount: string | number }>(result)) {
      differences.push({ table, key: d.key, counter: d.counter, rollup: Number(d.rollup), recount: Number(d.recount) });
    }
  }
  return differences;
}
