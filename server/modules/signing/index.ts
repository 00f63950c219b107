// The signing module as other modules see it: sign with a kept certificate, verify any PDF.
export { CertificateSealer } from './sealing.js';
export { SigningKeys } from './keyring.js';
export type { RemoteSigningService } from './remote-signing.js';
export type { PdfSigningKey } from './signing-key.js';
export { certificateTrust, exchangeSigningKey, readAll, signWithCertificate, verificationSummary, verifyPdf, verifyPdfForTenant, type SignedPdf, type Verification } from './service.js';
export { cornerTextAppearance, formatIsoVietnam } from './appearance.js';
export { InvalidPdfError, PdfSigningError } from './errors.js';
export { sealAppearance, signerAppearance } from './placement.js';
export { SignRequest, VerificationResponse } from './schemas.js';
