import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportSentences } from './body.js';
import { periodicReportDocx } from './docx.js';
import { articleFigures, emptyFigures } from './fixture.js';
import { periodicReportPdf } from './pdf.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const PNG = [0x89, 0x50, 0x4e, 0x47];
const BAD = /NaN|undefined|Infinity|\[object/;

const HEADER_LINES = [
  'UBND TỈNH AN GIANG',
  'VĂN PHÒNG',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'BÁO CÁO',
  'Sơ kết kết quả công tác từ ngày 01/7/2025 đến ngày 31/8/2025',
  'I. KẾT QUẢ ĐẠT ĐƯỢC',
  '5. Chỉ số phục vụ người dân, doanh nghiệp',
  'II. TỒN TẠI, HẠN CHẾ',
  'Bảng 1. Số liệu theo cơ quan, đơn vị',
  'Nơi nhận:',
  'KT. CHÁNH VĂN PHÒNG',
  'PHÓ CHÁNH VĂN PHÒNG',
];

/** The package must open in Word: parts present, XML well-formed (the parser reports every error). */
function openDocx(bytes: Buffer) {
  const files = unzipSync(new Uint8Array(bytes));
  const errors: string[] = [];
  const parse = (name: string) => {
    const part = files[name];
    if (!part) throw new Error(`missing ${name}`);
    const report = (m: string) => errors.push(`${name}: ${m}`);
    return new DOMParser({ errorHandler: { warning: report, error: report, fatalError: report } }).parseFromString(strFromU8(part), 'text/xml');
  };
  const doc = parse('word/document.xml');
  const types = parse('[Content_Types].xml');
  const styles = parse('word/styles.xml');
  // each paragraph's text, its runs joined (as Word shows it)
  const paragraphs = Array.from(doc.getElementsByTagNameNS(W, 'p')).map((p) =>
    Array.from(p.getElementsByTagNameNS(W, 't'))
      .map((t) => t.textContent ?? '')
      .join(''),
  );
  return { files, errors, doc, types, styles, paragraphs };
}

/** The text layer of the PDF, page by page, as pdf.js reads it (what search and copy-paste see). */
async function pdfText(bytes: Buffer) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    // the text printed in each page's top margin (20 mm = 56,7 pt)
    const tops: string[] = [];
    let view: number[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      if (i === 1) view = page.view;
      const content = await page.getTextContent();
      const items = content.items.flatMap((it) => ('str' in it ? [it] : []));
      pages.push(items.map((it) => it.str).join(' '));
      tops.push(items.filter((it) => it.transform[5]! > page.view[3]! - 56.7 && it.str.trim()).map((it) => it.str.trim()).join(' '));
    }
    return { pages, tops, view };
  } finally {
    await pdf.destroy();
  }
}

// lines wrap and justify differently in the PDF: compare without any white space
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

