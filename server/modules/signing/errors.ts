// The module's errors. Messages are Vietnamese because they reach the user as they are; `code` is
// for the HTTP error table when the lead wires routes (it is not in platform/http/errors.ts yet).

/** A malformed or hostile PDF. */
export class InvalidPdfError extends Error {
  override readonly name = 'InvalidPdfError';
  readonly code = 'INVALID_PDF';
}

/** The key cannot be used: wrong passphrase, damaged file, or no certificate matching the key. */
export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
  readonly code = 'SIGNING_KEY_UNUSABLE';
}

/** The PDF cannot be signed without harming it, e.g. it could only be rewritten whole. */
export class PdfSigningError extends Error {
  override readonly name = 'PdfSigningError';
  readonly code = 'PDF_NOT_SIGNABLE';
}
