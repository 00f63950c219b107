// Urging (đôn đốc): the Vice-Chairman urges the Department of Finance about a task with a note; the
// department's clerk sees the bell's count, opens the notification and lands on the task, the urge on its
// timeline; the notification is read, and the list of all notifications shows it.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserFlow, startBrowserFlow } from './browser.js';
import { apiAsUser, choose, clickExpectingMessage, dialogButton, login, screenshotIfFailed, switchUser, visible } from './ui.js';

const DEMO_PASSWORD = 'VanPhongSo@2025';
const CONTENT = 'Báo cáo kết quả giải ngân vốn đầu tư công 11 tháng năm 2026';
const NOTE = 'Đề nghị Sở Tài chính khẩn trương tổng hợp, báo cáo trước ngày 05/12 để kịp phiên họp thường kỳ.';

let flow: BrowserFlow;
let page: Page;
let shot: BrowserFlow['shot'];
let taskId: string;

const REPORT = 'Báo cáo tình hình kinh tế – xã hội hằng tháng';
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');
const bell = () => page.getByTestId('notification-bell');
const timeline = () => page.getByTestId('task-timeline');

beforeAll(async () => {
  flow = await startBrowserFlow(110);
  ({ page, shot } = flow);
});

afterEach(({ task }) => screenshotIfFailed(page, task));

afterAll(async () => {
  await flow?.close();
});

