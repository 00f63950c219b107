// A throw-away PKI for tests, generated at run time: no key ever lands in the repository.
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const crypto = webcrypto as unknown as Crypto;
pkijs.setEngine('node-webcrypto', new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto }));

const RSA: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const DAY = 86_400_000;
const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  country: '2.5.4.6',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35',
  keyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
};

export interface TestIdentity {
  cert: pkijs.Certificate;
  keys: CryptoKeyPair;
  /** DER of the certificate. */
  der: Uint8Array;
}

export interface TestPki {
  root: TestIdentity;
  intermediate: TestIdentity;
  /** A root nobody trusts, with its own end-entity certificate. */
  strangerRoot: TestIdentity;
  /** CRLs (DER) of the root and of the intermediate; the latter lists the `revoked` user. */
  crls: Uint8Array[];
  passphrase: string;
  /** PKCS#12 files holding key + certificate + chain, all sealed with `passphrase`. */
  p12: { person: Uint8Array; organization: Uint8Array; expired: Uint8Array; revoked: Uint8Array; stranger: Uint8Array };
  /** The person's key again, with the CA certificates listed before the person's own. */
  p12CaFirst: Uint8Array;
  person: TestIdentity;
  organization: TestIdentity;
}

interface NameParts {
  cn: string;
  o?: string;
}

/**
 * Names are UTF8String: Vietnamese does not fit PrintableString. Built as ASN.1 by hand because pkijs
 * would put every attribute into one multi-valued RDN ("C=VN + O=… + CN=…").
 */
function name(parts: NameParts): pkijs.RelativeDistinguishedNames {
  const rdn = (type: string, value: asn1js.BaseBlock) =>
    new asn1js.Set({ value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: type }), value] })] });
  const rdns = [rdn(OID.country, new asn1js.PrintableString({ value: 'VN' }))];
  if (parts.o) rdns.push(rdn(OID.organization, new asn1js.Utf8String({ value: parts.o })));
  rdns.push(rdn(OID.commonName, new asn1js.Utf8String({ value: parts.cn })));
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: rdns }).toBER(false));
}

const newKeys = () => crypto.subtle.generateKey(RSA, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
const serialOf = (n: number) => new asn1js.Integer({ value: n });

function extension(extnID: string, value: asn1js.BaseBlock, critical = false): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

async function keyId(key: CryptoKey): Promise<asn1js.OctetString> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', key));
  const info = pkijs.PublicKeyInfo.fromBER(spki);
  const digest = await crypto.subtle.digest('SHA-1', info.subjectPublicKey.valueBlock.valueHexView.slice());
  return new asn1js.OctetString({ valueHex: digest });
}

/** KeyUsage bits, first octet: digitalSignature 0x80, nonRepudiation 0x40, keyCertSign 0x04, cRLSign 0x02. */
const keyUsage = (bits: number) => new asn1js.BitString({ valueHex: new Uint8Array([bits]).buffer, unusedBits: 1 });

interface IssueOptions {
  ca?: boolean;
  notBefore?: Date;
  notAfter?: Date;
}

async function issue(subject: NameParts, serial: number, issuer: TestIdentity | 'self', opts: IssueOptions = {}): Promise<TestIdentity> {
  const keys = await newKeys();
  const signer = issuer === 'self' ? { keys, name: name(subject) } : { keys: issuer.keys, name: issuer.cert.subject };
  const cert = new pkijs.Certificate({ version: 2, serialNumber: serialOf(serial) });
  cert.issuer = signer.name;
  cert.subject = name(subject);
  cert.notBefore.value = opts.notBefore ?? new Date(Date.now() - 30 * DAY);
  cert.notAfter.value = opts.notAfter ?? new Date(Date.now() + 365 * DAY);
  const constraints = new pkijs.BasicConstraints({ cA: opts.ca ?? false });
  cert.extensions = [
    extension(OID.basicConstraints, constraints.toSchema(), true),
    extension(OID.keyUsage, keyUsage(opts.ca ? 0x06 : 0xc0), true),
    extension(OID.subjectKeyId, await keyId(keys.publicKey)),
    extension(OID.authorityKeyId, new pkijs.AuthorityKeyIdentifier({ keyIdentifier: await keyId(signer.keys.publicKey) }).toSchema()),
  ];
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign(signer.keys.privateKey, 'SHA-256');
  return { cert, keys, der: new Uint8Array(cert.toSchema(true).toBER(false)) };
}

const caValidity = { ca: true, notBefore: new Date(Date.now() - 3650 * DAY), notAfter: new Date(Date.now() + 3650 * DAY) };

async function crl(issuer: TestIdentity, revokedSerials: number[], validDays = 7): Promise<Uint8Array> {
  const list = new pkijs.CertificateRevocationList({
    version: 1,
    issuer: issuer.cert.subject,
    thisUpdate: new pkijs.Time({ type: 0, value: new Date(Date.now() - DAY) }),
    nextUpdate: new pkijs.Time({ type: 0, value: new Date(Date.now() + validDays * DAY) }),
  });
  if (revokedSerials.length > 0) {
    list.revokedCertificates = revokedSerials.map(
      (serial) =>
        new pkijs.RevokedCertificate({
          userCertificate: serialOf(serial),
          revocationDate: new pkijs.Time({ type: 0, value: new Date(Date.now() - DAY) }),
        }),
    );
  }
  await list.sign(issuer.keys.privateKey, 'SHA-256');
  return new Uint8Array(list.toSchema(true).toBER(false));
}

