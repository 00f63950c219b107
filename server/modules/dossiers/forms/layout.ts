import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

// Tinos is metric-compatible with Times New Roman (which Decree 30/2020 names and we may not ship) and has
// every Vietnamese letter.
const tinosDir = path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/package.json'));
const FONTS = {
  body: path.join(tinosDir, '400Regular', 'Tinos_400Regular.ttf'),
  bold: path.join(tinosDir, '700Bold', 'Tinos_700Bold.ttf'),
  italic: path.join(tinosDir, '400Regular_Italic', 'Tinos_400Regular_Italic.ttf'),
} as const;
type FontName = keyof typeof FONTS;

/**
 * Circular 01/2018 (and 03/2025 after it): the slips are printed on A5 (148 × 210 mm); the ledger on A4, here
 * landscape for its columns; the control slip of 2025 on A4 (see docs/dossier-forms.md).
 */
export type PageSize = 'A5' | 'A4' | 'A4-landscape';

/**
 * The issuing body, top left: the parent line (regular) over the body's own name (bold, lines split at '\n',
 * the last one underlined), then "Số: …".
 */
export interface IssuingBody {
  parent: string | null;
  name: string;
  number: string | null;
}

export interface SignatureBlock {
  title: string;
  hint: string;
  name?: string | null | undefined;
}

export interface TableColumn {
  title: string;
  /** relative width */
  width: number;
  align?: 'left' | 'center';
}

const SIZE: Record<PageSize, { size: string; layout: 'portrait' | 'landscape'; margins: { top: number; bottom: number; left: number; right: number } }> = {
  // A5: 20 mm left (binding), 10–15 mm elsewhere, scaled down from Decree 30's A4 margins
  A5: { size: 'A5', layout: 'portrait', margins: { top: 30, bottom: 30, left: 45, right: 30 } },
  A4: { size: 'A4', layout: 'portrait', margins: { top: 57, bottom: 57, left: 85, right: 45 } },
  'A4-landscape': { size: 'A4', layout: 'landscape', margins: { top: 40, bottom: 40, left: 45, right: 40 } },
};

/** One official form being laid out on pdfkit; `finish()` gives the bytes. */
export class FormDoc {
  readonly doc: PDFKit.PDFDocument;
  readonly left: number;
  readonly width: number;
  /** the base size of the body text: 10.5 pt on A5 (a receipt with six components fits one page), 12.5 pt on A4 */
  readonly base: number;
  private readonly done: Promise<Buffer>;
  private readonly footerText: string;

  constructor(page: PageSize, title: string, footer: string) {
    const spec = SIZE[page];
    this.doc = new PDFDocument({ size: spec.size, layout: spec.layout, margins: spec.margins, bufferPages: true, info: { Title: title, Creator: 'Văn phòng số' } });
    for (const [name, file] of Object.entries(FONTS)) this.doc.registerFont(name, file);
    const chunks: Buffer[] = [];
    this.doc.on('data', (c: Buffer) => chunks.push(c));
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.left = spec.margins.left;
    this.width = this.doc.page.width - spec.margins.left - spec.margins.right;
    this.base = page === 'A5' ? 10.5 : 12.5;
    this.footerText = footer;
    this.doc.font('body').fontSize(this.base);
  }

  private font(name: FontName, size: number) {
    return this.doc.font(name).fontSize(size);
  }

  /** The largest size ≤ max at which the text fits the width on one line. */
  private fit(text: string, font: FontName, max: number, width: number): number {
    let size = max;
    while (size > 6 && this.font(font, size).widthOfString(text) > width) size -= 0.25;
    return size;
  }

  /** One centered line, shrunk to fit; `underline` is the share of the text's width to underline. */
  private centered(text: string, font: FontName, size: number, x: number, width: number, underline = 0) {
    const s = this.fit(text, font, size, width);
    const y = this.doc.y;
    this.font(font, s).text(text, x, y, { width, align: 'center', lineBreak: false });
    const h = this.doc.currentLineHeight(true);
    if (underline) {
      const w = this.doc.widthOfString(text) * underline;
      const from = x + (width - w) / 2;
      this.doc.moveTo(from, y + h + 1).lineTo(from + w, y + h + 1).lineWidth(0.6).stroke();
    }
    this.doc.y = y + h + (underline ? 3 : 0);
    return h;
  }

