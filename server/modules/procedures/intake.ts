import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { procedureComponents, procedureSteps, procedures } from './tables.js';

export type ProcedureRow = typeof procedures.$inferSelect;
export type ProcedureComponentRow = typeof procedureComponents.$inferSelect;
export type ProcedureStepRow = typeof procedureSteps.$inferSelect;

/** A procedure with its components and internal steps in order: what receiving and processing a dossier need. */
export interface ProcedureForIntake extends ProcedureRow {
  components: ProcedureComponentRow[];
  steps: ProcedureStepRow[];
}

/** The tenant's procedure by id with its components and steps, or null when there is none. */
export async function loadProcedureForIntake(db: Db, tenantId: string, procedureId: string): Promise<ProcedureForIntake | null> {
  const [procedure] = await db
    .select()
    .from(procedures)
    .where(and(eq(procedures.tenantId, tenantId), eq(procedures.id, procedureId)));
  if (!procedure) return null;
  const [components, steps] = [
    await db.select().from(procedureComponents).where(eq(procedureComponents.procedureId, procedureId)).orderBy(asc(procedureComponents.position)),
    await db.select().from(procedureSteps).where(eq(procedureSteps.procedureId, procedureId)).orderBy(asc(procedureSteps.position)),
  ];
  return { ...procedure, components, steps };
}
