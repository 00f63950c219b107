import { createHash, X509Certificate } from 'node:crypto';
import type { Readable } from 'node:stream';
import * as pkijs from 'pkijs';
import type { z } from 'zod';
import type { Db } from '../../db/open.js';
import { newId } from '../../db/columns.js';
import { audit } from '../../platform/audit/service.js';
import { requirePermission, scopeOf } from '../../platform/auth/permissions.js';
import type { ServiceContext } from '../../platform/context.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { getFile, readVerified } from '../../platform/files/service.js';
import { DomainError } from '../../platform/http/errors.js';
import { imageBox, type Rect, type VisibleAppearance } from './appearance.js';
import { InvalidPdfError, PdfSigningError, SigningKeyError } from './errors.js';
import { signPdf } from './pades.js';
import * as repo from './repo.js';
import type { CertificateSealer } from './sealing.js';
import type { AddCertificateRequest, AddTrustAnchorRequest } from './schemas.js';
import { MAX_PKCS12_BYTES } from './schemas.js';
import { openPkcs12 } from './signing-key.js';
import type { CertificateKind, TrustAnchorKind } from './tables.js';
import { verifyPdfSignatures, type SignatureReport, type TrustStore } from './verify.js';

type In<T extends z.ZodType> = z.output<T>;

const fieldError = (path: string, message: string) => new DomainError('BAD_REQUEST', message, { errors: [{ path, message }] });

const commonName = (dn: string): string => /(?:^|\n)CN=([^\n]+)/.exec(dn)?.[1]?.trim() ?? dn.split('\n')[0] ?? dn;

function certificateView(c: repo.CertificateRow, now = new Date()) {
  return {
    id: c.id,
    kind: c.kind,
    label: c.label,
    subjectName: c.subjectName,
    issuerName: c.issuerName,
    serialNumber: c.serialNumber,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
    expired: c.notAfter.getTime() < now.getTime(),
    imageFileId: c.imageFileId,
    createdAt: c.createdAt.toISOString(),
  };
}

/** Who may keep and use a certificate of a kind: the signer their own; the agency's clerks its seal. */
function requireKind(ctx: ServiceContext, kind: CertificateKind) {
  requirePermission(ctx.actor, kind === 'personal' ? 'signature.sign' : 'signature.seal');
}

/**
 * Keeps a signing certificate (issue 4 item 1): the PKCS#12 file opens with its passphrase and holds the
 * certificate of its key, which is not expired; it is sealed with the server's key; the passphrase is
 * forgotten. An optional PNG is the signature's image (blue handwriting, or the agency's red seal).
 */
export async function addCertificate(ctx: ServiceContext, sealer: CertificateSealer, input: In<typeof AddCertificateRequest>) {
  requireKind(ctx, input.kind);
  const pkcs12 = new Uint8Array(Buffer.from(input.pkcs12, 'base64'));
  if (pkcs12.length > MAX_PKCS12_BYTES) throw fieldError('pkcs12', 'Tệp chứng thư số quá lớn');
  const key = await openPkcs12(pkcs12, input.passphrase).catch((err: unknown) => {
    if (err instanceof SigningKeyError) throw fieldError('passphrase', err.message);
    throw err;
  });
  const cert = new X509Certificate(key.certificate);
  const notAfter = new Date(cert.validTo);
  if (notAfter.getTime() < Date.now()) throw fieldError('pkcs12', `Chứng thư số đã hết hạn từ ${notAfter.toISOString().slice(0, 10).split('-').reverse().join('/')}`);
  if (input.imageFileId) await requirePng(ctx, input.imageFileId);
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await repo.insertCertificate(tx, {
      id,
      tenantId: ctx.actor.tenantId,
      kind: input.kind,
      agencyId: ctx.actor.agencyId,
      userId: input.kind === 'personal' ? ctx.actor.userId : null,
      label: input.label,
      subjectName: commonName(cert.subject),
      issuerName: commonName(cert.issuer),
      serialNumber: cert.serialNumber.toUpperCase(),
      notBefore: new Date(cert.validFrom),
      notAfter,
      certificate: Buffer.from(key.certificate).toString('base64'),
      sealedPkcs12: sealer.seal(pkcs12),
      imageFileId: input.imageFileId ?? null,
      createdBy: ctx.actor.userId,
    });
    await audit(ctx, tx, {
      action: 'signature.certificate_added',
      entityType: 'signing_certificate',
      entityId: id,
      summary: `Thêm chứng thư số ${input.kind === 'personal' ? 'cá nhân' : 'của cơ quan'}: ${commonName(cert.subject)}`,
      after: { kind: input.kind, subject: commonName(cert.subject), issuer: commonName(cert.issuer), serialNumber: cert.serialNumber, notAfter: notAfter.toISOString() },
    });
  });
  return certificateView((await repo.getCertificate(ctx.db, ctx.actor.tenantId, id))!);
}

