import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { auditEntries } from '../../platform/audit/tables.js';
import { addDays, vietnamDate } from '../../platform/calendar/date-only.js';
import { mondayOf } from './schedule-rules.js';
import { meetings, rooms, scheduleEntries } from './tables.js';

let t: TestApp;
let specialist: Session; // chuyenvien: the Office's specialist drafts the schedule
let leader: Session; // lanhdao: Vice-Chairman, approves
let officeLeader: Session; // chanhvanphong
let deptClerk: Session; // vanthuso: a department's clerk — not the Office
let commune: Session; // xa: reads only
let otherTenant: Session;

// Weeks far enough ahead that the demo schedule (this week and next) is not in them, but inside the feed's 8 weeks.
const WEEK = addDays(mondayOf(vietnamDate(new Date())), 21);
const at = (day: number, hm: string) => `${addDays(WEEK, day)}T${hm}:00+07:00`;
const post = (s: Session | null, url: string, payload: object = {}) => t.as(s, { method: 'POST', url, payload });
const week = async (s: Session, date = WEEK) => {
  const res = await t.as(s, { method: 'GET', url: `/api/schedule/weeks/${date}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Week;
};
const entryCount = async () => (await t.database.db.select({ n: count() }).from(scheduleEntries))[0]!.n;

interface Entry {
  id: string;
  day: string;
  content: string;
  adjusted: boolean;
  place: string | null;
  leaders: { id: string; fullName: string }[];
  conflicts: { kind: string; message: string }[];
}
interface Week {
  weekStart: string;
  state: string;
  revision: number;
  conflictCount: number;
  days: { date: string; entries: Entry[] }[];
  actions: string[];
}
const entries = (w: Week) => w.days.flatMap((d) => d.entries);

async function addEntry(s: Session, body: Record<string, unknown>) {
  const res = await post(s, '/api/schedule/entries', { leaderIds: [leader.user.id], content: 'Họp giao ban', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { entry: Entry; week: Week };
}

let roomId = '';

beforeAll(async () => {
  t = await createTestApp();
  [specialist, leader, officeLeader, deptClerk, commune, otherTenant] = (await Promise.all(['chuyenvien', 'lanhdao', 'chanhvanphong', 'vanthuso', 'xa', 'tn.chuyenvien'].map((u) => t.login(u)))) as [Session, Session, Session, Session, Session, Session];
  const db = t.database.db;
  const tenantId = leader.user.tenant.id;
  roomId = '01900000-0000-7000-8000-0000000000a1';
  await db.insert(rooms).values({ id: roomId, tenantId, agencyId: specialist.user.agency.id, location: 'Thử nghiệm lịch – cơ sở 9', name: 'Phòng họp thử 9', capacity: 40 });
  // a meeting in the meetings table holding the room on Tuesday morning
  await db.insert(meetings).values({ tenantId, kind: 'conference', title: 'Hội nghị triển khai thử', organizerAgencyId: specialist.user.agency.id, chairUserId: officeLeader.user.id, chairName: 'Phạm Thanh Hải', startsAt: new Date(at(1, '08:00')), endsAt: new Date(at(1, '10:00')), roomId, createdBy: specialist.user.id });
});
afterAll(() => t.close());

describe('weekly schedule', () => {
  it('normalizes any day to its Monday; an empty week is a draft with seven days', async () => {
    const w = await week(specialist, addDays(WEEK, 4));
    expect(w).toMatchObject({ weekStart: WEEK, state: 'draft', revision: 0, conflictCount: 0 });
    expect(w.days.map((d) => d.date)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => addDays(WEEK, i)));
    expect(w.actions).toEqual(['edit']);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const before = await entryCount();
    for (const body of [
      { startsAt: at(0, '10:00'), endsAt: at(0, '09:00') },
      { startsAt: at(0, '08:00'), endsAt: at(0, '09:00'), leaderIds: [specialist.user.id] },
      { startsAt: at(0, '08:00'), endsAt: at(0, '09:00'), roomId, place: 'Hội trường' },
      { startsAt: '2030-01-01', endsAt: at(0, '09:00') },
    ]) {
      const res = await post(specialist, '/api/schedule/entries', { leaderIds: [leader.user.id], content: 'Thử', ...body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.length).toBeGreaterThan(0);
    }
    expect(await entryCount()).toBe(before);
  });

  it('only the People’s Committee and the Office draft it', async () => {
    expect((await post(deptClerk, '/api/schedule/entries', { leaderIds: [leader.user.id], content: 'Thử', startsAt: at(0, '08:00'), endsAt: at(0, '09:00') })).statusCode).toBe(403);
    expect((await post(commune, '/api/schedule/entries', { leaderIds: [leader.user.id], content: 'Thử', startsAt: at(0, '08:00'), endsAt: at(0, '09:00') })).statusCode).toBe(403);
    expect((await post(otherTenant, '/api/schedule/entries', { leaderIds: [leader.user.id], content: 'Thử', startsAt: at(0, '08:00'), endsAt: at(0, '09:00') })).statusCode).toBe(403);
  });

  it('flags a leader in two overlapping entries and a room booked by a meeting', async () => {
    const a = await addEntry(specialist, { startsAt: at(0, '08:00'), endsAt: at(0, '10:00'), content: 'Họp UBND tỉnh thường kỳ' });
    expect(a.entry.conflicts).toEqual([]);
    const b = await addEntry(specialist, { startsAt: at(0, '09:30'), endsAt: at(0, '11:00'), content: 'Tiếp công dân định kỳ', leaderIds: [leader.user.id, officeLeader.user.id] });
    expect(b.entry.conflicts).toEqual([{ kind: 'leader', message: expect.stringContaining('Lê Minh Đức trùng lịch với "Họp UBND tỉnh thường kỳ"') }]);
    const c = await addEntry(specialist, { startsAt: at(1, '09:00'), endsAt: at(1, '11:00'), content: 'Làm việc với Sở Xây dựng', roomId, leaderIds: [officeLeader.user.id] });
    expect(c.entry.conflicts.map((x) => x.kind).sort()).toEqual(['leader_meeting', 'room_meeting']);
    expect(c.entry.place).toBe('Phòng họp thử 9, Thử nghiệm lịch – cơ sở 9');
    const w = await week(specialist);
    expect(w.conflictCount).toBe(3);
    expect(entries(w).find((e) => e.id === a.entry.id)!.conflicts).toHaveLength(1);
    // the schedule is drafted by the Office: a commune reads nothing until it is published
    expect(entries(await week(commune))).toEqual([]);
  });

  it('moves draft → approved → published by the table, 409 for anything else', async () => {
    expect((await post(specialist, `/api/schedule/weeks/${WEEK}/approve`)).statusCode).toBe(403);
    expect((await post(specialist, `/api/schedule/weeks/${WEEK}/publish`)).statusCode).toBe(409);
    const approved = await post(leader, `/api/schedule/weeks/${addDays(WEEK, 2)}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', actions: ['edit', 'publish'] });
    expect((await post(leader, `/api/schedule/weeks/${WEEK}/approve`)).json()).toMatchObject({ code: 'INVALID_STATE' });
    expect((await post(leader, `/api/schedule/weeks/${addDays(WEEK, 7)}/approve`)).statusCode).toBe(409);

    // an edit after approval sends it back to the leader
    const first = entries(await week(specialist))[0]!;
    const edited = await t.as(specialist, { method: 'PATCH', url: `/api/schedule/entries/${first.id}`, payload: { endsAt: at(0, '09:00') } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().week).toMatchObject({ state: 'draft', revision: 0 });
    expect(edited.json().entry.conflicts).toEqual([]);
    expect((await post(leader, `/api/schedule/weeks/${WEEK}/approve`)).statusCode).toBe(200);
    const published = await post(specialist, `/api/schedule/weeks/${WEEK}/publish`);
    expect(published.json()).toMatchObject({ state: 'published', revision: 0, actions: ['edit'] });
    expect((await post(specialist, `/api/schedule/weeks/${WEEK}/publish`)).statusCode).toBe(409);
  });

  it('an edit after publication keeps it published, raises the revision, marks the entry and audits the change', async () => {
    const target = entries(await week(specialist)).find((e) => e.content === 'Tiếp công dân định kỳ')!;
    const res = await t.as(specialist, { method: 'PATCH', url: `/api/schedule/entries/${target.id}`, payload: { startsAt: at(0, '14:00'), endsAt: at(0, '16:00'), place: 'Trụ sở Tiếp công dân tỉnh' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().week).toMatchObject({ state: 'published', revision: 1 });
    expect(res.json().entry).toMatchObject({ adjusted: true, place: 'Trụ sở Tiếp công dân tỉnh' });
    expect(entries(await week(commune)).map((e) => e.adjusted).filter(Boolean)).toHaveLength(1);
    const weekEntries = await t.database.db.select().from(auditEntries).where(and(eq(auditEntries.entityType, 'schedule_week'), eq(auditEntries.action, 'schedule.entry_changed'))).orderBy(asc(auditEntries.seq));
    const last = weekEntries.at(-1)!;
    expect(last.summary).toContain('điều chỉnh lần 1');
    expect(last.before).toMatchObject({ entryId: target.id, startsAt: new Date(at(0, '09:30')).toISOString() });
    expect(last.after).toMatchObject({ entryId: target.id, startsAt: new Date(at(0, '14:00')).toISOString(), weekState: 'published', revision: 1 });
    // moving to another week is refused and changes nothing
    const moved = await t.as(specialist, { method: 'PATCH', url: `/api/schedule/entries/${target.id}`, payload: { startsAt: at(7, '08:00'), endsAt: at(7, '09:00') } });
    expect(moved.statusCode).toBe(400);
    expect((await week(specialist)).revision).toBe(1);
  });

  it('is shown without login only once published, and as an iCalendar feed', async () => {
    const draft = await t.app.inject({ method: 'GET', url: `/api/public/schedule/an-giang/weeks/${addDays(WEEK, 7)}` });
    expect(draft.statusCode).toBe(404);
    expect(draft.json().detail).toMatch(/chưa được công bố/);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/schedule/khong-co/weeks/${WEEK}` })).statusCode).toBe(404);
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/schedule/an-giang/weeks/${addDays(WEEK, 3)}` });
    expect(pub.statusCode, pub.body).toBe(200);
    const body = pub.json();
    expect(body).toMatchObject({ weekStart: WEEK, revision: 1 });
    expect(body.days[0].entries.map((e: Entry) => e.content)).toEqual(['Họp UBND tỉnh thường kỳ', 'Tiếp công dân định kỳ']);
    expect(body.days[0].entries[0]).not.toHaveProperty('conflicts');

    const ics = await t.app.inject({ method: 'GET', url: '/api/public/schedule/an-giang/calendar.ics' });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const events = ics.body.split('BEGIN:VEVENT').slice(1).map((chunk) => Object.fromEntries(chunk.split(/\r\n/).filter((l) => /^[A-Z-]+[;:]/.test(l)).map((l) => [l.split(/[;:]/)[0], l.slice(l.indexOf(':') + 1)])));
    const ours = events.filter((e) => String(e['DTSTART']).startsWith(WEEK.replaceAll('-', '')) || String(e['DTSTART']).startsWith(addDays(WEEK, 1).replaceAll('-', '')));
    expect(ours).toHaveLength(3);
    const moved = entries(await week(specialist)).find((e) => e.content === 'Tiếp công dân định kỳ')!;
    const ev = ours.find((e) => e['UID'] === `${moved.id}@localhost`)!;
    expect(ev['SEQUENCE']).toBe('1');
    expect(ev['DTSTART']).toBe(`${WEEK.replaceAll('-', '')}T140000`);
    expect(ics.body).toContain(`DTSTART;TZID=Asia/Ho_Chi_Minh:${WEEK.replaceAll('-', '')}T140000`);
    expect(ics.body).toContain('BEGIN:VTIMEZONE');
    expect(ev['LAST-MODIFIED']).toMatch(/^\d{8}T\d{6}Z$/);
    const one = await t.app.inject({ method: 'GET', url: `/api/public/schedule/an-giang/calendar.ics?leader=${officeLeader.user.id}` });
    expect(one.body.split('BEGIN:VEVENT').length - 1).toBeLessThan(ics.body.split('BEGIN:VEVENT').length - 1);
    expect(one.body).toContain(moved.id);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/schedule/thu-nghiem/calendar.ics' })).body).not.toContain(moved.id);
  });

  it('the demo province has this week published and next week in draft', async () => {
    const thisWeek = mondayOf(vietnamDate(new Date()));
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/schedule/an-giang/weeks/${thisWeek}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().days.flatMap((d: { entries: unknown[] }) => d.entries).length).toBeGreaterThan(5);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/schedule/an-giang/weeks/${addDays(thisWeek, 7)}` })).statusCode).toBe(404);
    const next = await week(specialist, addDays(thisWeek, 7));
    expect(next.state).toBe('draft');
    expect(next.conflictCount).toBeGreaterThan(0);
  });

  it('keeps provinces apart', async () => {
    const other = await week(otherTenant);
    expect(entries(other)).toEqual([]);
    const target = entries(await week(specialist))[0]!;
    expect((await t.as(otherTenant, { method: 'DELETE', url: `/api/schedule/entries/${target.id}` })).statusCode).toBe(403);
    const tnAdmin = await t.login('tn.admin');
    expect(entries(await week(tnAdmin))).toEqual([]);
  });

  it('deleting after publication is an adjustment too', async () => {
    const target = entries(await week(specialist)).find((e) => e.content === 'Làm việc với Sở Xây dựng')!;
    const res = await t.as(specialist, { method: 'DELETE', url: `/api/schedule/entries/${target.id}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'published', revision: 2 });
    expect((await t.as(specialist, { method: 'DELETE', url: `/api/schedule/entries/${target.id}` })).statusCode).toBe(404);
  });
});
