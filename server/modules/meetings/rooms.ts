import type { z } from 'zod';
import { newId } from '../../db/columns.js';
import { audit } from '../../platform/audit/service.js';
import { scopeOf } from '../../platform/auth/permissions.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { getAgency } from '../org/index.js';
import * as repo from './repo.js';
import type { RoomRequest } from './schemas.js';

type In<T extends z.ZodType> = z.output<T>;

/** Rooms are the Office's: its administrators and the tenant-wide organizers (leaders) keep the list. */
function requireRoomManager(ctx: ServiceContext) {
  if (!ctx.actor.roles.includes('admin') && scopeOf(ctx.actor, 'meeting.manage') !== 'tenant') throw new DomainError('FORBIDDEN', 'Chỉ quản trị hệ thống hoặc lãnh đạo được quản lý phòng họp');
}

const toRoom = (r: Awaited<ReturnType<typeof repo.listRooms>>[number]) => ({ id: r.id, agencyId: r.agencyId, agencyName: r.agencyName, location: r.location, name: r.name, capacity: r.capacity, online: r.online, active: r.active });

/** Every user may see the rooms (to read where a meeting is); inactive ones only for those who manage them. */
export async function listRooms(ctx: ServiceContext, includeInactive: boolean) {
  const manager = ctx.actor.roles.includes('admin') || scopeOf(ctx.actor, 'meeting.manage') === 'tenant';
  return { items: (await repo.listRooms(ctx.db, ctx.actor.tenantId, !(includeInactive && manager))).map(toRoom) };
}

async function checkRoom(ctx: ServiceContext, input: In<typeof RoomRequest>, exceptId?: string) {
  const agency = await getAgency(ctx, input.agencyId).catch(() => null);
  if (!agency) throw new DomainError('BAD_REQUEST', 'Cơ quan không có trong danh mục', { errors: [{ path: 'agencyId', message: 'Cơ quan không có trong danh mục' }] });
  const same = await repo.findRoomByName(ctx.db, ctx.actor.tenantId, input.location, input.name);
  if (same && same.id !== exceptId) throw new DomainError('CONFLICT', `Đã có ${input.name} tại ${input.location}`, { errors: [{ path: 'name', message: 'Trùng tên phòng họp tại địa điểm này' }] });
}

export async function createRoom(ctx: ServiceContext, input: In<typeof RoomRequest>) {
  requireRoomManager(ctx);
  await checkRoom(ctx, input);
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await repo.insertRoom(tx, { id, tenantId: ctx.actor.tenantId, ...input });
    await audit(ctx, tx, { action: 'meeting_room.created', entityType: 'meeting_room', entityId: id, first: true, summary: `Thêm phòng họp ${input.name} – ${input.location}`, after: input });
  });
  return roomById(ctx, id);
}

export async function updateRoom(ctx: ServiceContext, id: string, input: In<typeof RoomRequest>) {
  requireRoomManager(ctx);
  const before = await repo.getRoom(ctx.db, ctx.actor.tenantId, id);
  if (!before) throw new DomainError('NOT_FOUND', 'Không tìm thấy phòng họp');
  await checkRoom(ctx, input, id);
  await ctx.db.transaction(async (tx) => {
    await repo.updateRoom(tx, ctx.actor.tenantId, id, input);
    await audit(ctx, tx, { action: 'meeting_room.updated', entityType: 'meeting_room', entityId: id, summary: `Sửa phòng họp ${input.name} – ${input.location}`, before: { name: before.name, location: before.location, capacity: before.capacity, online: before.online, active: before.active }, after: input });
  });
  return roomById(ctx, id);
}

async function roomById(ctx: ServiceContext, id: string) {
  const room = (await repo.listRooms(ctx.db, ctx.actor.tenantId, false)).find((r) => r.id === id);
  if (!room) throw new DomainError('NOT_FOUND', 'Không tìm thấy phòng họp');
  return toRoom(room);
}
