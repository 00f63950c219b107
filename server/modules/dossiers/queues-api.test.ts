import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { newId } from '../../db/columns.js';
import { addDays, vietnamDate } from '../../platform/calendar/date-only.js';
import { userRoles, users } from '../org/tables.js';
import { insertProcedure, receive, setDossier, type Fixture } from './processing-test-setup.js';
import { dossiers } from './tables.js';
import { vietnamMidnight } from './timing.js';

let t: TestApp;
let motcua: Session;
let so: Session;
let truongphong: Session;
let xa: Session;
let other: Session; // a one-stop officer of the second tenant
let f: Fixture;
const d: Record<'a' | 'b' | 'c' | 'e' | 'online', { id: string; code: string }> = {} as never;

type Item = { id: string; code: string | null; status: number; currentStepDueAt: string | null; lateToReceive: boolean; overdue: boolean; needsApology: boolean; counter: string | null; currentAssigneeName: string | null; currentStepName: string | null };
type List = { items: Item[]; total: number; totalExact: boolean; page: number; pageSize: number };

async function list(s: Session, query: string): Promise<List> {
  const res = await t.as(s, { method: 'GET', url: `/api/dossiers?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const ids = (l: List) => l.items.map((i) => i.id);
const ours = (l: List) => ids(l).filter((x) => Object.values(d).some((o) => o.id === x));
const counts = async (s: Session) => (await t.as(s, { method: 'GET', url: '/api/dossiers/queue-counts' })).json() as Record<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  // the second tenant's officer gets the one-stop role for this test: it reads its whole tenant
  const [tn] = await t.database.db.select().from(users).where(eq(users.username, 'tn.chuyenvien'));
  await t.database.db.insert(userRoles).values({ tenantId: tn!.tenantId, userId: tn!.id, role: 'one_stop_officer' });
  [motcua, so, truongphong, xa, other] = (await Promise.all(['motcua', 'so', 'truongphongso', 'xa', 'tn.chuyenvien'].map((u) => t.login(u)))) as [Session, Session, Session, Session, Session];
  f = await insertProcedure(t, so.user.tenant.id, so.user.agency.id, 'TEST.DB.Q01');
  d.a = await receive(t, motcua, f, 'Trần Thị Ánh Nguyệt', 'Quầy 2');
  d.b = await receive(t, motcua, f, 'Lê Văn Bảo', 'Quầy 1');
  d.c = await receive(t, motcua, f, 'Phạm Minh Châu', 'Quầy 1');
  d.e = await receive(t, motcua, f, 'Võ Thị Em', 'Quầy 1');
  const today = vietnamDate(new Date());
  const farAway = vietnamMidnight(addDays(today, 30));
  // a: the handler's; b: due today; c: waiting for a supplement; e: past its appointment
  const ra = await t.as(truongphong, { method: 'POST', url: `/api/dossiers/${d.a.id}/advance`, payload: { assigneeId: so.user.id, version: (await t.as(truongphong, { method: 'GET', url: `/api/dossiers/${d.a.id}` })).json().version } });
  expect(ra.statusCode, ra.body).toBe(200);
  await setDossier(t, d.a.id, { currentStepDueAt: new Date(farAway.getTime() + 3_600_000) });
  await setDossier(t, d.b.id, { currentStepDueAt: new Date(vietnamMidnight(today).getTime() + 12 * 3_600_000) });
  await setDossier(t, d.c.id, { currentStepDueAt: new Date(farAway.getTime() + 2 * 3_600_000) });
  await setDossier(t, d.e.id, { currentStepDueAt: new Date(farAway.getTime() + 4 * 3_600_000), appointmentAt: new Date(Date.now() - 2 * 86_400_000) });
  const rc = await t.as(truongphong, { method: 'POST', url: `/api/dossiers/${d.c.id}/supplements`, payload: { reason: 'Thiếu tờ khai', items: ['Tờ khai'] } });
  expect(rc.statusCode, rc.body).toBe(200);
  // an online dossier not received within 8 working hours
  const onlineId = newId();
  await t.database.db.insert(dossiers).values({
    id: onlineId,
    tenantId: so.user.tenant.id,
    procedureId: f.procedureId,
    procedureCode: 'TEST.DB.Q01',
    procedureName: 'Cấp giấy phép thử nghiệm xử lý hồ sơ',
    channel: 2,
    status: 1,
    applicantKind: 'person',
    applicantName: 'Đỗ Thị Trực Tuyến',
    applicantIdNumber: '091234599999',
    applicantPhone: '0912345678',
    applicantAddress: 'Phường Long Xuyên',
    deliveryMethod: 'online',
    handlingAgencyId: so.user.agency.id,
    submittedAt: new Date(Date.now() - 5 * 86_400_000),
    receiveDueAt: new Date(Date.now() - 2 * 86_400_000),
  });
  d.online = { id: onlineId, code: '' };
});
afterAll(() => t.close());

describe('dossier queues', () => {
  it('mine: what the person holds, ordered by the step’s due time', async () => {
    expect(ours(await list(so, 'view=mine'))).toEqual([d.a.id]);
    expect(ours(await list(truongphong, 'view=mine'))).toEqual([]);
    const [a] = (await list(so, 'view=mine')).items.filter((i) => i.id === d.a.id);
    expect(a).toMatchObject({ currentAssigneeName: 'Đặng Thu Trang', currentStepName: 'Thẩm định hồ sơ', counter: 'Quầy 2' });
  });

  it('agency: the agency’s current dossiers, unassigned included, in due order', async () => {
    const l = await list(truongphong, 'view=agency&pageSize=100');
    expect(ours(l)).toEqual([d.b.id, d.a.id, d.c.id, d.e.id]);
    const dues = l.items.map((i) => i.currentStepDueAt).filter((x): x is string => x !== null);
    expect([...dues].sort()).toEqual(dues);
    expect(ours(await list(motcua, 'view=agency&pageSize=100'))).toEqual([]); // nothing at the Center yet
  });

  it('due today, overdue, waiting for a supplement', async () => {
    expect(ours(await list(truongphong, 'view=due_today'))).toEqual([d.b.id]);
    const overdue = await list(truongphong, 'view=overdue');
    expect(ours(overdue)).toEqual([d.e.id]);
    expect(overdue.items.find((i) => i.id === d.e.id)).toMatchObject({ overdue: true, needsApology: true });
    expect(ours(await list(truongphong, 'view=supplement'))).toEqual([d.c.id]);
    // the desk that received it sees it too: the applicant brings the papers there
    expect(ours(await list(motcua, 'view=supplement'))).toEqual([d.c.id]);
    expect(ours(await list(truongphong, 'view=agency&status=5'))).toEqual([d.c.id]);
  });

  it('online_new: online dossiers waiting, late ones flagged', async () => {
    const l = await list(motcua, 'view=online_new');
    expect(ours(l)).toEqual([d.online.id]);
    expect(l.items.find((i) => i.id === d.online.id)).toMatchObject({ code: null, status: 1, lateToReceive: true });
  });

  it('location: by receiving location and counter, newest first', async () => {
    expect(ours(await list(motcua, 'view=location&counter=Qu%E1%BA%A7y%202'))).toEqual([d.a.id]);
    expect(ours(await list(motcua, 'view=location&pageSize=100'))).toEqual([d.e.id, d.c.id, d.b.id, d.a.id]);
  });

  it('all: the tenant for tenant-wide readers, the resolved ones for an agency, nothing of others', async () => {
    expect(ours(await list(motcua, 'view=all&pageSize=100')).sort()).toEqual(Object.values(d).map((x) => x.id).sort());
    expect(ours(await list(so, 'view=all&pageSize=100')).length).toBe(5);
    expect(ours(await list(xa, 'view=all&pageSize=100'))).toEqual([]);
  });

  it('searches without accents, and by code', async () => {
    expect(ours(await list(motcua, 'view=all&q=tran%20thi%20anh%20nguyet'))).toEqual([d.a.id]);
    expect(ours(await list(motcua, 'view=all&q=ANH%20NGUY%E1%BB%86T'))).toEqual([d.a.id]);
    expect(ours(await list(motcua, `view=all&q=${encodeURIComponent(d.b.code)}`))).toEqual([d.b.id]);
  });

  it('pages deterministically with a bounded page size', async () => {
    const p1 = await list(truongphong, 'view=agency&pageSize=1&page=1');
    const p2 = await list(truongphong, 'view=agency&pageSize=1&page=2');
    expect(p1.items).toHaveLength(1);
    expect(p1.total).toBeGreaterThanOrEqual(4);
    expect(p1.totalExact).toBe(true);
    expect(p2.items[0]!.id).not.toBe(p1.items[0]!.id);
    expect((await t.as(so, { method: 'GET', url: '/api/dossiers?pageSize=101' })).statusCode).toBe(400);
    expect((await t.as(so, { method: 'GET', url: '/api/dossiers?view=nope' })).statusCode).toBe(400);
    // an agency reader cannot look at another agency's queue
    expect((await t.as(so, { method: 'GET', url: `/api/dossiers?view=agency&agencyId=${motcua.user.agency.id}` })).statusCode).toBe(403);
  });

  it('counts each queue', async () => {
    const c = await counts(truongphong);
    const expected = { agency: (await list(truongphong, 'view=agency')).total, dueToday: (await list(truongphong, 'view=due_today')).total, overdue: (await list(truongphong, 'view=overdue')).total, supplement: (await list(truongphong, 'view=supplement')).total, mine: (await list(truongphong, 'view=mine')).total };
    expect(c).toMatchObject(expected);
    expect(c.agency).toBeGreaterThanOrEqual(4);
    const desk = await counts(motcua);
    expect(desk.onlineLate).toBeGreaterThanOrEqual(1);
    expect(desk.onlineNew).toBeGreaterThanOrEqual(desk.onlineLate!);
    expect((await counts(so)).mine).toBeGreaterThanOrEqual(1);
  });

  it('keeps tenants apart', async () => {
    expect((await t.as(other, { method: 'GET', url: `/api/dossiers/${d.a.id}` })).statusCode).toBe(404);
    expect(ours(await list(other, 'view=all&pageSize=100'))).toEqual([]);
    expect(ours(await list(other, `view=all&q=${encodeURIComponent(d.b.code)}`))).toEqual([]);
    const res = await t.as(other, { method: 'POST', url: `/api/dossiers/${d.c.id}/supplements/complete`, payload: {} });
    expect(res.statusCode).toBe(404);
  });
});
