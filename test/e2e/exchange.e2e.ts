// Inter-agency exchange, receiving side: the clerk of the Provincial Office receives an edXML file from the
// Department of Finance (its attachment refused is listed as a warning), is told when the same file comes
// again, is refused a broken file in Vietnamese, sees a revocation of a document never received kept apart,
// registers the message in one click and opens the incoming document it became; the sender's update and then
// its revocation of that document are carried out and said in the list and on the document's timeline; a
// message naming no Decree 30 type is registered through the dialog. A specialist is not offered the page. The files are written by the server's own edXML builder.
// Then the transport: the administrator connects another province's system (a wrong identifier code refused
// on its field) and makes an access token for it, shown once; a document that system sends with the token
// reaches the clerk, who returns it with a reason (too short refused first); the status 02 that answers it
// waits in "Gửi đi" — the connection points at a closed port — and the clerk sends it again.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildEdxml } from '../../server/modules/exchange/edxml-build.js';
import type { EdxmlMessage } from '../../server/modules/exchange/edxml-types.js';
import { sampleMessage } from '../../server/modules/exchange/test-fixtures.js';
import { samplePdf } from '../helpers/fixtures.js';
import { type BrowserFlow, screenshotter, startBrowserFlow } from './browser.js';
import type { RunningServer } from './server.js';
import { choose, clickExpectingMessage, dialogButton, login, screenshotIfFailed, switchUser, visible } from './ui.js';

const DEMO_PASSWORD = 'VanPhongSo@2025';
// Sở Tài chính in the demo seed (demoCode(0, 4)): the sender is recognised as an agency of the province.
const FINANCE = { organId: '000.00.04.Z01', organName: 'Sở Tài chính tỉnh An Giang' };
const FINANCE_NAME = 'Sở Tài chính';
const SUBJECT = 'V/v báo cáo tình hình thực hiện dự toán ngân sách quý I năm 2026';
const NUMBER = '345/STC-NS';
// Another province's system. Nothing listens on port 9 (discard) of the loopback: every send fails at once
// and the outbox waits to try again, as it would while the other side is down.
const PEER = { name: 'Hệ thống văn phòng số tỉnh Kiên Giang', url: 'http://127.0.0.1:9', organId: '000.00.00.H33', organName: 'Văn phòng UBND tỉnh Kiên Giang' };
const PEER_NUMBER = '112/VP-KSTTHC';
const PEER_SUBJECT = 'V/v đề nghị phối hợp xác minh hồ sơ đất đai khu vực giáp ranh';
const SUBJECT_FIXED = 'V/v báo cáo tình hình thực hiện dự toán ngân sách nhà nước quý I năm 2026';
const RETURN_REASON = 'Văn bản không thuộc thẩm quyền giải quyết của Văn phòng UBND tỉnh An Giang; đề nghị gửi Sở Tài nguyên và Môi trường.';

let server: RunningServer;
let flow: BrowserFlow;
let page: Page;
let workDir: string;
let shot: BrowserFlow['shot'];
const files: Record<string, string> = {};
/** The access token the administrator made for the other side, read off the screen where it is shown once. */
let peerToken = '';

const table = () => page.getByTestId('exchange-received-table');
const rows = () => table().locator('tbody tr.ant-table-row');
const rowOf = (text: string) => rows().filter({ hasText: text });

function message(change: (m: EdxmlMessage) => void = () => undefined): EdxmlMessage {
  const m = sampleMessage();
  m.header.from = FINANCE;
  m.header.to = [{ organId: '000.00.01.Z01', organName: 'Văn phòng Ủy ban nhân dân tỉnh' }];
  m.header.code = { codeNumber: '345', codeNotation: 'STC-NS' };
  m.header.documentId = `${FINANCE.organId},2026/04/02,${NUMBER}`;
  m.header.promulgationInfo = { place: 'An Giang', promulgationDate: '2026-04-02' };
  m.header.subject = SUBJECT;
  m.header.signerInfo = { competence: 'KT. GIÁM ĐỐC', position: 'Phó Giám đốc', fullName: 'Trần Minh Tâm' };
  m.header.responseFor = [];
  m.trace.traceHeaders = [{ organId: FINANCE.organId, timestamp: new Date('2026-04-02T02:15:00Z') }];
  // The main document is a real PDF; the annex's three bytes are no document file and are refused.
  m.attachments[0]!.attachmentName = '345-STC-NS.pdf';
  m.attachments[0]!.bytes = new Uint8Array(samplePdf('Bao cao du toan quy I'));
  change(m);
  return m;
}

