import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import { ctxOf, problems, typed } from '../http/route.js';
import { parseDate } from './date-only.js';
import * as calendar from './service.js';

const DateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine((s) => {
    try {
      parseDate(s);
      return Number(s.slice(0, 4)) >= 1900 && Number(s.slice(0, 4)) <= 2100;
    } catch {
      return false;
    }
  }, 'Ngày không tồn tại hoặc ngoài khoảng 1900–2100')
  .describe('Ngày theo giờ Việt Nam, dạng YYYY-MM-DD');
const Year = z.coerce.number().int().min(1900, 'Năm từ 1900').max(2100, 'Năm đến 2100');

const LunarDate = z.object({ day: z.number().int(), month: z.number().int(), year: z.number().int(), leap: z.boolean() });
const Holiday = z.object({ date: z.string(), name: z.string(), kind: z.enum(['public', 'compensatory', 'swap']) });
const Override = z.object({ id: z.uuid(), date: z.string(), kind: z.enum(['day_off', 'working_day']), name: z.string() });

export function calendarRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = typed(app);
  const tags = ['Lịch làm việc'];
  const bad = problems(400, 401, 403);

  r.get('/api/calendar/working-day', {
    schema: {
      operationId: 'isWorkingDay',
      summary: 'Một ngày có phải ngày làm việc không',
      tags,
      querystring: z.object({ date: DateOnly }),
      response: { 200: z.object({ date: z.string(), workingDay: z.boolean(), reason: z.string().optional() }), ...bad },
    },
    handler: (req) => calendar.isWorkingDay(ctxOf(db, req), req.query.date),
  });

  r.get('/api/calendar/add-working-days', {
    schema: {
      operationId: 'addWorkingDays',
      summary: 'Ngày sau N ngày làm việc (không tính ngày bắt đầu)',
      tags,
      querystring: z.object({ from: DateOnly, days: z.coerce.number().int('Số ngày phải là số nguyên').min(-3650).max(3650) }),
      response: { 200: z.object({ date: z.string() }), ...bad },
    },
    handler: (req) => calendar.addWorkingDays(ctxOf(db, req), req.query.from, req.query.days),
  });

  r.get('/api/calendar/count-working-days', {
    schema: {
      operationId: 'countWorkingDays',
      summary: 'Số ngày làm việc giữa hai ngày (tính cả hai đầu)',
      tags,
      querystring: z.object({ from: DateOnly, to: DateOnly }),
      response: { 200: z.object({ days: z.number().int() }), ...bad },
    },
    handler: (req) => calendar.countWorkingDays(ctxOf(db, req), req.query.from, req.query.to),
  });

  r.get('/api/calendar/add-working-hours', {
    schema: {
      operationId: 'addWorkingHours',
      summary: 'Thời điểm sau N giờ làm việc (8 giờ = 1 ngày, trong giờ hành chính)',
      tags,
      querystring: z.object({
        from: z.iso.datetime({ offset: true, message: 'Thời điểm phải theo ISO 8601' }),
        hours: z.coerce.number().min(0).max(8 * 3650),
      }),
      response: { 200: z.object({ at: z.iso.datetime({ offset: true }) }), ...bad },
    },
    handler: async (req) => {
      const { at } = await calendar.addWorkingHours(ctxOf(db, req), new Date(req.query.from), req.query.hours);
      return { at: at.toISOString() };
    },
  });

  r.get('/api/calendar/holidays', {
    schema: {
      operationId: 'listHolidays',
      summary: 'Ngày nghỉ lễ, Tết, nghỉ bù và hoán đổi của một năm',
      tags,
      querystring: z.object({ year: Year }),
      response: { 200: z.object({ holidays: z.array(Holiday) }), ...bad },
    },
    handler: (req) => calendar.listHolidays(ctxOf(db, req), req.query.year),
  });

  r.get('/api/calendar/lunar', {
    schema: {
      operationId: 'convertLunar',
      summary: 'Đổi ngày dương lịch sang âm lịch Việt Nam (múi giờ UTC+7)',
      tags,
      querystring: z.object({ date: DateOnly }),
      response: { 200: z.object({ date: z.string(), lunar: LunarDate }), ...bad },
    },
    handler: async (req) => calendar.convertLunar(ctxOf(db, req), req.query.date),
  });

  r.get('/api/calendar/solar', {
    schema: {
      operationId: 'convertSolar',
      summary: 'Đổi ngày âm lịch Việt Nam sang dương lịch',
      tags,
      querystring: z.object({
        year: Year,
        month: z.coerce.number().int().min(1, 'Tháng từ 1 đến 12').max(12, 'Tháng từ 1 đến 12'),
        day: z.coerce.number().int().min(1, 'Ngày từ 1 đến 30').max(30, 'Ngày từ 1 đến 30'),
        leap: z.enum(['true', 'false']).default('false').describe('Tháng nhuận'),
      }),
      response: { 200: z.object({ date: z.string(), lunar: LunarDate }), ...bad },
    },
    handler: async (req) => {
      const { year, month, day, leap } = req.query;
      return calendar.convertSolar(ctxOf(db, req), { year, month, day, leap: leap === 'true' });
    },
  });

  r.get('/api/calendar/overrides', {
    schema: {
      operationId: 'listCalendarOverrides',
      summary: 'Điều chỉnh lịch của năm (nghỉ hoán đổi, làm bù)',
      tags,
      querystring: z.object({ year: Year }),
      response: { 200: z.object({ items: z.array(Override) }), ...bad },
    },
    handler: async (req) => ({ items: await calendar.listOverrides(ctxOf(db, req), req.query.year) }),
  });

  r.post('/api/calendar/overrides', {
    schema: {
      operationId: 'createCalendarOverride',
      summary: 'Thêm ngày nghỉ hoán đổi hoặc ngày làm bù',
      tags,
      body: z.object({
        date: DateOnly,
        kind: z.enum(['day_off', 'working_day']).describe('day_off: nghỉ thêm; working_day: làm bù'),
        name: z.string().trim().min(1, 'Nhập tên/lý do').max(200).transform((s) => s.normalize('NFC')),
      }),
      response: { 201: Override, ...problems(400, 401, 403, 409) },
    },
    handler: async (req, reply) => reply.code(201).send(await calendar.createOverride(ctxOf(db, req), req.body)),
  });

  r.delete('/api/calendar/overrides/:id', {
    schema: {
      operationId: 'deleteCalendarOverride',
      summary: 'Xóa một điều chỉnh lịch',
      tags,
      params: z.object({ id: z.uuid() }),
      response: { 200: z.object({ ok: z.literal(true) }), ...problems(401, 403, 404) },
    },
    handler: async (req) => {
      await calendar.deleteOverride(ctxOf(db, req), req.params.id);
      return { ok: true as const };
    },
  });
}
