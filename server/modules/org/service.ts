import type { z } from 'zod';
import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import { audit } from '../../platform/audit/service.js';
import { requirePermission, type Role } from '../../platform/auth/permissions.js';
import { assertStrongPassword } from '../../platform/auth/passwords.js';
import { deleteAuthDataOf, revokeAllSessionsOf, setInitialPassword, userHasLoggedIn } from '../../platform/auth/credentials.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/http/errors.js';
import { assertCanReadUser, assertNotSelfLockout, userReadFilter } from './policy.js';
import * as repo from './repo.js';
import {
  AGENCY_TYPE_LABELS,
  type AgencyType,
  type CreateAgencyRequest,
  type CreateUnitRequest,
  type CreateUserRequest,
  type ListAgenciesQuery,
  type ListUsersQuery,
  type UpdateAgencyRequest,
  type UpdateUnitRequest,
  type UpdateUserRequest,
} from './schemas.js';

type In<T extends z.ZodType> = z.output<T>;
const page = (q: { page: number; pageSize: number }) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
const bool = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');

// ---- agencies ----------------------------------------------------------------------------------------

export function toAgencyResponse(a: repo.AgencyRow) {
  return {
    id: a.id,
    parentId: a.parentId,
    parentName: a.parentName,
    type: a.type as AgencyType,
    typeLabel: AGENCY_TYPE_LABELS[a.type as AgencyType] ?? a.type,
    name: a.name,
    shortName: a.shortName,
    identifierCode: a.identifierCode,
    address: a.address,
    active: a.active,
    sortOrder: a.sortOrder,
  };
}

const agencySummary = (a: repo.AgencyRow) => ({ name: a.name, shortName: a.shortName, type: a.type, identifierCode: a.identifierCode, parentId: a.parentId, active: a.active });

export async function listAgencies(ctx: ServiceContext, q: In<typeof ListAgenciesQuery>) {
  requirePermission(ctx.actor, 'org.read');
  const { items, total } = await repo.findAgencies(ctx.db, ctx.actor.tenantId, { q: q.q, type: q.type, parentId: q.parentId, active: bool(q.active), ...page(q) });
  return { items: items.map(toAgencyResponse), total };
}

export async function getAgency(ctx: ServiceContext, id: string) {
  requirePermission(ctx.actor, 'org.read');
  const row = await repo.getAgency(ctx.db, ctx.actor.tenantId, id);
  if (!row) throw notFound('cơ quan');
  return toAgencyResponse(row);
}

async function assertAgencyRefs(db: Db, tenantId: string, id: string | null, input: { parentId?: string | null | undefined; identifierCode?: string | null | undefined }) {
  if (input.parentId) {
    if (input.parentId === id) throw new DomainError('BAD_REQUEST', 'Cơ quan không thể là cấp trên của chính nó');
    const parent = await repo.getAgency(db, tenantId, input.parentId);
    if (!parent) throw new DomainError('BAD_REQUEST', 'Cơ quan cấp trên không tồn tại', { errors: [{ path: 'parentId', message: 'Không tồn tại' }] });
  }
  if (input.identifierCode) {
    const other = await repo.findAgencyByIdentifierCode(db, tenantId, input.identifierCode);
    if (other && other.id !== id) throw new DomainError('IDENTIFIER_CODE_TAKEN', undefined, { errors: [{ path: 'identifierCode', message: 'Đã được dùng' }] });
  }
}

export async function createAgency(ctx: ServiceContext, input: In<typeof CreateAgencyRequest>) {
  requirePermission(ctx.actor, 'org.manage');
  return ctx.db.transaction(async (tx) => {
    await assertAgencyRefs(tx, ctx.actor.tenantId, null, input);
    const row = await repo.insertAgency(tx, {
      id: newId(),
      tenantId: ctx.actor.tenantId,
      type: input.type,
      name: input.name,
      shortName: input.shortName,
      parentId: input.parentId ?? null,
      identifierCode: input.identifierCode ?? null,
      address: input.address ?? null,
      sortOrder: input.sortOrder ?? 0,
    });
    await audit(ctx, tx, { action: 'agency.created', entityType: 'agency', entityId: row.id, summary: `Thêm cơ quan ${row.name}`, after: agencySummary(row) });
    return toAgencyResponse(row);
  });
}

