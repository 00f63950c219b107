// A remote-signing service for tests, on loopback: the CSC API v1 calls a CA's cloud signing answers
// (credentials/info, credentials/authorize, signatures/signHash), holding keys made by test-pki.ts.
import { constants, createPrivateKey, privateEncrypt, randomUUID, webcrypto, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestIdentity } from './test-pki.js';

export interface TestCredential {
  id: string;
  holder: TestIdentity;
  /** issuers, nearest first */
  chain: TestIdentity[];
  pin: string;
  accessToken: string;
}

export interface TestCscServer {
  /** the CSC API base, for REMOTE_SIGNING_SERVICES */
  url: string;
  /** how many hashes it signed */
  readonly signed: number;
  /** while true, every call answers 503 */
  down: boolean;
  close(): Promise<void>;
}

/** DigestInfo prefix of SHA-256 (RFC 8017 §9.2): what PKCS#1 v1.5 signs before the hash itself. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');
const SHA256 = '2.16.840.1.101.3.4.2.1';

async function privateKeyOf(who: TestIdentity): Promise<KeyObject> {
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', who.keys.privateKey as webcrypto.CryptoKey);
  return createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
}

export async function startTestCscServer(credentials: TestCredential[]): Promise<TestCscServer> {
  const keys = new Map(await Promise.all(credentials.map(async (c) => [c.id, { c, key: await privateKeyOf(c.holder) }] as const)));
  /** SAD → the credential and the one hash it allows */
  const activations = new Map<string, { credentialId: string; hash: string }>();
  let signed = 0;

  const handle = (path: string, token: string, body: Record<string, unknown>): [number, object] => {
    const entry = keys.get(String(body.credentialID));
    if (!entry || entry.c.accessToken !== token) return [401, { error: 'invalid_token', error_description: 'Mã truy cập không hợp lệ' }];
    const { c, key } = entry;
    if (path === '/csc/v1/credentials/info') {
      return [200, { key: { status: 'enabled', algo: ['1.2.840.113549.1.1.1'], len: 2048 }, cert: { status: 'valid', certificates: [c.holder, ...c.chain].map((i) => Buffer.from(i.der).toString('base64')) }, authMode: 'explicit', PIN: { presence: 'true' } }];
    }
    if (path === '/csc/v1/credentials/authorize') {
      const hashes = body.hash;
      if (body.PIN !== c.pin) return [400, { error: 'invalid_pin', error_description: 'Mã PIN không đúng' }];
      if (!Array.isArray(hashes) || hashes.length !== 1 || body.numSignatures !== 1) return [400, { error: 'invalid_request' }];
      const SAD = randomUUID();
      activations.set(SAD, { credentialId: c.id, hash: String(hashes[0]) });
      return [200, { SAD, expiresIn: 300 }];
    }
    if (path === '/csc/v1/signatures/signHash') {
      const activation = activations.get(String(body.SAD));
      activations.delete(String(body.SAD));
      const hashes = body.hash;
      if (!activation || activation.credentialId !== c.id || !Array.isArray(hashes) || hashes[0] !== activation.hash) return [400, { error: 'invalid_request', error_description: 'SAD không hợp lệ' }];
      if (body.hashAlgo !== SHA256 || body.signAlgo !== '1.2.840.113549.1.1.1') return [400, { error: 'invalid_request', error_description: 'Thuật toán không hỗ trợ' }];
      const digest = Buffer.from(activation.hash, 'base64');
      const signature = privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, digest]));
      signed += 1;
      return [200, { signatures: [signature.toString('base64')] }];
    }
    return [404, { error: 'invalid_request' }];
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, payload: object) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      if (api.down) return send(503, { error: 'temporarily_unavailable' });
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return send(400, { error: 'invalid_request' });
      }
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const [status, payload] = handle(req.url ?? '', token, body);
      send(status, payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const api: TestCscServer = {
    url: `http://127.0.0.1:${port}/csc/v1`,
    get signed() {
      return signed;
    },
    down: false,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return api;
}
