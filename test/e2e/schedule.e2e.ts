// The leaders' weekly schedule from draft to the public page: the Office's specialist drafts a week two weeks
// ahead (one entry puts the Vice-Chairman in two places at once — the page flags it), the Vice-Chairman
// approves and publishes it, and anyone without an account reads it on the public page. Then the statistics.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openContext, screenshotter } from './browser.js';
import { type BrowserFlow, startBrowserFlow } from './browser.js';
import { apiAsUser, choose, clickExpectingMessage, dialogButton, login, screenshotIfFailed, switchUser, visible } from './ui.js';

const DEMO_PASSWORD = 'VanPhongSo@2025';
const FIRST = 'Họp Ban Chỉ đạo chuyển đổi số tỉnh';
const SECOND = 'Tiếp công dân định kỳ tháng';

let flow: BrowserFlow;
let page: Page;
let shot: BrowserFlow['shot'];

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const mondayOf = (iso: string) => addDays(iso, -((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7));
// two weeks ahead: the demo data has this week (published) and next week (draft) already
const WEEK = addDays(mondayOf(today()), 14);
const TUESDAY = addDays(WEEK, 1);
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');
const menuItem = (name: string) => page.getByRole('menuitem', { name, exact: true });
// a conflicting row names the entry it clashes with: the first entry is the 08:00 row, the second the 09:30 one
const firstRow = (p: Page) => p.getByRole('row').filter({ hasText: FIRST }).first();
const secondRow = (p: Page) => p.getByRole('row').filter({ hasText: SECOND }).last();
const openMeetingsMenu = () => page.locator('.ant-menu-submenu-title').filter({ hasText: 'Lịch công tác và họp' }).click();

beforeAll(async () => {
  flow = await startBrowserFlow(150);
  ({ page, shot } = flow);
});

afterEach(({ task }) => screenshotIfFailed(page, task));

afterAll(async () => {
  await flow?.close();
});

describe('the weekly schedule from draft to the public page', () => {
  it('lets the Office specialist draft two entries; the second one puts the Vice-Chairman in two places and is flagged', async () => {
    await page.goto('/');
    await login(page, 'chuyenvien', DEMO_PASSWORD);
    await openMeetingsMenu();
    await menuItem('Lịch công tác').click();
    await visible(page.getByRole('heading', { name: 'Lịch công tác tuần', exact: true }));
    await page.getByRole('button', { name: 'Sau' }).click();
    await page.getByRole('button', { name: 'Sau' }).click();
    await visible(page.getByText(`Tuần từ ${ddmmyyyy(WEEK)} đến ${ddmmyyyy(addDays(WEEK, 6))}`));
    await visible(page.getByText('Dự thảo', { exact: true }));

    await page.getByRole('button', { name: 'Thêm lịch' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm lịch' });
    await visible(dialog);
    await dialog.getByLabel('Ngày').fill(ddmmyyyy(TUESDAY));
    await dialog.getByLabel('Ngày').press('Enter');
    const times = dialog.locator('.ant-picker-range input');
    await times.nth(0).click();
    await times.nth(0).fill('08:00');
    await times.nth(0).press('Enter');
    await times.nth(1).fill('10:30');
    await times.nth(1).press('Enter');
    await choose(page, dialog.getByLabel('Lãnh đạo'), 'Đức', 'Lê Minh Đức');
    await page.keyboard.press('Escape');
    await dialog.getByLabel('Nội dung công việc').fill(FIRST);
    await choose(page, dialog.getByLabel('Phòng họp'), 'Phòng họp A', 'Phòng họp A');
    await dialog.getByLabel('Thành phần').fill('Thành viên Ban Chỉ đạo, Sở Khoa học và Công nghệ');
    await shot('schedule-entry-dialog', { dialog: true });
    await dialogButton(dialog, 'Lưu').click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(firstRow(page));

    // the second entry overlaps the first for the same leader
    const leaders = (await apiAsUser(page, 'GET', '/api/schedule/leaders')).body as { items: { id: string; fullName: string }[] };
    const duc = leaders.items.find((l) => l.fullName === 'Lê Minh Đức')!;
    const second = await apiAsUser(page, 'POST', '/api/schedule/entries', { startsAt: `${TUESDAY}T09:30:00+07:00`, endsAt: `${TUESDAY}T11:00:00+07:00`, leaderIds: [duc.id], content: SECOND, place: 'Trụ sở Tiếp công dân tỉnh' });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    await page.reload();
    const flagged = secondRow(page);
    await visible(flagged.getByText(/Lê Minh Đức trùng lịch với "Họp Ban Chỉ đạo chuyển đổi số tỉnh"/));
    expect(await flagged.getAttribute('class')).toContain('vps-sched-conflict');
    await visible(page.getByText('2 mục trùng lịch'));
    // a specialist drafts, only a leader approves
    expect(await page.getByRole('button', { name: 'Duyệt lịch' }).count()).toBe(0);
    await shot('schedule-week-draft-conflict');
  });

  it('lets the Vice-Chairman approve and publish the week', async () => {
    await switchUser(page, 'lanhdao', DEMO_PASSWORD);
    await page.goto(`/lich-cong-tac?ngay=${TUESDAY}`);
    await visible(firstRow(page));
    await page.getByRole('button', { name: 'Duyệt lịch' }).click();
    await visible(page.getByText('Lịch còn 2 mục trùng lịch. Vẫn duyệt?'));
    await shot('schedule-approve-confirm');
    await clickExpectingMessage(page, page.locator('.ant-popconfirm').getByRole('button', { name: 'Duyệt lịch' }), 'Đã duyệt lịch công tác tuần');
    await visible(page.getByText('Đã duyệt', { exact: true }));
    await page.getByRole('button', { name: 'Công bố' }).click();
    await clickExpectingMessage(page, page.locator('.ant-popconfirm').getByRole('button', { name: 'Công bố' }), 'Đã công bố lịch công tác tuần');
    await visible(page.getByText('Đã công bố', { exact: true }));
    await shot('schedule-week-published');

    await page.getByRole('button', { name: 'Sao chép liên kết lịch (iCalendar)' }).click();
    await visible(page.locator('.ant-message').getByText(/calendar\.ics/));
    const ics = await page.request.get('/api/public/schedule/an-giang/calendar.ics');
    expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(await ics.text()).toContain(`SUMMARY:${FIRST}`);

    await page.getByText('Tháng', { exact: true }).click();
    await visible(page.locator('.ant-picker-calendar'));
    await shot('schedule-month');
  });

  it('shows the published week to anyone, without login, ready to print', async () => {
    const browser = await launchChromium();
    try {
      const context = await openContext(browser, flow.server.url);
      const visitor = await context.newPage();
      const visitorShot = screenshotter(visitor, 145);
      await visitor.goto(`/cong-khai/lich-cong-tac/an-giang?tuan=${WEEK}`);
      await visible(visitor.getByRole('heading', { name: 'LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO UBND TỈNH' }));
      await visible(firstRow(visitor));
      await visible(secondRow(visitor));
      // no conflict notes in public, no menu, no login
      expect(await visitor.getByText(/trùng lịch/).count()).toBe(0);
      expect(await visitor.getByLabel('Tên đăng nhập').count()).toBe(0);
      await visitorShot('schedule-public-week');
      await visitor.getByRole('button', { name: /Tuần sau/ }).click();
      await visible(visitor.getByText(/chưa được công bố/));
      await visitorShot('schedule-public-not-published');
      await context.close();
    } finally {
      await browser.close();
    }
  });

  it('opens the statistics page with the delegations since 1 July 2025', async () => {
    shot = screenshotter(page, 147);
    await openMeetingsMenu();
    await menuItem('Thống kê họp').click();
    await visible(page.getByRole('heading', { name: 'Thống kê họp, đoàn công tác' }));
    await page.getByRole('button', { name: 'Từ 01/7/2025' }).click();
    await visible(page.getByText('Đoàn công tác đã đón tiếp'));
    const stats = (await apiAsUser(page, 'GET', `/api/meetings/stats?from=2025-07-01&to=${today()}`)).body as { delegations: { received: number } };
    expect(stats.delegations.received).toBeGreaterThanOrEqual(6);
    await visible(page.locator('canvas').first());
    await shot('meeting-stats');
    await menuItem('Đoàn công tác').click();
    await visible(page.getByRole('heading', { name: 'Đoàn công tác', exact: true }));
    await visible(page.getByRole('link', { name: 'Đoàn công tác của Văn phòng Chính phủ' }));
    await page.getByRole('link', { name: 'Đoàn công tác của Văn phòng Chính phủ' }).click();
    await visible(page.getByText('Nhiệm vụ sau buổi làm việc'));
    await shot('delegation-detail');
  });
});
