import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { newId } from '../../db/columns.js';
import { files } from '../../platform/files/tables.js';
import { agencies, userRoles, users } from '../org/tables.js';
import { procedureComponents, procedureSteps, procedures } from '../procedures/tables.js';
import { isLateToReceive } from './intake.js';
import { submitOnlineDossier } from './intake-online.js';
import { dossierCodeCounters, dossierComponents, dossierEvents, dossiers, intakeSlips } from './tables.js';

let t: TestApp;
let motcua: Session;
let xa: Session;
let so: Session;
let admin: Session;
let tenantId: string;
let center1Code: string;
const P = { province: newId(), commune: newId(), offline: newId() };
const C = { form: newId(), copy: newId(), optional: newId(), communeForm: newId(), offlineForm: newId() };

const vn = (local: string) => new Date(`${local}:00+07:00`);
const db = () => t.database.db;
const applicant = { kind: 'person', name: 'Nguyễn Thị Hoa', idNumber: '091234567890', phone: '0912 345 678', email: 'hoa@example.vn', address: '12 Trần Phú, phường Rạch Giá' };
const receive = (s: Session | null, body: Record<string, unknown>) => t.as(s, { method: 'POST', url: '/api/dossiers', payload: body });
const fullComponents = [{ procedureComponentId: C.form }, { procedureComponentId: C.copy, copies: 2 }];
const receiveBody = (extra: Record<string, unknown> = {}) => ({ decision: 'receive', procedureId: P.province, applicant, components: fullComponents, counter: 'Quầy 3', ...extra });
const counts = async () => ({
  dossiers: (await db().select({ n: count() }).from(dossiers))[0]!.n,
  slips: (await db().select({ n: count() }).from(intakeSlips))[0]!.n,
  counters: (await db().select({ n: count() }).from(dossierCodeCounters))[0]!.n,
});

