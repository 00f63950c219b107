/** Exchange (edXML, QCVN 102:2016): the library core. Storage, routes and delivery come later. */
export { buildEdxml, buildStatusEdxml } from './edxml-build.js';
export { DEFAULT_EDXML_LIMITS, parseEdxml } from './edxml-parse.js';
export { formatEdxmlDate, formatEdxmlTimestamp, parseEdxmlDate, parseEdxmlTimestamp } from './edxml-dates.js';
export { type DocumentIdParts, formatDocumentId, parseDocumentId } from './document-id.js';
export { EDXML_ERROR_CODES, EdxmlError, type EdxmlErrorCode } from './errors.js';
export * from './edxml-types.js';