export async function updateAgency(ctx: ServiceContext, id: string, input: In<typeof UpdateAgencyRequest>) {
  requirePermission(ctx.actor, 'org.manage');
  return ctx.db.transaction(async (tx) => {
    const before = await repo.getAgency(tx, ctx.actor.tenantId, id, true);
    if (!before) throw notFound('cơ quan');
    await assertAgencyRefs(tx, ctx.actor.tenantId, id, input);
    const row = await repo.updateAgency(tx, ctx.actor.tenantId, id, input);
    await audit(ctx, tx, { action: 'agency.updated', entityType: 'agency', entityId: id, summary: `Sửa cơ quan ${row.name}`, before: agencySummary(before), after: agencySummary(row) });
    return toAgencyResponse(row);
  });
}

export async function deleteAgency(ctx: ServiceContext, id: string) {
  requirePermission(ctx.actor, 'org.manage');
  await ctx.db.transaction(async (tx) => {
    const before = await repo.getAgency(tx, ctx.actor.tenantId, id, true);
    if (!before) throw notFound('cơ quan');
    if ((await repo.countAgencyDependents(tx, ctx.actor.tenantId, id)) > 0) {
      throw new DomainError('HAS_HISTORY', 'Cơ quan còn đơn vị trực thuộc hoặc cơ quan cấp dưới; hãy ngừng hoạt động thay vì xóa');
    }
    await repo.deleteAgency(tx, ctx.actor.tenantId, id);
    await audit(ctx, tx, { action: 'agency.deleted', entityType: 'agency', entityId: id, summary: `Xóa cơ quan ${before.name}`, before: agencySummary(before) });
  });
}

// ---- units -------------------------------------------------------------------------------------------

const toUnitResponse = (u: repo.UnitRow) => ({ id: u.id, agencyId: u.agencyId, agencyName: u.agencyName, name: u.name, shortName: u.shortName, active: u.active });

export async function listUnits(ctx: ServiceContext, q: { agencyId?: string | undefined; q?: string | undefined; page: number; pageSize: number }) {
  requirePermission(ctx.actor, 'org.read');
  const { items, total } = await repo.findUnits(ctx.db, ctx.actor.tenantId, { agencyId: q.agencyId, q: q.q, ...page(q) });
  return { items: items.map(toUnitResponse), total };
}

export async function createUnit(ctx: ServiceContext, input: In<typeof CreateUnitRequest>) {
  requirePermission(ctx.actor, 'org.manage');
  return ctx.db.transaction(async (tx) => {
    const agency = await repo.getAgency(tx, ctx.actor.tenantId, input.agencyId);
    if (!agency) throw new DomainError('BAD_REQUEST', 'Cơ quan không tồn tại', { errors: [{ path: 'agencyId', message: 'Không tồn tại' }] });
    const row = await repo.insertUnit(tx, { id: newId(), tenantId: ctx.actor.tenantId, agencyId: agency.id, name: input.name, shortName: input.shortName ?? null });
    await audit(ctx, tx, { action: 'unit.created', entityType: 'unit', entityId: row.id, summary: `Thêm đơn vị ${row.name} (${agency.name})`, after: { name: row.name, agencyId: agency.id } });
    return toUnitResponse({ ...row, agencyName: agency.name });
  });
}

export async function updateUnit(ctx: ServiceContext, id: string, input: In<typeof UpdateUnitRequest>) {
  requirePermission(ctx.actor, 'org.manage');
  return ctx.db.transaction(async (tx) => {
    const before = await repo.getUnit(tx, ctx.actor.tenantId, id);
    if (!before) throw notFound('đơn vị');
    await repo.updateUnit(tx, ctx.actor.tenantId, id, input);
    const after = (await repo.getUnit(tx, ctx.actor.tenantId, id))!;
    await audit(ctx, tx, { action: 'unit.updated', entityType: 'unit', entityId: id, summary: `Sửa đơn vị ${after.name}`, before: { name: before.name, shortName: before.shortName, active: before.active }, after: { name: after.name, shortName: after.shortName, active: after.active } });
    return toUnitResponse(after);
  });
}

