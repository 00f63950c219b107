import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { auditEntries } from '../../platform/audit/tables.js';
import { agencies, units, users } from './tables.js';

let t: TestApp;
let admin: Session;
let vpId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const [vp] = await t.database.db.select().from(agencies).where(eq(agencies.name, 'Văn phòng Ủy ban nhân dân tỉnh'));
  vpId = vp!.id;
});
afterAll(() => t.close());

const get = (s: Session, url: string) => t.as(s, { method: 'GET', url });

describe('the demo province', () => {
  it('has the provincial committee, 14 departments, the center with 2 locations and 102 commune-level units', async () => {
    const count = async (type: string) => (await get(admin, `/api/agencies?type=${type}&pageSize=200`)).json().total;
    expect(await count('province_committee')).toBe(1);
    expect((await count('provincial_office')) + (await count('department'))).toBe(14);
    expect(await count('service_center')).toBe(1);
    expect(await count('service_center_location')).toBe(2);
    expect((await count('commune_committee')) + (await count('ward_committee')) + (await count('special_zone_committee'))).toBe(102);
    expect(await count('ward_committee')).toBe(14);
    expect(await count('special_zone_committee')).toBe(3);
  });

  it('finds agencies without diacritics', async () => {
    const res = await get(admin, `/api/agencies?q=${encodeURIComponent('rach gia')}`);
    expect(res.json().items.map((a: { name: string }) => a.name)).toContain('Ủy ban nhân dân phường Rạch Giá');
    const dd = await get(admin, `/api/agencies?q=${encodeURIComponent('GIAO DUC DAO TAO')}`);
    expect(dd.json().items[0].name).toBe('Sở Giáo dục và Đào tạo');
  });
});

