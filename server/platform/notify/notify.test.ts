import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.js';
import { users } from '../../modules/org/tables.js';
import { deliverable, deliverEmails, EMAIL_MAX_ATTEMPTS, notify, retryDelayMs, type OutgoingEmail } from './service.js';
import { emailOutbox, notifications } from './tables.js';

let database: TestDatabase;
let tenantId: string;
let clerk: string; // vanthuso, given a real address below
let staff: string; // so, keeps the demo (.invalid) address
let gone: string; // xa, deactivated below

const notice = (extra: Partial<Parameters<typeof notify>[1]> = {}) => ({
  tenantId,
  userIds: [clerk, staff, gone],
  kind: 'task.overdue',
  title: 'Quá hạn 05/12/2026: Báo cáo giải ngân',
  body: 'Nhiệm vụ đã quá hạn.',
  link: '/nhiem-vu/0190a6f4-0000-7000-8000-000000000001',
  entityType: 'task',
  entityId: '0190a6f4-0000-7000-8000-000000000001',
  dedupeKey: 'task.overdue:x:2026-12-05',
  ...extra,
});

beforeAll(async () => {
  database = await createTestDatabase();
  const rows = await database.db.select().from(users).where(inArray(users.username, ['vanthuso', 'so', 'xa']));
  const by = (u: string) => rows.find((r) => r.username === u)!;
  tenantId = by('vanthuso').tenantId;
  [clerk, staff, gone] = [by('vanthuso').id, by('so').id, by('xa').id];
  await database.db.update(users).set({ email: 'vanthu.stc@angiang.gov.vn' }).where(eq(users.id, clerk));
  await database.db.update(users).set({ active: false, email: 'nam.rachgia@angiang.gov.vn' }).where(eq(users.id, gone));
  // the demo dossiers leave notices of their own: these tests count from none
  await database.db.delete(notifications);
  await database.db.delete(emailOutbox);
});
afterAll(() => database.close());

describe('notify', () => {
  it('knows which addresses can be delivered', () => {
    expect(deliverable('vanthu.stc@angiang.gov.vn')).toBe(true);
    expect(deliverable('so@demo.vanphongso.invalid')).toBe(false);
    expect(deliverable('SO@DEMO.INVALID')).toBe(false);
    expect(deliverable('not an address')).toBe(false);
    expect(deliverable(null)).toBe(false);
  });

  it('writes in-app rows for active people and e-mails to real addresses, once per dedupe key', async () => {
    const first = await database.db.transaction((tx) => notify(tx, notice(), { email: true, publicUrl: 'https://vanphong.angiang.gov.vn/' }));
    expect(first).toEqual({ notified: 2, emails: 1 });
    const again = await database.db.transaction((tx) => notify(tx, notice(), { email: true }));
    expect(again).toEqual({ notified: 0, emails: 0 });
    const rows = await database.db.select().from(notifications).orderBy(asc(notifications.userId));
    expect(rows.map((r) => r.userId).sort()).toEqual([clerk, staff].sort());
    const [mail] = await database.db.select().from(emailOutbox);
    expect(mail).toMatchObject({ toAddress: 'vanthu.stc@angiang.gov.vn', toName: 'Lê Thị Thu', subject: 'Quá hạn 05/12/2026: Báo cáo giải ngân', state: 'pending', attempts: 0 });
    expect(mail!.text).toContain('Xem chi tiết: https://vanphong.angiang.gov.vn/nhiem-vu/0190a6f4-0000-7000-8000-000000000001');
  });

  it('writes nothing by e-mail when e-mail is off, and nothing at all if the transaction rolls back', async () => {
    expect(await database.db.transaction((tx) => notify(tx, notice({ dedupeKey: 'k2' }), { email: false }))).toEqual({ notified: 2, emails: 0 });
    await expect(
      database.db.transaction(async (tx) => {
        await notify(tx, notice({ dedupeKey: 'k3' }), { email: true });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await database.db.select().from(notifications).where(eq(notifications.dedupeKey, 'k3'))).toEqual([]);
    expect(await database.db.select().from(emailOutbox)).toHaveLength(1);
  });
});

describe('deliverEmails', () => {
  it('backs off exponentially after failures, keeps the last error, gives up after the last attempt', async () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(30)).toBe(6 * 3600_000);

    await database.db.transaction((tx) => notify(tx, notice({ dedupeKey: 'k4', title: 'Thư không gửi được' }), { email: true }));
    const down = { send: async (m: OutgoingEmail) => { if (m.subject === 'Thư không gửi được') throw new Error('connect ECONNREFUSED 127.0.0.1:25'); } };
    const sentMails: string[] = [];
    const both = { send: async (m: OutgoingEmail) => { await down.send(m); sentMails.push(m.subject); } };
    let now = new Date('2026-12-08T02:00:00Z');
    // the earlier e-mail goes, this one fails
    expect(await deliverEmails(database.db, both, now, 10)).toEqual({ sent: 1, retried: 1, failed: 0 });
    expect(sentMails).toEqual(['Quá hạn 05/12/2026: Báo cáo giải ngân']);
    const failing = async () => (await database.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, `k4:${clerk}`)))[0]!;
    expect(await failing()).toMatchObject({ state: 'pending', attempts: 1, lastError: 'connect ECONNREFUSED 127.0.0.1:25', nextAttemptAt: new Date(now.getTime() + 60_000) });
    // not due yet: nothing tried
    expect(await deliverEmails(database.db, both, new Date(now.getTime() + 59_000), 10)).toEqual({ sent: 0, retried: 0, failed: 0 });
    for (let attempt = 2; attempt <= EMAIL_MAX_ATTEMPTS; attempt++) {
      now = (await failing()).nextAttemptAt;
      await deliverEmails(database.db, both, now, 10);
    }
    expect(await failing()).toMatchObject({ state: 'failed', attempts: EMAIL_MAX_ATTEMPTS, lastError: 'connect ECONNREFUSED 127.0.0.1:25' });
    expect(await deliverEmails(database.db, both, new Date(now.getTime() + 365 * 86_400_000), 10)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sentMails).toHaveLength(1);
  });
});
