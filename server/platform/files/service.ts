import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, eq, inArray } from 'drizzle-orm';
import { fileTypeFromFile } from 'file-type';
import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import { audit } from '../audit/service.js';
import { requirePermission } from '../auth/permissions.js';
import type { ServiceContext } from '../context.js';
import { DomainError } from '../http/errors.js';
import type { BlobStore } from './blob-store.js';
import { cleanFileName, extensionOf, findAccepted, KIND_LABELS, type FileKind } from './file-kinds.js';
import { files } from './tables.js';

export type FileRow = typeof files.$inferSelect;

export interface UploadPolicy {
  maxBytes: number;
  kinds: readonly FileKind[];
}

export const toFileResponse = (f: FileRow) => ({
  id: f.id,
  name: f.name,
  mime: f.mime,
  size: f.size,
  sha256: f.sha256,
  createdAt: f.createdAt.toISOString(),
});

/** Counts and hashes the bytes as they pass, and stops the stream once it is larger than allowed. */
function measuring(maxBytes: number) {
  const hash = createHash('sha256');
  let size = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new DomainError('FILE_TOO_LARGE', `Tệp vượt quá ${formatMb(maxBytes)}`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { transform, result: () => ({ size, sha256: hash.digest('hex') }) };
}

const formatMb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

/**
 * Stores one upload: streams it to a temporary file while hashing and counting, detects its type from
 * the content, checks it against the policy and the name's extension, moves it into the blob store, and
 * only then writes the file row (with its audit entry) in the caller's transaction or a new one.
 * Anything refused leaves nothing behind.
 */
export async function storeUpload(
  ctx: ServiceContext,
  store: BlobStore,
  upload: { stream: Readable; filename: string },
  policy: UploadPolicy,
): Promise<FileRow> {
  requirePermission(ctx.actor, 'file.upload');
  const name = cleanFileName(upload.filename);
  const temp = store.tempPath();
  try {
    const m = measuring(policy.maxBytes);
    await pipeline(upload.stream, m.transform, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
    const { size, sha256 } = m.result();
    if (size === 0) throw new DomainError('FILE_EMPTY');
    const detected = await fileTypeFromFile(temp);
    const accepted = detected ? findAccepted(policy.kinds, detected.mime) : null;
    if (!accepted) {
      throw new DomainError('FILE_TYPE_NOT_ALLOWED', `Chỉ nhận tệp ${policy.kinds.map((k) => KIND_LABELS[k]).join(', ')}; tệp "${name}" là ${detected ? detected.mime : 'loại không xác định'}`);
    }
    if (!(accepted.extensions as readonly string[]).includes(extensionOf(name))) {
      throw new DomainError('FILE_TYPE_MISMATCH', `Tệp "${name}" có nội dung ${accepted.mime}, không khớp phần mở rộng .${extensionOf(name) || '(không có)'}`);
    }
    await store.putFromTemp(temp, sha256);
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(files)
        .values({ id: newId(), tenantId: ctx.actor.tenantId, sha256, size, mime: accepted.mime, name, createdBy: ctx.actor.userId })
        .returning();
      await audit(ctx, tx, { action: 'file.uploaded', entityType: 'file', entityId: row!.id, summary: `Tải lên tệp ${name}`, after: { name, size, mime: accepted.mime, sha256 } });
      return row!;
    });
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * Keeps a file the system made (a closed register's PDF, an export) like an upload: content-addressed,
 * with its SHA-256, inside the caller's transaction.
 */
export async function storeGenerated(ctx: ServiceContext, store: BlobStore, file: { name: string; mime: string; bytes: Buffer }): Promise<FileRow> {
  return storeSystemFile(ctx.db, store, { tenantId: ctx.actor.tenantId, userId: ctx.actor.userId }, file);
}

/** The same for what a job makes without an acting user (an edXML message the outbox sends). */
export async function storeSystemFile(db: Db, store: BlobStore, owner: { tenantId: string; userId: string | null }, file: { name: string; mime: string; bytes: Buffer }): Promise<FileRow> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const temp = store.tempPath();
  try {
    await writeFile(temp, file.bytes, { flag: 'wx', mode: 0o600 });
    await store.putFromTemp(temp, sha256);
  } finally {
    await rm(temp, { force: true });
  }
  const [row] = await db.insert(files).values({ id: newId(), tenantId: owner.tenantId, sha256, size: file.bytes.length, mime: file.mime, name: cleanFileName(file.name), createdBy: owner.userId }).returning();
  return row!;
}

/**
 * Files someone else received for the actor to use — an edXML message's attachments, kept by the account
 * of the exchange, become the registering clerk's, as if the clerk had uploaded them.
 */
export async function handOverFiles(ctx: ServiceContext, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await ctx.db.update(files).set({ createdBy: ctx.actor.userId }).where(and(eq(files.tenantId, ctx.actor.tenantId), inArray(files.id, ids)));
}

export async function getFile(db: Db, tenantId: string, id: string): Promise<FileRow | null> {
  const [row] = await db.select().from(files).where(and(eq(files.tenantId, tenantId), eq(files.id, id)));
  return row ?? null;
}

/** The uploader (or an administrator) reads a file directly; modules grant wider access through their own routes. */
export async function getOwnFile(ctx: ServiceContext, id: string): Promise<FileRow> {
  const row = await getFile(ctx.db, ctx.actor.tenantId, id);
  if (!row) throw new DomainError('NOT_FOUND', 'Không tìm thấy tệp');
  if (row.createdBy !== ctx.actor.userId && !ctx.actor.roles.includes('admin')) {
    throw new DomainError('FORBIDDEN', 'Bạn không có quyền xem tệp này');
  }
  return row;
}

/**
 * The bytes of a file, checked against the SHA-256 kept at upload before a single byte is sent: a blob
 * changed on disk is reported, never served.
 */
export async function readVerified(store: BlobStore, row: FileRow): Promise<Readable> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of store.read(row.sha256)) hash.update(chunk as Buffer);
  } catch {
    throw new DomainError('FILE_CORRUPTED', `Không đọc được nội dung tệp "${row.name}"`);
  }
  if (hash.digest('hex') !== row.sha256) throw new DomainError('FILE_CORRUPTED');
  return store.read(row.sha256);
}

/**
 * Deletes blobs that no file row references and that are older than the grace period (an upload whose
 * row was never committed), plus stale temporary files. Safe on several instances: a blob is only removed
 * when no row of any tenant points at it.
 */
export async function sweepOrphanBlobs(db: Db, store: BlobStore, now: Date, graceMs = 3600_000): Promise<{ blobs: number; temps: number }> {
  const cutoff = new Date(now.getTime() - graceMs);
  const candidates: string[] = [];
  let blobs = 0;
  const flush = async () => {
    const referenced = new Set(
      (await db.select({ sha256: files.sha256 }).from(files).where(inArray(files.sha256, candidates))).map((r) => r.sha256),
    );
    for (const sha of candidates) {
      if (!referenced.has(sha)) {
        await store.delete(sha);
        blobs += 1;
      }
    }
    candidates.length = 0;
  };
  for await (const blob of store.list()) {
    if (blob.modifiedAt >= cutoff) continue;
    candidates.push(blob.sha256);
    if (candidates.length >= 500) await flush();
  }
  if (candidates.length) await flush();
  return { blobs, temps: await store.sweepTemp(cutoff) };
}