export async function deleteUnit(ctx: ServiceContext, id: string) {
  requirePermission(ctx.actor, 'org.manage');
  await ctx.db.transaction(async (tx) => {
    const before = await repo.getUnit(tx, ctx.actor.tenantId, id);
    if (!before) throw notFound('đơn vị');
    if ((await repo.countUnitUsers(tx, ctx.actor.tenantId, id)) > 0) {
      throw new DomainError('HAS_HISTORY', 'Đơn vị còn người dùng; hãy chuyển người dùng hoặc ngừng hoạt động đơn vị');
    }
    await repo.deleteUnit(tx, ctx.actor.tenantId, id);
    await audit(ctx, tx, { action: 'unit.deleted', entityType: 'unit', entityId: id, summary: `Xóa đơn vị ${before.name}`, before: { name: before.name, agencyId: before.agencyId } });
  });
}

// ---- positions ---------------------------------------------------------------------------------------

export async function listPositions(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'org.read');
  const rows = await repo.findPositions(ctx.db, ctx.actor.tenantId);
  return rows.map((p) => ({ id: p.id, name: p.name, rank: p.rank }));
}

export async function createPosition(ctx: ServiceContext, input: { name: string; rank?: number | undefined }) {
  requirePermission(ctx.actor, 'org.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertPosition(tx, { id: newId(), tenantId: ctx.actor.tenantId, name: input.name, rank: input.rank ?? 100 });
    if (!row) throw new DomainError('CONFLICT', 'Chức vụ này đã có');
    await audit(ctx, tx, { action: 'position.created', entityType: 'position', entityId: row.id, summary: `Thêm chức vụ ${row.name}`, after: { name: row.name, rank: row.rank } });
    return { id: row.id, name: row.name, rank: row.rank };
  });
}

export async function updatePosition(ctx: ServiceContext, id: string, input: { name?: string | undefined; rank?: number | undefined }) {
  requirePermission(ctx.actor, 'org.manage');
  return ctx.db.transaction(async (tx) => {
    const before = await repo.getPosition(tx, ctx.actor.tenantId, id);
    if (!before) throw notFound('chức vụ');
    const changes = { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.rank !== undefined ? { rank: input.rank } : {}) };
    const row = await repo.updatePosition(tx, ctx.actor.tenantId, id, changes).catch((err: unknown) => {
      // the (tenant, name) unique index: another position already has this name
      if (String((err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code) === '23505') throw new DomainError('CONFLICT', 'Chức vụ này đã có');
      throw err;
    });
    await audit(ctx, tx, { action: 'position.updated', entityType: 'position', entityId: id, summary: `Sửa chức vụ ${row!.name}`, before: { name: before.name, rank: before.rank }, after: { name: row!.name, rank: row!.rank } });
    return { id: row!.id, name: row!.name, rank: row!.rank };
  });
}

export async function deletePosition(ctx: ServiceContext, id: string) {
  requirePermission(ctx.actor, 'org.manage');
  await ctx.db.transaction(async (tx) => {
    const before = await repo.getPosition(tx, ctx.actor.tenantId, id);
    if (!before) throw notFound('chức vụ');
    if ((await repo.countPositionUsers(tx, ctx.actor.tenantId, id)) > 0) throw new DomainError('HAS_HISTORY', 'Chức vụ đang được gán cho người dùng; hãy đổi chức vụ của họ trước');
    await repo.deletePosition(tx, ctx.actor.tenantId, id);
    await audit(ctx, tx, { action: 'position.deleted', entityType: 'position', entityId: id, summary: `Xóa chức vụ ${before.name}`, before: { name: before.name, rank: before.rank } });
  });
}

// ---- users -------------------------------------------------------------------------------------------

export function toUserResponse(u: repo.UserRow) {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    phone: u.phone,
    agencyId: u.agencyId,
    agencyName: u.agencyName,
    unitId: u.unitId,
    unitName: u.unitName,
    positionId: u.positionId,
    positionName: u.positionName,
    roles: u.roles,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
  };
}

const userSummary = (u: repo.UserRow) => ({ username: u.username, fullName: u.fullName, email: u.email, phone: u.phone, unitId: u.unitId, positionId: u.positionId, roles: u.roles, active: u.active });

