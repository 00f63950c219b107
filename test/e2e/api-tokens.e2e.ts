// API tokens: the administrator opens "Mã truy cập API" from the account menu, makes a token for an
// integration (a nameless one refused on its field), sees it once with a curl example to try it, and the token
// opens the API as him; the list shows when it was last used. He revokes it, and the API refuses it from then
// on. A clerk, who may make no token, is offered neither the page nor the menu entry.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserFlow, startBrowserFlow } from './browser.js';
import type { RunningServer } from './server.js';
import { clickExpectingMessage, dialogButton, dropdownSettled, login, screenshotIfFailed, switchUser, visible } from './ui.js';

const DEMO_PASSWORD = 'VanPhongSo@2025';
const TOKEN_NAME = 'Cổng dịch vụ công tỉnh An Giang';
const PAGE_TITLE = 'Mã truy cập API';

let flow: BrowserFlow;
let server: RunningServer;
let page: Page;
let shot: BrowserFlow['shot'];
/** The token read off the screen where it is shown once. */
let token = '';

const table = () => page.getByTestId('api-tokens-table');
const rowOf = (text: string) => table().locator('tbody tr.ant-table-row').filter({ hasText: text });
const cellTexts = async (row: Locator) => (await row.locator('td').allTextContents()).map((s) => s.trim());

const DAY_MS = 86_400_000;

/** An instant as the app shows it, dd/MM/yyyy HH:mm in Vietnam (UTC+7, no summer time), read back. */
function shownInstant(text: string | undefined): number {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(text ?? '');
  if (!m) throw new Error(`not dd/MM/yyyy HH:mm: "${text}"`);
  const [, dd, mm, yyyy, hh, min] = m;
  return Date.parse(`${yyyy}-${mm}-${dd}T${hh}:${min}:00+07:00`);
}

/** Shown to the minute: within two minutes of the expected instant (the flow's own steps take a few seconds). */
const expectAbout = (text: string | undefined, expected: number) => expect(Math.abs(shownInstant(text) - expected)).toBeLessThanOrEqual(120_000);

/** Picks an option of a select without a search box: its options live in a portal the field's id names. */
async function pick(field: Locator, option: string) {
  const id = await field.getAttribute('id');
  await field.click();
  const item = page.locator(`.ant-select-dropdown:has([id="${id}_list"]) .ant-select-item-option`).filter({ hasText: new RegExp(`^${option}$`) });
  await visible(item);
  await item.click();
  await item.waitFor({ state: 'hidden', timeout: 5_000 });
}

