import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../platform/calendar/index.js';
import { nextStep, stepOutcome } from './steps.js';
import {
  addMonths,
  appointmentAt,
  clockStartAt,
  compareToDue,
  dossierOutcome,
  endOfProcessing,
  formVersionAt,
  openInTime,
  receiveDueAt,
} from './timing.js';

// The statutory calendar only (Tết 2026 = Mon 16/2 … Fri 20/2, Quốc khánh = Wed 2/9 and Thu 3/9).
const calendar = new WorkCalendar({ overrides: [] });
const vn = (local: string) => new Date(`${local}:00+07:00`);
const iso = (d: Date | null) => (d ? new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null);

describe('clock start and the 15:00 counter cut-off', () => {
  it('starts at once before the cut-off, at the next working opening after it (Friday → Monday)', () => {
    expect(iso(clockStartAt(calendar, vn('2026-03-06T14:59'), '15:00'))).toBe('2026-03-06 14:59');
    expect(iso(clockStartAt(calendar, vn('2026-03-06T15:00'), '15:00'))).toBe('2026-03-06 15:00');
    expect(iso(clockStartAt(calendar, vn('2026-03-06T15:01'), '15:00'))).toBe('2026-03-09 07:30');
    expect(iso(clockStartAt(calendar, vn('2026-03-06T15:01'), '16:00'))).toBe('2026-03-06 15:01');
  });

  it('received at lunch or on a weekend starts at the next opening', () => {
    expect(iso(clockStartAt(calendar, vn('2026-03-09T12:00'), '15:00'))).toBe('2026-03-09 13:30');
    expect(iso(clockStartAt(calendar, vn('2026-03-07T09:00'), '15:00'))).toBe('2026-03-09 07:30');
  });

  it('14:59 vs 15:01 on a Friday, 2 working days: Tue 14:59 vs Tue 17:30', () => {
    const limit = { value: 2, unit: 'working_days' as const };
    // Fri 14:59–17:30 = 2h31; Mon 8h (10h31); Tue 07:30–11:30 (14h31) + 1h29 from 13:30 = 14:59.
    expect(iso(appointmentAt(calendar, clockStartAt(calendar, vn('2026-03-06T14:59'), '15:00'), limit))).toBe('2026-03-10 14:59');
    // Mon 07:30 + 16 h = Tue 17:30.
    expect(iso(appointmentAt(calendar, clockStartAt(calendar, vn('2026-03-06T15:01'), '15:00'), limit))).toBe('2026-03-10 17:30');
  });
});

