import { scopeOf } from '../../platform/auth/permissions.js';
import { audit } from '../../platform/audit/service.js';
import type { ServiceContext } from '../../platform/context.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { docxToPdf } from '../../platform/files/convert.js';
import { readVerified, storeGenerated } from '../../platform/files/service.js';
import { DomainError } from '../../platform/http/errors.js';
import { getAgency, loadAuthUser } from '../org/index.js';
import { readAll, sealAppearance, signerAppearance, signWithCertificate, type SignedPdf, type SigningKeys } from '../signing/index.js';
import { DOCX_MIME, prepareAttachments, signAttachments, signedName } from './attachment-signing.js';
import { numberOutgoing } from './issuing.js';
import { loadOutgoing, outgoingEvent } from './outgoing.js';
import * as out from './outgoing-repo.js';
import * as repo from './repo.js';
import type { Db } from '../../db/open.js';

export interface SigningDeps {
  keys: SigningKeys;
  store: BlobStore;
}

const fieldError = (path: string, message: string) => new DomainError('BAD_REQUEST', message, { errors: [{ path, message }] });

/** The current content version as PDF bytes: a PDF as it is, a DOCX converted by LibreOffice. */
async function currentPdf(tx: Db, store: BlobStore, documentId: string) {
  const main = (await repo.getDocumentFiles(tx, documentId)).filter((f) => f.role === 'main').at(-1);
  if (!main) throw fieldError('contentFileId', 'Văn bản chưa có tệp nội dung để ký');
  const bytes = await readAll(await readVerified(store, main));
  if (main.mime === 'application/pdf') return { main, pdf: bytes };
  if (main.mime !== DOCX_MIME) throw fieldError('contentFileId', 'Chỉ ký số được văn bản PDF hoặc DOCX');
  return { main, pdf: new Uint8Array(await docxToPdf(Buffer.from(bytes))) };
}

interface PersonalSignature {
  method?: string;
  shown?: SignedPdf['shown'];
}

/**
 * The signer signs the approved document (Decree 30 art. 13; issue 4 item 2): a PAdES signature with
 * their kept certificate and the passphrase given now, visible at the signature block of the last page
 * (position, the blue image, name, time). The signed PDF becomes the content's new version: the
 * approved → signed step of the seam, after which the clerk adds the agency's signature and issues it.
 */
export async function signOutgoingWithCertificate(ctx: ServiceContext, deps: SigningDeps, id: string, input: { certificateId: string; passphrase: string }) {
  await ctx.db.transaction(async (tx) => {
    const doc = await loadOutgoing(ctx, tx, id, 'sign', 'Văn bản chưa được duyệt hoặc đã ký');
    const { main, pdf } = await currentPdf(tx, deps.store, id);
    const me = await loadAuthUser(tx, ctx.actor.userId);
    const at = new Date();
    const signed = await signWithCertificate({ ...ctx, db: tx }, deps, { ...input, kind: 'personal', pdf, signingTime: at }, ({ image }) =>
      signerAppearance(pdf, { positionTitle: me?.positionName ?? null, fullName: ctx.actor.fullName, image, at }),
    );
    const file = await storeGenerated({ ...ctx, db: tx }, deps.store, { name: signedName(main.name), mime: 'application/pdf', bytes: Buffer.from(signed.bytes) });
    const version = await out.nextVersion(tx, id);
    await out.attachFile(tx, { documentId: id, fileId: file.id, role: 'main', position: (await out.maxPosition(tx, id)) + 1, version });
    await out.updateDocument(tx, id, { status: 'signed', holderId: null });
    await outgoingEvent(ctx, tx, id, 'signed', `Ký số văn bản (chứng thư số ${signed.certificate.subjectName}, số hiệu ${signed.certificate.serialNumber})`, {
      fileId: file.id,
      sha256: file.sha256,
      method: 'pades',
      certificateId: signed.certificate.id,
      version,
      shown: signed.shown,
    });
    await audit(ctx, tx, { action: 'document.signed', entityType: 'document', entityId: id, summary: `Ký số văn bản: ${doc.subject}`, after: { sha256: file.sha256, serialNumber: signed.certificate.serialNumber, method: 'pades' } });
  });
}

/**
 * The agency's clerk adds the organization signature (Decree 30 art. 14, App. I §II.8), in one transaction
 * with one passphrase:
 * - the content: the red seal over the left third of the signer's image, the agency's name and the time;
 * - the document is numbered and dated now (`numberOutgoing`; issuing keeps that number), because
 * - each attachment in a file of its own gets the agency's signature too: no image, the number and symbol
 *   and the time (ISO 8601, Vietnam time) in 10 pt at the top right of its first page, kept as the
 *   attachment's next version (`prepareAttachments` says which kinds are signed, which are left as drafted).
 * The 'sealed' entry of the timeline lists the files signed (id, SHA-256) and those left unsigned.
 */
