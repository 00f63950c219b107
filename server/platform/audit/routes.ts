import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import { ctxOf, problems, typed } from '../http/route.js';
import { listAuditEntries } from './service.js';

const AuditEntryResponse = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string().describe('Ví dụ: user.created, auth.login'),
  entityType: z.string(),
  entityId: z.string(),
  seq: z.number().int().describe('Thứ tự trong chuỗi băm của đối tượng'),
  summary: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});

const ListAuditQuery = z.object({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('Từ thời điểm (ISO 8601)'),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export function auditRoutes(app: FastifyInstance, { db }: { db: Db }) {
  typed(app).get('/api/audit', {
    schema: {
      operationId: 'listAuditEntries',
      summary: 'Nhật ký thao tác (chỉ quản trị)',
      tags: ['Nhật ký'],
      querystring: ListAuditQuery,
      response: { 200: z.object({ items: z.array(AuditEntryResponse), total: z.number().int() }), ...problems(400, 401, 403) },
    },
    handler: async (req) => {
      const q = req.query;
      const { items, total } = await listAuditEntries(ctxOf(db, req), {
        ...q,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
      return {
        total,
        items: items.map((e) => ({
          id: e.id,
          createdAt: e.createdAt.toISOString(),
          actorId: e.actorId,
          actorName: e.actorName,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          seq: e.seq,
          summary: e.summary,
          before: e.before ?? null,
          after: e.after ?? null,
          ip: e.ip,
          hash: e.hash,
        })),
      };
    },
  });
}
