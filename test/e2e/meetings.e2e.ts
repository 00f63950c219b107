// An online conference from invitation to tasks: the Vice-Chairman calls three communes to an online
// conference, the ward's staff record their connection, the Vice-Chairman marks it held and records the
// conclusion with two action items; the two tasks appear on the meeting and at the Department of Finance,
// which reports its task done; the ward's becomes overdue, is reminded and urged; the scoreboard shows both.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserFlow, startBrowserFlow } from './browser.js';
import { sql } from 'drizzle-orm';
import { apiAsUser, choose, clickExpectingMessage, dialogButton, login, screenshotIfFailed, switchUser, visible } from './ui.js';

const DEMO_PASSWORD = 'VanPhongSo@2025';
const TITLE = 'Hội nghị trực tuyến về dịch vụ công trực tuyến cấp xã';
const ITEM_FINANCE = 'Tổng hợp nhu cầu kinh phí trang bị điểm cầu trực tuyến cấp xã.';
const ITEM_WARD = 'Hoàn thành nâng cấp đường truyền điểm cầu phường Rạch Giá.';

let flow: BrowserFlow;
let page: Page;
let shot: BrowserFlow['shot'];
let meetingId: string;

const vnNow = () => new Date(Date.now() + 7 * 3_600_000);
const pad = (n: number) => String(n).padStart(2, '0');
/** dd/MM/yyyy HH:mm of a Vietnam wall-clock time (a Date shifted by +7 h). */
const typed = (d: Date) => `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
const inDays = (n: number) => {
  const d = new Date(vnNow().getTime() + n * 86_400_000);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
};
const signInAs = (username: string) => switchUser(page, username, DEMO_PASSWORD);

/** Opens a plain (not searchable) select and clicks the option. */
async function pick(field: Locator, option: string) {
  const id = await field.getAttribute('id');
  await field.click();
  const item = page.locator(`.ant-select-dropdown:has([id="${id}_list"]) .ant-select-item-option`).filter({ hasText: option }).first();
  await visible(item);
  await item.click();
  await item.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
}

beforeAll(async () => {
  flow = await startBrowserFlow(130, { env: { JITSI_BASE_URL: 'https://hop.angiang.example', JITSI_APP_ID: 'vanphongso', JITSI_APP_SECRET: 'bi-mat-jitsi-cua-tinh-an-giang-2026' } });
  ({ page, shot } = flow);
});

afterEach(({ task }) => screenshotIfFailed(page, task));

afterAll(async () => {
  await flow?.close();
});

describe('an online conference with three communes, its conclusion and tasks', () => {
  it('lets the Vice-Chairman see the week and call the conference with three communes', async () => {
    await page.goto('/');
    await login(page, 'lanhdao', DEMO_PASSWORD);
    await page.goto('/hop');
    await visible(page.getByRole('heading', { name: 'Họp, hội nghị', exact: true }));
    await visible(page.getByTestId('meeting-week'));
    await visible(page.getByTestId('calendar-meeting').first());
    await shot('meetings-week');

    await page.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo cuộc họp' });
    await visible(dialog);
    await pick(dialog.getByLabel('Loại cuộc họp'), 'Hội nghị trực tuyến');
    await dialog.getByLabel('Tên cuộc họp').fill(TITLE);
    // it began half an hour ago, so it can be marked held at once
    const start = new Date(vnNow().getTime() - 30 * 60_000);
    start.setUTCMinutes(start.getUTCMinutes() - (start.getUTCMinutes() % 5), 0, 0);
    const end = new Date(start.getTime() + 2 * 3_600_000);
    const range = dialog.locator('.ant-picker-range input');
    await range.nth(0).click();
    await range.nth(0).fill(typed(start));
    await range.nth(0).press('Enter');
    await range.nth(1).fill(typed(end));
    await range.nth(1).press('Enter');
    await pick(dialog.getByLabel('Phòng họp'), 'Phòng họp trực tuyến –');
    await choose(page, dialog.getByLabel('Chủ trì'), 'Le Minh Duc', 'Lê Minh Đức');
    await choose(page, dialog.getByLabel('Cơ quan được mời'), 'so tai chinh', 'Sở Tài chính');
    for (const [search, name] of [['Rach Gia', 'Rạch Giá'], ['An Phu', 'xã An Phú'], ['Vinh Hau', 'xã Vĩnh Hậu']]) await choose(page, dialog.getByLabel('Điểm cầu'), search!, name!);
    await dialog.getByRole('button', { name: 'Thêm nội dung' }).click();
    await dialog.getByRole('textbox', { name: 'Nội dung' }).first().fill('Kết quả chuyển đổi số cấp xã, quý IV');
    await dialog.getByRole('textbox', { name: 'Trình bày' }).first().fill('Sở Khoa học và Công nghệ');
    await shot('meeting-create-dialog', { dialog: true });
    await dialogButton(dialog, 'Tạo cuộc họp').click();
    await dialog.waitFor({ state: 'hidden' });

    await visible(page.getByRole('heading', { name: TITLE }));
    meetingId = new URL(page.url()).pathname.split('/').pop()!;
    await visible(page.getByRole('button', { name: 'Tham gia họp trực tuyến' }));
    expect(await page.getByTestId('meeting-sites').getByRole('row').count()).toBe(4);
    // each person gets their own token for the Jitsi room
    const link = (await apiAsUser(page, 'GET', `/api/meetings/${meetingId}/join`)).body as { url: string };
    expect(link.url).toMatch(/^https:\/\/hop\.angiang\.example\/vps-[a-z2-7]{20}\?jwt=[\w-]+\.[\w-]+\.[\w-]+$/);

    await page.getByRole('button', { name: 'Lập giấy mời' }).click();
    await visible(page.getByRole('link', { name: 'Xem dự thảo giấy mời' }));
    await shot('meeting-detail-planned');
  });

  it('lets the ward record its own connection', async () => {
    await signInAs('xa');
    await page.goto(`/hop/${meetingId}`);
    const sites = page.getByTestId('meeting-sites');
    await visible(sites);
    await sites.getByRole('button', { name: 'Ghi nhận' }).click();
    const dialog = page.getByRole('dialog', { name: /Kết nối điểm cầu/ });
    await visible(dialog);
    await dialog.getByLabel('Số người dự').fill('25');
    await dialog.getByLabel('Ghi chú').fill('Đường truyền ổn định');
    await dialogButton(dialog, 'Lưu').click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(sites.getByRole('row').filter({ hasText: 'Rạch Giá' }).getByText('Đã kết nối'));
    await visible(sites.getByText('1/3 điểm cầu đã kết nối, 25 người dự'));
    await shot('meeting-site-connected');
  });

  it('lets the Vice-Chairman mark it held and record the conclusion with two tasks', async () => {
    await signInAs('lanhdao');
    await page.goto(`/hop/${meetingId}`);
    await visible(page.getByRole('heading', { name: TITLE }));
    await page.getByRole('button', { name: 'Ghi nhận đã họp' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Ghi nhận đã họp' }).click();
    await visible(page.getByTestId('meeting-state').getByText('Đã họp'));

    await page.getByRole('button', { name: 'Ghi kết luận' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ghi kết luận' });
    await visible(dialog);
    await dialog.getByLabel('Nội dung kết luận').fill('Các xã, phường hoàn thành kết nối điểm cầu trực tuyến trong tháng 12.\nSở Tài chính tổng hợp nhu cầu kinh phí, báo cáo UBND tỉnh.');
    for (const [i, [content, search, agency, days]] of ([[ITEM_FINANCE, 'so tai chinh', 'Sở Tài chính', 20], [ITEM_WARD, 'Rach Gia', 'Rạch Giá', 10]] as const).entries()) {
      await dialog.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
      const item = dialog.getByTestId('conclusion-item').nth(i);
      await visible(item);
      await item.getByLabel('Nội dung nhiệm vụ').fill(content);
      await choose(page, item.getByLabel('Cơ quan chủ trì'), search, agency);
      const due = item.getByLabel('Hạn hoàn thành');
      await due.click();
      await due.fill(inDays(days));
      // leave the field to take the typed date (Enter would submit the whole form)
      await item.getByText(`${i + 1}.`, { exact: true }).click();
    }
    await shot('meeting-conclusion-dialog', { dialog: true });
    await dialogButton(dialog, 'Ghi kết luận').click();
    await dialog.waitFor({ state: 'hidden' });

    const tasks = page.getByTestId('meeting-tasks');
    await visible(tasks.getByRole('link', { name: ITEM_FINANCE }));
    await visible(tasks.getByRole('link', { name: ITEM_WARD }));
    expect(await tasks.getByTestId('task-status').allTextContents()).toEqual(['Đang thực hiện, còn hạn', 'Đang thực hiện, còn hạn']);
    await visible(page.getByRole('link', { name: 'Xem dự thảo thông báo kết luận' }));
    await shot('meeting-detail-concluded');
  });

  it('shows the task at the Department of Finance to its clerk', async () => {
    await signInAs('vanthuso');
    await page.goto('/nhiem-vu/cua-toi');
    const row = page.getByRole('row').filter({ hasText: ITEM_FINANCE });
    await visible(row);
    await visible(row.getByText(`Kết luận cuộc họp: Thông báo kết luận cuộc họp ${TITLE}`));
    await shot('meeting-task-at-department');
  });

  it('lets the Department of Finance report its task done, and the Vice-Chairman confirm it on time', async () => {
    await signInAs('vanthuso');
    await page.goto('/nhiem-vu/cua-toi');
    await page.getByRole('row').filter({ hasText: ITEM_FINANCE }).getByRole('link', { name: ITEM_FINANCE }).click();
    await clickExpectingMessage(page, page.getByRole('button', { name: 'Tiếp nhận' }), 'Đã tiếp nhận nhiệm vụ');
    await page.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    const done = page.getByRole('dialog', { name: 'Báo cáo hoàn thành' });
    await done.getByLabel('Kết quả thực hiện').fill('Đã tổng hợp nhu cầu kinh phí của 102 điểm cầu, báo cáo UBND tỉnh tại Báo cáo số 415/BC-STC.');
    await clickExpectingMessage(page, dialogButton(done, 'Báo cáo hoàn thành'), 'Đã báo cáo hoàn thành');
    await done.waitFor({ state: 'hidden' });

    await signInAs('lanhdao');
    await page.goto('/nhiem-vu/toi-giao');
    await page.getByRole('row').filter({ hasText: ITEM_FINANCE }).getByRole('link', { name: ITEM_FINANCE }).click();
    await page.getByRole('button', { name: 'Xác nhận hoàn thành' }).click();
    const confirm = page.getByRole('dialog', { name: 'Xác nhận hoàn thành' });
    await clickExpectingMessage(page, dialogButton(confirm, 'Xác nhận hoàn thành'), 'Đã xác nhận hoàn thành');
    await confirm.waitFor({ state: 'hidden' });
    await visible(page.getByTestId('task-status').getByText('Hoàn thành đúng hạn'));
  });

  it('reminds the overdue ward task by itself; the Vice-Chairman urges it and the scoreboard shows both', async () => {
    // The server's clock cannot move: the ward's task is moved 12 days back instead, as if they had passed
    // (given 12 days ago, due 2 days ago). The reminders job runs when the server starts again.
    await flow.server.restart(async (db) => {
      await db.execute(sql`update tasks set assigned_on = assigned_on - 12, deadline = deadline - 12, original_deadline = original_deadline - 12 where content = ${ITEM_WARD}`);
    });
    const found = await apiAsUser(page, 'GET', `/api/tasks?view=assigned_by_me&status=overdue&q=${encodeURIComponent('Rach Gia')}`);
    const items = (found.body as { items: { id: string; content: string }[] }).items;
    const ward = items.find((i) => i.content === ITEM_WARD);
    expect(ward, JSON.stringify(found.body)).toBeDefined();
    await page.goto(`/nhiem-vu/${ward!.id}`);
    await visible(page.getByTestId('task-status').getByText('Quá hạn'));
    const timeline = page.getByTestId('task-timeline');
    // the job's first run comes a second after the start
    for (let i = 0; i < 30 && (await timeline.getByText('Nhắc quá hạn', { exact: true }).count()) === 0; i += 1) {
      await page.waitForTimeout(1_000);
      await page.reload();
      await visible(timeline);
    }
    await visible(timeline.getByText('Nhắc quá hạn', { exact: true }));

    await page.getByTestId('task-urge').click();
    const dialog = page.getByRole('dialog', { name: 'Đôn đốc' });
    await dialog.getByLabel('Nội dung đôn đốc').fill('Đề nghị phường Rạch Giá hoàn thành nâng cấp đường truyền trước phiên họp tới, báo cáo kết quả.');
    await clickExpectingMessage(page, dialogButton(dialog, 'Đôn đốc'), 'Đã đôn đốc nhiệm vụ');
    await dialog.waitFor({ state: 'hidden' });
    await visible(timeline.getByText('Đôn đốc', { exact: true }));
    await visible(page.getByTestId('task-urges').getByText('1 lần'));
    await shot('meeting-task-overdue-urged');

    await page.goto('/nhiem-vu/bang-theo-doi');
    await visible(page.getByRole('button', { name: /^Sở Tài chính: Hoàn thành đúng hạn [1-9]\d*$/ }));
    await visible(page.getByRole('button', { name: /Rạch Giá: Quá hạn [1-9]\d*$/ }));
    await shot('meeting-tasks-scoreboard');
  });

  it('shows the month and the list of meetings', async () => {
    await signInAs('lanhdao');
    await page.goto('/hop');
    await page.getByText('Tháng', { exact: true }).click();
    await visible(page.locator('.ant-picker-calendar'));
    await visible(page.getByTestId('calendar-meeting').filter({ hasText: TITLE }));
    await shot('meetings-month');
    await page.getByText('Danh sách', { exact: true }).click();
    await visible(page.getByRole('row').filter({ hasText: TITLE }));
    await shot('meetings-list');
    // the leaders keep the rooms at the two locations
    await page.getByRole('button', { name: 'Phòng họp', exact: true }).click();
    const rooms = page.getByRole('dialog', { name: 'Phòng họp' });
    await visible(rooms.getByRole('row').filter({ hasText: 'Phòng họp trực tuyến cơ sở 2' }));
    await shot('meeting-rooms', { dialog: true });
  });
});
