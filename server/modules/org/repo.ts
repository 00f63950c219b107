import { and, asc, count, eq, getTableColumns, gt, inArray, isNull, like, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { sessions } from '../../platform/auth/tables.js';
import { likePatterns } from '../../platform/search/normalize.js';
import type { Db } from '../../db/open.js';
import { prepared } from '../../db/prepared.js';
import { agencies, positions, tenants, units, userRoles, users } from './tables.js';
import type { AgencyType } from './schemas.js';
import type { Role } from '../../platform/auth/permissions.js';

// Every query here is scoped by tenantId (rule 2): callers cannot forget it.

/** Every word of the query must appear, in any order ("giao duc dao tao" finds "Sở Giáo dục và Đào tạo"). */
const matches = (column: AnyColumn | SQL, q: string): SQL | undefined => and(...likePatterns(q).map((p) => like(column, p)));

export type AgencyRow = typeof agencies.$inferSelect & { parentName: string | null };

// written out: Drizzle renders a bare column name here, which the subquery would take as p.parent_id
const parentName = sql<string | null>`(select p.name from agencies p where p.id = agencies.parent_id)`;
const agencyColumns = { ...getTableColumns(agencies), parentName };
export type UnitRow = typeof units.$inferSelect & { agencyName: string };
export type UserRow = typeof users.$inferSelect & {
  agencyName: string;
  unitName: string;
  positionName: string | null;
  roles: Role[];
};

export async function getTenant(db: Db, tenantId: string) {
  const [row] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  return row ?? null;
}

export async function findAgencies(
  db: Db,
  tenantId: string,
  f: { q?: string | undefined; type?: AgencyType | undefined; parentId?: string | undefined; active?: boolean | undefined; limit: number; offset: number },
) {
  const conds: SQL[] = [eq(agencies.tenantId, tenantId)];
  if (f.q) conds.push(matches(agencies.searchText, f.q) ?? sql`true`);
  if (f.type) conds.push(eq(agencies.type, f.type));
  if (f.parentId) conds.push(eq(agencies.parentId, f.parentId));
  if (f.active !== undefined) conds.push(eq(agencies.active, f.active));
  const where = and(...conds);
  const [items, [total]] = await Promise.all([
    db.select(agencyColumns).from(agencies).where(where).orderBy(asc(agencies.sortOrder), asc(agencies.name), asc(agencies.id)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(agencies).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function getAgency(db: Db, tenantId: string, id: string, forUpdate = false): Promise<AgencyRow | null> {
  const q = db.select(agencyColumns).from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function findAgencyByIdentifierCode(db: Db, tenantId: string, code: string) {
  const [row] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.tenantId, tenantId), eq(agencies.identifierCode, code)));
  return row ?? null;
}

export async function insertAgency(db: Db, values: typeof agencies.$inferInsert & { id: string; tenantId: string }): Promise<AgencyRow> {
  await db.insert(agencies).values(values);
  return (await getAgency(db, values.tenantId, values.id))!;
}

export async function updateAgency(db: Db, tenantId: string, id: string, values: Partial<typeof agencies.$inferInsert>): Promise<AgencyRow> {
  await db
    .update(agencies)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(agencies.tenantId, tenantId), eq(agencies.id, id)));
  return (await getAgency(db, tenantId, id))!;
}

export async function countAgencyDependents(db: Db, tenantId: string, id: string) {
  const [[u], [c]] = await Promise.all([
    db.select({ n: count() }).from(units).where(and(eq(units.tenantId, tenantId), eq(units.agencyId, id))),
    db.select({ n: count() }).from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.parentId, id))),
  ]);
  return (u?.n ?? 0) + (c?.n ?? 0);
}

export async function deleteAgency(db: Db, tenantId: string, id: string) {
  await db.delete(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.id, id)));
}

const unitColumns = {
  id: units.id,
  tenantId: units.tenantId,
  agencyId: units.agencyId,
  name: units.name,
  shortName: units.shortName,
  active: units.active,
  createdAt: units.createdAt,
  updatedAt: units.updatedAt,
  agencyName: agencies.name,
};