export async function listUsers(ctx: ServiceContext, q: In<typeof ListUsersQuery>) {
  const scope = userReadFilter(ctx.actor);
  const { items, total } = await repo.findUsers(ctx.db, ctx.actor.tenantId, {
    q: q.q,
    agencyId: scope.agencyId ?? q.agencyId,
    unitId: scope.unitId ?? q.unitId,
    role: q.role,
    active: bool(q.active),
    ...page(q),
  });
  return { items: items.map(toUserResponse), total };
}

export async function getUser(ctx: ServiceContext, id: string) {
  const row = await repo.getUser(ctx.db, ctx.actor.tenantId, id);
  if (!row) throw notFound('người dùng');
  assertCanReadUser(ctx.actor, row);
  return toUserResponse(row);
}

async function resolveUnit(db: Db, tenantId: string, unitId: string) {
  const unit = await repo.getUnit(db, tenantId, unitId);
  if (!unit || !unit.active) throw new DomainError('BAD_REQUEST', 'Đơn vị không tồn tại hoặc đã ngừng hoạt động', { errors: [{ path: 'unitId', message: 'Không hợp lệ' }] });
  return unit;
}

async function assertPosition(db: Db, tenantId: string, positionId: string | null | undefined) {
  if (positionId && !(await repo.getPosition(db, tenantId, positionId))) {
    throw new DomainError('BAD_REQUEST', 'Chức vụ không tồn tại', { errors: [{ path: 'positionId', message: 'Không tồn tại' }] });
  }
}

export async function createUser(ctx: ServiceContext, input: In<typeof CreateUserRequest>) {
  requirePermission(ctx.actor, 'user.manage');
  assertStrongPassword(input.password, input.username);
  const roles = [...new Set(input.roles)] as Role[];
  return ctx.db.transaction(async (tx) => {
    if (await repo.usernameExists(tx, input.username)) {
      throw new DomainError('USERNAME_TAKEN', undefined, { errors: [{ path: 'username', message: 'Đã được sử dụng' }] });
    }
    const unit = await resolveUnit(tx, ctx.actor.tenantId, input.unitId);
    await assertPosition(tx, ctx.actor.tenantId, input.positionId);
    const row = await repo.insertUser(
      tx,
      {
        id: newId(),
        tenantId: ctx.actor.tenantId,
        username: input.username,
        fullName: input.fullName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        agencyId: unit.agencyId,
        unitId: unit.id,
        positionId: input.positionId ?? null,
      },
      roles,
    );
    await setInitialPassword(tx, ctx.actor.tenantId, row.id, input.password);
    const created = (await repo.getUser(tx, ctx.actor.tenantId, row.id))!;
    await audit(ctx, tx, { action: 'user.created', entityType: 'user', entityId: row.id, summary: `Thêm người dùng ${created.fullName} (${created.username})`, after: userSummary(created) });
    return toUserResponse(created);
  });
}

export async function updateUser(ctx: ServiceContext, id: string, input: In<typeof UpdateUserRequest>) {
  requirePermission(ctx.actor, 'user.manage');
  assertNotSelfLockout(ctx.actor, id, { roles: input.roles });
  return ctx.db.transaction(async (tx) => {
    await repo.lockUser(tx, ctx.actor.tenantId, id);
    const before = await repo.getUser(tx, ctx.actor.tenantId, id);
    if (!before) throw notFound('người dùng');
    const unit = input.unitId ? await resolveUnit(tx, ctx.actor.tenantId, input.unitId) : null;
    await assertPosition(tx, ctx.actor.tenantId, input.positionId);
    await repo.updateUser(tx, ctx.actor.tenantId, id, {
      ...(input.fullName !== undefined ? { fullName: input.fullName } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.positionId !== undefined ? { positionId: input.positionId } : {}),
      ...(unit ? { unitId: unit.id, agencyId: unit.agencyId } : {}),
    });
    if (input.roles) await repo.replaceRoles(tx, ctx.actor.tenantId, id, [...new Set(input.roles)] as Role[]);
    const after = (await repo.getUser(tx, ctx.actor.tenantId, id))!;
    await audit(ctx, tx, { action: 'user.updated', entityType: 'user', entityId: id, summary: `Sửa người dùng ${after.fullName}`, before: userSummary(before), after: userSummary(after) });
    return toUserResponse(after);
  });
}

