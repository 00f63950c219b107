import type { CertificateRow } from './repo.js';
import { describeCredential, openRemoteKey, type RemoteSigningService } from './remote-signing.js';
import type { CertificateSealer } from './sealing.js';
import { openPkcs12, type PdfSigningKey } from './signing-key.js';
import type { CertificateProvider } from './tables.js';

/** What a person gives once to keep a key, per provider. */
export type Enrolment =
  | { provider: 'pkcs12'; pkcs12: Uint8Array; passphrase: string }
  | { provider: 'remote'; serviceId: string; credentialId: string; accessToken: string };

/** The columns of a kept certificate that say where its key is. */
export type KeptKey = Pick<CertificateRow, 'provider' | 'sealedPkcs12' | 'remoteServiceId' | 'remoteCredentialId' | 'sealedAccessToken'>;

/** A kept key the server may open by itself: its secret was kept too. */
export type UnattendedKey = KeptKey & Pick<CertificateRow, 'sealedUnattendedSecret'>;

/** The key was kept, but cannot be read any more (the server's secret changed, or the service is gone). */
export class KeptKeyError extends Error {
  override readonly name = 'KeptKeyError';
}

/**
 * One way of holding private keys. Adding a provider (a USB token bridge, an HSM, another CA's remote
 * signing API) is one more entry in `SigningKeys`: neither the documents module nor the signature code
 * changes, since both only see a `PdfSigningKey`.
 */
interface KeyProvider<E extends Enrolment> {
  /** Checks what the person gave (the key opens, the certificate is there) and says what to keep. */
  enroll(enrolment: E): Promise<{ certificate: Uint8Array; kept: KeptKey }>;
  /** The kept key, opened with what the person gives now: the passphrase, or the PIN/OTP. */
  open(kept: KeptKey, secret: string): Promise<PdfSigningKey>;
}

const NOTHING_REMOTE = { remoteServiceId: null, remoteCredentialId: null, sealedAccessToken: null };

/** The server's registry of key providers, with the secret that seals what they keep. */
export class SigningKeys {
  readonly #sealer: CertificateSealer;
  readonly #providers: { [P in CertificateProvider]: KeyProvider<Extract<Enrolment, { provider: P }>> };

  constructor(
    sealer: CertificateSealer,
    /** the remote-signing services this deployment's operator configured (REMOTE_SIGNING_SERVICES) */
    readonly remoteServices: readonly RemoteSigningService[] = [],
  ) {
    this.#sealer = sealer;
    const unseal = (sealed: string | null) => {
      const plain = sealed ? sealer.open(sealed) : null;
      if (!plain) throw new KeptKeyError('Không mở được chứng thư số đã lưu (khóa máy chủ đã đổi); hãy thêm lại chứng thư số');
      return plain;
    };
    const service = (id: string | null) => {
      const found = this.remoteServices.find((s) => s.id === id);
      if (!found) throw new KeptKeyError(`Dịch vụ ký số từ xa "${id ?? ''}" không còn được cấu hình trên máy chủ`);
      return found;
    };
    this.#providers = {
      pkcs12: {
        async enroll(e) {
          const key = await openPkcs12(e.pkcs12, e.passphrase);
          return { certificate: key.certificate, kept: { provider: 'pkcs12', sealedPkcs12: sealer.seal(e.pkcs12), ...NOTHING_REMOTE } };
        },
        open: (kept, passphrase) => openPkcs12(unseal(kept.sealedPkcs12), passphrase),
      },
      remote: {
        async enroll(e) {
          const { certificate } = await describeCredential(service(e.serviceId), e.accessToken, e.credentialId);
          const kept = { provider: 'remote' as const, sealedPkcs12: null, remoteServiceId: e.serviceId, remoteCredentialId: e.credentialId, sealedAccessToken: sealer.seal(Buffer.from(e.accessToken)) };
          return { certificate: new Uint8Array(certificate.raw), kept };
        },
        open: (kept, pin) => openRemoteKey(service(kept.remoteServiceId), Buffer.from(unseal(kept.sealedAccessToken)).toString(), kept.remoteCredentialId ?? '', pin),
      },
    };
  }

  enroll(enrolment: Enrolment): Promise<{ certificate: Uint8Array; kept: KeptKey }> {
    return enrolment.provider === 'pkcs12' ? this.#providers.pkcs12.enroll(enrolment) : this.#providers.remote.enroll(enrolment);
  }

  open(kept: KeptKey, secret: string): Promise<PdfSigningKey> {
    return this.#providers[kept.provider].open(kept, secret);
  }

  /** Seals the secret of a key the server may use unattended (the exchange's message signatures). */
  keepSecret(secret: string): string {
    return this.#sealer.seal(Buffer.from(secret, 'utf8'));
  }

  /** Opens a key with its kept secret; null when none was kept. */
  async openUnattended(kept: UnattendedKey): Promise<PdfSigningKey | null> {
    if (!kept.sealedUnattendedSecret) return null;
    const secret = this.#sealer.open(kept.sealedUnattendedSecret);
    if (!secret) throw new KeptKeyError('Không mở được mật khẩu đã lưu của chứng thư số (khóa máy chủ đã đổi)');
    return this.open(kept, Buffer.from(secret).toString('utf8'));
  }

  /** The service a remote certificate's key is at, by its configured name (for lists). */
  serviceName(id: string | null): string | null {
    return this.remoteServices.find((s) => s.id === id)?.name ?? null;
  }
}
