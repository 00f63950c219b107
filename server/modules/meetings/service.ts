import type { z } from 'zod';
import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import { audit } from '../../platform/audit/service.js';
import { requirePermission, scopeOf } from '../../platform/auth/permissions.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { notify } from '../../platform/notify/index.js';
import { getAgency, listAgencies, listUsersByIds } from '../org/index.js';
import { listMeetingTasks } from '../tasks/index.js';
import { newRoomName } from './jitsi.js';
import { meetingActions, organizes, visibilityOf } from './policy.js';
import * as repo from './repo.js';
import type { CreateMeetingRequest, MeetingListQuery, UpdateMeetingRequest } from './schemas.js';
import type { AgendaItem } from './tables.js';
import { timeRange } from './vn-time.js';

type In<T extends z.ZodType> = z.output<T>;

export const fieldError = (path: string, message: string) => new DomainError('BAD_REQUEST', message, { errors: [{ path, message }] });
export const meetingNotFound = () => new DomainError('NOT_FOUND', 'Không tìm thấy cuộc họp hoặc bạn không có quyền xem');
const invalidState = (message: string) => new DomainError('INVALID_STATE', message);

/** Agency types of the commune level: the sites an online conference connects. */
export const SITE_AGENCY_TYPES = ['commune_committee', 'ward_committee', 'special_zone_committee'] as const;

/** The meeting, when the actor may see it; "not found" otherwise (never a hint that it exists). */
export async function visibleMeeting(ctx: ServiceContext, id: string) {
  if (!(await repo.isVisible(ctx.db, visibilityOf(ctx.actor), id))) throw meetingNotFound();
  const m = await repo.getMeeting(ctx.db, ctx.actor.tenantId, id);
  if (!m) throw meetingNotFound();
  return m;
}

/** The meeting locked for a change by its organizer side, in the given state. */
export async function organizerMeeting(ctx: ServiceContext, tx: Db, id: string, states: readonly string[], stateMessage: string) {
  if (!(await repo.isVisible(tx, visibilityOf(ctx.actor), id))) throw meetingNotFound();
  const m = await repo.lockMeeting(tx, ctx.actor.tenantId, id);
  if (!m) throw meetingNotFound();
  if (!organizes(ctx.actor, m)) throw new DomainError('FORBIDDEN', 'Chỉ cơ quan tổ chức hoặc người chủ trì được thực hiện thao tác này');
  if (!states.includes(m.state)) throw invalidState(stateMessage);
  return m;
}

async function agencyOrFieldError(ctx: ServiceContext, id: string, path: string) {
  const a = await getAgency(ctx, id).catch((err: unknown) => {
    if (err instanceof DomainError && err.code === 'NOT_FOUND') throw fieldError(path, 'Cơ quan không có trong danh mục');
    throw err;
  });
  if (!a.active) throw fieldError(path, 'Cơ quan đã ngừng hoạt động');
  return a;
}

export async function allCommuneIds(ctx: ServiceContext) {
  const lists = await Promise.all(SITE_AGENCY_TYPES.map((type) => listAgencies(ctx, { type, active: 'true', page: 1, pageSize: 200 })));
  return lists.flatMap((l) => l.items.map((a) => a.id));
}

type PartyInput = Pick<In<typeof CreateMeetingRequest>, 'kind' | 'chairUserId' | 'participantUserIds' | 'participantAgencyIds' | 'secretaryUserIds' | 'siteAgencyIds' | 'allCommunes'>;

