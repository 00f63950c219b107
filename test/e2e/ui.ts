// Small steps every browser flow repeats, written the way a person does them.
import type { Locator, Page } from 'playwright-core';

export const visible = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 15_000 });

/**
 * Clicks and expects the confirmation message. The wait starts before the click: on a busy machine the
 * click can return after the 3-second message has come and gone.
 */
export async function clickExpectingMessage(page: Page, button: Locator, text: string) {
  const shown = visible(page.locator('.ant-message').getByText(text, { exact: true })).then(
    () => null,
    (err: unknown) => err,
  );
  await button.click();
  const failed = await shown;
  if (failed) throw failed;
}

// Runs in the page: the root tsconfig has no DOM types, so the element's own document is reached through it.
export const isFocused = (locator: Locator) => locator.evaluate((el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement);

export async function login(page: Page, username: string, password: string) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await visible(page.getByRole('heading', { name: /^Xin chào, / }));
}

/**
 * Waits for an opening antd dropdown to finish its animation. A menu item pressed while it still moves
 * takes the focus, and Chromium may scroll the page to it between mousedown and mouseup: the click is lost.
 */
export const dropdownSettled = (page: Page) =>
  page
    .locator('.ant-dropdown:not(.ant-dropdown-hidden)')
    .evaluate((el: { getAnimations(o: { subtree: boolean }): { finished: Promise<unknown> }[] }) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));

export async function logout(page: Page) {
  await page.getByRole('button', { name: 'Tài khoản của tôi' }).click();
  await dropdownSettled(page);
  await page.getByRole('menuitem', { name: 'Đăng xuất', exact: true }).click();
  await visible(page.getByText('Bạn đã đăng xuất.'));
}

/** A picture of the moment of failure says more than a timeout message. */
export async function screenshotIfFailed(page: Page | undefined, task: { name: string; result?: { state?: string } }) {
  if (page && task.result?.state === 'fail') {
    await page.screenshot({ path: `test-output/screenshots/failed-${task.name.replace(/\W+/g, '-')}.png`, fullPage: true }).catch(() => undefined);
  }
}

/**
 * Types into an antd select and clicks the matching option. The options live in a portal outside the
 * field; the field's id names its listbox, which finds the right dropdown among those kept in the DOM.
 */
export async function choose(page: Page, field: Locator, search: string, option: string) {
  const id = await field.getAttribute('id');
  const select = page.locator(`.ant-select:has([id="${id}"])`).first();
  const multiple = ((await select.getAttribute('class')) ?? '').includes('ant-select-multiple');
  for (let attempt = 1; ; attempt += 1) {
    await field.click();
    await field.fill(search);
    const item = page.locator(`.ant-select-dropdown:has([id="${id}_list"]) .ant-select-item-option`).filter({ hasText: option }).first();
    await visible(item);
    await item.click();
    await item.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    // A busy browser now and then drops the click on the option and a single select stays empty: choose
    // again. (A second click in a multiple select would take the choice back, so those are left alone.)
    if (multiple || attempt === 3 || (await select.locator('.ant-select-content-has-value').count()) > 0) return;
  }
}

/** A JSON request as the signed-in user (session cookie and CSRF token), for setting up what a test needs. */
export async function apiAsUser(page: Page, method: 'GET' | 'POST', url: string, data?: unknown): Promise<{ status: number; body: unknown }> {
  const me = await page.request.get('/api/auth/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await page.request.fetch(url, { method, data, headers: { 'x-csrf-token': csrfToken } });
  return { status: res.status(), body: await res.json() };
}

/** A dialog's own button (the page behind it has buttons with the same names). */
export const dialogButton = (dialog: Locator, name: string) => dialog.locator('.ant-modal-footer').getByRole('button', { name, exact: true });

/**
 * The next person of a flow. Signing out goes through the API and a fresh page load: the account menu's
 * own sign-out is proven elsewhere, and a click on it can be lost while a long page settles.
 */
export async function switchUser(page: Page, username: string, password: string) {
  const me = await page.request.get('/api/auth/me');
  if (me.ok()) {
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const out = await page.request.post('/api/auth/logout', { headers: { 'x-csrf-token': csrfToken } });
    if (!out.ok()) throw new Error(`logout failed: ${out.status()}`);
  }
  await page.goto('/');
  await login(page, username, password);
}
