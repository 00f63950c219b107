import { and, asc, count, desc, eq, gte, like, lte } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { likePatterns } from '../../platform/search/normalize.js';
import { agencies, users } from '../org/tables.js';
import { delegations, type DelegationKind, type DelegationState } from './tables.js';

export type DelegationRow = typeof delegations.$inferSelect;
export type DelegationInsert = Omit<typeof delegations.$inferInsert, 'searchText'>;

const columns = {
  id: delegations.id,
  kind: delegations.kind,
  name: delegations.name,
  organization: delegations.organization,
  headName: delegations.headName,
  composition: delegations.composition,
  memberCount: delegations.memberCount,
  arrivesOn: delegations.arrivesOn,
  departsOn: delegations.departsOn,
  content: delegations.content,
  receivingLeaderId: delegations.receivingLeaderId,
  receivingLeaderName: delegations.receivingLeaderName,
  hostAgencyId: delegations.hostAgencyId,
  hostAgencyName: agencies.name,
  state: delegations.state,
  outcome: delegations.outcome,
  createdBy: delegations.createdBy,
  createdByName: users.fullName,
  createdAt: delegations.createdAt,
};

const withNames = (db: Db) => db.select(columns).from(delegations).innerJoin(agencies, eq(agencies.id, delegations.hostAgencyId)).leftJoin(users, eq(users.id, delegations.createdBy));

export async function getDelegation(db: Db, tenantId: string, id: string) {
  const [row] = await withNames(db).where(and(eq(delegations.tenantId, tenantId), eq(delegations.id, id)));
  return row ?? null;
}

export async function lockDelegation(tx: Db, tenantId: string, id: string): Promise<DelegationRow | null> {
  const [row] = await tx.select().from(delegations).where(and(eq(delegations.tenantId, tenantId), eq(delegations.id, id))).for('update');
  return row ?? null;
}

export async function insertDelegation(tx: Db, row: DelegationInsert) {
  await tx.insert(delegations).values(row);
}

export async function updateDelegation(tx: Db, tenantId: string, id: string, values: Partial<DelegationInsert>) {
  await tx.update(delegations).set({ ...values, updatedAt: new Date() }).where(and(eq(delegations.tenantId, tenantId), eq(delegations.id, id)));
}

export async function findDelegations(
  db: Db,
  tenantId: string,
  f: { from?: string | undefined; to?: string | undefined; kind?: DelegationKind | undefined; state?: DelegationState | undefined; q?: string | undefined; limit: number; offset: number },
) {
  const words = f.q ? likePatterns(f.q).map((p) => like(delegations.searchText, p)) : [];
  const where = and(
    eq(delegations.tenantId, tenantId),
    f.from ? gte(delegations.arrivesOn, f.from) : undefined,
    f.to ? lte(delegations.arrivesOn, f.to) : undefined,
    f.kind ? eq(delegations.kind, f.kind) : undefined,
    f.state ? eq(delegations.state, f.state) : undefined,
    ...words,
  );
  const [items, [total]] = await Promise.all([
    withNames(db).where(where).orderBy(desc(delegations.arrivesOn), asc(delegations.id)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(delegations).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
