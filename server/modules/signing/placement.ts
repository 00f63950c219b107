// Where the signatures of an outgoing document go when no template says otherwise: the signature block of
// Decree 30's layout (App. I, item 7) sits at the bottom right of the last page, under the text.
import { formatIsoVietnam, formatVietnamTime, LEADING, pngSize, sealRect, type VisibleAppearance } from './appearance.js';
import { loadPdf } from './pdf-signatures.js';

const MARGIN = 56; // ~20 mm, the decree's right margin
const BLOCK = { width: 220, height: 120 };
/** A 36 mm seal, the usual size of an agency's round seal, in points. */
const SEAL_PT = 102;

async function lastPage(pdf: Uint8Array) {
  const doc = await loadPdf(pdf);
  const pageIndex = doc.getPageCount() - 1;
  const page = doc.getPage(pageIndex)!;
  return { pageIndex, width: page.width };
}

/** The competent signer's signature: position title, the blue image, the name, the time. */
export async function signerAppearance(pdf: Uint8Array, who: { positionTitle: string | null; fullName: string; image: Uint8Array | undefined; at: Date }): Promise<VisibleAppearance> {
  const { pageIndex, width } = await lastPage(pdf);
  return {
    pageIndex,
    rect: { x: width - MARGIN - BLOCK.width, y: MARGIN, width: BLOCK.width, height: BLOCK.height },
    above: who.positionTitle ? [{ text: who.positionTitle.toLocaleUpperCase('vi'), bold: true, size: 11 }] : [],
    image: who.image,
    below: [{ text: who.fullName, bold: true, size: 11 }, { text: `Ký số: ${formatVietnamTime(who.at)}`, size: 8 }],
  };
}

/**
 * The organization's signature over the signer's: the red seal at its real size covering the left third
 * of the signer's image, with the agency's name and the time (ISO 8601, Vietnam time) under it — below
 * `textUnder` (the bottom of the signer's block) so that they do not run into the signer's own lines.
 */
export async function sealAppearance(pdf: Uint8Array, signer: VisibleAppearance, agencyName: string, seal: Uint8Array | undefined, at: Date, textUnder?: number): Promise<VisibleAppearance> {
  const size = seal ? pngSize(seal) : { width: 1, height: 1 };
  const scale = SEAL_PT / Math.max(size.width, size.height);
  const rect = sealRect(signer, { width: size.width * scale, height: size.height * scale });
  const { pageIndex } = await lastPage(pdf);
  const lines = [{ text: agencyName, size: 6 }, { text: formatIsoVietnam(at), size: 6 }];
  const textHeight = lines.length * 6 * LEADING;
  // an empty line as tall as the gap between the seal's bottom and where its text may start
  const gap = textUnder === undefined ? 0 : Math.max(0, rect.y - (textUnder - 2));
  const below = gap > 0 ? [{ text: '', size: gap / LEADING }, ...lines] : lines;
  return { pageIndex, rect: { ...rect, y: rect.y - gap - textHeight, height: rect.height + gap + textHeight }, image: seal, below };
}