beforeAll(async () => {
  t = await createTestApp();
  [motcua, xa, so, admin] = await Promise.all([t.login('motcua'), t.login('xa'), t.login('so'), t.login('admin')]);
  tenantId = motcua.user.tenant.id;
  const [center1] = await db().select({ code: agencies.identifierCode }).from(agencies).where(eq(agencies.id, motcua.user.agency.id));
  center1Code = center1!.code!;
  const base = { tenantId, field: 'Tài chính', receivingAgencyName: 'Trung tâm Phục vụ hành chính công tỉnh', result: 'Giấy chứng nhận', sequence: '', method: '' };
  await db().insert(procedures).values([
    { ...base, id: P.province, code: 'T.DA.001', name: 'Đăng ký mã số đơn vị có quan hệ với ngân sách', level: 'province', competentAgencyId: so.user.agency.id, competentAgencyName: 'Sở Tài chính', timeLimit: 5, timeUnit: 'working_days', onlineService: 'partial', fees: [{ kind: 'fee', name: 'Phí thẩm định', amount: 50_000 }, { kind: 'charge', name: 'Lệ phí cấp giấy', amount: 20_000 }] },
    { ...base, id: P.commune, code: 'T.DA.002', name: 'Chứng thực chữ ký', level: 'commune', competentAgencyName: 'UBND cấp xã', timeLimit: 1, timeUnit: 'working_days', onlineService: 'full' },
    { ...base, id: P.offline, code: 'T.DA.003', name: 'Thủ tục chỉ nộp trực tiếp', level: 'province', competentAgencyId: so.user.agency.id, competentAgencyName: 'Sở Tài chính', timeLimit: 2, timeUnit: 'working_days', onlineService: 'none' },
  ]);
  await db().insert(procedureComponents).values([
    { id: C.form, procedureId: P.province, position: 1, name: 'Tờ khai đăng ký', form: 'original', copies: 1, required: true },
    { id: C.copy, procedureId: P.province, position: 2, name: 'Bản sao quyết định thành lập', form: 'copy', copies: 1, required: true },
    { id: C.optional, procedureId: P.province, position: 3, name: 'Giấy ủy quyền (nếu có)', form: 'original', copies: 1, required: false },
    { id: C.communeForm, procedureId: P.commune, position: 1, name: 'Giấy tờ cần chứng thực', form: 'original', copies: 1, required: true },
    { id: C.offlineForm, procedureId: P.offline, position: 1, name: 'Đơn đề nghị', form: 'original', copies: 1, required: true },
  ]);
  const steps = (procedureId: string, list: [string, 'reception' | 'assignment' | 'handling' | 'review' | 'approval' | 'issuance' | 'return', number][]) =>
    list.map(([name, role, budgetHours], i) => ({ procedureId, position: i + 1, name, role, budgetHours, notCounted: role === 'return' }));
  await db().insert(procedureSteps).values([
    ...steps(P.province, [['Tiếp nhận hồ sơ', 'reception', 4], ['Phân công xử lý', 'assignment', 4], ['Thẩm định', 'handling', 24], ['Xem xét', 'review', 4], ['Phê duyệt', 'approval', 2], ['Phát hành', 'issuance', 2], ['Trả kết quả', 'return', 0]]),
    ...steps(P.commune, [['Tiếp nhận hồ sơ', 'reception', 2], ['Chứng thực', 'handling', 4], ['Ký', 'approval', 2], ['Trả kết quả', 'return', 0]]),
    ...steps(P.offline, [['Tiếp nhận', 'reception', 2], ['Giải quyết', 'handling', 14]]),
  ]);
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

const at = (local: string) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(vn(local));
};

describe('receiveDossier: who may receive', () => {
  it('401 without a session, 403 for department staff and the administrator', async () => {
    expect((await receive(null, receiveBody())).statusCode).toBe(401);
    const dept = await receive(so, receiveBody());
    expect(dept.statusCode).toBe(403);
    expect((await receive(admin, receiveBody())).statusCode).toBe(403);
  });
});

describe('receiveDossier: bad input changes nothing', () => {
  it('404 for an unknown procedure, 400 for missing components, a bad applicant, a foreign file, a commune procedure without a commune', async () => {
    const before = await counts();
    const unknown = await receive(motcua, receiveBody({ procedureId: newId() }));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toBe('Không tìm thấy thủ tục hành chính');

    const missing = await receive(motcua, receiveBody({ components: [{ procedureComponentId: C.form }] }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'DOSSIER_INCOMPLETE', detail: 'Còn thiếu: Bản sao quyết định thành lập', missing: ['Bản sao quyết định thành lập'] });

    const badId = await receive(motcua, receiveBody({ applicant: { ...applicant, idNumber: '12345' } }));
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors).toEqual([{ path: 'body.applicant.idNumber', message: 'Số CCCD phải có 12 chữ số (CMND cũ: 9 chữ số)' }]);
    const badPhone = await receive(motcua, receiveBody({ applicant: { ...applicant, phone: '12', email: 'khong-phai-thu' } }));
    const messages = (badPhone.json().errors as { path: string; message: string }[]).map((e) => `${e.path}: ${e.message}`);
    expect(messages).toEqual(['body.applicant.phone: Số điện thoại không hợp lệ (10 chữ số, bắt đầu bằng 0 hoặc +84)', 'body.applicant.email: Thư điện tử không hợp lệ']);
    const badTax = await receive(motcua, receiveBody({ applicant: { ...applicant, kind: 'business', idNumber: '091234567890' } }));
    expect(badTax.json().errors[0]).toEqual({ path: 'body.applicant.idNumber', message: 'Mã số thuế phải có 10 hoặc 13 chữ số' });

    const foreignFile = await receive(motcua, receiveBody({ components: [{ procedureComponentId: C.form, fileId: newId() }, { procedureComponentId: C.copy }] }));
    expect(foreignFile.statusCode).toBe(400);
    expect(foreignFile.json().errors).toEqual([{ path: 'components.0.fileId', message: 'Tệp không tồn tại' }]);

    const otherProcedure = await receive(motcua, receiveBody({ components: [...fullComponents, { procedureComponentId: C.communeForm }] }));
    expect(otherProcedure.json().errors).toEqual([{ path: 'components.2.procedureComponentId', message: 'Không thuộc thành phần hồ sơ của thủ tục' }]);

    const noCommune = await receive(motcua, { decision: 'receive', procedureId: P.commune, applicant, components: [{ procedureComponentId: C.communeForm }] });
    expect(noCommune.statusCode).toBe(400);
    expect(noCommune.json().detail).toBe('Thủ tục cấp xã: chọn xã, phường, đặc khu giải quyết hồ sơ');
    const department = await receive(motcua, { decision: 'receive', procedureId: P.commune, handlingAgencyId: so.user.agency.id, applicant, components: [{ procedureComponentId: C.communeForm }] });
    expect(department.json().detail).toBe('Cơ quan giải quyết phải là một xã, phường, đặc khu của tỉnh');

    const refusalWithoutReason = await receive(motcua, receiveBody({ decision: 'refusal' }));
    expect(refusalWithoutReason.statusCode).toBe(400);
    expect(refusalWithoutReason.json().detail).toBe('Nêu lý do từ chối tiếp nhận');
    expect(await counts()).toEqual(before);
  });

  it('409 when the receiving desk has no identifier code, and nothing is kept', async () => {
    const [desk] = await db().select({ code: agencies.identifierCode }).from(agencies).where(eq(agencies.id, xa.user.agency.id));
    await db().update(agencies).set({ identifierCode: null }).where(eq(agencies.id, xa.user.agency.id));
    const before = await counts();
    const res = await receive(xa, receiveBody());
    await db().update(agencies).set({ identifierCode: desk!.code }).where(eq(agencies.id, xa.user.agency.id));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DOSSIER_CODE_UNAVAILABLE');
    expect(res.json().detail).toContain('chưa có mã định danh điện tử');
    expect(await counts()).toEqual(before);
  });
});

