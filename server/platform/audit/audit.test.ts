import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { formatAuditReport, runCli } from '../../cli.js';
import { entryHash } from './hash.js';
import { sealAuditDays, verifyAudit } from './service.js';
import { auditEntries, auditSeals } from './tables.js';

let t: TestApp;
let admin: Session;
let agencyId: string;
const TOMORROW = () => new Date(Date.now() + 2 * 86_400_000);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const created = await t.as(admin, { method: 'POST', url: '/api/agencies', payload: { type: 'department', name: 'Sở Kiểm Tra', shortName: 'SKT' } });
  agencyId = created.json().id;
  for (const name of ['Sở Kiểm Tra 2', 'Sở Kiểm Tra 3', 'Sở Kiểm Tra 4']) {
    await t.as(admin, { method: 'PATCH', url: `/api/agencies/${agencyId}`, payload: { name } });
  }
});
afterAll(() => t.close());

const chain = () => t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, agencyId)).orderBy(asc(auditEntries.seq));
/** What an attacker with database access would do: switch the append-only trigger off. */
const tamper = async (statement: string) => {
  await t.database.exec(`alter table audit_entries disable trigger audit_entries_no_update; ${statement}; alter table audit_entries enable trigger audit_entries_no_update;`);
};

describe('audit log', () => {
  it('chains the entries of one entity, each hash over its content and the previous hash', async () => {
    const rows = await chain();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(rows.map((r) => r.action)).toEqual(['agency.created', 'agency.updated', 'agency.updated', 'agency.updated']);
    expect(rows[0]!.prevHash).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    for (const r of rows) expect(entryHash(r)).toBe(r.hash);
    expect(rows[0]).toMatchObject({ actorId: admin.user.id, actorName: 'Trần Quản Trị', ip: '127.0.0.1' });
  });

  it('is append-only for the application', async () => {
    await expect(t.database.db.update(auditEntries).set({ summary: 'sửa' }).where(eq(auditEntries.entityId, agencyId))).rejects.toThrow();
    await expect(t.database.db.delete(auditEntries).where(eq(auditEntries.entityId, agencyId))).rejects.toThrow();
  });

  it('is filtered and paginated for the admin', async () => {
    const res = await t.as(admin, { method: 'GET', url: `/api/audit?entityId=${agencyId}&pageSize=2` });
    expect(res.json().total).toBe(4);
    expect(res.json().items).toHaveLength(2);
    expect(res.json().items[0].action).toBe('agency.updated');
    const bad = await t.as(admin, { method: 'GET', url: '/api/audit?from=hôm-qua' });
    expect(bad.statusCode).toBe(400);
  });

  it('seals finished days in a chain, once', async () => {
    const tenantId = admin.user.tenant.id;
    const sealed = await sealAuditDays(t.database.db, tenantId, TOMORROW(), 0);
    expect(sealed).toBeGreaterThanOrEqual(1);
    expect(await sealAuditDays(t.database.db, tenantId, TOMORROW(), 0)).toBe(0);
    const seals = await t.database.db.select().from(auditSeals).where(eq(auditSeals.tenantId, tenantId)).orderBy(asc(auditSeals.day));
    for (let i = 1; i < seals.length; i++) expect(seals[i]!.prevSealHash).toBe(seals[i - 1]!.sealHash);
    expect(seals.reduce((n, s) => n + s.entryCount, 0)).toBeGreaterThan(4);
    for (const tid of (await t.database.db.execute(sql`select id from tenants`) as unknown as { rows: { id: string }[] }).rows) {
      await sealAuditDays(t.database.db, tid.id, TOMORROW(), 0);
    }
    const report = await verifyAudit(t.database.db);
    expect(report.problems).toEqual([]);
    const lines: string[] = [];
    expect(await runCli(t.database, ['audit', 'verify'], (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/^Nhật ký toàn vẹn/);
  });

  it('reports an edited entry', async () => {
    const target = (await chain())[1]!;
    await tamper(`update audit_entries set summary = 'Sửa lén' where id = '${target.id}'`);
    const report = await verifyAudit(t.database.db);
    expect(report.ok).toBe(false);
    expect(report.problems.find((p) => p.kind === 'edited')).toMatchObject({ entryId: target.id, seq: 2 });
    const lines: string[] = [];
    expect(await runCli(t.database, ['audit', 'verify'], (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toContain(target.id);
    await tamper(`update audit_entries set summary = '${target.summary}' where id = '${target.id}'`);
    expect((await verifyAudit(t.database.db)).ok).toBe(true);
  });

  it('reports a deleted entry, from the chain and from the day seal', async () => {
    const target = (await chain())[2]!;
    await tamper(`delete from audit_entries where id = '${target.id}'`);
    const report = await verifyAudit(t.database.db);
    const kinds = report.problems.map((p) => p.kind);
    expect(kinds).toContain('deleted');
    expect(report.problems.find((p) => p.entryId)?.message).toMatch(/#3/);
    expect(report.problems.some((p) => p.day && p.message.includes('niêm phong ghi'))).toBe(true);
    expect(formatAuditReport(report)).toMatch(/^PHÁT HIỆN/);
  });

  it('reports a deleted last entry through the seal and an inserted entry', async () => {
    const fresh = await createTestApp();
    try {
      const a = await fresh.login('admin');
      const res = await fresh.as(a, { method: 'POST', url: '/api/positions', payload: { name: 'Thẩm tra viên' } });
      const positionId = res.json().id as string;
      for (const tid of (await fresh.database.db.execute(sql`select id from tenants`) as unknown as { rows: { id: string }[] }).rows) {
        await sealAuditDays(fresh.database.db, tid.id, TOMORROW(), 0);
      }
      expect((await verifyAudit(fresh.database.db)).ok).toBe(true);
      // an inserted, well-formed entry that starts a new chain: only the day seal can tell
      const [row] = await fresh.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, positionId));
      const forged = { ...row!, id: '01900000-0000-7000-8000-0000000000aa', entityId: 'gia-mao', summary: 'Giả mạo' };
      const hash = entryHash(forged);
      await fresh.database.exec(
        `insert into audit_entries (id, tenant_id, actor_id, actor_name, action, entity_type, entity_id, seq, summary, before, after, ip, created_at, prev_hash, hash) values ('${forged.id}', '${forged.tenantId}', '${forged.actorId}', '${forged.actorName}', '${forged.action}', '${forged.entityType}', 'gia-mao', 1, 'Giả mạo', null, ${forged.after ? `'${JSON.stringify(forged.after)}'` : 'null'}, '${forged.ip}', '${forged.createdAt.toISOString()}', null, '${hash}')`,
      );
      const inserted = await verifyAudit(fresh.database.db);
      expect(inserted.problems.map((p) => p.kind)).toContain('inserted');
      await fresh.database.exec(`alter table audit_entries disable trigger audit_entries_no_update; delete from audit_entries where id in ('${forged.id}', '${row!.id}'); alter table audit_entries enable trigger audit_entries_no_update;`);
      const deleted = await verifyAudit(fresh.database.db);
      expect(deleted.problems.map((p) => p.kind)).toContain('deleted');
    } finally {
      await fresh.close();
    }
  });
});
