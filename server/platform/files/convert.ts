import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DomainError } from '../http/errors.js';

const run = promisify(execFile);
const CANDIDATES = ['soffice', 'libreoffice'];

let found: Promise<string | null> | undefined;

/** LibreOffice's command on this machine's PATH, looked up once; null when it is not installed. */
export function findOffice(): Promise<string | null> {
  found ??= (async () => {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      for (const name of CANDIDATES) {
        const candidate = path.join(dir, name);
        try {
          await access(candidate);
          return candidate;
        } catch {
          // not here
        }
      }
    }
    return null;
  })();
  return found;
}

/**
 * A DOCX as PDF through LibreOffice headless, in a private temporary profile and directory, bounded in
 * time; 501 when LibreOffice is not on the machine (the file can still be downloaded).
 */
export async function docxToPdf(bytes: Buffer): Promise<Buffer> {
  const office = await findOffice();
  if (!office) throw new DomainError('CONVERSION_UNAVAILABLE');
  const dir = await mkdtemp(path.join(tmpdir(), 'vps-convert-'));
  try {
    const input = path.join(dir, 'input.docx');
    await writeFile(input, bytes, { mode: 0o600 });
    await run(office, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, input], { timeout: 90_000 });
    return await readFile(path.join(dir, 'input.pdf'));
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('CONVERSION_FAILED');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
