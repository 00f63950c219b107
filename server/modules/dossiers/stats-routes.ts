import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/open.js';
import type { BlobStore } from '../../platform/files/blob-store.js';

/** Dossier statistics and the export to the national portal. */
export function dossierStatsRoutes(app: FastifyInstance, deps: { db: Db; store: BlobStore; publicUrl?: string | undefined }) {
  void app;
  void deps;
}
