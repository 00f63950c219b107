import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { newId } from '../../db/columns.js';
import { auditEntries } from '../../platform/audit/tables.js';
import { emailOutbox } from '../../platform/notify/tables.js';
import { vietnamDate } from '../../platform/calendar/index.js';
import { agencies, tenants } from '../org/tables.js';
import { procedures } from '../procedures/tables.js';
import { getFeedback, listFeedback, requestFeedbackInfo, resolveFeedback, submitFeedback, supplyFeedbackInfo } from './feedback.js';
import { dossiers, feedbacks } from './tables.js';

let t: TestApp;
let center: Session; // motcua: tenant scope
let dept: Session; // so: Sở Tài chính, agency scope
let commune: Session; // xa: Phường Rạch Giá, agency scope
let specialist: Session; // chuyenvien: no feedback.handle
let tenantId = '';
const procedureId = newId();
const DOSSIER_CODE = 'TTPV.F-261120-0001';
const SENDER_PHONE = '0901234567';
const vn = (s: string) => new Date(`${s}+07:00`);
const yymmdd = vietnamDate(new Date()).slice(2).replaceAll('-', '');

let ipSeq = 0;
const nextIp = () => `10.2.0.${++ipSeq}`;
const publicPost = (path: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/public/feedback/an-giang${path}`, payload, remoteAddress: nextIp() });
const send = (body: object = {}) =>
  publicPost('', { kind: 'procedure', sender: { name: 'Phạm Văn Gửi', phone: SENDER_PHONE }, title: 'Hồ sơ chậm trả kết quả', content: 'Hồ sơ của tôi đã quá hẹn mà chưa có kết quả, đề nghị xem xét.', ...body });
const follow = (code: string, phone = SENDER_PHONE) => t.app.inject({ method: 'GET', url: `/api/public/feedback/an-giang/lookup?code=${code}&phone=${encodeURIComponent(phone)}`, remoteAddress: nextIp() });
const officerPost = (s: Session, id: string, action: string, payload: object = {}) => t.as(s, { method: 'POST', url: `/api/feedback/${id}/${action}`, payload });
const idOf = async (code: string) => (await t.database.db.select({ id: feedbacks.id }).from(feedbacks).where(eq(feedbacks.code, code)))[0]!.id;
const feedbackCount = async () => (await t.database.db.select({ n: count() }).from(feedbacks))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  [center, dept, commune, specialist] = (await Promise.all(['motcua', 'so', 'xa', 'chuyenvien'].map((u) => t.login(u)))) as [Session, Session, Session, Session];
  tenantId = center.user.tenant.id;
  const db = t.database.db;
  await db.insert(procedures).values({ id: procedureId, tenantId, code: 'F.TEST.001', name: 'Thủ tục thử phản ánh', field: 'Thử', level: 'province', competentAgencyId: dept.user.agency.id, competentAgencyName: 'Sở Tài chính', receivingAgencyName: 'Trung tâm', timeLimit: 5, timeUnit: 'working_days', result: 'Văn bản' });
  await db.insert(dossiers).values({ tenantId, code: DOSSIER_CODE, procedureId, procedureCode: 'F.TEST.001', procedureName: 'Thủ tục thử phản ánh', channel: 1, status: 4, applicantKind: 'person', applicantName: 'Phạm Văn Gửi', applicantIdNumber: '079111111111', applicantPhone: SENDER_PHONE, applicantAddress: 'An Giang', handlingAgencyId: dept.user.agency.id, submittedAt: new Date(), receivedAt: new Date() });
});
afterAll(() => t.close());

describe('submitting feedback (no login)', () => {
  it('gives gap-free PAKN-YYMMDD-XXXX codes, routes to the dossier’s agency, and audits', async () => {
    const first = await send({ dossierCode: DOSSIER_CODE });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ code: `PAKN-${yymmdd}-0001`, state: 'received' });
    const concurrent = await Promise.all([send(), send(), send()]);
    expect(concurrent.map((r) => r.json().code).sort()).toEqual([2, 3, 4].map((n) => `PAKN-${yymmdd}-000${n}`));
    const [row] = await t.database.db.select().from(feedbacks).where(eq(feedbacks.code, `PAKN-${yymmdd}-0001`));
    expect(row).toMatchObject({ agencyId: dept.user.agency.id, procedureId, state: 'received' });
    const audits = await t.database.db.select().from(auditEntries).where(and(eq(auditEntries.entityId, row!.id), eq(auditEntries.action, 'feedback.submitted')));
    expect(audits).toHaveLength(1);
  });

  it('refuses bad input with 400 and stores nothing', async () => {
    const before = await feedbackCount();
    for (const body of [{ kind: 'other' }, { title: 'Hi' }, { content: 'ngắn' }, { sender: { name: 'A B', phone: 'abc' } }, { dossierCode: 'KHONG-CO-MA' }, { procedureId: newId() }, { agencyId: newId() }]) {
      const res = await send(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await feedbackCount()).toBe(before);
  });

  it('is followed with its code and the sender’s phone; any other phone gets 404', async () => {
    const code = `PAKN-${yymmdd}-0001`;
    const res = await follow(code, '+84 901 234 567');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code, state: 'received', stateLabel: 'Đã tiếp nhận, đang xử lý', response: null, canRate: false, canSupply: false });
    expect((await follow(code, '0911111111')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/feedback/thu-nghiem/lookup?code=${code}&phone=${SENDER_PHONE}` })).statusCode).toBe(404);
  });
});

