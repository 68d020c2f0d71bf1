import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, PHONE, screenshot, until, watchPageErrors } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

// The built app starts like `npm start` does and serves the web client and the API on one port.
describe('smoke: npm start serves the web client and the API', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer('smoke');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('is healthy on the embedded database', async () => {
    const res = await fetch(`${server.baseUrl}/api/health`);
    expect(await res.json()).toMatchObject({ status: 'ok', db: 'pglite' });
  });

  it('loads the Chinese web client without script errors, on desktop and at 375px', async () => {
    for (const [label, opts] of [
      ['desktop', {}],
      ['phone', PHONE],
    ] as const) {
      const context = await newContext(browser, server.baseUrl, opts);
      const page = await context.newPage();
      const errors = watchPageErrors(page);
      const res = await page.goto('/');
      expect(res?.status()).toBe(200);
      await until(() => page.locator('#root').innerText()).not.toBe('');
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(await page.title()).toContain('协商');
      await screenshot(page, `smoke-home-${label}`);
      // A client-side route survives a reload: the server answers it with index.html.
      const deep = await page.goto('/meetings');
      expect(deep?.status()).toBe(200);
      expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
      await context.close();
    }
  });

  it('serves the OpenAPI document at /api/docs', async () => {
    const res = await fetch(`${server.baseUrl}/api/docs/openapi.json`);
    expect(res.status).toBe(200);
    expect((await res.json()).info.title).toContain('Xieshang');
  });
});
