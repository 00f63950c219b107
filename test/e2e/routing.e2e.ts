// A document's way through the office: the clerk registers it and presents it to the Chief of Office, who
// finds it waiting in his inbox and assigns it to a specialist with a deadline of five working days; she
// accepts it, reports progress and completes it. Every step is on the document's timeline.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserFlow, startBrowserFlow } from './browser.js';
import { apiAsUser, choose, clickExpectingMessage, dialogButton, login, screenshotIfFailed, switchUser, visible } from './ui.js';

const DEMO_PASSWORD = 'VanPhongSo@2025';
const LEADER = 'Phạm Thanh Hải';
const SPECIALIST = 'Võ Thị Ngọc Ánh';
const DOC = {
  senderName: 'Sở Tài chính',
  numberNotation: '210/STC-NS',
  typeCode: 'CV',
  subject: 'Về việc báo cáo tình hình giải ngân vốn đầu tư công 6 tháng đầu năm 2026',
  urgency: 'urgent',
};
const INSTRUCTION = 'Giao đồng chí Ánh chủ trì, tham mưu văn bản trả lời Sở Tài chính; báo cáo trước hạn.';
const RESULT = 'Đã tham mưu Công văn số 15/VP-TH trả lời Sở Tài chính, trình lãnh đạo ký ngày 27/11.';

let flow: BrowserFlow;
let page: Page;
let shot: BrowserFlow['shot'];
let documentId: string;
/** The deadline five working days from today, as the server's work calendar counts it. */
let dueIn5: string;

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');
const menuItem = (name: string | RegExp) => page.getByRole('menuitem', { name, exact: typeof name === 'string' });
const routingCard = () => page.getByTestId('routing-card');
const timeline = () => page.getByTestId('document-timeline');
const heading = () => page.getByRole('heading', { name: /^Văn bản đến số \d+\/\d{4}/ });

const signInAs = (username: string) => switchUser(page, username, DEMO_PASSWORD);

beforeAll(async () => {
  flow = await startBrowserFlow(20);
  ({ page, shot } = flow);
});

afterEach(({ task }) => screenshotIfFailed(page, task));

afterAll(async () => {
  await flow?.close();
});

