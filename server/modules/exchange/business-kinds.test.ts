import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart, samplePdf } from '../../../test/helpers/fixtures.js';
import { messageKeyOf, targetsOf } from './business.js';
import { buildEdxml } from './edxml-build.js';
import type { EdxmlBusiness, EdxmlMessage } from './edxml-types.js';
import { sampleMessage } from './test-fixtures.js';

/*
 * The business kinds of edXML received as files (issue 4 item 5): a revocation (1), an update (2) and a
 * replacement (3) act on the document the same sender sent earlier, in the transaction that stores them,
 * once however often they come.
 */

let t: TestApp;
let clerk: Session;

const SENDER = '000.00.00.H41';

interface Message {
  id: string;
  status: string;
  businessDocType: number;
  businessReason: string | null;
  targetDocumentIds: string[];
  outcome: string | null;
  numberNotation: string;
  subject: string;
  signerName: string | null;
  promulgationDate: string | null;
  warnings: string[];
  documentId: string | null;
}
interface Detail {
  status: string;
  subject: string;
  numberNotation: string;
  issuedDate: string;
  typeCode: string;
  signerName: string | null;
  events: { kind: string; note: string | null }[];
}

const idOf = (n: number, day = '2025/03/10') => `${SENDER},${day},${n}/UBND-VP`;

/** A document of Nghệ An's People's Committee numbered n, with a real PDF, changed as the case needs. */
function document(n: number, change: (m: EdxmlMessage) => void = () => undefined): EdxmlMessage {
  const m = sampleMessage();
  m.header.documentId = idOf(n);
  m.header.code = { codeNumber: String(n), codeNotation: 'UBND-VP' };
  m.header.subject = `V/v văn bản số ${n}`;
  m.header.responseFor = [];
  m.attachments = [{ ...m.attachments[0]!, attachmentName: `${n}-UBND-VP.pdf`, bytes: new Uint8Array(samplePdf(`Van ban ${n}`)) }];
  change(m);
  return m;
}

/** A business message about document n: its header describes that document, as the VNPT SDK sends it. */
function business(n: number, b: Partial<EdxmlBusiness> & Pick<EdxmlBusiness, 'businessDocType'>, change: (m: EdxmlMessage) => void = () => undefined): EdxmlMessage {
  return document(n, (m) => {
    m.trace.business = { ...m.trace.business, documentId: idOf(n), ...b };
    m.attachments = [];
    change(m);
  });
}

/** `edit` writes into the XML what our own builder would refuse to send. */
const importMessage = async (m: EdxmlMessage, edit: (xml: string) => string = (xml) => xml) => {
  const res = await t.as(clerk, { method: 'POST', url: '/api/exchange/messages/import', ...multipart('thong-diep.xml', Buffer.from(edit(buildEdxml(m)))) });
  expect([200, 201], res.body).toContain(res.statusCode);
  return res.json() as { message: Message; duplicate: boolean };
};
const messages = async () => (await t.as(clerk, { method: 'GET', url: '/api/exchange/messages?pageSize=200' })).json().items as Message[];
const messageById = async (id: string) => (await messages()).find((m) => m.id === id)!;
/** The incoming document, without the readings that looking at it adds. */
async function detail(id: string): Promise<Detail> {
  const d = (await t.as(clerk, { method: 'GET', url: `/api/documents/${id}` })).json() as Detail;
  return { ...d, events: d.events.filter((e) => e.kind !== 'read') };
}
const register = (id: string) => t.as(clerk, { method: 'POST', url: `/api/exchange/messages/${id}/register`, payload: {} });

async function registered(n: number) {
  const { message } = await importMessage(document(n));
  const res = await register(message.id);
  expect(res.statusCode, res.body).toBe(200);
  return { message, documentId: res.json().documentId as string, arrivalNumber: res.json().arrivalNumber as number };
}

/** Everything a second delivery could change: the list of messages and the incoming document. */
const snapshot = async (documentId?: string) => JSON.stringify([await messages(), documentId ? await detail(documentId) : null]);

beforeAll(async () => {
  t = await createTestApp();
  clerk = await t.login('vanthu');
});
afterAll(() => t.close());

