import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import { type ReportBlock, type ReportColumn, reportBody } from './body.js';
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
  TEXT_WIDTH_MM,
  issuingBodyLines,
  numberLine,
  placeDateLine,
  recipientLines,
  reportSubject,
  ruleWidthPt,
  textWidthPt,
} from './layout.js';

const FONT = 'Times New Roman';
const TWIP_PER_PT = 20;
const TEXT_WIDTH = convertMillimetersToTwip(TEXT_WIDTH_MM);
// Word's default cell margins (left and right), inside which a cell's paragraphs sit
const CELL_MARGIN = 108;
const FIRST_LINE = convertMillimetersToTwip(10);

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
const ALIGN: Record<ReportColumn['align'], Align> = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

interface TextStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  align?: Align;
  firstLine?: boolean;
  after?: number;
  before?: number;
  keepNext?: boolean;
}

/** One paragraph of one run, sizes in points (docx counts half-points and twips). */
function text(value: string, s: TextStyle): Paragraph {
  return new Paragraph({
    alignment: s.align ?? AlignmentType.CENTER,
    spacing: { before: (s.before ?? 0) * TWIP_PER_PT, after: (s.after ?? 0) * TWIP_PER_PT },
    ...(s.firstLine ? { indent: { firstLine: FIRST_LINE } } : {}),
    ...(s.keepNext ? { keepNext: true } : {}),
    children: [
      new TextRun({
        text: value,
        size: s.size * 2,
        ...(s.bold ? { bold: true } : {}),
        ...(s.italics ? { italics: true } : {}),
        ...(s.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
      }),
    ],
  });
}

/** A centered solid rule `widthPt` long in a room `roomTwip` wide: an empty paragraph with a bottom border. */
function rule(widthPt: number, roomTwip: number): Paragraph {
  const side = Math.max(0, Math.round((roomTwip - widthPt * TWIP_PER_PT) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 60, line: 40, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { size: 2 },
    children: [],
  });
}

const plainCell = (children: Paragraph[], width: number) =>
  new TableCell({ children, width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.TOP });

/** Decree 30, App. I: the issuing body and the number on the left, the national name, motto, place and date on the right. */
function headerBlock(f: PeriodicReportFigures): Table {
  const left = Math.round(TEXT_WIDTH * HEADER_LEFT_SHARE);
  const right = TEXT_WIDTH - left;
  const { parent, body } = issuingBodyLines(f);
  const bodyRoom = (left - 2 * CELL_MARGIN) / TWIP_PER_PT;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          plainCell(
            [
              text(parent, { size: SIZE.bodyName }),
              text(body, { size: SIZE.bodyName, bold: true }),
              rule(ruleWidthPt(textWidthPt(body, 'bold', SIZE.bodyName), bodyRoom), left - 2 * CELL_MARGIN),
            ],
            left,
          ),
          plainCell([text(NATIONAL_NAME, { size: SIZE.nationalName, bold: true }), text(MOTTO, { size: SIZE.motto, bold: true, underline: true })], right),
        ],
      }),
      new TableRow({
        children: [
          plainCell([text(numberLine(f), { size: SIZE.number, before: 4 })], left),
          plainCell([text(placeDateLine(f), { size: SIZE.placeDate, italics: true, before: 4 })], right),
        ],
      }),
    ],
  });
}

function titleBlock(f: PeriodicReportFigures): Paragraph[] {
  const subject = reportSubject(f);
  const room = TEXT_WIDTH / TWIP_PER_PT;
  return [
    text(REPORT_TYPE, { size: SIZE.title, bold: true, before: 18 }),
    text(subject, { size: SIZE.title, bold: true }),
    rule(ruleWidthPt(textWidthPt(subject, 'bold', SIZE.title), room), TEXT_WIDTH),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

const cellParagraph = (value: string, align: Align, bold = false) =>
  new Paragraph({ alignment: align, spacing: { before: 20, after: 20 }, children: [new TextRun({ text: value, size: SIZE.table * 2, bold })] });

function dataTable(block: Extract<ReportBlock, { kind: 'table' }>): (Paragraph | Table)[] {
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          shading: { type: ShadingType.CLEAR, fill: 'EDEDED', color: 'auto' },
          children: [cellParagraph(c.title, AlignmentType.CENTER, true)],
        }),
    ),
  });
  const rows = block.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.map((v, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: [cellParagraph(v, ALIGN[block.columns[i]!.align])] })),
      }),
  );
  const out: (Paragraph | Table)[] = [
    text(block.caption, { size: SIZE.caption, bold: true, before: 6, after: 4, keepNext: true }),
    new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [header, ...rows] }),
  ];
  if (block.note) out.push(text(block.note, { size: SIZE.table, italics: true, align: AlignmentType.LEFT, before: 3 }));
  out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  return out;
}