async function requirePng(ctx: ServiceContext, fileId: string) {
  const file = await getFile(ctx.db, ctx.actor.tenantId, fileId);
  if (!file || file.createdBy !== ctx.actor.userId) throw fieldError('imageFileId', 'Không tìm thấy ảnh bạn đã tải lên');
  if (file.mime !== 'image/png') throw fieldError('imageFileId', 'Ảnh chữ ký, con dấu phải là tệp PNG nền trong suốt');
}

export async function listCertificates(ctx: ServiceContext) {
  const rows = await repo.findCertificates(ctx.db, ctx.actor.tenantId, ctx.actor.userId, scopeOf(ctx.actor, 'signature.seal') ? ctx.actor.agencyId : null);
  return rows.map((r) => certificateView(r));
}

/** The holder (or, for the agency's, its clerks) stops using a certificate; the row stays for the audit. */
export async function removeCertificate(ctx: ServiceContext, id: string) {
  const c = await usableCertificate(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await repo.deactivateCertificate(tx, id);
    await audit(ctx, tx, { action: 'signature.certificate_removed', entityType: 'signing_certificate', entityId: id, summary: `Gỡ chứng thư số: ${c.subjectName}` });
  });
}

/** A certificate the actor may use: their own, or their agency's when they keep its seal. */
async function usableCertificate(ctx: ServiceContext, id: string, kind?: CertificateKind) {
  const c = await repo.getCertificate(ctx.db, ctx.actor.tenantId, id);
  const mine = c?.kind === 'personal' ? c.userId === ctx.actor.userId : c?.agencyId === ctx.actor.agencyId && Boolean(scopeOf(ctx.actor, 'signature.seal'));
  if (!c || !c.active || !mine) throw new DomainError('NOT_FOUND', 'Không tìm thấy chứng thư số của bạn');
  if (kind && c.kind !== kind) throw fieldError('certificateId', kind === 'personal' ? 'Hãy chọn chứng thư số cá nhân của người ký' : 'Hãy chọn chứng thư số của cơ quan');
  return c;
}

export interface SignedPdf {
  bytes: Uint8Array;
  certificate: { id: string; subjectName: string; serialNumber: string };
  /** where it shows, and where its image is (a later signature may be placed against it) */
  shown: { pageIndex: number; rect: Rect; imageBox: Rect | null } | null;
}

/**
 * Signs a PDF with a kept certificate (the seam the documents module calls): the sealed file is opened
 * with the passphrase given now; `place` says where the visible signature goes and what it shows.
 */
