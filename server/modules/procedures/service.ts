import { newId } from '../../db/columns.js';
import { audit } from '../../platform/audit/service.js';
import { requirePermission } from '../../platform/auth/permissions.js';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError, type FieldIssue } from '../../platform/http/errors.js';
import { procedureChecker } from './checker.js';
import { loadProcedureForIntake, type ProcedureForIntake } from './intake.js';
import * as repo from './repo.js';
import { countedHours, limitInWorkingHours } from './rules.js';
import type { CreateProcedureInput, ListProceduresFilter, UpdateProcedureInput } from './schemas.js';

const notFound = () => new DomainError('NOT_FOUND', 'Không tìm thấy thủ tục hành chính');
export const invalid = (issues: FieldIssue[]) => new DomainError('VALIDATION_FAILED', issues.map((i) => i.message).join('; '), { errors: issues });
const codeTaken = (code: string) => new DomainError('CONFLICT', `Mã thủ tục ${code} đã có trong danh mục của tỉnh`);
const isUniqueViolation = (err: unknown) => String((err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code) === '23505';
export const isForeignKeyViolation = (err: unknown) => String((err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code) === '23503';

const feeTotal = (fees: { amount: number }[]) => fees.reduce((s, f) => s + f.amount, 0);

export function toSummary(p: repo.ProcedureSummaryRow) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    field: p.field,
    level: p.level,
    competentAgencyId: p.competentAgencyId,
    competentAgencyName: p.competentAgencyName,
    timeLimit: p.timeLimit,
    timeUnit: p.timeUnit,
    onlineService: p.onlineService,
    feeTotal: feeTotal(p.fees),
    active: p.active,
    publishedOn: p.publishedOn,
  };
}