describe('urging a task', () => {
  it('lets the leader who gave a task urge it with a note', async () => {
    await page.goto('/');
    await login(page, 'lanhdao', DEMO_PASSWORD);
    const agencies = (await apiAsUser(page, 'GET', '/api/agencies?q=so%20tai%20chinh&pageSize=5')).body as { items: { id: string; name: string }[] };
    const finance = agencies.items.find((a) => a.name === 'Sở Tài chính')!;
    const created = await apiAsUser(page, 'POST', '/api/tasks', { content: CONTENT, source: { kind: 'instruction', reference: 'Kết luận giao ban tuần của Chủ tịch UBND tỉnh' }, primaryAgencyId: finance.id, dueInWorkingDays: 10, priority: 'high' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    taskId = (created.body as { id: string }).id;

    await page.goto(`/nhiem-vu/${taskId}`);
    await visible(page.getByText(CONTENT).first());
    await visible(page.getByTestId('task-urges').getByText('Chưa đôn đốc'));
    await page.getByTestId('task-urge').click();
    const dialog = page.getByRole('dialog', { name: 'Đôn đốc' });
    await visible(dialog);
    // an empty note is not sent
    await dialogButton(dialog, 'Đôn đốc').click();
    await visible(dialog.getByText('Nhập nội dung đôn đốc'));
    await dialog.getByLabel('Nội dung đôn đốc').fill(NOTE);
    await shot('task-urge-dialog', { dialog: true });
    await clickExpectingMessage(page, dialogButton(dialog, 'Đôn đốc'), 'Đã đôn đốc nhiệm vụ');
    await dialog.waitFor({ state: 'hidden' });

    await visible(timeline().getByText('Đôn đốc', { exact: true }));
    await visible(timeline().getByText(NOTE));
    await visible(page.getByTestId('task-urges').getByText('1 lần'));
    await shot('task-urged');
  });

  it('shows the department’s clerk the bell’s count; the notification opens the task with the urge on its timeline', async () => {
    await switchUser(page, 'vanthuso', DEMO_PASSWORD);
    await page.waitForFunction(() => {
      const el = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } }).document.querySelector('[data-testid="notification-bell"]');
      return el?.getAttribute('aria-label') === 'Thông báo (1 chưa đọc)';
    });
    await shot('header-bell-unread');

    await bell().click();
    const panel = page.getByTestId('notification-panel');
    await visible(panel);
    const item = panel.getByTestId('notification').filter({ hasText: CONTENT });
    await visible(item);
    expect(await item.getAttribute('data-unread')).toBe('true');
    await visible(item.getByText('Đôn đốc', { exact: false }).first());
    await shot('notification-dropdown');

    await item.click();
    await page.waitForURL(`**/nhiem-vu/${taskId}`);
    await visible(timeline().getByText(NOTE));
    await visible(timeline().getByText('Lê Minh Đức').last());
    expect(await bell().getAttribute('aria-label')).toBe('Thông báo (0 chưa đọc)');
    // the clerk acts for the department but does not urge: that is the assigning leader's
    expect(await page.getByTestId('task-urge').count()).toBe(0);
    await shot('task-from-notification');
  });

  it('lists every notification on its own page, the one opened now read', async () => {
    await bell().click();
    await page.getByTestId('notification-panel').getByRole('link', { name: 'Xem tất cả thông báo' }).click();
    await page.waitForURL('**/thong-bao');
    await visible(page.getByRole('heading', { name: 'Thông báo', exact: true }));
    // the page's list, not the bell's (kept hidden in the page)
    const item = page.locator('.ant-layout-content').getByTestId('notification').filter({ hasText: CONTENT });
    await visible(item);
    expect(await item.getAttribute('data-unread')).toBeNull();
    await visible(page.getByText('1 thông báo · 0 chưa đọc'));
    expect(await page.getByRole('button', { name: 'Đánh dấu đã đọc tất cả' }).isDisabled()).toBe(true);
    await shot('notifications-page');
  });

  it('lets the leader give a monthly report task: a date deadline, an end date, the period shown on the task', async () => {
    await switchUser(page, 'lanhdao', DEMO_PASSWORD);
    await page.goto('/nhiem-vu/toi-giao');
    await page.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Giao nhiệm vụ' });
    await visible(dialog);
    await dialog.getByLabel('Nội dung nhiệm vụ').fill(REPORT);
    await dialog.getByRole('textbox', { name: 'Ý kiến chỉ đạo' }).fill('Quy chế làm việc của UBND tỉnh');
    await choose(page, dialog.getByLabel('Cơ quan chủ trì'), 'so tai chinh', 'Sở Tài chính');
    await dialog.getByText('Hằng tháng', { exact: true }).click();
    // a recurring task takes its deadline as a date: the working-days choice is gone
    expect(await dialog.getByText('Số ngày làm việc', { exact: true }).count()).toBe(0);
    const now = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const [y, m] = now.split('-').map(Number) as [number, number];
    const nextY = m === 12 ? y + 1 : y;
    const nextM = m === 12 ? 1 : m + 1;
    const due = `${nextY}-${String(nextM).padStart(2, '0')}-05`;
    const until = `${nextY + 1}-12-31`;
    await dialog.getByRole('textbox', { name: 'Đến ngày', exact: true }).fill(ddmmyyyy(due));
    await dialog.getByRole('textbox', { name: 'Đến ngày', exact: true }).press('Tab');
    await dialog.getByLabel('Lặp đến ngày').fill(ddmmyyyy(until));
    await dialog.getByLabel('Lặp đến ngày').press('Tab');
    await visible(dialog.getByText('Kỳ sau được tạo tự động', { exact: false }));
    await shot('task-create-recurring', { dialog: true });
    await dialogButton(dialog, 'Giao nhiệm vụ').click();
    await dialog.waitFor({ state: 'hidden' });

    await visible(page.getByTestId('task-period'));
    expect(await page.getByTestId('task-period').textContent()).toBe(`Kỳ Tháng ${nextM}/${nextY} (hằng tháng)`);
    await visible(page.getByText(`đến ${ddmmyyyy(until)}`, { exact: false }).first());
    await visible(page.getByTestId('task-deadline').getByText(ddmmyyyy(due)));
    await shot('task-recurring-detail');
    await page.goto('/nhiem-vu/toi-giao');
    await visible(page.getByRole('row').filter({ hasText: REPORT }).getByText(`Tháng ${nextM}/${nextY}`, { exact: true }));
  });
});
