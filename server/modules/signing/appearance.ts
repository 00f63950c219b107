// What a visible signature looks like on the page (Decree 30/2020, App. I §II.7.d and §II.8):
// the signer's blue handwritten image between the position title and the name; the organisation's
// red seal over the left third of that image; or, for appendices and copies, text only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { measureText, PDF, PdfArray, PdfDict, PdfName, PdfNumber, type EmbeddedFont, type PdfRef } from '@libpdf/core';
import { PdfSigningError } from './errors.js';
import { loadPdf } from './pdf-signatures.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextLine {
  text: string;
  bold?: boolean;
  /** Points; shrunk when the line is wider than the box. Default: the appearance's `fontSize`. */
  size?: number;
}

export interface VisibleAppearance {
  /** 0-based page index. */
  pageIndex: number;
  /** In PDF points, origin at the bottom-left corner of the page. */
  rect: Rect;
  /** Lines over the image, e.g. the position title "CHỦ TỊCH". */
  above?: (string | TextLine)[];
  /** A PNG with a transparent background, scaled to fit the space the text leaves. */
  image?: Uint8Array;
  /** Lines under the image, e.g. the signer's name, the signing time. */
  below?: (string | TextLine)[];
  /** Default 10 pt: Decree 30 asks size 10 for the text of organisation signatures on appendices and copies. */
  fontSize?: number;
}

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
// The decree names Times New Roman, which we may not ship; DejaVu Serif is the free serif with every
// Vietnamese precomposed letter. Read once: the files are ~0.4 MB, and only the used glyphs are embedded.
let fontFiles: { regular: Uint8Array; bold: Uint8Array } | undefined;
function fonts() {
  fontFiles ??= {
    regular: readFileSync(path.join(fontDir, 'DejaVuSerif.ttf')),
    bold: readFileSync(path.join(fontDir, 'DejaVuSerif-Bold.ttf')),
  };
  return fontFiles;
}

export const LEADING = 1.25;
const toLine = (line: string | TextLine, fontSize: number): Required<TextLine> => {
  const l = typeof line === 'string' ? { text: line } : line;
  return { text: l.text.normalize('NFC'), bold: l.bold ?? false, size: l.size ?? fontSize };
};

// Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact.
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const vietnamParts = (at: Date) => {
  const d = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  const p = (v: number, w = 2) => String(v).padStart(w, '0');
  return {
    date: [p(d.getUTCDate()), p(d.getUTCMonth() + 1), p(d.getUTCFullYear(), 4)],
    time: `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`,
  };
};

/** "27/11/2026 18:31:05", Vietnam time: the signing time as people read it. */
export function formatVietnamTime(at: Date): string {
  const { date, time } = vietnamParts(at);
  return `${date.join('/')} ${time}`;
}

/** "2026-11-27T18:31:05+07:00": ISO 8601 in Vietnam time, as TT 01/2019 asks beside the seal. */
export function formatIsoVietnam(at: Date): string {
  const { date, time } = vietnamParts(at);
  return `${[...date].reverse().join('-')}T${time}+07:00`;
}

/** Pixel size of a PNG, from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (png.length < 24 || view.getUint32(0) !== 0x89504e47 || view.getUint32(12) !== 0x49484452) {
    throw new PdfSigningError('Ảnh chữ ký và con dấu phải là tệp PNG');
  }
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Where the image lands inside `rect`: centred in the height the text lines leave, aspect ratio kept. */
export function imageBox(appearance: VisibleAppearance): Rect | null {
  if (!appearance.image) return null;
  const fontSize = appearance.fontSize ?? 10;
  const textHeight = (lines: (string | TextLine)[] = []) => lines.reduce((h, l) => h + toLine(l, fontSize).size * LEADING, 0);
  const { rect } = appearance;
  const top = textHeight(appearance.above);
  const free = { width: rect.width, height: Math.max(rect.height - top - textHeight(appearance.below), 1) };
  const px = pngSize(appearance.image);
  const scale = Math.min(free.width / px.width, free.height / px.height);
  const width = px.width * scale;
  const height = px.height * scale;
  return { x: rect.x + (rect.width - width) / 2, y: rect.y + rect.height - top - (free.height + height) / 2, width, height };
}

/**
 * Where the organisation's seal goes: "covering about 1/3 of the signer's signature image on the left"
 * (Decree 30, App. I §II.8.b), vertically centred on it. `seal` is the seal's real size in points
 * (a 36 mm seal is 102 pt).
 */
export function sealRect(signer: VisibleAppearance, seal: { width: number; height: number }): Rect {
  const image = imageBox(signer) ?? signer.rect;
  return {
    x: image.x + image.width / 3 - seal.width,
    y: image.y + (image.height - seal.height) / 2,
    width: seal.width,
    height: seal.height,
  };
}

