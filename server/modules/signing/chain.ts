// From the signer's certificate up to a trusted root, with validity periods and CRLs.
import type { X509Certificate } from 'node:crypto';
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

const toPkijs = (c: X509Certificate) => pkijs.Certificate.fromBER(new Uint8Array(c.raw));

/**
 * true: a CRL signed by the issuer lists one of the chain's certificates; false: every certificate
 * below the root is covered by a current CRL that does not list it; null: some certificate has none.
 */
export async function revocation(chain: X509Certificate[], crlDer: Uint8Array[], now: Date): Promise<boolean | null> {
  const crls = crlDer.flatMap((der) => {
    try {
      return [pkijs.CertificateRevocationList.fromBER(new Uint8Array(der))];
    } catch {
      return []; // an unreadable CRL tells nothing
    }
  });
  let unknown = false;
  for (let i = 0; i + 1 < chain.length; i++) {
    const cert = toPkijs(chain[i]!);
    const issuer = toPkijs(chain[i + 1]!);
    let covered = false;
    for (const crl of crls) {
      if (!crl.issuer.isEqual(issuer.subject)) continue;
      if (crl.thisUpdate.value > now || (crl.nextUpdate && crl.nextUpdate.value < now)) continue; // not current
      if (!(await crl.verify({ issuerCertificate: issuer }).catch(() => false))) continue;
      if (crl.isCertificateRevoked(cert)) return true;
      covered = true;
    }
    if (!covered) unknown = true;
  }
  return unknown || chain.length < 2 ? null : false;
}
