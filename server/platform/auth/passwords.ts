import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { DomainError } from '../http/errors.js';

// OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1.
// Algorithm is an ambient const enum (not importable as a value under verbatimModuleSyntax): 2 = Argon2id.
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password.normalize('NFC'), OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/** Verifying against this keeps the time of a login for an unknown username the same as a known one. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('không-có-người-dùng-này');
  return dummyHash;
}

/** ASVS 2.1: at least 10 characters, not only one kind of character, not the username. */
export function assertStrongPassword(password: string, username: string, field = 'password'): void {
  const problems: string[] = [];
  if (password.length < 10) problems.push('ít nhất 10 ký tự');
  if (password.length > 128) problems.push('tối đa 128 ký tự');
  const kinds = [/[a-zà-ỹđ]/u, /[A-ZÀ-ỸĐ]/u, /\d/, /[^\p{L}\d]/u].filter((re) => re.test(password)).length;
  if (kinds < 3) problems.push('có ít nhất 3 trong 4 loại: chữ thường, chữ hoa, chữ số, ký tự đặc biệt');
  if (password.toLowerCase().includes(username.toLowerCase())) problems.push('không chứa tên đăng nhập');
  if (problems.length > 0) {
    throw new DomainError('WEAK_PASSWORD', `Mật khẩu cần ${problems.join('; ')}`, {
      errors: [{ path: field, message: problems.join('; ') }],
    });
  }
}
