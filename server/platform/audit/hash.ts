import { createHash } from 'node:crypto';

/** JSON with sorted keys: jsonb reorders keys, so the hash must not depend on their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface HashedEntry {
  id: string;
  tenantId: string;
  seq: number;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  summary: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  createdAt: Date;
  prevHash: string | null;
}

export function entryHash(e: HashedEntry): string {
  return sha256(
    canonicalJson([
      e.id,
      e.tenantId,
      e.seq,
      e.actorId,
      e.actorName,
      e.action,
      e.entityType,
      e.entityId,
      e.summary,
      e.before ?? null,
      e.after ?? null,
      e.ip,
      e.createdAt.toISOString(),
      e.prevHash,
    ]),
  );
}

export function sealHash(day: string, entryCount: number, entriesHash: string, prevSealHash: string | null): string {
  return sha256(canonicalJson([day, entryCount, entriesHash, prevSealHash]));
}

export function entriesHash(hashes: string[]): string {
  return sha256(hashes.join('\n'));
}
