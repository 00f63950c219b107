import { createHash, X509Certificate } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { and, eq, inArray } from 'drizzle-orm';
import { newId } from '../db/columns.js';
import type { Db } from '../db/open.js';
import { agencies, tenants, users } from '../modules/org/tables.js';
import { CertificateSealer } from '../modules/signing/sealing.js';
import { openPkcs12 } from '../modules/signing/signing-key.js';
import { signingCertificates, trustAnchors } from '../modules/signing/tables.js';
import { blueSignature, redSeal } from '../modules/signing/test-fixtures.js';
import { createDemoPki } from '../modules/signing/test-pki.js';
import type { BlobStore } from '../platform/files/blob-store.js';
import { files } from '../platform/files/tables.js';

/** The demo leaders who get a signing certificate, and the agency whose clerks keep its own. */
const SIGNERS = ['chanhvanphong', 'lanhdao', 'truongphong'];
const SEALING_AGENCY = 'VP';

/**
 * Lets a new user sign at once (`npm start`): a demonstration CA in the province's trust store, a
 * certificate with a blue signature image for each demo leader and the Office's own with a red seal, all
 * opened with the demo password. Runs once, with the demo data, never in production.
 */
export async function seedDemoSigning(db: Db, store: BlobStore, serverSecret: string, demoPassword: string): Promise<boolean> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.code, 'an-giang'));
  if (!tenant) return false;
  const [already] = await db.select({ id: trustAnchors.id }).from(trustAnchors).where(eq(trustAnchors.tenantId, tenant.id)).limit(1);
  if (already) return false;
  const [office] = await db.select().from(agencies).where(and(eq(agencies.tenantId, tenant.id), eq(agencies.shortName, SEALING_AGENCY)));
  const people = await db.select().from(users).where(inArray(users.username, SIGNERS));
  if (!office || people.length === 0) return false;

  const pki = await createDemoPki(
    people.map((p) => p.fullName),
    office.name,
    demoPassword,
  );
  const sealer = new CertificateSealer(serverSecret);
  const put = async (bytes: Uint8Array, name: string, owner: string) => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const temp = store.tempPath();
    await writeFile(temp, bytes);
    await store.putFromTemp(temp, sha256);
    const id = newId();
    await db.insert(files).values({ id, tenantId: tenant.id, sha256, size: bytes.length, mime: 'image/png', name, createdBy: owner });
    return id;
  };
  const b64 = (der: Uint8Array) => Buffer.from(der).toString('base64');
  const sha = (der: Uint8Array) => createHash('sha256').update(der).digest('hex');
  const admin = people[0]!.id;
  await db.insert(trustAnchors).values([
    { id: newId(), tenantId: tenant.id, kind: 'root', name: 'CA trình diễn Văn phòng số (không dùng thật)', validUntil: null, der: b64(pki.root), sha256: sha(pki.root), createdBy: admin },
    { id: newId(), tenantId: tenant.id, kind: 'crl', name: 'CA trình diễn Văn phòng số (không dùng thật)', validUntil: null, der: b64(pki.crl), sha256: sha(pki.crl), createdBy: admin },
  ]);
  // the same facts the certificates page shows for an uploaded file, read from the file itself
  const row = async (p12: Uint8Array, imageFileId: string, holder: { agencyId: string; userId: string | null; createdBy: string }, kind: 'personal' | 'organization') => {
    const cert = new X509Certificate((await openPkcs12(p12, demoPassword)).certificate);
    const cn = (dn: string) => /CN=([^\n]+)/.exec(dn)?.[1] ?? dn;
    return {
      id: newId(),
      tenantId: tenant.id,
      kind,
      agencyId: holder.agencyId,
      userId: holder.userId,
      label: 'Chứng thư số trình diễn',
      subjectName: cn(cert.subject),
      issuerName: cn(cert.issuer),
      serialNumber: cert.serialNumber.toUpperCase(),
      notBefore: new Date(cert.validFrom),
      notAfter: new Date(cert.validTo),
      certificate: Buffer.from(cert.raw).toString('base64'),
      sealedPkcs12: sealer.seal(p12),
      imageFileId,
      createdBy: holder.createdBy,
    };
  };
  for (const person of people) {
    const image = await put(blueSignature(), 'chu-ky.png', person.id);
    await db.insert(signingCertificates).values(await row(pki.people.get(person.fullName)!, image, { agencyId: person.agencyId, userId: person.id, createdBy: person.id }, 'personal'));
  }
  const seal = await put(redSeal(), 'con-dau.png', admin);
  await db.insert(signingCertificates).values(await row(pki.organization, seal, { agencyId: office.id, userId: null, createdBy: admin }, 'organization'));
  return true;
}
