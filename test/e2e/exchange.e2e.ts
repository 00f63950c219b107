// Inter-agency exchange, receiving side: the clerk of the Provincial Office receives an edXML file from the
// Department of Finance (its attachment refused is listed as a warning), is told when the same file comes
// again, is refused a broken file in Vietnamese, sees a revocation kept apart, registers the message in one
// click and opens the incoming document it became; a message naming no Decree 30 type is registered through
// the dialog. A specialist is not offered the page. The files are written by the server's own edXML builder.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildEdxml } from '../../server/modules/exchange/edxml-build.js';
import type { EdxmlMessage } from '../../server/modules/exchange/edxml-types.js';
import { sampleMessage } from '../../server/modules/exchange/test-fixtures.js';
import { samplePdf } from '../helpers/fixtures.js';
import { launchChromium, openContext, screenshotter } from './browser.js';
import { startServer, type RunningServer } from './server.js';
import { choose, dialogButton, login, screenshotIfFailed, switchUser, visible } from './ui.js';

const DEMO_PASSWORD = 'VanPhongSo@2025';
// Sở Tài chính in the demo seed (demoCode(0, 4)): the sender is recognised as an agency of the province.
const FINANCE = { organId: '000.00.04.Z01', organName: 'Sở Tài chính tỉnh An Giang' };
const FINANCE_NAME = 'Sở Tài chính';
const SUBJECT = 'V/v báo cáo tình hình thực hiện dự toán ngân sách quý I năm 2026';
const NUMBER = '345/STC-NS';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let workDir: string;
let shot: ReturnType<typeof screenshotter>;
const files: Record<string, string> = {};

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
  write('360-STC-KH.xml', buildEdxml(message((m) => {
    m.header.code = { codeNumber: '360', codeNotation: 'STC-KH' };
    m.header.documentId = `${FINANCE.organId},2026/04/06,360/STC-KH`;
    m.header.promulgationInfo = { place: 'An Giang', promulgationDate: '2026-04-06' };
    m.header.documentType = { type: 99, typeName: 'Văn bản điều hành' };
    m.header.subject = 'V/v rà soát nhu cầu kinh phí chuyển đổi số năm 2026';
    m.attachments = m.attachments.slice(0, 1);
  })));
  server = await startServer();
  browser = await launchChromium();
  context = await openContext(browser, server.url);
  page = await context.newPage();
  shot = screenshotter(page, 70);
});

afterEach(({ task }) => screenshotIfFailed(page, task));

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
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

  it('keeps a revocation apart: a note where the register button would be', async () => {
    await importFile(files['thu-hoi-340.xml']!, `Đã nhận thông điệp 350/STC-NS của ${FINANCE_NAME}; thông điệp chờ vào sổ`);
    const row = rowOf('350/STC-NS');
    await visible(row);
    await visible(row.getByText('Thu hồi', { exact: true }));
    await visible(row.getByText('Không vào sổ', { exact: true }));
    await visible(row.getByText('Xử lý trên văn bản gốc', { exact: true }));
    expect(await registerButton(row).count()).toBe(0);
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