/** Checks the chair, invitees and sites; returns the chair's name and the final site list. */
async function checkParties(ctx: ServiceContext, input: PartyInput) {
  const people = await listUsersByIds(ctx, [input.chairUserId, ...input.participantUserIds, ...input.secretaryUserIds]);
  const chair = people.find((p) => p.id === input.chairUserId);
  const leaders = await repo.usersWithRole(ctx.db, ctx.actor.tenantId, [input.chairUserId], 'leader');
  if (!chair || !chair.active || !leaders.has(chair.id)) throw fieldError('chairUserId', 'Người chủ trì phải là lãnh đạo đang công tác');
  for (const [key, ids] of [['participantUserIds', input.participantUserIds], ['secretaryUserIds', input.secretaryUserIds]] as const) {
    ids.forEach((uid, i) => {
      const p = people.find((x) => x.id === uid);
      if (!p || !p.active) throw fieldError(`${key}.${i}`, 'Người được mời không tồn tại hoặc đã ngừng hoạt động');
    });
  }
  await Promise.all(input.participantAgencyIds.map((aid, i) => agencyOrFieldError(ctx, aid, `participantAgencyIds.${i}`)));
  const online = input.kind === 'online_conference';
  let sites = [...new Set(input.siteAgencyIds)];
  if (!online && (sites.length || input.allCommunes)) throw fieldError('siteAgencyIds', 'Chỉ hội nghị trực tuyến mới có điểm cầu');
  if (input.allCommunes) sites = await allCommuneIds(ctx);
  else {
    const found = await Promise.all(sites.map((aid, i) => agencyOrFieldError(ctx, aid, `siteAgencyIds.${i}`)));
    found.forEach((a, i) => {
      if (!(SITE_AGENCY_TYPES as readonly string[]).includes(a.type)) throw fieldError(`siteAgencyIds.${i}`, `${a.name} không phải UBND xã, phường, đặc khu`);
    });
  }
  return { chair, sites };
}

function participantRows(tenantId: string, meetingId: string, input: Pick<PartyInput, 'participantUserIds' | 'participantAgencyIds' | 'secretaryUserIds' | 'chairUserId'>) {
  const secretaries = new Set(input.secretaryUserIds);
  const userIds = [...new Set([...input.participantUserIds, ...input.secretaryUserIds])].filter((u) => u !== input.chairUserId);
  return [
    ...userIds.map((userId) => ({ id: newId(), tenantId, meetingId, userId, role: secretaries.has(userId) ? 'secretary' : 'participant' })),
    ...[...new Set(input.participantAgencyIds)].map((agencyId) => ({ id: newId(), tenantId, meetingId, agencyId, role: 'participant' })),
  ];
}

/** The room must be free: another non-cancelled meeting there at an overlapping time is refused (409). */
async function checkRoom(ctx: ServiceContext, tx: Db, roomId: string, startsAt: Date, endsAt: Date, exceptId?: string) {
  const room = await repo.lockRoom(tx, ctx.actor.tenantId, roomId);
  if (!room || !room.active) throw fieldError('roomId', 'Phòng họp không có hoặc đã ngừng sử dụng');
  const [other] = await repo.findOverlapping(tx, ctx.actor.tenantId, { startsAt, endsAt, roomId, ...(exceptId ? { exceptId } : {}) });
  if (other) throw new DomainError('CONFLICT', `${room.name} đã được đặt cho cuộc họp "${other.title}" (${timeRange(other.startsAt, other.endsAt)})`, { errors: [{ path: 'roomId', message: `Trùng cuộc họp "${other.title}"` }] });
  return room;
}

/** The chair already chairs another meeting then: shown as a warning, the meeting is still made. */
async function chairWarnings(ctx: ServiceContext, tx: Db, chairUserId: string, chairName: string, startsAt: Date, endsAt: Date, exceptId?: string) {
  const others = await repo.findOverlapping(tx, ctx.actor.tenantId, { startsAt, endsAt, chairUserId, ...(exceptId ? { exceptId } : {}) });
  return others.filter((o) => o.chairUserId === chairUserId).map((o) => `${chairName} đã chủ trì cuộc họp "${o.title}" (${timeRange(o.startsAt, o.endsAt)})`);
}

function organizerFor(ctx: ServiceContext, requested: string | undefined) {
  const scope = requirePermission(ctx.actor, 'meeting.manage');
  const id = requested ?? ctx.actor.agencyId;
  if (id !== ctx.actor.agencyId && scope !== 'tenant') throw new DomainError('FORBIDDEN', 'Bạn chỉ tổ chức cuộc họp cho cơ quan mình');
  return id;
}

