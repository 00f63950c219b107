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
import { KeptKeyError, type Enrolment, type SigningKeys } from './keyring.js';
import { RemoteSigningError } from './remote-signing.js';
import type { AddCertificateRequest, AddTrustAnchorRequest } from './schemas.js';
import { MAX_PKCS12_BYTES } from './schemas.js';
import type { CertificateKind, TrustAnchorKind } from './tables.js';
import { buildChain, revocation, validAt } from './chain.js';
import type { PdfSigningKey } from './signing-key.js';
import { verifyPdfSignatures, type SignatureReport, type TrustStore } from './verify.js';

type In<T extends z.ZodType> = z.output<T>;

const fieldError = (path: string, message: string) => new DomainError('BAD_REQUEST', message, { errors: [{ path, message }] });

const commonName = (dn: string): string => /(?:^|\n)CN=([^\n]+)/.exec(dn)?.[1]?.trim() ?? dn.split('\n')[0] ?? dn;

function certificateView(keys: SigningKeys, c: repo.CertificateRow, now = new Date()) {
  return {
    id: c.id,
    kind: c.kind,
    provider: c.provider,
    remoteServiceName: c.provider === 'remote' ? (keys.serviceName(c.remoteServiceId) ?? c.remoteServiceId) : null,
    forExchange: c.sealedUnattendedSecret !== null,
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
 * Where a failure to open or use a key goes: the person's secret was wrong (a field to correct), the kept
 * key cannot be read (add it again), or the remote service did not answer (try later).
 */
function keyProblem(err: unknown, secretField: string, wrongPassphrase?: string): never {
  if (err instanceof SigningKeyError) throw fieldError(secretField, wrongPassphrase ?? err.message);
  if (err instanceof KeptKeyError) throw fieldError('certificateId', err.message);
  if (err instanceof RemoteSigningError) {
    if (err.reason === 'credentials') throw fieldError(secretField, err.message);
    throw new DomainError('REMOTE_SIGNING_FAILED', err.message);
  }
  throw err;
}

function enrolmentOf(keys: SigningKeys, input: In<typeof AddCertificateRequest>): Enrolment {
  if (input.provider === 'remote') {
    if (!keys.remoteServices.some((s) => s.id === input.serviceId)) throw fieldError('serviceId', 'Hãy chọn một dịch vụ ký số từ xa đã được cấu hình');
    return { provider: 'remote', serviceId: input.serviceId!, credentialId: input.credentialId!, accessToken: input.accessToken! };
  }
  const pkcs12 = new Uint8Array(Buffer.from(input.pkcs12!, 'base64'));
  if (pkcs12.length > MAX_PKCS12_BYTES) throw fieldError('pkcs12', 'Tệp chứng thư số quá lớn');
  return { provider: 'pkcs12', pkcs12, passphrase: input.passphrase! };
}

/**
 * Keeps a signing certificate (issue 4 item 1): a PKCS#12 file that opens with its passphrase and holds
 * the certificate of its key, sealed with the server's key, the passphrase forgotten; or a key at a
 * configured remote-signing service, whose certificate the service gives for the person's access token
 * (sealed the same way; the PIN/OTP is asked at each signature). The certificate must not be expired. An
 * optional PNG is the signature's image (blue handwriting, or the agency's red seal).
 */
export async function addCertificate(ctx: ServiceContext, keys: SigningKeys, input: In<typeof AddCertificateRequest>) {
  requireKind(ctx, input.kind);
  const enrolment = enrolmentOf(keys, input);
  const { certificate, kept } = await keys.enroll(enrolment).catch((err: unknown) => keyProblem(err, enrolment.provider === 'pkcs12' ? 'passphrase' : 'accessToken'));
  const cert = new X509Certificate(certificate);
  const notAfter = new Date(cert.validTo);
  if (notAfter.getTime() < Date.now()) throw fieldError(enrolment.provider === 'pkcs12' ? 'pkcs12' : 'credentialId', `Chứng thư số đã hết hạn từ ${notAfter.toISOString().slice(0, 10).split('-').reverse().join('/')}`);
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
      certificate: Buffer.from(certificate).toString('base64'),
      ...kept,
      sealedUnattendedSecret: input.forExchange && enrolment.provider === 'pkcs12' ? keys.keepSecret(enrolment.passphrase) : null,
      imageFileId: input.imageFileId ?? null,
      createdBy: ctx.actor.userId,
    });
    await audit(ctx, tx, {
      action: 'signature.certificate_added',
      entityType: 'signing_certificate',
      entityId: id,
      summary: `Thêm chứng thư số ${input.kind === 'personal' ? 'cá nhân' : 'của cơ quan'}${kept.provider === 'remote' ? ` (ký số từ xa: ${keys.serviceName(kept.remoteServiceId)})` : ''}: ${commonName(cert.subject)}`,
      after: { kind: input.kind, provider: kept.provider, forExchange: input.forExchange, remoteServiceId: kept.remoteServiceId, subject: commonName(cert.subject), issuer: commonName(cert.issuer), serialNumber: cert.serialNumber, notAfter: notAfter.toISOString() },
    });
  });
  return certificateView(keys, (await repo.getCertificate(ctx.db, ctx.actor.tenantId, id))!);
}