/** The list has answered and its spinner is gone: a click now lands on the rows a person sees. */
async function listSettled() {
  await visible(table());
  await expect.poll(() => table().locator('.ant-spin-spinning').count()).toBe(0);
}

/**
 * Chooses a file in "Nhận tệp edXML" and waits for the server's answer and what the page then says; both
 * waits start before the upload, so neither can be missed.
 */
async function importFile(file: string, expected: string | RegExp) {
  await listSettled();
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/exchange/messages/import'), { timeout: 15_000 });
  const shown = visible(page.locator('.ant-message').getByText(expected)).then(
    () => null,
    (err: unknown) => err,
  );
  await page.locator('input[type=file]').setInputFiles(file);
  await answered;
  const failed = await shown;
  if (failed) throw failed;
}

/** A status filter chosen, and its list loaded. */
async function chooseFilter(name: string) {
  await page.getByRole('radiogroup', { name: 'Lọc theo trạng thái' }).getByText(name, { exact: true }).click();
  await listSettled();
}

/** The register action of a row: "Vào sổ" itself, not the small menu beside it. */
const registerButton = (row: Locator) => row.getByRole('button', { name: 'Vào sổ', exact: true });

/** A field's own error under it, in a dialog. */
const fieldError = (dialog: Locator, text: string | RegExp) => dialog.locator('.ant-form-item-explain-error').getByText(text);

/** A document the other province's system sends to the Provincial Office, as its outbox would. */
function peerMessage(): string {
  return buildEdxml(
    message((m) => {
      m.header.from = { organId: PEER.organId, organName: PEER.organName };
      m.header.code = { codeNumber: '112', codeNotation: 'VP-KSTTHC' };
      m.header.documentId = `${PEER.organId},2026/04/08,${PEER_NUMBER}`;
      m.header.promulgationInfo = { place: 'Kiên Giang', promulgationDate: '2026-04-08' };
      m.header.subject = PEER_SUBJECT;
      m.header.signerInfo = { competence: 'KT. CHÁNH VĂN PHÒNG', position: 'Phó Chánh Văn phòng', fullName: 'Lâm Văn Hậu' };
      m.trace.traceHeaders = [{ organId: PEER.organId, timestamp: new Date('2026-04-08T01:30:00Z') }];
      m.attachments = m.attachments.slice(0, 1);
      m.attachments[0]!.attachmentName = '112-VP-KSTTHC.pdf';
    }),
  );
}

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'vps-e2e-exchange-'));
  const write = (name: string, content: string) => {
    files[name] = path.join(workDir, name);
    writeFileSync(files[name], content);
  };
  write('345-STC-NS.edxml', buildEdxml(message()));
  write('hong.xml', '<edXML><khong-dong>');
  write('thu-hoi-340.xml', buildEdxml(message((m) => {
    m.header.code = { codeNumber: '350', codeNotation: 'STC-NS' };
    m.header.documentId = `${FINANCE.organId},2026/04/03,350/STC-NS`;
    m.header.promulgationInfo = { place: 'An Giang', promulgationDate: '2026-04-03' };
    m.header.subject = 'Thu hồi Công văn số 340/STC-NS ngày 30/3/2026 do gửi nhầm nơi nhận';
    m.trace.business = { ...m.trace.business, businessDocType: 1, businessDocReason: 'Gửi nhầm nơi nhận', documentId: `${FINANCE.organId},2026/03/30,340/STC-NS` };
    m.attachments = m.attachments.slice(0, 1);
  })));
  // The sender corrects the subject of 345/STC-NS, then revokes it; the header describes that document.
  const about345 = (m: EdxmlMessage, business: Partial<EdxmlMessage['trace']['business']>) => {
    m.trace.business = { ...m.trace.business, documentId: `${FINANCE.organId},2026/04/02,${NUMBER}`, ...business };
    m.attachments = [];
  };
  write('cap-nhat-345.xml', buildEdxml(message((m) => {
    m.header.subject = SUBJECT_FIXED;
    about345(m, { businessDocType: 2, businessDocReason: 'Sửa lỗi chính tả ở trích yếu', documentInfo: { documentInfo: '1', documentReceiver: '0', receivers: [] } });
  })));
  write('thu-hoi-345.xml', buildEdxml(message((m) => about345(m, { businessDocType: 1, businessDocReason: 'Ban hành nhầm đối tượng' }))));
  write('360-STC-KH.xml', buildEdxml(message((m) => {
    m.header.code = { codeNumber: '360', codeNotation: 'STC-KH' };
    m.header.documentId = `${FINANCE.organId},2026/04/06,360/STC-KH`;
    m.header.promulgationInfo = { place: 'An Giang', promulgationDate: '2026-04-06' };
    m.header.documentType = { type: 99, typeName: 'Văn bản điều hành' };
    m.header.subject = 'V/v rà soát nhu cầu kinh phí chuyển đổi số năm 2026';
    m.attachments = m.attachments.slice(0, 1);
  })));
  flow = await startBrowserFlow(70);
  ({ server, page, shot } = flow);
});

