import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import { newId } from '../server/db/columns.js';
import { buildEdxml } from '../server/modules/exchange/edxml-build.js';
import { signEdxml } from '../server/modules/exchange/edxml-signature.js';
import { sampleMessage } from '../server/modules/exchange/test-fixtures.js';
import type { Db } from '../server/db/open.js';
import { documentFiles, documents } from '../server/modules/documents/tables.js';
import { agencies, units, users } from '../server/modules/org/tables.js';
import { signPdf } from '../server/modules/signing/pades.js';
import { CertificateSealer } from '../server/modules/signing/sealing.js';
import { openPkcs12 } from '../server/modules/signing/signing-key.js';
import { signingCertificates, trustAnchors } from '../server/modules/signing/tables.js';
import { blueSignature, onePagePdf, redSeal } from '../server/modules/signing/test-fixtures.js';
import { createTestPki } from '../server/modules/signing/test-pki.js';
import { DiskBlobStore } from '../server/platform/files/blob-store.js';
import { files } from '../server/platform/files/tables.js';

/** An edXML message from another province with a 2 MB PDF, its DocumentId left as EDXML_DOCUMENT_ID. */
export async function edxmlTemplate(): Promise<string> {
  const pdf = Buffer.concat([Buffer.from(await onePagePdf()), randomBytes(2 * 1024 * 1024)]);
  const m = sampleMessage();
  m.header.documentId = 'EDXML_DOCUMENT_ID';
  m.attachments = [{ ...m.attachments[0]!, bytes: new Uint8Array(pdf) }];
  return buildEdxml(m);
}

/**
 * `count` messages of the template, each with a DocumentId of its own, signed (XML-DSig) by a test
 * agency's key: the receiving side checks each signature, a 2.8 MB canonicalization per message.
 */
export async function signedEdxmlPool(template: string, count: number): Promise<string[]> {
  const pki = await createTestPki();
  const key = await openPkcs12(pki.p12.organization, pki.passphrase);
  const pool: string[] = [];
  for (let n = 0; n < count; n++) pool.push(await signEdxml(template.replace('EDXML_DOCUMENT_ID', `000.00.00.H41,2025/03/11,${n + 1}/UBND-VP`), key));
  return pool;
}

export interface SigningBench {
  /** approved outgoing documents waiting for chanhvanphong's signature */
  documentIds: string[];
  certificateId: string;
  passphrase: string;
  /** a PDF with the signer's and the agency's signatures, for the verification scenario */
  signedPdf: Uint8Array;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * What the signing scenarios need, written straight to the database (as an administrator, a leader and a
 * clerk would have made it): the test PKI in the trust store, chanhvanphong's certificate sealed with the
 * bench server's secret, `count` one-page PDFs approved and waiting for his signature.
 */
export async function prepareSigning(db: Db, filesDir: string, serverSecret: string, count: number): Promise<SigningBench> {
  const pki = await createTestPki();
  const [vp] = await db.select().from(agencies).where(eq(agencies.shortName, 'VP'));
  const [th] = await db.select().from(units).where(and(eq(units.agencyId, vp!.id), eq(units.shortName, 'TH')));
  const [signer] = await db.select().from(users).where(eq(users.username, 'chanhvanphong'));
  const [drafter] = await db.select().from(users).where(eq(users.username, 'chuyenvien'));
  const tenantId = vp!.tenantId;

  const anchors = [
    { kind: 'root' as const, name: 'CA gốc thử nghiệm', der: pki.root.der },
    { kind: 'intermediate' as const, name: 'CA trung gian thử nghiệm', der: pki.intermediate.der },
    ...pki.crls.map((der) => ({ kind: 'crl' as const, name: 'CRL', der })),
  ];
  await db.insert(trustAnchors).values(anchors.map((a) => ({ id: newId(), tenantId, kind: a.kind, name: a.name, der: b64(a.der), sha256: createHash('sha256').update(a.der).digest('hex'), createdBy: signer!.id })));

  const store = await new DiskBlobStore(filesDir).init();
  const put = async (bytes: Uint8Array, mime: string, name: string) => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const temp = store.tempPath();
    await writeFile(temp, bytes);
    await store.putFromTemp(temp, sha256);
    const id = newId();
    await db.insert(files).values({ id, tenantId, sha256, size: bytes.length, mime, name, createdBy: signer!.id });
    return id;
  };
  const imageFileId = await put(blueSignature(), 'image/png', 'chu-ky.png');
  const certificateId = newId();
  await db.insert(signingCertificates).values({
    id: certificateId,
    tenantId,
    kind: 'personal',
    agencyId: vp!.id,
    userId: signer!.id,
    label: 'Chứng thư số thử nghiệm',
    subjectName: 'Nguyễn Văn Bình',
    issuerName: 'CA trung gian thử nghiệm',
    serialNumber: '03E9',
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 365 * 86_400_000),
    certificate: b64(pki.person.der),
    sealedPkcs12: new CertificateSealer(serverSecret).seal(pki.p12.person),
    imageFileId,
    createdBy: signer!.id,
  });

  const pdf = await onePagePdf();
  const now = new Date();
  const documentIds: string[] = [];
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, (_, i) => ({ id: newId(), n: start + i + 1 }));
    await db.insert(documents).values(
      batch.map(({ id, n }) => ({
        id,
        tenantId,
        agencyId: vp!.id,
        direction: 'outgoing' as const,
        channel: 'electronic' as const,
        senderName: vp!.name,
        typeCode: 'CV',
        subject: `Về việc triển khai nhiệm vụ chuyển đổi số đợt ${n}`,
        signerName: signer!.fullName,
        urgency: 'normal',
        confidentiality: 'normal',
        status: 'approved' as const,
        draftingUnitId: th!.id,
        signerId: signer!.id,
        holderId: signer!.id,
        contentExtractedAt: now,
        createdBy: drafter!.id,
      })),
    );
    // each its own file row over the same bytes: the blob is stored once
    const fileIds = await Promise.all(batch.map(() => newId()));
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const temp = store.tempPath();
    await writeFile(temp, pdf);
    await store.putFromTemp(temp, sha256);
    await db.insert(files).values(fileIds.map((id) => ({ id, tenantId, sha256, size: pdf.length, mime: 'application/pdf', name: 'cong-van.pdf', createdBy: drafter!.id })));
    await db.insert(documentFiles).values(batch.map(({ id }, i) => ({ documentId: id, fileId: fileIds[i]!, role: 'main' as const, position: 0, version: 1 })));
    documentIds.push(...batch.map((b) => b.id));
  }

  // a document as the recipients get it: the signer's signature, then the agency's with the seal
  const person = await openPkcs12(pki.p12.person, pki.passphrase);
  const organization = await openPkcs12(pki.p12.organization, pki.passphrase);
  const once = await signPdf(pdf, { key: person, appearance: { pageIndex: 0, rect: { x: 320, y: 60, width: 220, height: 120 }, above: ['CHÁNH VĂN PHÒNG'], image: blueSignature(), below: ['Nguyễn Văn Bình'] } });
  const signedPdf = await signPdf(once, { key: organization, appearance: { pageIndex: 0, rect: { x: 300, y: 80, width: 110, height: 110 }, image: redSeal(), below: [vp!.name] } });
  return { documentIds, certificateId, passphrase: pki.passphrase, signedPdf };
}

/** A secret for the bench server, so that this process can seal certificates the server will open. */
export const benchSecret = (): string => randomBytes(32).toString('base64url');