/** The remote-signing services a person may keep a key at (configured by the deployment's operator). */
export function listRemoteSigningServices(keys: SigningKeys) {
  return keys.remoteServices.map((s) => ({ id: s.id, name: s.name }));
}

async function requirePng(ctx: ServiceContext, fileId: string) {
  const file = await getFile(ctx.db, ctx.actor.tenantId, fileId);
  if (!file || file.createdBy !== ctx.actor.userId) throw fieldError('imageFileId', 'Không tìm thấy ảnh bạn đã tải lên');
  if (file.mime !== 'image/png') throw fieldError('imageFileId', 'Ảnh chữ ký, con dấu phải là tệp PNG nền trong suốt');
}

export async function listCertificates(ctx: ServiceContext, keys: SigningKeys) {
  const rows = await repo.findCertificates(ctx.db, ctx.actor.tenantId, ctx.actor.userId, scopeOf(ctx.actor, 'signature.seal') ? ctx.actor.agencyId : null);
  return rows.map((r) => certificateView(keys, r));
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
  deps: { keys: SigningKeys; store: BlobStore },
  input: { certificateId: string; passphrase: string; kind: CertificateKind; pdf: Uint8Array; signingTime: Date },
  place: (c: { subjectName: string; image: Uint8Array | undefined }) => Promise<VisibleAppearance | undefined> | VisibleAppearance | undefined,
): Promise<SignedPdf> {
  requireKind(ctx, input.kind);
  const c = await usableCertificate(ctx, input.certificateId, input.kind);
  if (c.notAfter.getTime() < input.signingTime.getTime()) throw fieldError('certificateId', 'Chứng thư số đã hết hạn');
  const key = await deps.keys.open(c, input.passphrase).catch((err: unknown) => keyProblem(err, 'passphrase', 'Sai mật khẩu của chứng thư số'));
  const image = c.imageFileId ? await readImage(ctx, deps.store, c.imageFileId) : undefined;
  try {
    // the appearance reads the PDF (its last page, its signature block): a damaged one is the sender's 400 too
    const appearance = await place({ subjectName: c.subjectName, image });
    const bytes = await signPdf(input.pdf, { key, signingTime: input.signingTime, appearance, reason: input.kind === 'personal' ? 'Ký ban hành văn bản' : 'Chữ ký số của cơ quan, tổ chức' });
    const shown = appearance ? { pageIndex: appearance.pageIndex, rect: appearance.rect, imageBox: imageBox(appearance) } : null;
    return { bytes, certificate: { id: c.id, subjectName: c.subjectName, serialNumber: c.serialNumber }, shown };
  } catch (err) {
    if (err instanceof PdfSigningError || err instanceof InvalidPdfError) throw new DomainError('BAD_REQUEST', err.message);
    return keyProblem(err, 'passphrase', 'Sai mật khẩu của chứng thư số');
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

/**
 * The key an agency signs its outgoing edXML messages with: its newest active, unexpired organization
 * certificate whose clerk let the server use it unattended. Null when there is none (messages then go
 * unsigned, as most gateways' do).
 */
export async function exchangeSigningKey(db: Db, keys: SigningKeys, tenantId: string, agencyId: string, now = new Date()): Promise<PdfSigningKey | null> {
  const row = await repo.findUnattendedCertificate(db, tenantId, agencyId, now);
  return row ? keys.openUnattended(row) : null;
}

/** What the tenant's trust store says of a certificate someone signed with at `at` (an edXML message's). */
export async function certificateTrust(db: Db, tenantId: string, certificate: Uint8Array, carried: Uint8Array[], at: Date) {
  const trust = await trustStoreOf(db, tenantId);
  const signer = new X509Certificate(certificate);
  const pool = [...carried, ...(trust.intermediates ?? [])].flatMap((der) => {
    try {
      return [new X509Certificate(der)];
    } catch {
      return [];
    }
  });
  const { chain, status } = buildChain(signer, pool, trust.roots.map((der) => new X509Certificate(der)));
  const revoked = await revocation(chain, trust.crls ?? [], at);
  return { signerName: commonName(signer.subject), issuerName: commonName(signer.issuer), chain: status, validAtSigningTime: validAt(chain, at), revoked };
}
