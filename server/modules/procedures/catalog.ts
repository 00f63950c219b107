import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import type { CheckedProcedure } from './checker.js';
import * as repo from './repo.js';

/** A procedure to write as it is (trusted data: the demo seed), with its components and steps in order. */
export type CatalogEntry = CheckedProcedure;

/** Writes many procedures in a few batched statements (the seed has no acting user, so no audit entry). */
export async function insertCatalog(tx: Db, tenantId: string, entries: CatalogEntry[]): Promise<void> {
  await repo.insertProceduresBatch(
    tx,
    entries.map((e) => ({ row: { id: newId(), tenantId, ...e.values }, components: e.components, steps: e.steps })),
  );
}