const me = (bearer: string) => fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${bearer}` } });

beforeAll(async () => {
  flow = await startBrowserFlow(95);
  ({ server, page, shot } = flow);
});

afterEach(({ task }) => screenshotIfFailed(page, task));

afterAll(async () => {
  await flow?.close();
});

describe('API tokens in the web app', () => {
  it('lets the administrator open his API tokens from the account menu, with none yet', async () => {
    await page.goto('/');
    await login(page, 'admin', DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Tài khoản của tôi' }).click();
    await dropdownSettled(page);
    await page.locator('.ant-dropdown').getByRole('menuitem', { name: PAGE_TITLE, exact: true }).click();
    await visible(page.getByRole('heading', { name: PAGE_TITLE, exact: true }));
    expect(new URL(page.url()).pathname).toBe('/quan-tri/ma-truy-cap-api');
    expect(await page.title()).toBe('Mã truy cập API — Văn phòng số');
    // The same page sits in the administration menu, and is the one selected there.
    await visible(page.getByRole('complementary').locator('.ant-menu-item-selected').getByText(PAGE_TITLE, { exact: true }));
    await visible(table().getByText('Bạn chưa tạo mã truy cập nào'));
    await shot('api-tokens-empty');
  });

  it('makes a token for 30 days (a nameless one refused) and shows it once with a curl example', async () => {
    await page.getByRole('button', { name: 'Tạo mã truy cập' }).click();
    const ask = page.getByRole('dialog', { name: 'Tạo mã truy cập API' });
    await visible(ask);
    await dialogButton(ask, 'Tạo mã').click();
    await visible(ask.getByText('Đặt tên cho mã truy cập', { exact: true }));
    await ask.getByLabel('Tên gợi nhớ').fill(TOKEN_NAME);
    await pick(ask.getByLabel('Thời hạn'), '30 ngày');
    await shot('api-token-create', { dialog: true });
    await dialogButton(ask, 'Tạo mã').click();

    const shown = page.getByRole('dialog', { name: `Mã truy cập mới: ${TOKEN_NAME}` });
    await visible(shown.getByText(/^Mã chỉ hiện một lần này\./));
    token = ((await shown.getByTestId('api-token-value').textContent()) ?? '').trim();
    expect(token).toMatch(/^vps_[\w-]{40,}$/);
    expect(((await shown.getByTestId('api-token-example').textContent()) ?? '').trim()).toBe(`curl -H "Authorization: Bearer ${token}" ${server.url}/api/auth/me`);
    await visible(shown.getByRole('button', { name: 'Sao chép' }).first());
    expectAbout((await shown.locator('.ant-descriptions-row').filter({ hasText: 'Hết hạn' }).locator('td').textContent())?.trim(), Date.now() + 30 * DAY_MS);
    await shot('api-token-shown-once', { dialog: true });

    // A click beside the dialog or Escape does not throw the token away; its button does.
    await page.mouse.click(10, 10);
    await page.keyboard.press('Escape');
    await visible(shown);
    await shown.getByRole('button', { name: 'Đã lưu mã, đóng' }).click();
    await shown.waitFor({ state: 'hidden' });
    expect(await page.getByText(token).count()).toBe(0);

    const row = rowOf(TOKEN_NAME);
    await visible(row);
    const [name, prefix, created, lastUsed, expires, status] = await cellTexts(row);
    expect(name).toBe(TOKEN_NAME);
    expect(prefix).toBe(`${token.slice(0, 10)}…`);
    expectAbout(created, Date.now());
    expect(lastUsed).toBe('Chưa dùng');
    expectAbout(expires, Date.now() + 30 * DAY_MS);
    expect(status).toBe('Đang dùng');
    // The secret itself is nowhere on the page any more.
    expect(await table().textContent()).not.toContain(token);
  });

  it('opens the API as the administrator with the token, and the list says it was used', async () => {
    const res = await me(token);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { user: { username: string; fullName: string }; csrfToken: string | null };
    expect(body.user).toMatchObject({ username: 'admin', fullName: 'Trần Quản Trị' });
    // A token needs no CSRF token: browsers never send it on their own.
    expect(body.csrfToken).toBeNull();

    await page.reload();
    const row = rowOf(TOKEN_NAME);
    await visible(row);
    expectAbout((await cellTexts(row))[3], Date.now());
  });

  it('revokes the token after asking, and the API refuses it from then on', async () => {
    const row = rowOf(TOKEN_NAME);
    await row.getByRole('button', { name: `Thu hồi: ${TOKEN_NAME}` }).click();
    const confirm = page.locator('.ant-popconfirm').filter({ hasText: `Thu hồi mã “${TOKEN_NAME}”?` });
    await visible(confirm.getByText(/^Hệ thống nào đang dùng mã này/));
    await shot('api-token-revoke-confirm', { dialog: true });
    await clickExpectingMessage(page, confirm.getByRole('button', { name: 'Thu hồi', exact: true }), `Đã thu hồi mã “${TOKEN_NAME}”`);
    await visible(row.getByText('Đã thu hồi', { exact: true }));
    // Nothing is left to revoke on that row.
    expect(await row.getByRole('button', { name: `Thu hồi: ${TOKEN_NAME}` }).count()).toBe(0);
    await shot('api-tokens-revoked');

    const res = await me(token);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { detail?: string }).detail).toBe('Mã truy cập API không hợp lệ, đã hết hạn hoặc bị thu hồi');
  });

  it('offers a clerk neither the menu entry nor the page', async () => {
    await switchUser(page, 'vanthu', DEMO_PASSWORD);
    expect(await page.getByRole('menuitem', { name: PAGE_TITLE, exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Tài khoản của tôi' }).click();
    await dropdownSettled(page);
    await visible(page.locator('.ant-dropdown').getByRole('menuitem', { name: 'Đổi mật khẩu', exact: true }));
    expect(await page.locator('.ant-dropdown').getByRole('menuitem', { name: PAGE_TITLE, exact: true }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.goto('/quan-tri/ma-truy-cap-api');
    await visible(page.getByText('Bạn không có quyền xem trang này'));
  });
});
