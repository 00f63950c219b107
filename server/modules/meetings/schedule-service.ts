import type { z } from 'zod';
import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import { audit } from '../../platform/audit/service.js';
import { scopeOf, type Permission } from '../../platform/auth/permissions.js';
import { addDays, isValidDate, vietnamDate, vietnamLocalMs } from '../../platform/calendar/date-only.js';
import { formatVnDate } from '../../platform/calendar/service.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { applyScheduleAction, findConflicts, mondayOf, SCHEDULE_TRANSITIONS, weekDays, weekOfInstant, weekWindow, type Conflict, type ScheduleAction } from './schedule-rules.js';
import * as repo from './schedule-repo.js';
import type { CreateEntryRequest, UpdateEntryRequest } from './schedule-schemas.js';
import type { ScheduleState } from './tables.js';

type In<T extends z.ZodType> = z.output<T>;

const fieldError = (path: string, message: string) => new DomainError('BAD_REQUEST', message, { errors: [{ path, message }] });
const entryNotFound = () => new DomainError('NOT_FOUND', 'Không tìm thấy mục lịch công tác');
/** The Office drafts the province leaders' schedule: only the People's Committee and its Office. */
const SCHEDULE_AGENCY_TYPES = new Set(['province_committee', 'provincial_office']);
const MAX_ENTRY_MS = 7 * 86_400_000;

