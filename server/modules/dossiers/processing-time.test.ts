import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { getDossier } from './detail.js';
import { advanceDossierStep, completeSupplement, extendDossier, requestSupplement } from './processing.js';
import { contextOf, dossierRow, insertProcedure, receive, setDossier } from './processing-test-setup.js';

// Hand-computed cases on the working calendar (07:30–11:30, 13:30–17:30; December 2026 has no holiday).
const vn = (local: string) => new Date(`${local}+07:00`);

let t: TestApp;
let motcua: Session;
let so: Session;
let truongphong: Session;
let giamdoc: Session;
let vanthu: Session;
let id: string;

beforeAll(async () => {
  t = await createTestApp();
  [motcua, so, truongphong, giamdoc, vanthu] = (await Promise.all(['motcua', 'so', 'truongphongso', 'giamdocso', 'vanthuso'].map((u) => t.login(u)))) as [Session, Session, Session, Session, Session];
  const f = await insertProcedure(t, so.user.tenant.id, so.user.agency.id, 'TEST.DB.T01');
  id = (await receive(t, motcua, f)).id;
  // at the handling step, due Wednesday 9 December 16:00, appointment Monday 14 December 17:30
  await setDossier(t, id, {
    currentStep: 3,
    currentAssigneeId: so.user.id,
    currentStepStartedAt: vn('2026-12-07T08:00:00'),
    currentStepDueAt: vn('2026-12-09T16:00:00'),
    receivedAt: vn('2026-12-07T07:45:00'),
    clockStartAt: vn('2026-12-07T07:45:00'),
    appointmentAt: vn('2026-12-14T17:30:00'),
    originalAppointmentAt: vn('2026-12-14T17:30:00'),
  });
});
afterAll(() => t.close());

describe('time of a dossier in processing', () => {
  it('a supplement stops the clock and moves the step’s due time by the working hours it stood still', async () => {
    const asked = await requestSupplement(contextOf(t, so), id, { reason: 'Thiếu chữ ký', items: ['Tờ khai có chữ ký'] }, vn('2026-12-07T09:30:00'));
    expect(asked).toMatchObject({ status: 5, pausedSince: vn('2026-12-07T09:30:00').toISOString(), warnings: [] });
    // while paused the remaining time is counted from the request: Mon 09:30 → Mon 14 17:30 = 6 + 4 × 8 + … = 46 h
    expect((await getDossier(contextOf(t, so), id, vn('2026-12-08T10:00:00'))).remainingWorkingHours).toBe(46);

    const done = await completeSupplement(contextOf(t, motcua), id, {}, vn('2026-12-08T10:30:00'));
    // Mon 09:30–11:30 (2) + 13:30–17:30 (4) + Tue 07:30–10:30 (3) = 9 working hours paused;
    // due Wed 16:00 + 9 h = Wed 16:00–17:30 (1.5) + Thu 07:30–11:30 (4) + 13:30–17:00 (3.5) → Thu 10 Dec 17:00
    expect(done.currentStepDueAt).toBe(vn('2026-12-10T17:00:00').toISOString());
    expect(done.pausedMs).toBe(25 * 3_600_000); // Mon 09:30 → Tue 10:30, wall time as the 766 engine subtracts it
    expect(done.pausedSince).toBeNull();
    // Tue 10:30 → Mon 14 17:30: 1 + 4 (Tue) + 8 × 3 (Wed–Fri) + 8 (Mon) = 37 working hours left
    expect((await getDossier(contextOf(t, so), id, vn('2026-12-08T10:30:00'))).remainingWorkingHours).toBe(37);
  });

  it('a step finished on its due day is on time; the next step is due its budget later', async () => {
    await advanceDossierStep(contextOf(t, so), id, { assigneeId: truongphong.user.id, version: (await dossierRow(t, id)).version }, vn('2026-12-10T16:00:00'));
    const d = await getDossier(contextOf(t, so), id, vn('2026-12-10T16:00:00'));
    expect(d.controlSlip.at(-1)).toMatchObject({ finishedStepName: 'Thẩm định hồ sơ', finishedDueAt: vn('2026-12-10T17:00:00').toISOString(), outcome: 'on_time' });
    // review, 8 h from Thu 16:00: 1.5 (Thu) + 4 + 2.5 (Fri) → Fri 11 Dec 16:00
    expect(d.currentStepDueAt).toBe(vn('2026-12-11T16:00:00').toISOString());
    expect(d.needsApology).toBe(false);
  });

  it('the extension moves the appointment, but the outcome is measured against the original', async () => {
    const extended = await extendDossier(contextOf(t, giamdoc), id, { reason: 'Chờ ý kiến cơ quan phối hợp', faultAgencyId: giamdoc.user.agency.id, newAppointmentAt: '2026-12-16T17:30:00+07:00' }, vn('2026-12-11T09:00:00'));
    expect(extended).toMatchObject({ appointmentAt: vn('2026-12-16T17:30:00').toISOString(), originalAppointmentAt: vn('2026-12-14T17:30:00').toISOString(), extensionCount: 1 });

    let d = await advanceDossierStep(contextOf(t, truongphong), id, { assigneeId: giamdoc.user.id, version: extended.version }, vn('2026-12-14T08:00:00'));
    // the review was due Fri 16:00 and finished Monday
    expect((await getDossier(contextOf(t, giamdoc), id, vn('2026-12-14T08:00:00'))).controlSlip.at(-1)).toMatchObject({ finishedStepName: 'Xem xét, trình ký', outcome: 'late' });
    d = await advanceDossierStep(contextOf(t, giamdoc), id, { assigneeId: vanthu.user.id, version: d.version }, vn('2026-12-14T09:00:00'));
    await advanceDossierStep(contextOf(t, vanthu), id, { version: d.version }, vn('2026-12-16T10:00:00'));
    const done = await getDossier(contextOf(t, motcua), id, vn('2026-12-16T10:00:00'));
    // end Wed 16 10:00 − 25 h paused = Tue 15 09:00, after the original appointment (Mon 14 17:30): late,
    // although before the new appointment
    expect(done).toMatchObject({ status: 9, processedAt: vn('2026-12-16T10:00:00').toISOString(), endedAt: vn('2026-12-16T10:00:00').toISOString(), outcome: 'late' });
  });
});
