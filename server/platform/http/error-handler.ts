import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, ERROR_CODES, type ErrorCode, type FieldIssue } from './errors.js';

export const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  errors?: FieldIssue[];
  [extra: string]: unknown;
}

export function problemOf(code: ErrorCode, detail?: string, extra: Partial<Problem> = {}): Problem {
  const { status, title } = ERROR_CODES[code];
  // a service's extra fields never replace the problem's own (a dossier's `status` is not the HTTP status)
  return { ...extra, type: `urn:vanphongso:problem:${code.toLowerCase()}`, title, status, code, ...(detail ? { detail } : {}) };
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Problem) {
  return reply.code(problem.status).type(PROBLEM_JSON).send({ ...problem, instance: request.url.split('?')[0] });
}

/** Fastify's own error codes that are the caller's fault, mapped to our stable codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

function translateZodMessage(message: string): string {
  if (/^Invalid input: expected \w+, received undefined$/.test(message) || message === 'Required') return 'Bắt buộc nhập';
  if (message.startsWith('Invalid input') || message.startsWith('Invalid option')) return 'Giá trị không hợp lệ';
  if (message.startsWith('Too small')) return 'Giá trị quá nhỏ hoặc quá ngắn';
  if (message.startsWith('Too big')) return 'Giá trị quá lớn hoặc quá dài';
  if (message.startsWith('Unrecognized key')) return 'Có trường không được hỗ trợ';
  return message;
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      const extra: Partial<Problem> = { ...(error.errors ? { errors: error.errors } : {}), ...(error.extra ?? {}) };
      if (typeof error.extra?.retryAfterSeconds === 'number') reply.header('retry-after', String(error.extra.retryAfterSeconds));
      return sendProblem(reply, request, problemOf(error.code, error.detail, extra));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: translateZodMessage(v.message ?? ''),
      }));
      return sendProblem(reply, request, problemOf('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors }));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return sendProblem(reply, request, problemOf('INTERNAL'));
    }
    if (error.statusCode === 429) return sendProblem(reply, request, problemOf('RATE_LIMITED'));
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendProblem(reply, request, problemOf(mapped));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, request, { ...problemOf('BAD_REQUEST'), status: error.statusCode });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, problemOf('INTERNAL'));
  });
}