/**
 * A PKCS#12 as the CAs hand them out: PBES2 (AES-256, PBKDF2-SHA-256) for the key and the
 * certificates, an HMAC-SHA-256 integrity MAC. Built with pkijs so UTF-8 names stay byte-exact.
 */
export async function makePkcs12(who: TestIdentity, chain: TestIdentity[], passphrase: string, caFirst = false): Promise<Uint8Array> {
  const password = new TextEncoder().encode(passphrase).buffer as ArrayBuffer;
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', who.keys.privateKey);
  const keyInfo = new pkijs.PrivateKeyInfo({ schema: asn1js.fromBER(pkcs8).result });
  const keyBag = new pkijs.PKCS8ShroudedKeyBag({ parsedValue: keyInfo });
  const certBag = (id: TestIdentity) =>
    new pkijs.SafeBag({
      bagId: OID.certBag,
      bagValue: new pkijs.CertBag({ parsedValue: id.cert }),
    });
  // pkijs types ask for an IV but draw a random one itself
  const aes = { name: 'AES-CBC' as const, length: 256, iv: new Uint8Array(16) };
  const pbes2 = { password, contentEncryptionAlgorithm: aes, hmacHashAlgorithm: 'SHA-256', iterationCount: 2048 };
  await keyBag.makeInternalValues(pbes2);
  const safe = new pkijs.AuthenticatedSafe({
    parsedValue: {
      safeContents: [
        { privacyMode: 0, value: new pkijs.SafeContents({ safeBags: [new pkijs.SafeBag({ bagId: OID.keyBag, bagValue: keyBag })] }) },
        { privacyMode: 1, value: new pkijs.SafeContents({ safeBags: (caFirst ? [...chain, who] : [who, ...chain]).map(certBag) }) },
      ],
    },
  });
  await safe.makeInternalValues({ safeContents: [{}, pbes2] });
  const pfx = new pkijs.PFX({ parsedValue: { integrityMode: 0, authenticatedSafe: safe } });
  await pfx.makeInternalValues({ password, iterations: 2048, pbkdf2HashAlgorithm: 'SHA-256', hmacHashAlgorithm: 'SHA-256' });
  return new Uint8Array(pfx.toSchema().toBER(false));
}

const ORG = 'Ủy ban nhân dân tỉnh An Giang';

/** Builds the whole test PKI: eight RSA-2048 keys, about a second, so build it once per test file. */
export async function createTestPki(): Promise<TestPki> {
  const root = await issue({ cn: 'CA gốc thử nghiệm Văn phòng số', o: 'Văn phòng số (thử nghiệm)' }, 1, 'self', caValidity);
  const intermediate = await issue({ cn: 'CA trung gian thử nghiệm', o: 'Văn phòng số (thử nghiệm)' }, 2, root, caValidity);
  const strangerRoot = await issue({ cn: 'CA lạ không được tin cậy' }, 3, 'self', caValidity);
  const person = await issue({ cn: 'Nguyễn Văn Bình', o: ORG }, 1001, intermediate);
  const organization = await issue({ cn: ORG, o: ORG }, 1002, intermediate);
  const expired = await issue({ cn: 'Trần Thị Hết Hạn', o: ORG }, 1003, intermediate, {
    notBefore: new Date(Date.now() - 400 * DAY),
    notAfter: new Date(Date.now() - 35 * DAY),
  });
  const revoked = await issue({ cn: 'Lê Văn Thu Hồi', o: ORG }, 1004, intermediate);
  const stranger = await issue({ cn: 'Phạm Người Lạ' }, 1005, strangerRoot);
  const passphrase = 'mật-khẩu thử nghiệm';
  const chain = [intermediate, root];
  return {
    root,
    intermediate,
    strangerRoot,
    crls: [await crl(root, []), await crl(intermediate, [1004])],
    passphrase,
    p12: {
      person: await makePkcs12(person, chain, passphrase),
      organization: await makePkcs12(organization, chain, passphrase),
      expired: await makePkcs12(expired, chain, passphrase),
      revoked: await makePkcs12(revoked, chain, passphrase),
      stranger: await makePkcs12(stranger, [strangerRoot], passphrase),
    },
    p12CaFirst: await makePkcs12(person, [root, intermediate], passphrase, true),
    person,
    organization,
  };
}

export interface DemoPki {
  root: Uint8Array;
  crl: Uint8Array;
  /** a PKCS#12 per name, sealed with the demo password */
  people: Map<string, Uint8Array>;
  organization: Uint8Array;
}

/**
 * The demo province's PKI (`npm start`): a root that says it is for demonstration only, a certificate for
 * each leader and one for the Office, so a new user can sign and verify at once. Never in production:
 * the demo seed does not run there.
 */
export async function createDemoPki(people: string[], organizationName: string, passphrase: string): Promise<DemoPki> {
  const root = await issue({ cn: 'CA trình diễn Văn phòng số (không dùng thật)', o: 'Văn phòng số — bản trình diễn' }, 1, 'self', caValidity);
  const chain = [root];
  const signed = new Map<string, Uint8Array>();
  let serial = 100;
  for (const person of people) signed.set(person, await makePkcs12(await issue({ cn: person, o: organizationName }, (serial += 1), root), chain, passphrase));
  const organization = await makePkcs12(await issue({ cn: organizationName, o: organizationName }, 99, root), chain, passphrase);
  return { root: root.der, crl: await crl(root, [], 3650), people: signed, organization };
}
