// Which incremental updates follow a signature. Each update ends with its own cross-reference
// section, and the sections are chained by startxref and /Prev (ISO 32000-1, 7.5.6), so counting
// the sections between two signatures tells whether anything other than the later signature was added.

const MAX_HOPS = 10_000;
const WINDOW = 8192;

const latin1 = (pdf: Uint8Array, from: number, to: number) =>
  Buffer.from(pdf.buffer, pdf.byteOffset + from, Math.max(0, Math.min(to, pdf.length) - from)).toString('latin1');

function prevOf(pdf: Uint8Array, offset: number): number | null {
  const head = latin1(pdf, offset, offset + WINDOW);
  let dict: string;
  if (/^\s*xref/.test(head)) {
    const trailer = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length).indexOf('trailer', offset, 'latin1');
    if (trailer < 0) return null;
    dict = latin1(pdf, trailer, trailer + WINDOW).split('startxref')[0]!;
  } else if (/^\s*\d+\s+\d+\s+obj/.test(head)) {
    dict = head.split('stream')[0]!; // a cross-reference stream's dictionary
  } else {
    return null;
  }
  // a direct integer only: "/Prev 12 0 R" would be some other dictionary's reference
  const m = /\/Prev\s+(\d{1,15})(?![\d.]|\s+\d+\s+R)/.exec(dict);
  return m ? Number(m[1]) : null;
}

/** Offsets of all cross-reference sections, newest first; empty when the chain cannot be read. */
export function xrefOffsets(pdf: Uint8Array): number[] {
  const tail = latin1(pdf, Math.max(0, pdf.length - 2048), pdf.length);
  const m = /startxref\s+(\d{1,15})\s+%%EOF\s*$/.exec(tail) ?? /startxref\s+(\d{1,15})(?![\s\S]*startxref)/.exec(tail);
  const offsets: number[] = [];
  for (let at: number | null = m ? Number(m[1]) : null; at !== null; at = prevOf(pdf, at)) {
    if (at >= pdf.length || offsets.includes(at) || offsets.length >= MAX_HOPS) break;
    offsets.push(at);
  }
  return offsets;
}

/** True when only whitespace (and a final newline some writers add) follows `end`. */
function onlyWhitespaceAfter(pdf: Uint8Array, end: number): boolean {
  for (let i = end; i < pdf.length; i++) {
    if (![0x20, 0x0a, 0x0d, 0x09, 0x00, 0x0c].includes(pdf[i]!)) return false;
  }
  return true;
}

export interface RevisionFacts {
  coversWholeDocument: boolean;
  /** Something other than a later signature's own revision was appended after this signature. */
  modifiedAfter: boolean;
}

/**
 * For the signature whose revision ends at `end`, given the ends of all signatures: each later
 * signature must account for exactly one appended revision, and nothing may follow the last one.
 */
export function revisionFacts(pdf: Uint8Array, end: number, signatureEnds: number[], xrefs: number[]): RevisionFacts {
  if (onlyWhitespaceAfter(pdf, end)) return { coversWholeDocument: true, modifiedAfter: false };
  const later = signatureEnds.filter((e) => e > end).sort((a, b) => a - b);
  const last = later.at(-1);
  if (last === undefined || !onlyWhitespaceAfter(pdf, last)) return { coversWholeDocument: false, modifiedAfter: true };
  let from = end;
  for (const to of later) {
    const sections = xrefs.filter((x) => x >= from && x < to).length;
    if (sections !== 1) return { coversWholeDocument: false, modifiedAfter: true };
    from = to;
  }
  return { coversWholeDocument: false, modifiedAfter: false };
}