describe('officers handling feedback', () => {
  it('lists by scope: the Center sees all, Sở Tài chính its own, the commune none of them; others are refused', async () => {
    const centerList = (await t.as(center, { method: 'GET', url: '/api/feedback?pageSize=100' })).json();
    expect(centerList.total).toBe(4);
    const deptList = (await t.as(dept, { method: 'GET', url: '/api/feedback' })).json();
    expect(deptList.items.map((i: { code: string }) => i.code)).toEqual([`PAKN-${yymmdd}-0001`]);
    expect(deptList.items[0].pending).toMatchObject({ action: 'resolve', overdue: false });
    const communeList = (await t.as(commune, { method: 'GET', url: '/api/feedback' })).json();
    expect(communeList.total).toBe(0);
    const id = await idOf(`PAKN-${yymmdd}-0001`);
    expect((await t.as(commune, { method: 'GET', url: `/api/feedback/${id}` })).statusCode).toBe(403);
    expect((await officerPost(commune, id, 'resolve', { answer: 'Trả lời không thuộc thẩm quyền' })).statusCode).toBe(403);
    expect((await t.as(specialist, { method: 'GET', url: '/api/feedback' })).statusCode).toBe(403);
  });

  it('keeps tenants apart', async () => {
    const [other] = await t.database.db.select().from(tenants).where(eq(tenants.code, 'thu-nghiem'));
    const [otherAgency] = await t.database.db.select().from(agencies).where(eq(agencies.tenantId, other!.id));
    const id = newId();
    await t.database.db.insert(feedbacks).values({ id, tenantId: other!.id, code: 'PAKN-260101-0001', kind: 'regulation', agencyId: otherAgency!.id, senderName: 'Người tỉnh khác', senderPhone: SENDER_PHONE, title: 'Phản ánh ở tỉnh khác', content: 'Nội dung phản ánh ở tỉnh khác', submittedAt: new Date() });
    expect((await t.as(center, { method: 'GET', url: `/api/feedback/${id}` })).statusCode).toBe(404);
    const list = (await t.as(center, { method: 'GET', url: '/api/feedback?q=tinh khac' })).json();
    expect(list.total).toBe(0);
    expect((await follow('PAKN-260101-0001')).statusCode).toBe(404);
  });

  it('walks the transitions with due times; invalid ones are 409', async () => {
    const id = await idOf(`PAKN-${yymmdd}-0001`);
    // submitted Monday 2/3/2026 09:00: request info due Monday 9/3 09:00, resolve due Monday 23/3 09:00 (hand-computed)
    await t.database.db.update(feedbacks).set({ submittedAt: vn('2026-03-02T09:00:00') }).where(eq(feedbacks.id, id));
    const overdue = (await t.as(dept, { method: 'GET', url: '/api/feedback?overdue=true' })).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await t.as(center, { method: 'GET', url: '/api/feedback?overdue=true&pageSize=100' })).json().total).toBe(1);

    expect((await officerPost(dept, id, 'publish')).statusCode).toBe(409);
    expect((await officerPost(dept, id, 'resolve', { answer: 'ngắn' })).statusCode).toBe(400);

    const asked = await officerPost(dept, id, 'request-info', { request: 'Đề nghị cung cấp số biên nhận' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({ action: 'request_info', dueAt: vn('2026-03-09T09:00:00').toISOString(), onTime: false, feedback: { state: 'more_info', actions: ['refuse'] } });
    expect((await officerPost(dept, id, 'resolve', { answer: 'Đã kiểm tra và trả kết quả' })).statusCode).toBe(409);

    const shown = (await follow(`PAKN-${yymmdd}-0001`)).json();
    expect(shown).toMatchObject({ state: 'more_info', canSupply: true, response: 'Đề nghị cung cấp số biên nhận' });
    const supplied = await publicPost('/information', { code: `PAKN-${yymmdd}-0001`, phone: SENDER_PHONE, content: 'Số biên nhận là 0001' });
    expect(supplied.statusCode, supplied.body).toBe(200);
    expect(supplied.json().state).toBe('received');
    expect((await publicPost('/information', { code: `PAKN-${yymmdd}-0001`, phone: SENDER_PHONE, content: 'Lần nữa' })).statusCode).toBe(409);

    const resolved = await officerPost(dept, id, 'resolve', { answer: 'Sở đã trả kết quả hồ sơ ngày 27/11/2026.' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ action: 'resolve', dueAt: vn('2026-03-23T09:00:00').toISOString(), onTime: false, feedback: { state: 'resolved', actions: ['publish'], handledByName: 'Đặng Thu Trang' } });
    const deadlines = resolved.json().feedback.deadlines as { action: string; dueAt: string; onTime: boolean | null }[];
    expect(deadlines.find((d) => d.action === 'refuse')).toMatchObject({ dueAt: vn('2026-03-04T09:00:00').toISOString(), onTime: null });

    const published = await officerPost(dept, id, 'publish');
    expect(published.statusCode, published.body).toBe(200);
    // resolved just now: publishing at once is on time
    expect(published.json()).toMatchObject({ action: 'publish', onTime: true, feedback: { state: 'published', actions: [] } });
    expect((await officerPost(dept, id, 'refuse', { reason: 'Không thuộc thẩm quyền' })).statusCode).toBe(409);

    const audits = await t.database.db.select({ action: auditEntries.action }).from(auditEntries).where(eq(auditEntries.entityId, id)).orderBy(asc(auditEntries.seq));
    expect(audits.map((a) => a.action)).toEqual(['feedback.submitted', 'feedback.request_info', 'feedback.info_supplied', 'feedback.resolve', 'feedback.publish']);
  });

  it('refuses within its own deadline, on time when done at once', async () => {
    const id = await idOf(`PAKN-${yymmdd}-0002`);
    const res = await officerPost(center, id, 'refuse', { reason: 'Nội dung không thuộc phạm vi phản ánh' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ action: 'refuse', onTime: true, feedback: { state: 'refused' } });
    expect(res.json().feedback.deadlines.map((d: { action: string }) => d.action)).toEqual(['refuse']);
  });

  it('publishes answers without the sender, and the sender rates the answer once', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/public/feedback/an-giang?q=cham tra', remoteAddress: nextIp() })).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ code: `PAKN-${yymmdd}-0001`, answer: 'Sở đã trả kết quả hồ sơ ngày 27/11/2026.' });
    expect(JSON.stringify(list)).not.toContain('Phạm Văn Gửi');
    expect(JSON.stringify(list)).not.toContain(SENDER_PHONE);
    const rated = await publicPost('/satisfaction', { code: `PAKN-${yymmdd}-0001`, phone: SENDER_PHONE, satisfied: true });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ satisfied: true, canRate: false });
    expect((await publicPost('/satisfaction', { code: `PAKN-${yymmdd}-0001`, phone: SENDER_PHONE, satisfied: false })).statusCode).toBe(409);
    expect((await publicPost('/satisfaction', { code: `PAKN-${yymmdd}-0003`, phone: SENDER_PHONE, satisfied: false })).statusCode).toBe(409);
  });
});

