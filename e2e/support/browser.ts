import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { ARTIFACTS } from './server.js';

/**
 * Debian's Chromium (apt-get install chromium; .ci/run does it), driven by playwright-core.
 * No test tool downloads a browser here. Playwright gives every launch a new empty profile
 * (its own temporary --user-data-dir), so no state leaks between runs.
 */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling hosts this closed network refuses.
const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME_PATH, headless: true, args: CHROME_ARGS, timeout: 60_000 });
}

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
export const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** A fresh browser context (its own cookies and storage) for one person, Chinese by default. */
export async function newContext(
  browser: Browser,
  baseURL: string,
  opts: BrowserContextOptions = DESKTOP,
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL, ...opts });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Saves a full-page PNG to e2e/artifacts/<name>.png (gitignored; CI keeps the folder). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Collects uncaught page errors and failed console errors so a journey can assert there were none. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

/**
 * Waits until `read()` satisfies the assertion that follows, e.g. `await until(() => titles(page)).toEqual([...])`.
 * vitest's expect.poll with a timeout for pages under load (its default, 1 s, is for unit tests).
 */
export function until<T>(read: () => T | Promise<T>, timeout = 20_000) {
  return expect.poll(read, { timeout, interval: 100 });
}