export function toDetail(p: ProcedureForIntake) {
  return {
    ...toSummary(p),
    receivingAgencyName: p.receivingAgencyName,
    sequence: p.sequence,
    method: p.method,
    subjects: p.subjects,
    fees: p.fees.map((f) => ({ kind: f.kind, name: f.name, amount: f.amount, ...(f.note ? { note: f.note } : {}) })),
    result: p.result,
    resultPaper: p.resultPaper,
    resultElectronic: p.resultElectronic,
    legalBasis: p.legalBasis,
    legalEffectiveDate: p.legalEffectiveDate,
    requirements: p.requirements,
    publicationDecision: p.publicationDecision,
    publicationDecisionDate: p.publicationDecisionDate,
    components: p.components.map((c) => ({ id: c.id, position: c.position, name: c.name, form: c.form, copies: c.copies, required: c.required, templateFileId: c.templateFileId, templateName: c.templateName })),
    steps: p.steps.map((s) => ({ id: s.id, position: s.position, name: s.name, role: s.role, budgetHours: s.budgetHours, notCounted: s.notCounted })),
    countedHours: countedHours(p.steps),
    limitHours: limitInWorkingHours(p.timeLimit, p.timeUnit),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

const activeOf = (a: 'true' | 'false' | 'all') => (a === 'all' ? undefined : a === 'true');

/** The catalog as every officer reads it (the counter screen searches it too). */
export async function listProcedures(ctx: ServiceContext, f: ListProceduresFilter) {
  const { items, total } = await repo.findProcedures(ctx.db, ctx.actor.tenantId, { ...f, active: activeOf(f.active) }, f);
  return { items: items.map(toSummary), total, page: f.page, pageSize: f.pageSize };
}

export async function listProcedureFields(ctx: ServiceContext) {
  return { items: await repo.countByField(ctx.db, ctx.actor.tenantId, true) };
}

export async function getProcedure(ctx: ServiceContext, id: string) {
  const p = await loadProcedureForIntake(ctx.db, ctx.actor.tenantId, id);
  if (!p) throw notFound();
  return toDetail(p);
}

/** Adds a procedure to the catalog: checked whole, written with its components and steps, audited. */
export async function createProcedure(ctx: ServiceContext, input: CreateProcedureInput) {
  requirePermission(ctx.actor, 'procedure.manage');
  const checker = await procedureChecker(ctx.db, ctx.actor.tenantId);
  const { issues, checked } = await checker.check(input);
  if (!checked) throw invalid(issues);
  const id = newId();
  try {
    await ctx.db.transaction(async (tx) => {
      if (await repo.findIdByCode(tx, ctx.actor.tenantId, checked.values.code)) throw codeTaken(checked.values.code);
      await repo.insertProcedure(tx, { id, tenantId: ctx.actor.tenantId, ...checked.values }, checked.components, checked.steps);
      await audit(ctx, tx, { action: 'procedure.created', entityType: 'procedure', entityId: id, first: true, summary: `Thêm thủ tục ${checked.values.code} – ${checked.values.name}`, after: checked });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw codeTaken(checked.values.code);
    throw err;
  }
  return getProcedure(ctx, id);
}

/** The input of a full check: the stored procedure with the change laid over it. */
function merged(p: ProcedureForIntake, change: UpdateProcedureInput): CreateProcedureInput {
  const levelChanged = change.level !== undefined && change.level !== p.level;
  const agencyChanged = change.competentAgencyId !== undefined && change.competentAgencyId !== p.competentAgencyId;
  return {
    code: change.code ?? p.code,
    name: change.name ?? p.name,
    field: change.field ?? p.field,
    level: change.level ?? p.level,
    competentAgencyId: change.competentAgencyId !== undefined ? change.competentAgencyId : p.competentAgencyId,
    // a new agency or level brings its own published name unless one is given
    competentAgencyName: change.competentAgencyName ?? (levelChanged || agencyChanged ? undefined : p.competentAgencyName),
    receivingAgencyName: change.receivingAgencyName ?? (levelChanged ? undefined : p.receivingAgencyName),
    timeLimit: change.timeLimit ?? p.timeLimit,
    timeUnit: change.timeUnit ?? p.timeUnit,
    sequence: change.sequence ?? p.sequence,
    method: change.method ?? p.method,
    subjects: change.subjects ?? p.subjects,
    fees: change.fees ?? p.fees,
    result: change.result ?? p.result,
    resultPaper: change.resultPaper ?? p.resultPaper,
    resultElectronic: change.resultElectronic ?? p.resultElectronic,
    legalBasis: change.legalBasis ?? p.legalBasis,
    legalEffectiveDate: change.legalEffectiveDate !== undefined ? change.legalEffectiveDate : p.legalEffectiveDate,
    requirements: change.requirements ?? p.requirements,
    onlineService: change.onlineService ?? p.onlineService,
    publicationDecision: change.publicationDecision !== undefined ? change.publicationDecision : p.publicationDecision,
    publicationDecisionDate: change.publicationDecisionDate !== undefined ? change.publicationDecisionDate : p.publicationDecisionDate,
    publishedOn: change.publishedOn !== undefined ? change.publishedOn : p.publishedOn,
    active: change.active ?? p.active,
    components: change.components ?? p.components.map((c) => ({ name: c.name, form: c.form, copies: c.copies, required: c.required, templateFileId: c.templateFileId, templateName: c.templateName })),
    steps: change.steps ?? p.steps.map((s) => ({ name: s.name, role: s.role, budgetHours: s.budgetHours, notCounted: s.notCounted })),
  };
}

/** Changes a procedure; the result must pass every rule a new one does, or nothing changes. */
export async function updateProcedure(ctx: ServiceContext, id: string, change: UpdateProcedureInput) {
  requirePermission(ctx.actor, 'procedure.manage');
  const before = await loadProcedureForIntake(ctx.db, ctx.actor.tenantId, id);
  if (!before) throw notFound();
  const checker = await procedureChecker(ctx.db, ctx.actor.tenantId);
  const { issues, checked } = await checker.check(merged(before, change));
  if (!checked) throw invalid(issues);
  try {
    await ctx.db.transaction(async (tx) => {
      if (!(await repo.lockProcedure(tx, ctx.actor.tenantId, id))) throw notFound();
      if (checked.values.code !== before.code) {
        const other = await repo.findIdByCode(tx, ctx.actor.tenantId, checked.values.code);
        if (other && other !== id) throw codeTaken(checked.values.code);
      }
      await repo.updateProcedure(tx, ctx.actor.tenantId, id, checked.values, change.components ? checked.components : undefined, change.steps ? checked.steps : undefined);
      await audit(ctx, tx, { action: 'procedure.updated', entityType: 'procedure', entityId: id, summary: `Sửa thủ tục ${checked.values.code} – ${checked.values.name}`, before: toDetail(before), after: change });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw codeTaken(checked.values.code);
    if (isForeignKeyViolation(err)) throw new DomainError('CONFLICT', 'Không bỏ được thành phần hồ sơ đã có hồ sơ tiếp nhận; hãy sửa tên thay vì xóa');
    throw err;
  }
  return getProcedure(ctx, id);
}