describe('e-mail to the sender (when SMTP is configured)', () => {
  const mail = { email: true, publicUrl: 'https://dichvucong.example.vn' };
  const outbox = (to: string) => t.database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to));

  it('acknowledges the code, then tells the officers’ request; nothing without an address or with e-mail off', async () => {
    const db = t.database.db;
    const sent = await submitFeedback({ db }, 'an-giang', { kind: 'regulation', sender: { name: 'Lê Thị Thư', phone: '0933000111', email: 'le.thi.thu@example.vn' }, title: 'Quy định về phí chưa rõ', content: 'Đề nghị giải thích mức phí áp dụng cho hộ kinh doanh.' }, { mail });
    const [ack] = await outbox('le.thi.thu@example.vn');
    expect(ack).toMatchObject({ subject: `Đã tiếp nhận phản ánh, kiến nghị ${sent.code}` });
    expect(ack!.text).toContain('https://dichvucong.example.vn/cong-khai/dich-vu-cong/an-giang/phan-anh');
    const actor = { userId: center.user.id, tenantId, agencyId: center.user.agency.id, unitId: center.user.unit.id, username: 'motcua', fullName: 'Huỳnh Văn Tâm', roles: ['one_stop_officer' as const], via: 'session' as const };
    await requestFeedbackInfo({ db, actor }, await idOf(sent.code), { request: 'Đề nghị cho biết địa chỉ hộ kinh doanh' }, { mail });
    const mails = await outbox('le.thi.thu@example.vn');
    expect(mails).toHaveLength(2);
    expect(mails.find((m) => m.subject.startsWith('Đề nghị bổ sung'))!.text).toContain('Đề nghị cho biết địa chỉ hộ kinh doanh');
    await submitFeedback({ db }, 'an-giang', { kind: 'regulation', sender: { name: 'Không Gửi Thư', phone: '0933000222', email: 'khong.gui@example.vn' }, title: 'Phản ánh không gửi thư', content: 'Thư điện tử đang tắt nên không gửi thư.' });
    expect(await outbox('khong.gui@example.vn')).toHaveLength(0);
  });
});

