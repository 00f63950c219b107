import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildEdxml, buildStatusEdxml } from './edxml-build.js';
import { parseEdxml } from './edxml-parse.js';
import { formatDocumentId, parseDocumentId } from './document-id.js';
import { formatEdxmlTimestamp, parseEdxmlDate, parseEdxmlTimestamp } from './edxml-dates.js';
import { EdxmlError } from './errors.js';
import type { EdxmlMessage, EdxmlStatus, ParsedEdxml } from './edxml-types.js';
import { NS, PDF_BYTES, domainIllustration, handWritten, sampleMessage, sampleStatus, statusXml, zipped } from './test-fixtures.js';

function parseDocument(xml: string | Uint8Array): EdxmlMessage {
  const parsed = parseEdxml(xml);
  if (parsed.kind !== 'document') throw new Error(`expected a document, got ${parsed.kind}`);
  return parsed.message;
}

function parseStatus(xml: string): EdxmlStatus {
  const parsed: ParsedEdxml = parseEdxml(xml);
  if (parsed.kind !== 'status') throw new Error(`expected a status, got ${parsed.kind}`);
  return parsed.status;
}

describe('buildEdxml', () => {
  it('prefixes every element with edXML:, in the observed order, with Bussiness and Vietnam time', () => {
    const xml = buildEdxml(sampleMessage());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><edXML:edXML xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">')).toBe(true);
    expect(xml).not.toMatch(/<(?!edXML:|\/edXML:|\?xml)/);
    const order = ['From', 'To', 'DocumentId', 'Code', 'PromulgationInfo', 'DocumentType', 'Subject', 'Content', 'SignerInfo', 'DueDate', 'ToPlaces', 'OtherInfo', 'SteeringType', 'ResponseFor'];
    const positions = order.map((name) => xml.indexOf(`<edXML:${name}>`));
    expect(positions.every((at) => at > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(xml).toContain('<edXML:Bussiness><edXML:BussinessDocType>0</edXML:BussinessDocType>');
    expect(xml).toContain('<edXML:Timestamp>2025/03/10 15:02:11</edXML:Timestamp>');
    expect(xml).toContain('<edXML:PromulgationDate>2025/03/10</edXML:PromulgationDate>');
    expect(xml).toContain('<edXML:ContentId>cid:3f2a9c1e-0000-4000-8000-000000000001</edXML:ContentId>');
    expect(xml).toContain(`<edXML:ContentTransferEncoded>${Buffer.from(PDF_BYTES).toString('base64')}</edXML:ContentTransferEncoded>`);
    expect(xml).toContain('&amp; kế hoạch &lt;quý II&gt;');
  });

  it('refuses what it must not send', () => {
    const bad = (change: (m: EdxmlMessage) => void) => {
      const message = sampleMessage();
      change(message);
      return () => buildEdxml(message);
    };
    expect(bad((m) => (m.header.from.organId = 'H41'))).toThrow(EdxmlError);
    expect(bad((m) => m.header.to.push({ organId: '000.00.00.G22' }))).toThrow(/trùng/);
    expect(bad((m) => (m.header.subject = 'x'.repeat(501)))).toThrow(/500/);
    expect(bad((m) => (m.header.subject = 'a\u0000b'))).toThrow(/ký tự không hợp lệ/);
    expect(bad((m) => (m.header.code.codeNotation = 'UBND VP'))).toThrow(/khoảng trắng/);
    expect(bad((m) => (m.attachments[0]!.bytes = new Uint8Array()))).toThrow(/rỗng/);
    expect(() => buildStatusEdxml(sampleStatus('02'))).toThrow(/lý do/);
  });

  it('escapes text that looks like references (xmlbuilder2 would pass "&amp;" and "&x;" through)', () => {
    const message = sampleMessage();
    message.header.subject = 'R&D; &amp; &#65; &lt;';
    expect(buildEdxml(message)).toContain('<edXML:Subject>R&amp;D; &amp;amp; &amp;#65; &amp;lt;</edXML:Subject>');
    expect(parseDocument(buildEdxml(message)).header.subject).toBe('R&D; &amp; &#65; &lt;');
  });

  it('writes text as NFC', () => {
    const message = sampleMessage();
    message.header.subject = 'Ke\u0302\u0301 hoa\u0323ch'; // "Kế hoạch" decomposed
    expect(buildEdxml(message)).toContain('<edXML:Subject>Kế hoạch</edXML:Subject>');
  });
});

describe('round trip', () => {
  it('parses what it builds into the same message and identical bytes', () => {
    const message = sampleMessage();
    const parsed = parseDocument(buildEdxml(message));
    expect(parsed).toEqual(message);
    expect(Buffer.from(parsed.attachments[0]!.bytes).equals(Buffer.from(PDF_BYTES))).toBe(true);
  });

  it('round-trips the business kinds revoke, update and replace', () => {
    for (const businessDocType of [1, 2, 3] as const) {
      const message = sampleMessage();
      message.trace.business = {
        businessDocType,
        businessDocReason: 'Sai sót về thể thức',
        documentId: message.header.documentId,
        paper: true,
        staffInfo: [],
        documentInfo: businessDocType === 2 ? { documentInfo: '1', documentReceiver: '0', receivers: [{ receiverType: '1', organId: '000.00.00.G22' }] } : undefined,
        replacements: businessDocType === 3 ? [{ documentId: '000.00.00.H41,2025/03/01,300/UBND-VP', organIds: ['000.00.00.G22'] }] : [],
      };
      expect(parseDocument(buildEdxml(message))).toEqual(message);
    }
  });

  it('round-trips status messages and reads the bytes form', () => {
    const status = sampleStatus('03', 'Đã vào sổ văn bản đến số 120');
    expect(parseStatus(buildStatusEdxml(status))).toEqual(status);
    expect(parseEdxml(Buffer.from(buildStatusEdxml(status)))).toMatchObject({ kind: 'status', status });
  });
});

describe('liberal reading', () => {
  const expectSample = (message: EdxmlMessage) => {
    expect(message.header.from.organId).toBe('000.00.00.H41');
    expect(message.header.subject).toBe('V/v báo cáo tình hình & kế hoạch');
    expect(message.header.promulgationInfo.promulgationDate).toBe('2025-03-10');
    expect(message.trace.traceHeaders[0]!.timestamp.toISOString()).toBe('2025-03-10T08:02:11.000Z');
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]).toMatchObject({ contentId: '3f2a', attachmentName: '345-UBND-VP.pdf', contentType: 'application/pdf', description: 'Văn bản chính' });
    expect(Buffer.from(message.attachments[0]!.bytes).equals(Buffer.from(PDF_BYTES))).toBe(true);
  };

  it('reads unprefixed elements in a default namespace', () => expectSample(parseDocument(handWritten())));
  it("reads the domain file's mix of default namespace and edXML: prefix", () => expectSample(parseDocument(domainIllustration())));
  it('reads any prefix bound to the namespace', () => expectSample(parseDocument(handWritten({ prefix: 'ns2' }))));
  it('reads elements in no namespace at all', () => expectSample(parseDocument(handWritten({ root: '<edXML>' }))));

  it('ignores elements of other namespaces (the XML-DSig Signature) and refuses unbound prefixes', () => {
    const foreign = handWritten().replace('<Subject>', '<x:Subject xmlns:x="urn:other">').replace('</Subject>', '</x:Subject>');
    expect(parseDocument(foreign).header.subject).toBeUndefined();
    const unbound = handWritten().replace('<Subject>', '<x:Subject>').replace('</Subject>', '</x:Subject>');
    expect(() => parseEdxml(unbound)).toThrow(expect.objectContaining({ code: 'EDXML_MALFORMED' }));
  });

  it('reads Business and Bussiness, with the doc type defaulting to 0 (new)', () => {
    expect(parseDocument(handWritten({ business: 'Business', docType: '3' })).trace.business.businessDocType).toBe(3);
    expect(parseDocument(handWritten({ business: 'Bussiness', docType: '1' })).trace.business.businessDocType).toBe(1);
    expect(parseDocument(handWritten()).trace.business.businessDocType).toBe(0);
    expect(() => parseEdxml(handWritten({ docType: '7' }))).toThrow(expect.objectContaining({ code: 'EDXML_INVALID_FIELD' }));
  });

  it("reads Bkav's dd/MM/yyyy dates and ISO timestamps", () => {
    const bkav = parseDocument(handWritten({ business: 'Business', timestamp: '10/03/2025 15:02:11', promulgationDate: '10/03/2025' }));
    expectSample(bkav);
    const iso = parseDocument(handWritten({ timestamp: '2025-03-10T08:02:11Z' }));
    expect(iso.trace.traceHeaders[0]!.timestamp.toISOString()).toBe('2025-03-10T08:02:11.000Z');
  });

  it('unwraps a zipped attachment (deflated or stored), and leaves multi-entry containers such as DOCX alone', () => {
    const deflated = Buffer.from(zipped('345-UBND-VP.pdf', PDF_BYTES)).toString('base64');
    expectSample(parseDocument(handWritten({ payload: deflated })));
    const stored = Buffer.from(zipped('345-UBND-VP.pdf', PDF_BYTES, 0)).toString('base64');
    expectSample(parseDocument(handWritten({ payload: stored })));
    // Base64 wrapped at 76 columns with CRs written as references, as Java serializers do.
    const wrapped = deflated.replace(/(.{76})/g, '$1&#13;\n');
    expectSample(parseDocument(handWritten({ payload: wrapped })));
  });

  it('returns a multi-entry ZIP (a DOCX) unchanged', () => {
    const docx = zipSync({ '[Content_Types].xml': new Uint8Array([60, 63]), 'word/document.xml': new Uint8Array([60, 119]) });
    const xml = handWritten({ payload: Buffer.from(docx).toString('base64') });
    expect(Buffer.from(parseDocument(xml).attachments[0]!.bytes).equals(Buffer.from(docx))).toBe(true);
  });

  it('reads status messages with codes 03 and 13', () => {
    const accepted = parseStatus(statusXml('03'));
    expect(accepted).toMatchObject({ statusCode: '03', from: { organId: '000.00.00.G22' }, responseFor: { documentId: '000.00.00.H41,2025/03/10,345/UBND-VP', promulgationDate: '2025-03-10' } });
    expect(accepted.timestamp.toISOString()).toBe('2025-03-10T09:15:00.000Z');
    expect(parseStatus(statusXml('13', '2025/03/11 08:00:00')).statusCode).toBe('13');
    expect(parseStatus(statusXml('3')).statusCode).toBe('03');
    expect(() => parseEdxml(statusXml('99'))).toThrow(expect.objectContaining({ code: 'EDXML_INVALID_FIELD' }));
  });

  it('drops unreadable optional values with a warning', () => {
    const parsed = parseEdxml(handWritten().replace('<Priority>1</Priority>', '<Priority>khẩn</Priority>'));
    expect(parsed.kind === 'document' && parsed.message.header.otherInfo?.priority).toBeUndefined();
    expect(parsed.warnings).toHaveLength(1);
  });
});

