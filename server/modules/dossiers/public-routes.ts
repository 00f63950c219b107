import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/open.js';
import type { BlobStore } from '../../platform/files/blob-store.js';

/** The citizens' side (no login): lookup, rating, feedback, online submission; and officers' handling of feedback. */
export function dossierPublicRoutes(app: FastifyInstance, deps: { db: Db; store: BlobStore; publicUrl?: string | undefined }) {
  void app;
  void deps;
}
