import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { safeEqual } from '../auth/tokens.js';
import { DomainError } from './errors.js';

/** Prometheus text at /metrics: process metrics and one histogram of request durations per route. */
export function registerMetrics(app: FastifyInstance, opts: { token?: string | undefined }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vps_' });
  const duration = new Histogram({
    name: 'vps_http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({ name: 'vps_http_errors_total', help: '5xx responses', labelNames: ['route'], registers: [registry] });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) errors.inc({ route });
  });
  app.get('/metrics', { schema: { hide: true }, config: { public: true } }, async (request, reply) => {
    if (opts.token) {
      const sent = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
      if (!safeEqual(sent, opts.token)) throw new DomainError('UNAUTHENTICATED');
    }
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
