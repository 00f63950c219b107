import { and, asc, eq, isNotNull, isNull, notInArray, or } from 'drizzle-orm';
import { z } from 'zod';
import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import { vietnamDate } from '../../platform/calendar/date-only.js';
import { agencies } from '../org/tables.js';
import { DOCUMENT_TYPE_CODES, documentTypeName } from './document-types.js';
import { NumberNotation } from './schemas.js';
import { currentFiles } from './outgoing.js';
import * as repo from './repo.js';
import * as routingRepo from './routing-repo.js';
import { documentAssignments, documentRecipients, documents, type RecipientStatus } from './tables.js';

/*
 * What the exchange module needs of documents, without an acting user (the outbox runs as a job): issued
 * documents waiting for their outside recipients, the way back — what those recipients answered — and what
 * a sender's revocation, update or replacement does to the incoming documents registered from its messages.
 */

export interface IssuedForExchange {
  id: string;
  tenantId: string;
  agencyId: string;
  agencyName: string;
  agencyAddress: string | null;
  agencyOrganId: string | null;
  codeNumber: string;
  codeNotation: string;
  issuedDate: string;
  typeName: string;
  subject: string;
  signerName: string | null;
  signerPosition: string | null;
  urgency: string;
  /** the signed main file last issued, then the current version of each attachment (`currentFiles`) */
  files: { id: string; name: string; mime: string; size: number; sha256: string; role: 'main' | 'attachment' }[];
  recipients: { id: string; kind: string; name: string; organId: string | null; status: RecipientStatus }[];
}

/** An issued, unclassified document of the tenant as the exchange sends it; null otherwise. */
export async function issuedForExchange(db: Db, tenantId: string, documentId: string): Promise<IssuedForExchange | null> {
  const [d] = await db
    .select({ doc: documents, agencyName: agencies.name, agencyAddress: agencies.address, agencyOrganId: agencies.identifierCode })
    .from(documents)
    .innerJoin(agencies, eq(agencies.id, documents.agencyId))
    .where(and(eq(documents.tenantId, tenantId), eq(documents.id, documentId)));
  if (!d || d.doc.direction !== 'outgoing' || d.doc.status !== 'issued' || !d.doc.codeNumber || !d.doc.codeNotation || !d.doc.issuedDate) return null;
  if (d.doc.confidentiality !== 'normal') return null;
  const sent = currentFiles(await repo.getDocumentFiles(db, documentId)).map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, sha256: f.sha256, role: f.role }));
  const recipients = await db.select().from(documentRecipients).where(eq(documentRecipients.documentId, documentId)).orderBy(asc(documentRecipients.position));
  return {
    id: d.doc.id,
    tenantId,
    agencyId: d.doc.agencyId,
    agencyName: d.agencyName,
    agencyAddress: d.agencyAddress,
    agencyOrganId: d.agencyOrganId,
    codeNumber: d.doc.codeNumber,
    codeNotation: d.doc.codeNotation,
    issuedDate: d.doc.issuedDate,
    typeName: documentTypeName(d.doc.typeCode),
    subject: d.doc.subject,
    signerName: d.doc.signerName,
    signerPosition: d.doc.signerPosition,
    urgency: d.doc.urgency,
    files: sent,
    recipients: recipients.map((r) => ({ id: r.id, kind: r.kind, name: r.name, organId: r.organId, status: r.status })),
  };
}

/** Outside recipients with an identifier code, issued and queued, that the exchange has not looked at yet. */
export async function recipientsAwaitingExchange(db: Db, limit: number) {
  return db
    .select({ id: documentRecipients.id, tenantId: documentRecipients.tenantId, documentId: documentRecipients.documentId, organId: documentRecipients.organId })
    .from(documentRecipients)
    .where(and(eq(documentRecipients.status, 'queued'), isNotNull(documentRecipients.organId), isNull(documentRecipients.exchangeAt)))
    .limit(limit) as Promise<{ id: string; tenantId: string; documentId: string; organId: string }[]>;
}

