import { and, asc, count, eq, gt, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { files } from '../../platform/files/tables.js';
import { likePatterns } from '../../platform/search/normalize.js';
import { agencies, tenants } from '../org/tables.js';
import type { ProcedureForIntake } from './intake.js';
import { procedureComponents, procedureImports, procedures, procedureSteps, type ProcedureLevel } from './tables.js';

export type ProcedureInsert = typeof procedures.$inferInsert;
export type ComponentInsert = Omit<typeof procedureComponents.$inferInsert, 'procedureId' | 'position'>;
export type StepInsert = Omit<typeof procedureSteps.$inferInsert, 'procedureId' | 'position'>;
export type ImportRow = typeof procedureImports.$inferSelect;

export interface ProcedureFilter {
  q?: string | undefined;
  level?: ProcedureLevel | undefined;
  field?: string | undefined;
  agencyId?: string | undefined;
  onlineService?: 'full' | 'partial' | 'none' | undefined;
  /** true: only active; false: only abolished; undefined: both */
  active?: boolean | undefined;
}

function whereOf(tenantId: string, f: ProcedureFilter): SQL {
  const words = f.q ? likePatterns(f.q).map((p) => like(procedures.searchText, p)) : [];
  return and(
    eq(procedures.tenantId, tenantId),
    f.level ? eq(procedures.level, f.level) : undefined,
    f.field ? eq(procedures.field, f.field.normalize('NFC')) : undefined,
    f.agencyId ? eq(procedures.competentAgencyId, f.agencyId) : undefined,
    f.onlineService ? eq(procedures.onlineService, f.onlineService) : undefined,
    f.active === undefined ? undefined : eq(procedures.active, f.active),
    ...words,
  )!;
}

const summaryColumns = {
  id: procedures.id,
  code: procedures.code,
  name: procedures.name,
  field: procedures.field,
  level: procedures.level,
  competentAgencyId: procedures.competentAgencyId,
  competentAgencyName: procedures.competentAgencyName,
  timeLimit: procedures.timeLimit,
  timeUnit: procedures.timeUnit,
  onlineService: procedures.onlineService,
  fees: procedures.fees,
  active: procedures.active,
  publishedOn: procedures.publishedOn,
};

/** One page in code order (codes are unique per tenant, so the order is total). */
export async function findProcedures(db: Db, tenantId: string, f: ProcedureFilter, page: { page: number; pageSize: number }) {
  const where = whereOf(tenantId, f);
  // one after the other: the caller's db may be a transaction, whose one connection takes one query at a time
  const items = await db
    .select(summaryColumns)
    .from(procedures)
    .where(where)
    .orderBy(asc(procedures.code))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [total] = await db.select({ n: count() }).from(procedures).where(where);
  return { items, total: total?.n ?? 0 };
}
export type ProcedureSummaryRow = Awaited<ReturnType<typeof findProcedures>>['items'][number];

export async function countByField(db: Db, tenantId: string, activeOnly: boolean) {
  return db
    .select({ field: procedures.field, count: count() })
    .from(procedures)
    .where(and(eq(procedures.tenantId, tenantId), activeOnly ? eq(procedures.active, true) : undefined))
    .groupBy(procedures.field)
    .orderBy(asc(procedures.field));
}

/** The agencies that have active province-level procedures (the public catalog's agency filter). */
export async function catalogAgencies(db: Db, tenantId: string) {
  return db
    .selectDistinct({ id: agencies.id, name: agencies.name, sortOrder: agencies.sortOrder })
    .from(procedures)
    .innerJoin(agencies, eq(agencies.id, procedures.competentAgencyId))
    .where(and(eq(procedures.tenantId, tenantId), eq(procedures.active, true)))
    .orderBy(asc(agencies.sortOrder), asc(agencies.name));
}

export async function getProcedureRow(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(procedures).where(and(eq(procedures.tenantId, tenantId), eq(procedures.id, id)));
  return row ?? null;
}

export async function lockProcedure(tx: Db, tenantId: string, id: string) {
  const [row] = await tx.select().from(procedures).where(and(eq(procedures.tenantId, tenantId), eq(procedures.id, id))).for('update');
  return row ?? null;
}

export async function findIdByCode(db: Db, tenantId: string, code: string): Promise<string | null> {
  const [row] = await db.select({ id: procedures.id }).from(procedures).where(and(eq(procedures.tenantId, tenantId), eq(procedures.code, code)));
  return row?.id ?? null;
}

export async function idsByCodes(db: Db, tenantId: string, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.select({ id: procedures.id, code: procedures.code }).from(procedures).where(and(eq(procedures.tenantId, tenantId), inArray(procedures.code, codes)));
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function insertProcedure(tx: Db, row: ProcedureInsert & { id: string }, components: ComponentInsert[], steps: StepInsert[]) {
  await tx.insert(procedures).values(row);
  await insertChildren(tx, row.id, components, steps);
}

async function insertChildren(tx: Db, procedureId: string, components: ComponentInsert[], steps: StepInsert[]) {
  if (components.length) await tx.insert(procedureComponents).values(components.map((c, i) => ({ ...c, procedureId, position: i + 1 })));
  if (steps.length) await tx.insert(procedureSteps).values(steps.map((s, i) => ({ ...s, procedureId, position: i + 1 })));
}

/** Many procedures with their children in a few statements (the seed, the generator, an import batch). */
export async function insertProceduresBatch(tx: Db, list: { row: ProcedureInsert & { id: string }; components: ComponentInsert[]; steps: StepInsert[] }[]) {
  for (let i = 0; i < list.length; i += 200) {
    const chunk = list.slice(i, i + 200);
    await tx.insert(procedures).values(chunk.map((p) => p.row));
    const components = chunk.flatMap((p) => p.components.map((c, n) => ({ ...c, procedureId: p.row.id, position: n + 1 })));
    const steps = chunk.flatMap((p) => p.steps.map((s, n) => ({ ...s, procedureId: p.row.id, position: n + 1 })));
    for (let j = 0; j < components.length; j += 1000) await tx.insert(procedureComponents).values(components.slice(j, j + 1000));
    for (let j = 0; j < steps.length; j += 1000) await tx.insert(procedureSteps).values(steps.slice(j, j + 1000));
  }
}

/**
 * Updates a procedure; the components and steps, when given, replace the old ones. Components are updated
 * in place by position, because received dossiers point at them; only surplus ones are deleted.
 */
export async function updateProcedure(tx: Db, tenantId: string, id: string, values: Partial<ProcedureInsert>, components?: ComponentInsert[], steps?: StepInsert[]) {
  await tx
    .update(procedures)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(procedures.tenantId, tenantId), eq(procedures.id, id)));
  if (components) {
    const existing = await tx.select({ id: procedureComponents.id, position: procedureComponents.position }).from(procedureComponents).where(eq(procedureComponents.procedureId, id));
    const byPosition = new Map(existing.map((c) => [c.position, c.id]));
    const fresh: (ComponentInsert & { procedureId: string; position: number })[] = [];
    for (const [i, c] of components.entries()) {
      const at = byPosition.get(i + 1);
      const values = { name: c.name, form: c.form, copies: c.copies, required: c.required, templateFileId: c.templateFileId ?? null, templateName: c.templateName ?? null };
      if (at) await tx.update(procedureComponents).set(values).where(eq(procedureComponents.id, at));
      else fresh.push({ ...values, procedureId: id, position: i + 1 });
    }
    if (fresh.length) await tx.insert(procedureComponents).values(fresh);
    await tx.delete(procedureComponents).where(and(eq(procedureComponents.procedureId, id), gt(procedureComponents.position, components.length)));
  }
  if (steps) {
    await tx.delete(procedureSteps).where(eq(procedureSteps.procedureId, id));
    if (steps.length) await tx.insert(procedureSteps).values(steps.map((s, i) => ({ ...s, procedureId: id, position: i + 1 })));
  }
}