/** "08:30" in Vietnam time. */
export const vnTime = (at: Date): string => {
  const minutes = Math.floor(vietnamLocalMs(at) / 60_000) % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

export function normalizeWeek(date: string): string {
  if (!isValidDate(date)) throw fieldError('weekStart', 'Ngày không hợp lệ');
  return mondayOf(date);
}

/** Whether the actor works where the schedule is made: the People's Committee or its Office. */
async function inScheduleOffice(ctx: ServiceContext): Promise<boolean> {
  const agency = await repo.getAgencyRef(ctx.db, ctx.actor.tenantId, ctx.actor.agencyId);
  return Boolean(agency && SCHEDULE_AGENCY_TYPES.has(agency.type));
}

/** Whether the actor holds the permission and works where the schedule is made. */
async function officeScope(ctx: ServiceContext, permission: Permission): Promise<boolean> {
  return scopeOf(ctx.actor, permission) !== null && (await inScheduleOffice(ctx));
}

async function requireOffice(ctx: ServiceContext, permission: Permission) {
  if (!(await officeScope(ctx, permission))) {
    throw new DomainError('FORBIDDEN', scopeOf(ctx.actor, permission) ? 'Lịch công tác của lãnh đạo tỉnh do Văn phòng UBND tỉnh lập và lãnh đạo UBND tỉnh, Văn phòng duyệt' : undefined);
  }
}

/** What the actor may do on a week in this state: the state table decides, the permissions narrow it. */
function weekActions(state: ScheduleState, may: { manage: boolean; approve: boolean }, hasEntries: boolean): ScheduleAction[] {
  const out: ScheduleAction[] = [];
  const fits = (a: ScheduleAction) => SCHEDULE_TRANSITIONS[a].from.includes(state);
  if (may.manage && fits('edit')) out.push('edit');
  if (may.approve && hasEntries && fits('approve')) out.push('approve');
  if (may.manage && fits('publish')) out.push('publish');
  return out;
}

function conflictMessage(c: Conflict, entry: repo.EntryRow, byId: Map<string, repo.EntryRow>): string {
  const leader = (id: string) => entry.leaders.find((l) => l.id === id)?.fullName ?? '';
  const room = entry.roomName ?? '';
  switch (c.kind) {
    case 'leader': {
      const o = byId.get(c.entryId)!;
      return `Lãnh đạo ${leader(c.userId)} trùng lịch với "${o.content}" (${vnTime(o.startsAt)}–${vnTime(o.endsAt)} ngày ${formatVnDate(vietnamDate(o.startsAt))})`;
    }
    case 'room': {
      const o = byId.get(c.entryId)!;
      return `Phòng ${room} đã có lịch "${o.content}" (${vnTime(o.startsAt)}–${vnTime(o.endsAt)})`;
    }
    case 'leader_meeting':
      return `Lãnh đạo ${leader(c.userId)} chủ trì cuộc họp "${c.title}" cùng thời gian`;
    case 'room_meeting':
      return `Phòng ${room} đã được đặt cho cuộc họp "${c.title}"`;
  }
}

const placeOf = (e: repo.EntryRow) => (e.roomName ? [e.roomName, e.roomLocation].filter(Boolean).join(', ') : e.place);

function toEntry(e: repo.EntryRow, publishedAt: Date | null, conflicts: { kind: Conflict['kind']; message: string }[]) {
  return {
    id: e.id,
    day: vietnamDate(e.startsAt),
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    leaders: e.leaders,
    content: e.content,
    roomId: e.roomId,
    roomName: e.roomName,
    place: placeOf(e),
    preparingAgencyId: e.preparingAgencyId,
    preparingAgencyName: e.preparingAgencyName,
    participants: e.participants,
    meetingId: e.meetingId,
    adjusted: Boolean(publishedAt && new Date(e.updatedAt) > publishedAt),
    conflicts,
  };
}

const byDay = <T extends { day: string }>(weekStart: string, entries: T[]) => weekDays(weekStart).map((date) => ({ date, entries: entries.filter((e) => e.day === date) }));

/** The week's entries by day with their conflicts; one range read of entries and one of meetings. */
export async function getWeeklySchedule(ctx: ServiceContext, date: string) {
  const weekStart = normalizeWeek(date);
  const { from, to } = weekWindow(weekStart);
  const mayManage = scopeOf(ctx.actor, 'schedule.manage') !== null;
  const mayApprove = scopeOf(ctx.actor, 'schedule.approve') !== null;
  const [week, entries, bookings, office] = await Promise.all([
    repo.getWeek(ctx.db, ctx.actor.tenantId, weekStart),
    repo.findEntries(ctx.db, ctx.actor.tenantId, from, to),
    repo.findMeetingBookings(ctx.db, ctx.actor.tenantId, from, to),
    mayManage || mayApprove ? inScheduleOffice(ctx) : false,
  ]);
  const manage = mayManage && office;
  const approve = mayApprove && office;
  const state: ScheduleState = week?.state ?? 'draft';
  // Drafts are the Office's working copy: everyone else sees a week once it is published.
  const visible = manage || approve || state === 'published' ? entries : [];
  const conflicts = manage || approve ? findConflicts(visible.map((e) => ({ ...e, leaderIds: e.leaders.map((l) => l.id) })), bookings) : new Map<string, Conflict[]>();
  const byId = new Map(visible.map((e) => [e.id, e]));
  const mapped = visible.map((e) => toEntry(e, week?.publishedAt ?? null, (conflicts.get(e.id) ?? []).map((c) => ({ kind: c.kind, message: conflictMessage(c, e, byId) }))));
  return {
    weekStart,
    weekEnd: addDays(weekStart, 6),
    state,
    revision: week?.revision ?? 0,
    approvedByName: week?.approvedByName ?? null,
    approvedAt: week?.approvedAt?.toISOString() ?? null,
    publishedAt: week?.publishedAt?.toISOString() ?? null,
    conflictCount: mapped.filter((e) => e.conflicts.length > 0).length,
    days: byDay(weekStart, mapped),
    actions: weekActions(state, { manage, approve }, entries.length > 0),
  };
}

/** The province's leaders one may put on the schedule. */
export async function listScheduleLeaders(ctx: ServiceContext) {
  return { items: await repo.listLeaders(ctx.db, ctx.actor.tenantId) };
}

/** The public page and the iCalendar feed of the actor's province. */
export async function scheduleLinks(ctx: ServiceContext, baseUrl: string) {
  const code = await repo.tenantCode(ctx.db, ctx.actor.tenantId);
  return { url: `${baseUrl}/api/public/schedule/${code}/calendar.ics`, publicPage: `${baseUrl}/cong-khai/lich-cong-tac/${code}` };
}

interface EntryValues {
  startsAt: Date;
  endsAt: Date;
  leaderIds: string[];
  roomId: string | null;
  preparingAgencyId: string | null;
}

/** Leaders must hold the leader role; the room and the preparing agency must exist in the tenant. */
async function checkRefs(ctx: ServiceContext, v: EntryValues) {
  if (v.endsAt.getTime() - v.startsAt.getTime() > MAX_ENTRY_MS) throw fieldError('endsAt', 'Một mục lịch kéo dài tối đa 7 ngày');
  const [leaders, room, agency] = await Promise.all([
    repo.findLeaders(ctx.db, ctx.actor.tenantId, v.leaderIds),
    v.roomId ? repo.getRoom(ctx.db, ctx.actor.tenantId, v.roomId) : null,
    v.preparingAgencyId ? repo.getAgencyRef(ctx.db, ctx.actor.tenantId, v.preparingAgencyId) : null,
  ]);
  const found = new Set(leaders.map((l) => l.id));
  const missing = v.leaderIds.findIndex((id) => !found.has(id));
  if (missing >= 0) throw fieldError(`leaderIds.${missing}`, 'Người được chọn không phải lãnh đạo đang làm việc');
  if (v.roomId && (!room || !room.active)) throw fieldError('roomId', 'Phòng họp không có trong danh mục hoặc đã ngừng sử dụng');
  if (v.preparingAgencyId && (!agency || !agency.active)) throw fieldError('preparingAgencyId', 'Cơ quan không có trong danh mục');
}

/**
 * One change to a week's entries, in one transaction: the week locked (made on its first entry), the edit
 * taken through the state table (an approved week goes back to draft; a published one stays published
 * with its revision raised), then `change` and the audit entry with what changed.
 */
async function editWeek(ctx: ServiceContext, weekStart: string, change: (tx: Db, weekId: string) => Promise<{ action: string; summary: string; before?: unknown; after?: unknown }>) {
  await ctx.db.transaction(async (tx) => {
    const week = await repo.lockOrCreateWeek(tx, ctx.actor.tenantId, weekStart, newId());
    const next = applyScheduleAction('edit', week);
    if (!next) throw new DomainError('INVALID_STATE', SCHEDULE_TRANSITIONS.edit.refusal);
    const { action, summary, before, after } = await change(tx, week.id);
    const backToDraft = week.state === 'approved';
    await repo.updateWeek(tx, ctx.actor.tenantId, week.id, { ...next, ...(backToDraft ? { approvedBy: null, approvedByName: null, approvedAt: null } : {}) });
    const note = next.revision > week.revision ? ` (điều chỉnh lần ${next.revision} sau khi công bố)` : backToDraft ? ' (lịch trở lại dự thảo, cần duyệt lại)' : '';
    await audit(ctx, tx, { action, entityType: 'schedule_week', entityId: week.id, summary: `${summary}${note}`, before, after: { ...(after as object), weekState: next.state, revision: next.revision } });
  });
}

const snapshot = (e: { startsAt: Date; endsAt: Date; content: string; roomId: string | null; place: string | null; preparingAgencyId: string | null; participants: string | null }, leaderIds: string[]) => ({
  startsAt: e.startsAt.toISOString(),
  endsAt: e.endsAt.toISOString(),
  content: e.content,
  leaderIds,
  roomId: e.roomId,
  place: e.place,
  preparingAgencyId: e.preparingAgencyId,
  participants: e.participants,
});

const when = (startsAt: Date) => `${vnTime(startsAt)} ngày ${formatVnDate(vietnamDate(startsAt))}`;

async function weekWithEntry(ctx: ServiceContext, weekStart: string, entryId: string) {
  const week = await getWeeklySchedule(ctx, weekStart);
  const entry = week.days.flatMap((d) => d.entries).find((e) => e.id === entryId)!;
  return { entry, week };
}

export async function createScheduleEntry(ctx: ServiceContext, input: In<typeof CreateEntryRequest>) {
  await requireOffice(ctx, 'schedule.manage');
  const v = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), leaderIds: [...new Set(input.leaderIds)], roomId: input.roomId ?? null, preparingAgencyId: input.preparingAgencyId ?? null };
  await checkRefs(ctx, v);
  const weekStart = weekOfInstant(v.startsAt);
  const id = newId();
  await editWeek(ctx, weekStart, async (tx, weekId) => {
    const row = { id, tenantId: ctx.actor.tenantId, weekId, ...v, place: input.place ?? null, content: input.content, participants: input.participants ?? null };
    await repo.insertEntry(tx, row, v.leaderIds);
    return { action: 'schedule.entry_added', summary: `Thêm lịch ${when(v.startsAt)}: ${input.content}`, after: snapshot(row, v.leaderIds) };
  });
  return weekWithEntry(ctx, weekStart, id);
}

