import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Where file bytes live, by SHA-256. Local disk now; an S3-compatible store plugs in behind the same shape. */
export interface BlobStore {
  /** moves a finished temporary file into the store; a blob that already exists is kept (same bytes) */
  putFromTemp(tempPath: string, sha256: string): Promise<void>;
  has(sha256: string): Promise<boolean>;
  read(sha256: string): ReadStream;
  delete(sha256: string): Promise<void>;
  /** every stored blob with its modification time, for the orphan sweeper */
  list(): AsyncIterable<{ sha256: string; modifiedAt: Date }>;
  /** a fresh path for an upload in progress, on the same file system as the store (rename is atomic) */
  tempPath(): string;
  /** upload leftovers older than the cutoff (a crashed upload) */
  sweepTemp(olderThan: Date): Promise<number>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export class DiskBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    // Never build a path from anything but a well-formed hash.
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(this.root, 'blobs', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  tempPath(): string {
    return path.join(this.root, 'tmp', `${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2)}`);
  }

  async init(): Promise<this> {
    await mkdir(path.join(this.root, 'blobs'), { recursive: true });
    await mkdir(path.join(this.root, 'tmp'), { recursive: true });
    return this;
  }

  async putFromTemp(tempPath: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) {
      await rm(tempPath, { force: true });
      return;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await rename(tempPath, target);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await stat(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  read(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  async *list(): AsyncIterable<{ sha256: string; modifiedAt: Date }> {
    const base = path.join(this.root, 'blobs');
    for (const a of await readdir(base).catch(() => [] as string[])) {
      for (const b of await readdir(path.join(base, a)).catch(() => [] as string[])) {
        for (const name of await readdir(path.join(base, a, b)).catch(() => [] as string[])) {
          if (!SHA256.test(name)) continue;
          const s = await stat(path.join(base, a, b, name)).catch(() => null);
          if (s) yield { sha256: name, modifiedAt: s.mtime };
        }
      }
    }
  }

  async sweepTemp(olderThan: Date): Promise<number> {
    const dir = path.join(this.root, 'tmp');
    let n = 0;
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const s = await stat(path.join(dir, name)).catch(() => null);
      if (s && s.mtime < olderThan) {
        await rm(path.join(dir, name), { force: true });
        n += 1;
      }
    }
    return n;
  }
}
