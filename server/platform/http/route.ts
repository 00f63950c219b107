import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/open.js';
import type { ServiceContext } from '../context.js';
import { DomainError } from './errors.js';

export type TypedApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/** The problem+json body every 4xx/5xx carries, for the OpenAPI document. */
export const ProblemResponse = z
  .object({
    type: z.string(),
    title: z.string().describe('Tiêu đề lỗi bằng tiếng Việt'),
    status: z.number().int(),
    code: z.string().describe('Mã lỗi ổn định, dùng cho máy'),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  // extension members (RFC 9457 §3.2), e.g. the duplicates found or retryAfterSeconds, pass through
  .loose()
  .describe('RFC 9457 problem details');

export const problems = <S extends number>(...statuses: S[]): Record<S, typeof ProblemResponse> =>
  Object.fromEntries(statuses.map((s) => [s, ProblemResponse])) as Record<S, typeof ProblemResponse>;

/** The service context of an authenticated request. */
export function ctxOf(db: Db, request: FastifyRequest): ServiceContext {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED');
  return { db, actor: request.actor, ip: request.ip };
}