describe('the wait for the sender’s information does not count against the 15 working days', () => {
  it('moves the resolve deadline by the working time waited, over two rounds across a weekend', async () => {
    const db = t.database.db;
    const ctx = { db, actor: { userId: center.user.id, tenantId, agencyId: center.user.agency.id, unitId: center.user.unit.id, username: 'motcua', fullName: 'Huỳnh Văn Tâm', roles: ['one_stop_officer' as const], via: 'session' as const } };
    const sender = { code: '', phone: '0944000111' };
    // submitted Monday 2/3/2026 09:00: resolve due Monday 23/3 09:00 without any wait
    sender.code = (await submitFeedback({ db }, 'an-giang', { kind: 'officer', sender: { name: 'Võ Thị Chờ', phone: sender.phone }, title: 'Phản ánh chờ bổ sung qua cuối tuần', content: 'Cán bộ hẹn nhiều lần mà chưa giải quyết.' }, { now: vn('2026-03-02T09:00:00') })).code;
    const id = await idOf(sender.code);
    const overdueAt = async (now: Date) => (await listFeedback(ctx, { overdue: 'true', q: sender.code, page: 1, pageSize: 10 }, now)).items.map((i) => i.id);

    const asked = await requestFeedbackInfo(ctx, id, { request: 'Đề nghị cho biết tên cán bộ và ngày hẹn' }, { now: vn('2026-03-03T10:00:00') });
    expect(asked).toMatchObject({ dueAt: vn('2026-03-09T09:00:00').toISOString(), onTime: true, feedback: { state: 'more_info', pending: null } });
    // while waiting there is no resolve deadline, so nothing is overdue even past the old one
    expect(asked.feedback.deadlines.find((d) => d.action === 'resolve')).toMatchObject({ dueAt: null, doneAt: null });
    expect(await overdueAt(vn('2026-03-25T10:00:00'))).toEqual([]);

    // supplied the next Monday 10:00: Tue 5.5 h + Wed–Fri 24 h + Mon 2.5 h = 32 h = 1 920 minutes
    const supplied = await supplyFeedbackInfo({ db }, 'an-giang', { ...sender, content: 'Cán bộ tên Nguyễn Văn Hẹn, hẹn ngày 20/02/2026' }, vn('2026-03-09T10:00:00'));
    expect(supplied.state).toBe('received');
    expect((await db.select().from(feedbacks).where(eq(feedbacks.id, id)))[0]).toMatchObject({ infoWaitMinutes: 1920, infoSuppliedAt: vn('2026-03-09T10:00:00') });
    // 32 h = 4 working days: Monday 23/3 09:00 → Friday 27/3 09:00
    const afterFirst = await getFeedback(ctx, id, vn('2026-03-25T10:00:00'));
    expect(afterFirst.infoWaitMinutes).toBe(1920);
    expect(afterFirst.pending).toEqual({ action: 'resolve', dueAt: vn('2026-03-27T09:00:00').toISOString(), overdue: false });
    expect(afterFirst.deadlines.find((d) => d.action === 'resolve')?.dueAt).toBe(vn('2026-03-27T09:00:00').toISOString());
    expect(afterFirst.deadlines.find((d) => d.action === 'refuse')?.dueAt).toBe(vn('2026-03-04T09:00:00').toISOString());

    // a second round, Tuesday 10/3 14:00 → Wednesday 11/3 09:00: 3.5 h + 1.5 h = 300 minutes more
    await requestFeedbackInfo(ctx, id, { request: 'Đề nghị gửi thêm giấy hẹn' }, { now: vn('2026-03-10T14:00:00') });
    await supplyFeedbackInfo({ db }, 'an-giang', { ...sender, content: 'Giấy hẹn số 15 ngày 20/02/2026' }, vn('2026-03-11T09:00:00'));
    expect((await db.select().from(feedbacks).where(eq(feedbacks.id, id)))[0]!.infoWaitMinutes).toBe(2220);
    // 37 h after Monday 23/3 09:00: Mon 6.5 h, Tue–Thu 24 h → 30.5 h; Fri 07:30–11:30 4 h, 13:30 + 2.5 h = 16:00
    expect((await getFeedback(ctx, id, vn('2026-03-27T10:00:00'))).pending).toEqual({ action: 'resolve', dueAt: vn('2026-03-27T16:00:00').toISOString(), overdue: false });
    expect(await overdueAt(vn('2026-03-27T16:00:00'))).toEqual([]);
    expect(await overdueAt(vn('2026-03-27T16:01:00'))).toEqual([id]);

    // resolved four days after the unmoved deadline: on time
    const resolved = await resolveFeedback(ctx, id, { answer: 'Đã kiểm tra và nhắc nhở cán bộ, hồ sơ đã được giải quyết.' }, { now: vn('2026-03-27T15:00:00') });
    expect(resolved).toMatchObject({ action: 'resolve', dueAt: vn('2026-03-27T16:00:00').toISOString(), onTime: true });
    expect(resolved.feedback.deadlines.find((d) => d.action === 'resolve')).toMatchObject({ onTime: true, doneAt: vn('2026-03-27T15:00:00').toISOString() });
    const supplies = await db.select({ after: auditEntries.after }).from(auditEntries).where(and(eq(auditEntries.entityId, id), eq(auditEntries.action, 'feedback.info_supplied'))).orderBy(asc(auditEntries.seq));
    expect(supplies.map((a) => (a.after as { waitedMinutes: number }).waitedMinutes)).toEqual([1920, 300]);
  });
});