export async function signWithCertificate(
  ctx: ServiceContext,
  deps: { sealer: CertificateSealer; store: BlobStore },
  input: { certificateId: string; passphrase: string; kind: CertificateKind; pdf: Uint8Array; signingTime: Date },
  place: (c: { subjectName: string; image: Uint8Array | undefined }) => Promise<VisibleAppearance | undefined> | VisibleAppearance | undefined,
): Promise<SignedPdf> {
  requireKind(ctx, input.kind);
  const c = await usableCertificate(ctx, input.certificateId, input.kind);
  if (c.notAfter.getTime() < input.signingTime.getTime()) throw fieldError('certificateId', 'Chứng thư số đã hết hạn');
  const pkcs12 = deps.sealer.open(c.sealedPkcs12);
  if (!pkcs12) throw fieldError('certificateId', 'Không mở được chứng thư số đã lưu (khóa máy chủ đã đổi); hãy thêm lại tệp chứng thư số');
  const key = await openPkcs12(pkcs12, input.passphrase).catch((err: unknown) => {
    if (err instanceof SigningKeyError) throw fieldError('passphrase', 'Sai mật khẩu của chứng thư số');
    throw err;
  });
  const image = c.imageFileId ? await readImage(ctx, deps.store, c.imageFileId) : undefined;
  const appearance = await place({ subjectName: c.subjectName, image });
  try {
    const bytes = await signPdf(input.pdf, { key, signingTime: input.signingTime, appearance, reason: input.kind === 'personal' ? 'Ký ban hành văn bản' : 'Chữ ký số của cơ quan, tổ chức' });
    const shown = appearance ? { pageIndex: appearance.pageIndex, rect: appearance.rect, imageBox: imageBox(appearance) } : null;
    return { bytes, certificate: { id: c.id, subjectName: c.subjectName, serialNumber: c.serialNumber }, shown };
  } catch (err) {
    if (err instanceof PdfSigningError || err instanceof InvalidPdfError) throw new DomainError('BAD_REQUEST', err.message);
    throw err;
  }
}

async function readImage(ctx: ServiceContext, store: BlobStore, fileId: string): Promise<Uint8Array | undefined> {
  const file = await getFile(ctx.db, ctx.actor.tenantId, fileId);
  return file ? readAll(await readVerified(store, file)) : undefined;
}

export async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

// ---- trust store and verification ---------------------------------------------------------------------

function anchorView(a: repo.TrustAnchorRow) {
  return { id: a.id, kind: a.kind, name: a.name, validUntil: a.validUntil?.toISOString() ?? null, sha256: a.sha256, createdAt: a.createdAt.toISOString() };
}

/** PEM (one block) or base64 DER → DER. */
function derOf(content: string): Uint8Array {
  const pem = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(content);
  const body = (pem ? pem[2]! : content).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) throw fieldError('content', 'Nội dung không phải PEM hay DER mã hóa base64');
  return new Uint8Array(Buffer.from(body, 'base64'));
}

/** What an uploaded anchor is: a CA certificate (a root when it issued itself) or a CRL. */
function parseAnchor(der: Uint8Array): { kind: TrustAnchorKind; name: string; validUntil: Date | null } {
  try {
    const cert = new X509Certificate(der);
    if (!cert.ca) throw fieldError('content', 'Chỉ nhận chứng thư số của tổ chức cung cấp dịch vụ chứng thực (CA)');
    const selfIssued = cert.subject === cert.issuer && cert.checkIssued(cert) && cert.verify(cert.publicKey);
    return { kind: selfIssued ? 'root' : 'intermediate', name: commonName(cert.subject), validUntil: new Date(cert.validTo) };
  } catch (err) {
    if (err instanceof DomainError) throw err;
  }
  try {
    const crl = pkijs.CertificateRevocationList.fromBER(new Uint8Array(der).buffer as ArrayBuffer);
    const cn = crl.issuer.typesAndValues.find((t) => t.type === '2.5.4.3');
    return { kind: 'crl', name: cn ? String(cn.value.valueBlock.value) : 'CRL', validUntil: crl.nextUpdate?.value ?? null };
  } catch {
    throw fieldError('content', 'Không đọc được chứng thư số hay danh sách thu hồi (CRL)');
  }
}

