import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import { ctxOf, problems, typed } from '../http/route.js';
import * as notify from './service.js';

const NotificationResponse = z.object({
  id: z.uuid(),
  kind: z.string().describe('task.due_soon: sắp đến hạn; task.overdue: quá hạn; task.urged: đôn đốc; task.escalated: báo cáo lãnh đạo cơ quan; …'),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().describe('Đường dẫn trong ứng dụng, ví dụ /nhiem-vu/<id>'),
  entityType: z.string().nullable(),
  entityId: z.uuid().nullable(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

const NotificationListQuery = z.object({
  unreadOnly: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: chỉ thông báo chưa đọc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** Each person's own notifications; anyone signed in, nobody sees another's. */
export function notificationRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = typed(app);
  const tags = ['Thông báo'];

  r.get('/api/notifications', {
    schema: {
      operationId: 'listNotifications',
      summary: 'Thông báo của tôi, mới nhất trước, kèm số chưa đọc',
      tags,
      querystring: NotificationListQuery,
      response: { 200: z.object({ items: z.array(NotificationResponse), total: z.number().int(), unread: z.number().int().describe('Số thông báo chưa đọc') }), ...problems(400, 401) },
    },
    handler: (req) => notify.listNotifications(ctxOf(db, req), req.query),
  });

  r.post('/api/notifications/:id/read', {
    schema: { operationId: 'markNotificationRead', summary: 'Đánh dấu một thông báo đã đọc', tags, params: z.object({ id: z.uuid() }), response: { 200: NotificationResponse, ...problems(400, 401, 404) } },
    handler: (req) => notify.markNotificationRead(ctxOf(db, req), req.params.id),
  });

  r.post('/api/notifications/read-all', {
    schema: { operationId: 'markAllNotificationsRead', summary: 'Đánh dấu tất cả thông báo của tôi đã đọc', tags, response: { 200: z.object({ updated: z.number().int() }), ...problems(401) } },
    handler: (req) => notify.markAllNotificationsRead(ctxOf(db, req)),
  });
}