afterEach(({ task }) => screenshotIfFailed(page, task));

afterAll(async () => {
  await flow?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('receiving edXML messages in the web app', () => {
  it('lets the clerk open "Liên thông văn bản" from the menu, on the received tab with nothing waiting', async () => {
    await page.goto('/');
    await login(page, 'vanthu', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Liên thông văn bản', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Liên thông văn bản', exact: true }));
    await visible(page.getByRole('tab', { name: 'Văn bản nhận', selected: true }));
    expect(new URL(page.url()).pathname).toBe('/lien-thong/van-ban-nhan');
    await visible(table().getByText(/^Không có thông điệp nào chờ vào sổ/));
    await shot('exchange-empty');
  });

  it('receives an edXML file: the message waits with its PDF, and the refused annex is a warning', async () => {
    await importFile(files['345-STC-NS.edxml']!, `Đã nhận thông điệp ${NUMBER} của ${FINANCE_NAME}; thông điệp chờ vào sổ`);
    const row = rowOf(NUMBER);
    await visible(row);
    const text = (await row.textContent()) ?? '';
    for (const part of [FINANCE_NAME, FINANCE.organId, '02/04/2026', 'Công văn', SUBJECT, '1 tệp', 'Chờ vào sổ']) expect(text).toContain(part);
    // Received just now, shown in Vietnam time.
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4}\d{2}:\d{2}/);
    await visible(row.getByRole('img', { name: '1 cảnh báo khi nhận' }));
    await visible(registerButton(row));

    // The new message is opened: its files (the importer may download them) and the warning in full.
    const details = page.getByTestId('exchange-message-details');
    await visible(details.getByText('345-STC-NS.pdf'));
    await visible(details.getByRole('link', { name: 'Tải về 345-STC-NS.pdf' }));
    await visible(details.getByText(/Tệp Phụ lục I\.pdf không được nhận/));
    await visible(details.getByText(`${FINANCE.organId},2026/04/02,${NUMBER}`));
    await shot('exchange-received');
  });

  it('recognises the same file again and stores nothing twice', async () => {
    await importFile(files['345-STC-NS.edxml']!, /^Thông điệp này đã nhận trước đó \(345\/STC-NS, nhận lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\); không lưu lại$/);
    await expect.poll(() => rows().count()).toBe(1);
    await shot('exchange-duplicate');
  });

  it('refuses a broken file in Vietnamese and adds nothing', async () => {
    const error = page.locator('.ant-message-error');
    await importFile(files['hong.xml']!, /^Không nhận được tệp hong\.xml: /);
    const said = (await error.last().textContent()) ?? '';
    // The server's reason, in Vietnamese with its diacritics.
    expect(said.normalize('NFC')).toMatch(/[ạảãáàâầấậẫẩăằắặẵẳêềếệễểôồốộỗổơờớợỡởưừứựữửđ]/);
    await shot('exchange-malformed');
    await chooseFilter('Tất cả');
    await expect.poll(() => rows().count()).toBe(1);
  });

  it('keeps a revocation of a document never received apart: a note where the register button would be', async () => {
    await importFile(files['thu-hoi-340.xml']!, `Đã nhận thông điệp thu hồi 350/STC-NS của ${FINANCE_NAME}; chưa có văn bản được thu hồi, thông điệp được giữ để văn thư xem`);
    const row = rowOf('350/STC-NS');
    await visible(row);
    await visible(row.getByText('Thu hồi', { exact: true }));
    await visible(row.getByText('Lý do: Gửi nhầm nơi nhận', { exact: true }));
    await visible(row.getByText('Không vào sổ', { exact: true }));
    await visible(row.getByText('Chờ văn bản bị thu hồi', { exact: true }));
    expect(await registerButton(row).count()).toBe(0);
    await visible(page.getByTestId('exchange-message-details').filter({ hasText: '350/STC-NS' }).getByText(/^Chưa nhận văn bản 000\.00\.04\.Z01,2026\/03\/30,340\/STC-NS của nơi gửi/));
  });

  it('registers the message in one click and opens the incoming document with its number', async () => {
    await chooseFilter('Chờ vào sổ');
    const row = rowOf(NUMBER);
    await visible(row);
    await registerButton(row).click();
    const done = page.getByRole('status').filter({ hasText: 'Đã vào sổ văn bản đến số' });
    await visible(done);
    const arrival = /Đã vào sổ văn bản đến số (\d+): 345\/STC-NS của Sở Tài chính\./.exec((await done.textContent()) ?? '')?.[1];
    expect(arrival).toBeDefined();
    // Registered, it leaves what waits; the revocation stays.
    await rowOf(NUMBER).waitFor({ state: 'detached' });
    await visible(rowOf('350/STC-NS'));
    await shot('exchange-registered');

    await chooseFilter('Đã vào sổ');
    const registered = rowOf(NUMBER);
    await visible(registered.getByText('Đã vào sổ', { exact: true }));
    await visible(registered.getByRole('link', { name: 'Xem văn bản đến' }));
    await shot('exchange-registered-list');

    await done.getByRole('button', { name: 'Xem văn bản đến' }).click();
    const heading = page.getByRole('heading', { name: new RegExp(`^Văn bản đến số ${arrival}/\\d{4}`) });
    await visible(heading);
    await visible(page.getByText(`${NUMBER} · ${FINANCE_NAME} · Công văn: ${SUBJECT}`));
    // Received electronically, with the message's PDF as its main file, which pdf.js draws.
    await visible(page.getByText('Điện tử', { exact: true }));
    await visible(page.getByRole('link', { name: 'Tải về 345-STC-NS.pdf' }));
    await visible(page.getByTestId('pdf-pages').getByRole('img', { name: 'Trang 1/1' }));
    await shot('exchange-incoming-document');
  });

  it('carries out the sender’s update, then its revocation, on the registered document and says what was done', async () => {
    await page.getByRole('menuitem', { name: 'Liên thông văn bản', exact: true }).click();
    await visible(page.getByRole('tab', { name: 'Văn bản nhận', selected: true }));
    await importFile(files['cap-nhat-345.xml']!, /^Đã nhận thông điệp cập nhật 345\/STC-NS của Sở Tài chính: Đã cập nhật văn bản đến số \d+\/\d{4} \(345\/STC-NS\): Trích yếu$/);
    // The list turns to what senders revoked or corrected.
    await visible(page.getByRole('radiogroup', { name: 'Lọc theo trạng thái' }).getByText('Thu hồi, cập nhật', { exact: true }));
    const update = rows().filter({ has: page.getByText('Cập nhật', { exact: true }) });
    await visible(update.getByText('Lý do: Sửa lỗi chính tả ở trích yếu', { exact: true }));
    await visible(update.getByText(/^Đã cập nhật văn bản đến số \d+\/\d{4} \(345\/STC-NS\): Trích yếu$/));
    await visible(update.getByText('Đã thực hiện', { exact: true }));
    await visible(update.getByRole('link', { name: 'Xem văn bản đến' }));

    await importFile(files['thu-hoi-345.xml']!, /^Đã nhận thông điệp thu hồi 345\/STC-NS của Sở Tài chính: Đã thu hồi văn bản đến số \d+\/\d{4} \(345\/STC-NS\)$/);
    const revoke = rows().filter({ has: page.getByText('Lý do: Ban hành nhầm đối tượng', { exact: true }) });
    await visible(revoke.getByText('Thu hồi', { exact: true }));
    await revoke.getByRole('link', { name: 'Xem văn bản đến' }).click();
    // The incoming document: withdrawn by its sender, both steps on its timeline.
    await visible(page.getByText('Nơi gửi đã thu hồi', { exact: true }).first());
    const timeline = page.getByTestId('document-timeline');
    await visible(timeline.getByText(`Nơi gửi cập nhật thông tin văn bản (Sửa lỗi chính tả ở trích yếu). Trích yếu: ${SUBJECT} → ${SUBJECT_FIXED}`, { exact: true }));
    await visible(timeline.getByText('Nơi gửi thu hồi văn bản: Ban hành nhầm đối tượng', { exact: true }));
  });

  it('asks for the type when the message names none of Decree 30, with a deadline in working days', async () => {
    await page.getByRole('menuitem', { name: 'Liên thông văn bản', exact: true }).click();
    await visible(page.getByRole('tab', { name: 'Văn bản nhận', selected: true }));
    await importFile(files['360-STC-KH.xml']!, `Đã nhận thông điệp 360/STC-KH của ${FINANCE_NAME}; thông điệp chờ vào sổ`);
    const row = rowOf('360/STC-KH');
    await row.getByRole('button', { name: 'Vào sổ…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Vào sổ văn bản đến' });
    await visible(dialog.getByText(/Thông điệp ghi “Văn bản điều hành”, không phải tên một loại văn bản/));
    // Nothing chosen yet: the type is asked for, on its field.
    await dialogButton(dialog, 'Vào sổ').click();
    await visible(dialog.locator('.ant-form-item-explain-error').getByText('Chọn loại văn bản', { exact: true }));
    await choose(page, dialog.getByLabel('Loại văn bản'), 'cong van', 'Công văn');
    await dialog.getByLabel('Hạn xử lý').fill('5');
    await shot('exchange-register-dialog', { dialog: true });
    await dialogButton(dialog, 'Vào sổ').click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(page.getByRole('status').filter({ hasText: /Đã vào sổ văn bản đến số \d+: 360\/STC-KH của Sở Tài chính\./ }));
    await rowOf('360/STC-KH').waitFor({ state: 'detached' });
  });

  it('does not offer the page to a specialist, and refuses its address', async () => {
    await switchUser(page, 'chuyenvien', DEMO_PASSWORD);
    expect(await page.getByRole('menuitem', { name: 'Liên thông văn bản', exact: true }).count()).toBe(0);
    await page.goto('/lien-thong');
    await visible(page.getByText('Bạn không có quyền xem trang này'));
    expect((await page.request.get('/api/exchange/messages')).status()).toBe(403);
    await shot('exchange-specialist-refused');
  });
});

