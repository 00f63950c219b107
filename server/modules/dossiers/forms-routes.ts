import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/open.js';
import type { BlobStore } from '../../platform/files/blob-store.js';

/** The official forms of a dossier (Circular 03/2025 and 01/2018) as PDF. */
export function dossierFormRoutes(app: FastifyInstance, deps: { db: Db; store: BlobStore; publicUrl?: string | undefined }) {
  void app;
  void deps;
}
