// The documents module as other modules see it.
export { documentDetail, getDocument, listIncoming, registerIncoming } from './service.js';
// Other modules draft outgoing texts of their own (a meeting's invitation, its conclusion notice).
export { createOutgoingDraft } from './outgoing.js';
export { DOCUMENT_TYPE_CODES, DOCUMENT_TYPES, documentTypeName, type Confidentiality, type Urgency } from './document-types.js';
export {
  checkCorrection,
  correctIncoming,
  incomingProgressCode,
  incomingReference,
  issuedForExchange,
  linkReplacement,
  recalledRecipientsToTell,
  recipientsAwaitingExchange,
  recordRecipientExchange,
  reopenRecipientsFor,
  withdrawIncoming,
  type FieldChange,
  type IncomingCorrection,
  type IssuedForExchange,
  type RefusedCorrection,
} from './exchange-port.js';
