import { eq } from 'drizzle-orm';
import { newId } from '../db/columns.js';
import type { Db } from '../db/open.js';
import { agencies, positions, tenants, units, userRoles, users } from '../modules/org/tables.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { credentials } from '../platform/auth/tables.js';
import type { Role } from '../platform/auth/permissions.js';
import { recordAudit } from '../platform/audit/service.js';
import { calendarOverrides } from '../platform/calendar/tables.js';
import anGiang from './data/an-giang.json' with { type: 'json' };
import calendarData from './data/calendar-overrides.json' with { type: 'json' };
import { seedDemoMeetings } from './demo-meetings.js';
import { seedDemoSchedule } from './demo-schedule.js';
import { seedDemoProcedures } from './demo-procedures.js';
import { seedDemoDossiers } from './demo-dossiers.js';

/** The demo logins, printed at start in development mode (never in production). */
export const DEMO_USERS: { username: string; fullName: string; role: Role; where: string; position: string }[] = [
  { username: 'admin', fullName: 'Trần Quản Trị', role: 'admin', where: 'vp:hc', position: 'Chuyên viên' },
  { username: 'vanthu', fullName: 'Nguyễn Thị Văn Thư', role: 'clerk', where: 'vp:hc', position: 'Văn thư' },
  { username: 'lanhdao', fullName: 'Lê Minh Đức', role: 'leader', where: 'ubnd:ld', position: 'Phó Chủ tịch UBND tỉnh' },
  { username: 'chanhvanphong', fullName: 'Phạm Thanh Hải', role: 'leader', where: 'vp:ld', position: 'Chánh Văn phòng' },
  { username: 'chuyenvien', fullName: 'Võ Thị Ngọc Ánh', role: 'specialist', where: 'vp:th', position: 'Chuyên viên' },
  { username: 'truongphong', fullName: 'Trương Văn Phong', role: 'leader', where: 'vp:th', position: 'Trưởng phòng' },
  { username: 'motcua', fullName: 'Huỳnh Văn Tâm', role: 'one_stop_officer', where: 'center1', position: 'Cán bộ một cửa' },
  { username: 'so', fullName: 'Đặng Thu Trang', role: 'department_staff', where: 'stc', position: 'Chuyên viên' },
  { username: 'vanthuso', fullName: 'Lê Thị Thu', role: 'clerk', where: 'stc', position: 'Văn thư' },
  { username: 'truongphongso', fullName: 'Nguyễn Hữu Phước', role: 'leader', where: 'stc:nv', position: 'Trưởng phòng' },
  { username: 'giamdocso', fullName: 'Trần Quốc Bảo', role: 'leader', where: 'stc:ld', position: 'Giám đốc Sở' },
  { username: 'xa', fullName: 'Lý Hoàng Nam', role: 'commune_staff', where: 'rachgia', position: 'Công chức' },
  { username: 'chutichxa', fullName: 'Danh Thị Sen', role: 'leader', where: 'rachgia:ld', position: 'Chủ tịch UBND xã' },
];

const POSITIONS = [
  ['Chủ tịch UBND tỉnh', 10],
  ['Phó Chủ tịch UBND tỉnh', 20],
  ['Chánh Văn phòng', 30],
  ['Phó Chánh Văn phòng', 40],
  ['Giám đốc Sở', 50],
  ['Phó Giám đốc Sở', 60],
  ['Chủ tịch UBND xã', 70],
  ['Phó Chủ tịch UBND xã', 80],
  ['Trưởng phòng', 90],
  ['Phó Trưởng phòng', 100],
  ['Chuyên viên', 110],
  ['Công chức', 120],
  ['Văn thư', 130],
  ['Cán bộ một cửa', 140],
] as const;

const VP_UNITS = [
  ['ld', 'Lãnh đạo Văn phòng', 'LĐVP'],
  ['th', 'Phòng Tổng hợp', 'TH'],
  ['kt', 'Phòng Kinh tế', 'KT'],
  ['kgvx', 'Phòng Khoa giáo – Văn xã', 'KGVX'],
  ['nc', 'Phòng Nội chính', 'NC'],
  ['hc', 'Phòng Hành chính – Tổ chức', 'HCTC'],
  ['ttcb', 'Trung tâm Công báo – Tin học', 'CBTH'],
] as const;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** Decision 20/2020 shape with the letter Z, which no real agency has: visibly a demo code. */
const demoCode = (group2: number, group3: number) => `000.${pad(group2)}.${pad(group3)}.Z01`;

export interface SeedResult {
  seeded: boolean;
  tenantId: string;
}

