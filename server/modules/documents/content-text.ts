import { and, asc, eq, isNull } from 'drizzle-orm';
import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { readVerified } from '../../platform/files/service.js';
import { searchKey } from '../../platform/search/normalize.js';
import { verificationSummary, verifyPdfForTenant } from '../signing/index.js';
import { addEvent, getDocumentFiles } from './repo.js';
import { documents } from './tables.js';

const MAX_PAGES = 60;
const MAX_CHARS = 200_000;

/** The text layer of a PDF (scans without OCR have none), NFC, at most MAX_PAGES pages and MAX_CHARS characters. */
export async function extractPdfText(bytes: Uint8Array): Promise<string> {
  // loaded on first use: pdf.js is large, and most processes never extract anything
  const { getDocument: openPdf } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await openPdf({ data: bytes, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const parts: string[] = [];
    let length = 0;
    for (let i = 1; i <= Math.min(pdf.numPages, MAX_PAGES) && length < MAX_CHARS; i += 1) {
      const page = await pdf.getPage(i);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
      parts.push(text);
      length += text.length;
      page.cleanup();
    }
    return parts.join('\n').normalize('NFC').slice(0, MAX_CHARS);
  } finally {
    await pdf.destroy();
  }
}

async function readAll(store: BlobStore, file: Parameters<typeof readVerified>[1]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await readVerified(store, file)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Extracts the text of documents registered since the last run (job `documents.extract-text`), so that
 * search finds words inside the PDF files. A file that cannot be read leaves the document searchable by
 * its metadata; it is not retried.
 */
export async function extractPendingContent(db: Db, store: BlobStore, limit = 20): Promise<number> {
  const pending = await db
    .select({ id: documents.id, tenantId: documents.tenantId, direction: documents.direction })
    .from(documents)
    .where(isNull(documents.contentExtractedAt))
    .orderBy(asc(documents.createdAt))
    .limit(limit);
  for (const { id, tenantId, direction } of pending) {
    const texts: string[] = [];
    const checked: string[] = [];
    for (const f of await getDocumentFiles(db, id)) {
      if (f.mime !== 'application/pdf') continue;
      let bytes: Buffer;
      try {
        bytes = await readAll(store, f);
      } catch {
        continue; // the blob failed its SHA-256 check: nothing in it can be believed
      }
      // a received file's signatures are checked on arrival, and what they say goes on the timeline
      if (direction === 'incoming') checked.push(await signatureLine(db, tenantId, f.name, new Uint8Array(bytes)));
      try {
        // pdf.js takes the buffer it is given (it may hand it to a worker): a copy of its own
        texts.push(await extractPdfText(new Uint8Array(bytes)));
      } catch {
        // unreadable or damaged PDF: the document stays searchable by its metadata
      }
    }
    if (checked.length > 0) await addEvent(db, { id: newId(), tenantId, documentId: id, actorId: null, actorName: 'Hệ thống', kind: 'signatures_checked', note: checked.join('\n') });
    const key = texts.length ? searchKey(texts.join(' ')).slice(0, MAX_CHARS) : null;
    await db.update(documents).set({ contentKey: key || null, contentExtractedAt: new Date() }).where(and(eq(documents.id, id), isNull(documents.contentExtractedAt)));
  }
  return pending.length;
}

async function signatureLine(db: Db, tenantId: string, name: string, pdf: Uint8Array): Promise<string> {
  try {
    return verificationSummary(name, await verifyPdfForTenant(db, tenantId, pdf));
  } catch {
    return `Tệp ${name}: không đọc được chữ ký số`;
  }
}
