import type { Db } from '../../db/open.js';
import type { FieldIssue } from '../../platform/http/errors.js';
import { searchKey } from '../../platform/search/normalize.js';
import * as repo from './repo.js';
import { checkCode, checkSteps } from './rules.js';
import type { CreateProcedureInput } from './schemas.js';

export const COMMUNE_COMPETENT_NAME = 'Ủy ban nhân dân cấp xã';
export const DEFAULT_RECEIVING_NAME = { province: 'Trung tâm Phục vụ hành chính công tỉnh', commune: 'Trung tâm Phục vụ hành chính công cấp xã' } as const;

/** The published names a procedure gets when none is given: its department, or every commune's committee. */
export const procedureDefaults = (level: 'province' | 'commune', agencyName?: string) => ({
  competentAgencyName: agencyName ?? COMMUNE_COMPETENT_NAME,
  receivingAgencyName: DEFAULT_RECEIVING_NAME[level],
});

type Department = Awaited<ReturnType<typeof repo.departments>>[number];

/** A procedure ready to be written: the columns, the components and the steps in order. */
export interface CheckedProcedure {
  values: Omit<repo.ProcedureInsert, 'id' | 'tenantId'>;
  components: repo.ComponentInsert[];
  steps: repo.StepInsert[];
}

/**
 * Checks procedures of one tenant against the catalog's rules (code, level and agency, steps adding up to
 * the time limit, template files) and returns the issues or the rows to write. The tenant's departments
 * are read once, so an import checks thousands of rows without a query each.
 */
export async function procedureChecker(db: Db, tenantId: string) {
  const depts = await repo.departments(db, tenantId);
  const byId = new Map(depts.map((d) => [d.id, d]));
  const byKey = new Map<string, Department[]>();
  for (const d of depts) {
    for (const key of new Set([searchKey(d.name), searchKey(d.shortName), d.identifierCode ? searchKey(d.identifierCode) : ''])) {
      if (!key) continue;
      byKey.set(key, [...(byKey.get(key) ?? []), d]);
    }
  }

  /** The department a published name points at ("Sở Tư pháp", "STP", or its identifier code). */
  function matchDepartment(name: string): { agency?: Department; error?: string } {
    const found = byKey.get(searchKey(name)) ?? [];
    if (found.length === 1) return { agency: found[0]! };
    if (found.length > 1) return { error: `Tên cơ quan "${name}" trùng với nhiều sở, ngành; hãy ghi tên đầy đủ` };
    return { error: `Không tìm thấy sở, ngành "${name}" của tỉnh` };
  }

  async function check(input: CreateProcedureInput): Promise<{ issues: FieldIssue[]; checked?: CheckedProcedure }> {
    const issues: FieldIssue[] = [...checkCode(input.code)];
    let agency: Department | undefined;
    if (input.level === 'province') {
      if (!input.competentAgencyId) issues.push({ path: 'competentAgencyId', message: 'Thủ tục cấp tỉnh phải có cơ quan có thẩm quyền là một sở, ngành của tỉnh' });
      else {
        agency = byId.get(input.competentAgencyId);
        if (!agency) issues.push({ path: 'competentAgencyId', message: 'Cơ quan có thẩm quyền phải là một sở, ngành của tỉnh' });
        else if (!agency.active) issues.push({ path: 'competentAgencyId', message: `Cơ quan "${agency.name}" đã ngừng hoạt động` });
      }
    } else if (input.competentAgencyId) {
      issues.push({ path: 'competentAgencyId', message: 'Thủ tục cấp xã do Ủy ban nhân dân từng xã, phường, đặc khu giải quyết: không chọn cơ quan có thẩm quyền' });
    }
    issues.push(...checkSteps(input.steps, input.timeLimit, input.timeUnit));
    const templateIds = input.components.flatMap((c) => (c.templateFileId ? [c.templateFileId] : []));
    const found = await repo.existingFileIds(db, tenantId, [...new Set(templateIds)]);
    input.components.forEach((c, i) => {
      if (c.templateFileId && !found.has(c.templateFileId)) issues.push({ path: `components.${i}.templateFileId`, message: `Thành phần ${i + 1}: không tìm thấy tệp mẫu đơn, tờ khai đã tải lên` });
    });
    if (issues.length) return { issues };
    const competentAgencyName = input.competentAgencyName || (agency ? agency.name : COMMUNE_COMPETENT_NAME);
    return {
      issues,
      checked: {
        values: {
          code: input.code,
          name: input.name,
          field: input.field,
          level: input.level,
          competentAgencyId: agency?.id ?? null,
          competentAgencyName,
          receivingAgencyName: input.receivingAgencyName || DEFAULT_RECEIVING_NAME[input.level],
          timeLimit: input.timeLimit,
          timeUnit: input.timeUnit,
          sequence: input.sequence,
          method: input.method,
          subjects: input.subjects,
          fees: input.fees.map((f) => ({ kind: f.kind, name: f.name, amount: f.amount, ...(f.note ? { note: f.note } : {}) })),
          result: input.result,
          resultPaper: input.resultPaper,
          resultElectronic: input.resultElectronic,
          legalBasis: input.legalBasis,
          legalEffectiveDate: input.legalEffectiveDate,
          requirements: input.requirements,
          onlineService: input.onlineService,
          publicationDecision: input.publicationDecision || null,
          publicationDecisionDate: input.publicationDecisionDate,
          publishedOn: input.publishedOn,
          active: input.active,
        },
        components: input.components.map((c) => ({ name: c.name, form: c.form, copies: c.copies, required: c.required, templateFileId: c.templateFileId ?? null, templateName: c.templateName || null })),
        steps: input.steps.map((s) => ({ name: s.name, role: s.role, budgetHours: s.budgetHours, notCounted: s.notCounted })),
      },
    };
  }

  return { check, matchDepartment };
}
