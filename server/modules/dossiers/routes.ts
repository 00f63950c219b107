import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/open.js';
import type { BlobStore } from '../../platform/files/blob-store.js';

/** One-stop dossiers: intake, processing steps, supplements, results, queues. */
export function dossierRoutes(app: FastifyInstance, deps: { db: Db; store: BlobStore; publicUrl?: string | undefined }) {
  void app;
  void deps;
}
