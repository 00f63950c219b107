import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { PeriodicReportFigures } from './figures.js';
import { draftPlaceDate } from './format.js';

// Tinos is metric-compatible with Times New Roman (which Decree 30/2020 names and we may not ship) and has
// every Vietnamese letter: the PDF and the charts use it, the DOCX names Times New Roman itself.
const tinosDir = path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/tinos/package.json'));
export const TINOS = {
  regular: path.join(tinosDir, '400Regular', 'Tinos_400Regular.ttf'),
  bold: path.join(tinosDir, '700Bold', 'Tinos_700Bold.ttf'),
  italic: path.join(tinosDir, '400Regular_Italic', 'Tinos_400Regular_Italic.ttf'),
  boldItalic: path.join(tinosDir, '700Bold_Italic', 'Tinos_700Bold_Italic.ttf'),
} as const;

/** Decree 30/2020, App. I §I.4: A4, top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const PAGE_MM = { width: 210, height: 297, top: 20, bottom: 20, left: 30, right: 15 } as const;
export const TEXT_WIDTH_MM = PAGE_MM.width - PAGE_MM.left - PAGE_MM.right;

/**
 * Font sizes (pt) of Decree 30, App. I: national name 12–13, motto 13–14, body names 12–13, number 13,
 * place and date 13–14 italic, type name and subject 13–14 bold, body 13–14, "Nơi nhận:" 12 bold italic and
 * its lines 11, signer 13–14 bold. Tables are not prescribed; 12 keeps eight columns readable.
 */
export const SIZE = {
  nationalName: 12,
  motto: 13,
  bodyName: 12,
  number: 13,
  placeDate: 14,
  title: 14,
  body: 14,
  caption: 13,
  table: 12,
  recipientsLabel: 12,
  recipients: 11,
  signer: 14,
  pageNumber: 13,
} as const;

/** The header block splits the text width: the issuing body on the left, the national name on the right. */
export const HEADER_LEFT_SHARE = 0.4;

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/**
 * The two lines of the issuing body, upper case: the parent with "Ủy ban nhân dân" shortened to "UBND" (App. I
 * allows it for the parent's line), then the office. An office named after its committee ("Văn phòng Ủy ban
 * nhân dân tỉnh") is printed "VĂN PHÒNG", as the committee is already named on the line above.
 */
export function issuingBodyLines(f: PeriodicReportFigures): { parent: string; body: string } {
  const parent = f.tenantName.replace(/ủy ban nhân dân|uỷ ban nhân dân/iu, 'UBND').toLocaleUpperCase('vi');
  const named = /^(văn phòng)\s+(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\b/iu.exec(f.officeName.trim());
  const body = (named ? named[1]! : f.officeName.trim()).toLocaleUpperCase('vi');
  return { parent, body };
}

/** How the body text names the office: "Văn phòng" for the committee's office, else its full name. */
export function officeShortName(f: PeriodicReportFigures): string {
  return /^văn phòng\s+(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\b/iu.test(f.officeName.trim()) ? 'Văn phòng' : f.officeName.trim();
}

/** "Số:        /BC-UBND": the number is given by the clerk when the report is issued. */
export function numberLine(f: PeriodicReportFigures): string {
  return `Số:${'\u00a0'.repeat(8)}/${f.codeNotation?.trim() || 'BC-UBND'}`;
}

export function placeDateLine(f: PeriodicReportFigures): string {
  return draftPlaceDate(f.provinceName, f.generatedAt);
}

export const REPORT_TYPE = 'BÁO CÁO';

/** The subject under "BÁO CÁO" (Decree 30, App. I: the summary line of the document). */
export function reportSubject(f: PeriodicReportFigures): string {
  return `${f.kind === 'tong-ket' ? 'Tổng kết' : 'Sơ kết'} kết quả công tác ${f.period.label.trim()}`;
}

/** "Nơi nhận:" lines; the last one is the file copy (Decree 30, App. I §II.10: "Lưu: VT, …"). */
export const RECIPIENTS = ['Chủ tịch, các Phó Chủ tịch UBND tỉnh', 'Lãnh đạo Văn phòng', 'Các phòng, đơn vị thuộc Văn phòng', 'Lưu: VT, TH'];

export function recipientLines(): string[] {
  return RECIPIENTS.map((r, i) => `- ${r}${i === RECIPIENTS.length - 1 ? '.' : ';'}`);
}

/**
 * The signer's block of a deputy signing for the head (Decree 30, art. 13: "KT."), left for the drafter to
 * change: the name line is dotted, the report is a draft to edit before it is signed.
 */
export const SIGNER = { authority: 'KT. CHÁNH VĂN PHÒNG', position: 'PHÓ CHÁNH VĂN PHÒNG', name: '……………………………' } as const;

export const mmToPt = (mm: number) => (mm * 72) / 25.4;

let measurer: PDFKit.PDFDocument | null = null;

/** The printed width of a line in Tinos (= Times New Roman metrics), to size the rules drawn under titles. */
export function textWidthPt(text: string, font: 'regular' | 'bold', size: number): number {
  if (!measurer) {
    measurer = new PDFDocument({ autoFirstPage: false });
    measurer.registerFont('regular', TINOS.regular).registerFont('bold', TINOS.bold);
  }
  return measurer.font(font).fontSize(size).widthOfString(text);
}

/**
 * Decree 30, App. I: the rule under the issuing body's name and under the subject is a solid line 1/3 to 1/2
 * as long as the line above it, centered; 0.4 of it, no longer than the room it has.
 */
export const ruleWidthPt = (lineWidthPt: number, roomPt: number) => Math.min(lineWidthPt, roomPt) * 0.4;