describe('appointment through the working calendar', () => {
  it('working hours crossing lunch: Mon 10:00 + 4 h = 16:00', () => {
    expect(iso(appointmentAt(calendar, vn('2026-03-09T10:00'), { value: 4, unit: 'working_hours' }))).toBe('2026-03-09 16:00');
  });

  it('across a weekend: Thu 09:00 + 3 working days = Tue 09:00', () => {
    // Thu 09:00–17:30 = 6.5 h, Fri 8 h (14.5), Mon 8 h (22.5), Tue 07:30 + 1.5 h = 09:00.
    expect(iso(appointmentAt(calendar, vn('2026-03-12T09:00'), { value: 3, unit: 'working_days' }))).toBe('2026-03-17 09:00');
  });

  it('across Quốc khánh (Wed 2/9 and Thu 3/9/2026): Tue 1/9 10:00 + 3 days = Tue 8/9 10:00', () => {
    // Tue 5.5 h; Wed, Thu off; Fri 8 h (13.5); Mon 8 h (21.5); Tue 07:30 + 2.5 h = 10:00.
    expect(iso(appointmentAt(calendar, vn('2026-09-01T10:00'), { value: 3, unit: 'working_days' }))).toBe('2026-09-08 10:00');
  });

  it('across Tết 2026: received Thu 12/2 16:00 (after the cut-off), 5 working days = Thu 26/2 17:30', () => {
    const start = clockStartAt(calendar, vn('2026-02-12T16:00'), '15:00');
    expect(iso(start)).toBe('2026-02-13 07:30');
    // Fri 13/2 8 h; 14–22/2 Tết and weekends; Mon 23, Tue 24, Wed 25, Thu 26 = 40 h at 17:30.
    expect(iso(appointmentAt(calendar, start, { value: 5, unit: 'working_days' }))).toBe('2026-02-26 17:30');
  });

  it('calendar days and months end at the closing of the last day, moved past days off', () => {
    expect(iso(appointmentAt(calendar, vn('2026-03-06T10:00'), { value: 10, unit: 'days' }))).toBe('2026-03-16 17:30');
    // 4/3 + 10 days = Sat 14/3 → Monday 16/3.
    expect(iso(appointmentAt(calendar, vn('2026-03-04T10:00'), { value: 10, unit: 'days' }))).toBe('2026-03-16 17:30');
    // 16/1 + 1 month = Mon 16/2, Tết → first working day after is Mon 23/2.
    expect(iso(appointmentAt(calendar, vn('2026-01-16T10:00'), { value: 1, unit: 'months' }))).toBe('2026-02-23 17:30');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('online: 8 working hours to receive, Fri 16:00 → Mon 16:00', () => {
    // Fri 16:00–17:30 = 1.5 h; Mon 07:30–11:30 (5.5 h); 13:30 + 2.5 h = 16:00.
    expect(iso(receiveDueAt(calendar, vn('2026-03-06T16:00')))).toBe('2026-03-09 16:00');
  });
});

describe('outcome (early / on time / late)', () => {
  const appointment = vn('2026-03-10T17:30');

  it('working_day rule: earlier day early, same day on time, after late; instant rule: strictly before early', () => {
    expect(compareToDue(vn('2026-03-09T16:00'), appointment, 'working_day')).toBe('early');
    expect(compareToDue(vn('2026-03-10T08:00'), appointment, 'working_day')).toBe('on_time');
    expect(compareToDue(vn('2026-03-10T17:30'), appointment, 'working_day')).toBe('on_time');
    expect(compareToDue(vn('2026-03-10T17:31'), appointment, 'working_day')).toBe('late');
    expect(compareToDue(vn('2026-03-10T08:00'), appointment, 'instant')).toBe('early');
    expect(compareToDue(appointment, appointment, 'instant')).toBe('on_time');
  });

  it('end of processing is processed before returned before stopped', () => {
    const processedAt = vn('2026-03-10T09:00');
    const returnedAt = vn('2026-03-12T09:00');
    expect(endOfProcessing({ processedAt, returnedAt })).toEqual(processedAt);
    expect(endOfProcessing({ returnedAt, closedAt: vn('2026-03-13T09:00') })).toEqual(returnedAt);
    expect(endOfProcessing({})).toBeNull();
    // Returned two days after the appointment, but processed in time: on time.
    expect(dossierOutcome({ appointmentAt: appointment, processedAt, returnedAt, pausedMs: 0, supplementCount: 0 }, 'working_day')).toBe('on_time');
  });

  it('a supplement pause moves the end back by the paused time', () => {
    // Paused Mon 9/3 09:00 → Tue 10/3 09:00 (24 h); processed Wed 11/3 10:00 → effectively Tue 10/3 10:00.
    const clock = { appointmentAt: appointment, processedAt: vn('2026-03-11T10:00'), pausedMs: 24 * 3_600_000, supplementCount: 1 };
    expect(dossierOutcome(clock, 'working_day')).toBe('on_time');
    expect(dossierOutcome(clock, 'instant')).toBe('early');
    expect(dossierOutcome({ ...clock, pausedMs: 0 }, 'working_day')).toBe('late');
  });

  it('two supplement requests are late whatever the dates', () => {
    expect(dossierOutcome({ appointmentAt: appointment, processedAt: vn('2026-03-09T08:00'), pausedMs: 3_600_000, supplementCount: 2 }, 'working_day')).toBe('late');
  });

  it('open dossiers at a period end: in time, late, waiting for the applicant', () => {
    const base = { appointmentAt: appointment, pausedMs: 0, supplementCount: 0 };
    expect(openInTime(base, vn('2026-03-10T17:00'))).toBe(true);
    expect(openInTime(base, vn('2026-03-11T08:00'))).toBe(false);
    // Waiting since Tue 10/3 09:00: the request counts as the end, in time even after the appointment.
    expect(openInTime({ ...base, supplementCount: 1, pausedSince: vn('2026-03-10T09:00') }, vn('2026-03-20T08:00'))).toBe(true);
    expect(openInTime({ ...base, supplementCount: 2, pausedSince: vn('2026-03-10T09:00') }, vn('2026-03-10T10:00'))).toBe(false);
    // 2 h already paused: 19:00 counts as 17:00.
    expect(openInTime({ ...base, pausedMs: 2 * 3_600_000 }, vn('2026-03-10T19:00'))).toBe(true);
  });

  it('steps: next step and per-step outcome', () => {
    const steps = [{ position: 3 }, { position: 1 }, { position: 2 }];
    expect(nextStep(steps, null)?.position).toBe(1);
    expect(nextStep(steps, 1)?.position).toBe(2);
    expect(nextStep(steps, 3)).toBeNull();
    expect(stepOutcome(vn('2026-03-10T18:00'), appointment, 'working_day')).toBe('late');
    expect(stepOutcome(vn('2026-03-10T18:00'), null, 'working_day')).toBeNull();
  });

  it('form version switches on 1 July 2025, Việt Nam time', () => {
    expect(formVersionAt(vn('2025-06-30T23:59'))).toBe('2018');
    expect(formVersionAt(vn('2025-07-01T00:00'))).toBe('2025');
  });
});
