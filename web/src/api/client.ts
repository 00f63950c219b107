import createClient, { type Middleware } from 'openapi-fetch';
import { t } from '../i18n';
import type { paths } from './schema';

export interface FieldIssue {
  path: string;
  message: string;
}

/** An RFC 9457 problem from the server (or a network failure, status 0), thrown by every API call that fails. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldIssue[];
  /** The whole problem body, for the members some codes add (e.g. `duplicates` of DUPLICATE_DOCUMENT). */
  readonly extra: Record<string, unknown>;

  constructor(p: { status: number; code: string; title: string; detail?: string | undefined; errors?: FieldIssue[] | undefined; extra?: Record<string, unknown> }) {
    super(p.detail ?? p.title);
    this.name = 'ApiError';
    this.status = p.status;
    this.code = p.code;
    this.title = p.title;
    this.detail = p.detail;
    this.errors = p.errors ?? [];
    this.extra = p.extra ?? {};
  }

  /** What a person reads: the server's specific Vietnamese explanation, else its general title. */
  get userMessage(): string {
    return this.detail ?? this.title;
  }
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** The session's CSRF token, echoed on every unsafe request (the server refuses them without it). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF header for requests made outside this client, such as antd Upload's own XHR. */
export const csrfHeaders = (): Record<string, string> => (csrfToken ? { 'x-csrf-token': csrfToken } : {});

/** Called when any request (other than the login itself) answers 401: the session is gone. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function problemOf(response: Response): Promise<ApiError> {
  let body: Partial<{ title: string; code: string; detail: string; errors: FieldIssue[] }> & Record<string, unknown> = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not problem+json (a proxy error page, say): fall back to the status alone.
  }
  return new ApiError({
    status: response.status,
    code: body.code ?? `HTTP_${response.status}`,
    title: body.title ?? t('common.loadFailed'),
    detail: body.detail,
    errors: Array.isArray(body.errors) ? body.errors : undefined,
    extra: body,
  });
}

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  async onResponse({ response, schemaPath }) {
    if (response.ok) return undefined;
    const error = await problemOf(response);
    // A wrong password at login is a 401 too, but it is the login form's business, not a lost session.
    if (response.status === 401 && schemaPath !== '/api/auth/login') unauthorizedHandler?.();
    throw error;
  },
  onError({ error }) {
    if (error instanceof ApiError) return error;
    return new ApiError({ status: 0, code: 'NETWORK', title: t('common.networkError') });
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(sessionMiddleware);

/**
 * The data of a successful call. Failures never get here: the middleware has already thrown an ApiError,
 * so `data` is present whenever the promise resolves.
 */
export async function data<T>(call: Promise<{ data?: T }>): Promise<T> {
  const result = await call;
  return result.data as T;
}
