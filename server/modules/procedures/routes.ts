import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/open.js';
import type { BlobStore } from '../../platform/files/blob-store.js';

/** The procedure catalog: officers' and administrators' API and the public catalog (no login). */
export function procedureRoutes(app: FastifyInstance, deps: { db: Db; store: BlobStore; publicUrl?: string | undefined }) {
  void app;
  void deps;
}
