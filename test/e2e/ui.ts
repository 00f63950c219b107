// Small steps every browser flow repeats, written the way a person does them.
import type { Locator, Page } from 'playwright-core';

export const visible = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 15_000 });

// Runs in the page: the root tsconfig has no DOM types, so the element's own document is reached through it.
export const isFocused = (locator: Locator) => locator.evaluate((el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement);

export async function login(page: Page, username: string, password: string) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await visible(page.getByRole('heading', { name: /^Xin chào, / }));
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: 'Tài khoản của tôi' }).click();
  await page.getByRole('menuitem', { name: 'Đăng xuất', exact: true }).click();
  await visible(page.getByText('Bạn đã đăng xuất.'));
}

/** A picture of the moment of failure says more than a timeout message. */
export async function screenshotIfFailed(page: Page | undefined, task: { name: string; result?: { state?: string } }) {
  if (page && task.result?.state === 'fail') {
    await page.screenshot({ path: `test-output/screenshots/failed-${task.name.replace(/\W+/g, '-')}.png`, fullPage: true }).catch(() => undefined);
  }
}
