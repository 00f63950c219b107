/**
 * The edXML DocumentId: `<OrganId>,<yyyy/MM/dd>,<number/symbol>`, e.g.
 * `000.00.00.G22,2018/09/20,7816/VPCP-TTĐT` (domain §2.3). Some systems send a UUID instead, so parsing
 * returns null rather than throwing: the lead then falls back to (number, symbol, sender) for duplicates.
 */
import { formatEdxmlDate, parseEdxmlDate } from './edxml-dates.js';
import type { IsoDate } from './edxml-types.js';

export interface DocumentIdParts {
  organId: string;
  promulgationDate: IsoDate;
  codeNumber: string;
  /** Everything after the first `/`, e.g. `VPCP-TTĐT` or `2025/NĐ-CP`. */
  codeNotation: string;
}

export function formatDocumentId(parts: DocumentIdParts): string {
  const code = parts.codeNotation ? `${parts.codeNumber}/${parts.codeNotation}` : parts.codeNumber;
  return `${parts.organId},${formatEdxmlDate(parts.promulgationDate)},${code}`.normalize('NFC');
}

export function parseDocumentId(documentId: string): DocumentIdParts | null {
  const text = documentId.normalize('NFC').trim();
  const first = text.indexOf(',');
  const second = text.indexOf(',', first + 1);
  if (first <= 0 || second < 0) return null;
  const organId = text.slice(0, first).trim();
  const promulgationDate = parseEdxmlDate(text.slice(first + 1, second));
  const code = text.slice(second + 1).trim();
  if (!organId || !promulgationDate || !code) return null;
  const slash = code.indexOf('/');
  return slash < 0
    ? { organId, promulgationDate, codeNumber: code, codeNotation: '' }
    : { organId, promulgationDate, codeNumber: code.slice(0, slash), codeNotation: code.slice(slash + 1) };
}
