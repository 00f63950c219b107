import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import { COMMUNE_COMPETENT_NAME, DEFAULT_RECEIVING_NAME } from './checker.js';
import * as repo from './repo.js';
import { HOURS_PER_DAY } from './rules.js';
import { standardSteps } from './standard-steps.js';
import type { ComponentForm, OnlineServiceKind, ProcedureFee, ProcedureLevel } from './tables.js';

/** The province's published catalog: 2,175 procedures, 1,854 of them at province level (issue 6). */
export const CATALOG_SIZE = { total: 2175, province: 1854 } as const;

const PROVINCE_FIELDS = ['Thành lập và hoạt động doanh nghiệp', 'Đất đai', 'Hoạt động xây dựng', 'Khám bệnh, chữa bệnh', 'Dược phẩm', 'Lý lịch tư pháp', 'Công chứng', 'Giáo dục và Đào tạo', 'Lữ hành', 'Việc làm', 'Kinh doanh khí', 'Môi trường', 'Tài nguyên nước', 'Văn hóa', 'Khoa học và Công nghệ'];
const COMMUNE_FIELDS = ['Hộ tịch', 'Chứng thực', 'Thành lập và hoạt động của hộ kinh doanh', 'Bảo trợ xã hội', 'Người có công', 'Đất đai', 'Nông nghiệp'];
const ACTIONS = ['Cấp', 'Cấp lại', 'Điều chỉnh', 'Gia hạn', 'Đăng ký', 'Thẩm định', 'Xác nhận', 'Công nhận'];
const OBJECTS = ['giấy phép', 'giấy chứng nhận', 'chứng chỉ hành nghề', 'văn bản chấp thuận', 'quyết định công nhận', 'giấy xác nhận'];
const LIMITS = [1, 2, 3, 5, 7, 10, 12, 15, 20, 30];
const FORMS: ComponentForm[] = ['original', 'copy', 'certified_copy', 'original_or_copy'];
const ONLINE: OnlineServiceKind[] = ['full', 'partial', 'partial', 'none'];

/** A small deterministic generator (mulberry32): the same seed gives the same catalog on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedProcedure {
  row: repo.ProcedureInsert & { id: string };
  components: repo.ComponentInsert[];
  steps: repo.StepInsert[];
}

/**
 * The scale catalog, deterministic: `total` procedures (`province` of them at province level, spread over
 * the tenant's departments), each with 2–5 components, 0–2 fees and the standard internal process whose
 * budgets add up to its time limit. Codes are 8.xxxxxx (demo codes: no real procedure has them).
 */
export function generateProcedures(tenantId: string, departments: { id: string; name: string }[], opts: { total?: number; province?: number; seed?: number } = {}): GeneratedProcedure[] {
  const total = opts.total ?? CATALOG_SIZE.total;
  const provinceCount = opts.province ?? CATALOG_SIZE.province;
  if (departments.length === 0 && provinceCount > 0) throw new Error('generateProcedures: the tenant has no department');
  const rnd = random(opts.seed ?? 20250701);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const out: GeneratedProcedure[] = [];
  for (let i = 0; i < total; i++) {
    const level: ProcedureLevel = i < provinceCount ? 'province' : 'commune';
    const agency = level === 'province' ? departments[i % departments.length]! : null;
    const field = pick(level === 'province' ? PROVINCE_FIELDS : COMMUNE_FIELDS);
    const limit = pick(LIMITS);
    const name = `${pick(ACTIONS)} ${pick(OBJECTS)} lĩnh vực ${field.toLowerCase()} (mẫu số ${i + 1})`;
    const fees: ProcedureFee[] = Array.from({ length: Math.floor(rnd() * 3) }, (_, n) => ({ kind: n === 0 ? 'charge' : 'fee', name: n === 0 ? 'Lệ phí cấp giấy' : 'Phí thẩm định hồ sơ', amount: Math.floor(rnd() * 100) * 10_000 }));
    const day = 1 + (i % 28);
    out.push({
      row: {
        id: newId(),
        tenantId,
        code: `8.${String(i + 1).padStart(6, '0')}`,
        name,
        field,
        level,
        competentAgencyId: agency?.id ?? null,
        competentAgencyName: agency?.name ?? COMMUNE_COMPETENT_NAME,
        receivingAgencyName: DEFAULT_RECEIVING_NAME[level],
        timeLimit: limit,
        timeUnit: 'working_days',
        method: 'Trực tiếp; trực tuyến; qua dịch vụ bưu chính công ích',
        subjects: [rnd() < 0.5 ? 'citizen' : 'business'],
        fees,
        result: `${name.split(' lĩnh vực')[0]} (bản chính)`,
        resultPaper: true,
        resultElectronic: rnd() < 0.6,
        legalBasis: 'Văn bản quy phạm pháp luật của lĩnh vực (dữ liệu mẫu)',
        legalEffectiveDate: '2025-07-01',
        onlineService: pick(ONLINE),
        publicationDecision: `${1000 + Math.floor(i / 50)}/QĐ-UBND`,
        publicationDecisionDate: `2025-07-${String(day).padStart(2, '0')}`,
        publishedOn: `2025-08-${String(day).padStart(2, '0')}`,
        active: true,
      },
      components: Array.from({ length: 2 + Math.floor(rnd() * 4) }, (_, n) => ({
        name: n === 0 ? 'Đơn đề nghị theo mẫu' : `Giấy tờ kèm theo số ${n}`,
        form: n === 0 ? 'original' : pick(FORMS),
        copies: 1 + Math.floor(rnd() * 2),
        required: n < 2 || rnd() < 0.5,
        templateFileId: null,
        templateName: n === 0 ? 'Đơn đề nghị' : null,
      })),
      steps: standardSteps(limit * HOURS_PER_DAY, level),
    });
  }
  return out;
}

/** Writes the scale catalog for a tenant (the bench and `scripts/generate-procedures.ts` call this). */
export async function insertGeneratedProcedures(db: Db, tenantId: string, opts: { total?: number; province?: number; seed?: number } = {}): Promise<number> {
  // a second run finds the first catalog and adds nothing
  if (await repo.findIdByCode(db, tenantId, '8.000001')) return 0;
  const depts = (await repo.departments(db, tenantId)).filter((d) => d.active);
  const list = generateProcedures(tenantId, depts, opts);
  await db.transaction((tx) => repo.insertProceduresBatch(tx, list));
  return list.length;
}
