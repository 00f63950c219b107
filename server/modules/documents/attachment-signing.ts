// The agency's signature on the attachments of an outgoing document that are files of their own (Decree
// 30/2020, App. I §II.8.c): each gets an organization signature with no image, and as text the main
// document's number and symbol and the signing time, at the top right corner of its first page.
import type { Db } from '../../db/open.js';
import type { ServiceContext } from '../../platform/context.js';
import { docxToPdf } from '../../platform/files/convert.js';
import { readVerified, storeGenerated } from '../../platform/files/service.js';
import { DomainError } from '../../platform/http/errors.js';
import { cornerTextAppearance, formatIsoVietnam, InvalidPdfError, PdfSigningError, readAll, signWithCertificate } from '../signing/index.js';
import type { SigningDeps } from './digital-signing.js';
import { currentFiles } from './outgoing.js';
import * as out from './outgoing-repo.js';
import * as repo from './repo.js';

type FileVersion = Awaited<ReturnType<typeof repo.getDocumentFiles>>[number];

const PDF_MIME = 'application/pdf';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const signedName = (name: string) => `${name.replace(/\.(pdf|docx)$/i, '')}.pdf`;

/** An attachment ready to be signed: its current version, as PDF bytes. */
export interface AttachmentToSign {
  source: FileVersion;
  pdf: Uint8Array;
}

/** An attachment left as it was, and why (it goes on the timeline). */
export interface UnsignedAttachment {
  fileId: string;
  name: string;
  mime: string;
  reason: string;
}

/** An attachment's new version, with the agency's signature. */
export interface SignedAttachment {
  fileId: string;
  sha256: string;
  name: string;
  version: number;
  /** the version it was made from */
  sourceFileId: string;
  sourceSha256: string;
}

/**
 * The current version of each attachment made ready to sign, before the document's number is taken (a
 * conversion can take a while, and the register's counter must not wait for it): a PDF as it is; a DOCX
 * converted by LibreOffice, as the content is — when that fails (or the server has no LibreOffice), the
 * step fails and changes nothing, as it does for a DOCX content, rather than send a file the decree wants
 * signed without the signature. Any other kind (a spreadsheet, an image, an archive) has no PDF form the
 * System can make faithfully: it is sent as drafted, unsigned, and the timeline says so.
 */
export async function prepareAttachments(tx: Db, deps: SigningDeps, documentId: string): Promise<{ toSign: AttachmentToSign[]; unsigned: UnsignedAttachment[] }> {
  const toSign: AttachmentToSign[] = [];
  const unsigned: UnsignedAttachment[] = [];
  for (const source of currentFiles(await repo.getDocumentFiles(tx, documentId)).filter((f) => f.role === 'attachment')) {
    if (source.mime !== PDF_MIME && source.mime !== DOCX_MIME) {
      unsigned.push({ fileId: source.id, name: source.name, mime: source.mime, reason: 'chỉ ký số được tệp PDF hoặc DOCX' });
      continue;
    }
    const bytes = await readAll(await readVerified(deps.store, source));
    if (source.mime === PDF_MIME) {
      toSign.push({ source, pdf: bytes });
      continue;
    }
    const pdf = await docxToPdf(Buffer.from(bytes)).catch((err: unknown) => {
      throw err instanceof DomainError ? new DomainError(err.code, `Không chuyển được phụ lục ${source.name} sang PDF để ký số: ${err.message}`) : err;
    });
    toSign.push({ source, pdf: new Uint8Array(pdf) });
  }
  return { toSign, unsigned };
}

/**
 * Signs each prepared attachment with the agency's certificate, at the same time as the content, and keeps
 * the signed PDF as the attachment's next version (the version signed stays, as the content's do). A
 * failure on any file fails the whole step: the content's signature and the number go back with it.
 */
export async function signAttachments(
  ctx: ServiceContext,
  tx: Db,
  deps: SigningDeps,
  input: { documentId: string; toSign: AttachmentToSign[]; numberNotation: string; certificateId: string; passphrase: string; at: Date },
): Promise<SignedAttachment[]> {
  const signed: SignedAttachment[] = [];
  const lines = [input.numberNotation, formatIsoVietnam(input.at)];
  for (const { source, pdf } of input.toSign) {
    const notSigned = (err: unknown) => {
      if (err instanceof InvalidPdfError || err instanceof PdfSigningError) throw new DomainError('BAD_REQUEST', `Không ký số được phụ lục ${source.name}: ${err.message}`);
      throw err instanceof DomainError ? new DomainError(err.code, `Không ký số được phụ lục ${source.name}: ${err.message}`, { errors: err.errors }) : err;
    };
    // placed before signing: a damaged file is named in the answer, not lost in a server error
    const appearance = await cornerTextAppearance(pdf, lines).catch(notSigned);
    const request = { certificateId: input.certificateId, passphrase: input.passphrase, kind: 'organization' as const, pdf, signingTime: input.at };
    const result = await signWithCertificate({ ...ctx, db: tx }, deps, request, () => appearance).catch(notSigned);
    const name = signedName(source.name);
    const file = await storeGenerated({ ...ctx, db: tx }, deps.store, { name, mime: PDF_MIME, bytes: Buffer.from(result.bytes) });
    const version = source.version + 1;
    await out.attachFile(tx, { documentId: input.documentId, fileId: file.id, role: 'attachment', position: source.position, version });
    signed.push({ fileId: file.id, sha256: file.sha256, name, version, sourceFileId: source.id, sourceSha256: source.sha256 });
  }
  return signed;
}