const STATUS_BY_CODE: Partial<Record<string, RecipientStatus>> = { '01': 'delivered', '02': 'rejected', '03': 'delivered', '04': 'read', '05': 'read', '06': 'answered', '15': 'withdrawn' };

/**
 * Where the document is at an outside recipient: the exchange's own notes (queued, sent, no connection) and
 * the status codes the recipient sends back (01 arrived … 06 completed, 15/16 the answer to a recall), each
 * also written on the document's timeline.
 */
export async function recordRecipientExchange(
  db: Db,
  recipientId: string,
  update: { code?: string; note: string; at: Date; delivered?: boolean; timeline?: { actorName: string; kind: string } },
) {
  const [r] = await db.select().from(documentRecipients).where(eq(documentRecipients.id, recipientId));
  if (!r) return;
  const status = update.code ? STATUS_BY_CODE[update.code] : update.delivered ? 'delivered' : undefined;
  // A later code never moves the recipient back (an 01 arriving after the 03 it preceded).
  const order: RecipientStatus[] = ['pending', 'queued', 'delivered', 'read', 'answered', 'rejected', 'withdrawn'];
  const forward = status && order.indexOf(status) >= order.indexOf(r.status);
  await db
    .update(documentRecipients)
    .set({
      exchangeCode: update.code ?? r.exchangeCode,
      exchangeNote: update.note,
      exchangeAt: update.at,
      ...(forward ? { status } : {}),
      ...(forward && status === 'delivered' && !r.deliveredAt ? { deliveredAt: update.at } : {}),
      ...(forward && status === 'read' && !r.readAt ? { readAt: update.at } : {}),
      ...(forward && status === 'answered' && !r.answeredAt ? { answeredAt: update.at } : {}),
    })
    .where(eq(documentRecipients.id, recipientId));
  if (update.timeline) {
    await repo.addEvent(db, { id: newId(), tenantId: r.tenantId, documentId: r.documentId, actorId: null, actorName: update.timeline.actorName, kind: update.timeline.kind, note: `${r.name}: ${update.note}` });
  }
}

/** A connection added later: the recipients it serves are looked at again. */
export async function reopenRecipientsFor(db: Db, tenantId: string, organIds: string[]) {
  for (const organId of organIds) {
    await db
      .update(documentRecipients)
      .set({ exchangeAt: null })
      .where(and(eq(documentRecipients.tenantId, tenantId), eq(documentRecipients.organId, organId), eq(documentRecipients.status, 'queued'), isNull(documentRecipients.exchangeCode)));
  }
}

/**
 * The status code (Decree 30 App. VI 1.o, edXML §2.3) that tells the sender where its document is here:
 * 03 accepted once registered, 04 assigned, 05 in progress once the lead has accepted it, 06 completed.
 */
export async function incomingProgressCode(db: Db, tenantId: string, documentId: string): Promise<'03' | '04' | '05' | '06' | null> {
  const [d] = await db.select({ status: documents.status }).from(documents).where(and(eq(documents.tenantId, tenantId), eq(documents.id, documentId)));
  if (!d) return null;
  if (d.status === 'registered' || d.status === 'presented') return '03';
  if (d.status === 'done') return '06';
  if (d.status !== 'in_progress') return null;
  const leads = await db.select({ status: documentAssignments.status }).from(documentAssignments).where(and(eq(documentAssignments.documentId, documentId), eq(documentAssignments.role, 'lead')));
  return leads.some((a) => a.status === 'accepted' || a.status === 'done') ? '05' : '04';
}

/** Outside recipients of a recalled document whose recipient has not been asked to give it back yet. */
export async function recalledRecipientsToTell(db: Db, limit: number) {
  return db
    .select({ id: documentRecipients.id, tenantId: documentRecipients.tenantId, documentId: documentRecipients.documentId, organId: documentRecipients.organId })
    .from(documentRecipients)
    .where(
      and(
        eq(documentRecipients.status, 'withdrawn'),
        isNotNull(documentRecipients.organId),
        or(isNull(documentRecipients.exchangeCode), notInArray(documentRecipients.exchangeCode, ['13', '15', '16'])),
      ),
    )
    .limit(limit) as Promise<{ id: string; tenantId: string; documentId: string; organId: string }[]>;
}