export async function addTrustAnchor(ctx: ServiceContext, input: In<typeof AddTrustAnchorRequest>) {
  requirePermission(ctx.actor, 'trust.manage');
  const der = derOf(input.content);
  const facts = parseAnchor(der);
  const sha256 = createHash('sha256').update(der).digest('hex');
  const id = newId();
  const added = await ctx.db.transaction(async (tx) => {
    const inserted = await repo.insertTrustAnchor(tx, { id, tenantId: ctx.actor.tenantId, ...facts, der: Buffer.from(der).toString('base64'), sha256, createdBy: ctx.actor.userId });
    if (!inserted) return false;
    await audit(ctx, tx, { action: 'signature.trust_added', entityType: 'trust_anchor', entityId: id, summary: `Thêm vào kho tin cậy: ${facts.name}`, after: { kind: facts.kind, name: facts.name, sha256 } });
    return true;
  });
  if (!added) throw new DomainError('CONFLICT', 'Kho tin cậy đã có mục này', { errors: [{ path: 'content', message: 'Đã có' }] });
  return anchorView((await repo.findTrustAnchors(ctx.db, ctx.actor.tenantId)).find((a) => a.id === id)!);
}

export async function listTrustAnchors(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'trust.manage');
  return (await repo.findTrustAnchors(ctx.db, ctx.actor.tenantId)).map(anchorView);
}

export async function removeTrustAnchor(ctx: ServiceContext, id: string) {
  requirePermission(ctx.actor, 'trust.manage');
  await ctx.db.transaction(async (tx) => {
    const removed = await repo.deleteTrustAnchor(tx, ctx.actor.tenantId, id);
    if (!removed) throw new DomainError('NOT_FOUND', 'Không tìm thấy mục trong kho tin cậy');
    await audit(ctx, tx, { action: 'signature.trust_removed', entityType: 'trust_anchor', entityId: id, summary: `Gỡ khỏi kho tin cậy: ${removed.name}` });
  });
}

async function trustStoreOf(db: Db, tenantId: string): Promise<TrustStore> {
  const rows = await repo.findTrustAnchors(db, tenantId);
  const of = (kind: TrustAnchorKind) => rows.filter((r) => r.kind === kind).map((r) => new Uint8Array(Buffer.from(r.der, 'base64')));
  return { roots: of('root'), intermediates: of('intermediate'), crls: of('crl') };
}

const RANK = { valid: 0, warning: 1, invalid: 2 } as const;

export type Verification = Awaited<ReturnType<typeof verifyPdfForTenant>>;

/** Every signature of a PDF against a tenant's trust store; the overall status is the worst one's. */
export async function verifyPdfForTenant(db: Db, tenantId: string, pdf: Uint8Array) {
  let reports: SignatureReport[];
  try {
    reports = await verifyPdfSignatures(pdf, await trustStoreOf(db, tenantId));
  } catch (err) {
    if (err instanceof InvalidPdfError) throw new DomainError('BAD_REQUEST', err.message);
    throw err;
  }
  const worst = reports.reduce<'valid' | 'warning' | 'invalid'>((w, r) => (RANK[r.status] > RANK[w] ? r.status : w), 'valid');
  return {
    status: reports.length === 0 ? ('unsigned' as const) : worst,
    signatures: reports.map((r) => ({ ...r, signingTime: r.signingTime?.toISOString() ?? null })),
  };
}

/** Every signature of a PDF against the tenant's trust store (issue 4 item 3), for anyone signed in. */
export const verifyPdf = (ctx: ServiceContext, pdf: Uint8Array) => verifyPdfForTenant(ctx.db, ctx.actor.tenantId, pdf);

/** One line for a document's timeline: what the signatures of a received file say. */
export function verificationSummary(fileName: string, v: Verification): string {
  if (v.status === 'unsigned') return `Tệp ${fileName}: không có chữ ký số`;
  const who = v.signatures.map((s) => s.signerName ?? 'không rõ người ký').join('; ');
  const label = { valid: 'chữ ký số hợp lệ', warning: 'chữ ký số cần lưu ý', invalid: 'chữ ký số không hợp lệ' }[v.status];
  const reasons = [...new Set(v.signatures.flatMap((s) => s.reasons))];
  return `Tệp ${fileName}: ${label} (${who})${reasons.length ? ` — ${reasons.join('; ')}` : ''}`;
}