describe('routing an incoming document through the web app', () => {
  it('shows the clerk a newly registered document under "Chưa giao"', async () => {
    await page.goto('/');
    await login(page, 'vanthu', DEMO_PASSWORD);
    const registered = await apiAsUser(page, 'POST', '/api/documents/incoming', { ...DOC, channel: 'electronic', issuedDate: today(), dueInWorkingDays: 10 });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    documentId = (registered.body as { id: string }).id;
    const due = await apiAsUser(page, 'GET', `/api/calendar/add-working-days?from=${today()}&days=5`);
    dueIn5 = (due.body as { date: string }).date;

    // The counts are fetched every minute; a reload shows the new one at once.
    await page.reload();
    await menuItem('Chưa giao 1').click();
    await visible(page.getByRole('heading', { name: 'Hộp việc văn bản' }));
    const row = page.getByRole('row').filter({ hasText: DOC.subject });
    await visible(row);
    await shot('inbox-unassigned');
    await row.getByRole('cell', { name: DOC.senderName, exact: true }).click();
    await visible(heading());
    expect(new URL(page.url()).pathname).toBe(`/van-ban-den/${documentId}`);
    await visible(page.getByRole('button', { name: 'Về hộp việc' }));
  });

  it('presents the document to the Chief of Office', async () => {
    await routingCard().getByRole('button', { name: 'Trình lãnh đạo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trình lãnh đạo' });
    await visible(dialog);
    await choose(page, dialog.getByLabel('Lãnh đạo'), 'thanh hai', LEADER);
    await dialog.getByLabel('Ý kiến trình').fill('Kính trình Chánh Văn phòng cho ý kiến chỉ đạo.');
    await shot('present-dialog', { dialog: true });
    await clickExpectingMessage(page, dialogButton(dialog, 'Trình'), 'Đã trình lãnh đạo');
    await dialog.waitFor({ state: 'hidden' });

    const presented = routingCard().getByTestId('assignment').filter({ hasText: LEADER });
    await visible(presented.getByText('Chưa cho ý kiến', { exact: true }));
    await visible(heading().getByText('Chờ ý kiến chỉ đạo'));
    await visible(timeline().getByText('Trình lãnh đạo', { exact: true }));
    // Routed: it leaves the clerk's "Chưa giao".
    await visible(menuItem('Chưa giao'));
  });

  it('shows the leader the document waiting for him, with the count in the menu', async () => {
    await signInAs('chanhvanphong');
    await menuItem('Chờ tôi xử lý 1').click();
    await visible(page.getByRole('tab', { name: 'Chờ tôi xử lý 1', selected: true }));
    const row = page.getByRole('row').filter({ hasText: DOC.subject });
    await visible(row);
    expect(await row.textContent()).toContain('Cho ý kiến');
    expect(await row.textContent()).toContain('Nguyễn Thị Văn Thư');
    await shot('inbox-leader');
    await row.getByRole('cell', { name: DOC.senderName, exact: true }).click();
    await visible(heading());
  });

  it('refuses a direction without a lead, in Vietnamese, and saves nothing', async () => {
    const posted: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/assignments')) posted.push(r.url());
    });
    await routingCard().getByRole('button', { name: 'Giao xử lý' }).click();
    const dialog = page.getByRole('dialog', { name: 'Giao xử lý' });
    await visible(dialog);
    await dialog.getByLabel('Ý kiến chỉ đạo').fill(INSTRUCTION);
    await dialogButton(dialog, 'Giao xử lý').click();
    await visible(dialog.getByText('Chọn một đơn vị hoặc một người chủ trì'));
    await shot('assign-without-lead', { dialog: true });
    expect(posted).toEqual([]);
    expect(await routingCard().getByText('Chưa cho ý kiến', { exact: true }).count()).toBe(1);
  });

  it('assigns the specialist as lead with a deadline of five working days', async () => {
    const dialog = page.getByRole('dialog', { name: 'Giao xử lý' });
    await choose(page, dialog.getByLabel('Chủ trì'), 'ngoc anh', SPECIALIST);
    await dialog.locator('label').filter({ hasText: /^Số ngày làm việc$/ }).click();
    await dialog.getByRole('spinbutton', { name: 'Số ngày làm việc' }).fill('5');
    // The dialog says which day that is before anything is saved.
    await visible(dialog.getByTestId('due-days-result').filter({ hasText: ddmmyyyy(dueIn5) }));
    await shot('assign-dialog', { dialog: true });
    await clickExpectingMessage(page, dialogButton(dialog, 'Giao xử lý'), 'Đã giao xử lý');
    await dialog.waitFor({ state: 'hidden' });

    const lead = routingCard().getByTestId('assignment').filter({ hasText: SPECIALIST });
    await visible(lead.getByText('Chờ tiếp nhận', { exact: true }));
    expect(await lead.textContent()).toContain(`Hạn xử lý: ${ddmmyyyy(dueIn5)}`);
    await visible(routingCard().getByText('Đã cho ý kiến', { exact: true }));
    await visible(heading().getByText('Đang xử lý'));
    // Nothing waits for him any more.
    await visible(menuItem('Chờ tôi xử lý'));
    await shot('routing-card-assigned');
  });

  it('puts the document in the specialist’s inbox', async () => {
    await signInAs('chuyenvien');
    await menuItem('Chờ tôi xử lý 1').click();
    const row = page.getByRole('row').filter({ hasText: DOC.subject });
    await visible(row);
    const text = await row.textContent();
    expect(text).toContain('Chủ trì');
    expect(text).toContain('Chờ tiếp nhận');
    expect(text).toContain(ddmmyyyy(dueIn5));
    expect(text).toContain(LEADER);
    // the inbox's search box, without accents; a word that is nowhere empties the list
    const search = page.getByLabel('Tìm trong hộp việc');
    await search.fill('khong co van ban nay');
    await search.press('Enter');
    await visible(page.getByText('Không có kết quả phù hợp'));
    await search.fill('giai ngan von dau tu cong');
    await search.press('Enter');
    await visible(row);
    await shot('inbox-specialist');
    await row.getByRole('cell', { name: DOC.senderName, exact: true }).click();
    await visible(heading());
  });

  it('lets her accept, report progress and complete it with a result', async () => {
    const mine = routingCard().getByRole('group', { name: 'Việc của bạn' });
    await clickExpectingMessage(page, mine.getByRole('button', { name: 'Tiếp nhận' }), 'Đã tiếp nhận xử lý');
    await visible(mine.getByText('Đang xử lý', { exact: true }));

    await mine.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
    const report = page.getByRole('dialog', { name: 'Báo cáo tiến độ' });
    await report.getByLabel('Nội dung báo cáo').fill('Đã tổng hợp số liệu giải ngân của các sở; đang dự thảo văn bản trả lời.');
    await clickExpectingMessage(page, dialogButton(report, 'Gửi báo cáo'), 'Đã gửi báo cáo tiến độ');
    await report.waitFor({ state: 'hidden' });
    await shot('routing-card-specialist');

    await mine.getByRole('button', { name: 'Hoàn thành' }).click();
    const complete = page.getByRole('dialog', { name: 'Hoàn thành xử lý' });
    await complete.getByLabel('Kết quả xử lý').fill(RESULT);
    await shot('complete-dialog', { dialog: true });
    await clickExpectingMessage(page, dialogButton(complete, 'Hoàn thành'), 'Đã hoàn thành xử lý');
    await complete.waitFor({ state: 'hidden' });
  });

  it('shows the document handled, with every step on its timeline', async () => {
    await visible(heading().getByText('Đã xử lý xong'));
    const lead = routingCard().getByTestId('assignment').filter({ hasText: SPECIALIST });
    await visible(lead.getByText('Hoàn thành', { exact: true }));
    expect(await lead.textContent()).toContain(RESULT);
    expect(await routingCard().getByRole('button').count()).toBe(0);

    const steps = await timeline().locator('.ant-timeline-item strong').allTextContents();
    const handling = steps.filter((s) => !['Đã xem', 'Xem tệp'].includes(s));
    expect(handling).toEqual(['Vào sổ', 'Trình lãnh đạo', 'Giao xử lý', 'Tiếp nhận', 'Báo cáo tiến độ', 'Hoàn thành']);
    const events = await timeline().textContent();
    expect(events).toContain(INSTRUCTION);
    expect(events).toContain(RESULT);
    await shot('document-done');

    // Back to the inbox it came from: nothing waits for her, and the work is under "Đã xong".
    await page.getByRole('button', { name: 'Về hộp việc' }).click();
    await visible(page.getByText('Không có văn bản nào chờ bạn xử lý'));
    await visible(menuItem('Chờ tôi xử lý'));
    await page.getByRole('tab', { name: /^Đã xong/ }).click();
    const done = page.getByRole('row').filter({ hasText: DOC.subject });
    await visible(done);
    expect(await done.textContent()).toContain('Hoàn thành');
    expect(new URL(page.url()).pathname).toBe('/hop-viec/da-xong');
  });
});