function chart(image: ChartImage, caption: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120 },
      children: [new ImageRun({ type: 'png', data: image.png, transformation: { width: image.width, height: image.height }, altText: { name: caption, description: caption, title: caption } })],
    }),
    text(caption, { size: SIZE.caption, italics: true, after: 8 }),
  ];
}

function bodyBlocks(blocks: ReportBlock[], charts: Partial<Record<string, ChartImage>>): (Paragraph | Table)[] {
  return blocks.flatMap((b): (Paragraph | Table)[] => {
    switch (b.kind) {
      case 'heading':
        return [text(b.text, { size: SIZE.body, bold: true, align: AlignmentType.JUSTIFIED, firstLine: true, before: b.level === 1 ? 6 : 3, after: 6, keepNext: true })];
      case 'paragraph':
        return [
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: FIRST_LINE },
            // Decree 30, App. I: at least 6 pt between paragraphs, lines from single to 1.5
            spacing: { after: 6 * TWIP_PER_PT, line: 288, lineRule: LineRuleType.AUTO },
            children: [new TextRun({ text: b.text, size: SIZE.body * 2, ...(b.italic ? { italics: true } : {}) })],
          }),
        ];
      case 'chart': {
        const image = charts[b.chart];
        return image ? chart(image, b.caption) : [];
      }
      case 'table':
        return dataTable(b);
    }
  });
}

/** "Nơi nhận:" on the left and the signer's block on the right, side by side as Decree 30 places them. */
function closingBlock(): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const right = TEXT_WIDTH - left;
  const leftAligned = { align: AlignmentType.LEFT } as const;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          plainCell([text('Nơi nhận:', { size: SIZE.recipientsLabel, bold: true, italics: true, ...leftAligned }), ...recipientLines().map((r) => text(r, { size: SIZE.recipients, ...leftAligned }))], left),
          plainCell(
            [
              text(SIGNER.authority, { size: SIZE.signer, bold: true }),
              text(SIGNER.position, { size: SIZE.signer, bold: true }),
              ...[0, 1, 2, 3].map(() => new Paragraph({ children: [] })),
              text(SIGNER.name, { size: SIZE.signer, bold: true }),
            ],
            right,
          ),
        ],
      }),
    ],
  });
}

/** Decree 30, App. I §I.5: page numbers centered in the top margin, from the second page on. */
const pageNumberHeader = () =>
  new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.pageNumber * 2 })] })] });

/**
 * The periodic report as an editable Word document: A4 with Decree 30 margins, Times New Roman, real paragraphs
 * and tables (the charts are pictures), ready to be edited and registered as an outgoing draft.
 */
export async function periodicReportDocx(f: PeriodicReportFigures): Promise<Buffer> {
  const blocks = reportBody(f);
  const charts = renderReportCharts(f);
  const doc = new Document({
    title: `${REPORT_TYPE} ${reportSubject(f)}`,
    subject: reportSubject(f),
    creator: 'Văn phòng số',
    description: 'Dự thảo báo cáo tạo từ số liệu của hệ thống',
    styles: { default: { document: { run: { font: FONT, size: SIZE.body * 2, language: { value: 'vi-VN' } } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: convertMillimetersToTwip(PAGE_MM.width), height: convertMillimetersToTwip(PAGE_MM.height) },
            margin: {
              top: convertMillimetersToTwip(PAGE_MM.top),
              bottom: convertMillimetersToTwip(PAGE_MM.bottom),
              left: convertMillimetersToTwip(PAGE_MM.left),
              right: convertMillimetersToTwip(PAGE_MM.right),
              header: convertMillimetersToTwip(10),
              footer: convertMillimetersToTwip(10),
            },
          },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children: [headerBlock(f), ...titleBlock(f), ...bodyBlocks(blocks, charts), new Paragraph({ spacing: { after: 120 }, children: [] }), closingBlock()],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