interface Builder {
  tx: Db;
  tenantId: string;
  positionIds: Map<string, string>;
  unitIds: Map<string, string>;
  agencyIds: Map<string, string>;
}

async function addAgency(b: Builder, key: string, values: Omit<typeof agencies.$inferInsert, 'id' | 'tenantId'>) {
  const id = newId();
  await b.tx.insert(agencies).values({ id, tenantId: b.tenantId, ...values });
  b.agencyIds.set(key, id);
  return id;
}

async function addUnits(b: Builder, agencyKey: string, list: readonly (readonly [string, string, string | null])[]) {
  const agencyId = b.agencyIds.get(agencyKey)!;
  const rows = list.map(([key, name, shortName]) => {
    const id = newId();
    b.unitIds.set(`${agencyKey}:${key}`, id);
    return { id, tenantId: b.tenantId, agencyId, name, shortName };
  });
  await b.tx.insert(units).values(rows);
}

async function addUser(
  b: Builder,
  u: { username: string; fullName: string; role: Role; unitKey: string; position: string },
  passwordHash: string,
) {
  const unitId = b.unitIds.get(u.unitKey);
  if (!unitId) throw new Error(`seed: unknown unit ${u.unitKey}`);
  const agencyId = b.agencyIds.get(u.unitKey.split(':')[0]!)!;
  const id = newId();
  await b.tx.insert(users).values({
    id,
    tenantId: b.tenantId,
    username: u.username,
    fullName: u.fullName,
    email: `${u.username}@demo.vanphongso.invalid`,
    agencyId,
    unitId,
    positionId: b.positionIds.get(u.position) ?? null,
    isDemo: true,
  });
  await b.tx.insert(userRoles).values({ tenantId: b.tenantId, userId: id, role: u.role });
  await b.tx.insert(credentials).values({ userId: id, tenantId: b.tenantId, passwordHash });
  await recordAudit(b.tx, { tenantId: b.tenantId, action: 'user.created', entityType: 'user', entityId: id, actorName: 'Dữ liệu mẫu', summary: `Tạo tài khoản mẫu ${u.fullName} (${u.username})` });
}

async function startTenant(tx: Db, code: string, name: string): Promise<Builder> {
  const tenantId = newId();
  await tx.insert(tenants).values({ id: tenantId, code, name });
  const positionIds = new Map<string, string>();
  for (const [posName, rank] of POSITIONS) {
    const id = newId();
    await tx.insert(positions).values({ id, tenantId, name: posName, rank });
    positionIds.set(posName, id);
  }
  await tx.insert(calendarOverrides).values(calendarData.overrides.map((o) => ({ id: newId(), tenantId, ...(o as { date: string; kind: 'day_off' | 'working_day'; name: string }) })));
  return { tx, tenantId, positionIds, unitIds: new Map(), agencyIds: new Map() };
}

