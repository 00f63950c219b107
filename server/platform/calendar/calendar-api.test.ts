import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';

let t: TestApp;
let admin: Session;
let staff: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  staff = await t.login('xa');
});
afterAll(() => t.close());

const get = (url: string, s: Session = staff) => t.as(s, { method: 'GET', url });

describe('calendar API (the stable contract)', () => {
  it('isWorkingDay: Tết, weekends and ordinary days', async () => {
    expect((await get('/api/calendar/working-day?date=2026-02-17')).json()).toEqual({ date: '2026-02-17', workingDay: false, reason: 'Tết Nguyên đán (mùng 1 tháng Giêng)' });
    expect((await get('/api/calendar/working-day?date=2026-02-21')).json()).toMatchObject({ workingDay: false, reason: 'Thứ Bảy' });
    expect((await get('/api/calendar/working-day?date=2026-02-23')).json()).toEqual({ date: '2026-02-23', workingDay: true });
  });

  it('addWorkingDays skips Tết; from itself is not counted', async () => {
    expect((await get('/api/calendar/add-working-days?from=2026-02-13&days=1')).json()).toEqual({ date: '2026-02-23' });
    expect((await get('/api/calendar/add-working-days?from=2026-04-24&days=1')).json()).toEqual({ date: '2026-04-28' });
  });

  it('countWorkingDays includes both ends', async () => {
    expect((await get('/api/calendar/count-working-days?from=2026-02-09&to=2026-02-27')).json()).toEqual({ days: 10 });
    expect((await get('/api/calendar/count-working-days?from=2026-03-02&to=2026-03-02')).json()).toEqual({ days: 1 });
  });

  it('listHolidays lists statutory, compensatory and the seeded yearly decisions', async () => {
    const h2026 = (await get('/api/calendar/holidays?year=2026')).json().holidays as { date: string; kind: string; name: string }[];
    expect(h2026.find((h) => h.date === '2026-04-26')).toMatchObject({ kind: 'public' });
    expect(h2026.find((h) => h.date === '2026-04-27')).toMatchObject({ kind: 'compensatory' });
    const h2025 = (await get('/api/calendar/holidays?year=2025')).json().holidays as { date: string; kind: string }[];
    expect(h2025.find((h) => h.date === '2025-09-01')).toMatchObject({ kind: 'swap' });
    expect(h2025.find((h) => h.date === '2025-09-03')).toBeUndefined();
    expect((await get('/api/calendar/working-day?date=2025-04-26')).json()).toMatchObject({ workingDay: true });
  });

  it('convertLunar uses Vietnam time', async () => {
    expect((await get('/api/calendar/lunar?date=2026-04-26')).json()).toEqual({ date: '2026-04-26', lunar: { day: 10, month: 3, year: 2026, leap: false } });
    expect((await get('/api/calendar/lunar?date=1985-01-21')).json().lunar).toEqual({ day: 1, month: 1, year: 1985, leap: false });
  });

  it('convertSolar finds the solar day of a lunar date, and refuses one that does not exist', async () => {
    expect((await get('/api/calendar/solar?year=2026&month=1&day=1')).json()).toEqual({ date: '2026-02-17', lunar: { day: 1, month: 1, year: 2026, leap: false } });
    expect((await get('/api/calendar/solar?year=2023&month=2&day=1&leap=true')).json().date).toBe('2023-03-22');
    const missing = await get('/api/calendar/solar?year=2026&month=2&day=1&leap=true');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toBe('Không có ngày 1/2 (nhuận) âm lịch năm 2026');
  });

  it('addWorkingHours counts office hours only', async () => {
    const res = (await get('/api/calendar/add-working-hours?from=2026-02-13T16:30:00%2B07:00&hours=2')).json();
    expect(new Date(res.at).toISOString()).toBe('2026-02-23T01:30:00.000Z');
  });

  it('refuses bad input in Vietnamese', async () => {
    const bad = await get('/api/calendar/working-day?date=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].message).toBe('Ngày không tồn tại hoặc ngoài khoảng 1900–2100');
    expect((await get('/api/calendar/add-working-days?from=2026-02-13&days=1.5')).statusCode).toBe(400);
    expect((await get('/api/calendar/holidays?year=abc')).statusCode).toBe(400);
  });
});

describe('calendar overrides (admin)', () => {
  it('adds a day off that moves deadlines, refuses a duplicate, and removes it again', async () => {
    const created = await t.as(admin, { method: 'POST', url: '/api/calendar/overrides', payload: { date: '2026-02-23', kind: 'day_off', name: 'Nghỉ hoán đổi thử nghiệm' } });
    expect(created.statusCode).toBe(201);
    expect((await get('/api/calendar/add-working-days?from=2026-02-13&days=1')).json()).toEqual({ date: '2026-02-24' });
    const dup = await t.as(admin, { method: 'POST', url: '/api/calendar/overrides', payload: { date: '2026-02-23', kind: 'working_day', name: 'Trùng' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().detail).toContain('23/02/2026');
    expect((await t.as(admin, { method: 'DELETE', url: `/api/calendar/overrides/${created.json().id}` })).statusCode).toBe(200);
    expect((await get('/api/calendar/add-working-days?from=2026-02-13&days=1')).json()).toEqual({ date: '2026-02-23' });
  });

  it('keeps overrides per tenant', async () => {
    const other = await t.login('tn.admin');
    await t.as(admin, { method: 'POST', url: '/api/calendar/overrides', payload: { date: '2026-03-02', kind: 'day_off', name: 'Chỉ An Giang' } });
    expect((await get('/api/calendar/working-day?date=2026-03-02', other)).json().workingDay).toBe(true);
    expect((await get('/api/calendar/working-day?date=2026-03-02')).json().workingDay).toBe(false);
  });
});
