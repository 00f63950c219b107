/** Exchange (edXML, QCVN 102:2016): the message library, the received messages, and the transport between instances. */
export { buildEdxml, buildStatusEdxml } from './edxml-build.js';
export { DEFAULT_EDXML_LIMITS, parseEdxml } from './edxml-parse.js';
export { formatEdxmlDate, formatEdxmlTimestamp, parseEdxmlDate, parseEdxmlTimestamp } from './edxml-dates.js';
export { type DocumentIdParts, formatDocumentId, parseDocumentId } from './document-id.js';
export { EDXML_ERROR_CODES, EdxmlError, type EdxmlErrorCode } from './errors.js';
export * from './edxml-types.js';
export { deliverOutbox, enqueueIssuedDocuments, enqueueRecalls, httpSender, reportReceivedProgress, retryDelayMs, type ExchangeSender } from './transport.js';

/** The label of the key that seals the peers' API tokens (see signing's CertificateSealer). */
export const EXCHANGE_TOKEN_PURPOSE = 'exchange peer tokens v1';