export async function addOrganizationSignature(ctx: ServiceContext, deps: SigningDeps, id: string, input: { certificateId: string; passphrase: string }) {
  await ctx.db.transaction(async (tx) => {
    const doc = await loadOutgoing(ctx, tx, id, 'seal', 'Văn bản chưa được ký số hoặc đã có chữ ký số của cơ quan');
    const events = await repo.getDocumentEvents(tx, id);
    const personal = events.map((e) => (e.kind === 'signed' ? (e.data as PersonalSignature | null) : null)).findLast((d) => d?.method === 'pades');
    if (!personal) throw new DomainError('INVALID_STATE', 'Người có thẩm quyền chưa ký số văn bản; chữ ký số của cơ quan chỉ thêm sau chữ ký của người ký');
    if (events.some((e) => e.kind === 'sealed')) throw new DomainError('INVALID_STATE', 'Văn bản đã có chữ ký số của cơ quan');
    const { main, pdf } = await currentPdf(tx, deps.store, id);
    const attachments = await prepareAttachments(tx, deps, id);
    const agency = await getAgency({ ...ctx, db: tx }, doc.agencyId);
    const at = new Date();
    // against the signer's image where it was drawn (or their whole block when it had no image)
    const shown = personal.shown;
    const signerBlock = shown ? { pageIndex: shown.pageIndex, rect: shown.imageBox ?? shown.rect } : await signerAppearance(pdf, { positionTitle: null, fullName: '', image: undefined, at });
    const signed = await signWithCertificate({ ...ctx, db: tx }, deps, { ...input, kind: 'organization', pdf, signingTime: at }, ({ image }) =>
      sealAppearance(pdf, signerBlock, agency.name, image, at, shown?.rect.y),
    );
    const file = await storeGenerated({ ...ctx, db: tx }, deps.store, { name: main.name, mime: 'application/pdf', bytes: Buffer.from(signed.bytes) });
    const version = await out.nextVersion(tx, id);
    await out.attachFile(tx, { documentId: id, fileId: file.id, role: 'main', position: (await out.maxPosition(tx, id)) + 1, version });
    // the register's counter is locked from here to commit: only the attachments' signing waits on it
    const numbered = await numberOutgoing(ctx, tx, doc, { at });
    const signedAttachments = await signAttachments(ctx, tx, deps, { documentId: id, toSign: attachments.toSign, numberNotation: numbered.numberNotation, ...input, at });
    const note = [
      `Ký số của cơ quan: ${agency.name} (chứng thư số ${signed.certificate.subjectName})`,
      `cấp số ${numbered.numberNotation} ngày ${numbered.issuedDate.split('-').reverse().join('/')} (${numbered.registerName})`,
      signedAttachments.length > 0 && `ký số ${signedAttachments.length} phụ lục: ${signedAttachments.map((a) => a.name).join(', ')}`,
      attachments.unsigned.length > 0 && `không ký số được ${attachments.unsigned.map((a) => `${a.name} (${a.reason})`).join(', ')}`,
    ].filter(Boolean);
    await outgoingEvent(ctx, tx, id, 'sealed', note.join('; '), {
      fileId: file.id,
      sha256: file.sha256,
      certificateId: signed.certificate.id,
      version,
      issueNumber: numbered.issueNumber,
      registerId: numbered.registerId,
      numberNotation: numbered.numberNotation,
      attachments: signedAttachments,
      unsignedAttachments: attachments.unsigned,
    });
    await audit(ctx, tx, {
      action: 'document.sealed',
      entityType: 'document',
      entityId: id,
      summary: `Thêm chữ ký số của cơ quan, cấp số ${numbered.numberNotation}: ${doc.subject}`,
      after: {
        sha256: file.sha256,
        serialNumber: signed.certificate.serialNumber,
        registerId: numbered.registerId,
        issueNumber: numbered.issueNumber,
        year: numbered.year,
        numberNotation: numbered.numberNotation,
        attachments: signedAttachments.map((a) => ({ fileId: a.fileId, sha256: a.sha256 })),
        unsignedAttachments: attachments.unsigned.map((a) => a.fileId),
      },
    });
  });
}

/** Whether the actor keeps the agency's seal (the UI offers the step only to them). */
export const keepsSeal = (ctx: ServiceContext) => Boolean(scopeOf(ctx.actor, 'signature.seal'));
