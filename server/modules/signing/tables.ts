import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from '../../db/columns.js';
import { files } from '../../platform/files/tables.js';
import { agencies, tenants, users } from '../org/tables.js';

export const CERTIFICATE_KINDS = ['personal', 'organization'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** Where the private key lives: a PKCS#12 file kept here, or a remote-signing service (a CA's cloud signing). */
export const CERTIFICATE_PROVIDERS = ['pkcs12', 'remote'] as const;
export type CertificateProvider = (typeof CERTIFICATE_PROVIDERS)[number];

/**
 * A signing certificate kept for its holder: a person's (the competent signer) or an agency's (the
 * organization signature the clerk adds). The PKCS#12 file is sealed with the server's key on top of
 * its own passphrase, which is asked at every signature and never stored. A remote key is named by the
 * service and its credential; the holder's access token is sealed the same way and the PIN or OTP is
 * asked at every signature.
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
    provider: text('provider', { enum: CERTIFICATE_PROVIDERS }).notNull().default('pkcs12'),
    /** the PKCS#12 file, AES-256-GCM with the server's key, base64 (iv | tag | ciphertext) */
    sealedPkcs12: text('sealed_pkcs12'),
    /** remote: the configured service (REMOTE_SIGNING_SERVICES) and the key's credential there */
    remoteServiceId: text('remote_service_id'),
    remoteCredentialId: text('remote_credential_id'),
    /** remote: the holder's access token at the service, sealed like a PKCS#12 file */
    sealedAccessToken: text('sealed_access_token'),
    /**
     * An agency's certificate its clerk allowed the server to use unattended, to sign the edXML messages
     * the exchange sends (as a gateway does): the passphrase, sealed. Null: asked at every use.
     */
    sealedUnattendedSecret: text('sealed_unattended_secret'),
    /** the blue handwritten signature (personal) or the red seal (organization), a transparent PNG */
    imageFileId: uuid('image_file_id').references(() => files.id),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('signing_certificates_holder_idx').on(t.tenantId, t.agencyId, t.kind, t.userId),
    check(
      'signing_certificates_key_ck',
      sql`(${t.provider} = 'pkcs12' AND ${t.sealedPkcs12} IS NOT NULL) OR (${t.provider} = 'remote' AND ${t.remoteServiceId} IS NOT NULL AND ${t.remoteCredentialId} IS NOT NULL AND ${t.sealedAccessToken} IS NOT NULL)`,
    ),
  ],
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
