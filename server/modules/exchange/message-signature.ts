import type { Db } from '../../db/open.js';
import { DomainError } from '../../platform/http/errors.js';
import { certificateTrust, exchangeSigningKey, type SigningKeys } from '../signing/index.js';
import { parseEdxml } from './edxml-parse.js';
import { signEdxml, verifyEdxmlSignature } from './edxml-signature.js';
import type { ParsedEdxml } from './edxml-types.js';
import { EdxmlError } from './errors.js';

/** What the receiving clerk is told of a message's XML-DSig signature. */
export interface MessageSignature {
  status: 'absent' | 'valid' | 'warning' | 'invalid';
  signerName: string | null;
  issuerName: string | null;
  reasons: string[];
}

export const UNSIGNED: MessageSignature = { status: 'absent', signerName: null, issuerName: null, reasons: ['Thông điệp không có chữ ký số (XML-DSig)'] };

/**
 * Checks a received message's signature, if it has one. A signature that does not match the message
 * (changed after signing, or not covering all of it) is a hostile or broken message: it is refused
 * and nothing is kept. A matching one is judged against the tenant's trust store, like a PDF's: an
 * unknown or incomplete chain is a warning, a certificate expired or revoked is invalid — the clerk
 * sees it and decides (register it, or return it with a reason).
 */
export async function checkMessageSignature(db: Db, tenantId: string, xml: string, now = new Date()): Promise<MessageSignature> {
  const found = verifyEdxmlSignature(xml);
  if (!found.present) return UNSIGNED;
  if (!found.intact || !found.certificate) throw new EdxmlError('EDXML_BAD_SIGNATURE', found.problem ?? 'Chữ ký số của thông điệp không hợp lệ');
  const trust = await certificateTrust(db, tenantId, found.certificate, found.chain, now);
  const invalid = [...(trust.validAtSigningTime ? [] : ['Chứng thư số ký thông điệp đã hết hạn hoặc chưa có hiệu lực']), ...(trust.revoked === true ? ['Chứng thư số ký thông điệp đã bị thu hồi'] : [])];
  const warnings = [
    ...(trust.chain === 'untrusted' ? ['Chứng thư số do CA không có trong kho tin cậy cấp'] : []),
    ...(trust.chain === 'incomplete' ? ['Không dựng được chuỗi chứng thư số đến CA tin cậy'] : []),
    ...(trust.revoked === null ? ['Chưa kiểm tra được thu hồi (chưa có CRL)'] : []),
  ];
  const status = invalid.length > 0 ? 'invalid' : warnings.length > 0 ? 'warning' : 'valid';
  return { status, signerName: trust.signerName, issuerName: trust.issuerName, reasons: [...invalid, ...warnings] };
}

/**
 * Signs a message the agency sends with its exchange key (an organization certificate its clerk let the
 * server use unattended); without one the message goes as it is, as most gateways' messages do.
 */
export async function signForAgency(db: Db, keys: SigningKeys, tenantId: string, agencyId: string, xml: string): Promise<{ xml: string; signed: boolean }> {
  const key = await exchangeSigningKey(db, keys, tenantId, agencyId);
  if (!key || key.keyType !== 'RSA') return { xml, signed: false };
  return { xml: await signEdxml(xml, key), signed: true };
}

/**
 * A received message, read: parsed liberally and safely, then its signature checked. A message we refuse
 * to read, or whose signature does not match it, is a 400 and leaves nothing behind.
 */
export async function readReceived(db: Db, tenantId: string, bytes: Uint8Array): Promise<{ parsed: ParsedEdxml; signature: MessageSignature }> {
  try {
    const parsed = parseEdxml(bytes);
    return { parsed, signature: await checkMessageSignature(db, tenantId, new TextDecoder().decode(bytes)) };
  } catch (err) {
    if (err instanceof EdxmlError) throw new DomainError('BAD_REQUEST', err.message);
    throw err;
  }
}
