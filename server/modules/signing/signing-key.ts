import { X509Certificate, verify } from 'node:crypto';
import { P12Signer } from '@libpdf/core';
import { SigningKeyError } from './errors.js';

/**
 * Whatever holds the private key: a PKCS#12 file today; a USB token, an HSM or a remote-signing
 * service (e.g. a CA's cloud signing) later. It has the shape of @libpdf/core's `Signer`, so any such
 * provider plugs into `signPdf` without this module knowing it.
 */
export interface PdfSigningKey {
  /** DER of the signer's certificate. */
  readonly certificate: Uint8Array;
  /** DER of the issuers, nearest first (intermediate CA, …, optionally the root); embedded in the signature. */
  readonly certificateChain: Uint8Array[];
  readonly keyType: 'RSA' | 'EC';
  readonly signatureAlgorithm: 'RSASSA-PKCS1-v1_5' | 'RSA-PSS' | 'ECDSA';
  /** Hashes `data` with `algorithm` and signs it (RSA: PKCS#1 bytes; ECDSA: DER SEQUENCE { r, s }). */
  sign(data: Uint8Array, algorithm: 'SHA-256' | 'SHA-384' | 'SHA-512'): Promise<Uint8Array>;
}

const PROBE = new TextEncoder().encode('vanphongso key/certificate match probe');

/** True when `certificate` holds the public half of the key that made `probe`. */
function matches(certificate: X509Certificate, key: Pick<PdfSigningKey, 'signatureAlgorithm'>, probe: Uint8Array): boolean {
  if (key.signatureAlgorithm === 'RSA-PSS') return true; // PSS needs salt parameters; trust the file's order then
  try {
    return verify('sha256', PROBE, { key: certificate.publicKey, dsaEncoding: 'der' }, probe);
  } catch {
    return false; // a key of another type (EC certificate, RSA key)
  }
}

/** The issuers of `leaf`, nearest first, then whatever else the file held. */
function orderChain(leaf: X509Certificate, others: X509Certificate[]): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const left = [...others];
  for (let current = leaf; ; ) {
    const i = left.findIndex((c) => current.checkIssued(c) && !c.raw.equals(current.raw));
    if (i < 0) break;
    current = left.splice(i, 1)[0]!;
    chain.push(current);
  }
  return [...chain, ...left];
}

/**
 * Opens a PKCS#12 (.p12/.pfx) file. libpdf reads it (PBES2 and the legacy 3DES/RC2 files that
 * Windows exports), but takes the first certificate in the file as the signer's; files list the CA
 * certificates first often enough that we look for the certificate that matches the key instead.
 */
export async function openPkcs12(p12: Uint8Array, passphrase: string): Promise<PdfSigningKey> {
  let signer: P12Signer;
  try {
    signer = await P12Signer.create(p12, passphrase);
  } catch (err) {
    throw new SigningKeyError('Không mở được tệp chứng thư số (sai mật khẩu hoặc tệp hỏng)', { cause: err });
  }
  const probe = await signer.sign(PROBE, 'SHA-256');
  const all = [signer.certificate, ...signer.certificateChain].map((der) => new X509Certificate(der));
  const leaf = all.find((c) => matches(c, signer, probe));
  if (leaf) {
    return {
      certificate: new Uint8Array(leaf.raw),
      certificateChain: orderChain(leaf, all.filter((c) => c !== leaf)).map((c) => new Uint8Array(c.raw)),
      keyType: signer.keyType,
      signatureAlgorithm: signer.signatureAlgorithm,
      sign: (data, algorithm) => signer.sign(data, algorithm),
    };
  }
  throw new SigningKeyError('Tệp chứng thư số không chứa chứng thư khớp với khóa bí mật');
}
