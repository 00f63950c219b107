import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT, startServer, type RunningServer } from './server.js';

export const SCREENSHOT_DIR = path.join(ROOT, 'test-output', 'screenshots');

/** Debian's Chromium, quiet: no sandbox (containers), no GPU, no background traffic to Google. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/**
 * A person's browser as the flows use it: a laptop screen, Vietnamese, the province's time zone, and the
 * preference for reduced motion, which the app honours by turning antd's animations off — a half-run
 * animation on a busy machine would otherwise leave, say, a spinner in a button that has finished.
 */
export function openContext(browser: Browser, baseURL: string, opts: { acceptDownloads?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', reducedMotion: 'reduce', ...opts });
}

/**
 * Full-page screenshots numbered in the order taken: test-output/screenshots/NN-name.png. Each e2e file
 * starts at its own number (`first`), so the files' pictures sort by flow and never overwrite each other.
 * A dialog is taken as the screen shows it (`dialog: true`): a full-page picture would show the page
 * running on below the dialog's mask.
 */
export function screenshotter(page: Page, first = 1) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  let n = first - 1;
  return async (name: string, opts: { dialog?: boolean } = {}) => {
    n += 1;
    // Let antd's enter animations and lazy chunks settle, so the picture shows what a person sees.
    await page.waitForLoadState('networkidle');
    // From the top: a full-page picture taken while scrolled paints the sticky header and menu mid-page.
    if (!opts.dialog) await page.evaluate('window.scrollTo(0, 0)');
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${String(n).padStart(2, '0')}-${name}.png`), fullPage: !opts.dialog });
  };
}

/** What every browser flow starts with: its own server, a browser, a person's context and page, its pictures. */
export interface BrowserFlow {
  server: RunningServer;
  page: Page;
  shot: ReturnType<typeof screenshotter>;
  close(): Promise<void>;
}

export async function startBrowserFlow(firstScreenshot: number, opts: { acceptDownloads?: boolean; env?: Record<string, string> } = {}): Promise<BrowserFlow> {
  const server = await startServer(opts.env);
  const browser = await launchChromium();
  const context = await openContext(browser, server.url, { acceptDownloads: opts.acceptDownloads });
  const page = await context.newPage();
  return {
    server,
    page,
    shot: screenshotter(page, firstScreenshot),
    async close() {
      await context.close();
      await browser.close();
      await server.stop();
    },
  };
}
