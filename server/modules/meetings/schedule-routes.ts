import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import { ctxOf, problems, typed } from '../../platform/http/route.js';
import { buildScheduleFeed, getPublicWeeklySchedule } from './schedule-public.js';
import {
  CreateEntryRequest,
  EntryParams,
  FeedLinkResponse,
  PublicFeedParams,
  PublicFeedQuery,
  PublicWeekParams,
  PublicWeekResponse,
  ScheduleEntryResponse,
  ScheduleLeadersResponse,
  UpdateEntryRequest,
  WeekParams,
  WeekResponse,
} from './schedule-schemas.js';
import * as schedule from './schedule-service.js';

/** Public pages are read by anyone, so they are rate-limited per address like the login. */
const PUBLIC_RATE = { max: 300, timeWindow: '1 minute' };

export function scheduleRoutes(app: FastifyInstance, deps: { db: Db; publicUrl?: string | undefined }) {
  const r = typed(app);
  const tags = ['Lịch công tác'];
  const { db } = deps;
  /** Where the public pages live: PUBLIC_URL when set, else the address this request came to. */
  const baseUrl = (req: FastifyRequest) => deps.publicUrl ?? `${req.protocol}://${req.host}`;
  const EntryChange = z.object({ entry: ScheduleEntryResponse, week: WeekResponse });

  r.get('/api/schedule/weeks/:weekStart', {
    schema: { operationId: 'getWeeklySchedule', summary: 'Lịch công tác tuần của lãnh đạo tỉnh: các mục theo ngày, trùng lịch, trạng thái và lần điều chỉnh', tags, params: WeekParams, response: { 200: WeekResponse, ...problems(400, 401) } },
    handler: (req) => schedule.getWeeklySchedule(ctxOf(db, req), req.params.weekStart),
  });

  r.get('/api/schedule/leaders', {
    schema: { operationId: 'listScheduleLeaders', summary: 'Lãnh đạo UBND tỉnh và Văn phòng đưa vào lịch công tác', tags, response: { 200: ScheduleLeadersResponse, ...problems(401) } },
    handler: (req) => schedule.listScheduleLeaders(ctxOf(db, req)),
  });

  r.get('/api/schedule/feed-link', {
    schema: { operationId: 'getScheduleFeedLink', summary: 'Liên kết lịch iCalendar và trang công khai của lịch công tác', tags, response: { 200: FeedLinkResponse, ...problems(401) } },
    handler: (req) => schedule.scheduleLinks(ctxOf(db, req), baseUrl(req)),
  });

  r.post('/api/schedule/entries', {
    schema: { operationId: 'createScheduleEntry', summary: 'Thêm mục vào lịch công tác tuần (tuần tính theo giờ bắt đầu); lịch đã duyệt trở lại dự thảo, lịch đã công bố tăng số lần điều chỉnh', tags, body: CreateEntryRequest, response: { 201: EntryChange, ...problems(400, 401, 403, 409) } },
    handler: async (req, reply) => reply.code(201).send(await schedule.createScheduleEntry(ctxOf(db, req), req.body)),
  });

  r.patch('/api/schedule/entries/:id', {
    schema: { operationId: 'updateScheduleEntry', summary: 'Sửa mục lịch công tác (trong cùng tuần)', tags, params: EntryParams, body: UpdateEntryRequest, response: { 200: EntryChange, ...problems(400, 401, 403, 404, 409) } },
    handler: (req) => schedule.updateScheduleEntry(ctxOf(db, req), req.params.id, req.body),
  });

  r.delete('/api/schedule/entries/:id', {
    schema: { operationId: 'deleteScheduleEntry', summary: 'Bỏ mục khỏi lịch công tác tuần', tags, params: EntryParams, response: { 200: WeekResponse, ...problems(401, 403, 404, 409) } },
    handler: (req) => schedule.deleteScheduleEntry(ctxOf(db, req), req.params.id),
  });

  r.post('/api/schedule/weeks/:weekStart/approve', {
    schema: { operationId: 'approveWeeklySchedule', summary: 'Lãnh đạo duyệt lịch công tác tuần (dự thảo → đã duyệt)', tags, params: WeekParams, response: { 200: WeekResponse, ...problems(400, 401, 403, 409) } },
    handler: (req) => schedule.approveWeeklySchedule(ctxOf(db, req), req.params.weekStart),
  });

  r.post('/api/schedule/weeks/:weekStart/publish', {
    schema: { operationId: 'publishWeeklySchedule', summary: 'Công bố lịch công tác tuần đã duyệt trên trang công khai và lịch iCalendar', tags, params: WeekParams, response: { 200: WeekResponse, ...problems(400, 401, 403, 409) } },
    handler: (req) => schedule.publishWeeklySchedule(ctxOf(db, req), req.params.weekStart),
  });

  r.get('/api/public/schedule/:tenantCode/weeks/:weekStart', {
    config: { public: true, rateLimit: PUBLIC_RATE },
    schema: { operationId: 'getPublicWeeklySchedule', summary: 'Lịch công tác tuần đã công bố (công khai, không cần đăng nhập)', tags, params: PublicWeekParams, response: { 200: PublicWeekResponse, ...problems(400, 404, 429) } },
    handler: (req) => getPublicWeeklySchedule({ db, ip: req.ip }, req.params.tenantCode, req.params.weekStart),
  });

  r.get('/api/public/schedule/:tenantCode/calendar.ics', {
    config: { public: true, rateLimit: PUBLIC_RATE },
    schema: {
      operationId: 'getScheduleCalendar',
      summary: 'Lịch công tác đã công bố dạng iCalendar (4 tuần trước, 8 tuần tới), lọc theo lãnh đạo',
      tags,
      params: PublicFeedParams,
      querystring: PublicFeedQuery,
      response: { 200: z.string().describe('text/calendar'), ...problems(400, 404, 429) },
    },
    handler: async (req, reply) => {
      const body = await buildScheduleFeed({ db, ip: req.ip }, req.params.tenantCode, { leaderId: req.query.leader, now: new Date(), baseUrl: baseUrl(req) });
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'public, max-age=300').header('content-disposition', 'inline; filename="lich-cong-tac.ics"').send(body);
    },
  });
}
