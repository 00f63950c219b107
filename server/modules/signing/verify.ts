// Independent verification of the signatures in a PDF: libpdf signs but does not verify, so this is
// our own check with pkijs and node:crypto (poppler's pdfsig agrees with it in the tests).
import type { X509Certificate } from 'node:crypto';
import { buildChain, revocation, toPkijs, trustedCertificate, validAt, type ChainStatus, type TrustStore } from './chain.js';
import { checkCms, CmsError, type CmsFacts } from './cms.js';
import { locateSignatures, type BrokenSignature, type LocatedSignature } from './pdf-signatures.js';
import { revisionFacts, xrefOffsets } from './revisions.js';

export type { ChainStatus, TrustStore };

export type SignatureStatus = 'valid' | 'warning' | 'invalid';

export interface SignatureReport {
  fieldName: string;
  subFilter: string | null;
  signerName: string | null;
  issuerName: string | null;
  /** Upper-case hex, as CAs print it. */
  serialNumber: string | null;
  /** From the CMS signed attributes, else the dictionary's /M; a claim of the signer either way. */
  signingTime: Date | null;
  /** The /ByteRange digest equals the signed messageDigest, and the signature verifies with the signer's key. */
  intact: boolean;
  coversWholeDocument: boolean;
  /** Bytes were appended after this signature that are not a later signature's own revision. */
  modifiedAfter: boolean;
  chain: ChainStatus;
  /** Every certificate of the chain was valid at the signing time. */
  validAtSigningTime: boolean;
  /** null: no usable CRL for some certificate of the chain. */
  revoked: boolean | null;
  status: SignatureStatus;
  /** Vietnamese, for the user; empty when valid. */
  reasons: string[];
}

export const REASONS = {
  tampered: 'Nội dung đã bị thay đổi sau khi ký',
  badSignature: 'Chữ ký số không khớp với chứng thư số của người ký',
  unreadable: 'Không đọc được dữ liệu chữ ký số',
  badByteRange: 'Vùng dữ liệu được ký (/ByteRange) không hợp lệ',
  modifiedAfter: 'Văn bản đã được bổ sung nội dung sau khi ký',
  untrusted: 'Chứng thư số không thuộc tổ chức được tin cậy',
  incomplete: 'Không xác định được chuỗi chứng thư số đến tổ chức được tin cậy',
  expired: 'Chứng thư số hết hạn tại thời điểm ký',
  revoked: 'Chứng thư số đã bị thu hồi',
  revocationUnknown: 'Chưa kiểm tra được tình trạng thu hồi của chứng thư số',
  unsupported: 'Định dạng chữ ký chưa được hỗ trợ',
} as const;

const SUPPORTED = new Set(['ETSI.CAdES.detached', 'adbe.pkcs7.detached']);

function commonName(cert: X509Certificate, which: 'subject' | 'issuer'): string | null {
  const cn = toPkijs(cert)[which].typesAndValues.find((t) => t.type === '2.5.4.3');
  return cn ? String(cn.value.valueBlock.value) : null;
}

function signedParts(pdf: Uint8Array, s: LocatedSignature): Uint8Array[] {
  const [a, b, c, d] = s.byteRange;
  return [pdf.subarray(a, a + b), pdf.subarray(c, c + d)];
}

function unreadable(s: LocatedSignature | BrokenSignature, reason: string): SignatureReport {
  return {
    fieldName: s.fieldName,
    subFilter: s.subFilter,
    signerName: null,
    issuerName: null,
    serialNumber: null,
    signingTime: s.claimedTime,
    intact: false,
    coversWholeDocument: false,
    modifiedAfter: false,
    chain: 'incomplete',
    validAtSigningTime: false,
    revoked: null,
    status: 'invalid',
    reasons: [reason],
  };
}

function judge(r: Omit<SignatureReport, 'status' | 'reasons'>, cms: CmsFacts): Pick<SignatureReport, 'status' | 'reasons'> {
  const invalid: string[] = [];
  const warnings: string[] = [];
  if (!cms.digestMatches) invalid.push(REASONS.tampered);
  else if (!cms.signatureVerifies) invalid.push(REASONS.badSignature);
  // Decree 130/2018, art. 9: a signature counts only if the certificate was valid when signing
  if (!r.validAtSigningTime) invalid.push(REASONS.expired);
  if (r.revoked === true) invalid.push(REASONS.revoked);
  if (r.modifiedAfter) warnings.push(REASONS.modifiedAfter);
  if (r.chain === 'untrusted') warnings.push(REASONS.untrusted);
  if (r.chain === 'incomplete') warnings.push(REASONS.incomplete);
  if (r.revoked === null) warnings.push(REASONS.revocationUnknown);
  const status = invalid.length > 0 ? 'invalid' : warnings.length > 0 ? 'warning' : 'valid';
  return { status, reasons: [...invalid, ...warnings] };
}

function readCms(pdf: Uint8Array, s: LocatedSignature): CmsFacts | SignatureReport {
  if (!s.subFilter || !SUPPORTED.has(s.subFilter)) return { ...unreadable(s, REASONS.unsupported), status: 'warning' };
  try {
    return checkCms(s.contents, signedParts(pdf, s));
  } catch (err) {
    if (!(err instanceof CmsError)) throw err;
    return unreadable(s, REASONS.unreadable);
  }
}

/**
 * Verifies every signature of `pdf`, oldest first. Throws InvalidPdfError (errors.ts) when the file
 * cannot be read as a PDF; a single unreadable signature is reported as invalid instead.
 */
export async function verifyPdfSignatures(pdf: Uint8Array, trust: TrustStore, now = new Date()): Promise<SignatureReport[]> {
  const { located, broken } = await locateSignatures(pdf);
  const read = located.map((s) => ({ s, cms: readCms(pdf, s) }));
  // a later revision excuses the bytes it added only if it is an intact signature
  const intactEnds = read.flatMap(({ s, cms }) => ('digestMatches' in cms && cms.digestMatches && cms.signatureVerifies ? [s.end] : []));
  const xrefs = xrefOffsets(pdf);
  const roots = trust.roots.flatMap((der) => trustedCertificate(der) ?? []);
  const intermediates = (trust.intermediates ?? []).flatMap((der) => trustedCertificate(der) ?? []);
  const reports: SignatureReport[] = [];
  for (const { s, cms } of read) {
    if (!('digestMatches' in cms)) {
      reports.push(cms);
      continue;
    }
    const { chain, status: chainStatus } = buildChain(cms.signer, [...cms.certificates, ...intermediates], roots);
    const signingTime = cms.signingTime ?? s.claimedTime;
    const revoked = await revocation(chain, trust.crls ?? [], now);
    const facts = {
      fieldName: s.fieldName,
      subFilter: s.subFilter,
      signerName: commonName(cms.signer, 'subject'),
      issuerName: commonName(cms.signer, 'issuer'),
      serialNumber: cms.signer.serialNumber.toUpperCase(),
      signingTime,
      intact: cms.digestMatches && cms.signatureVerifies,
      ...revisionFacts(pdf, s.end, intactEnds, xrefs),
      chain: chainStatus,
      validAtSigningTime: validAt(chain, signingTime ?? now),
      // the top of an incomplete or untrusted chain has no issuer to ask about it
      revoked: revoked === false && chainStatus !== 'trusted' ? null : revoked,
    };
    reports.push({ ...facts, ...judge(facts, cms) });
  }
  return [...reports, ...broken.map((s) => unreadable(s, REASONS.badByteRange))];
}