export async function createMeeting(ctx: ServiceContext, input: In<typeof CreateMeetingRequest>) {
  const organizerAgencyId = organizerFor(ctx, input.organizerAgencyId);
  if (!input.roomId && !input.place) throw fieldError('roomId', 'Chọn phòng họp hoặc nhập địa điểm');
  const organizer = await agencyOrFieldError(ctx, organizerAgencyId, 'organizerAgencyId');
  const { chair, sites } = await checkParties(ctx, input);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const id = newId();
  const warnings = await ctx.db.transaction(async (tx) => {
    if (input.roomId) await checkRoom(ctx, tx, input.roomId, startsAt, endsAt);
    const warn = await chairWarnings(ctx, tx, chair.id, chair.fullName, startsAt, endsAt);
    await repo.insertMeeting(tx, {
      id,
      tenantId: ctx.actor.tenantId,
      kind: input.kind,
      title: input.title,
      organizerAgencyId: organizer.id,
      chairUserId: chair.id,
      chairName: chair.fullName,
      startsAt,
      endsAt,
      roomId: input.roomId ?? null,
      place: input.place ?? null,
      agenda: input.agenda as AgendaItem[],
      onlineRoom: input.kind === 'online_conference' ? newRoomName() : null,
      state: 'planned',
      createdBy: ctx.actor.userId,
    });
    await repo.insertParticipants(tx, participantRows(ctx.actor.tenantId, id, input));
    await repo.replaceSites(tx, ctx.actor.tenantId, id, sites);
    // the people named (not the agencies and sites: their clerks receive the invitation document)
    const invited = [chair.id, ...input.participantUserIds, ...input.secretaryUserIds].filter((u) => u !== ctx.actor.userId);
    await notify(tx, {
      tenantId: ctx.actor.tenantId,
      userIds: invited,
      kind: 'meeting.invited',
      title: `Mời họp: ${input.title}`,
      body: `${timeRange(startsAt, endsAt)}. Chủ trì: ${chair.fullName}.`,
      link: `/hop/${id}`,
      entityType: 'meeting',
      entityId: id,
      dedupeKey: `meeting.invited:${id}`,
    });
    await audit(ctx, tx, {
      action: 'meeting.created',
      entityType: 'meeting',
      entityId: id,
      first: true,
      summary: `Tạo cuộc họp "${input.title}" (${timeRange(startsAt, endsAt)}), chủ trì ${chair.fullName}`,
      after: { kind: input.kind, startsAt: input.startsAt, endsAt: input.endsAt, roomId: input.roomId ?? null, chairUserId: chair.id, participants: input.participantUserIds.length + input.participantAgencyIds.length, sites: sites.length },
    });
    return warn;
  });
  return { ...(await getMeeting(ctx, id)), warnings };
}