describe('guidance and refusal slips', () => {
  it('guidance lists the missing components on form 02; no dossier, no code', async () => {
    const before = await counts();
    const res = await receive(motcua, receiveBody({ decision: 'guidance', components: [{ procedureComponentId: C.form }] }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'guidance', slip: { kind: 'guidance' } });
    expect(res.json().dossier).toBeUndefined();
    const slip = await t.as(motcua, { method: 'GET', url: `/api/dossiers/intake-slips/${res.json().slip.id}` });
    expect(slip.statusCode).toBe(200);
    expect(slip.json()).toMatchObject({ kind: 'guidance', items: ['Bản sao quyết định thành lập'], procedure: { code: 'T.DA.001' }, applicant: { name: 'Nguyễn Thị Hoa', phone: '0912345678' }, issuedBy: { id: motcua.user.id, name: 'Huỳnh Văn Tâm' }, dossierCode: null });
    expect(await counts()).toEqual({ ...before, slips: before.slips + 1 });
  });

  it('refusal keeps the reasons on form 03; department staff of another agency cannot read it', async () => {
    const res = await receive(motcua, receiveBody({ decision: 'refusal', items: ['Thủ tục không thuộc thẩm quyền giải quyết của tỉnh'] }));
    expect(res.statusCode).toBe(201);
    expect(res.json().slip.kind).toBe('refusal');
    const slip = await t.as(motcua, { method: 'GET', url: `/api/dossiers/intake-slips/${res.json().slip.id}` });
    expect(slip.json().items).toEqual(['Thủ tục không thuộc thẩm quyền giải quyết của tỉnh']);
    expect((await t.as(so, { method: 'GET', url: `/api/dossiers/intake-slips/${res.json().slip.id}` })).statusCode).toBe(404);
    expect((await t.as(so, { method: 'GET', url: `/api/dossiers/intake-slips/${newId()}` })).statusCode).toBe(404);
  });
});