/**
 * The sender took its document back (edXML 13 or a revocation, Decree 30 art. 18), or replaced it: the
 * incoming document here is withdrawn like a copy recalled inside the province — its open assignments end,
 * the timeline says why (the note is written as given). False when it was withdrawn already.
 */
export async function withdrawIncoming(db: Db, tenantId: string, documentId: string, note: string): Promise<boolean> {
  const now = new Date();
  const [d] = await db.select({ status: documents.status }).from(documents).where(and(eq(documents.tenantId, tenantId), eq(documents.id, documentId)));
  if (!d || d.status === 'withdrawn') return false;
  await db.update(documents).set({ status: 'withdrawn', updatedAt: now }).where(eq(documents.id, documentId));
  for (const a of await routingRepo.getAssignments(db, documentId)) if (routingRepo.ACTIVE_STATUSES.includes(a.status)) await routingRepo.updateAssignment(db, a.id, { status: 'recalled', doneAt: now });
  await repo.addEvent(db, { id: newId(), tenantId, documentId, actorId: null, actorName: 'Hệ thống', kind: 'withdrawn', note });
  return true;
}

/** What an update from the sender (edXML BussinessDocType 2) may change on an incoming document. */
export interface IncomingCorrection {
  numberNotation?: string;
  issuedDate?: string;
  typeCode?: string;
  subject?: string;
  signerName?: string;
  signerPosition?: string;
}

export interface FieldChange {
  field: keyof IncomingCorrection;
  label: string;
  from: string | null;
  to: string;
}

const CORRECTION_LABELS: Record<keyof IncomingCorrection, string> = {
  numberNotation: 'Số, ký hiệu',
  issuedDate: 'Ngày ban hành',
  typeCode: 'Loại văn bản',
  subject: 'Trích yếu',
  signerName: 'Người ký',
  signerPosition: 'Chức vụ người ký',
};

// The same bounds as registering by hand (RegisterIncomingRequest), so an update cannot store what a clerk could not.
const CorrectionSchema = z.object({
  numberNotation: NumberNotation.optional(),
  issuedDate: z.iso.date().optional(),
  typeCode: z.enum(DOCUMENT_TYPE_CODES).optional(),
  subject: z.string().trim().min(1).max(500).optional(),
  signerName: z.string().trim().min(1).max(50).optional(),
  signerPosition: z.string().trim().min(1).max(100).optional(),
});

const dayText = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : null);

export interface RefusedCorrection {
  field: keyof IncomingCorrection;
  /** "Ngày ban hành “2030-01-01”", for the clerk */
  said: string;
}

/**
 * The fields of a correction an incoming document may take — the bounds of registering by hand, and no date
 * after `latestDay` (the day it was received) — and the ones it may not.
 */
export function checkCorrection(correction: IncomingCorrection, latestDay: string): { valid: IncomingCorrection; refused: RefusedCorrection[] } {
  const valid: IncomingCorrection = {};
  const refused: RefusedCorrection[] = [];
  for (const [field, value] of Object.entries(correction) as [keyof IncomingCorrection, string | undefined][]) {
    if (value === undefined) continue;
    const parsed = CorrectionSchema.shape[field].safeParse(value);
    if (parsed.success && !(field === 'issuedDate' && value > latestDay)) valid[field] = parsed.data as string;
    else refused.push({ field, said: `${CORRECTION_LABELS[field]} “${value.slice(0, 60)}”` });
  }
  return { valid, refused };
}

/**
 * The sender corrected what it sent (edXML update): the fields that differ are changed on the incoming
 * document, and one timeline entry lists each as old → new. What `checkCorrection` refuses is left as it was.
 */