export async function updateMeeting(ctx: ServiceContext, id: string, input: In<typeof UpdateMeetingRequest>) {
  requirePermission(ctx.actor, 'meeting.manage');
  const warnings = await ctx.db.transaction(async (tx) => {
    const sub = { ...ctx, db: tx };
    const m = await organizerMeeting(sub, tx, id, ['planned'], 'Chỉ sửa được cuộc họp chưa diễn ra, chưa hủy');
    const kind = input.kind ?? m.kind;
    const startsAt = input.startsAt ? new Date(input.startsAt) : m.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : m.endsAt;
    if (endsAt <= startsAt) throw fieldError('endsAt', 'Giờ kết thúc phải sau giờ bắt đầu');
    const roomId = input.roomId === undefined ? m.roomId : input.roomId;
    const place = input.place === undefined ? (input.roomId ? null : m.place) : input.place;
    if (!roomId && !place) throw fieldError('roomId', 'Chọn phòng họp hoặc nhập địa điểm');
    const organizerAgencyId = input.organizerAgencyId ? organizerFor(ctx, input.organizerAgencyId) : m.organizerAgencyId;
    const participants = await repo.getParticipants(tx, ctx.actor.tenantId, id);
    const currentSites = (await repo.getSites(tx, ctx.actor.tenantId, id)).map((s) => s.agencyId);
    const parties = {
      kind,
      chairUserId: input.chairUserId ?? m.chairUserId,
      participantUserIds: input.participantUserIds ?? participants.filter((p) => p.userId && p.role !== 'secretary').map((p) => p.userId!),
      secretaryUserIds: input.secretaryUserIds ?? participants.filter((p) => p.userId && p.role === 'secretary').map((p) => p.userId!),
      participantAgencyIds: input.participantAgencyIds ?? participants.filter((p) => p.agencyId).map((p) => p.agencyId!),
      siteAgencyIds: kind === 'online_conference' ? (input.siteAgencyIds ?? currentSites) : [],
      allCommunes: kind === 'online_conference' && (input.allCommunes ?? false),
    };
    const { chair, sites } = await checkParties(sub, parties);
    if (roomId) await checkRoom(sub, tx, roomId, startsAt, endsAt, id);
    const warn = await chairWarnings(sub, tx, chair.id, chair.fullName, startsAt, endsAt, id);
    await repo.updateMeeting(tx, ctx.actor.tenantId, id, {
      kind,
      title: input.title ?? m.title,
      organizerAgencyId,
      chairUserId: chair.id,
      chairName: chair.fullName,
      startsAt,
      endsAt,
      roomId,
      place: roomId ? null : place,
      agenda: (input.agenda as AgendaItem[] | undefined) ?? m.agenda,
      onlineRoom: kind === 'online_conference' ? (m.onlineRoom ?? newRoomName()) : m.onlineRoom,
    });
    if (input.participantUserIds || input.secretaryUserIds || input.participantAgencyIds || input.chairUserId) {
      await repo.deleteParticipants(tx, ctx.actor.tenantId, id);
      await repo.insertParticipants(tx, participantRows(ctx.actor.tenantId, id, parties));
    }
    await repo.replaceSites(tx, ctx.actor.tenantId, id, sites);
    await audit(ctx, tx, {
      action: 'meeting.updated',
      entityType: 'meeting',
      entityId: id,
      summary: `Sửa cuộc họp "${input.title ?? m.title}" (${timeRange(startsAt, endsAt)})`,
      before: { startsAt: m.startsAt.toISOString(), endsAt: m.endsAt.toISOString(), roomId: m.roomId, chairUserId: m.chairUserId },
      after: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), roomId, chairUserId: chair.id },
    });
    return warn;
  });
  return { ...(await getMeeting(ctx, id)), warnings };
}

export async function cancelMeeting(ctx: ServiceContext, id: string, reason: string) {
  await ctx.db.transaction(async (tx) => {
    const m = await organizerMeeting({ ...ctx, db: tx }, tx, id, ['planned'], 'Chỉ hoãn, hủy được cuộc họp chưa diễn ra');
    await repo.updateMeeting(tx, ctx.actor.tenantId, id, { state: 'cancelled', cancelReason: reason });
    await audit(ctx, tx, { action: 'meeting.cancelled', entityType: 'meeting', entityId: id, summary: `Hủy cuộc họp "${m.title}": ${reason}`, before: { state: m.state }, after: { state: 'cancelled', reason } });
  });
  return getMeeting(ctx, id);
}

/** The meeting took place; only once it has started (`now` is the clock, for tests). */
export async function markMeetingHeld(ctx: ServiceContext, id: string, now: Date = new Date()) {
  await ctx.db.transaction(async (tx) => {
    const m = await organizerMeeting({ ...ctx, db: tx }, tx, id, ['planned'], 'Cuộc họp đã diễn ra hoặc đã bị hủy');
    if (m.startsAt > now) throw invalidState('Cuộc họp chưa đến giờ bắt đầu');
    await repo.updateMeeting(tx, ctx.actor.tenantId, id, { state: 'held' });
    await audit(ctx, tx, { action: 'meeting.held', entityType: 'meeting', entityId: id, summary: `Ghi nhận đã họp: "${m.title}"`, before: { state: m.state }, after: { state: 'held' } });
  });
  return getMeeting(ctx, id);
}

