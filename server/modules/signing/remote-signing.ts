import { createHash, X509Certificate } from 'node:crypto';
import { z } from 'zod';
import type { PdfSigningKey } from './signing-key.js';

/**
 * Remote signing: the private key stays with a CA's signing service (the cloud signing Vietnamese CAs
 * offer), reached through the Cloud Signature Consortium API v1 (`credentials/info`,
 * `credentials/authorize`, `signatures/signHash`). The services a deployment may use are configured by
 * its operator (REMOTE_SIGNING_SERVICES), never typed in by a user: the server only calls addresses its
 * operator chose.
 */
export interface RemoteSigningService {
  /** a short stable name kept with each certificate, e.g. "vnpt-smartca" */
  id: string;
  /** shown to users, e.g. "VNPT SmartCA" */
  name: string;
  /** the base of the CSC API, e.g. https://ca.example.vn/csc/v1 */
  url: string;
}

/** Why a call to the service did not give a signature; the message reaches the user as it is. */
export class RemoteSigningError extends Error {
  override readonly name = 'RemoteSigningError';
  constructor(
    message: string,
    /** credentials: the PIN/OTP or the access token was refused; unreachable: no answer; refused: any other refusal */
    readonly reason: 'credentials' | 'unreachable' | 'refused',
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 15_000;
/** A certificate chain or a signature is a few kilobytes; anything far larger is not a CSC answer. */
const MAX_ANSWER_BYTES = 256 * 1024;

const HASH_OID = { 'SHA-256': '2.16.840.1.101.3.4.2.1', 'SHA-384': '2.16.840.1.101.3.4.2.2', 'SHA-512': '2.16.840.1.101.3.4.2.3' } as const;
const RSA_OID = '1.2.840.113549.1.1.1';
const ECDSA_OID = { 'SHA-256': '1.2.840.10045.4.3.2', 'SHA-384': '1.2.840.10045.4.3.3', 'SHA-512': '1.2.840.10045.4.3.4' } as const;
type HashName = keyof typeof HASH_OID;

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

const CredentialInfo = z.object({
  key: z.object({ status: z.string().optional(), algo: z.array(z.string()).optional() }).optional(),
  cert: z.object({ status: z.string().optional(), certificates: z.array(base64).min(1) }),
});
const Authorized = z.object({ SAD: z.string().min(1).max(4096) });
const Signed = z.object({ signatures: z.array(base64).length(1) });
const Refusal = z.object({ error: z.string().max(100).optional(), error_description: z.string().max(500).optional() });

/** CSC error codes that mean "the person's PIN/OTP or token is wrong", as opposed to a broken request. */
const CREDENTIAL_ERRORS = new Set(['invalid_pin', 'invalid_otp', 'invalid_token', 'expired_token', 'access_denied', 'invalid_grant']);

async function call<T extends z.ZodType>(service: RemoteSigningService, accessToken: string, method: string, body: unknown, answer: T): Promise<z.output<T>> {
  let res: Response;
  try {
    res = await fetch(`${service.url.replace(/\/+$/, '')}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
  } catch {
    throw new RemoteSigningError(`Không kết nối được dịch vụ ký số từ xa ${service.name}; hãy thử lại sau`, 'unreachable');
  }
  const text = await res.text();
  if (text.length > MAX_ANSWER_BYTES) throw new RemoteSigningError(`Dịch vụ ký số từ xa ${service.name} trả lời không đúng chuẩn`, 'refused');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const refusal = Refusal.safeParse(json);
    const code = refusal.success ? refusal.data.error : undefined;
    const detail = refusal.success && refusal.data.error_description ? `: ${refusal.data.error_description}` : '';
    if (res.status === 401 || (code && CREDENTIAL_ERRORS.has(code))) {
      throw new RemoteSigningError(`${service.name} từ chối xác thực (mã PIN/OTP hoặc mã truy cập không đúng)${detail}`, 'credentials');
    }
    throw new RemoteSigningError(`${service.name} từ chối yêu cầu ký (HTTP ${res.status}${code ? `, ${code}` : ''})${detail}`, res.status >= 500 ? 'unreachable' : 'refused');
  }
  const parsed = answer.safeParse(json);
  if (!parsed.success) throw new RemoteSigningError(`Dịch vụ ký số từ xa ${service.name} trả lời không đúng chuẩn`, 'refused');
  return parsed.data;
}

const der = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

/** The certificate of a credential and its issuers, nearest first, as the service lists them. */
export async function describeCredential(service: RemoteSigningService, accessToken: string, credentialId: string) {
  const info = await call(service, accessToken, 'credentials/info', { credentialID: credentialId, certificates: 'chain', certInfo: false }, CredentialInfo);
  if (info.key?.status && info.key.status !== 'enabled') throw new RemoteSigningError(`Khóa ký số ${credentialId} tại ${service.name} đang bị khóa`, 'refused');
  const [leaf, ...chain] = info.cert.certificates.map(der);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(leaf!);
  } catch {
    throw new RemoteSigningError(`Chứng thư số do ${service.name} trả về không đọc được`, 'refused');
  }
  const keyType = certificate.publicKey.asymmetricKeyType;
  if (keyType !== 'rsa' && keyType !== 'ec') throw new RemoteSigningError(`Khóa ${keyType ?? 'không rõ loại'} chưa được hỗ trợ để ký PDF`, 'refused');
  return { certificate, chain, keyType: keyType === 'rsa' ? ('RSA' as const) : ('EC' as const) };
}

/** ECDSA services answer either DER SEQUENCE { r, s } or the raw r‖s of IEEE P1363; CMS wants DER. */
export function ecdsaDer(signature: Uint8Array): Uint8Array {
  const isDer = signature[0] === 0x30 && (signature[1] === signature.length - 2 || (signature[1] === 0x81 && signature[2] === signature.length - 3));
  if (isDer) return signature;
  const half = signature.length / 2;
  const integer = (bytes: Uint8Array) => {
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i++;
    const trimmed = bytes.subarray(i);
    const body = trimmed[0]! & 0x80 ? Buffer.concat([Buffer.of(0), trimmed]) : Buffer.from(trimmed);
    return Buffer.concat([Buffer.of(0x02, body.length), body]);
  };
  const content = Buffer.concat([integer(signature.subarray(0, half)), integer(signature.subarray(half))]);
  const length = content.length < 0x80 ? Buffer.of(content.length) : Buffer.of(0x81, content.length);
  return new Uint8Array(Buffer.concat([Buffer.of(0x30), length, content]));
}

/**
 * A key at the service, used like a PKCS#12 one: each `sign` hashes here, authorizes that one hash with
 * the person's PIN/OTP (`credentials/authorize` gives the signature activation data) and has the service
 * sign it. The PIN travels only to the service, only for this signature.
 */
export async function openRemoteKey(service: RemoteSigningService, accessToken: string, credentialId: string, pin: string): Promise<PdfSigningKey> {
  const { certificate, chain, keyType } = await describeCredential(service, accessToken, credentialId);
  return {
    certificate: new Uint8Array(certificate.raw),
    certificateChain: chain,
    keyType,
    signatureAlgorithm: keyType === 'RSA' ? 'RSASSA-PKCS1-v1_5' : 'ECDSA',
    async sign(data: Uint8Array, algorithm: HashName) {
      const hash = createHash(algorithm.replace('-', '').toLowerCase()).update(data).digest('base64');
      const { SAD } = await call(service, accessToken, 'credentials/authorize', { credentialID: credentialId, numSignatures: 1, hash: [hash], PIN: pin }, Authorized);
      const signAlgo = keyType === 'RSA' ? RSA_OID : ECDSA_OID[algorithm];
      const { signatures } = await call(service, accessToken, 'signatures/signHash', { credentialID: credentialId, SAD, hash: [hash], hashAlgo: HASH_OID[algorithm], signAlgo }, Signed);
      const signature = der(signatures[0]!);
      return keyType === 'EC' ? ecdsaDer(signature) : signature;
    },
  };
}
