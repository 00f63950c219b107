import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/open.js';
import { DomainError } from './errors.js';
import { problems, typed } from './route.js';
import { API_VERSION } from './openapi.js';

export function healthRoutes(app: FastifyInstance, { database }: { database: Database }) {
  typed(app).get('/api/health', {
    config: { public: true },
    schema: {
      operationId: 'getHealth',
      summary: 'Tình trạng hệ thống (cơ sở dữ liệu có kết nối được không)',
      tags: ['Hệ thống'],
      security: [],
      response: {
        200: z.object({ status: z.literal('ok'), database: z.literal('ok'), engine: z.enum(['pglite', 'postgres']), version: z.string() }),
        ...problems(503),
      },
    },
    handler: async () => {
      try {
        await database.db.execute(sql`select 1`);
      } catch (err) {
        app.log.error({ err }, 'health check: database unreachable');
        throw new DomainError('UNAVAILABLE', 'Không kết nối được cơ sở dữ liệu');
      }
      return { status: 'ok' as const, database: 'ok' as const, engine: database.engine, version: API_VERSION };
    },
  });
}