export async function childrenOf(db: Db, ids: string[]) {
  if (ids.length === 0) return { components: [], steps: [] };
  const components = await db.select().from(procedureComponents).where(inArray(procedureComponents.procedureId, ids)).orderBy(asc(procedureComponents.procedureId), asc(procedureComponents.position));
  const steps = await db.select().from(procedureSteps).where(inArray(procedureSteps.procedureId, ids)).orderBy(asc(procedureSteps.procedureId), asc(procedureSteps.position));
  return { components, steps };
}

/** Every procedure of the tenant with its children, in code order, a page at a time (the export). */
export async function* allProcedures(db: Db, tenantId: string, active: boolean | undefined): AsyncGenerator<ProcedureForIntake[]> {
  let after = '';
  for (;;) {
    const rows = await db
      .select()
      .from(procedures)
      .where(and(eq(procedures.tenantId, tenantId), gt(procedures.code, after), active === undefined ? undefined : eq(procedures.active, active)))
      .orderBy(asc(procedures.code))
      .limit(500);
    if (rows.length === 0) return;
    const { components, steps } = await childrenOf(db, rows.map((r) => r.id));
    yield rows.map((r) => ({ ...r, components: components.filter((c) => c.procedureId === r.id), steps: steps.filter((s) => s.procedureId === r.id) }));
    after = rows[rows.length - 1]!.code;
  }
}