describe('helpers', () => {
  it('builds and parses DocumentId', () => {
    const parts = { organId: '000.00.00.G22', promulgationDate: '2018-09-20', codeNumber: '7816', codeNotation: 'VPCP-TTĐT' };
    expect(formatDocumentId(parts)).toBe('000.00.00.G22,2018/09/20,7816/VPCP-TTĐT');
    expect(parseDocumentId('000.00.00.G22,2018/09/20,7816/VPCP-TTĐT')).toEqual(parts);
    expect(parseDocumentId('000.00.00.G22,20/09/2018,12/2025/NĐ-CP')).toMatchObject({ codeNumber: '12', codeNotation: '2025/NĐ-CP' });
    expect(parseDocumentId('6b1f2c1e-8d7a-4f3e-9a44-0f0e0d0c0b0a')).toBeNull();
  });

  it('formats and reads dates in Vietnam time', () => {
    expect(formatEdxmlTimestamp(new Date('2025-12-31T17:30:00Z'))).toBe('2026/01/01 00:30:00');
    expect(parseEdxmlTimestamp('01/01/2026 00:30:00')?.toISOString()).toBe('2025-12-31T17:30:00.000Z');
    expect(parseEdxmlTimestamp('2025-03-10T15:02:11+07:00')?.toISOString()).toBe('2025-03-10T08:02:11.000Z');
    expect(parseEdxmlTimestamp('2025/02/30 10:00:00')).toBeNull();
    expect(parseEdxmlTimestamp('2025/03/10 24:00:00')).toBeNull();
    expect(parseEdxmlDate('2024/02/29')).toBe('2024-02-29');
    expect(parseEdxmlDate('29/02/2025')).toBeNull();
  });
});