describe('what a message names and how it is told apart', () => {
  it('names the revoked or updated document, by Bussiness/DocumentId or else its own header', () => {
    expect(targetsOf(business(1, { businessDocType: 1 }), idOf(1))).toEqual([idOf(1)]);
    expect(targetsOf(business(1, { businessDocType: 2, documentId: undefined }), idOf(1))).toEqual([idOf(1)]);
    expect(targetsOf(document(1), idOf(1))).toEqual([]);
    const replacing = business(2, { businessDocType: 3, documentId: idOf(2), replacements: [{ documentId: idOf(1), organIds: [] }, { documentId: idOf(1), organIds: [] }] });
    expect(targetsOf(replacing, idOf(2))).toEqual([idOf(1)]);
  });

  it('keys a revocation once per document and each different update on its own', () => {
    expect(messageKeyOf(document(1))).toBe('');
    expect(messageKeyOf(business(1, { businessDocType: 3 }))).toBe('');
    expect(messageKeyOf(business(1, { businessDocType: 1 }))).toBe('revoke');
    const update = (subject: string) => messageKeyOf(business(1, { businessDocType: 2 }, (m) => (m.header.subject = subject)));
    expect(update('A')).toMatch(/^update:[0-9a-f]{64}$/);
    expect(update('A')).toBe(update('A'));
    expect(update('A')).not.toBe(update('B'));
  });
});

