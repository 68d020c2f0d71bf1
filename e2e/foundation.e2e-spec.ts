import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot, until, watchPageErrors } from './support/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './support/server.js';

/**
 * Issue 2's walk-through, in the browser, as people would do it:
 * the admin signs in, creates a member account and a meeting with three agenda items, reorders
 * the agenda and invites the member; the member signs in (choosing their own password, as a
 * first sign-in asks) and finds the meeting with its agenda — on a desktop and on a 375px phone.
 * Screenshots: e2e/artifacts/foundation-*.png.
 */
const MEMBER = {
  username: 'liguilan',
  displayName: '李桂兰',
  initialPassword: 'chushi-mima-2026',
  password: 'wode-xinmima-2026',
};
const MEETING = {
  title: '“推进农村居家养老服务”专题协商座谈会',
  place: '县政协三楼第一会议室',
  topic: '就村级互助养老站点运营、医养结合服务下沉等问题开展协商。',
};
// Entered in the wrong order on purpose: the closing item is added before the members' speeches.
const AGENDA = ['县民政局通报工作情况', '主持人总结', '委员预约发言'];
const REORDERED = ['县民政局通报工作情况', '委员预约发言', '主持人总结'];

describe('foundation journey: admin prepares a meeting, a member finds it', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let meetingId = '';

  beforeAll(async () => {
    server = await startServer('foundation');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  // A failed step leaves a picture of every open page behind, for whoever reads the CI log.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    let n = 0;
    for (const c of contexts)
      for (const p of c.pages())
        await screenshot(p, `foundation-FAILED-${ctx.task.name.replace(/\W+/g, '-').slice(0, 40)}-${n++}`).catch(
          () => undefined,
        );
  });

  async function openPage(opts = DESKTOP): Promise<Page> {
    const context = await newContext(browser, server.baseUrl, opts);
    contexts.push(context);
    const page = await context.newPage();
    const pageErrors = watchPageErrors(page);
    page.on('close', () => errors.push(...pageErrors));
    return page;
  }

  async function signIn(page: Page, username: string, password: string) {
    await page.goto('/login');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/meetings$/);
  }

  // The editor and the read-only agenda both render rows as agenda-item with an .xs-agenda-title.
  const agendaTitles = (page: Page) => page.getByTestId('agenda-item').locator('.xs-agenda-title').allInnerTexts();

  let admin: Page;

  it('admin signs in and sees the (empty) meeting list', async () => {
    admin = await openPage();
    await signIn(admin, 'admin', ADMIN_PASSWORD);
    await until(() => admin.getByTestId('meetings-empty').isVisible()).toBe(true);
    await screenshot(admin, 'foundation-01-admin-meetings-empty-desktop');
  });

  it('admin creates a member account', async () => {
    await admin.getByTestId('nav-users').click();
    await admin.getByTestId('user-create').click();
    await admin.getByTestId('user-display-name').fill(MEMBER.displayName);
    await admin.getByTestId('user-username').fill(MEMBER.username);
    await admin.getByTestId('user-password').fill(MEMBER.initialPassword);
    await screenshot(admin, 'foundation-02-admin-create-member-desktop');
    await admin.getByTestId('user-create-submit').click();
    await until(() => admin.getByTestId('credentials-password').innerText()).toBe(MEMBER.initialPassword);
    await admin.getByTestId('credentials-done').click();
    await until(() => admin.getByTestId('users-table').innerText()).toContain(MEMBER.displayName);
  });

  it('admin creates a meeting', async () => {
    await admin.getByTestId('nav-meetings').click();
    await admin.getByTestId('new-meeting').first().click();
    await admin.getByTestId('meeting-title').fill(MEETING.title);
    await admin.getByTestId('meeting-place').fill(MEETING.place);
    await admin.getByTestId('meeting-topic').fill(MEETING.topic);
    await admin.getByTestId('meeting-save').click();
    await admin.waitForURL(/\/meetings\/[^/]+\/edit$/);
    meetingId = /\/meetings\/([^/]+)\/edit$/.exec(admin.url())![1]!;
  });

  it('admin adds three agenda items and reorders them', async () => {
    for (const [i, title] of AGENDA.entries()) {
      await admin.getByTestId('agenda-add').click();
      await admin.getByTestId('agenda-item-title').fill(title);
      await admin.getByTestId('agenda-item-minutes').fill(String(10 + i * 5));
      await admin.getByTestId('agenda-item-save').click();
      await until(() => agendaTitles(admin)).toEqual(AGENDA.slice(0, i + 1));
    }
    // With the buttons: the members' speeches one place up, before the closing.
    await admin.getByTestId('agenda-item').nth(2).getByTestId('agenda-move-up').click();
    await until(() => agendaTitles(admin)).toEqual(REORDERED);
    // By keyboard on the drag handle (dnd-kit): Space picks up, ArrowDown moves, Space drops.
    const handle = admin.getByTestId('agenda-item').nth(0).getByTestId('agenda-drag-handle');
    await handle.focus();
    await admin.keyboard.press('Space');
    await until(() => admin.locator('.xs-agenda-row-dragging').count()).toBe(1);
    await admin.waitForTimeout(200); // the sensor starts listening for arrows on the next tick
    await admin.keyboard.press('ArrowDown');
    await admin.waitForTimeout(300); // let it measure the new position before dropping
    await admin.keyboard.press('Space');
    await until(() => agendaTitles(admin)).toEqual([REORDERED[1], REORDERED[0], REORDERED[2]]);
    // And back with the buttons, to the order the member should see.
    await admin.getByTestId('agenda-item').nth(0).getByTestId('agenda-move-down').click();
    await until(() => agendaTitles(admin)).toEqual(REORDERED);
    // The order is the server's, not just the screen's.
    await admin.reload();
    await until(() => agendaTitles(admin)).toEqual(REORDERED);
  });

  it('admin invites the member', async () => {
    const search = admin.getByTestId('participant-search');
    await search.click();
    await admin.keyboard.type(MEMBER.displayName);
    await admin.getByTestId(`participant-option-${MEMBER.username}`).click();
    await admin.getByTestId('participant-add').click();
    await until(() => admin.getByTestId('participant-list').innerText()).toContain(MEMBER.displayName);
    await screenshot(admin, 'foundation-03-admin-meeting-editor-desktop');
    await admin.getByTestId('editor-done').click();
    await admin.waitForURL(new RegExp(`/meetings/${meetingId}$`));
    await until(() => agendaTitles(admin)).toEqual(REORDERED);
    await screenshot(admin, 'foundation-04-admin-meeting-detail-desktop');
  });

  it('the member signs in, chooses a new password, and sees the meeting with its agenda (desktop)', async () => {
    const member = await openPage();
    await signIn(member, MEMBER.username, MEMBER.initialPassword);
    // First sign-in with a password someone else chose: the app asks for a new one.
    await member.getByTestId('must-change-password').click();
    const form = member.getByTestId('change-password-form');
    const fields = form.locator('input[type="password"]');
    await fields.nth(0).fill(MEMBER.initialPassword);
    await fields.nth(1).fill(MEMBER.password);
    await fields.nth(2).fill(MEMBER.password);
    await member.locator('.ant-modal-footer .ant-btn-primary').click();
    await until(() => member.getByTestId('must-change-password').count()).toBe(0);

    const card = member.getByTestId('meeting-card').filter({ hasText: MEETING.title });
    await until(() => card.count()).toBe(1);
    await screenshot(member, 'foundation-05-member-meetings-desktop');
    await card.getByTestId('meeting-card-link').click();
    await member.waitForURL(new RegExp(`/meetings/${meetingId}$`));
    await until(() => member.getByTestId('meeting-detail').innerText()).toContain(MEETING.title);
    await until(() => agendaTitles(member)).toEqual(REORDERED);
    await screenshot(member, 'foundation-06-member-meeting-detail-desktop');
  });

  it('the member sees the same on a 375px phone, without sideways scrolling', async () => {
    const phone = await openPage(PHONE);
    await signIn(phone, MEMBER.username, MEMBER.password);
    const card = phone.getByTestId('meeting-card').filter({ hasText: MEETING.title });
    await until(() => card.count()).toBe(1);
    expect(await horizontalOverflow(phone)).toBe(0);
    await screenshot(phone, 'foundation-07-member-meetings-375');
    await card.getByTestId('meeting-card-link').click();
    await phone.waitForURL(new RegExp(`/meetings/${meetingId}$`));
    await until(() => agendaTitles(phone)).toEqual(REORDERED);
    expect(await horizontalOverflow(phone)).toBe(0);
    await screenshot(phone, 'foundation-08-member-meeting-detail-375');
  });

  it('the admin meeting editor works at 375px too', async () => {
    const phone = await openPage(PHONE);
    await signIn(phone, 'admin', ADMIN_PASSWORD);
    await phone.goto(`/meetings/${meetingId}/edit`);
    await until(() => agendaTitles(phone)).toEqual(REORDERED);
    expect(await horizontalOverflow(phone)).toBe(0);
    await screenshot(phone, 'foundation-09-admin-meeting-editor-375');
  });

  it('raised no script errors on any page', async () => {
    for (const c of contexts) for (const p of c.pages()) await p.close();
    // A 401 while a token is refreshed is expected traffic, not an error.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});

/** How many CSS pixels the page is wider than the viewport (0 = no sideways scrolling). */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}