export async function correctIncoming(db: Db, tenantId: string, documentId: string, correction: IncomingCorrection, why: string) {
  const [d] = await db.select().from(documents).where(and(eq(documents.tenantId, tenantId), eq(documents.id, documentId), eq(documents.direction, 'incoming')));
  if (!d) return { changes: [] as FieldChange[], refused: [] as RefusedCorrection[] };
  const { valid, refused } = checkCorrection(correction, d.receivedAt ? vietnamDate(d.receivedAt) : vietnamDate(new Date()));
  const current: Record<keyof IncomingCorrection, string | null> = {
    numberNotation: d.codeNumber && d.codeNotation ? `${d.codeNumber}/${d.codeNotation}` : null,
    issuedDate: d.issuedDate,
    typeCode: d.typeCode,
    subject: d.subject,
    signerName: d.signerName,
    signerPosition: d.signerPosition,
  };
  const changes: FieldChange[] = (Object.keys(valid) as (keyof IncomingCorrection)[])
    .filter((field) => valid[field] !== current[field])
    .map((field) => ({ field, label: CORRECTION_LABELS[field], from: current[field], to: valid[field]! }));
  if (changes.length === 0) return { changes, refused };

  const slash = valid.numberNotation?.indexOf('/') ?? -1;
  await db
    .update(documents)
    .set({
      ...(valid.numberNotation ? { codeNumber: valid.numberNotation.slice(0, slash), codeNotation: valid.numberNotation.slice(slash + 1) } : {}),
      ...(valid.issuedDate ? { issuedDate: valid.issuedDate } : {}),
      ...(valid.typeCode ? { typeCode: valid.typeCode } : {}),
      ...(valid.subject ? { subject: valid.subject } : {}),
      ...(valid.signerName ? { signerName: valid.signerName } : {}),
      ...(valid.signerPosition ? { signerPosition: valid.signerPosition } : {}),
      updatedAt: new Date(),
    })
    .where(eq(documents.id, documentId));
  const shown = (c: FieldChange, v: string | null) => (c.field === 'issuedDate' ? dayText(v) : c.field === 'typeCode' && v ? documentTypeName(v) : v) ?? '(trống)';
  const list = changes.map((c) => `${c.label}: ${shown(c, c.from)} → ${shown(c, c.to)}`).join('; ');
  await repo.addEvent(db, { id: newId(), tenantId, documentId, actorId: null, actorName: 'Hệ thống', kind: 'exchange_updated', note: `${why}. ${list}`, data: { changes } });
  return { changes, refused };
}

/** An incoming document as another one's timeline names it: "văn bản đến số 12/2025 (345/UBND-VP)". */
export async function incomingReference(db: Db, tenantId: string, documentId: string): Promise<string | null> {
  const [d] = await db
    .select({ arrivalNumber: documents.arrivalNumber, arrivalYear: documents.arrivalYear, codeNumber: documents.codeNumber, codeNotation: documents.codeNotation })
    .from(documents)
    .where(and(eq(documents.tenantId, tenantId), eq(documents.id, documentId)));
  if (!d) return null;
  return `văn bản đến số ${d.arrivalNumber}/${d.arrivalYear} (${d.codeNumber}/${d.codeNotation})`;
}

/**
 * The sender replaced one document by another (edXML replace): documents have no link of their own, so
 * each timeline names the other — the replaced one points at its replacement and back.
 */
export async function linkReplacement(db: Db, tenantId: string, replacementId: string, replaced: { documentId: string | null; description: string }[]) {
  const replacement = await incomingReference(db, tenantId, replacementId);
  const named: string[] = [];
  for (const r of replaced) {
    const old = r.documentId ? await incomingReference(db, tenantId, r.documentId) : null;
    named.push(old ?? r.description);
    if (r.documentId && old) {
      await repo.addEvent(db, { id: newId(), tenantId, documentId: r.documentId, actorId: null, actorName: 'Hệ thống', kind: 'replaced', note: `Được thay thế bởi ${replacement}`, data: { documentId: replacementId } });
    }
  }
  if (named.length === 0) return;
  const ids = replaced.flatMap((r) => (r.documentId ? [r.documentId] : []));
  await repo.addEvent(db, { id: newId(), tenantId, documentId: replacementId, actorId: null, actorName: 'Hệ thống', kind: 'replaces', note: `Thay thế ${named.join('; ')}`, data: { documentIds: ids } });
}
