import { X509Certificate } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml, type SignatureAlgorithm } from 'xml-crypto';
import type { PdfSigningKey } from '../signing/index.js';

/**
 * The XML-DSig signature of an edXML message (QCVN 102:2016; domain file: `edXMLHeader` holds
 * `MessageHeader`, `TraceHeaderList`, `Signature`): an enveloped signature over the whole message
 * (Reference URI="", enveloped-signature + exclusive C14N, SHA-256), with the signer's certificate in
 * KeyInfo/X509Data. xml-crypto canonicalizes and checks; the signature value comes from a
 * `PdfSigningKey`, so the agency's key signs messages wherever it is kept.
 *
 * Messages reach this code only after `parseEdxml` accepted them (no DTD, bounded size and depth).
 */

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
/** Older gateways still sign with SHA-1; accepted on receipt, never sent. */
const ACCEPTED_SIGNATURES = new Set([RSA_SHA256, 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512']);
const ACCEPTED_TRANSFORMS = new Set([ENVELOPED, EXC_C14N, C14N, `${EXC_C14N}WithComments`, `${C14N}#WithComments`]);

const isSelfSigned = (der: Uint8Array) => {
  const c = new X509Certificate(der);
  return c.subject === c.issuer;
};

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Signs with the given key: xml-crypto hands over the canonical SignedInfo, the key signs it (RSA, SHA-256). */
function keySignature(key: PdfSigningKey): new () => SignatureAlgorithm {
  return class implements SignatureAlgorithm {
    getAlgorithmName() {
      return RSA_SHA256;
    }
    getSignature(signedInfo: unknown, placeholder: unknown): string;
    getSignature(signedInfo: unknown, placeholder: unknown, callback?: (err: Error | null, value?: string) => void): void;
    getSignature(signedInfo: unknown, _placeholder: unknown, callback?: (err: Error | null, value?: string) => void): string | void {
      if (!callback) throw new Error('edXML signatures are computed asynchronously');
      if (typeof signedInfo !== 'string' && !Buffer.isBuffer(signedInfo)) throw new Error('SignedInfo is text');
      const bytes = typeof signedInfo === 'string' ? Buffer.from(signedInfo, 'utf8') : signedInfo;
      key.sign(new Uint8Array(bytes), 'SHA-256').then(
        (value) => callback(null, Buffer.from(value).toString('base64')),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    }
    verifySignature(): boolean;
    verifySignature(): void;
    verifySignature(): boolean | void {
      throw new Error('not for verification');
    }
  };
}

/** Adds the agency's signature to a message built by `buildEdxml`, inside its `edXMLHeader`. */
export async function signEdxml(xml: string, key: PdfSigningKey): Promise<string> {
  if (key.keyType !== 'RSA') throw new Error('edXML messages are signed with RSA keys');
  const certificate = new X509Certificate(key.certificate);
  const subject = certificate.subject.split('\n').reverse().join(', ');
  const signer = new SignedXml({
    privateKey: 'held by the PdfSigningKey',
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
    // the signer's certificate first, then its issuers, so a receiver that trusts only the root can build the chain
    getKeyInfoContent: () =>
      `<X509Data><X509SubjectName>${escapeXml(subject)}</X509SubjectName>${[key.certificate, ...key.certificateChain.filter((c) => !isSelfSigned(c))]
        .map((der) => `<X509Certificate>${Buffer.from(der).toString('base64')}</X509Certificate>`)
        .join('')}</X509Data>`,
  });
  signer.SignatureAlgorithms[RSA_SHA256] = keySignature(key);
  signer.addReference({ xpath: '/*', uri: '', isEmptyUri: true, transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: SHA256 });
  return new Promise((resolve, reject) => {
    signer.computeSignature(xml, { location: { reference: "//*[local-name(.)='edXMLHeader']", action: 'append' } }, (err, signed) => {
      if (err || !signed) reject(err ?? new Error('no signature'));
      else resolve(signed.getSignedXml());
    });
  });
}

export type EdxmlSignature =
  | { present: false }
  | {
      present: true;
      /** the signature value verifies with the certificate and every reference digest matches */
      intact: boolean;
      /** why not intact, in Vietnamese */
      problem: string | null;
      /** the signer's certificate and any further certificates in KeyInfo, DER */
      certificate: Uint8Array | null;
      chain: Uint8Array[];
    };

const broken = (problem: string, certificate: Uint8Array | null = null, chain: Uint8Array[] = []): EdxmlSignature => ({ present: true, intact: false, problem, certificate, chain });

const children = (node: Element, localName: string, ns = DSIG) => Array.from(node.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === localName && (n as Element).namespaceURI === ns);

/** `<Signature …>…</Signature>` of the XML-DSig namespace, with any prefix. */
const SIGNATURE_ELEMENT = /<((?:[A-Za-z_][\w.-]*:)?)Signature[\s>][\s\S]*?<\/\1Signature\s*>/g;

/**
 * Checks the message's XML-DSig signature, if it has one. Strict about what counts: one signature, in
 * the header, whose single reference is the whole message (URI ""), with known transforms and an RSA
 * algorithm; then the digest and the signature value with the certificate it carries. Whether that
 * certificate is trusted is the caller's question (the tenant's trust store).
 *
 * The message is parsed as a DOM once, by xml-crypto's check (a 2 MB attachment costs a parse and a
 * canonicalization); the signature element alone is located in the text and parsed here.
 */
export function verifyEdxmlSignature(xml: string): EdxmlSignature {
  // a Signature element whose prefix (or the default namespace) is XML-DSig's, declared on it or above
  const declares = (prefix: string) => `xmlns${prefix ? `:${prefix}` : ''}="${DSIG}"`;
  const found = [...xml.matchAll(SIGNATURE_ELEMENT)].filter((m) => xml.includes(declares(m[1]!.slice(0, -1))));
  if (found.length === 0) return { present: false };
  if (found.length > 1) return broken('Thông điệp có nhiều hơn một chữ ký số');
  const text = found[0]![0];
  const at = found[0]!.index;
  const headerOpen = xml.search(/<(?:[\w.-]+:)?edXMLHeader[\s>]/);
  const headerClose = xml.search(/<\/(?:[\w.-]+:)?edXMLHeader\s*>/);
  if (headerOpen < 0 || headerClose < 0 || at < headerOpen || at > headerClose) return broken('Chữ ký số không nằm trong phần đầu (edXMLHeader) của thông điệp');
  // the element alone, with the namespace its prefix needs
  const prefix = found[0]![1]!.slice(0, -1);
  const standalone = text.includes(declares(prefix)) ? text : text.replace(/^<[^\s>]+/, (tag) => `${tag} ${declares(prefix)}`);
  const signature = new DOMParser({ errorHandler: () => undefined }).parseFromString(standalone, 'text/xml').documentElement;
  if (!signature || signature.localName !== 'Signature' || signature.namespaceURI !== DSIG) return broken('Chữ ký số của thông điệp không đọc được');

  const certificates = Array.from(signature.getElementsByTagNameNS(DSIG, 'X509Certificate')).map((n) => new Uint8Array(Buffer.from((n.textContent ?? '').replace(/\s+/g, ''), 'base64')));
  const readable = certificates.filter((der) => {
    try {
      return Boolean(new X509Certificate(der));
    } catch {
      return false;
    }
  });
  if (readable.length === 0) return broken('Chữ ký số không kèm chứng thư số đọc được');
  const [first, ...rest] = readable;

  const signedInfo = children(signature, 'SignedInfo')[0];
  const method = signedInfo && children(signedInfo, 'SignatureMethod')[0]?.getAttribute('Algorithm');
  if (!signedInfo || !method || !ACCEPTED_SIGNATURES.has(method)) return broken('Thuật toán chữ ký số của thông điệp không được chấp nhận', first, rest);
  const references = children(signedInfo, 'Reference');
  if (references.length !== 1 || references[0]!.getAttribute('URI') !== '') return broken('Chữ ký số không bao trùm toàn bộ thông điệp', first, rest);
  const transforms = Array.from(references[0]!.getElementsByTagNameNS(DSIG, 'Transform')).map((t) => t.getAttribute('Algorithm') ?? '');
  if (transforms.some((t) => !ACCEPTED_TRANSFORMS.has(t))) return broken('Chữ ký số dùng phép biến đổi không được chấp nhận', first, rest);

  // the signer's certificate is the one whose key verifies (a gateway may list its CA first); usually the first
  for (const candidate of readable) {
    const checker = new SignedXml({ publicCert: new X509Certificate(candidate).toString(), getCertFromKeyInfo: () => null });
    checker.loadSignature(standalone);
    try {
      if (checker.checkSignature(xml)) return { present: true, intact: true, problem: null, certificate: candidate, chain: readable.filter((c) => c !== candidate) };
    } catch {
      // a digest that does not match throws; try the next certificate, then report it broken
    }
    if (readable.length > 1 && checker.getReferences().some((r) => r.validationError)) break; // the content changed: no key can help
  }
  return broken('Chữ ký số của thông điệp không hợp lệ: nội dung đã bị thay đổi sau khi ký, hoặc chữ ký không khớp chứng thư số', first, rest);
}