describe('receiving: code, appointment, hand-off', () => {
  it('Friday 14:59: code …-260306-0001, appointment Friday 13/3 14:59, handed to the assignment step at Sở Tài chính', async () => {
    at('2026-03-06T14:59');
    const res = await receive(motcua, receiveBody());
    expect(res.statusCode).toBe(201);
    const d = res.json().dossier;
    expect(d.code).toBe(`${center1Code}-260306-0001`);
    expect(d.status).toBe(4);
    expect(d.feesDue).toBe(70_000);
    expect(d.formVersion).toBe('2025');
    // 40 h from Fri 14:59: Fri 2h31, Mon–Thu 32 h (34h31), Fri 13/3 4 h morning + 1h29 from 13:30 = 14:59.
    expect(new Date(d.appointmentAt)).toEqual(vn('2026-03-13T14:59'));
    expect(new Date(d.clockStartAt)).toEqual(vn('2026-03-06T14:59'));

    const [row] = await db().select().from(dossiers).where(eq(dossiers.id, d.id));
    expect(row).toMatchObject({ status: 4, channel: 1, counter: 'Quầy 3', receivingAgencyId: motcua.user.agency.id, handlingAgencyId: so.user.agency.id, currentStep: 2, currentAgencyId: so.user.agency.id, currentAssigneeId: null, applicantPhone: '0912345678' });
    // The assignment step (4 h) counted from the clock start: Fri 2h31 + Mon 1h29 = Mon 08:59.
    expect(row!.currentStepDueAt).toEqual(vn('2026-03-09T08:59'));
    const events = await db().select().from(dossierEvents).where(eq(dossierEvents.dossierId, d.id)).orderBy(asc(dossierEvents.seq));
    expect(events.map((e) => [e.seq, e.kind, e.fromStatus, e.toStatus])).toEqual([[1, 'received', null, 2], [2, 'handoff', 2, 4]]);
    // The reception step (due Mon 08:59) is finished by the receipt itself, on an earlier day: early.
    expect(events[1]).toMatchObject({ step: 2, stepName: 'Phân công xử lý', agencyId: so.user.agency.id, outcome: 'early', actorId: motcua.user.id });
    expect(events[1]!.data).toMatchObject({ finishedStep: 1, finishedStepName: 'Tiếp nhận hồ sơ', finishedOutcome: 'early', finishedDueAt: vn('2026-03-09T08:59').toISOString() });
    const components = await db().select().from(dossierComponents).where(eq(dossierComponents.dossierId, d.id)).orderBy(asc(dossierComponents.position));
    expect(components.map((c) => [c.position, c.name, c.copies, c.digitized])).toEqual([[1, 'Tờ khai đăng ký', 1, false], [2, 'Bản sao quyết định thành lập', 2, false]]);
  });

  it('Friday 15:01 (after the cut-off): code …-0002, clock from Monday 07:30, appointment Friday 13/3 17:30', async () => {
    at('2026-03-06T15:01');
    const d = (await receive(motcua, receiveBody())).json().dossier;
    expect(d.code).toBe(`${center1Code}-260306-0002`);
    expect(new Date(d.clockStartAt)).toEqual(vn('2026-03-09T07:30'));
    expect(new Date(d.appointmentAt)).toEqual(vn('2026-03-13T17:30'));
  });

  it('a commune desk has its own sequence; a commune procedure goes to the chosen commune', async () => {
    at('2026-03-06T09:00');
    const res = await receive(xa, { decision: 'receive', channel: 3, procedureId: P.commune, handlingAgencyId: xa.user.agency.id, applicant, components: [{ procedureComponentId: C.communeForm }] });
    expect(res.statusCode).toBe(201);
    const d = res.json().dossier;
    expect(d.code).toMatch(/-260306-0001$/);
    expect(d.code).not.toContain(center1Code);
    // 1 working day from Fri 09:00 = Mon 09:00.
    expect(new Date(d.appointmentAt)).toEqual(vn('2026-03-09T09:00'));
    const [row] = await db().select().from(dossiers).where(eq(dossiers.id, d.id));
    expect(row).toMatchObject({ channel: 3, deliveryMethod: 'post', handlingAgencyId: xa.user.agency.id, currentAgencyId: xa.user.agency.id });
  });

  it('20 concurrent receipts get 0001…0020 with no gap', async () => {
    at('2026-03-10T09:00');
    const results = await Promise.all(Array.from({ length: 20 }, () => receive(motcua, receiveBody())));
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const codes = results.map((r) => r.json().dossier.code as string).sort();
    expect(codes).toEqual(Array.from({ length: 20 }, (_, i) => `${center1Code}-260310-${String(i + 1).padStart(4, '0')}`));
  });

  it('the code\'s day is the day in Việt Nam (06:30 on 12/3 is still 11/3 in UTC); the clock starts at 07:30', async () => {
    at('2026-03-12T06:30');
    const d = (await receive(motcua, receiveBody())).json().dossier;
    expect(d.code).toBe(`${center1Code}-260312-0001`);
    expect(new Date(d.clockStartAt)).toEqual(vn('2026-03-12T07:30'));
  });

  it('2018 forms before 1 July 2025', async () => {
    at('2025-06-30T09:00');
    expect((await receive(motcua, receiveBody())).json().dossier.formVersion).toBe('2018');
  });
});

