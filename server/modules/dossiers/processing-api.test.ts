import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { auditEntries } from '../../platform/audit/tables.js';
import { notifications } from '../../platform/notify/tables.js';
import { dossierRow, insertProcedure, receive, setDossier, type Fixture } from './processing-test-setup.js';
import { dossierEvents, dossierExtensions, dossierSupplements } from './tables.js';

let t: TestApp;
let motcua: Session; // one-stop officer, Center location 1
let so: Session; // handler, Department of Finance
let truongphong: Session; // unit head, Department of Finance
let giamdoc: Session; // director, Department of Finance
let vanthu: Session; // clerk, Department of Finance
let xa: Session; // commune staff, Phường Rạch Giá
let f: Fixture;

type Dossier = {
  id: string;
  code: string;
  status: number;
  statusLabel: string;
  version: number;
  currentStep: number | null;
  currentStepName: string | null;
  currentStepRole: string | null;
  currentAgencyId: string | null;
  currentAssigneeId: string | null;
  currentStepDueAt: string | null;
  appointmentAt: string;
  originalAppointmentAt: string | null;
  pausedMs: number;
  pausedSince: string | null;
  supplementCount: number;
  extensionCount: number;
  processedAt: string | null;
  returnedAt: string | null;
  endedAt: string | null;
  outcome: string | null;
  needsApology: boolean;
  actions: string[];
  nextAssignees: { id: string; name: string; preferred: boolean }[];
  stepAssignees: { id: string; preferred: boolean }[];
  controlSlip: { agencyName: string | null; stepName: string | null; giverName: string; receiverName: string | null; finishedStepName: string | null; outcome: string | null; dueAt: string | null }[];
  events: { kind: string; fromStatus: number | null; toStatus: number | null }[];
  supplements: { reason: string; items: string[]; completedAt: string | null; completedByName: string | null }[];
  extensions: { reason: string; faultAgency: { id: string }; previousAppointmentAt: string; newAppointmentAt: string }[];
  result: { summary: string | null; electronic: boolean; digitized: boolean };
  warnings?: string[];
};