export async function updateScheduleEntry(ctx: ServiceContext, id: string, input: In<typeof UpdateEntryRequest>) {
  await requireOffice(ctx, 'schedule.manage');
  const current = await repo.getEntry(ctx.db, ctx.actor.tenantId, id);
  if (!current) throw entryNotFound();
  const leaderIds = input.leaderIds ? [...new Set(input.leaderIds)] : current.leaders.map((l) => l.id);
  const roomId = input.roomId !== undefined ? input.roomId : input.place ? null : current.roomId;
  const place = input.place !== undefined ? input.place : input.roomId ? null : current.place;
  const v = {
    startsAt: input.startsAt ? new Date(input.startsAt) : current.startsAt,
    endsAt: input.endsAt ? new Date(input.endsAt) : current.endsAt,
    leaderIds,
    roomId,
    preparingAgencyId: input.preparingAgencyId !== undefined ? input.preparingAgencyId : current.preparingAgencyId,
  };
  if (v.endsAt <= v.startsAt) throw fieldError('endsAt', 'Giờ kết thúc phải sau giờ bắt đầu');
  const weekStart = weekOfInstant(current.startsAt);
  // Moving to another week is a new entry there (that week has its own approval): say so instead.
  if (weekOfInstant(v.startsAt) !== weekStart) throw fieldError('startsAt', 'Chỉ đổi giờ trong cùng tuần; để chuyển sang tuần khác, xóa mục này và thêm mới ở tuần đó');
  await checkRefs(ctx, v);
  await editWeek(ctx, weekStart, async (tx) => {
    const values = { ...v, place, content: input.content ?? current.content, participants: input.participants !== undefined ? input.participants : current.participants };
    await repo.updateEntry(tx, ctx.actor.tenantId, id, { startsAt: values.startsAt, endsAt: values.endsAt, roomId: values.roomId, place: values.place, content: values.content, participants: values.participants, preparingAgencyId: values.preparingAgencyId }, input.leaderIds ? leaderIds : undefined);
    return {
      action: 'schedule.entry_changed',
      summary: `Sửa lịch ${when(current.startsAt)}${values.startsAt.getTime() !== current.startsAt.getTime() ? ` → ${when(values.startsAt)}` : ''}: ${values.content}`,
      before: { entryId: id, ...snapshot(current, current.leaders.map((l) => l.id)) },
      after: { entryId: id, ...snapshot(values, leaderIds) },
    };
  });
  return weekWithEntry(ctx, weekStart, id);
}

