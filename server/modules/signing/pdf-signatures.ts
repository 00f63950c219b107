// Finds the signatures in an untrusted PDF and the byte ranges they cover. Nothing in the file is
// believed: every offset is bounds-checked, and the CMS is taken from the bytes the /ByteRange
// leaves out, so what we verify is exactly what the signature excludes.
import { PDF, PdfArray, PdfName, PdfNumber, PdfString } from '@libpdf/core';
import { InvalidPdfError } from './errors.js';

export const LIMITS = {
  pdfBytes: 200 * 1024 * 1024,
  signatures: 100,
  /** Hex digits of one /Contents: a CMS with a long chain and a timestamp is well under 64 KB. */
  contentsHex: 1024 * 1024,
};

interface SignatureField {
  fieldName: string;
  subFilter: string | null;
  /** /M: a claim only, used when the CMS carries no signing time. */
  claimedTime: Date | null;
}

export interface LocatedSignature extends SignatureField {
  /** [offset1, length1, offset2, length2] */
  byteRange: [number, number, number, number];
  /** The CMS, still with the zero padding that fills the placeholder. */
  contents: Uint8Array;
  /** End of the revision this signature signed (offset2 + length2). */
  end: number;
}

/** A signed field whose /ByteRange or /Contents cannot be what a real signature writes. */
export type BrokenSignature = SignatureField;

const num = (v: unknown) => (v instanceof PdfNumber && Number.isSafeInteger(v.value) && v.value >= 0 ? v.value : null);

function readByteRange(value: unknown, fileLength: number): [number, number, number, number] | null {
  if (!(value instanceof PdfArray) || value.length !== 4) return null;
  const r = [0, 1, 2, 3].map((i) => num(value.at(i)));
  const [a, b, c, d] = r;
  if (a == null || b == null || c == null || d == null) return null;
  // one hole, starting at 0 and ending inside the file: anything else leaves unsigned bytes around
  if (a !== 0 || b < 1 || c <= b || c + d > fileLength) return null;
  return [a, b, c, d];
}

const HEX = /^[0-9a-fA-F\s]*$/;

/** The /Contents hex string exactly filling the hole: '<' hex digits '>'. */
function readHole(pdf: Uint8Array, [, b, c]: [number, number, number, number]): Uint8Array | null {
  if (c - b > LIMITS.contentsHex + 2 || pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) return null;
  const hex = Buffer.from(pdf.subarray(b + 1, c - 1)).toString('latin1');
  if (!HEX.test(hex)) return null;
  const digits = hex.replace(/\s+/g, '');
  return digits.length % 2 === 0 ? new Uint8Array(Buffer.from(digits, 'hex')) : null;
}

/** PDF date "D:YYYYMMDDHHmmSS+HH'mm'" (ISO 32000-1, 7.9.4), or null. */
export function parsePdfDate(s: string): Date | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', tz = 'Z'] = m;
  const offset = tz === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${se}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Loads an untrusted PDF, bounded in size; any parser failure becomes an InvalidPdfError. */
export async function loadPdf(pdf: Uint8Array): Promise<PDF> {
  if (pdf.length > LIMITS.pdfBytes) throw new InvalidPdfError('Tệp PDF quá lớn');
  if (Buffer.from(pdf.subarray(0, 1024)).indexOf('%PDF-') < 0) throw new InvalidPdfError('Tệp không phải là PDF');
  try {
    return await PDF.load(pdf);
  } catch (err) {
    throw new InvalidPdfError('Tệp PDF bị hỏng, không đọc được', { cause: err });
  }
}

/** Every signed signature field; the readable ones in the order the signatures were added. */
export async function locateSignatures(pdf: Uint8Array): Promise<{ located: LocatedSignature[]; broken: BrokenSignature[] }> {
  const doc = await loadPdf(pdf);
  const resolve = (r: Parameters<typeof doc.getObject>[0]) => doc.getObject(r);
  const located: LocatedSignature[] = [];
  const broken: BrokenSignature[] = [];
  try {
    for (const field of doc.getForm()?.getSignatureFields() ?? []) {
      const sig = field.getSignatureDict();
      if (!sig) continue;
      if (located.length + broken.length >= LIMITS.signatures) throw new InvalidPdfError('Tệp PDF có quá nhiều chữ ký');
      const subFilter = sig.get('SubFilter', resolve);
      const m = sig.get('M', resolve);
      const common = {
        fieldName: field.name,
        subFilter: subFilter instanceof PdfName ? subFilter.value : null,
        claimedTime: m instanceof PdfString ? parsePdfDate(m.asString()) : null,
      };
      const byteRange = readByteRange(sig.get('ByteRange', resolve), pdf.length);
      const contents = byteRange && readHole(pdf, byteRange);
      if (byteRange && contents) located.push({ ...common, byteRange, contents, end: byteRange[2] + byteRange[3] });
      else broken.push(common);
    }
  } catch (err) {
    if (err instanceof InvalidPdfError) throw err;
    throw new InvalidPdfError('Cấu trúc biểu mẫu (AcroForm) của tệp PDF bị hỏng', { cause: err });
  }
  return { located: located.sort((x, y) => x.end - y.end), broken };
}
