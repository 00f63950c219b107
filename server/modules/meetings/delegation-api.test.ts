import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { delegations } from './tables.js';

let t: TestApp;
let leader: Session;
let specialist: Session;
let deptClerk: Session;
let commune: Session;
let otherTenant: Session;

const post = (s: Session, url: string, payload: object = {}) => t.as(s, { method: 'POST', url, payload });
const rows = async () => (await t.database.db.select({ n: count() }).from(delegations))[0]!.n;
const body = () => ({
  kind: 'central',
  name: 'Đoàn công tác của Bộ Nông nghiệp và Môi trường',
  organization: 'Bộ Nông nghiệp và Môi trường',
  headName: 'Thứ trưởng Nguyễn Văn A',
  composition: 'Lãnh đạo Cục Thủy lợi, Vụ Kế hoạch',
  memberCount: 8,
  arrivesOn: '2031-03-10',
  departsOn: '2031-03-11',
  content: 'Kiểm tra công tác phòng chống hạn mặn vùng ven biển',
  receivingLeaderId: leader.user.id,
  hostAgencyId: specialist.user.agency.id,
});

beforeAll(async () => {
  t = await createTestApp();
  [leader, specialist, deptClerk, commune, otherTenant] = (await Promise.all(['lanhdao', 'chuyenvien', 'vanthuso', 'xa', 'tn.chuyenvien'].map((u) => t.login(u)))) as [Session, Session, Session, Session, Session];
});
afterAll(() => t.close());

describe('delegations', () => {
  it('refuses bad input with 400 and changes nothing; only organizers enter them', async () => {
    const before = await rows();
    for (const extra of [{ departsOn: '2031-03-09' }, { receivingLeaderId: specialist.user.id }, { hostAgencyId: deptClerk.user.agency.id }, { kind: 'tinh' }, { name: ' ' }]) {
      const res = await post(specialist, '/api/delegations', { ...body(), ...extra });
      expect(res.statusCode, res.body).toBe(400);
    }
    expect((await post(commune, '/api/delegations', body())).statusCode).toBe(403);
    expect(await rows()).toBe(before);
  });

  it('is entered, found, changed, received, and gives follow-up tasks that its page lists', async () => {
    const created = await post(specialist, '/api/delegations', body());
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json();
    expect(d).toMatchObject({ state: 'planned', receivingLeaderName: 'Lê Minh Đức', actions: ['edit', 'outcome'], tasks: [] });

    const list = await t.as(commune, { method: 'GET', url: '/api/delegations?kind=central&from=2031-03-01&to=2031-03-31&q=han man' });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: d.id }] });
    expect((await t.as(commune, { method: 'GET', url: '/api/delegations?kind=foreign&from=2031-03-01&to=2031-03-31' })).json().total).toBe(0);

    // a department's clerk organizes for its own agency only
    expect((await t.as(deptClerk, { method: 'PATCH', url: `/api/delegations/${d.id}`, payload: { memberCount: 9 } })).statusCode).toBe(403);
    const changed = await t.as(specialist, { method: 'PATCH', url: `/api/delegations/${d.id}`, payload: { memberCount: 10, receivingLeaderId: (await t.login('chanhvanphong')).user.id } });
    expect(changed.json()).toMatchObject({ memberCount: 10, receivingLeaderName: 'Phạm Thanh Hải' });

    expect((await post(leader, `/api/delegations/${d.id}/tasks`, { content: 'Thử', primaryAgencyId: deptClerk.user.agency.id, dueInWorkingDays: 5 })).statusCode).toBe(409);
    const received = await post(specialist, `/api/delegations/${d.id}/outcome`, { state: 'received', outcome: 'Đoàn đánh giá cao công tác chuẩn bị; đề nghị tỉnh rà soát các cống ngăn mặn.' });
    expect(received.json()).toMatchObject({ state: 'received', outcome: expect.stringContaining('cống ngăn mặn') });
    expect((await t.as(specialist, { method: 'PATCH', url: `/api/delegations/${d.id}`, payload: { memberCount: 11 } })).statusCode).toBe(409);
    expect((await post(specialist, `/api/delegations/${d.id}/outcome`, { state: 'cancelled', outcome: 'Thử' })).statusCode).toBe(409);

    expect((await post(specialist, `/api/delegations/${d.id}/tasks`, { content: 'Thử', primaryAgencyId: deptClerk.user.agency.id, dueInWorkingDays: 5 })).statusCode).toBe(403);
    const task = await post(leader, `/api/delegations/${d.id}/tasks`, { content: 'Rà soát, đề xuất sửa chữa các cống ngăn mặn', primaryAgencyId: deptClerk.user.agency.id, dueInWorkingDays: 10 });
    expect(task.statusCode, task.body).toBe(201);
    const { taskId, delegation } = task.json();
    expect(delegation.tasks).toMatchObject([{ id: taskId, primaryAgencyName: expect.any(String), state: 'assigned', derivedStatus: 'on_time' }]);
    expect(delegation.actions).toEqual(['task']);
    const given = (await t.as(leader, { method: 'GET', url: `/api/tasks/${taskId}` })).json();
    expect(given).toMatchObject({ sourceKind: 'delegation', sourceReference: 'Làm việc với Đoàn công tác của Bộ Nông nghiệp và Môi trường ngày 10/03/2031' });
    // a bad task input changes nothing
    expect((await post(leader, `/api/delegations/${d.id}/tasks`, { content: 'Thử', primaryAgencyId: deptClerk.user.agency.id })).statusCode).toBe(400);
    expect((await post(leader, `/api/delegations/${d.id}/tasks`, { content: 'Thử', primaryAgencyId: '01900000-0000-7000-8000-000000000000', dueInWorkingDays: 3 })).statusCode).toBe(400);
    expect((await t.as(leader, { method: 'GET', url: `/api/delegations/${d.id}` })).json().tasks).toHaveLength(1);
  });

  it('keeps provinces apart', async () => {
    const mine = (await t.as(specialist, { method: 'GET', url: '/api/delegations?from=2031-01-01' })).json();
    expect(mine.total).toBeGreaterThan(0);
    expect((await t.as(otherTenant, { method: 'GET', url: '/api/delegations?from=2031-01-01' })).json().total).toBe(0);
    expect((await t.as(otherTenant, { method: 'GET', url: `/api/delegations/${mine.items[0].id}` })).statusCode).toBe(404);
  });
});
