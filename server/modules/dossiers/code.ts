/**
 * Mã số hồ sơ (Circular 01/2018, art. 19): `<receiving unit identifier>-YYMMDD-XXXX`, XXXX being the unit's
 * sequence of the day. Circular 03/2025 re-regulates the code and its text is not confirmed yet, so the
 * format is pluggable; the sequence is not.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { vietnamDate } from '../../platform/calendar/index.js';
import { DomainError } from '../../platform/http/errors.js';
import { dossierCodeCounters } from './tables.js';

export interface DossierCodeParts {
  /** the receiving unit's electronic identifier (QCVN of Circular 10/2016/TT-BTTTT), e.g. 000.20.01.H01 */
  unitIdentifier: string;
  /** the day of receipt in Việt Nam, YYYY-MM-DD */
  day: string;
  /** 1-based sequence of that unit on that day */
  sequence: number;
}

export interface DossierCodeFormat {
  format(parts: DossierCodeParts): string;
}

/** `000.20.01.H01-260306-0001`; past 9,999 in a day the sequence simply grows a digit. */
export const CIRCULAR_01_2018_FORMAT: DossierCodeFormat = {
  format: ({ unitIdentifier, day, sequence }) => `${unitIdentifier}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(sequence).padStart(4, '0')}`,
};

/**
 * Takes the unit's next number of the day. The upsert locks the counter row until the transaction ends, so
 * concurrent receipts (on any number of app instances) queue on it and a rolled-back receipt gives its
 * number back: gap-free, never `max() + 1`.
 */
export async function nextDossierSequence(tx: Db, agencyId: string, day: string): Promise<number> {
  const [row] = await tx
    .insert(dossierCodeCounters)
    .values({ agencyId, day, last: 1 })
    .onConflictDoUpdate({ target: [dossierCodeCounters.agencyId, dossierCodeCounters.day], set: { last: sql`${dossierCodeCounters.last} + 1` } })
    .returning({ last: dossierCodeCounters.last });
  return row!.last;
}

/** The code of a dossier received now by `agency`; 409 when the unit has no identifier to build it from. */
export async function issueDossierCode(
  tx: Db,
  agency: { id: string; name: string; identifierCode: string | null },
  at: Date,
  format: DossierCodeFormat = CIRCULAR_01_2018_FORMAT,
): Promise<string> {
  if (!agency.identifierCode) {
    throw new DomainError('DOSSIER_CODE_UNAVAILABLE', `${agency.name} chưa có mã định danh điện tử nên chưa cấp được mã số hồ sơ; quản trị hệ thống cần khai báo mã định danh cho đơn vị`);
  }
  const day = vietnamDate(at);
  return format.format({ unitIdentifier: agency.identifierCode, day, sequence: await nextDossierSequence(tx, agency.id, day) });
}