  /**
   * The header of Decree 30 App. I: the issuing body left, the national name and motto right (the motto
   * underlined), the number under the body, the place and date under the motto.
   */
  header(body: IssuingBody, placeDate: string) {
    const gap = 8;
    const leftWidth = this.width * 0.45;
    const rightX = this.left + leftWidth + gap;
    const rightWidth = this.width - leftWidth - gap;
    const top = this.doc.y;
    const size = this.base - 1;
    if (body.parent) this.centered(body.parent.toUpperCase(), 'body', size, this.left, leftWidth);
    const lines = body.name.toUpperCase().split('\n');
    // Decree 30, App. I: a short rule under the body's name, the whole motto underlined
    lines.forEach((line, i) => this.centered(line, 'bold', size, this.left, leftWidth, i === lines.length - 1 ? 0.4 : 0));
    if (body.number) {
      this.doc.y += 4;
      this.centered(body.number, 'body', size, this.left, leftWidth);
    }
    const leftBottom = this.doc.y;
    this.doc.y = top;
    this.centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'bold', size, rightX, rightWidth);
    this.centered('Độc lập - Tự do - Hạnh phúc', 'bold', size + 0.5, rightX, rightWidth, 1);
    this.doc.y += 4;
    this.centered(placeDate, 'italic', size, rightX, rightWidth);
    this.doc.y = Math.max(leftBottom, this.doc.y) + this.base;
    this.doc.x = this.left;
  }

  title(text: string, subtitle?: string | null) {
    this.font('bold', this.base + 1.5).text(text, this.left, this.doc.y, { width: this.width, align: 'center' });
    if (subtitle) this.font('bold', this.base).text(subtitle, this.left, this.doc.y, { width: this.width, align: 'center' });
    this.doc.moveDown(0.6);
  }

  /** A centered line under the title (the code of the dossier, "Kính gửi"). */
  centerLine(text: string, font: FontName = 'body') {
    this.font(font, this.base).text(text, this.left, this.doc.y, { width: this.width, align: 'center' });
  }

  /** "Label: value" with the label regular and the value bold, wrapping under the label. */
  field(label: string, value: string, options: { indent?: number } = {}) {
    const x = this.left + (options.indent ?? 0);
    const width = this.width - (options.indent ?? 0);
    this.font('body', this.base).text(`${label}: `, x, this.doc.y, { width, continued: true });
    this.font('bold', this.base).text(value || '…………', { width });
    this.doc.x = this.left;
  }

  paragraph(text: string, options: { indent?: number; italic?: boolean; bold?: boolean; size?: number; align?: 'left' | 'justify' | 'center' | 'right' } = {}) {
    const font: FontName = options.bold ? 'bold' : options.italic ? 'italic' : 'body';
    this.font(font, options.size ?? this.base).text(text, this.left, this.doc.y, { width: this.width, indent: options.indent ?? 0, align: options.align ?? 'justify', paragraphGap: 2 });
  }

  /** A numbered or dashed list, each item hanging. */
  list(items: string[], marker: (i: number) => string = (i) => `${i + 1}.`, indent = 14) {
    for (const [i, item] of items.entries()) {
      const y = this.doc.y;
      this.font('body', this.base).text(marker(i), this.left + indent, y, { width: 22, lineBreak: false });
      this.doc.y = y;
      this.font('body', this.base).text(item, this.left + indent + 22, y, { width: this.width - indent - 22, paragraphGap: 1 });
    }
    this.doc.x = this.left;
  }

  space(lines = 0.5) {
    this.doc.moveDown(lines);
  }

  private ensure(height: number) {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  /** A table with borders, the header row repeated on a new page; cells may hold several lines. */
  table(columns: TableColumn[], rows: string[][], options: { size?: number; numbers?: boolean } = {}) {
    const size = options.size ?? this.base - 1.5;
    const pad = 3;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const draw = (cells: string[], font: FontName, align: (i: number) => 'left' | 'center') => {
      this.font(font, size);
      const height = Math.max(...cells.map((c, i) => this.doc.heightOfString(c || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
      if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) {
        this.doc.addPage();
        head();
        this.font(font, size);
      }
      const top = this.doc.y;
      let x = this.left;
      cells.forEach((c, i) => {
        this.doc.lineWidth(0.5).rect(x, top, widths[i]!, height).stroke();
        this.doc.text(c, x + pad, top + pad, { width: widths[i]! - 2 * pad, align: align(i) });
        x += widths[i]!;
      });
      this.doc.x = this.left;
      this.doc.y = top + height;
    };
    const head = () => {
      draw(columns.map((c) => c.title), 'bold', () => 'center');
      if (options.numbers) draw(columns.map((_, i) => `(${i + 1})`), 'italic', () => 'center');
    };
    head();
    for (const r of rows) draw(r, 'body', (i) => columns[i]!.align ?? 'left');
    this.doc.moveDown(0.5);
  }

  /** Signature blocks side by side (one → right half), each: title bold, hint italic, space, the name. */
  signatures(blocks: SignatureBlock[]) {
    this.ensure(this.base * 6.5);
    this.doc.moveDown(0.6);
    const top = this.doc.y;
    const colWidth = this.width / 2;
    let bottom = top;
    blocks.forEach((b, i) => {
      const x = blocks.length === 1 ? this.left + colWidth : this.left + i * colWidth;
      this.doc.y = top;
      this.font('bold', this.base).text(b.title.toUpperCase(), x, top, { width: colWidth, align: 'center' });
      this.font('italic', this.base - 1).text(b.hint, x, this.doc.y, { width: colWidth, align: 'center' });
      this.doc.y += this.base * 2.6;
      if (b.name) this.font('bold', this.base).text(b.name, x, this.doc.y, { width: colWidth, align: 'center' });
      bottom = Math.max(bottom, this.doc.y);
    });
    this.doc.x = this.left;
    this.doc.y = bottom;
  }

  /** "Nơi nhận" at the bottom left of a letter. */
  recipients(items: string[]) {
    this.doc.moveDown(0.5);
    this.font('bold', this.base - 1).text('Nơi nhận:', this.left, this.doc.y, { width: this.width / 2 });
    this.font('body', this.base - 2);
    items.forEach((r, i) => this.doc.text(`- ${r}${i === items.length - 1 ? '.' : ';'}`, this.left, this.doc.y, { width: this.width / 2 }));
  }

  /**
   * A QR code drawn as vector squares at the top right of the current block, with the text it encodes in small
   * type under it, so that a reader without a phone can type it.
   */
  qr(payload: string, sizePt: number, x: number, y: number) {
    const code = QRCode.create(payload, { errorCorrectionLevel: 'M' });
    const n = code.modules.size;
    const cell = sizePt / n;
    this.doc.save().fillColor('black');
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) if (code.modules.get(r, c)) this.doc.rect(x + c * cell, y + r * cell, cell, cell);
    }
    this.doc.fill().restore();
  }

  /** A small line of text on one line (a URL must not be broken for pdftotext or a reader). */
  smallLine(text: string, options: { align?: 'left' | 'center' | 'right'; x?: number; width?: number } = {}) {
    const width = options.width ?? this.width;
    const size = this.fit(text, 'body', this.base - 3, width);
    this.font('body', size).text(text, options.x ?? this.left, this.doc.y, { width, align: options.align ?? 'left', lineBreak: false });
    this.doc.y += this.doc.currentLineHeight(true);
    this.doc.x = this.left;
  }

  async finish(): Promise<Buffer> {
    // the form's legal source on every page, small, at the bottom left
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.height - this.doc.page.margins.bottom;
      const text = range.count > 1 ? `${this.footerText} · Trang ${i - range.start + 1}/${range.count}` : this.footerText;
      // the footer sits inside the bottom margin; pdfkit would add a page for text below it otherwise
      const saved = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.font('italic', 7).text(text, this.left, bottom + 8, { width: this.width, lineBreak: false });
      this.doc.page.margins.bottom = saved;
    }
    this.doc.end();
    return this.done;
  }
}
