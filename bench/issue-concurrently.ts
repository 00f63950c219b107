import { and, eq } from 'drizzle-orm';
import { newId } from '../server/db/columns.js';
import type { Db } from '../server/db/open.js';
import { documentRecipients, documents } from '../server/modules/documents/tables.js';
import { agencies, units, users } from '../server/modules/org/tables.js';
import type { Session } from './scenarios.js';

/** `count` outgoing documents of the provincial office, signed and waiting for the clerk, each for Sở Tài chính. */
export async function prepareSignedDocuments(db: Db, count: number): Promise<void> {
  const [vp] = await db.select().from(agencies).where(eq(agencies.shortName, 'VP'));
  const [stc] = await db.select().from(agencies).where(eq(agencies.shortName, 'STC'));
  const [th] = await db.select().from(units).where(and(eq(units.agencyId, vp!.id), eq(units.shortName, 'TH')));
  const [signer] = await db.select().from(users).where(eq(users.username, 'chanhvanphong'));
  const [drafter] = await db.select().from(users).where(eq(users.username, 'chuyenvien'));
  const now = new Date();
  const rows = Array.from({ length: count }, (_, i) => ({
    id: newId(),
    tenantId: vp!.tenantId,
    agencyId: vp!.id,
    direction: 'outgoing' as const,
    channel: 'electronic' as const,
    senderName: vp!.name,
    typeCode: 'CV',
    subject: `Về việc đôn đốc thực hiện nhiệm vụ số ${i + 1}`,
    signerName: signer!.fullName,
    urgency: 'normal',
    confidentiality: 'normal',
    status: 'signed' as const,
    draftingUnitId: th!.id,
    signerId: signer!.id,
    contentExtractedAt: now,
    createdBy: drafter!.id,
  }));
  await db.insert(documents).values(rows);
  await db.insert(documentRecipients).values(rows.map((r) => ({ id: newId(), tenantId: r.tenantId, documentId: r.id, position: 0, kind: 'agency' as const, agencyId: stc!.id, name: stc!.name })));
}

/**
 * Issues every signed document of the clerk's agency at once, one HTTP request each, all in flight
 * together; then reads the outgoing register back and checks that the numbers are 1..N without a gap or a
 * duplicate.
 */
export async function issueConcurrently(url: string, clerk: Session): Promise<{ issued: number; failed: number; seconds: number; contiguous: boolean; numbers: number }> {
  const headers = { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf, 'content-type': 'application/json' };
  const list = (await (await fetch(`${url}/api/documents/outgoing?view=to_issue&pageSize=200`, { headers })).json()) as { items: { id: string }[] };
  const t0 = performance.now();
  const results = await Promise.all(list.items.map((d) => fetch(`${url}/api/documents/outgoing/${d.id}/issue`, { method: 'POST', headers, body: '{}' }).then(async (r) => ({ ok: r.ok, body: (await r.json()) as { issueNumber?: number; registerId?: string; outgoing?: { issueNumber: number } } }))));
  const seconds = (performance.now() - t0) / 1000;
  const numbers = results.flatMap((r) => (r.ok && r.body.outgoing ? [r.body.outgoing.issueNumber] : [])).sort((a, b) => a - b);
  const contiguous = numbers.length > 0 && numbers.every((n, i) => n === numbers[0]! + i) && new Set(numbers).size === numbers.length;
  return { issued: numbers.length, failed: results.length - numbers.length, seconds, contiguous, numbers: numbers.length };
}