describe('a revocation (1)', () => {
  it('sets aside a document not registered yet; the same revocation again changes nothing', async () => {
    const { message: original } = await importMessage(document(401));
    const revoke = await importMessage(business(401, { businessDocType: 1, businessDocReason: 'Gửi nhầm nơi nhận' }));
    // The same DocumentId as the document, yet not a duplicate of it.
    expect(revoke.duplicate).toBe(false);
    expect(revoke.message).toMatchObject({ businessDocType: 1, status: 'applied', businessReason: 'Gửi nhầm nơi nhận', targetDocumentIds: [idOf(401)], outcome: 'Đã gỡ bỏ văn bản 401/UBND-VP chưa vào sổ' });
    expect(await messageById(original.id)).toMatchObject({ status: 'withdrawn', outcome: 'Nơi gửi thu hồi văn bản: Gửi nhầm nơi nhận' });
    expect((await register(original.id)).statusCode).toBe(409);

    const before = await snapshot();
    expect(await importMessage(business(401, { businessDocType: 1, businessDocReason: 'Gửi nhầm nơi nhận' }))).toMatchObject({ duplicate: true, message: { id: revoke.message.id } });
    expect(await snapshot()).toBe(before);
  });

  it('withdraws the incoming document once registered, with the reason on its timeline', async () => {
    const { message: original, documentId, arrivalNumber } = await registered(402);
    const revoke = await importMessage(business(402, { businessDocType: 1, businessDocReason: 'Văn bản ban hành sai thẩm quyền' }));
    expect(revoke.message).toMatchObject({ status: 'applied', documentId, outcome: expect.stringMatching(new RegExp(`^Đã thu hồi văn bản đến số ${arrivalNumber}/\\d{4} \\(402/UBND-VP\\)$`)) });
    const doc = await detail(documentId);
    expect(doc.status).toBe('withdrawn');
    expect(doc.events.at(-1)).toMatchObject({ kind: 'withdrawn', note: 'Nơi gửi thu hồi văn bản: Văn bản ban hành sai thẩm quyền' });
    expect(await messageById(original.id)).toMatchObject({ status: 'registered', outcome: 'Nơi gửi thu hồi văn bản: Văn bản ban hành sai thẩm quyền' });

    const before = await snapshot(documentId);
    expect((await importMessage(business(402, { businessDocType: 1, businessDocReason: 'Văn bản ban hành sai thẩm quyền' }))).duplicate).toBe(true);
    expect(await snapshot(documentId)).toBe(before);
  });

  it('keeps a revocation of a document never received, with a warning, and carries it out when the document comes after', async () => {
    const revoke = await importMessage(
      business(403, { businessDocType: 1, businessDocReason: 'Thu hồi để sửa thể thức' }, (m) => {
        // Its own DocumentId, naming the revoked one in Bussiness/DocumentId.
        m.header.documentId = idOf(9403, '2025/03/12');
        m.header.code = { codeNumber: '9403', codeNotation: 'UBND-VP' };
      }),
    );
    expect(revoke.message).toMatchObject({ status: 'pending', outcome: null, targetDocumentIds: [idOf(403)] });
    expect(revoke.message.warnings.at(-1)).toMatch(/^Chưa nhận văn bản 000\.00\.00\.H41,2025\/03\/10,403\/UBND-VP của nơi gửi: thông điệp thu hồi được giữ để văn thư xem/);
    const refused = await register(revoke.message.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('Thông điệp thu hồi không vào sổ');

    const late = await importMessage(document(403));
    expect(late.message).toMatchObject({ status: 'withdrawn', outcome: 'Nơi gửi thu hồi văn bản: Thu hồi để sửa thể thức' });
    expect(await messageById(revoke.message.id)).toMatchObject({ status: 'applied', outcome: 'Đã gỡ bỏ văn bản 403/UBND-VP chưa vào sổ' });
  });

  it('finds nothing of another sender: a revocation from another agency naming our document changes nothing', async () => {
    const { documentId } = await registered(404);
    const before = await detail(documentId);
    const hostile = await importMessage(
      business(404, { businessDocType: 1, businessDocReason: 'Giả mạo' }, (m) => {
        m.header.from = { organId: '000.00.00.H20', organName: 'Cơ quan khác' };
        m.header.documentId = '000.00.00.H20,2025/03/10,1/XX';
      }),
    );
    expect(hostile.message).toMatchObject({ status: 'pending', outcome: null });
    expect(hostile.message.warnings.at(-1)).toContain('Chưa nhận văn bản');
    expect(await detail(documentId)).toEqual(before);
  });
});

describe('an update (2)', () => {
  const corrected = (n: number, reason = 'Sai trích yếu và người ký') =>
    business(n, { businessDocType: 2, businessDocReason: reason, documentInfo: { documentInfo: '1', documentReceiver: '0', receivers: [] } }, (m) => {
      m.header.subject = `V/v văn bản số ${n} (đã sửa)`;
      m.header.signerInfo = { competence: 'KT. CHỦ TỊCH', position: 'Phó Chủ tịch', fullName: 'Lê Thị D' };
      m.header.documentType = { type: 1, typeName: 'Thông báo' };
    });

  it('corrects the registered document, old → new on its timeline, once', async () => {
    const { message: original, documentId, arrivalNumber } = await registered(410);
    const update = await importMessage(corrected(410));
    expect(update.message).toMatchObject({ status: 'applied', documentId, businessReason: 'Sai trích yếu và người ký' });
    expect(update.message.outcome).toMatch(new RegExp(`^Đã cập nhật văn bản đến số ${arrivalNumber}/\\d{4} \\(410/UBND-VP\\): Loại văn bản, Trích yếu, Người ký$`));
    const doc = await detail(documentId);
    expect(doc).toMatchObject({ status: 'registered', subject: 'V/v văn bản số 410 (đã sửa)', signerName: 'Lê Thị D', typeCode: 'TB', numberNotation: '410/UBND-VP', issuedDate: '2025-03-10' });
    expect(doc.events.at(-1)).toMatchObject({
      kind: 'exchange_updated',
      note: 'Nơi gửi cập nhật thông tin văn bản (Sai trích yếu và người ký). Loại văn bản: Công văn → Thông báo; Trích yếu: V/v văn bản số 410 → V/v văn bản số 410 (đã sửa); Người ký: Nguyễn Văn A → Lê Thị D',
    });
    expect(await messageById(original.id)).toMatchObject({ subject: 'V/v văn bản số 410 (đã sửa)', signerName: 'Lê Thị D', status: 'registered' });

    const before = await snapshot(documentId);
    expect((await importMessage(corrected(410))).duplicate).toBe(true);
    expect(await snapshot(documentId)).toBe(before);
    // Another update saying the same is stored, and finds nothing left to change.
    const same = await importMessage(corrected(410, 'Gửi lại bản cập nhật'));
    expect(same.message.outcome).toMatch(/: không có thông tin nào thay đổi$/);
    expect((await detail(documentId)).events).toHaveLength(doc.events.length);
  });

  it('corrects a message still waiting, so that registering it takes the new values', async () => {
    const { message: original } = await importMessage(document(411));
    const update = await importMessage(
      business(411, { businessDocType: 2, businessDocReason: 'Sửa số văn bản' }, (m) => {
        m.header.code = { codeNumber: '411', codeNotation: 'UBND-KT' };
        m.header.promulgationInfo = { promulgationDate: '2025-03-11' };
      }),
    );
    expect(update.message).toMatchObject({ status: 'applied', documentId: null, outcome: 'Đã cập nhật thông điệp 411/UBND-VP chờ vào sổ: Số, ký hiệu, Ngày ban hành' });
    expect(await messageById(original.id)).toMatchObject({ status: 'pending', numberNotation: '411/UBND-KT', promulgationDate: '2025-03-11' });
    const res = await register(original.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(await detail(res.json().documentId)).toMatchObject({ numberNotation: '411/UBND-KT', issuedDate: '2025-03-11' });
  });

  it('keeps what the register would refuse as it was, and says so', async () => {
    const { documentId } = await registered(412);
    const before = await detail(documentId);
    const update = await importMessage(
      business(412, { businessDocType: 2 }, (m) => {
        m.header.code = { codeNumber: '412', codeNotation: 'UBND-SAI' };
        m.header.promulgationInfo = { promulgationDate: '2099-01-01' };
      }),
      (xml) => xml.replace('UBND-SAI', 'UBND VP'),
    );
    expect(update.message.outcome).toMatch(/không có thông tin nào thay đổi; không nhận Số, ký hiệu “412\/UBND VP”, Ngày ban hành “2099-01-01”$/);
    expect(await detail(documentId)).toEqual(before);
  });

  it('treats an update of a document never received as that document, for the clerk to register', async () => {
    const update = await importMessage(corrected(413));
    expect(update.message).toMatchObject({ status: 'pending', businessDocType: 2 });
    expect(update.message.warnings.at(-1)).toContain('thông điệp được giữ như văn bản mới để văn thư vào sổ');
    const res = await register(update.message.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(await detail(res.json().documentId)).toMatchObject({ subject: 'V/v văn bản số 413 (đã sửa)', typeCode: 'TB' });
  });
});

describe('a replacement (3)', () => {
  const replacing = (n: number, replaced: number[]) =>
    document(n, (m) => {
      m.trace.business = { ...m.trace.business, businessDocType: 3, businessDocReason: 'Thay thế do sai sót', replacements: replaced.map((r) => ({ documentId: idOf(r), organIds: ['000.00.00.H01'] })) };
    });

  it('waits for the clerk, sets aside what it replaces, and links both timelines once registered', async () => {
    const { message: first, documentId: firstId } = await registered(420);
    const { message: second } = await importMessage(document(421));
    const replacement = await importMessage(replacing(425, [420, 421, 429]));
    expect(replacement.message).toMatchObject({ status: 'pending', businessDocType: 3, targetDocumentIds: [idOf(420), idOf(421), idOf(429)] });
    expect(replacement.message.outcome).toMatch(/^Thay thế văn bản đã nhận: đã thu hồi văn bản đến số \d+\/\d{4} \(420\/UBND-VP\); đã gỡ bỏ văn bản 421\/UBND-VP chưa vào sổ$/);
    expect(replacement.message.warnings.at(-1)).toContain(`Chưa nhận văn bản ${idOf(429)} mà văn bản này thay thế`);
    const note = 'Được thay thế bởi văn bản số 425/UBND-VP ngày 10/03/2025: Thay thế do sai sót';
    expect(await messageById(second.id)).toMatchObject({ status: 'withdrawn', outcome: note });
    expect(await messageById(first.id)).toMatchObject({ status: 'registered', outcome: note });
    const old = await detail(firstId);
    expect(old.status).toBe('withdrawn');
    expect(old.events.at(-1)).toMatchObject({ kind: 'withdrawn', note });

    const before = await snapshot(firstId);
    expect((await importMessage(replacing(425, [420, 421, 429]))).duplicate).toBe(true);
    expect(await snapshot(firstId)).toBe(before);

    const res = await register(replacement.message.id);
    expect(res.statusCode, res.body).toBe(200);
    const created = await detail(res.json().documentId);
    expect(created.events.at(-1)).toMatchObject({
      kind: 'replaces',
      note: expect.stringMatching(new RegExp(`^Thay thế văn bản đến số \\d+/\\d{4} \\(420/UBND-VP\\); văn bản 421/UBND-VP ngày 10/03/2025 \\(chưa vào sổ, đã gỡ bỏ\\); văn bản ${idOf(429)} \\(chưa nhận được\\)$`)),
    });
    expect((await detail(firstId)).events.at(-1)).toMatchObject({ kind: 'replaced', note: expect.stringMatching(new RegExp(`^Được thay thế bởi văn bản đến số ${res.json().arrivalNumber}/\\d{4} \\(425/UBND-VP\\)$`)) });

    // The replaced document that had not come arrives after all: set aside at once.
    const late = await importMessage(document(429));
    expect(late.message).toMatchObject({ status: 'withdrawn', outcome: note });
    expect((await messageById(replacement.message.id)).outcome).toMatch(/; đã gỡ bỏ văn bản 429\/UBND-VP chưa vào sổ$/);
  });

  it('refuses a replacement that names nothing, and keeps nothing', async () => {
    const before = await messages();
    const res = await t.as(clerk, { method: 'POST', url: '/api/exchange/messages/import', ...multipart('thay-the.xml', Buffer.from(buildEdxml(replacing(430, [])))) });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('Thông điệp thay thế không cho biết văn bản bị thay thế');
    expect(await messages()).toEqual(before);
  });
});