async function seedAnGiang(tx: Db, passwordHash: string): Promise<string> {
  const b = await startTenant(tx, 'an-giang', anGiang.province.name);
  await addAgency(b, 'ubnd', { type: 'province_committee', name: anGiang.province.committee, shortName: 'UBND', identifierCode: demoCode(0, 0), address: `${anGiang.province.seat}, tỉnh An Giang`, sortOrder: 0 });
  await addUnits(b, 'ubnd', [['ld', 'Lãnh đạo UBND tỉnh', 'LĐ']]);
  let order = 10;
  for (const [i, dept] of anGiang.departments.entries()) {
    const isOffice = dept.name.startsWith('Văn phòng');
    const key = isOffice ? 'vp' : dept.shortName.toLowerCase();
    await addAgency(b, key, {
      type: isOffice ? 'provincial_office' : 'department',
      name: dept.name,
      shortName: dept.shortName,
      parentId: b.agencyIds.get('ubnd')!,
      identifierCode: demoCode(0, i + 1),
      sortOrder: (order += 10),
    });
    if (isOffice) await addUnits(b, key, VP_UNITS);
    else await addUnits(b, key, [['vp', 'Văn phòng Sở', 'VP'], ['ld', 'Ban Giám đốc', 'BGĐ'], ['nv', 'Phòng Nghiệp vụ', 'NV']]);
  }
  const center = anGiang.publicServiceCenter;
  await addAgency(b, 'center', { type: 'service_center', name: center.name, shortName: 'TTPVHCC', parentId: b.agencyIds.get('vp')!, identifierCode: demoCode(0, 20), sortOrder: 300 });
  await addUnits(b, 'center', [['ld', 'Ban Giám đốc Trung tâm', 'BGĐ'], ['hc', 'Phòng Hành chính – Tổng hợp', 'HCTH']]);
  for (let n = 1; n <= center.locations; n++) {
    await addAgency(b, `center${n}`, { type: 'service_center_location', name: `${center.name} – Điểm tiếp nhận số ${n}`, shortName: 'TTPVHCC', parentId: b.agencyIds.get('center')!, identifierCode: demoCode(n, 20), sortOrder: 300 + n });
    await addUnits(b, `center${n}`, [['tn', 'Bộ phận Tiếp nhận và Trả kết quả', 'TN&TKQ']]);
  }
  const typeOf = { commune: 'commune_committee', ward: 'ward_committee', special_zone: 'special_zone_committee' } as const;
  const prefix = { commune: 'Ủy ban nhân dân ', ward: 'Ủy ban nhân dân ', special_zone: 'Ủy ban nhân dân ' } as const;
  for (const [i, unit] of anGiang.communeLevelUnits.entries()) {
    const kind = unit.type as keyof typeof typeOf;
    const key = unit.name === 'Phường Rạch Giá' ? 'rachgia' : `xa${i + 1}`;
    await addAgency(b, key, {
      type: typeOf[kind],
      name: `${prefix[kind]}${unit.name.charAt(0).toLowerCase()}${unit.name.slice(1)}`,
      shortName: 'UBND',
      parentId: b.agencyIds.get('ubnd')!,
      identifierCode: `${pad(i + 1, 3)}.00.99.Z01`,
      sortOrder: 1000 + i,
    });
    await addUnits(b, key, [['vp', 'Văn phòng HĐND và UBND', 'VP'], ['mc', 'Trung tâm Phục vụ hành chính công', 'TTPVHCC']]);
  }
  const whereToUnit: Record<string, string> = { 'vp:hc': 'vp:hc', 'ubnd:ld': 'ubnd:ld', 'vp:ld': 'vp:ld', 'vp:th': 'vp:th', center1: 'center1:tn', stc: 'stc:vp', 'stc:nv': 'stc:nv', 'stc:ld': 'stc:ld', rachgia: 'rachgia:vp', 'rachgia:ld': 'rachgia:vp' };
  for (const u of DEMO_USERS) await addUser(b, { ...u, unitKey: whereToUnit[u.where]! }, passwordHash);
  return b.tenantId;
}

/** A second, small province: tests prove that its users never see An Giang's rows, nor the reverse. */
async function seedSecondTenant(tx: Db, passwordHash: string) {
  const b = await startTenant(tx, 'thu-nghiem', 'Tỉnh Thử Nghiệm');
  await addAgency(b, 'ubnd', { type: 'province_committee', name: 'Ủy ban nhân dân tỉnh Thử Nghiệm', shortName: 'UBND', identifierCode: demoCode(0, 0).replace('Z01', 'Z02') });
  await addUnits(b, 'ubnd', [['vp', 'Văn phòng', 'VP']]);
  await addAgency(b, 'stc', { type: 'department', name: 'Sở Tài chính tỉnh Thử Nghiệm', shortName: 'STC', parentId: b.agencyIds.get('ubnd')! });
  await addUnits(b, 'stc', [['vp', 'Văn phòng Sở', 'VP']]);
  await addAgency(b, 'xa', { type: 'commune_committee', name: 'Ủy ban nhân dân xã Thử Nghiệm', shortName: 'UBND', parentId: b.agencyIds.get('ubnd')! });
  await addUnits(b, 'xa', [['vp', 'Văn phòng HĐND và UBND', 'VP']]);
  await addUser(b, { username: 'tn.admin', fullName: 'Quản trị Thử Nghiệm', role: 'admin', unitKey: 'ubnd:vp', position: 'Chuyên viên' }, passwordHash);
  await addUser(b, { username: 'tn.chuyenvien', fullName: 'Chuyên viên Thử Nghiệm', role: 'specialist', unitKey: 'stc:vp', position: 'Chuyên viên' }, passwordHash);
  return b.tenantId;
}

/** Seeds the demo province once; a second run finds it and changes nothing. */
export async function seedDemo(db: Db, demoPassword: string): Promise<SeedResult> {
  const [existing] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, 'an-giang'));
  if (existing) return { seeded: false, tenantId: existing.id };
  // One hash for every demo account: they share the demo password anyway, and start-up stays fast.
  const passwordHash = await hashPassword(demoPassword);
  const tenantId = await db.transaction(async (tx) => {
    const id = await seedAnGiang(tx, passwordHash);
    await seedDemoMeetings(tx, id);
    await seedDemoSchedule(tx, id);
    await seedDemoProcedures(tx, id);
    await seedDemoDossiers(tx, id);
    await seedSecondTenant(tx, passwordHash);
    return id;
  });
  return { seeded: true, tenantId };
}
