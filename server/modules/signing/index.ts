// The signing module as other modules see it: sign with a kept certificate, verify any PDF.
export { CertificateSealer } from './sealing.js';
export { readAll, signWithCertificate, verificationSummary, verifyPdf, verifyPdfForTenant, type SignedPdf, type Verification } from './service.js';
export { sealAppearance, signerAppearance } from './placement.js';
export { SignRequest, VerificationResponse } from './schemas.js';
