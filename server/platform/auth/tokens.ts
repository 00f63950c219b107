import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Sessions are stored as HMAC(secret, cookie value): the table alone cannot be turned into cookies. */
export const sessionIdFor = (secret: string, cookieValue: string): string =>
  createHmac('sha256', secret).update(cookieValue).digest('hex');

/** API tokens outlive secret rotation, so they are stored as plain SHA-256 of 256 random bits. */
export const apiTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export const API_TOKEN_PREFIX = 'vps_';

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
