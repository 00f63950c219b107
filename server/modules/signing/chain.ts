// From the signer's certificate up to a trusted root, with validity periods and CRLs.
import { createHash, X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';

export type ChainStatus = 'trusted' | 'untrusted' | 'incomplete';

export interface TrustStore {
  /** DER of the trusted roots (e.g. the Ban Cơ yếu Chính phủ and public CA roots). */
  roots: Uint8Array[];
  /** DER of CA certificates that signatures may omit. */
  intermediates?: Uint8Array[];
  /** DER of CRLs; each is believed only when its issuer's signature on it verifies. */
  crls?: Uint8Array[];
}

export interface ChainFacts {
  /** Signer first, then each issuer; ends at a root when `status` is 'trusted'. */
  chain: X509Certificate[];
  status: ChainStatus;
}

const MAX_DEPTH = 10;

/** `issuer` signed `child`: names and key identifiers match, and the signature verifies. */
function issued(child: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

export function buildChain(signer: X509Certificate, pool: X509Certificate[], roots: X509Certificate[]): ChainFacts {
  const chain = [signer];
  for (let current = signer; chain.length <= MAX_DEPTH; ) {
    if (roots.some((r) => r.raw.equals(current.raw))) return { chain, status: 'trusted' };
    const root = roots.find((r) => issued(current, r));
    if (root) return { chain: [...chain, root], status: 'trusted' };
    if (issued(current, current)) return { chain, status: 'untrusted' };
    const next = pool.find((c) => c.ca && !chain.some((x) => x.raw.equals(c.raw)) && issued(current, c));
    if (!next) return { chain, status: 'incomplete' };
    chain.push(next);
    current = next;
  }
  return { chain, status: 'incomplete' };
}

/** Every certificate of the chain was within its validity period at `at`. */
export function validAt(chain: X509Certificate[], at: Date): boolean {
  const t = at.getTime();
  return chain.every((c) => Date.parse(c.validFrom) <= t && t <= Date.parse(c.validTo));
}

// Parsing ASN.1 is most of a verification's time, and the same CA certificates and CRLs come back on
// every check (a real CA's CRL can hold tens of thousands of entries): each is parsed, and each CRL's
// signature checked, once per process. Bounded: the store is small, a flood of strangers is cleared.
const CACHE_LIMIT = 512;
const remember = <K, V>(cache: Map<K, V>, key: K, make: () => V): V => {
  if (cache.has(key)) return cache.get(key)!;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const value = make();
  cache.set(key, value);
  return value;
};
const certificates = new Map<string, pkijs.Certificate>();
const revocationLists = new Map<string, pkijs.CertificateRevocationList | null>();
const crlSignatures = new Map<string, Promise<boolean>>();

export const toPkijs = (c: X509Certificate) => remember(certificates, c.fingerprint256, () => pkijs.Certificate.fromBER(new Uint8Array(c.raw)));

const anchors = new Map<string, X509Certificate | null>();
/** A certificate of the trust store, read once; null when it cannot be read. */
export function trustedCertificate(der: Uint8Array): X509Certificate | null {
  return remember(anchors, createHash('sha256').update(der).digest('base64'), () => {
    try {
      return new X509Certificate(der);
    } catch {
      return null; // a broken certificate in the trust store must not stop every verification
    }
  });
}

function parseCrl(der: Uint8Array): { key: string; crl: pkijs.CertificateRevocationList } | null {
  const key = createHash('sha256').update(der).digest('base64');
  const crl = remember(revocationLists, key, () => {
    try {
      return pkijs.CertificateRevocationList.fromBER(new Uint8Array(der));
    } catch {
      return null; // an unreadable CRL tells nothing
    }
  });
  return crl ? { key, crl } : null;
}

/**
 * true: a CRL signed by the issuer lists one of the chain's certificates; false: every certificate
 * below the root is covered by a current CRL that does not list it; null: some certificate has none.
 */
export async function revocation(chain: X509Certificate[], crlDer: Uint8Array[], now: Date): Promise<boolean | null> {
  const crls = crlDer.flatMap((der) => parseCrl(der) ?? []);
  let unknown = false;
  for (let i = 0; i + 1 < chain.length; i++) {
    const cert = toPkijs(chain[i]!);
    const issuer = toPkijs(chain[i + 1]!);
    let covered = false;
    for (const { key, crl } of crls) {
      if (!crl.issuer.isEqual(issuer.subject)) continue;
      if (crl.thisUpdate.value > now || (crl.nextUpdate && crl.nextUpdate.value < now)) continue; // not current
      const signed = remember(crlSignatures, `${key}:${chain[i + 1]!.fingerprint256}`, () => crl.verify({ issuerCertificate: issuer }).catch(() => false));
      if (!(await signed)) continue;
      if (crl.isCertificateRevoked(cert)) return true;
      covered = true;
    }
    if (!covered) unknown = true;
  }
  return unknown || chain.length < 2 ? null : false;
}
