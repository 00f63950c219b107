// Shared setup of the processing tests (not a test file): a procedure of the Department of Finance with the
// usual seven steps, dossiers received through the intake API, and the demo people as service actors.
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Session, TestApp } from '../../../test/helpers/app.js';
import { newId } from '../../db/columns.js';
import type { Actor, Role } from '../../platform/auth/permissions.js';
import type { ServiceContext } from '../../platform/context.js';
import { procedureComponents, procedures, procedureSteps } from '../procedures/tables.js';
import { dossiers } from './tables.js';

/** 5 working days = 40 h: 4 + 4 + 16 + 8 + 4 + 4, the return outside the clock. */
export const STEPS = [
  { name: 'Tiếp nhận hồ sơ', role: 'reception', budgetHours: 4 },
  { name: 'Phân công xử lý', role: 'assignment', budgetHours: 4 },
  { name: 'Thẩm định hồ sơ', role: 'handling', budgetHours: 16 },
  { name: 'Xem xét, trình ký', role: 'review', budgetHours: 8 },
  { name: 'Phê duyệt', role: 'approval', budgetHours: 4 },
  { name: 'Phát hành kết quả', role: 'issuance', budgetHours: 4 },
  { name: 'Trả kết quả', role: 'return', budgetHours: 0, notCounted: true },
] as const;

export interface Fixture {
  procedureId: string;
  componentId: string;
}

/** A procedure of the agency of `handler` (its competent agency), inserted for the test. */
export async function insertProcedure(t: TestApp, tenantId: string, agencyId: string, code: string): Promise<Fixture> {
  const procedureId = newId();
  const componentId = newId();
  await t.database.db.insert(procedures).values({
    id: procedureId,
    tenantId,
    code,
    name: 'Cấp giấy phép thử nghiệm xử lý hồ sơ',
    field: 'Tài chính',
    level: 'province',
    competentAgencyId: agencyId,
    competentAgencyName: 'Sở Tài chính',
    receivingAgencyName: 'Trung tâm Phục vụ hành chính công tỉnh',
    timeLimit: 5,
    timeUnit: 'working_days',
    result: 'Giấy phép',
  });
  await t.database.db.insert(procedureComponents).values({ id: componentId, procedureId, position: 1, name: 'Tờ khai đề nghị cấp phép', form: 'original', copies: 1, required: true });
  await t.database.db.insert(procedureSteps).values(STEPS.map((s, i) => ({ id: newId(), procedureId, position: i + 1, name: s.name, role: s.role, budgetHours: s.budgetHours, notCounted: 'notCounted' in s ? s.notCounted : false })));
  return { procedureId, componentId };
}

let applicantNo = 0;

/** A dossier received at the desk of `desk` through the intake API (status 4, at the assignment step). */
export async function receive(t: TestApp, desk: Session, f: Fixture, applicantName = 'Nguyễn Văn Bình', counter = 'Quầy 1'): Promise<{ id: string; code: string }> {
  applicantNo += 1;
  const res = await t.as(desk, {
    method: 'POST',
    url: '/api/dossiers',
    payload: {
      decision: 'receive',
      procedureId: f.procedureId,
      counter,
      applicant: { kind: 'person', name: applicantName, idNumber: `0912345${String(applicantNo).padStart(5, '0')}`, phone: '0912345678', address: 'Phường Rạch Giá, tỉnh An Giang' },
      components: [{ procedureComponentId: f.componentId }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json() as { dossier: { id: string; code: string; status: number } };
  expect(body.dossier.status).toBe(4);
  return body.dossier;
}

/** The service actor of a logged-in person (for calls with a chosen `now`). */
export function contextOf(t: TestApp, s: Session & { user: { fullName?: string; username?: string } }): ServiceContext {
  const actor: Actor = {
    userId: s.user.id,
    tenantId: s.user.tenant.id,
    agencyId: s.user.agency.id,
    unitId: s.user.unit.id,
    username: s.user.username ?? '',
    fullName: s.user.fullName ?? '',
    roles: s.user.roles as Role[],
    via: 'session',
  };
  return { db: t.database.db, actor };
}

export async function dossierRow(t: TestApp, id: string) {
  const [row] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, id));
  return row!;
}

/** Sets columns directly: the test's way to put a dossier at a moment of its life the API reaches only in days. */
export async function setDossier(t: TestApp, id: string, values: Partial<typeof dossiers.$inferInsert>) {
  await t.database.db.update(dossiers).set(values).where(eq(dossiers.id, id));
}
