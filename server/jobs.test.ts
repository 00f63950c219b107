import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/helpers/db.js';
import { createJobs } from './jobs.js';
import { users } from './modules/org/tables.js';
import type { BlobStore } from './platform/files/blob-store.js';
import { notify, type OutgoingEmail } from './platform/notify/index.js';

let database: TestDatabase;
const blobStore = {} as BlobStore; // the jobs under test never touch files
const secret = 'jobs-test-secret-'.padEnd(40, 'x');

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('the notify and tasks jobs', () => {
  it('send e-mail only when a sender (SMTP) is configured', () => {
    const names = (deps: Parameters<typeof createJobs>[0]) => createJobs(deps).map((j) => j.name);
    expect(names({ blobStore, secret })).toContain('tasks.reminders');
    expect(names({ blobStore, secret })).not.toContain('notify.email');
    expect(names({ blobStore, secret, smtp: { url: 'smtp://127.0.0.1:2525', from: 'khong-tra-loi@angiang.gov.vn' } })).toContain('notify.email');
  });

  it('deliver the outbox through the sender, and find nothing to remind in a province without tasks', async () => {
    const [clerk] = await database.db.select().from(users).where(eq(users.username, 'vanthuso'));
    await database.db.update(users).set({ email: 'vanthu.stc@angiang.gov.vn' }).where(eq(users.id, clerk!.id));
    await database.db.transaction((tx) => notify(tx, { tenantId: clerk!.tenantId, userIds: [clerk!.id], kind: 'task.urged', title: 'Đôn đốc nhiệm vụ', body: 'Nhắc', link: null, entityType: null, entityId: null, dedupeKey: 'jobs-1' }, { email: true }));
    const sent: OutgoingEmail[] = [];
    const jobs = createJobs({ blobStore, secret, emailSender: { send: async (m) => void sent.push(m) }, taskEscalateAfterDays: 3 });
    const email = jobs.find((j) => j.name === 'notify.email')!;
    expect(await email.run(database.db, new Date())).toBe('e-mail: sent 1, to retry 0, given up 0');
    expect(await email.run(database.db, new Date())).toBeUndefined();
    expect(sent.map((m) => [m.to, m.subject])).toEqual([['vanthu.stc@angiang.gov.vn', 'Đôn đốc nhiệm vụ']]);
    expect(await jobs.find((j) => j.name === 'tasks.reminders')!.run(database.db, new Date())).toBeUndefined();
  });
});
