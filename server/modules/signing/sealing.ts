import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Keeps PKCS#12 files at rest under a key derived from the server's secret (HKDF-SHA-256 with a label of
 * its own), AES-256-GCM: a copy of the database alone gives neither the files nor a way to guess their
 * passphrases offline. Changing the secret makes the kept files unreadable: their holders upload them again.
 */
export class CertificateSealer {
  readonly #key: Buffer;

  /** `purpose` keeps the keys of different secrets apart (certificates, the exchange's tokens). */
  constructor(serverSecret: string, purpose = 'signing certificates at rest v1') {
    this.#key = Buffer.from(hkdfSync('sha256', serverSecret, 'vanphongso', purpose, 32));
  }

  seal(plain: Uint8Array): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  /** null when the stored value was not sealed with this key (another secret, or tampered). */
  open(sealed: string): Uint8Array | null {
    const raw = Buffer.from(sealed, 'base64');
    if (raw.length < 29) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return new Uint8Array(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]));
    } catch {
      return null;
    }
  }
}
