import PDFDocument from 'pdfkit';
import { type ReportBlock, reportBody } from './body.js';
import { type ChartImage, renderReportCharts } from './charts.js';
import type { PeriodicReportFigures } from './figures.js';
import {
  HEADER_LEFT_SHARE,
  MOTTO,
  NATIONAL_NAME,
  PAGE_MM,
  REPORT_TYPE,
  SIGNER,
  SIZE,
  TINOS,
  issuingBodyLines,
  mmToPt,
  numberLine,
  placeDateLine,
  recipientLines,
  reportSubject,
  ruleWidthPt,
} from './layout.js';

type Font = keyof typeof TINOS;
type Align = 'left' | 'center' | 'right' | 'justify';

const FIRST_LINE = mmToPt(10);
// one line and a fifth: inside Decree 30's "single to 1.5 lines"
const LINE_GAP = SIZE.body * 0.2;
// a CSS pixel is 3/4 of a point
const PX = 0.75;

/** The report laid out on pdfkit, top to bottom; `finish()` numbers the pages and gives the bytes. */
class ReportPdf {
  readonly doc: PDFKit.PDFDocument;
  readonly left = mmToPt(PAGE_MM.left);
  readonly width: number;
  private readonly done: Promise<Buffer>;

  constructor(title: string) {
    const margins = { top: mmToPt(PAGE_MM.top), bottom: mmToPt(PAGE_MM.bottom), left: this.left, right: mmToPt(PAGE_MM.right) };
    this.doc = new PDFDocument({ size: 'A4', margins, bufferPages: true, lang: 'vi-VN', info: { Title: title, Creator: 'Văn phòng số' } });
    for (const [name, file] of Object.entries(TINOS)) this.doc.registerFont(name, file);
    const chunks: Buffer[] = [];
    this.doc.on('data', (c: Buffer) => chunks.push(c));
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.width = this.doc.page.width - margins.left - margins.right;
  }

