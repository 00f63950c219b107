export type { PeriodicReportFigures } from './figures.js';
export { assertReportFigures, reportBody, reportSentences, type ReportBlock } from './body.js';
export { periodicReportDocx } from './docx.js';
export { periodicReportPdf } from './pdf.js';
