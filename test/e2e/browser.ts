import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './server.js';

export const SCREENSHOT_DIR = path.join(ROOT, 'test-output', 'screenshots');

/** Debian's Chromium, quiet: no sandbox (containers), no GPU, no background traffic to Google. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** Full-page screenshots numbered in the order taken: test-output/screenshots/NN-name.png. */
export function screenshotter(page: Page) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  let n = 0;
  return async (name: string) => {
    n += 1;
    // Let antd's enter animations and lazy chunks settle, so the picture shows what a person sees.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${String(n).padStart(2, '0')}-${name}.png`), fullPage: true });
  };
}
