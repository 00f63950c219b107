// A task's way from the leader to a department and back: the Vice-Chairman gives the Department of Finance a
// task with a deadline in working days, naming one of its people; she accepts it, reports progress and then
// done; the Vice-Chairman confirms it, and the list shows it done on time. The derived status is on every page.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../helpers/fixtures.js';
import { type BrowserFlow, startBrowserFlow } from './browser.js';
import { apiAsUser, choose, clickExpectingMessage, dialogButton, login, screenshotIfFailed, switchUser, visible } from './ui.js';

const DEMO_PASSWORD = 'VanPhongSo@2025';
const CONTENT = 'Rà soát, tham mưu phương án bố trí kinh phí chuyển đổi số cấp xã năm 2027';
const DUE_SOON = 'Tổng hợp số liệu giải ngân vốn đầu tư công tuần này';
const PERSON = 'Đặng Thu Trang';

let flow: BrowserFlow;
let page: Page;
let shot: BrowserFlow['shot'];
let taskId: string;

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');
const menuItem = (name: string) => page.getByRole('menuitem', { name, exact: true });
const statusTag = () => page.getByTestId('task-status').first();
const signInAs = (username: string) => switchUser(page, username, DEMO_PASSWORD);

beforeAll(async () => {
  flow = await startBrowserFlow(100);
  ({ page, shot } = flow);
});

afterEach(({ task }) => screenshotIfFailed(page, task));

afterAll(async () => {
  await flow?.close();
});

