import ical, { ICalCalendarMethod } from 'ical-generator';
import type { AnonymousContext } from '../../platform/context.js';
import { addDays, vietnamDate } from '../../platform/calendar/date-only.js';
import { formatVnDate } from '../../platform/calendar/service.js';
import { DomainError } from '../../platform/http/errors.js';
import { mondayOf, weekDays, weekWindow } from './schedule-rules.js';
import * as repo from './schedule-repo.js';
import { normalizeWeek, vnTime } from './schedule-service.js';

const TZ = 'Asia/Ho_Chi_Minh';
/** The feed covers the last 4 weeks and the next 8 (calendar apps keep what they fetched before). */
const FEED_WEEKS_BACK = 4;
const FEED_WEEKS_AHEAD = 8;

async function tenantOf(ctx: AnonymousContext, code: string) {
  const tenant = await repo.tenantByCode(ctx.db, code);
  if (!tenant) throw new DomainError('NOT_FOUND', 'Không tìm thấy tỉnh, thành phố này');
  return tenant;
}

const placeOf = (e: repo.EntryRow) => (e.roomName ? [e.roomName, e.roomLocation].filter(Boolean).join(', ') : e.place);

/** A published week as anyone may read it (no login): no conflicts, no internal ids. */
export async function getPublicWeeklySchedule(ctx: AnonymousContext, code: string, date: string) {
  const tenant = await tenantOf(ctx, code);
  const weekStart = normalizeWeek(date);
  const week = await repo.getWeek(ctx.db, tenant.id, weekStart);
  if (!week || week.state !== 'published') throw new DomainError('NOT_FOUND', `Lịch công tác tuần ${formatVnDate(weekStart)} – ${formatVnDate(addDays(weekStart, 6))} chưa được công bố`);
  const { from, to } = weekWindow(weekStart);
  const entries = (await repo.findEntries(ctx.db, tenant.id, from, to)).map((e) => ({
    id: e.id,
    day: vietnamDate(e.startsAt),
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    leaders: e.leaders,
    content: e.content,
    roomName: e.roomName,
    place: placeOf(e),
    preparingAgencyName: e.preparingAgencyName,
    participants: e.participants,
    adjusted: Boolean(week.publishedAt && e.updatedAt > week.publishedAt),
  }));
  return {
    tenantName: tenant.name,
    weekStart,
    weekEnd: addDays(weekStart, 6),
    revision: week.revision,
    publishedAt: week.publishedAt?.toISOString() ?? null,
    days: weekDays(weekStart).map((d) => ({ date: d, entries: entries.filter((e) => e.day === d) })),
  };
}

/** Vietnam keeps UTC+7 all year, so its VTIMEZONE is one fixed STANDARD rule. */
const VTIMEZONE = ['BEGIN:VTIMEZONE', `TZID:${TZ}`, `X-LIC-LOCATION:${TZ}`, 'BEGIN:STANDARD', 'TZOFFSETFROM:+0700', 'TZOFFSETTO:+0700', 'TZNAME:+07', 'DTSTART:19700101T000000', 'END:STANDARD', 'END:VTIMEZONE'].join('\r\n');

/** "20261130T083000": the wall-clock time in Vietnam, written with TZID (ical-generator would use the process's zone). */
const localStamp = (at: Date) => {
  const d = vietnamDate(at).replaceAll('-', '');
  return `${d}T${vnTime(at).replace(':', '')}00`;
};

/**
 * The published schedule as iCalendar (RFC 5545): one VEVENT per entry, UID stable per entry, SEQUENCE the
 * week's revision (a calendar app replaces its copy when it rises), LAST-MODIFIED the entry's last change.
 * `baseUrl` is where the public page lives (PUBLIC_URL, or the address the request came to).
 */
export async function buildScheduleFeed(ctx: AnonymousContext, code: string, opts: { leaderId?: string | undefined; now: Date; baseUrl: string }) {
  const tenant = await tenantOf(ctx, code);
  const monday = mondayOf(vietnamDate(opts.now));
  const from = weekWindow(addDays(monday, -7 * FEED_WEEKS_BACK)).from;
  const to = weekWindow(addDays(monday, 7 * FEED_WEEKS_AHEAD)).to;
  const entries = await repo.findPublishedEntries(ctx.db, tenant.id, from, to, opts.leaderId);
  const host = new URL(opts.baseUrl).hostname;
  const cal = ical({ name: `Lịch công tác lãnh đạo ${tenant.name}`, prodId: { company: 'Văn phòng số', product: 'Lịch công tác', language: 'VI' }, method: ICalCalendarMethod.PUBLISH, ttl: 3600, x: { 'X-WR-TIMEZONE': TZ } });
  for (const e of entries) {
    const leaders = e.leaders.map((l) => (l.positionName ? `${l.fullName} (${l.positionName})` : l.fullName)).join(', ');
    const description = [
      leaders && `Lãnh đạo: ${leaders}`,
      e.preparingAgencyName && `Cơ quan chuẩn bị: ${e.preparingAgencyName}`,
      e.participants && `Thành phần: ${e.participants}`,
      e.publishedAt && e.updatedAt > e.publishedAt ? 'Điều chỉnh sau khi công bố' : null,
    ]
      .filter(Boolean)
      .join('\n');
    cal.createEvent({
      id: `${e.id}@${host}`,
      sequence: e.revision,
      stamp: opts.now,
      lastModified: e.updatedAt,
      created: e.createdAt,
      start: e.startsAt,
      end: e.endsAt,
      summary: leaders ? `${e.content} – ${e.leaders.map((l) => l.fullName).join(', ')}` : e.content,
      description,
      location: placeOf(e),
      url: `${opts.baseUrl}/cong-khai/lich-cong-tac/${tenant.code}?tuan=${mondayOf(vietnamDate(e.startsAt))}`,
    });
  }
  // DTSTART/DTEND in Vietnam wall-clock time with TZID, the zone defined once before the events.
  const text = cal
    .toString()
    .replace(/^(DTSTART|DTEND):(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z(?=\r?\n)/gm, (_, prop: string, y: string, mo: string, d: string, h: string, mi: string, sec: string) => `${prop};TZID=${TZ}:${localStamp(new Date(`${y}-${mo}-${d}T${h}:${mi}:${sec}Z`))}`);
  const at = text.search(/BEGIN:VEVENT|END:VCALENDAR/);
  return `${text.slice(0, at)}${VTIMEZONE}\r\n${text.slice(at)}`;
}
