import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { agencies } from '../modules/org/tables.js';
import { insertCatalog, procedureDefaults, standardSteps, type CatalogEntry } from '../modules/procedures/index.js';
import type { ComponentForm, OnlineServiceKind, ProcedureFee, ProcedureLevel, ProcedureSubject, TimeUnit } from '../modules/procedures/tables.js';
import data from './data/procedures.json' with { type: 'json' };

interface DemoProcedure {
  code: string;
  name: string;
  field: string;
  level: string;
  agency?: string;
  competentAgencyName?: string;
  timeLimit: number;
  timeUnit: string;
  subjects: string[];
  onlineService: string;
  result: string;
  resultPaper?: boolean;
  resultElectronic: boolean;
  legalBasis: string;
  requirements?: string;
  components: (string | number | boolean)[][];
  fees: (string | number)[][];
}

/** Working hours of a limit in the units the demo data uses. */
const hoursOf = (limit: number, unit: string) => (unit === 'working_days' ? limit * 8 : limit);

/**
 * A realistic set of common procedures at province level (Sở Tài chính's enterprise registration, Sở Tư
 * pháp's judicial record, Sở Xây dựng, Sở Y tế…) and commune level (hộ tịch, chứng thực, household
 * business), with components, fees, the standard internal process and publication dates. Codes are demo
 * codes (see the data file's comment). One batched write: `npm start` seeds on first run.
 */
export async function seedDemoProcedures(tx: Db, tenantId: string): Promise<void> {
  const depts = await tx.select({ id: agencies.id, name: agencies.name, shortName: agencies.shortName }).from(agencies).where(and(eq(agencies.tenantId, tenantId), eq(agencies.type, 'department')));
  const byShortName = new Map(depts.map((d) => [d.shortName, d]));
  const entries: CatalogEntry[] = (data.procedures as DemoProcedure[]).map((p, i) => {
    const level = p.level as ProcedureLevel;
    const agency = p.agency ? byShortName.get(p.agency) : undefined;
    if (level === 'province' && !agency) throw new Error(`demo procedure ${p.code}: no department ${p.agency}`);
    const defaults = procedureDefaults(level, agency?.name);
    // publication: one decision after 1 July 2025, made public on the portal a few days later (some late)
    const decisionDay = 1 + (i % 20);
    const publishedDay = decisionDay + 2 + (i % 5);
    return {
      values: {
        code: p.code,
        name: p.name,
        field: p.field,
        level,
        competentAgencyId: agency?.id ?? null,
        competentAgencyName: p.competentAgencyName ?? defaults.competentAgencyName,
        receivingAgencyName: defaults.receivingAgencyName,
        timeLimit: p.timeLimit,
        timeUnit: p.timeUnit as TimeUnit,
        sequence:
          'Bước 1: Tổ chức, cá nhân nộp hồ sơ trực tiếp, trực tuyến hoặc qua dịch vụ bưu chính công ích.\nBước 2: Cơ quan có thẩm quyền thẩm định hồ sơ, giải quyết theo quy định.\nBước 3: Trả kết quả tại nơi nộp hồ sơ hoặc qua dịch vụ bưu chính công ích.',
        method: 'Trực tiếp tại Trung tâm Phục vụ hành chính công; trực tuyến trên Cổng Dịch vụ công quốc gia; qua dịch vụ bưu chính công ích',
        subjects: p.subjects as ProcedureSubject[],
        fees: p.fees.map(([kind, name, amount, note]) => ({ kind: kind as ProcedureFee['kind'], name: String(name), amount: Number(amount), ...(note ? { note: String(note) } : {}) })),
        result: p.result,
        resultPaper: p.resultPaper ?? true,
        resultElectronic: p.resultElectronic,
        legalBasis: p.legalBasis,
        legalEffectiveDate: '2025-07-01',
        requirements: p.requirements ?? '',
        onlineService: p.onlineService as OnlineServiceKind,
        publicationDecision: `${1400 + Math.floor(i / 6)}/QĐ-UBND`,
        publicationDecisionDate: `2025-07-${String(decisionDay).padStart(2, '0')}`,
        publishedOn: `2025-07-${String(publishedDay).padStart(2, '0')}`,
        active: true,
      },
      components: p.components.map(([name, form, copies, required, templateName]) => ({ name: String(name), form: form as ComponentForm, copies: Number(copies), required: Boolean(required), templateFileId: null, templateName: templateName ? String(templateName) : null })),
      steps: standardSteps(hoursOf(p.timeLimit, p.timeUnit), level),
    };
  });
  await insertCatalog(tx, tenantId, entries);
}