describe('a task from the leader to a department and back', () => {
  it('lets the Vice-Chairman give the Department of Finance a task due in five working days', async () => {
    await page.goto('/');
    await login(page, 'lanhdao', DEMO_PASSWORD);
    await menuItem('Nhiệm vụ').click();
    await visible(page.getByRole('heading', { name: 'Nhiệm vụ', exact: true }));
    expect(new URL(page.url()).pathname).toBe('/nhiem-vu/cua-toi');

    await page.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Giao nhiệm vụ' });
    await visible(dialog);
    await dialog.getByLabel('Nội dung nhiệm vụ').fill(CONTENT);
    await dialog.getByRole('textbox', { name: 'Ý kiến chỉ đạo' }).fill('Chỉ đạo của Phó Chủ tịch UBND tỉnh tại cuộc họp giao ban ngày 24/11');
    await choose(page, dialog.getByLabel('Cơ quan chủ trì'), 'so tai chinh', 'Sở Tài chính');
    await choose(page, dialog.getByLabel('Người chủ trì (không bắt buộc)'), 'Trang', PERSON);
    await choose(page, dialog.getByLabel('Cơ quan phối hợp'), 'Rach Gia', 'Rạch Giá');
    await dialog.getByRole('spinbutton', { name: 'Số ngày làm việc' }).fill('5');
    await visible(dialog.getByTestId('due-days-result'));
    await dialog.getByText('Khẩn', { exact: true }).click();
    await dialog.getByLabel('Kết quả đầu ra').fill('Tờ trình UBND tỉnh kèm dự thảo quyết định');
    await shot('task-create-dialog', { dialog: true });
    await dialogButton(dialog, 'Giao nhiệm vụ').click();
    await dialog.waitFor({ state: 'hidden' });

    await visible(page.getByText(CONTENT).first());
    taskId = new URL(page.url()).pathname.split('/').pop()!;
    const due = (await apiAsUser(page, 'GET', `/api/calendar/add-working-days?from=${today()}&days=5`)).body as { date: string };
    await visible(page.getByTestId('task-deadline').getByText(ddmmyyyy(due.date)));
    expect(await statusTag().textContent()).toBe('Đang thực hiện, còn hạn');
    expect(await page.getByTestId('task-state').textContent()).toBe('Mới giao');
    await shot('task-detail-assigned');

    // a second task due today, to show "due soon" in the list
    const { primaryAgencyId } = (await apiAsUser(page, 'GET', `/api/tasks/${taskId}`)).body as { primaryAgencyId: string };
    const soon = await apiAsUser(page, 'POST', '/api/tasks', { content: DUE_SOON, source: { kind: 'instruction', reference: 'Chỉ đạo trực tiếp' }, primaryAgencyId, dueDate: today() });
    expect(soon.status, JSON.stringify(soon.body)).toBe(201);
    await page.goto('/nhiem-vu/toi-giao');
    const soonRow = page.getByRole('row').filter({ hasText: DUE_SOON });
    await visible(soonRow.getByText('Sắp đến hạn'));
    await shot('tasks-given-by-me');
  });

  it('lets the person named accept it, report progress and report it done', async () => {
    await signInAs('so');
    await menuItem('Nhiệm vụ').click();
    const row = page.getByRole('row').filter({ hasText: CONTENT });
    await visible(row);
    await visible(row.getByText('Mới giao'));
    await shot('tasks-mine-department');
    await row.getByRole('link', { name: CONTENT }).click();
    await visible(page.getByTestId('task-timeline'));

    await clickExpectingMessage(page, page.getByRole('button', { name: 'Tiếp nhận' }), 'Đã tiếp nhận nhiệm vụ');
    await page.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
    const progress = page.getByRole('dialog', { name: 'Báo cáo tiến độ' });
    await visible(progress);
    await progress.getByLabel('Phần trăm hoàn thành').fill('60');
    await progress.getByLabel('Nội dung').fill('Đã tổng hợp nhu cầu kinh phí của 102 xã, phường, đặc khu; đang hoàn thiện dự thảo tờ trình.');
    await progress.locator('input[type=file]').setInputFiles({ name: 'tong-hop-nhu-cau.pdf', mimeType: 'application/pdf', buffer: samplePdf('Tong hop nhu cau kinh phi') });
    await visible(progress.getByTestId('upload-item').filter({ hasText: 'tong-hop-nhu-cau.pdf' }).locator('.ant-upload-list-item-done'));
    await shot('task-progress-dialog', { dialog: true });
    await clickExpectingMessage(page, dialogButton(progress, 'Báo cáo tiến độ'), 'Đã báo cáo tiến độ');
    await progress.waitFor({ state: 'hidden' });
    await visible(page.getByTestId('task-progress').getByText('60%'));
    await visible(page.getByRole('link', { name: 'tong-hop-nhu-cau.pdf' }));
    await shot('task-detail-in-progress');

    await page.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    const done = page.getByRole('dialog', { name: 'Báo cáo hoàn thành' });
    await done.getByLabel('Kết quả thực hiện').fill('Đã trình Tờ trình số 120/TTr-STC kèm dự thảo quyết định.');
    await clickExpectingMessage(page, dialogButton(done, 'Báo cáo hoàn thành'), 'Đã báo cáo hoàn thành');
    await done.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('task-state').textContent()).toBe('Chờ xác nhận hoàn thành');
    expect(await page.getByRole('button', { name: 'Xác nhận hoàn thành' }).count()).toBe(0);
  });

  it('lets the Vice-Chairman confirm it done on time', async () => {
    await signInAs('lanhdao');
    await page.goto('/nhiem-vu/toi-giao');
    const row = page.getByRole('row').filter({ hasText: CONTENT });
    await visible(row.getByText('Chờ xác nhận hoàn thành'));
    await row.getByRole('link', { name: CONTENT }).click();
    await page.getByRole('button', { name: 'Xác nhận hoàn thành' }).click();
    const confirm = page.getByRole('dialog', { name: 'Xác nhận hoàn thành' });
    await confirm.getByLabel('Ý kiến (không bắt buộc)').fill('Đạt yêu cầu.');
    await clickExpectingMessage(page, dialogButton(confirm, 'Xác nhận hoàn thành'), 'Đã xác nhận hoàn thành');
    await confirm.waitFor({ state: 'hidden' });
    await visible(page.getByTestId('task-status').getByText('Hoàn thành đúng hạn'));
    const timeline = page.getByTestId('task-timeline');
    for (const step of ['Giao nhiệm vụ', 'Tiếp nhận', 'Báo cáo tiến độ', 'Báo cáo hoàn thành', 'Xác nhận hoàn thành']) await visible(timeline.getByText(step, { exact: true }));
    await shot('task-detail-confirmed');

    await page.goto('/nhiem-vu/toi-giao');
    await visible(page.getByRole('row').filter({ hasText: CONTENT }).getByText('Hoàn thành đúng hạn'));
    await shot('tasks-given-by-me-done');
  });
});
