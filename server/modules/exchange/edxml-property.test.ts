import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEdxml, buildStatusEdxml } from './edxml-build.js';
import { parseEdxml } from './edxml-parse.js';
import { type EdxmlMessage, type EdxmlStatus, STATUS_CODES, type StatusCode } from './edxml-types.js';
import { EdxmlError } from './errors.js';
import { sampleMessage } from './test-fixtures.js';

// Characters that stress escaping, normalisation and encoding: XML specials, Vietnamese (precomposed and
// decomposed — the builder writes NFC), Đ (U+0110), whitespace, and a character outside the BMP.
const CHARS = [...'aZ09 ./-,;:()&<>"\'\n\tĐđăâêôơưấầẩẫậếệỗợữỹ', 'e\u0302\u0301', 'a\u0323', '😀', ']]>', '&amp;'];

const text = (maxLength: number, options: { spaces?: boolean } = {}) =>
  fc
    .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: Math.min(maxLength, 40) })
    .map((parts) => parts.join('').normalize('NFC').trim())
    .map((s) => (options.spaces === false ? s.replace(/\s/g, '') : s))
    .filter((s) => s.length > 0 && s.length <= maxLength);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const organId = fc.tuple(fc.nat(999), fc.nat(99), fc.nat(99), fc.constantFrom('G', 'H', 'K', 'Z'), fc.nat(99)).map(
  ([a, b, c, letter, d]) => `${String(a).padStart(3, '0')}.${String(b).padStart(2, '0')}.${String(c).padStart(2, '0')}.${letter}${String(d).padStart(2, '0')}`,
);
const isoDate = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
// edXML timestamps carry whole seconds.
const instant = fc.integer({ min: 631_152_000, max: 4_102_444_800 }).map((seconds) => new Date(seconds * 1000));
const int = fc.nat(2_147_483_647);

const organization = fc.record({ organId, organName: optional(text(200)), email: optional(text(100, { spaces: false })), telephone: optional(text(20)) });

const message: fc.Arbitrary<EdxmlMessage> = fc
  .record({
    from: organization,
    to: fc.uniqueArray(organization, { minLength: 1, maxLength: 4, selector: (o) => o.organId }),
    code: fc.record({ codeNumber: text(11, { spaces: false }), codeNotation: optional(text(30, { spaces: false })) }),
    promulgationInfo: fc.record({ place: optional(text(100)), promulgationDate: isoDate }),
    documentType: fc.record({ type: optional(int), typeDetail: optional(int), typeName: optional(text(50)) }),
    subject: text(500),
    content: optional(text(500)),
    dueDate: optional(isoDate),
    toPlaces: fc.array(text(150), { maxLength: 3 }),
    otherInfo: optional(fc.record({ priority: optional(fc.nat(3)), pageAmount: optional(int), appendixes: fc.array(text(100), { maxLength: 2 }) })),
    steeringType: optional(fc.nat(1)),
    responseFor: fc.array(fc.record({ organId, code: optional(text(40, { spaces: false })), promulgationDate: optional(isoDate), documentId: optional(text(100)) }), { maxLength: 2 }),
    traceHeaders: fc.array(fc.record({ organId, timestamp: instant }), { maxLength: 3 }),
    business: fc.record({
      businessDocType: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
      businessDocReason: optional(text(200)),
      documentId: optional(text(100)),
      paper: fc.boolean(),
      staffInfo: fc.array(fc.record({ department: optional(text(50)), staff: optional(text(50)) }), { maxLength: 2 }),
      replacements: fc.array(fc.record({ documentId: text(100), organIds: fc.array(organId, { maxLength: 2 }) }), { maxLength: 2 }),
    }),
    attachments: fc.uniqueArray(
      fc.record({ contentId: fc.uuid(), attachmentName: text(200), contentType: optional(fc.constantFrom('application/pdf', 'image/png')), description: optional(text(100)), bytes: fc.uint8Array({ minLength: 1, maxLength: 3000 }) }),
      { maxLength: 3, selector: (a) => a.contentId },
    ),
  })
  .map((m) => ({
    header: {
      from: m.from,
      to: m.to,
      documentId: `${m.from.organId},${m.promulgationInfo.promulgationDate.replaceAll('-', '/')},${m.code.codeNumber}`,
      code: m.code,
      promulgationInfo: m.promulgationInfo,
      documentType: m.documentType,
      subject: m.subject,
      content: m.content,
      dueDate: m.dueDate,
      toPlaces: m.toPlaces,
      otherInfo: m.otherInfo,
      steeringType: m.steeringType,
      responseFor: m.responseFor,
    },
    trace: { traceHeaders: m.traceHeaders, business: m.business },
    attachments: m.attachments,
  }));