describe('hostile input', () => {
  const refusedWith = (code: string) => expect.objectContaining({ name: 'EdxmlError', code });

  it('refuses a DOCTYPE with an external entity (XXE)', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${handWritten().replace(/^<\?xml[^>]*>/, '').replace('Nghệ An</Place>', '&xxe;</Place>')}`;
    expect(() => parseEdxml(xxe)).toThrow(refusedWith('EDXML_DTD_FORBIDDEN'));
  });

  it('refuses billion laughs', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><edXML xmlns="${NS}">&lol9;</edXML>`;
    expect(() => parseEdxml(lol)).toThrow(refusedWith('EDXML_DTD_FORBIDDEN'));
  });

  it('refuses undeclared entities and invalid character references', () => {
    expect(() => parseEdxml(handWritten().replace('Nghệ An</Place>', '&nbsp;</Place>'))).toThrow(refusedWith('EDXML_MALFORMED'));
    expect(() => parseEdxml(handWritten().replace('Nghệ An</Place>', '&#0;</Place>'))).toThrow(refusedWith('EDXML_MALFORMED'));
  });

  it('refuses a bare & and a broken reference', () => {
    expect(() => parseEdxml(handWritten().replace('Nghệ An</Place>', 'A &#x41 B</Place>'))).toThrow(refusedWith('EDXML_MALFORMED'));
    expect(() => parseEdxml(handWritten().replace('Nghệ An</Place>', '&#99999999999;</Place>'))).toThrow(refusedWith('EDXML_MALFORMED'));
  });

  it('refuses a flood of small elements outside the payloads', () => {
    const flood = handWritten().replace('<ToPlaces>', '').replace('<SteeringType>', `<ToPlaces>${'<Place>x</Place>'.repeat(200_000)}</ToPlaces><SteeringType>`);
    expect(() => parseEdxml(flood)).toThrow(refusedWith('EDXML_TOO_LARGE'));
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = `<edXML xmlns="${NS}">${'<a>'.repeat(100)}${'</a>'.repeat(100)}</edXML>`;
    expect(() => parseEdxml(deep)).toThrow(refusedWith('EDXML_TOO_DEEP'));
    const veryDeep = `<edXML xmlns="${NS}">${'<a>'.repeat(200_000)}${'</a>'.repeat(200_000)}</edXML>`;
    expect(() => parseEdxml(veryDeep)).toThrow(EdxmlError);
  });

  it('refuses too many attachments', () => {
    expect(() => parseEdxml(handWritten({ extraAttachments: 50 }))).toThrow(refusedWith('EDXML_TOO_MANY_ATTACHMENTS'));
    expect(() => parseEdxml(handWritten({ extraAttachments: 2 }), { maxAttachments: 2 })).toThrow(refusedWith('EDXML_TOO_MANY_ATTACHMENTS'));
  });

  it('refuses oversized messages and attachments', () => {
    expect(() => parseEdxml(handWritten(), { maxBytes: 1000 })).toThrow(refusedWith('EDXML_TOO_LARGE'));
    expect(() => parseEdxml(Buffer.from(handWritten()), { maxBytes: 1000 })).toThrow(refusedWith('EDXML_TOO_LARGE'));
    expect(() => parseEdxml(handWritten(), { maxAttachmentBytes: 100 })).toThrow(refusedWith('EDXML_ATTACHMENT_TOO_LARGE'));
    const two = buildEdxml(sampleMessage());
    expect(() => parseEdxml(two, { maxTotalAttachmentBytes: PDF_BYTES.length + 2 })).toThrow(refusedWith('EDXML_ATTACHMENT_TOO_LARGE'));
    expect(parseEdxml(two, { maxTotalAttachmentBytes: PDF_BYTES.length + 3 }).kind).toBe('document');
  });

  it('refuses a zip bomb: a small ZIP that expands past the cap', () => {
    const bomb = zipped('345-UBND-VP.pdf', new Uint8Array(24 * 1_048_576));
    expect(bomb.length).toBeLessThan(50_000);
    const xml = handWritten({ payload: Buffer.from(bomb).toString('base64') });
    expect(() => parseEdxml(xml, { maxAttachmentBytes: 8 * 1_048_576 })).toThrow(refusedWith('EDXML_ATTACHMENT_TOO_LARGE'));
  });

  it('refuses a ZIP that lies about its size or whose data is damaged', () => {
    const zip = zipped('a.pdf', PDF_BYTES);
    const lying = Buffer.from(zip);
    const central = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(10, central + 24); // declared uncompressed size
    expect(() => parseEdxml(handWritten({ payload: lying.toString('base64') }))).toThrow(refusedWith('EDXML_BAD_ZIP'));
    const damaged = Buffer.from(zip);
    damaged[40] = damaged[40]! ^ 0xff;
    expect(() => parseEdxml(handWritten({ payload: damaged.toString('base64') }))).toThrow(refusedWith('EDXML_BAD_ZIP'));
  });

  it('refuses malformed Base64', () => {
    for (const payload of ['QUJD*', 'QUJDR', 'QQ==QQ==', 'QU=D', '<![CDATA[QUJD]]>&amp;']) {
      expect(() => parseEdxml(handWritten({ payload }))).toThrow(EdxmlError);
    }
    expect(() => parseEdxml(handWritten({ payload: 'QUJD*' }))).toThrow(refusedWith('EDXML_BAD_BASE64'));
  });

  it('refuses a manifest entry without content, non-UTF-8 bytes and other roots', () => {
    const noPayload = handWritten().replace(/<AttachmentEncoded>[\s\S]*<\/AttachmentEncoded>/, '');
    expect(() => parseEdxml(noPayload)).toThrow(refusedWith('EDXML_ATTACHMENT_MISSING'));
    expect(() => parseEdxml(handWritten({ payload: '' }))).toThrow(refusedWith('EDXML_ATTACHMENT_MISSING'));
    expect(() => parseEdxml(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]))).toThrow(refusedWith('EDXML_NOT_UTF8'));
    expect(() => parseEdxml('<html><body/></html>')).toThrow(refusedWith('EDXML_NOT_EDXML'));
    expect(() => parseEdxml(`<a xmlns="urn:other"/>`)).toThrow(refusedWith('EDXML_NOT_EDXML'));
    expect(() => parseEdxml('<a></a><b></b>')).toThrow(refusedWith('EDXML_MALFORMED'));
    expect(() => parseEdxml('<a><b></a>')).toThrow(refusedWith('EDXML_MALFORMED'));
    expect(() => parseEdxml('<__proto__/>')).toThrow(EdxmlError);
  });
});