describe('agencies', () => {
  it('creates, edits and deletes an agency, writing the audit log', async () => {
    const created = await t.as(admin, { method: 'POST', url: '/api/agencies', payload: { type: 'department', name: 'Ban Quản lý Khu kinh tế', shortName: 'BQLKKT', parentId: vpId, identifierCode: '000.00.30.Z01' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ typeLabel: 'Sở, ban, ngành', identifierCode: '000.00.30.Z01', active: true, parentName: 'Văn phòng Ủy ban nhân dân tỉnh' });
    const edited = await t.as(admin, { method: 'PATCH', url: `/api/agencies/${id}`, payload: { name: 'Ban Quản lý Khu kinh tế tỉnh', active: false } });
    expect(edited.json()).toMatchObject({ name: 'Ban Quản lý Khu kinh tế tỉnh', active: false });
    expect((await t.as(admin, { method: 'DELETE', url: `/api/agencies/${id}` })).statusCode).toBe(200);
    const trail = await t.database.db.select({ action: auditEntries.action, before: auditEntries.before, after: auditEntries.after }).from(auditEntries).where(eq(auditEntries.entityId, id)).orderBy(asc(auditEntries.seq));
    expect(trail.map((e) => e.action)).toEqual(['agency.created', 'agency.updated', 'agency.deleted']);
    expect(trail[1]!.before).toMatchObject({ name: 'Ban Quản lý Khu kinh tế', active: true });
    expect(trail[1]!.after).toMatchObject({ name: 'Ban Quản lý Khu kinh tế tỉnh', active: false });
  });

  it('refuses a malformed identifier code and a taken one, changing nothing', async () => {
    const before = (await get(admin, '/api/agencies?pageSize=1')).json().total;
    const bad = await t.as(admin, { method: 'POST', url: '/api/agencies', payload: { type: 'department', name: 'Sở X', shortName: 'SX', identifierCode: 'H41' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'body.identifierCode', message: 'Mã định danh phải có dạng 000.00.00.H41 (13 ký tự)' });
    const taken = await t.as(admin, { method: 'POST', url: '/api/agencies', payload: { type: 'department', name: 'Sở X', shortName: 'SX', identifierCode: '000.00.01.Z01' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('IDENTIFIER_CODE_TAKEN');
    expect((await get(admin, '/api/agencies?pageSize=1')).json().total).toBe(before);
  });

  it('refuses to delete an agency that has units', async () => {
    const res = await t.as(admin, { method: 'DELETE', url: `/api/agencies/${vpId}` });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('HAS_HISTORY');
  });
});

describe('units', () => {
  it('are searched by unit or agency name without diacritics', async () => {
    const res = (await get(admin, `/api/units?q=${encodeURIComponent('tong hop van phong')}`)).json();
    expect(res.items.map((u: { name: string; agencyName: string }) => `${u.name} – ${u.agencyName}`)).toEqual(['Phòng Tổng hợp – Văn phòng Ủy ban nhân dân tỉnh']);
    expect(res.total).toBe(1);
  });

  it('creates and renames a unit; refuses deleting one with users', async () => {
    const created = await t.as(admin, { method: 'POST', url: '/api/units', payload: { agencyId: vpId, name: '  Phòng Thư ký – Biên tập ' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Phòng Thư ký – Biên tập', agencyName: 'Văn phòng Ủy ban nhân dân tỉnh' });
    const renamed = await t.as(admin, { method: 'PATCH', url: `/api/units/${created.json().id}`, payload: { name: 'Phòng Thư ký' } });
    expect(renamed.json().name).toBe('Phòng Thư ký');
    const withUsers = await t.as(admin, { method: 'DELETE', url: `/api/units/${admin.user.unit.id}` });
    expect(withUsers.statusCode).toBe(409);
    expect((await t.as(admin, { method: 'DELETE', url: `/api/units/${created.json().id}` })).statusCode).toBe(200);
  });
});

describe('positions', () => {
  it('are renamed and deleted, but not while someone holds them or to a taken name', async () => {
    const created = (await t.as(admin, { method: 'POST', url: '/api/positions', payload: { name: 'Phó Trưởng ban', rank: 95 } })).json();
    const renamed = await t.as(admin, { method: 'PATCH', url: `/api/positions/${created.id}`, payload: { name: 'Phó Trưởng Ban Tiếp công dân' } });
    expect(renamed.json()).toMatchObject({ name: 'Phó Trưởng Ban Tiếp công dân', rank: 95 });
    const taken = await t.as(admin, { method: 'PATCH', url: `/api/positions/${created.id}`, payload: { name: 'Văn thư' } });
    expect(taken.statusCode).toBe(409);
    const positions = (await t.as(admin, { method: 'GET', url: '/api/positions' })).json().items as { id: string; name: string }[];
    const clerkPosition = positions.find((p) => p.name === 'Văn thư')!;
    expect((await t.as(admin, { method: 'DELETE', url: `/api/positions/${clerkPosition.id}` })).json().code).toBe('HAS_HISTORY');
    expect((await t.as(admin, { method: 'DELETE', url: `/api/positions/${created.id}` })).statusCode).toBe(200);
  });
});

describe('users', () => {
  let unitId: string;
  beforeAll(async () => {
    const [u] = await t.database.db.select().from(units).where(and(eq(units.agencyId, vpId), eq(units.name, 'Phòng Tổng hợp')));
    unitId = u!.id;
  });

  it('creates a user who can log in, with the agency taken from the unit', async () => {
    const res = await t.as(admin, { method: 'POST', url: '/api/users', payload: { username: 'Nguyen.An', fullName: 'Nguyễn Văn An', unitId, roles: ['specialist'], password: 'Mk@2025-ThuNghiem', email: 'an@example.gov.vn' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'nguyen.an', agencyId: vpId, unitName: 'Phòng Tổng hợp', roles: ['specialist'], active: true });
    const s = await t.login('nguyen.an', 'Mk@2025-ThuNghiem');
    expect(s.user.roles).toEqual(['specialist']);
  });

  it('refuses a taken username, a weak password and an unknown unit', async () => {
    const dup = await t.as(admin, { method: 'POST', url: '/api/users', payload: { username: 'vanthu', fullName: 'Trùng', unitId, roles: ['clerk'], password: 'Mk@2025-ThuNghiem' } });
    expect(dup.json().code).toBe('USERNAME_TAKEN');
    const weak = await t.as(admin, { method: 'POST', url: '/api/users', payload: { username: 'yeu', fullName: 'Yếu', unitId, roles: ['clerk'], password: '12345678' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    const unit = await t.as(admin, { method: 'POST', url: '/api/users', payload: { username: 'lac', fullName: 'Lạc', unitId: '01900000-0000-7000-8000-000000000000', roles: ['clerk'], password: 'Mk@2025-ThuNghiem' } });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().errors[0].path).toBe('unitId');
    const rows = await t.database.db.select().from(users).where(eq(users.username, 'yeu'));
    expect(rows).toHaveLength(0);
  });

  it('deletes a user who never signed in, but only deactivates one with history', async () => {
    const fresh = await t.as(admin, { method: 'POST', url: '/api/users', payload: { username: 'nham', fullName: 'Tạo Nhầm', unitId, roles: ['clerk'], password: 'Mk@2025-ThuNghiem' } });
    expect((await t.as(admin, { method: 'DELETE', url: `/api/users/${fresh.json().id}` })).statusCode).toBe(200);
    const vanthu = await t.login('vanthu');
    const refused = await t.as(admin, { method: 'DELETE', url: `/api/users/${vanthu.user.id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'HAS_HISTORY', title: 'Không thể xóa vì đã có dữ liệu lịch sử; hãy ngừng kích hoạt' });
    const off = await t.as(admin, { method: 'POST', url: `/api/users/${vanthu.user.id}/deactivate` });
    expect(off.json().active).toBe(false);
    const on = await t.as(admin, { method: 'POST', url: `/api/users/${vanthu.user.id}/activate` });
    expect(on.json().active).toBe(true);
  });

  it('keeps an admin from removing their own access', async () => {
    const self = await t.as(admin, { method: 'POST', url: `/api/users/${admin.user.id}/deactivate` });
    expect(self.statusCode).toBe(400);
    const roles = await t.as(admin, { method: 'PATCH', url: `/api/users/${admin.user.id}`, payload: { roles: ['clerk'] } });
    expect(roles.statusCode).toBe(400);
  });

  it('moves a user to another unit, changing roles, and resets a password', async () => {
    const so = await t.login('so');
    const moved = await t.as(admin, { method: 'PATCH', url: `/api/users/${so.user.id}`, payload: { unitId, roles: ['specialist', 'clerk'] } });
    expect(moved.json()).toMatchObject({ agencyId: vpId, unitId, roles: ['clerk', 'specialist'] });
    expect((await t.as(admin, { method: 'POST', url: `/api/users/${so.user.id}/password`, payload: { password: 'Mk@2025-DatLai' } })).statusCode).toBe(200);
    expect((await t.as(so, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    await t.login('so', 'Mk@2025-DatLai');
  });

  it('limits what non-admins see to their scope', async () => {
    const specialist = await t.login('chuyenvien');
    const list = (await get(specialist, '/api/users?pageSize=200')).json();
    expect(list.items.every((u: { unitId: string }) => u.unitId === specialist.user.unit.id)).toBe(true);
    expect((await get(specialist, `/api/users/${admin.user.id}`)).statusCode).toBe(403);
    expect((await get(specialist, `/api/users/${specialist.user.id}`)).statusCode).toBe(200);
    const leader = await t.login('chanhvanphong');
    const agencyList = (await get(leader, '/api/users?pageSize=200')).json();
    expect(agencyList.items.length).toBeGreaterThan(1);
    expect(agencyList.items.every((u: { agencyId: string }) => u.agencyId === leader.user.agency.id)).toBe(true);
  });

  it('searches users without diacritics', async () => {
    const res = await get(admin, `/api/users?q=${encodeURIComponent('nguyen thi van thu')}`);
    expect(res.json().items.map((u: { username: string }) => u.username)).toEqual(['vanthu']);
  });
});

describe('tenant isolation', () => {
  it('never shows one province the other province’s rows', async () => {
    const other = await t.login('tn.admin');
    const theirs = (await get(other, '/api/agencies?pageSize=200')).json();
    expect(theirs.total).toBe(3);
    expect(theirs.items.some((a: { id: string }) => a.id === vpId)).toBe(false);
    // reading, editing or using another tenant's row is "not found", not "forbidden"
    expect((await get(other, `/api/agencies/${vpId}`)).statusCode).toBe(404);
    expect((await t.as(other, { method: 'PATCH', url: `/api/agencies/${vpId}`, payload: { name: 'Chiếm' } })).statusCode).toBe(404);
    expect((await get(other, `/api/users/${admin.user.id}`)).statusCode).toBe(404);
    const unit = await t.as(other, { method: 'POST', url: '/api/users', payload: { username: 'xamnhap', fullName: 'Xâm Nhập', unitId: admin.user.unit.id, roles: ['admin'], password: 'Mk@2025-ThuNghiem' } });
    expect(unit.statusCode).toBe(400);
    const users = (await get(other, '/api/users?pageSize=200')).json();
    expect(users.items.map((u: { username: string }) => u.username).sort()).toEqual(['tn.admin', 'tn.chuyenvien']);
    const audit = (await get(other, '/api/audit?pageSize=200')).json();
    expect(audit.items.every((e: { entityId: string }) => e.entityId !== admin.user.id)).toBe(true);
    expect((await get(admin, '/api/agencies?pageSize=200&type=province_committee')).json().items).toHaveLength(1);
  });
});

describe('the directory of people', () => {
  it('lets a specialist find a signer in another unit, without contact details', async () => {
    const t = await createTestApp();
    try {
      const specialist = await t.login('chuyenvien');
      const res = await t.as(specialist, { method: 'GET', url: '/api/people?q=pham%20thanh%20hai' });
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([{ id: expect.any(String), fullName: 'Phạm Thanh Hải', positionName: 'Chánh Văn phòng', unitId: expect.any(String), unitName: 'Lãnh đạo Văn phòng', agencyId: expect.any(String), agencyName: 'Văn phòng Ủy ban nhân dân tỉnh' }]);
      // users of the other province are not in it
      expect((await t.as(specialist, { method: 'GET', url: '/api/people?q=thu%20nghiem' })).json().items).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