export async function deleteScheduleEntry(ctx: ServiceContext, id: string) {
  await requireOffice(ctx, 'schedule.manage');
  const current = await repo.getEntry(ctx.db, ctx.actor.tenantId, id);
  if (!current) throw entryNotFound();
  const weekStart = weekOfInstant(current.startsAt);
  await editWeek(ctx, weekStart, async (tx) => {
    await repo.deleteEntry(tx, ctx.actor.tenantId, id);
    return { action: 'schedule.entry_removed', summary: `Bỏ lịch ${when(current.startsAt)}: ${current.content}`, before: { entryId: id, ...snapshot(current, current.leaders.map((l) => l.id)) } };
  });
  return getWeeklySchedule(ctx, weekStart);
}

/** approve (leader) and publish (the Office): draft → approved → published; anything else is 409. */
async function moveWeek(ctx: ServiceContext, date: string, action: 'approve' | 'publish') {
  await requireOffice(ctx, action === 'approve' ? 'schedule.approve' : 'schedule.manage');
  const weekStart = normalizeWeek(date);
  const { from, to } = weekWindow(weekStart);
  await ctx.db.transaction(async (tx) => {
    const week = await repo.lockWeek(tx, ctx.actor.tenantId, weekStart);
    const entries = week ? await repo.findEntries(tx, ctx.actor.tenantId, from, to) : [];
    if (!week || entries.length === 0) throw new DomainError('INVALID_STATE', `Lịch tuần ${formatVnDate(weekStart)} chưa có nội dung`);
    const next = applyScheduleAction(action, week);
    if (!next) throw new DomainError('INVALID_STATE', SCHEDULE_TRANSITIONS[action].refusal);
    const now = new Date();
    const values = action === 'approve' ? { ...next, approvedBy: ctx.actor.userId, approvedByName: ctx.actor.fullName, approvedAt: now } : { ...next, publishedAt: now };
    await repo.updateWeek(tx, ctx.actor.tenantId, week.id, values);
    const verb = action === 'approve' ? 'Duyệt' : 'Công bố';
    await audit(ctx, tx, { action: `schedule.${action}d`, entityType: 'schedule_week', entityId: week.id, summary: `${verb} lịch công tác tuần ${formatVnDate(weekStart)} – ${formatVnDate(addDays(weekStart, 6))} (${entries.length} mục)`, before: { state: week.state }, after: { state: next.state, revision: next.revision } });
  });
  return getWeeklySchedule(ctx, weekStart);
}

export const approveWeeklySchedule = (ctx: ServiceContext, date: string) => moveWeek(ctx, date, 'approve');
export const publishWeeklySchedule = (ctx: ServiceContext, date: string) => moveWeek(ctx, date, 'publish');

export type WeeklySchedule = Awaited<ReturnType<typeof getWeeklySchedule>>;
