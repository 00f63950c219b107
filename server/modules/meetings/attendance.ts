import type { z } from 'zod';
import { audit } from '../../platform/audit/service.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/http/errors.js';
import { joinLink, type JitsiSettings } from './jitsi.js';
import { organizes, visibilityOf } from './policy.js';
import * as repo from './repo.js';
import type { AttendanceRequest, SiteConnectionRequest } from './schemas.js';
import { fieldError, getMeeting, meetingNotFound, visibleMeeting } from './service.js';

type In<T extends z.ZodType> = z.output<T>;

const ATTENDANCE_LABEL = { present: 'có mặt', absent: 'vắng', excused: 'vắng có lý do' } as const;

/** The organizer or the meeting's secretary records who came: per person, and who came for each agency. */
export async function recordAttendance(ctx: ServiceContext, id: string, input: In<typeof AttendanceRequest>, now: Date = new Date()) {
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.isVisible(tx, visibilityOf(ctx.actor), id))) throw meetingNotFound();
    const m = await repo.lockMeeting(tx, ctx.actor.tenantId, id);
    if (!m) throw meetingNotFound();
    const participants = await repo.getParticipants(tx, ctx.actor.tenantId, id);
    const secretary = participants.some((p) => p.userId === ctx.actor.userId && p.role === 'secretary');
    if (!organizes(ctx.actor, m) && !secretary) throw new DomainError('FORBIDDEN', 'Chỉ cơ quan tổ chức hoặc thư ký cuộc họp được điểm danh');
    if (m.state === 'cancelled') throw new DomainError('INVALID_STATE', 'Cuộc họp đã bị hủy');
    const seen = new Set<string>();
    input.entries.forEach((e, i) => {
      if (!participants.some((p) => p.id === e.participantId)) throw fieldError(`entries.${i}.participantId`, 'Người, cơ quan này không có trong danh sách mời');
      if (seen.has(e.participantId)) throw fieldError(`entries.${i}.participantId`, 'Điểm danh trùng');
      seen.add(e.participantId);
    });
    for (const e of input.entries) await repo.setAttendance(tx, ctx.actor.tenantId, id, e.participantId, { attendance: e.attendance, attendanceNote: e.note ?? null, recordedAt: now });
    const counts = Object.entries(ATTENDANCE_LABEL).map(([k, label]) => `${input.entries.filter((e) => e.attendance === k).length} ${label}`);
    await audit(ctx, tx, { action: 'meeting.attendance_recorded', entityType: 'meeting', entityId: id, summary: `Điểm danh cuộc họp "${m.title}": ${counts.join(', ')}`, after: { entries: input.entries } });
  });
  return getMeeting(ctx, id);
}

/** A site's connection: the organizer records any site, a commune's own staff record their own. */
export async function recordSiteConnection(ctx: ServiceContext, id: string, agencyId: string, input: In<typeof SiteConnectionRequest>, now: Date = new Date()) {
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.isVisible(tx, visibilityOf(ctx.actor), id))) throw meetingNotFound();
    const m = await repo.lockMeeting(tx, ctx.actor.tenantId, id);
    if (!m) throw meetingNotFound();
    const site = (await repo.getSites(tx, ctx.actor.tenantId, id)).find((s) => s.agencyId === agencyId);
    if (!site) throw new DomainError('NOT_FOUND', 'Cuộc họp không có điểm cầu này');
    if (!organizes(ctx.actor, m) && ctx.actor.agencyId !== agencyId) throw new DomainError('FORBIDDEN', 'Chỉ cơ quan tổ chức hoặc chính điểm cầu được ghi nhận kết nối');
    if (m.state === 'cancelled') throw new DomainError('INVALID_STATE', 'Cuộc họp đã bị hủy');
    const connected = input.state === 'connected';
    await repo.updateSite(tx, ctx.actor.tenantId, id, agencyId, { state: input.state, connectedAt: connected ? (site.connectedAt ?? now) : null, attendees: connected ? (input.attendees ?? null) : null, note: input.note ?? null });
    await audit(ctx, tx, {
      action: 'meeting.site_recorded',
      entityType: 'meeting',
      entityId: id,
      summary: `${site.name}: ${connected ? `đã kết nối${input.attendees !== undefined ? `, ${input.attendees} người dự` : ''}` : 'không kết nối được'} — "${m.title}"`,
      before: { state: site.state, attendees: site.attendees },
      after: { agencyId, ...input },
    });
  });
  return getMeeting(ctx, id);
}

/** The Jitsi link for this user, only to those who may see the meeting; a token per user when configured. */
export async function getMeetingJoinLink(ctx: ServiceContext, settings: JitsiSettings, id: string) {
  const m = await visibleMeeting(ctx, id);
  if (!m.onlineRoom) throw new DomainError('BAD_REQUEST', 'Cuộc họp này không họp trực tuyến');
  if (m.state === 'cancelled') throw new DomainError('INVALID_STATE', 'Cuộc họp đã bị hủy');
  const me = await repo.personTitle(ctx.db, ctx.actor.tenantId, ctx.actor.userId);
  const link = await joinLink(settings, m.onlineRoom, { name: ctx.actor.fullName, email: me?.email ?? null }, m.endsAt);
  return { url: link.url, room: m.onlineRoom, expiresAt: link.expiresAt?.toISOString() ?? null };
}