describe('periodicReportDocx', () => {
  let docx: ReturnType<typeof openDocx>;
  beforeAll(async () => {
    docx = openDocx(await periodicReportDocx(articleFigures()));
  });

  it('is a well-formed Word package', () => {
    expect(docx.errors).toEqual([]);
    expect(Object.keys(docx.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', '_rels/.rels']));
    expect(strFromU8(docx.files['[Content_Types].xml']!)).toContain('wordprocessingml.document.main+xml');
    // every part the document points to is in the package (a dangling one makes Word refuse the file)
    const rels = new DOMParser().parseFromString(strFromU8(docx.files['word/_rels/document.xml.rels']!), 'text/xml');
    const targets = Array.from(rels.getElementsByTagName('Relationship')).filter((r) => r.getAttribute('TargetMode') !== 'External');
    expect(targets.length).toBeGreaterThan(3);
    for (const r of targets) expect(Object.keys(docx.files)).toContain(`word/${r.getAttribute('Target')!.replace(/^\/?(word\/)?/, '')}`);
  });

  it('holds every sentence of the report as a real paragraph, and the header lines', () => {
    for (const s of reportSentences(articleFigures())) expect(docx.paragraphs).toContain(s);
    for (const line of HEADER_LINES) expect(docx.paragraphs).toContain(line);
    expect(docx.paragraphs.some((p) => /^Số:\s+\/BC-UBND$/.test(p))).toBe(true);
    expect(docx.paragraphs.some((p) => /^An Giang, ngày\s+tháng\s+năm 2025$/.test(p))).toBe(true);
  });

  it('has real tables (header block, agencies, closing) and the two charts as pictures', () => {
    expect(docx.doc.getElementsByTagNameNS(W, 'tbl').length).toBe(3);
    for (const cell of ['Sở Xây dựng', '1.874', '94,21%', 'Tỷ lệ hồ sơ đúng hạn']) expect(docx.paragraphs).toContain(cell);
    const media = Object.keys(docx.files).filter((n) => n.startsWith('word/media/') && n.endsWith('.png'));
    expect(media).toHaveLength(2);
    for (const m of media) expect(Array.from(docx.files[m]!.slice(0, 4))).toEqual(PNG);
  });

  it('is A4 with the margins and font of Decree 30', () => {
    const twipToMm = (v: string | null) => (Number(v) / 1440) * 25.4;
    const size = docx.doc.getElementsByTagNameNS(W, 'pgSz')[0]!;
    expect(twipToMm(size.getAttributeNS(W, 'w'))).toBeCloseTo(210, 0);
    expect(twipToMm(size.getAttributeNS(W, 'h'))).toBeCloseTo(297, 0);
    const margin = docx.doc.getElementsByTagNameNS(W, 'pgMar')[0]!;
    const mm = (side: string) => Math.round(twipToMm(margin.getAttributeNS(W, side)));
    expect(mm('top')).toBeGreaterThanOrEqual(20);
    expect(mm('top')).toBeLessThanOrEqual(25);
    expect(mm('bottom')).toBeGreaterThanOrEqual(20);
    expect(mm('bottom')).toBeLessThanOrEqual(25);
    expect(mm('left')).toBeGreaterThanOrEqual(30);
    expect(mm('left')).toBeLessThanOrEqual(35);
    expect(mm('right')).toBeGreaterThanOrEqual(15);
    expect(mm('right')).toBeLessThanOrEqual(20);
    const defaults = docx.styles.getElementsByTagNameNS(W, 'rPrDefault')[0]!;
    expect(defaults.getElementsByTagNameNS(W, 'rFonts')[0]!.getAttributeNS(W, 'ascii')).toBe('Times New Roman');
    const halfPoints = Number(defaults.getElementsByTagNameNS(W, 'sz')[0]!.getAttributeNS(W, 'val'));
    expect(halfPoints / 2).toBeGreaterThanOrEqual(13);
    expect(halfPoints / 2).toBeLessThanOrEqual(14);
  });

  it('writes zero and missing figures in words, without charts or agency table', async () => {
    const empty = openDocx(await periodicReportDocx(emptyFigures()));
    expect(empty.errors).toEqual([]);
    const xml = strFromU8(empty.files['word/document.xml']!);
    expect(xml).not.toMatch(BAD);
    expect(empty.paragraphs).toContain('Trong kỳ, hệ thống chưa ghi nhận văn bản đến, văn bản đi nào.');
    expect(Object.keys(empty.files).filter((n) => n.startsWith('word/media/') && n.endsWith('.png'))).toEqual([]);
    expect(empty.doc.getElementsByTagNameNS(W, 'tbl').length).toBe(2);
  });
});

describe('periodicReportPdf', () => {
  it('is an A4 PDF whose text holds every sentence and the header lines', async () => {
    const bytes = await periodicReportPdf(articleFigures());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, tops, view } = await pdfText(bytes);
    expect(view[2]).toBeCloseTo(595.28, 1);
    expect(view[3]).toBeCloseTo(841.89, 1);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const all = squash(pages.join(' '));
    for (const s of reportSentences(articleFigures())) expect(all).toContain(squash(s));
    for (const line of HEADER_LINES) expect(all).toContain(squash(line));
    for (const figure of ['12.996', '4.397', '0,93', '68', '102', '2.175', '1.854', '82,08', '16/34']) expect(all).toContain(figure);
    // pages after the first are numbered at the top (Decree 30, App. I)
    expect(tops).toEqual(pages.map((_, i) => (i === 0 ? '' : String(i + 1))));
  });

  it('writes zero and missing figures in words', async () => {
    const { pages } = await pdfText(await periodicReportPdf(emptyFigures()));
    const all = pages.join(' ');
    expect(all).not.toMatch(BAD);
    expect(squash(all)).toContain(squash('Chỉ số phục vụ người dân, doanh nghiệp (Quyết định số 766/QĐ-TTg) trong kỳ chưa có số liệu.'));
  });
});

describe('renderReportCharts', () => {
  it('draws the index and trend charts as PNGs at 2,5 × their placed size', async () => {
    const { renderReportCharts } = await import('./charts.js');
    const charts = renderReportCharts(articleFigures());
    const size = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];
    // six groups: 60 + 6 × 36 = 276 px high
    expect(charts.index && [charts.index.width, charts.index.height]).toEqual([600, 276]);
    expect(size(charts.index!.png)).toEqual([1500, 690]);
    expect(size(charts.trend!.png)).toEqual([1500, 750]);
    expect(renderReportCharts(emptyFigures())).toEqual({});
  });
});
