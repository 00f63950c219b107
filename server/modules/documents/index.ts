// The documents module as other modules see it.
export { getDocument, listIncoming, registerIncoming } from './service.js';
export { DOCUMENT_TYPE_CODES, DOCUMENT_TYPES, documentTypeName, type Confidentiality, type Urgency } from './document-types.js';
export {
  incomingProgressCode,
  issuedForExchange,
  recalledRecipientsToTell,
  recipientsAwaitingExchange,
  recordRecipientExchange,
  reopenRecipientsFor,
  withdrawIncoming,
  type IssuedForExchange,
} from './exchange-port.js';