export function toMeetingSummary(m: repo.MeetingListRow) {
  return {
    id: m.id,
    kind: m.kind,
    title: m.title,
    state: m.state,
    chairUserId: m.chairUserId,
    chairName: m.chairName,
    organizerAgencyId: m.organizerAgencyId,
    organizerAgencyName: m.organizerAgencyName,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    roomId: m.roomId,
    roomName: m.roomName ? `${m.roomName} – ${m.roomLocation}` : null,
    place: m.place,
    online: m.onlineRoom !== null,
    siteCount: m.siteCount,
  };
}

export async function listMeetings(ctx: ServiceContext, q: In<typeof MeetingListQuery>) {
  const { items, total } = await repo.findMeetings(ctx.db, visibilityOf(ctx.actor), {
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    kind: q.kind,
    state: q.state,
    mine: q.mine === 'true',
    q: q.q,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: items.map(toMeetingSummary), total };
}

/** Everything the meeting page shows, with what the actor may do now. */
export async function getMeeting(ctx: ServiceContext, id: string) {
  const m = await visibleMeeting(ctx, id);
  const t = ctx.actor.tenantId;
  const [participants, sites, documents, conclusion, tasks] = await Promise.all([
    repo.getParticipants(ctx.db, t, id),
    repo.getSites(ctx.db, t, id),
    repo.getDocuments(ctx.db, t, id),
    repo.getConclusion(ctx.db, t, id),
    listMeetingTasks(ctx, id),
  ]);
  const org = organizes(ctx.actor, m);
  const secretary = participants.some((p) => p.userId === ctx.actor.userId && p.role === 'secretary');
  const seesReaders = org || secretary || scopeOf(ctx.actor, 'task.assign') !== null;
  return {
    ...toMeetingSummary(m),
    agenda: m.agenda,
    cancelReason: m.cancelReason,
    // the drafts are the organizer's documents; invitees receive them once issued, in their incoming documents
    invitationDocumentId: org ? m.invitationDocumentId : null,
    createdByName: m.createdByName,
    participants: participants.map((p) => ({
      id: p.id,
      userId: p.userId,
      agencyId: p.agencyId,
      name: p.userName ?? p.agencyName ?? '',
      detail: p.userId ? [p.positionName, p.personAgencyName].filter(Boolean).join(', ') || null : null,
      role: p.role,
      attendance: p.attendance,
      attendanceNote: p.attendanceNote,
    })),
    sites: sites.map((s) => ({ agencyId: s.agencyId, name: s.name, state: s.state, connectedAt: s.connectedAt?.toISOString() ?? null, attendees: s.attendees, note: s.note, canRecord: m.state !== 'cancelled' && (org || s.agencyId === ctx.actor.agencyId) })),
    documents: documents.map((d) => ({
      id: d.id,
      title: d.title,
      fileId: d.fileId,
      fileName: d.fileName,
      mime: d.mime,
      size: d.size,
      addedByName: d.addedByName,
      addedAt: d.addedAt.toISOString(),
      readCount: d.reads.length,
      readByMe: d.reads.some((r) => r.userId === ctx.actor.userId),
      // who came prepared is the organizer's business; others see only the count
      readers: seesReaders ? d.reads.map((r) => ({ name: r.name, readAt: r.readAt.toISOString() })) : [],
    })),
    conclusion: conclusion ? { summary: conclusion.summary, noticeDocumentId: org ? conclusion.noticeDocumentId : null, recordedByName: conclusion.recordedByName, recordedAt: conclusion.recordedAt.toISOString() } : null,
    tasks,
    actions: meetingActions(ctx.actor, { ...m, online: m.onlineRoom !== null, hasConclusion: conclusion !== null, hasInvitation: m.invitationDocumentId !== null }, secretary),
  };
}