/** Users with history are deactivated, never deleted: their names stay on documents and the audit log. */
export async function setUserActive(ctx: ServiceContext, id: string, active: boolean) {
  requirePermission(ctx.actor, 'user.manage');
  assertNotSelfLockout(ctx.actor, id, { deactivate: !active });
  return ctx.db.transaction(async (tx) => {
    await repo.lockUser(tx, ctx.actor.tenantId, id);
    const before = await repo.getUser(tx, ctx.actor.tenantId, id);
    if (!before) throw notFound('người dùng');
    await repo.updateUser(tx, ctx.actor.tenantId, id, { active, deactivatedAt: active ? null : new Date() });
    const sessions = active ? 0 : await revokeAllSessionsOf(tx, id);
    const after = (await repo.getUser(tx, ctx.actor.tenantId, id))!;
    await audit(ctx, tx, {
      action: active ? 'user.activated' : 'user.deactivated',
      entityType: 'user',
      entityId: id,
      summary: active ? `Kích hoạt lại ${after.fullName}` : `Ngừng kích hoạt ${after.fullName}, kết thúc ${sessions} phiên`,
      before: { active: before.active },
      after: { active },
    });
    return toUserResponse(after);
  });
}

export async function resetUserPassword(ctx: ServiceContext, id: string, password: string) {
  requirePermission(ctx.actor, 'user.manage');
  await ctx.db.transaction(async (tx) => {
    await repo.lockUser(tx, ctx.actor.tenantId, id);
    const user = await repo.getUser(tx, ctx.actor.tenantId, id);
    if (!user) throw notFound('người dùng');
    assertStrongPassword(password, user.username);
    await setInitialPassword(tx, ctx.actor.tenantId, id, password);
    await revokeAllSessionsOf(tx, id);
    await audit(ctx, tx, { action: 'user.password_reset', entityType: 'user', entityId: id, summary: `Đặt lại mật khẩu cho ${user.fullName}` });
  });
}

/** Only a user who never signed in can be deleted (a mistaken entry); anyone else is deactivated. */
export async function deleteUser(ctx: ServiceContext, id: string) {
  requirePermission(ctx.actor, 'user.manage');
  assertNotSelfLockout(ctx.actor, id, { deactivate: true });
  await ctx.db.transaction(async (tx) => {
    await repo.lockUser(tx, ctx.actor.tenantId, id);
    const user = await repo.getUser(tx, ctx.actor.tenantId, id);
    if (!user) throw notFound('người dùng');
    if (user.isDemo || (await userHasLoggedIn(tx, id))) throw new DomainError('HAS_HISTORY');
    await deleteAuthDataOf(tx, id);
    await repo.deleteUser(tx, ctx.actor.tenantId, id);
    await audit(ctx, tx, { action: 'user.deleted', entityType: 'user', entityId: id, summary: `Xóa người dùng ${user.fullName} (${user.username})`, before: userSummary(user) });
  });
}

/** Users of the actor's tenant among the given ids (to check people named by another module). */
export async function listUsersByIds(ctx: ServiceContext, ids: string[]) {
  requirePermission(ctx.actor, 'org.read');
  return repo.findUsersByIds(ctx.db, ctx.actor.tenantId, [...new Set(ids)]);
}

/** Units of the actor's tenant among the given ids (to check units named by another module). */
export async function listUnitsByIds(ctx: ServiceContext, ids: string[]) {
  requirePermission(ctx.actor, 'org.read');
  return repo.findUnitsByIds(ctx.db, ctx.actor.tenantId, [...new Set(ids)]);
}

/**
 * The directory of people: who works where, as anyone of the province may need it to send a draft to a
 * reviewer or a signer, or to name a handler. Names, positions and units only — no contact details,
 * roles or accounts (those stay behind user.read).
 */
export async function searchPeople(ctx: ServiceContext, q: { q?: string | undefined; agencyId?: string | undefined; unitId?: string | undefined; role?: Role | undefined; limit: number }) {
  requirePermission(ctx.actor, 'org.read');
  const { items } = await repo.findUsers(ctx.db, ctx.actor.tenantId, { q: q.q, agencyId: q.agencyId, unitId: q.unitId, role: q.role, active: true, limit: q.limit, offset: 0 });
  return items.map((u) => ({ id: u.id, fullName: u.fullName, positionName: u.positionName, unitId: u.unitId, unitName: u.unitName, agencyId: u.agencyId, agencyName: u.agencyName }));
}
