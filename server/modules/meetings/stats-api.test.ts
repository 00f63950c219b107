import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { loadWorkCalendar } from '../../platform/calendar/service.js';
import { perWorkingDay } from './stats-service.js';
import { delegations, meetings, meetingSites } from './tables.js';

let t: TestApp;
let leader: Session;
let specialist: Session;
let commune: Session;
let otherTenant: Session;

// Monday 22/04/2030 – Friday 03/05/2030: ten weekdays, of which 30/4 and 1/5 are holidays → 8 working days.
const FROM = '2030-04-22';
const TO = '2030-05-03';
const at = (date: string, hm: string) => new Date(`${date}T${hm}:00+07:00`);

beforeAll(async () => {
  t = await createTestApp();
  [leader, specialist, commune, otherTenant] = (await Promise.all(['lanhdao', 'chuyenvien', 'xa', 'tn.admin'].map((u) => t.login(u)))) as [Session, Session, Session, Session];
  const db = t.database.db;
  const tenantId = leader.user.tenant.id;
  const base = { tenantId, organizerAgencyId: specialist.user.agency.id, chairUserId: leader.user.id, chairName: 'Lê Minh Đức', createdBy: specialist.user.id };
  const m = (n: number) => `01900000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;
  await db.insert(meetings).values([
    { ...base, id: m(1), kind: 'ubnd_session', title: 'Phiên họp UBND tỉnh tháng 4', startsAt: at('2030-04-22', '08:00'), endsAt: at('2030-04-22', '11:00'), state: 'held' },
    { ...base, id: m(2), kind: 'ubnd_session', title: 'Phiên họp chuyên đề', startsAt: at('2030-04-25', '08:00'), endsAt: at('2030-04-25', '11:00'), state: 'held' },
    { ...base, id: m(3), kind: 'conference', title: 'Hội nghị sơ kết', startsAt: at('2030-05-02', '14:00'), endsAt: at('2030-05-02', '16:00') },
    { ...base, id: m(4), kind: 'online_conference', title: 'Trực tuyến 1', startsAt: at('2030-04-23', '08:00'), endsAt: at('2030-04-23', '10:00'), onlineRoom: 'thu-stats-1', state: 'held' },
    { ...base, id: m(5), kind: 'online_conference', title: 'Trực tuyến 2', startsAt: at('2030-05-03', '08:00'), endsAt: at('2030-05-03', '10:00'), onlineRoom: 'thu-stats-2', state: 'held' },
    { ...base, id: m(6), kind: 'conference', title: 'Hội nghị bị hủy', startsAt: at('2030-04-24', '08:00'), endsAt: at('2030-04-24', '10:00'), state: 'cancelled' },
    // outside the period: the day after it ends, Vietnam time
    { ...base, id: m(7), kind: 'conference', title: 'Ngoài kỳ', startsAt: at('2030-05-04', '00:30'), endsAt: at('2030-05-04', '02:00') },
  ]);
  const communes = (await t.as(leader, { method: 'GET', url: '/api/agencies?type=commune_committee&pageSize=3' })).json().items.map((x: { id: string }) => x.id) as string[];
  await db.insert(meetingSites).values([
    { tenantId, meetingId: m(4), agencyId: communes[0]!, state: 'connected' },
    { tenantId, meetingId: m(4), agencyId: communes[1]!, state: 'connected' },
    { tenantId, meetingId: m(5), agencyId: communes[0]!, state: 'connected' },
    { tenantId, meetingId: m(5), agencyId: communes[2]!, state: 'not_connected' },
    { tenantId, meetingId: m(6), agencyId: communes[2]!, state: 'connected' },
  ]);
  const d = { tenantId, organization: 'Bộ Nội vụ', headName: 'Thứ trưởng', content: 'Làm việc', receivingLeaderId: leader.user.id, receivingLeaderName: 'Lê Minh Đức', hostAgencyId: specialist.user.agency.id, createdBy: specialist.user.id };
  await db.insert(delegations).values([
    { ...d, kind: 'central', name: 'Đoàn 1', arrivesOn: '2030-04-22', departsOn: '2030-04-22', state: 'received' },
    { ...d, kind: 'central', name: 'Đoàn 2', arrivesOn: '2030-05-03', departsOn: '2030-05-04', state: 'received' },
    { ...d, kind: 'foreign', name: 'Đoàn 3', arrivesOn: '2030-04-26', departsOn: '2030-04-27', state: 'received' },
    { ...d, kind: 'central', name: 'Đoàn 4', arrivesOn: '2030-04-29', departsOn: '2030-04-29', state: 'planned' },
    { ...d, kind: 'other_province', name: 'Đoàn 5', arrivesOn: '2030-04-24', departsOn: '2030-04-24', state: 'cancelled' },
    { ...d, kind: 'central', name: 'Đoàn ngoài kỳ', arrivesOn: '2030-05-04', departsOn: '2030-05-04', state: 'received' },
  ]);
});
afterAll(() => t.close());

describe('meeting statistics', () => {
  it('rounds the average per working day to two decimals', () => {
    expect(perWorkingDay(50, 54)).toBe(0.93);
    expect(perWorkingDay(5, 8)).toBe(0.63);
    expect(perWorkingDay(3, 0)).toBeNull();
  });

  it('counts a hand-built period with two holidays', async () => {
    const res = await t.as(leader, { method: 'GET', url: `/api/meetings/stats?from=${FROM}&to=${TO}` });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ from: FROM, to: TO, workingDays: 8 });
    expect(s.meetings).toEqual({
      total: 5,
      held: 4,
      perWorkingDay: 0.63,
      byKind: [
        { kind: 'ubnd_session', count: 2 },
        { kind: 'conference', count: 1 },
        { kind: 'working_session', count: 0 },
        { kind: 'online_conference', count: 2 },
      ],
    });
    expect(s.online).toEqual({ meetings: 2, connectedSites: 2, siteConnections: 3 });
    expect(s.delegations).toEqual({ received: 3, planned: 1, cancelled: 1, byKind: [{ kind: 'central', received: 2 }, { kind: 'foreign', received: 1 }, { kind: 'other_province', received: 0 }] });
    expect(s.tasks.total.assigned).toBe(0);
  });

  it('shows the report figures for the demo period from 1 July 2025: 50 meetings in 54 working days, every commune reached', async () => {
    const end = (await loadWorkCalendar(t.database.db, leader.user.tenant.id)).addWorkingDays('2025-07-01', 53);
    const s = (await t.as(leader, { method: 'GET', url: `/api/meetings/stats?from=2025-07-01&to=${end}` })).json();
    expect(s).toMatchObject({ workingDays: 54, meetings: { total: 50, perWorkingDay: 0.93 }, online: { connectedSites: 102 } });
    expect(s.delegations.byKind[0]).toEqual({ kind: 'central', received: 2 });
  });

  it('is for those who organize meetings or give tasks; another province sees its own zeros; 400 for a reversed period', async () => {
    expect((await t.as(commune, { method: 'GET', url: `/api/meetings/stats?from=${FROM}&to=${TO}` })).statusCode).toBe(403);
    expect((await t.as(specialist, { method: 'GET', url: `/api/meetings/stats?from=${FROM}&to=${TO}` })).json().meetings.total).toBe(5);
    expect((await t.as(otherTenant, { method: 'GET', url: `/api/meetings/stats?from=${FROM}&to=${TO}` })).statusCode).toBe(403);
    const tn = await t.login('tn.chuyenvien');
    const theirs = (await t.as(tn, { method: 'GET', url: `/api/meetings/stats?from=${FROM}&to=${TO}` })).json();
    expect(theirs).toMatchObject({ meetings: { total: 0 }, online: { meetings: 0, connectedSites: 0 }, delegations: { received: 0 } });
    expect((await t.as(leader, { method: 'GET', url: `/api/meetings/stats?from=${TO}&to=${FROM}` })).statusCode).toBe(400);
  });
});