describe('reuse of digitized results', () => {
  it('lists the applicant\'s digitized results and takes one as a component', async () => {
    const fileId = newId();
    await db().insert(files).values({ id: fileId, tenantId, sha256: 'a'.repeat(64), size: 10, mime: 'application/pdf', name: 'ket-qua.pdf' });
    at('2026-03-11T09:00');
    const earlier = (await receive(motcua, receiveBody())).json().dossier;
    await db().update(dossiers).set({ resultDigitized: true, resultFileId: fileId, resultSummary: 'Giấy chứng nhận số 12/GCN', endedAt: vn('2026-03-12T10:00') }).where(eq(dossiers.id, earlier.id));

    const list = await t.as(motcua, { method: 'GET', url: '/api/dossiers/reusable-results?idNumber=0912%2034567890' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ dossierId: earlier.id, resultFileId: fileId, resultSummary: 'Giấy chứng nhận số 12/GCN' }] });
    expect((await t.as(motcua, { method: 'GET', url: '/api/dossiers/reusable-results?idNumber=001100000000' })).json().total).toBe(0);

    const res = await receive(motcua, receiveBody({ components: [{ procedureComponentId: C.form }, { procedureComponentId: C.copy, reusedFromDossierId: earlier.id }] }));
    expect(res.statusCode).toBe(201);
    const [comp] = await db().select().from(dossierComponents).where(and(eq(dossierComponents.dossierId, res.json().dossier.id), eq(dossierComponents.position, 2)));
    expect(comp).toMatchObject({ reusedFromDossierId: earlier.id, fileId, digitized: true });

    const someoneElse = await receive(motcua, receiveBody({ applicant: { ...applicant, idNumber: '001100000000' }, components: [{ procedureComponentId: C.form }, { procedureComponentId: C.copy, reusedFromDossierId: earlier.id }] }));
    expect(someoneElse.statusCode).toBe(400);
    expect(someoneElse.json().errors[0].path).toBe('components.1.reusedFromDossierId');
  });
});

