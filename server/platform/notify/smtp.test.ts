import type { AddressInfo } from 'node:net';
import { eq, inArray } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.js';
import { users } from '../../modules/org/tables.js';
import { deliverEmails, notify } from './service.js';
import { smtpSender } from './smtp-sender.js';
import { emailOutbox } from './tables.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback, random port, that records what it receives. */
async function startSmtp(port = 0) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address() as AddressInfo;
  return { received, port: address.port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let database: TestDatabase;
let tenantId: string;
let clerk: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const [row] = await database.db.select().from(users).where(inArray(users.username, ['vanthuso']));
  tenantId = row!.tenantId;
  clerk = row!.id;
  await database.db.update(users).set({ email: 'vanthu.stc@angiang.gov.vn' }).where(eq(users.id, clerk));
});
afterAll(() => database.close());

const queue = (key: string, title: string) =>
  database.db.transaction((tx) =>
    notify(tx, { tenantId, userIds: [clerk], kind: 'task.urged', title, body: 'Đề nghị khẩn trương báo cáo.', link: '/nhiem-vu/x', entityType: null, entityId: null, dedupeKey: key }, { email: true, publicUrl: 'https://vanphong.angiang.gov.vn' }),
  );

describe('e-mail through SMTP', () => {
  it('delivers a queued e-mail once, with its subject and recipient', async () => {
    const smtp = await startSmtp();
    const sender = smtpSender({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'Văn phòng số <khong-tra-loi@angiang.gov.vn>' });
    try {
      await queue('smtp-1', 'Đôn đốc nhiệm vụ: Báo cáo giải ngân vốn đầu tư công');
      const now = new Date('2026-12-08T02:00:00Z');
      expect(await deliverEmails(database.db, sender, now, 10)).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(await deliverEmails(database.db, sender, new Date(now.getTime() + 3600_000), 10)).toEqual({ sent: 0, retried: 0, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail!.to).toEqual(['vanthu.stc@angiang.gov.vn']);
      expect(mail!.from).toBe('khong-tra-loi@angiang.gov.vn');
      // the subject is MIME-encoded (Vietnamese): decode it through the header as the mail reader would
      const subject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(mail!.raw)![1]!.replace(/\r\n[ \t]/g, ' ');
      const decoded = subject.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
        enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
      );
      expect(decoded.trim()).toBe('Đôn đốc nhiệm vụ: Báo cáo giải ngân vốn đầu tư công');
      const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, `smtp-1:${clerk}`));
      expect(row).toMatchObject({ state: 'sent', attempts: 1, sentAt: now, lastError: null });
    } finally {
      sender.close();
      await smtp.close();
    }
  });

  it('retries with backoff while the server is down and delivers exactly once when it is back', async () => {
    // a port that was just free: nothing listens there until the server is started on it below
    const probe = await startSmtp();
    const port = probe.port;
    await probe.close();
    const sender = smtpSender({ url: `smtp://127.0.0.1:${port}`, from: 'khong-tra-loi@angiang.gov.vn' });
    await queue('smtp-2', 'Nhiệm vụ quá hạn');
    const row = async () => (await database.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, `smtp-2:${clerk}`)))[0]!;
    const t0 = new Date('2026-12-09T02:00:00Z');
    expect(await deliverEmails(database.db, sender, t0, 10)).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await row()).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: new Date(t0.getTime() + 60_000) });
    expect((await row()).lastError).toMatch(/ECONNREFUSED/);
    const t1 = new Date(t0.getTime() + 60_000);
    expect(await deliverEmails(database.db, sender, t1, 10)).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await row()).toMatchObject({ attempts: 2, nextAttemptAt: new Date(t1.getTime() + 120_000) });

    const smtp = await startSmtp(port);
    try {
      // back up, but the retry is not due yet
      expect(await deliverEmails(database.db, sender, new Date(t1.getTime() + 60_000), 10)).toEqual({ sent: 0, retried: 0, failed: 0 });
      const t2 = new Date(t1.getTime() + 120_000);
      expect(await deliverEmails(database.db, sender, t2, 10)).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(await deliverEmails(database.db, sender, new Date(t2.getTime() + 86_400_000), 10)).toEqual({ sent: 0, retried: 0, failed: 0 });
      expect(smtp.received.map((m) => m.to)).toEqual([['vanthu.stc@angiang.gov.vn']]);
      expect(await row()).toMatchObject({ state: 'sent', attempts: 3, sentAt: t2 });
    } finally {
      sender.close();
      await smtp.close();
    }
  });
});