// 80–84 are exchange-outgoing.e2e.ts's: this part's pictures go on at 79, then from 85.
describe('connections to other systems, returning a message and the outbox', () => {
  let later: ReturnType<typeof screenshotter>;
  const peersTable = () => page.getByTestId('exchange-peers-table');
  const outbox = () => page.getByTestId('exchange-outbox-table');
  const outboxRowOf = (text: string) => outbox().locator('tbody tr.ant-table-row').filter({ hasText: text });

  beforeAll(() => {
    later = screenshotter(page, 85);
  });

  it('lets the administrator add a connection: a wrong identifier code is refused on its field', async () => {
    await switchUser(page, 'admin', DEMO_PASSWORD);
    // The administrator registers no document: the outbox of the province and the connections, not "Văn bản nhận".
    await page.getByRole('menuitem', { name: 'Liên thông văn bản', exact: true }).click();
    await visible(page.getByRole('tab', { name: 'Gửi đi', selected: true }));
    expect(new URL(page.url()).pathname).toBe('/lien-thong/gui-di');
    expect(await page.getByRole('tab', { name: 'Văn bản nhận' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Kết nối' }).click();
    await visible(peersTable().getByText(/^Chưa có kết nối nào/));
    expect(new URL(page.url()).pathname).toBe('/lien-thong/ket-noi');

    await page.getByRole('button', { name: 'Thêm kết nối' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm kết nối liên thông' });
    await dialog.getByLabel('Tên kết nối').fill(PEER.name);
    await dialog.getByLabel('Địa chỉ hệ thống').fill(PEER.url);
    const codes = dialog.getByLabel('Mã định danh phục vụ');
    await codes.fill('H33');
    await codes.press('Enter');
    await dialog.getByLabel('Mã truy cập API do bên kia cấp').fill('vps_ma-truy-cap-do-tinh-kien-giang-cap-0123456789');
    await dialogButton(dialog, 'Thêm kết nối').click();
    await visible(fieldError(dialog, 'Mã định danh có dạng 000.00.00.H41: H33'));
    await shot('exchange-peer-wrong-code', { dialog: true });

    // The wrong code out (Backspace takes the last one), the right one in.
    await codes.click();
    await codes.press('Backspace');
    await codes.fill(PEER.organId);
    await codes.press('Enter');
    await dialog.getByLabel('Tên kết nối').click();
    await fieldError(dialog, /^Mã định danh có dạng/).waitFor({ state: 'detached' });
    await clickExpectingMessage(page, dialogButton(dialog, 'Thêm kết nối'), `Đã thêm kết nối ${PEER.name}`);
    await dialog.waitFor({ state: 'hidden' });
    const row = peersTable().locator('tbody tr.ant-table-row').filter({ hasText: PEER.name });
    await visible(row);
    const text = (await row.textContent()) ?? '';
    for (const part of [PEER.url, PEER.organId]) expect(text).toContain(part);
    // The other side's token is kept sealed: it is never shown again.
    expect(text).not.toContain('vps_');
    await visible(row.getByRole('button', { name: `Ngừng kết nối: ${PEER.name}` }));
    await later('exchange-peers');
  });

  it('makes an access token for the other side and shows it only once', async () => {
    await page.getByRole('button', { name: 'Tạo mã truy cập cho bên kia' }).click();
    const ask = page.getByRole('dialog', { name: 'Tạo mã truy cập cho hệ thống bên kia' });
    await ask.getByLabel('Tên gợi nhớ').fill(PEER.name);
    await dialogButton(ask, 'Tạo mã').click();
    const shown = page.getByRole('dialog', { name: 'Mã truy cập cho hệ thống bên kia' });
    await visible(shown.getByText(/^Mã chỉ hiển thị một lần này\./));
    peerToken = ((await shown.getByTestId('exchange-new-token').textContent()) ?? '').trim();
    expect(peerToken).toMatch(/^vps_\S{20,}$/);
    await visible(shown.getByRole('button', { name: 'Sao chép' }).first());
    await visible(shown.getByText(server.url, { exact: true }));
    await later('exchange-peer-token', { dialog: true });

    // A click beside the dialog does not throw the token away; its button does.
    await page.mouse.click(10, 10);
    await visible(shown);
    await shown.getByRole('button', { name: 'Đã lưu mã, đóng' }).click();
    await shown.waitFor({ state: 'hidden' });
    expect(await page.getByText(peerToken).count()).toBe(0);
  });

  it('lets the clerk return a message that came through the connection, with a reason (too short refused first)', async () => {
    // The other side sends with the token it was given.
    const sent = await fetch(`${server.url}/api/exchange/inbox`, { method: 'POST', headers: { authorization: `Bearer ${peerToken}`, 'content-type': 'application/xml' }, body: peerMessage() });
    expect(sent.status, await sent.clone().text()).toBe(200);
    expect(await sent.json()).toMatchObject({ kind: 'document', received: [{ organId: '000.00.01.Z01', duplicate: false }] });

    await switchUser(page, 'vanthu', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Liên thông văn bản', exact: true }).click();
    await visible(page.getByRole('tab', { name: 'Văn bản nhận', selected: true }));
    // The clerk watches what goes out; the connections are the administrator's.
    await visible(page.getByRole('tab', { name: 'Gửi đi' }));
    expect(await page.getByRole('tab', { name: 'Kết nối' }).count()).toBe(0);
    const row = rowOf(PEER_NUMBER);
    await visible(row);
    // The subject opens the details (the row's expand button does the same).
    await row.getByText(PEER_SUBJECT, { exact: true }).click();
    const details = page.getByTestId('exchange-message-details');
    await visible(details.getByText('Kết nối liên thông', { exact: true }));
    // "01 Đã đến" was queued for the sender on receipt.
    await visible(details.getByText('01 · Đã đến', { exact: true }));

    await row.getByRole('button', { name: `Trả lại nơi gửi: ${PEER_NUMBER}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Trả lại văn bản cho nơi gửi' });
    await visible(dialog.getByText('Nơi gửi được báo trạng thái “02 · Từ chối tiếp nhận” kèm lý do qua kết nối liên thông.'));
    await dialog.getByLabel('Lý do trả lại').fill('Sai');
    await dialogButton(dialog, 'Trả lại').click();
    // The server's rule, in its words, on the field.
    await visible(fieldError(dialog, 'Nêu lý do trả lại (ít nhất 5 ký tự)'));
    await later('exchange-return-dialog', { dialog: true });

    await dialog.getByLabel('Lý do trả lại').fill(RETURN_REASON);
    await clickExpectingMessage(page, dialogButton(dialog, 'Trả lại'), `Đã trả lại văn bản ${PEER_NUMBER} cho ${PEER.organName}`);
    await dialog.waitFor({ state: 'hidden' });
    await rowOf(PEER_NUMBER).waitFor({ state: 'detached' });

    await chooseFilter('Đã trả lại');
    const returned = rowOf(PEER_NUMBER);
    await visible(returned.getByText('Đã trả lại nơi gửi', { exact: true }));
    expect(await returned.getByRole('button', { name: /^Trả lại/ }).count()).toBe(0);
    await returned.getByText(PEER_SUBJECT, { exact: true }).click();
    await visible(details.getByText(RETURN_REASON, { exact: true }));
    await later('exchange-returned');
  });

  it('shows the clerk the status 02 waiting in "Gửi đi" while the other side is down, and sends it again', async () => {
    await page.getByRole('tab', { name: 'Gửi đi' }).click();
    expect(new URL(page.url()).pathname).toBe('/lien-thong/gui-di');
    await visible(page.getByRole('radiogroup', { name: 'Lọc theo trạng thái' }).getByText('Chờ gửi', { exact: true }));
    // The exchange job runs every 15 s and the list looks again as often: the first attempt fails.
    const status02 = outboxRowOf('02 · Từ chối tiếp nhận');
    await visible(status02);
    await expect.poll(async () => (await status02.textContent()) ?? '', { timeout: 60_000, interval: 1000 }).toContain('Chờ gửi lại');
    const text = (await status02.textContent()) ?? '';
    for (const part of ['Trạng thái', `${PEER.organId},2026/04/08,${PEER_NUMBER}`, PEER.organId, PEER.name, 'Gửi lại lúc', 'Không kết nối được']) expect(text).toContain(part);
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await visible(outboxRowOf('01 · Đã đến'));
    await later('exchange-outbox');

    const attempts = async () => Number((await status02.locator('td').nth(4).textContent()) ?? '0');
    const before = await attempts();
    expect(before).toBeGreaterThanOrEqual(1);
    await clickExpectingMessage(page, status02.getByRole('button', { name: /^Gửi lại / }), 'Đã đưa thông điệp vào lượt gửi tiếp theo (trong vòng 15 giây)');
    // Sent again with the next run instead of after the back-off: one attempt more, still waiting.
    await expect.poll(attempts, { timeout: 60_000, interval: 1000 }).toBeGreaterThan(before);
    await visible(status02.getByText('Chờ gửi lại', { exact: true }));
  });
});