describe('online dossiers', () => {
  const online = (procedureId = P.province, components: unknown[] = fullComponents) => ({ procedureId, applicant, components, deliveryMethod: 'online' as const });

  it('submitted Friday 16:00: status 1, no code, to be received by Monday 16:00; accepted with a code and handed on', async () => {
    const submitted = await submitOnlineDossier({ db: db() }, 'an-giang', { ...online(), applicant: { ...applicant, verified: false } } as never, { now: vn('2026-03-06T16:00') });
    expect(submitted).toMatchObject({ status: 1, code: null, lateToReceive: false });
    expect(new Date(submitted.receiveDueAt!)).toEqual(vn('2026-03-09T16:00'));
    const [event] = await db().select().from(dossierEvents).where(eq(dossierEvents.dossierId, submitted.id));
    expect(event).toMatchObject({ seq: 1, kind: 'submitted', actorName: 'Nguyễn Thị Hoa', actorId: null, toStatus: 1 });

    at('2026-03-09T16:30');
    const accepted = await t.as(motcua, { method: 'POST', url: `/api/dossiers/${submitted.id}/accept`, payload: { counter: 'Quầy 1' } });
    expect(accepted.statusCode).toBe(200);
    const d = accepted.json().dossier;
    expect(d).toMatchObject({ status: 4, code: `${center1Code}-260309-0001`, lateToReceive: false });
    // Accepted Mon 16:30, after the cut-off: clock from Tue 07:30, 40 h → Mon 16/3 07:30 + … = Mon 16/3 17:30.
    expect(new Date(d.appointmentAt)).toEqual(vn('2026-03-16T17:30'));
    const events = await db().select().from(dossierEvents).where(eq(dossierEvents.dossierId, submitted.id)).orderBy(asc(dossierEvents.seq));
    expect(events.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([['submitted', null, 1], ['received', 1, 2], ['handoff', 2, 4]]);
    const again = await t.as(motcua, { method: 'POST', url: `/api/dossiers/${submitted.id}/accept`, payload: {} });
    expect(again.statusCode, again.body).toBe(409);
  });

  it('refused by a commune desk with reasons (status 3, form 03); without reasons 400; a stale version 409', async () => {
    const submitted = await submitOnlineDossier({ db: db() }, 'an-giang', online() as never, { now: vn('2026-03-02T08:00') });
    const noReason = await t.as(xa, { method: 'POST', url: `/api/dossiers/${submitted.id}/refuse`, payload: { reasons: [] } });
    expect(noReason.statusCode).toBe(400);
    const refused = await t.as(xa, { method: 'POST', url: `/api/dossiers/${submitted.id}/refuse`, payload: { reasons: ['Tờ khai không có chữ ký'] } });
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({ outcome: 'refusal', dossier: { status: 3, code: null }, slip: { kind: 'refusal' } });
    const slip = await t.as(xa, { method: 'GET', url: `/api/dossiers/intake-slips/${refused.json().slip.id}` });
    expect(slip.json()).toMatchObject({ items: ['Tờ khai không có chữ ký'], dossierId: submitted.id });
    const [row] = await db().select().from(dossiers).where(eq(dossiers.id, submitted.id));
    expect(row).toMatchObject({ status: 3, closingReason: 'Tờ khai không có chữ ký' });
    expect((await t.as(motcua, { method: 'POST', url: `/api/dossiers/${submitted.id}/accept`, payload: {} })).statusCode).toBe(409);

    const other = await submitOnlineDossier({ db: db() }, 'an-giang', online() as never, { now: vn('2026-03-02T08:00') });
    const stale = await t.as(motcua, { method: 'POST', url: `/api/dossiers/${other.id}/accept`, payload: { version: 5 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
  });

  it('is late to receive once 8 working hours pass unanswered (Mon 08:00 → Tue 08:00)', async () => {
    const submitted = await submitOnlineDossier({ db: db() }, 'an-giang', online() as never, { now: vn('2026-03-02T08:00') });
    // Mon 08:00–11:30 = 3.5 h, 13:30–17:30 = 4 h (7.5 h), Tue 07:30 + 0.5 h = 08:00.
    expect(new Date(submitted.receiveDueAt!)).toEqual(vn('2026-03-03T08:00'));
    const [row] = await db().select().from(dossiers).where(eq(dossiers.id, submitted.id));
    expect(isLateToReceive(row!, vn('2026-03-03T08:00'))).toBe(false);
    expect(isLateToReceive(row!, vn('2026-03-03T08:01'))).toBe(true);
    expect(isLateToReceive({ ...row!, status: 4 }, vn('2026-03-10T08:00'))).toBe(false);
  });

  it('refuses a procedure without online service, and a missing component', async () => {
    const before = await counts();
    await expect(submitOnlineDossier({ db: db() }, 'an-giang', online(P.offline, [{ procedureComponentId: C.offlineForm }]) as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(submitOnlineDossier({ db: db() }, 'an-giang', online(P.province, [{ procedureComponentId: C.form }]) as never)).rejects.toMatchObject({ code: 'DOSSIER_INCOMPLETE' });
    await expect(submitOnlineDossier({ db: db() }, 'khong-co', online() as never)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await counts()).toEqual(before);
  });
});

describe('tenant isolation', () => {
  it('a one-stop officer of another province sees none of these slips, dossiers or results', async () => {
    const [other] = await db().select({ id: users.id, tenantId: users.tenantId }).from(users).where(eq(users.username, 'tn.chuyenvien'));
    await db().insert(userRoles).values({ tenantId: other!.tenantId, userId: other!.id, role: 'one_stop_officer' });
    const tn = await t.login('tn.chuyenvien');
    const slip = (await receive(motcua, receiveBody({ decision: 'guidance', items: ['Bản chính tờ khai'] }))).json().slip;
    expect((await t.as(tn, { method: 'GET', url: `/api/dossiers/intake-slips/${slip.id}` })).statusCode).toBe(404);
    expect((await t.as(tn, { method: 'GET', url: `/api/dossiers/reusable-results?idNumber=${applicant.idNumber}` })).json().total).toBe(0);
    const unknown = await receive(tn, receiveBody());
    expect([403, 404]).toContain(unknown.statusCode);
    const submitted = await submitOnlineDossier({ db: db() }, 'an-giang', { procedureId: P.province, applicant, components: fullComponents, deliveryMethod: 'online' } as never);
    expect((await t.as(tn, { method: 'POST', url: `/api/dossiers/${submitted.id}/accept`, payload: {} })).statusCode).toBe(404);
    expect((await t.as(tn, { method: 'POST', url: `/api/dossiers/${submitted.id}/refuse`, payload: { reasons: ['x'] } })).statusCode).toBe(404);
  });
});
