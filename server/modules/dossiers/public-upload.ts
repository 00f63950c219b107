import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import { newId } from '../../db/columns.js';
import type { Db } from '../../db/open.js';
import type { BlobStore } from '../../platform/files/blob-store.js';
import { cleanFileName, extensionOf, findAccepted, KIND_LABELS, type FileKind } from '../../platform/files/file-kinds.js';
import { files } from '../../platform/files/tables.js';
import { DomainError } from '../../platform/http/errors.js';

/**
 * Uploads from a citizen without an account. The files platform's `storeUpload` needs a logged-in user
 * (`file.upload`), so this does the same checks — size counted while streaming, type sniffed from the content
 * and matched against the name's extension — but keeps the bytes in a temporary file until the whole
 * submission is known to be valid; only then are they moved into the blob store and their rows written,
 * inside the submission's transaction (`createdBy` null: no user). A refused submission leaves nothing.
 */
export interface SpooledUpload {
  temp: string;
  name: string;
  size: number;
  sha256: string;
  mime: string;
}

export const CITIZEN_UPLOAD_KINDS: readonly FileKind[] = ['pdf', 'image', 'docx'];

const formatMb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

export async function spoolUpload(store: BlobStore, upload: { stream: Readable; filename: string }, policy: { maxBytes: number; kinds: readonly FileKind[] }): Promise<SpooledUpload> {
  const name = cleanFileName(upload.filename);
  const temp = store.tempPath();
  const hash = createHash('sha256');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > policy.maxBytes) return done(new DomainError('FILE_TOO_LARGE', `Tệp "${name}" vượt quá ${formatMb(policy.maxBytes)}`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(upload.stream, measure, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
    if (size === 0) throw new DomainError('FILE_EMPTY', `Tệp "${name}" rỗng`);
    const detected = await fileTypeFromFile(temp);
    const accepted = detected ? findAccepted(policy.kinds, detected.mime) : null;
    if (!accepted) throw new DomainError('FILE_TYPE_NOT_ALLOWED', `Chỉ nhận tệp ${policy.kinds.map((k) => KIND_LABELS[k]).join(', ')}; tệp "${name}" là ${detected ? detected.mime : 'loại không xác định'}`);
    if (!(accepted.extensions as readonly string[]).includes(extensionOf(name))) {
      throw new DomainError('FILE_TYPE_MISMATCH', `Tệp "${name}" có nội dung ${accepted.mime}, không khớp phần mở rộng .${extensionOf(name) || '(không có)'}`);
    }
    return { temp, name, size, sha256: hash.digest('hex'), mime: accepted.mime };
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** Moves a spooled upload into the blob store and writes its row in the caller's transaction. */
export async function keepSpooled(tx: Db, store: BlobStore, tenantId: string, upload: SpooledUpload): Promise<string> {
  await store.putFromTemp(upload.temp, upload.sha256);
  const id = newId();
  await tx.insert(files).values({ id, tenantId, sha256: upload.sha256, size: upload.size, mime: upload.mime, name: upload.name, createdBy: null });
  return id;
}

export async function discardSpooled(uploads: SpooledUpload[]): Promise<void> {
  await Promise.all(uploads.map((u) => rm(u.temp, { force: true })));
}