  private font(name: Font, size: number) {
    return this.doc.font(name).fontSize(size);
  }

  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** A new page unless `height` still fits below the cursor. */
  ensure(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Text in a column; the cursor ends under it. */
  write(text: string, font: Font, size: number, x: number, width: number, options: { align?: Align; underline?: boolean; indent?: number; gap?: number } = {}) {
    this.font(font, size).text(text, x, this.doc.y, {
      width,
      align: options.align ?? 'center',
      underline: options.underline ?? false,
      indent: options.indent ?? 0,
      lineGap: options.gap ?? 0,
    });
    this.doc.x = this.left;
  }

  /** The centered rule under the last line written: 0.4 of that line's width (Decree 30, App. I). */
  rule(lastLine: string, font: Font, size: number, x: number, width: number) {
    const length = ruleWidthPt(this.font(font, size).widthOfString(lastLine), width);
    const y = this.doc.y + 4;
    this.doc.moveTo(x + (width - length) / 2, y).lineTo(x + (width + length) / 2, y).lineWidth(0.6).stroke();
    this.doc.y = y + 4;
  }

  header(f: PeriodicReportFigures) {
    const leftWidth = this.width * HEADER_LEFT_SHARE;
    const rightX = this.left + leftWidth;
    const rightWidth = this.width - leftWidth;
    const top = this.doc.y;
    const { parent, body } = issuingBodyLines(f);
    this.write(parent, 'regular', SIZE.bodyName, this.left, leftWidth);
    this.write(body, 'bold', SIZE.bodyName, this.left, leftWidth);
    this.rule(lastLineOf(this.doc, body, leftWidth), 'bold', SIZE.bodyName, this.left, leftWidth);
    const leftBottom = this.doc.y;
    this.doc.y = top;
    this.write(NATIONAL_NAME, 'bold', SIZE.nationalName, rightX, rightWidth);
    this.write(MOTTO, 'bold', SIZE.motto, rightX, rightWidth, { underline: true });
    const second = Math.max(leftBottom, this.doc.y) + 6;
    this.doc.y = second;
    this.write(numberLine(f), 'regular', SIZE.number, this.left, leftWidth);
    const numberBottom = this.doc.y;
    this.doc.y = second;
    this.write(placeDateLine(f), 'italic', SIZE.placeDate, rightX, rightWidth);
    this.doc.y = Math.max(numberBottom, this.doc.y) + SIZE.body;
  }

  title(f: PeriodicReportFigures) {
    const subject = reportSubject(f);
    this.write(REPORT_TYPE, 'bold', SIZE.title, this.left, this.width);
    this.write(subject, 'bold', SIZE.title, this.left, this.width);
    this.rule(lastLineOf(this.doc, subject, this.width), 'bold', SIZE.title, this.left, this.width);
    this.doc.y += SIZE.body * 0.6;
  }

  block(b: ReportBlock, charts: Partial<Record<string, ChartImage>>) {
    switch (b.kind) {
      case 'heading':
        // a heading never ends a page: it keeps at least two lines of its text
        this.ensure(SIZE.body * 4.5);
        this.doc.y += b.level === 1 ? 6 : 3;
        this.write(b.text, 'bold', SIZE.body, this.left, this.width, { align: 'justify', indent: FIRST_LINE });
        this.doc.y += 4;
        return;
      case 'paragraph':
        this.write(b.text, b.italic ? 'italic' : 'regular', SIZE.body, this.left, this.width, { align: 'justify', indent: FIRST_LINE, gap: LINE_GAP });
        // Decree 30, App. I: at least 6 pt between paragraphs
        this.doc.y += 6;
        return;
      case 'chart': {
        const image = charts[b.chart];
        if (image) this.chart(image, b.caption);
        return;
      }
      case 'table':
        this.table(b);
    }
  }

  private chart(image: ChartImage, caption: string) {
    const w = Math.min(image.width * PX, this.width);
    const h = (image.height / image.width) * w;
    const captionHeight = this.font('italic', SIZE.caption).heightOfString(caption, { width: this.width });
    this.ensure(h + captionHeight + 12);
    this.doc.y += 4;
    this.doc.image(image.png, this.left + (this.width - w) / 2, this.doc.y, { width: w, height: h });
    this.doc.y += h + 2;
    this.write(caption, 'italic', SIZE.caption, this.left, this.width);
    this.doc.y += 8;
  }

  /** A bordered table whose header row is repeated on every page it runs onto. */
  private table(b: Extract<ReportBlock, { kind: 'table' }>) {
    const pad = 3;
    const total = b.columns.reduce((s, c) => s + c.width, 0);
    const widths = b.columns.map((c) => (c.width / total) * this.width);
    const heightOf = (cells: string[], font: Font) =>
      Math.max(...cells.map((c, i) => this.font(font, SIZE.table).heightOfString(c || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
    const draw = (cells: string[], font: Font, align: (i: number) => Align, fill: string | null) => {
      const top = this.doc.y;
      const height = heightOf(cells, font);
      let x = this.left;
      cells.forEach((c, i) => {
        if (fill) this.doc.save().rect(x, top, widths[i]!, height).fill(fill).restore();
        this.doc.lineWidth(0.5).rect(x, top, widths[i]!, height).stroke();
        this.font(font, SIZE.table).text(c, x + pad, top + pad, { width: widths[i]! - 2 * pad, align: align(i) });
        x += widths[i]!;
      });
      this.doc.x = this.left;
      this.doc.y = top + height;
    };
    const titles = b.columns.map((c) => c.title);
    const head = () => draw(titles, 'bold', () => 'center', '#ededed');
    const captionHeight = this.font('bold', SIZE.caption).heightOfString(b.caption, { width: this.width });
    this.ensure(captionHeight + heightOf(titles, 'bold') + heightOf(b.rows[0] ?? titles, 'regular') + 8);
    this.doc.y += 4;
    this.write(b.caption, 'bold', SIZE.caption, this.left, this.width);
    this.doc.y += 4;
    head();
    for (const row of b.rows) {
      if (this.doc.y + heightOf(row, 'regular') > this.bottom) {
        this.doc.addPage();
        head();
      }
      draw(row, 'regular', (i) => b.columns[i]!.align, null);
    }
    if (b.note) {
      this.doc.y += 3;
      this.write(b.note, 'italic', SIZE.table, this.left, this.width, { align: 'left' });
    }
    this.doc.y += 10;
  }

  /** "Nơi nhận:" on the left, the signer's block on the right, kept together on one page. */
  closing() {
    const leftWidth = this.width * 0.45;
    const rightX = this.left + leftWidth;
    const rightWidth = this.width - leftWidth;
    this.ensure(SIZE.signer * 9);
    this.doc.y += 6;
    const top = this.doc.y;
    this.write('Nơi nhận:', 'boldItalic', SIZE.recipientsLabel, this.left, leftWidth, { align: 'left' });
    for (const line of recipientLines()) this.write(line, 'regular', SIZE.recipients, this.left, leftWidth, { align: 'left' });
    const leftBottom = this.doc.y;
    this.doc.y = top;
    this.write(SIGNER.authority, 'bold', SIZE.signer, rightX, rightWidth);
    this.write(SIGNER.position, 'bold', SIZE.signer, rightX, rightWidth);
    this.doc.y += SIZE.signer * 4;
    this.write(SIGNER.name, 'bold', SIZE.signer, rightX, rightWidth);
    this.doc.y = Math.max(leftBottom, this.doc.y);
  }

  async finish(): Promise<Buffer> {
    // Decree 30, App. I §I.5: page numbers centered in the top margin, from the second page on
    const range = this.doc.bufferedPageRange();
    for (let i = range.start + 1; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const y = (this.doc.page.margins.top - SIZE.pageNumber) / 2;
      this.font('regular', SIZE.pageNumber).text(String(i - range.start + 1), this.left, y, { width: this.width, align: 'center', lineBreak: false });
    }
    this.doc.end();
    return this.done;
  }
}

/** The last line pdfkit will print for `text` in a column: the rule under a title is measured on it. */
function lastLineOf(doc: PDFKit.PDFDocument, text: string, width: number): string {
  const words = text.split(/\s+/);
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && doc.widthOfString(next) > width) line = word;
    else line = next;
  }
  return line;
}

/** The periodic report as a PDF in the Decree 30 layout, with the same text, table and charts as the DOCX. */
export async function periodicReportPdf(f: PeriodicReportFigures): Promise<Buffer> {
  const blocks = reportBody(f);
  const charts = renderReportCharts(f);
  const pdf = new ReportPdf(`${REPORT_TYPE} ${reportSubject(f)}`);
  pdf.header(f);
  pdf.title(f);
  for (const b of blocks) pdf.block(b, charts);
  pdf.closing();
  return pdf.finish();
}
