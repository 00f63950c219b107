import { boolean, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from '../../db/columns.js';
import { files } from '../../platform/files/tables.js';
import { agencies, tenants, users } from '../org/tables.js';

export const CERTIFICATE_KINDS = ['personal', 'organization'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/**
 * A signing certificate kept for its holder: a person's (the competent signer) or an agency's (the
 * organization signature the clerk adds). The PKCS#12 file is sealed with the server's key on top of
 * its own passphrase, which is asked at every signature and never stored.
 */
export const signingCertificates = pgTable(
  'signing_certificates',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    kind: text('kind', { enum: CERTIFICATE_KINDS }).notNull(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    /** the holder of a personal certificate; null for an agency's */
    userId: uuid('user_id').references(() => users.id),
    label: text('label').notNull(),
    subjectName: text('subject_name').notNull(),
    issuerName: text('issuer_name').notNull(),
    serialNumber: text('serial_number').notNull(),
    notBefore: instant('not_before').notNull(),
    notAfter: instant('not_after').notNull(),
    /** DER of the certificate, base64: public */
    certificate: text('certificate').notNull(),
    /** the PKCS#12 file, AES-256-GCM with the server's key, base64 (iv | tag | ciphertext) */
    sealedPkcs12: text('sealed_pkcs12').notNull(),
    /** the blue handwritten signature (personal) or the red seal (organization), a transparent PNG */
    imageFileId: uuid('image_file_id').references(() => files.id),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('signing_certificates_holder_idx').on(t.tenantId, t.agencyId, t.kind, t.userId)],
);

export const TRUST_ANCHOR_KINDS = ['root', 'intermediate', 'crl'] as const;
export type TrustAnchorKind = (typeof TRUST_ANCHOR_KINDS)[number];

/** The tenant's trust store: root and intermediate CA certificates and CRLs, kept by the administrator. */
export const trustAnchors = pgTable(
  'trust_anchors',
  {
    id: id(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    kind: text('kind', { enum: TRUST_ANCHOR_KINDS }).notNull(),
    /** the certificate's subject, or the CRL's issuer */
    name: text('name').notNull(),
    /** certificate: end of validity; CRL: its next update */
    validUntil: instant('valid_until'),
    der: text('der').notNull(),
    sha256: text('sha256').notNull(),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('trust_anchors_sha256_uq').on(t.tenantId, t.sha256)],
);
