// The CMS SignedData inside a PDF signature (RFC 5652, detached): is the document digest the one
// that was signed, and was it signed by the key of the certificate the CMS names?
import { createHash, verify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
};

/** Digest OIDs we accept; SHA-1 is gone from PAdES baseline profiles. */
const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** Signature algorithm OIDs whose hash is fixed by the OID itself. */
const SIGNATURES: Record<string, string> = {
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

export interface CmsFacts {
  /** Certificates carried in the CMS, the signer's first. */
  signer: X509Certificate;
  certificates: X509Certificate[];
  signingTime: Date | null;
  /** The digest of the signed bytes equals the messageDigest attribute. */
  digestMatches: boolean;
  /** The signature over the signed attributes verifies with the signer certificate's key. */
  signatureVerifies: boolean;
}

export class CmsError extends Error {
  override readonly name = 'CmsError';
}

const MAX_CERTIFICATES = 50;

function attribute(info: pkijs.SignerInfo, oid: string): asn1js.AsnType | undefined {
  return info.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0];
}

interface CmsCertificate {
  der: Uint8Array;
  parsed: pkijs.Certificate;
}

function findSigner(info: pkijs.SignerInfo, certs: CmsCertificate[]): CmsCertificate | undefined {
  if (info.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = info.sid;
    return certs.find(({ parsed }) => parsed.issuer.isEqual(sid.issuer) && parsed.serialNumber.isEqual(sid.serialNumber));
  }
  // [0] SubjectKeyIdentifier: compare with each certificate's extension
  const keyId = Buffer.from((info.sid as asn1js.OctetString).valueBlock.valueHexView);
  return certs.find(({ parsed }) => {
    const ext = parsed.extensions?.find((e) => e.extnID === '2.5.29.14')?.parsedValue as asn1js.OctetString | undefined;
    return ext && Buffer.from(ext.valueBlock.valueHexView).equals(keyId);
  });
}

/**
 * The certificates' original DER from SignedData's [0] IMPLICIT field. pkijs would re-encode them,
 * which is not always byte-identical, and the bytes are what the signing-certificate hash covers.
 */
function rawCertificates(signedData: asn1js.Sequence): Uint8Array[] {
  const field = signedData.valueBlock.value.find((el) => el.idBlock.tagClass === 3 && el.idBlock.tagNumber === 0);
  const items = (field?.valueBlock as asn1js.AsnType['valueBlock'] & { value?: asn1js.AsnType[] } | undefined)?.value ?? [];
  return items
    .filter((el) => el.idBlock.tagClass === 1 && el.idBlock.tagNumber === 16) // SEQUENCE: a certificate
    .map((el) => new Uint8Array(el.valueBeforeDecodeView));
}

/**
 * CAdES binds the signer's certificate into the signed attributes (ESS signing-certificate-v2,
 * RFC 5035) so that another certificate for the same key cannot be swapped in. Absent (plain
 * adbe.pkcs7.detached) is allowed; present, its first hash must match the signer's certificate.
 */
function signingCertificateMatches(info: pkijs.SignerInfo, signerDer: Uint8Array): boolean {
  const value = attribute(info, OID.signingCertificateV2);
  if (value === undefined) return true;
  const first = (value as asn1js.Sequence).valueBlock?.value?.[0] as asn1js.Sequence | undefined;
  const certId = first?.valueBlock?.value?.[0] as asn1js.Sequence | undefined;
  const parts = certId?.valueBlock?.value ?? [];
  const algorithm = parts[0] instanceof asn1js.Sequence ? new pkijs.AlgorithmIdentifier({ schema: parts[0] }).algorithmId : null;
  const hashValue = parts[algorithm ? 1 : 0];
  const hash = algorithm ? DIGESTS[algorithm] : 'sha256'; // DEFAULT sha256
  if (!hash || !(hashValue instanceof asn1js.OctetString)) return false;
  return createHash(hash).update(signerDer).digest().equals(Buffer.from(hashValue.valueBlock.valueHexView));
}

function signatureParams(info: pkijs.SignerInfo, digest: string, cert: X509Certificate) {
  const alg = info.signatureAlgorithm;
  if (alg.algorithmId === OID.rsaPss) {
    const params = new pkijs.RSASSAPSSParams({ schema: alg.algorithmParams });
    const hash = DIGESTS[params.hashAlgorithm.algorithmId];
    return hash ? { hash, key: { key: cert.publicKey, saltLength: params.saltLength, padding: 6 } } : null; // 6 = RSA_PKCS1_PSS_PADDING
  }
  const hash = alg.algorithmId === OID.rsaEncryption ? digest : SIGNATURES[alg.algorithmId];
  return hash ? { hash, key: { key: cert.publicKey, dsaEncoding: 'der' as const } } : null;
}

/** Parses and checks one CMS against the bytes its /ByteRange covers. Throws CmsError when unreadable. */
export function checkCms(der: Uint8Array, signed: Uint8Array[]): CmsFacts {
  const asn1 = asn1js.fromBER(der);
  if (asn1.offset === -1) throw new CmsError('CMS không đọc được');
  let signedData: pkijs.SignedData;
  let raw: Uint8Array[];
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
    if (contentInfo.contentType !== OID.signedData) throw new CmsError('CMS không phải SignedData');
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
    raw = rawCertificates(contentInfo.content as asn1js.Sequence);
  } catch (err) {
    throw err instanceof CmsError ? err : new CmsError('CMS không đúng cấu trúc', { cause: err });
  }
  const info = signedData.signerInfos[0];
  if (!info || signedData.signerInfos.length !== 1) throw new CmsError('CMS phải có đúng một người ký');
  if (raw.length > MAX_CERTIFICATES) throw new CmsError('CMS chứa quá nhiều chứng thư');
  const certs = raw.map((d) => ({ der: d, parsed: pkijs.Certificate.fromBER(new Uint8Array(d)) }));
  const signerEntry = findSigner(info, certs);
  if (!signerEntry) throw new CmsError('CMS không chứa chứng thư của người ký');
  const signer = new X509Certificate(signerEntry.der);

  const digest = DIGESTS[info.digestAlgorithm.algorithmId];
  const messageDigest = attribute(info, OID.messageDigest);
  let digestMatches = false;
  if (digest && messageDigest instanceof asn1js.OctetString) {
    const hash = createHash(digest);
    for (const part of signed) hash.update(part);
    digestMatches = hash.digest().equals(Buffer.from(messageDigest.valueBlock.valueHexView));
  }

  // PAdES requires signed attributes: the signature covers their DER (SET tag), not the document
  let signatureVerifies = false;
  const params = digest ? signatureParams(info, digest, signer) : null;
  if (info.signedAttrs && params) {
    try {
      signatureVerifies =
        verify(params.hash, new Uint8Array(info.signedAttrs.encodedValue), params.key, info.signature.valueBlock.valueHexView) &&
        signingCertificateMatches(info, signerEntry.der);
    } catch {
      signatureVerifies = false; // key and algorithm of different types
    }
  }

  const time = attribute(info, OID.signingTime);
  const signingTime = time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime ? time.toDate() : null;
  return {
    signer,
    certificates: [signer, ...certs.filter((c) => c !== signerEntry).map((c) => new X509Certificate(c.der))],
    signingTime,
    digestMatches,
    signatureVerifies,
  };
}
