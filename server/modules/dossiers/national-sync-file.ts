import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { NationalDossierRecord, NationalPortal, NationalSendResult } from './national-sync.js';

/** `yyyyMMddHHmmss` in Việt Nam time, as file names and records use. */
const stamp = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);

/**
 * The file implementation of the national portal: each send writes one JSON file (an array of records with the
 * portal's field names, UTF-8) into a directory, for an operator or a connector to upload. The same bytes are
 * returned so that the caller can offer them as a download.
 */
export class FileNationalPortal implements NationalPortal {
  constructor(private readonly dir: string) {}

  async send(records: NationalDossierRecord[], meta: { tenantCode: string; at: Date }): Promise<NationalSendResult> {
    const bytes = Buffer.from(`${JSON.stringify(records, null, 2)}\n`, 'utf8');
    const fileName = `dvcqg-hoso-${meta.tenantCode}-${stamp(meta.at)}-${records.length}.json`;
    await mkdir(this.dir, { recursive: true });
    const filePath = path.join(this.dir, fileName);
    await writeFile(filePath, bytes, { mode: 0o640 });
    return { accepted: records.length, fileName, bytes, location: filePath };
  }
}