const status: fc.Arbitrary<EdxmlStatus> = fc.record({
  responseFor: fc.record({ organId, code: optional(text(40, { spaces: false })), promulgationDate: optional(isoDate), documentId: optional(text(100)) }),
  from: organization,
  statusCode: fc.constantFrom(...(Object.keys(STATUS_CODES) as StatusCode[])),
  description: text(200),
  timestamp: instant,
  staffInfo: optional(fc.record({ department: optional(text(50)), staff: optional(text(50)), mobile: optional(text(15, { spaces: false })) })),
});

describe('property: round trip', () => {
  it('random messages survive build → parse unchanged', () => {
    fc.assert(
      fc.property(message, (m) => {
        const parsed = parseEdxml(buildEdxml(m));
        expect(parsed.kind).toBe('document');
        expect(parsed.kind === 'document' && parsed.message).toEqual(m);
      }),
      { numRuns: 200 },
    );
  });

  it('random status messages survive build → parse unchanged', () => {
    fc.assert(
      fc.property(status, (s) => {
        expect(parseEdxml(buildStatusEdxml(s))).toEqual({ kind: 'status', status: s, warnings: [] });
      }),
      { numRuns: 200 },
    );
  });
});

// Mutations of a valid message: each either still parses or is refused with EdxmlError, quickly.
const SNIPPETS = ['<', '>', '&', '&#0;', '&lt', ']]>', '<![CDATA[', '<!DOCTYPE x>', '<!-- ', 'xmlns:edXML="urn:x"', '</edXML:To>', '<edXML:To>', 'PK\u0003\u0004', '=', '\u0000', '\uFFFE'];
const base = Buffer.from(buildEdxml(sampleMessage()));

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(base.length) }),
  fc.record({ kind: fc.constant('flip' as const), flips: fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(base.length), text: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...SNIPPETS)) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(base.length), length: fc.integer({ min: 1, max: 200 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(m: Mutation): Buffer {
  switch (m.kind) {
    case 'truncate':
      return base.subarray(0, m.at);
    case 'flip': {
      const copy = Buffer.from(base);
      for (const [at, mask] of m.flips) copy[at] = copy[at]! ^ mask;
      return copy;
    }
    case 'insert':
      return Buffer.concat([base.subarray(0, m.at), Buffer.from(m.text), base.subarray(m.at)]);
    case 'delete':
      return Buffer.concat([base.subarray(0, m.at), base.subarray(m.at + m.length)]);
  }
}

function parsesOrRefuses(input: string | Uint8Array): void {
  const started = performance.now();
  try {
    parseEdxml(input);
  } catch (error) {
    if (!(error instanceof EdxmlError)) throw error;
    // parseEdxml wraps anything unexpected in this generic refusal; here it would mean a bug.
    if (error.message === 'Không đọc được thông điệp edXML') throw error.cause;
  }
  expect(performance.now() - started).toBeLessThan(1000);
}

describe('property: hostile mutations', () => {
  it('mutated messages parse or throw EdxmlError, never anything else', () => {
    fc.assert(fc.property(mutation, (m) => parsesOrRefuses(mutate(m))), { numRuns: 200 });
  }, 60_000);

  it('mutated messages as strings too', () => {
    fc.assert(fc.property(mutation, (m) => parsesOrRefuses(mutate(m).toString('utf8'))), { numRuns: 200 });
  }, 60_000);

  it('random text and bytes are refused with EdxmlError', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 })), (input) => parsesOrRefuses(input)), { numRuns: 200 });
  }, 60_000);
});