export async function findUnits(db: Db, tenantId: string, f: { agencyId?: string | undefined; q?: string | undefined; limit: number; offset: number }) {
  const conds: SQL[] = [eq(units.tenantId, tenantId)];
  if (f.agencyId) conds.push(eq(units.agencyId, f.agencyId));
  // a few hundred units per province: unaccenting on the fly is cheap enough, no search column needed
  if (f.q) conds.push(matches(sql`f_unaccent(${units.name} || ' ' || ${agencies.name})`, f.q) ?? sql`true`);
  const where = and(...conds);
  const [items, [total]] = await Promise.all([
    db
      .select(unitColumns)
      .from(units)
      .innerJoin(agencies, eq(agencies.id, units.agencyId))
      .where(where)
      .orderBy(asc(agencies.sortOrder), asc(units.name), asc(units.id))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(units).innerJoin(agencies, eq(agencies.id, units.agencyId)).where(where),
  ]);
  return { items: items as UnitRow[], total: total?.n ?? 0 };
}

export async function getUnit(db: Db, tenantId: string, id: string): Promise<UnitRow | null> {
  const [row] = await db
    .select(unitColumns)
    .from(units)
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .where(and(eq(units.tenantId, tenantId), eq(units.id, id)));
  return row ?? null;
}

export async function insertUnit(db: Db, values: typeof units.$inferInsert) {
  const [row] = await db.insert(units).values(values).returning();
  return row!;
}

export async function updateUnit(db: Db, tenantId: string, id: string, values: Partial<typeof units.$inferInsert>) {
  await db
    .update(units)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(units.tenantId, tenantId), eq(units.id, id)));
}

export async function countUnitUsers(db: Db, tenantId: string, unitId: string) {
  const [row] = await db.select({ n: count() }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.unitId, unitId)));
  return row?.n ?? 0;
}

export async function deleteUnit(db: Db, tenantId: string, id: string) {
  await db.delete(units).where(and(eq(units.tenantId, tenantId), eq(units.id, id)));
}

export async function findPositions(db: Db, tenantId: string) {
  return db.select().from(positions).where(eq(positions.tenantId, tenantId)).orderBy(asc(positions.rank), asc(positions.name));
}

export async function getPosition(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(positions).where(and(eq(positions.tenantId, tenantId), eq(positions.id, id)));
  return row ?? null;
}

export async function updatePosition(db: Db, tenantId: string, id: string, values: { name?: string; rank?: number }) {
  const [row] = await db.update(positions).set(values).where(and(eq(positions.tenantId, tenantId), eq(positions.id, id))).returning();
  return row ?? null;
}

export async function countPositionUsers(db: Db, tenantId: string, id: string) {
  const [row] = await db.select({ n: count() }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.positionId, id)));
  return row?.n ?? 0;
}

export async function deletePosition(db: Db, tenantId: string, id: string) {
  await db.delete(positions).where(and(eq(positions.tenantId, tenantId), eq(positions.id, id)));
}

