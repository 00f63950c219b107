// PAdES baseline B-B signatures (ETSI EN 319 142-1): CAdES detached CMS, SHA-256, the signer's
// certificate and chain embedded, always written as an incremental update so that the signatures
// already in the file keep covering exactly the bytes they signed.
import { PdfArray, PdfDict, PdfNumber, PdfString, type PDF, type PdfRef, type SignOptions } from '@libpdf/core';
import { buildAppearanceStream, type Rect, type VisibleAppearance } from './appearance.js';
import { PdfSigningError } from './errors.js';
import { loadPdf } from './pdf-signatures.js';
import type { PdfSigningKey } from './signing-key.js';

export interface SignPdfOptions {
  key: PdfSigningKey;
  /** Claimed signing time, written to the CMS signed attributes and /M. Default: now. */
  signingTime?: Date;
  /** Signature field name; default "Signature_N". Must not name a field that is already signed. */
  fieldName?: string;
  /** Omitted: an invisible signature. */
  appearance?: VisibleAppearance;
  reason?: string;
  location?: string;
  contactInfo?: string;
}

/** Print (4) + Locked (128): shown when printed, and viewers must not let anyone move or delete it. */
const WIDGET_FLAGS = 132;
/** Bytes reserved for the CMS: a 3-certificate RSA-2048 chain needs ~5 KB; long chains and 4096-bit keys more. */
const CMS_RESERVE = 16_384;

/** Returns the PDF with one more signature, appended as an incremental update. */
export async function signPdf(pdf: Uint8Array, opts: SignPdfOptions): Promise<Uint8Array> {
  const doc = await loadPdf(pdf);
  refuseRewrite(doc);
  const fieldName = opts.fieldName ?? nextFieldName(doc);
  const options: SignOptions = {
    signer: opts.key,
    subFilter: 'ETSI.CAdES.detached',
    level: 'B-B',
    digestAlgorithm: 'SHA-256',
    signingTime: opts.signingTime ?? new Date(),
    fieldName,
    estimatedSize: CMS_RESERVE,
  };
  const page = opts.appearance && doc.getPage(opts.appearance.pageIndex);
  if (opts.appearance && !page) throw new PdfSigningError(`Văn bản không có trang ${opts.appearance.pageIndex + 1}`);
  // fonts, image and Form XObject are registered now; they are written with the signature's revision
  const widget = opts.appearance && page && { appearance: opts.appearance, page, stream: buildAppearanceStream(doc, opts.appearance) };

  const { bytes } = await signWithHook(doc, options, () => {
    const field = doc.getForm()?.getSignatureField(fieldName);
    const signature = field?.getSignatureDict();
    if (!field || !signature) throw new Error(`libpdf did not create signature field ${fieldName}`);
    // libpdf escapes these before encoding them, which shows "\(" in viewers for UTF-16 text
    const texts = { Reason: opts.reason, Location: opts.location, ContactInfo: opts.contactInfo };
    for (const [key, text] of Object.entries(texts)) if (text) signature.set(key, PdfString.fromString(text.normalize('NFC')));
    if (widget) makeVisible(doc, field.getDict(), widget);
  });
  return bytes;
}

/**
 * libpdf quietly saves the whole file again when it cannot append (linearized files, files it had
 * to repair): harmless for an unsigned document, fatal to the signatures already in a signed one.
 */
function refuseRewrite(doc: PDF): void {
  const blocker = doc.canSaveIncrementally();
  const signed = doc.getForm()?.getSignatureFields().some((f) => f.isSigned()) ?? false;
  if (blocker && signed) {
    throw new PdfSigningError(`Không ký thêm được mà giữ nguyên các chữ ký đã có (${blocker})`);
  }
}

function nextFieldName(doc: PDF): string {
  const taken = new Set((doc.getForm()?.getFields() ?? []).map((f) => f.name));
  let i = 1;
  while (taken.has(`Signature_${i}`)) i++;
  return `Signature_${i}`;
}

/**
 * libpdf 0.4.2's `sign()` has no appearance option: it always makes an invisible widget (Rect
 * [0 0 0 0] on page 1), then writes the revision to be signed with exactly one
 * `save({ incremental: true })`. We wrap that one call to finish the field first. The appearance
 * must live in the signature's own revision: drawn in an earlier revision, it would count as a
 * change after signing for every earlier signature (the organisation's seal comes after the
 * signer's signature). libpdf is pinned to 0.4.2 and the tests check the widget and the text.
 */
async function signWithHook(doc: PDF, options: SignOptions, beforeWrite: () => void) {
  const save = doc.save.bind(doc);
  let first = true;
  doc.save = (saveOptions) => {
    if (first) {
      first = false;
      beforeWrite();
    }
    // only the glyphs the appearance uses: a whole DejaVu font would add ~0.4 MB per signature
    return save({ ...saveOptions, subsetFonts: true });
  };
  try {
    return await doc.sign(options);
  } finally {
    Reflect.deleteProperty(doc, 'save');
  }
}

interface Widget {
  appearance: VisibleAppearance;
  page: NonNullable<ReturnType<PDF['getPage']>>;
  stream: PdfRef;
}

function makeVisible(doc: PDF, field: PdfDict, { appearance, page, stream }: Widget): void {
  const ref = findFieldRef(doc, field);
  if (!ref) throw new Error('signature field is not listed in /AcroForm /Fields');
  field.set('Rect', rectArray(appearance.rect));
  field.set('P', page.ref);
  field.set('F', PdfNumber.of(WIDGET_FLAGS));
  field.set('AP', PdfDict.of({ N: stream }));
  const annots = page.dict.getArray('Annots', (r) => doc.getObject(r)) ?? new PdfArray([]);
  const items = Array.from({ length: annots.length }, (_, i) => annots.at(i)).filter((a) => a !== undefined);
  page.dict.set('Annots', new PdfArray([...items, ref]));
}

function findFieldRef(doc: PDF, dict: PdfDict): PdfRef | undefined {
  const resolve = (r: PdfRef) => doc.getObject(r);
  const fields = doc.getCatalog().getDict('AcroForm', resolve)?.getArray('Fields', resolve);
  for (let i = 0; fields && i < fields.length; i++) {
    const item = fields.at(i);
    if (item?.type === 'ref' && doc.getObject(item) === dict) return item;
  }
  return undefined;
}

const rectArray = (r: Rect) =>
  new PdfArray([r.x, r.y, r.x + r.width, r.y + r.height].map((v) => PdfNumber.of(Math.round(v * 100) / 100)));
