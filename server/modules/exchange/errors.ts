// The module's errors. Messages are Vietnamese because they reach the user (and, in a 02 status, the
// sender) as they are; `code` is stable for the HTTP error table when the lead wires routes.

export const EDXML_ERROR_CODES = [
  'EDXML_TOO_LARGE',
  'EDXML_NOT_UTF8',
  'EDXML_DTD_FORBIDDEN',
  'EDXML_MALFORMED',
  'EDXML_TOO_DEEP',
  'EDXML_NOT_EDXML',
  'EDXML_INVALID_FIELD',
  'EDXML_TOO_MANY_ATTACHMENTS',
  'EDXML_ATTACHMENT_TOO_LARGE',
  'EDXML_ATTACHMENT_MISSING',
  'EDXML_BAD_BASE64',
  'EDXML_BAD_ZIP',
  'EDXML_INVALID_OUTGOING',
  'EDXML_BAD_SIGNATURE',
] as const;
export type EdxmlErrorCode = (typeof EDXML_ERROR_CODES)[number];

/** A message we refuse to read, or refuse to send. */
export class EdxmlError extends Error {
  override readonly name = 'EdxmlError';

  constructor(
    readonly code: EdxmlErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