const get = async (s: Session, id: string) => {
  const res = await t.as(s, { method: 'GET', url: `/api/dossiers/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Dossier;
};
const post = (s: Session, url: string, payload: object) => t.as(s, { method: 'POST', url, payload });
const ok = async (s: Session, url: string, payload: object) => {
  const res = await post(s, url, payload);
  expect(res.statusCode, res.body).toBe(200);
  // a hand-off answers with the queue's summary (the hot path); the page is read again, as the web does
  if (url.endsWith('/advance')) {
    const summary = res.json() as Dossier;
    expect(summary).not.toHaveProperty('actions');
    const d = await get(s, summary.id);
    expect(d).toMatchObject({ status: summary.status, version: summary.version, currentStep: summary.currentStep, currentAssigneeId: summary.currentAssigneeId });
    return d;
  }
  return res.json() as Dossier;
};
const eventCount = async (id: string) => (await t.database.db.select({ n: count() }).from(dossierEvents).where(eq(dossierEvents.dossierId, id)))[0]!.n;
const auditCount = async (id: string) => (await t.database.db.select({ n: count() }).from(auditEntries).where(and(eq(auditEntries.entityType, 'dossier'), eq(auditEntries.entityId, id))))[0]!.n;

/** A refused call changes nothing: same row, no event, no audit entry. */
async function refusedUnchanged(id: string, call: () => Promise<{ statusCode: number; body: string }>, status: number) {
  const [before, events, audits] = [await dossierRow(t, id), await eventCount(id), await auditCount(id)];
  const res = await call();
  expect(res.statusCode, res.body).toBe(status);
  expect(JSON.parse(res.body).title).toBeTruthy();
  expect(await dossierRow(t, id)).toEqual(before);
  expect(await eventCount(id)).toBe(events);
  expect(await auditCount(id)).toBe(audits);
  return JSON.parse(res.body) as { code: string; detail?: string; errors?: { path: string }[] };
}

beforeAll(async () => {
  t = await createTestApp();
  [motcua, so, truongphong, giamdoc, vanthu, xa] = (await Promise.all(['motcua', 'so', 'truongphongso', 'giamdocso', 'vanthuso', 'xa'].map((u) => t.login(u)))) as [Session, Session, Session, Session, Session, Session];
  f = await insertProcedure(t, so.user.tenant.id, so.user.agency.id, 'TEST.DB.001');
});
afterAll(() => t.close());

describe('the processing chain', () => {
  let id: string;

  it('receives at the Center and waits unassigned at the department (assignment step)', async () => {
    id = (await receive(t, motcua, f)).id;
    const d = await get(truongphong, id);
    expect(d).toMatchObject({ status: 4, statusLabel: 'Đang xử lý', currentStep: 2, currentStepName: 'Phân công xử lý', currentAgencyId: so.user.agency.id, currentAssigneeId: null });
    expect(d.actions).toEqual(expect.arrayContaining(['advance', 'assign', 'take', 'extend', 'stop']));
    // the handling step wants a handler first: so before the leaders and the clerk
    expect(d.nextAssignees[0]).toMatchObject({ id: so.user.id, preferred: true });
    expect(d.nextAssignees.map((p) => p.id)).toEqual(expect.arrayContaining([truongphong.user.id, giamdoc.user.id, vanthu.user.id]));
    expect(d.nextAssignees.find((p) => p.id === vanthu.user.id)!.preferred).toBe(false);
    expect(d.stepAssignees[0]!.preferred).toBe(true); // the assignment step wants a leader
  });

  it('refuses an assignee outside the next step’s agency (400) and changes nothing', async () => {
    const { version } = await get(truongphong, id);
    const body = await refusedUnchanged(id, () => post(truongphong, `/api/dossiers/${id}/advance`, { assigneeId: motcua.user.id, version }), 400);
    expect(body.errors?.[0]?.path).toBe('assigneeId');
  });

  it('the unit head hands it to the handler', async () => {
    const { version } = await get(truongphong, id);
    const d = await ok(truongphong, `/api/dossiers/${id}/advance`, { assigneeId: so.user.id, note: 'Đề nghị thẩm định', version });
    expect(d).toMatchObject({ status: 4, currentStep: 3, currentStepName: 'Thẩm định hồ sơ', currentAssigneeId: so.user.id, version: version + 1 });
    const row = d.controlSlip.at(-1)!;
    expect(row).toMatchObject({ stepName: 'Thẩm định hồ sơ', giverName: 'Nguyễn Hữu Phước', receiverName: 'Đặng Thu Trang', finishedStepName: 'Phân công xử lý' });
    expect(['early', 'on_time']).toContain(row.outcome);
    const [n] = await t.database.db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, so.user.id), eq(notifications.entityId, id)));
    expect(n!.n).toBe(1);
  });

  it('refuses a step by someone not assigned (403) and changes nothing', async () => {
    const { version } = await get(giamdoc, id);
    const body = await refusedUnchanged(id, () => post(giamdoc, `/api/dossiers/${id}/advance`, { assigneeId: vanthu.user.id, version }), 403);
    expect(body.detail).toContain('Chỉ người được giao xử lý bước hiện tại');
    await refusedUnchanged(id, () => post(vanthu, `/api/dossiers/${id}/supplements`, { reason: 'Thiếu', items: ['Tờ khai'] }), 403);
  });

  it('refuses a stale version (409) and changes nothing', async () => {
    const { version } = await get(so, id);
    const body = await refusedUnchanged(id, () => post(so, `/api/dossiers/${id}/advance`, { assigneeId: truongphong.user.id, version: version - 1 }), 409);
    expect(body.code).toBe('CONFLICT');
  });

  it('refuses a result before the last step (409) and changes nothing', async () => {
    const body = await refusedUnchanged(id, () => post(motcua, `/api/dossiers/${id}/result`, { resultSummary: 'Giấy phép số 12/GP', resultElectronic: true, resultDigitized: true }), 409);
    expect(body.code).toBe('INVALID_STATE');
    expect(body.detail).toContain('chưa đến bước trả kết quả');
  });

  it('the handler asks for a supplement: status 5, the clock stops, the Center is told', async () => {
    const d = await ok(so, `/api/dossiers/${id}/supplements`, { reason: 'Tờ khai thiếu chữ ký', items: ['Tờ khai có chữ ký của người đề nghị'] });
    expect(d).toMatchObject({ status: 5, statusLabel: 'Yêu cầu bổ sung giấy tờ', supplementCount: 1, warnings: [] });
    expect(d.pausedSince).not.toBeNull();
    expect(d.supplements).toEqual([expect.objectContaining({ reason: 'Tờ khai thiếu chữ ký', items: ['Tờ khai có chữ ký của người đề nghị'], completedAt: null })]);
    expect(d.events.at(-1)).toMatchObject({ kind: 'supplement_requested', fromStatus: 4, toStatus: 5 });
    const [n] = await t.database.db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, motcua.user.id), eq(notifications.kind, 'dossier.supplement_requested'), eq(notifications.entityId, id)));
    expect(n!.n).toBe(1);
    // the step cannot move while the dossier waits for the applicant
    await refusedUnchanged(id, () => post(so, `/api/dossiers/${id}/advance`, { version: d.version }), 409);
  });

  it('the one-stop officer records the papers: back to 4, the pause kept', async () => {
    const before = await dossierRow(t, id);
    const d = await ok(motcua, `/api/dossiers/${id}/supplements/complete`, { note: 'Đã nhận tờ khai có chữ ký' });
    expect(d).toMatchObject({ status: 4, pausedSince: null });
    const after = await dossierRow(t, id);
    expect(after.pausedMs).toBe(after.updatedAt.getTime() - before.pausedSince!.getTime());
    expect(d.supplements[0]).toMatchObject({ completedByName: 'Huỳnh Văn Tâm' });
    expect(d.events.at(-1)).toMatchObject({ kind: 'supplement_completed', fromStatus: 5, toStatus: 4 });
  });

  it('moves on: handler → unit head → director → clerk', async () => {
    let d = await get(so, id);
    d = await ok(so, `/api/dossiers/${id}/advance`, { assigneeId: truongphong.user.id, version: d.version });
    expect(d).toMatchObject({ currentStep: 4, currentAssigneeId: truongphong.user.id });
    d = await ok(truongphong, `/api/dossiers/${id}/advance`, { assigneeId: giamdoc.user.id, version: d.version });
    expect(d).toMatchObject({ currentStep: 5, currentAssigneeId: giamdoc.user.id });
    d = await ok(giamdoc, `/api/dossiers/${id}/advance`, { assigneeId: vanthu.user.id, version: d.version });
    expect(d).toMatchObject({ currentStep: 6, currentStepName: 'Phát hành kết quả', currentAssigneeId: vanthu.user.id, status: 4 });
    expect(d.nextAssignees).toEqual([]); // the director no longer holds it
    expect((await get(vanthu, id)).nextAssignees[0]).toMatchObject({ id: motcua.user.id, preferred: true }); // the return is at the Center
  });

  it('the clerk issues: processed (9), ended, outcome set, back at the Center’s return step', async () => {
    let d = await get(vanthu, id);
    d = await ok(vanthu, `/api/dossiers/${id}/advance`, { version: d.version });
    expect(d).toMatchObject({ status: 9, statusLabel: 'Đã xử lý xong', currentStep: 7, currentStepRole: 'return', currentAgencyId: motcua.user.agency.id, currentAssigneeId: null, currentStepDueAt: null });
    expect(d.processedAt).not.toBeNull();
    expect(d.endedAt).toBe(d.processedAt);
    // processed the day it was received, five working days before the appointment
    expect(d.outcome).toBe('early');
    expect(d.events.slice(-2).map((e) => e.kind)).toEqual(['handoff', 'processed']);
    expect(d.events.at(-1)).toMatchObject({ fromStatus: 4, toStatus: 9 });
    const desk = await get(motcua, id);
    expect(desk.actions).toEqual(['take', 'return_result']);
    // the clerk can no longer act on it
    expect((await get(vanthu, id)).actions).toEqual([]);
  });

  it('the one-stop officer returns the result: 10, the outcome unchanged', async () => {
    const before = await get(motcua, id);
    const d = await ok(motcua, `/api/dossiers/${id}/result`, { resultSummary: 'Giấy phép số 12/GP-STC', resultElectronic: true, resultDigitized: true, version: before.version });
    expect(d).toMatchObject({ status: 10, statusLabel: 'Đã trả kết quả', outcome: 'early', endedAt: before.endedAt, result: { summary: 'Giấy phép số 12/GP-STC', electronic: true, digitized: true } });
    expect(d.returnedAt).not.toBeNull();
    expect(d.actions).toEqual([]);
    // the control slip: reception → assignment → handling → review → approval → issuance → return
    expect(d.controlSlip.map((r) => r.stepName)).toEqual(['Phân công xử lý', 'Thẩm định hồ sơ', 'Xem xét, trình ký', 'Phê duyệt', 'Phát hành kết quả', 'Trả kết quả']);
    expect(d.controlSlip.map((r) => r.finishedStepName)).toEqual(['Tiếp nhận hồ sơ', 'Phân công xử lý', 'Thẩm định hồ sơ', 'Xem xét, trình ký', 'Phê duyệt', 'Phát hành kết quả']);
    expect(d.controlSlip.slice(1).every((r) => r.outcome === 'early' || r.outcome === 'on_time')).toBe(true);
    expect(d.controlSlip.at(-1)!.dueAt).toBeNull(); // the return step is outside the clock
    // receipt, 5 hand-offs, supplement requested and completed, result returned
    expect(await auditCount(id)).toBe(9);
    // a second return is refused
    await refusedUnchanged(id, () => post(motcua, `/api/dossiers/${id}/result`, { resultSummary: 'Lần hai', resultElectronic: false, resultDigitized: false }), 409);
  });
});

describe('assignment, supplements, extension, stop and withdrawal', () => {
  it('a member takes an unassigned step for themself; only a leader names someone else', async () => {
    const { id } = await receive(t, motcua, f);
    await refusedUnchanged(id, () => post(so, `/api/dossiers/${id}/assignee`, { assigneeId: vanthu.user.id }), 403);
    let d = await ok(so, `/api/dossiers/${id}/assignee`, { assigneeId: so.user.id });
    expect(d.currentAssigneeId).toBe(so.user.id);
    d = await ok(truongphong, `/api/dossiers/${id}/assignee`, { assigneeId: truongphong.user.id, version: d.version });
    expect(d).toMatchObject({ currentAssigneeId: truongphong.user.id, currentStep: 2 });
    expect(d.controlSlip.at(-1)).toMatchObject({ stepName: 'Phân công xử lý', receiverName: 'Nguyễn Hữu Phước' });
    await refusedUnchanged(id, () => post(truongphong, `/api/dossiers/${id}/assignee`, { assigneeId: motcua.user.id }), 400);
  });

  it('a second supplement request is allowed with a warning and makes the dossier late', async () => {
    const { id } = await receive(t, motcua, f);
    await ok(truongphong, `/api/dossiers/${id}/supplements`, { reason: 'Thiếu tờ khai', items: ['Tờ khai'] });
    await ok(motcua, `/api/dossiers/${id}/supplements/complete`, {});
    const d = await ok(truongphong, `/api/dossiers/${id}/supplements`, { reason: 'Tờ khai sai mẫu', items: ['Tờ khai đúng mẫu'] });
    expect(d.supplementCount).toBe(2);
    expect(d.warnings).toEqual([expect.stringContaining('lần yêu cầu bổ sung thứ 2')]);
    expect(await t.database.db.select({ n: count() }).from(dossierSupplements).where(eq(dossierSupplements.dossierId, id))).toEqual([{ n: 2 }]);
    await ok(motcua, `/api/dossiers/${id}/supplements/complete`, {});
    // jump to the clerk's step and issue: more than one supplement request counts as late (766)
    await setDossier(t, id, { currentStep: 6, currentAssigneeId: vanthu.user.id });
    const done = await ok(vanthu, `/api/dossiers/${id}/advance`, { version: (await get(vanthu, id)).version });
    expect(done).toMatchObject({ status: 9, outcome: 'late' });
  });

  it('someone else cannot record the supplement; nor when none is awaited', async () => {
    const { id } = await receive(t, motcua, f);
    await refusedUnchanged(id, () => post(motcua, `/api/dossiers/${id}/supplements/complete`, {}), 409);
    await ok(truongphong, `/api/dossiers/${id}/supplements`, { reason: 'Thiếu', items: ['Tờ khai'] });
    await refusedUnchanged(id, () => post(giamdoc, `/api/dossiers/${id}/supplements/complete`, {}), 403);
    await refusedUnchanged(id, () => post(so, `/api/dossiers/${id}/supplements`, { reason: 'x', items: [] }), 400);
  });

  it('extends once before the appointment: appointment moves, the original stays, the letter is kept', async () => {
    const { id } = await receive(t, motcua, f);
    const d0 = await get(giamdoc, id);
    const later = new Date(new Date(d0.appointmentAt).getTime() + 3 * 86_400_000).toISOString();
    const earlier = new Date(new Date(d0.appointmentAt).getTime() - 3_600_000).toISOString();
    const bad = await refusedUnchanged(id, () => post(giamdoc, `/api/dossiers/${id}/extension`, { reason: 'Cần xác minh thực địa', faultAgencyId: giamdoc.user.agency.id, newAppointmentAt: earlier }), 400);
    expect(bad.errors?.[0]?.path).toBe('newAppointmentAt');
    await refusedUnchanged(id, () => post(vanthu, `/api/dossiers/${id}/extension`, { reason: 'x', faultAgencyId: giamdoc.user.agency.id, newAppointmentAt: later }), 403);
    const d = await ok(giamdoc, `/api/dossiers/${id}/extension`, { reason: 'Cần xác minh thực địa', faultAgencyId: giamdoc.user.agency.id, newAppointmentAt: later });
    expect(d).toMatchObject({ appointmentAt: later, originalAppointmentAt: d0.appointmentAt, extensionCount: 1 });
    expect(d.extensions).toEqual([expect.objectContaining({ reason: 'Cần xác minh thực địa', faultAgency: expect.objectContaining({ id: giamdoc.user.agency.id }), previousAppointmentAt: d0.appointmentAt, newAppointmentAt: later })]);
    expect(d.actions).not.toContain('extend');
    const second = await refusedUnchanged(id, () => post(giamdoc, `/api/dossiers/${id}/extension`, { reason: 'Lần hai', faultAgencyId: giamdoc.user.agency.id, newAppointmentAt: new Date(new Date(later).getTime() + 86_400_000).toISOString() }), 409);
    expect(second.detail).toContain('chỉ được hẹn lại một lần');
    expect(await t.database.db.select({ n: count() }).from(dossierExtensions).where(eq(dossierExtensions.dossierId, id))).toEqual([{ n: 1 }]);
  });

  it('refuses an extension after the appointment (409), flags it for an apology meanwhile', async () => {
    const { id } = await receive(t, motcua, f);
    await setDossier(t, id, { appointmentAt: new Date(Date.now() - 3_600_000) });
    expect((await get(giamdoc, id)).needsApology).toBe(true);
    const body = await refusedUnchanged(id, () => post(giamdoc, `/api/dossiers/${id}/extension`, { reason: 'Trễ', faultAgencyId: giamdoc.user.agency.id, newAppointmentAt: new Date(Date.now() + 86_400_000).toISOString() }), 409);
    expect(body.detail).toContain('Đã quá thời hạn hẹn trả');
  });

  it('flags a dossier whose remaining budget does not fit before the appointment', async () => {
    const { id } = await receive(t, motcua, f);
    expect((await get(so, id)).needsApology).toBe(false);
    // 36 counted hours remain after the assignment step; an appointment 1 hour away cannot hold them
    await setDossier(t, id, { appointmentAt: new Date(Date.now() + 3_600_000) });
    expect((await get(so, id)).needsApology).toBe(true);
  });

  it('a leader of the handling agency stops a dossier (8); the desk records a withdrawal (7)', async () => {
    const a = await receive(t, motcua, f);
    await refusedUnchanged(a.id, () => post(so, `/api/dossiers/${a.id}/stop`, { reason: 'Không thuộc thẩm quyền' }), 403);
    const stopped = await ok(giamdoc, `/api/dossiers/${a.id}/stop`, { reason: 'Người nộp không đủ điều kiện theo quy định' });
    expect(stopped).toMatchObject({ status: 8, statusLabel: 'Dừng xử lý', actions: [] });
    expect(stopped.endedAt).not.toBeNull();
    expect(stopped.events.at(-1)).toMatchObject({ kind: 'stopped', fromStatus: 4, toStatus: 8 });
    await refusedUnchanged(a.id, () => post(motcua, `/api/dossiers/${a.id}/withdraw`, { reason: 'Rút' }), 409);

    const b = await receive(t, motcua, f);
    await refusedUnchanged(b.id, () => post(xa, `/api/dossiers/${b.id}/withdraw`, { reason: 'Rút' }), 404); // not its dossier
    const withdrawn = await ok(motcua, `/api/dossiers/${b.id}/withdraw`, { reason: 'Người nộp xin rút hồ sơ' });
    expect(withdrawn).toMatchObject({ status: 7, statusLabel: 'Công dân yêu cầu rút hồ sơ' });
    await refusedUnchanged(b.id, () => post(truongphong, `/api/dossiers/${b.id}/advance`, { version: withdrawn.version }), 409);
  });

  it('two hand-offs of the same version: one wins, the other gets 409', async () => {
    const { id } = await receive(t, motcua, f);
    const { version } = await get(truongphong, id);
    const results = await Promise.all([
      post(truongphong, `/api/dossiers/${id}/advance`, { assigneeId: so.user.id, version }),
      post(so, `/api/dossiers/${id}/advance`, { assigneeId: so.user.id, version }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const d = await get(so, id);
    expect(d).toMatchObject({ currentStep: 3, version: version + 1 });
    expect(d.controlSlip).toHaveLength(2);
  });

  it('hides a dossier from agencies that have nothing to do with it (404)', async () => {
    const { id } = await receive(t, motcua, f);
    expect((await t.as(xa, { method: 'GET', url: `/api/dossiers/${id}` })).statusCode).toBe(404);
    expect((await t.as(xa, { method: 'POST', url: `/api/dossiers/${id}/advance`, payload: { version: 0 } })).statusCode).toBe(404);
  });
});