/** Where a corner text starts: ~20 mm from the right edge (the decree's right margin), ~7 mm from the top. */
const CORNER = { right: 56, top: 20 };
let measuringFont: EmbeddedFont | undefined;

/**
 * The organisation's signature on an appendix or attachment in a separate file, and on an electronic
 * copy (Decree 30/2020, App. I §II.8.c and Part II §I): no image; the text lines (e.g. the main
 * document's number and symbol, then the signing time in ISO 8601) in the serif of `fonts()`, regular,
 * 10 pt, black, at the top right corner of the first page: inside the top margin, above the national
 * motto, its box as wide as the longest line and flush with the right edge of the text block. A first
 * page turned by /Rotate gets it at the corner of the unturned page.
 */
export async function cornerTextAppearance(pdf: Uint8Array, lines: string[]): Promise<VisibleAppearance> {
  const page = (await loadPdf(pdf)).getPage(0);
  if (!page) throw new PdfSigningError('Tệp PDF không có trang nào');
  const box = page.getCropBox();
  const fontSize = 10;
  measuringFont ??= PDF.create().embedFont(fonts().regular);
  const font = measuringFont;
  const width = Math.max(...lines.map((l) => measureText(l.normalize('NFC'), font, fontSize))) + 2;
  const height = lines.length * fontSize * LEADING + 2;
  const right = box.x + box.width - CORNER.right;
  const top = box.y + box.height - CORNER.top;
  return { pageIndex: 0, rect: { x: right - width, y: top - height, width, height }, above: lines, fontSize };
}

const hex = (gids: number[]) => gids.map((g) => g.toString(16).padStart(4, '0')).join('');
const n = (v: number) => (Math.round(v * 100) / 100).toString();

/**
 * Registers the appearance stream (a Form XObject) and everything it draws with, and returns its
 * reference for the widget's /AP /N. Coordinates inside are relative to the widget's rectangle.
 */
export function buildAppearanceStream(doc: PDF, appearance: VisibleAppearance): PdfRef {
  const { width, height } = appearance.rect;
  const fontSize = appearance.fontSize ?? 10;
  const above = (appearance.above ?? []).map((l) => toLine(l, fontSize));
  const below = (appearance.below ?? []).map((l) => toLine(l, fontSize));
  const used = { regular: undefined as EmbeddedFont | undefined, bold: undefined as EmbeddedFont | undefined };
  const fontFor = (bold: boolean) => {
    const key = bold ? 'bold' : 'regular';
    return (used[key] ??= doc.embedFont(fonts()[key]));
  };
  const ops: string[] = [];

  const drawLine = (line: Required<TextLine>, baseline: number) => {
    const font = fontFor(line.bold);
    const natural = measureText(line.text, font, line.size);
    const size = natural > width ? (line.size * width) / natural : line.size;
    const x = (width - Math.min(natural, width)) / 2;
    const name = line.bold ? '/FB' : '/FR';
    ops.push(`BT ${name} ${n(size)} Tf 1 0 0 1 ${n(x)} ${n(baseline)} Tm <${hex(font.encodeTextToGids(line.text))}> Tj ET`);
  };
  ops.push('q 0 g');
  let baseline = height;
  for (const line of above) drawLine(line, (baseline -= line.size * LEADING) + line.size * 0.25);
  baseline = below.reduce((h, l) => h + l.size * LEADING, 0);
  for (const line of below) drawLine(line, (baseline -= line.size * LEADING) + line.size * 0.25);

  const xobjects = new PdfDict();
  const box = imageBox(appearance);
  if (appearance.image && box) {
    xobjects.set('Im', doc.embedPng(appearance.image).ref);
    const x = box.x - appearance.rect.x;
    const y = box.y - appearance.rect.y;
    ops.push(`q ${n(box.width)} 0 0 ${n(box.height)} ${n(x)} ${n(y)} cm /Im Do Q`);
  }
  ops.push('Q');

  const fontDict = new PdfDict();
  for (const [key, font] of Object.entries(used)) {
    const ref = font && doc.getFontRef(font);
    if (ref) fontDict.set(key === 'bold' ? 'FB' : 'FR', ref);
  }
  const bbox = new PdfArray([PdfNumber.of(0), PdfNumber.of(0), PdfNumber.of(width), PdfNumber.of(height)]);
  return doc.createStream(
    {
      Type: PdfName.of('XObject'),
      Subtype: PdfName.of('Form'),
      BBox: bbox,
      Resources: PdfDict.of({ Font: fontDict, XObject: xobjects }),
    },
    new TextEncoder().encode(ops.join('\n')),
  );
}
