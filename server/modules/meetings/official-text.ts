import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
// Decree 30 names Times New Roman, which we may not ship; DejaVu Serif has every Vietnamese letter.
const FONT = path.join(fontDir, 'DejaVuSerif.ttf');
const FONT_BOLD = path.join(fontDir, 'DejaVuSerif-Bold.ttf');

/** A drafted administrative text (giấy mời, thông báo kết luận): the parts Decree 30 App. I lays out. */
export interface OfficialText {
  agencyName: string;
  parentName: string | null;
  /** "Rạch Giá, ngày 27 tháng 11 năm 2026" */
  placeDate: string;
  typeName: string;
  subject: string;
  paragraphs: { text: string; bold?: boolean; indent?: boolean }[];
  signerTitle: string;
  signerName: string;
  recipients: string[];
}

/** The draft as a PDF for the review/sign flow; the drafter may replace it with a DOCX version later. */
export function renderOfficialText(t: OfficialText): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 57, bottom: 57, left: 85, right: 57 }, info: { Title: `${t.typeName} ${t.subject}`, Creator: 'Văn phòng số' } });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  // the national title is longer than the agency's name: the right block takes the wider part; DejaVu is
  // wider than Times New Roman, hence 10 pt for the header lines to keep the title on one line
  const half = width * 0.4;
  const right = left + half + 10;
  const rightWidth = width - half - 10;
  const top = doc.y;
  doc.font('body').fontSize(10).text((t.parentName ?? '').toUpperCase(), left, top, { width: half, align: 'center' });
  doc.font('bold').fontSize(10).text(t.agencyName.toUpperCase(), left, doc.y, { width: half, align: 'center' });
  const leftBottom = doc.y;
  doc.font('bold').fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', right, top, { width: rightWidth, align: 'center' });
  doc.font('bold').fontSize(12).text('Độc lập - Tự do - Hạnh phúc', right, doc.y, { width: rightWidth, align: 'center' });
  doc.moveDown(0.6);
  doc.font('body').fontSize(12).text(t.placeDate, right, doc.y, { width: rightWidth, align: 'center', oblique: true });
  doc.y = Math.max(doc.y, leftBottom) + 18;
  doc.font('bold').fontSize(14).text(t.typeName.toUpperCase(), left, doc.y, { width, align: 'center' });
  doc.font('bold').fontSize(13).text(t.subject, left, doc.y, { width, align: 'center' });
  doc.moveDown(1);
  for (const p of t.paragraphs) {
    doc.font(p.bold ? 'bold' : 'body').fontSize(13).text(p.text, left, doc.y, { width, align: 'justify', indent: p.indent === false ? 0 : 28, paragraphGap: 4 });
  }
  doc.moveDown(1);
  const signTop = doc.y;
  doc.font('bold').fontSize(11).text('Nơi nhận:', left, signTop, { width: half, oblique: true });
  doc.font('body').fontSize(10);
  t.recipients.forEach((r, i) => doc.text(`- ${r}${i === t.recipients.length - 1 ? '.' : ';'}`, left, doc.y, { width: half }));
  const recipientsBottom = doc.y;
  doc.font('bold').fontSize(13).text(t.signerTitle.toUpperCase(), right, signTop, { width: rightWidth, align: 'center' });
  doc.moveDown(4);
  doc.font('bold').fontSize(13).text(t.signerName, right, doc.y, { width: rightWidth, align: 'center' });
  doc.y = Math.max(doc.y, recipientsBottom);
  doc.end();
  return done;
}