export async function getAgency(db: Db, tenantId: string, id: string) {
  const [row] = await db.select({ id: agencies.id, type: agencies.type, name: agencies.name, shortName: agencies.shortName, active: agencies.active }).from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.id, id)));
  return row ?? null;
}

/** The tenant's departments (the agencies a province-level procedure can name). */
export async function departments(db: Db, tenantId: string) {
  return db
    .select({ id: agencies.id, type: agencies.type, name: agencies.name, shortName: agencies.shortName, identifierCode: agencies.identifierCode, active: agencies.active })
    .from(agencies)
    .where(and(eq(agencies.tenantId, tenantId), eq(agencies.type, 'department')))
    .orderBy(asc(agencies.sortOrder));
}

/** The ids among `ids` that are files of the tenant. */
export async function existingFileIds(db: Db, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: files.id }).from(files).where(and(eq(files.tenantId, tenantId), inArray(files.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function getFileRow(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(files).where(and(eq(files.tenantId, tenantId), eq(files.id, id)));
  return row ?? null;
}

export async function tenantByCode(db: Db, code: string) {
  const [row] = await db.select({ id: tenants.id, code: tenants.code, name: tenants.name }).from(tenants).where(eq(tenants.code, code));
  return row ?? null;
}

export async function getComponent(db: Db, procedureId: string, componentId: string) {
  const [row] = await db.select().from(procedureComponents).where(and(eq(procedureComponents.procedureId, procedureId), eq(procedureComponents.id, componentId)));
  return row ?? null;
}

// ---- imports ----

export async function insertImport(db: Db, row: typeof procedureImports.$inferInsert & { id: string }) {
  await db.insert(procedureImports).values(row);
}

export async function updateImport(db: Db, id: string, values: Partial<typeof procedureImports.$inferInsert>) {
  await db.update(procedureImports).set(values).where(eq(procedureImports.id, id));
}

/** Adds a batch's counts to the import's progress in one statement. */
export async function addImportProgress(db: Db, id: string, d: { processed: number; created: number; updated: number }) {
  await db
    .update(procedureImports)
    .set({
      processedRows: sql`${procedureImports.processedRows} + ${d.processed}`,
      created: sql`${procedureImports.created} + ${d.created}`,
      updated: sql`${procedureImports.updated} + ${d.updated}`,
    })
    .where(eq(procedureImports.id, id));
}

export async function getImport(db: Db, tenantId: string, id: string): Promise<ImportRow | null> {
  const [row] = await db.select().from(procedureImports).where(and(eq(procedureImports.tenantId, tenantId), eq(procedureImports.id, id)));
  return row ?? null;
}