export async function insertPosition(db: Db, values: typeof positions.$inferInsert) {
  const [row] = await db.insert(positions).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

const rolesOf = sql<Role[]>`coalesce((select array_agg(${userRoles.role} order by ${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`;

const userColumns = {
  id: users.id,
  tenantId: users.tenantId,
  username: users.username,
  fullName: users.fullName,
  email: users.email,
  phone: users.phone,
  agencyId: users.agencyId,
  unitId: users.unitId,
  positionId: users.positionId,
  active: users.active,
  isDemo: users.isDemo,
  deactivatedAt: users.deactivatedAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  agencyName: agencies.name,
  unitName: units.name,
  positionName: positions.name,
  roles: rolesOf,
};

function userQuery(db: Db) {
  return db
    .select(userColumns)
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .innerJoin(units, eq(units.id, users.unitId))
    .leftJoin(positions, eq(positions.id, users.positionId));
}

export interface UserFilter {
  q?: string | undefined;
  agencyId?: string | undefined;
  unitId?: string | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
  limit: number;
  offset: number;
}

export async function findUsers(db: Db, tenantId: string, f: UserFilter) {
  const conds: SQL[] = [eq(users.tenantId, tenantId)];
  if (f.q) conds.push(matches(users.searchText, f.q) ?? sql`true`);
  if (f.agencyId) conds.push(eq(users.agencyId, f.agencyId));
  if (f.unitId) conds.push(eq(users.unitId, f.unitId));
  if (f.active !== undefined) conds.push(eq(users.active, f.active));
  if (f.role) {
    conds.push(sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.role} = ${f.role})`);
  }
  const where = and(...conds);
  const [items, [total]] = await Promise.all([
    userQuery(db).where(where).orderBy(asc(users.fullName), asc(users.id)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items: items as UserRow[], total: total?.n ?? 0 };
}

export async function getUser(db: Db, tenantId: string, id: string): Promise<UserRow | null> {
  const [row] = await userQuery(db).where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  return (row as UserRow | undefined) ?? null;
}



export async function lockUser(db: Db, tenantId: string, id: string) {
  await db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, id))).for('update');
}

export async function usernameExists(db: Db, username: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return Boolean(row);
}

export async function insertUser(db: Db, values: typeof users.$inferInsert, roles: Role[]) {
  const [row] = await db.insert(users).values(values).returning();
  await db.insert(userRoles).values(roles.map((role) => ({ tenantId: values.tenantId, userId: row!.id, role })));
  return row!;
}

export async function updateUser(db: Db, tenantId: string, id: string, values: Partial<typeof users.$inferInsert>) {
  await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
}

export async function replaceRoles(db: Db, tenantId: string, userId: string, roles: Role[]) {
  await db.delete(userRoles).where(and(eq(userRoles.tenantId, tenantId), eq(userRoles.userId, userId)));
  await db.insert(userRoles).values(roles.map((role) => ({ tenantId, userId, role })));
}

export async function deleteUser(db: Db, tenantId: string, id: string) {
  await db.delete(userRoles).where(and(eq(userRoles.tenantId, tenantId), eq(userRoles.userId, id)));
  await db.delete(users).where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
}


const authColumns = {
  ...userColumns,
  tenantCode: tenants.code,
  tenantName: tenants.name,
  agencyShortName: agencies.shortName,
  agencyType: agencies.type,
};

export type AuthUserRow = UserRow & { tenantCode: string; tenantName: string; agencyShortName: string; agencyType: string };

/** One query for everything a request needs to know about who is calling. */
export async function getAuthUser(db: Db, by: { id: string } | { username: string }): Promise<AuthUserRow | null> {
  const [row] = await db
    .select(authColumns)
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .innerJoin(units, eq(units.id, users.unitId))
    .leftJoin(positions, eq(positions.id, users.positionId))
    .where('id' in by ? eq(users.id, by.id) : eq(users.username, by.username));
  return (row as AuthUserRow | undefined) ?? null;
}

export interface ActorUserRow {
  id: string;
  tenantId: string;
  agencyId: string;
  unitId: string;
  username: string;
  fullName: string;
  active: boolean;
  roles: Role[];
}

/** The few columns every authenticated request needs: one table and the roles, no joins. */
export async function getActorUser(db: Db, id: string): Promise<ActorUserRow | null> {
  const query = prepared(db, 'org_actor_user', (d) =>
    d
      .select({
        id: users.id,
        tenantId: users.tenantId,
        agencyId: users.agencyId,
        unitId: users.unitId,
        username: users.username,
        fullName: users.fullName,
        active: users.active,
        roles: rolesOf,
      })
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare('org_actor_user'),
  );
  const [row] = await query.execute({ id });
  return (row as ActorUserRow | undefined) ?? null;
}

/** A live session and its user in one statement: every request with a session cookie asks this. */
export async function getSessionActor(db: Db, sessionId: string, now: Date): Promise<{ user: ActorUserRow; csrfToken: string; lastSeenAt: Date } | null> {
  const query = prepared(db, 'org_session_actor', (d) =>
    d
      .select({
        csrfToken: sessions.csrfToken,
        lastSeenAt: sessions.lastSeenAt,
        id: users.id,
        tenantId: users.tenantId,
        agencyId: users.agencyId,
        unitId: users.unitId,
        username: users.username,
        fullName: users.fullName,
        active: users.active,
        roles: rolesOf,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sql.placeholder('id')), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql.placeholder('now'))))
      .prepare('org_session_actor'),
  );
  const [row] = await query.execute({ id: sessionId, now });
  if (!row) return null;
  const { csrfToken, lastSeenAt, ...user } = row;
  return { user: user as ActorUserRow, csrfToken, lastSeenAt };
}

export async function findUsersByIds(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, fullName: users.fullName, agencyId: users.agencyId, unitId: users.unitId, active: users.active, positionName: positions.name })
    .from(users)
    .leftJoin(positions, eq(positions.id, users.positionId))
    .where(and(eq(users.tenantId, tenantId), inArray(users.id, ids)));
}

export async function findUnitsByIds(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: units.id, name: units.name, shortName: units.shortName, agencyId: units.agencyId, active: units.active })
    .from(units)
    .where(and(eq(units.tenantId, tenantId), inArray(units.id, ids)));
}
