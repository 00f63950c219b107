import type { Db } from '../../db/open.js';
import { newId } from '../../db/columns.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { storeSystemFile } from '../../platform/files/service.js';
import { buildStatusEdxml } from './edxml-build.js';
import type { EdxmlStatus, StatusCode } from './edxml-types.js';
import * as repo from './repo.js';

/*
 * The status messages a receiving agency sends back about a message it received (domain §2.3): queued in
 * the outbox for the peer the message came from, at most once per code.
 */

/** The progress codes in their order: a later one never goes before an earlier one. */
export const PROGRESS_RANK: Record<string, number> = { '01': 1, '03': 3, '04': 4, '05': 5, '06': 6 };

/** A status message about a received message, queued for the peer it came from. */
export async function enqueueStatus(db: Db, store: BlobStore, m: repo.ExchangeMessageRow, code: StatusCode, description: string | undefined, now: Date): Promise<boolean> {
  if (!m.peerId) return false;
  const organ = await repo.agencyOrgan(db, m.tenantId, m.agencyId);
  if (!organ?.identifierCode) return false;
  const status: EdxmlStatus = {
    responseFor: { organId: m.fromOrganId, code: m.codeNotation ? `${m.codeNumber}/${m.codeNotation}` : m.codeNumber, ...(m.promulgationDate ? { promulgationDate: m.promulgationDate } : {}), documentId: m.edxmlDocumentId },
    from: { organId: organ.identifierCode, organName: organ.name },
    statusCode: code,
    ...(description ? { description } : {}),
    timestamp: now,
  };
  const xml = buildStatusEdxml(status);
  const file = await storeSystemFile(db, store, { tenantId: m.tenantId, userId: null }, { name: `trang-thai-${code}.edxml.xml`, mime: 'application/xml', bytes: Buffer.from(xml) });
  const queued = await repo.enqueue(db, { id: newId(), tenantId: m.tenantId, agencyId: m.agencyId, peerId: m.peerId, kind: 'status', toOrganId: m.fromOrganId, edxmlDocumentId: m.edxmlDocumentId, messageId: m.id, statusCode: code, fileId: file.id, nextAttemptAt: now });
  // The progress codes only move forward (an 01 never follows an 03); 02, 15 and 16 are final answers.
  const progress = code in PROGRESS_RANK;
  if (queued && (!progress || (PROGRESS_RANK[code] ?? 0) > (PROGRESS_RANK[m.lastStatusCode ?? ''] ?? 0))) await repo.updateMessage(db, m.id, { lastStatusCode: code });
  return queued;
}
