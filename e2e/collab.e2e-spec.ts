import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot, until, watchPageErrors } from './support/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './support/server.js';

/**
 * Issue 3's journey in the browser: two members co-edit a 提案 — one at a desk, one on a
 * 375px phone. Each sees the other's typing and named caret; Chinese goes in through the
 * input-method path (composition events); the phone goes offline, keeps editing (into
 * IndexedDB, even across closing the page), comes back and both copies converge, also with
 * the server's. Then versions (save, compare, view, restore) and the lock making the other
 * side read-only. Screenshots: e2e/artifacts/collab-*.png.
 */
const AUTHOR = { username: 'chenli', displayName: '陈立', password: 'chenli-mima-2026' };
const COAUTHOR = { username: 'wangjianguo', displayName: '王建国', password: 'wangjg-mima-2026' };
const TITLE = '关于加快农村居家养老服务体系建设的提案';

const TEXT_A = '随着人口老龄化加快，农村留守老人的照护需求日益突出。';
const TEXT_B = '建议每个行政村至少建成一处互助养老站点。';
const OFFLINE_B = '（离线补充）站点运营经费纳入县级财政预算。';
const ONLINE_A = '（同时修改）';
const CLOSED_B = '（关闭页面前的离线修改）';
const DRAFT_EXTRA = '并建立志愿服务积分制度。';
// A numbered list with a bulleted sub-list, as Word puts it on the clipboard (trimmed).
const WORD_PASTE = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment-->
<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>1.<span>&nbsp; </span></span><![endif]>完善站点运营补贴<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·</span><![endif]>按服务人次核拨<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·</span><![endif]>纳入年度考核<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>2.</span><![endif]>建立志愿服务积分<o:p></o:p></p>
<!--EndFragment--></body></html>`;

interface LoginResponse {
  accessToken: string;
  user: { id: string };
}

/** The API, retried on 5xx: on a busy 2-core CI box a password hash can outlast the login transaction. */
async function call<T>(
  baseUrl: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 500 && attempt < 3) continue;
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

const login = (baseUrl: string, username: string, password: string) =>
  call<LoginResponse>(baseUrl, null, 'POST', '/auth/login', { username, password });

describe('collab journey: two members co-edit a proposal, one of them offline for a while', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let documentId = '';
  let authorToken = '';
  let desk: Page; // the author, at a desk
  let phone: Page; // the co-author, on a phone
  let phoneContext: BrowserContext;

  beforeAll(async () => {
    server = await startServer('collab');
    browser = await launchBrowser();
    // The accounts, the meeting and the proposal are set up through the API: this journey is about editing.
    const admin = await login(server.baseUrl, 'admin', ADMIN_PASSWORD);
    const ids: string[] = [];
    for (const person of [AUTHOR, COAUTHOR]) {
      const created = await call<{ id: string }>(server.baseUrl, admin.accessToken, 'POST', '/users', {
        ...person,
        role: 'member',
        mustChangePassword: false,
      });
      ids.push(created.id);
    }
    const meeting = await call<{ id: string }>(server.baseUrl, admin.accessToken, 'POST', '/meetings', {
      title: '“推进农村居家养老服务”专题协商座谈会',
      kind: 'consultation',
      scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    for (const userId of ids) {
      await call(server.baseUrl, admin.accessToken, 'POST', `/meetings/${meeting.id}/participants`, {
        userId,
        role: 'member',
      });
    }
    authorToken = (await login(server.baseUrl, AUTHOR.username, AUTHOR.password)).accessToken;
    const doc = await call<{ id: string }>(server.baseUrl, authorToken, 'POST', '/documents', {
      title: TITLE,
      kind: 'proposal',
      meetingId: meeting.id,
    });
    documentId = doc.id;
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    let n = 0;
    for (const c of contexts)
      for (const p of c.pages())
        await screenshot(p, `collab-FAILED-${ctx.task.name.replace(/\W+/g, '-').slice(0, 40)}-${n++}`).catch(
          () => undefined,
        );
  });

  async function openContext(opts = DESKTOP): Promise<BrowserContext> {
    const context = await newContext(browser, server.baseUrl, opts);
    contexts.push(context);
    return context;
  }

  async function openPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    const pageErrors = watchPageErrors(page);
    page.on('close', () => errors.push(...pageErrors));
    return page;
  }

  async function signIn(page: Page, who: { username: string; password: string }) {
    await page.goto('/login');
    await page.getByTestId('login-username').fill(who.username);
    await page.getByTestId('login-password').fill(who.password);
    for (let attempt = 1; ; attempt++) {
      await page.getByTestId('login-submit').click();
      try {
        await page.waitForURL(/\/meetings$/, { timeout: 20_000 });
        return;
      } catch (e) {
        if (attempt === 3) throw e; // see call(): a login can time out on a saturated machine
      }
    }
  }

  const editor = (page: Page) => page.getByTestId('document-editor');
  /** The document's text as shown, without the other people's caret labels (which sit inside the text). */
  const textOf = (locator: ReturnType<Page['locator']>) =>
    locator.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
      if (copy.matches('p, h1, h2, h3')) return copy.textContent ?? '';
      // innerText of a detached node does not lay out lines: join the blocks ourselves.
      return Array.from(copy.querySelectorAll('h1, h2, h3, p, li, td, th'))
        .filter((b) => !b.querySelector('p'))
        .map((b) => b.textContent ?? '')
        .join('\n');
    });
  const editorText = (page: Page) => textOf(editor(page));
  const phase = (page: Page) => page.getByTestId('connection-status').getAttribute('data-phase');
  /** The (first) paragraph right under a section heading of the template. */
  const sectionParagraph = (page: Page, heading: string) =>
    editor(page).locator('h2', { hasText: heading }).locator('xpath=following-sibling::p[1]');
  const sectionText = (page: Page, heading: string) => textOf(sectionParagraph(page, heading));

  /** Waits for antd's open/close animations (modals, drawers) to finish, so a screenshot shows the end state. */
  const settled = (page: Page) =>
    page.waitForFunction(
      () => !document.querySelector('[class*="-appear-active"], [class*="-enter-active"], [class*="-leave-active"]'),
    );

  async function openDocument(page: Page) {
    await page.goto(`/documents/${documentId}`);
    await until(() => page.getByTestId('live-document').getAttribute('data-editable')).toBe('true');
    await until(() => phase(page)).toBe('connected');
  }

  async function typeAtEndOf(page: Page, heading: string, text: string) {
    await sectionParagraph(page, heading).click();
    await page.keyboard.press('End');
    await page.keyboard.insertText(text);
  }

  it('both open the proposal from its template, connected, and see each other in the presence list', async () => {
    desk = await openPage(await openContext(DESKTOP));
    await signIn(desk, AUTHOR);
    phoneContext = await openContext(PHONE);
    phone = await openPage(phoneContext);
    await signIn(phone, COAUTHOR);

    await openDocument(desk);
    await openDocument(phone);
    for (const page of [desk, phone]) {
      await until(() => editorText(page)).toMatch(/案由[\s\S]*案据[\s\S]*建议/);
      expect(await page.getByTestId('document-title').innerText()).toBe(TITLE);
      await until(() => page.getByTestId('presence-person').count()).toBe(2);
      expect(await page.getByTestId('connection-status').innerText()).toContain('已连接');
    }
    expect(await desk.getByTestId('presence-list').innerText()).toContain(COAUTHOR.displayName);
  });

  it('each sees the other’s text and named caret', async () => {
    await typeAtEndOf(desk, '案由', TEXT_A);
    await until(() => editorText(phone)).toContain(TEXT_A);

    await typeAtEndOf(phone, '建议', TEXT_B);
    await until(() => editorText(desk)).toContain(TEXT_B);

    // Carets follow the selection: each side shows the other's, labelled with their name.
    const deskSeesPhone = desk.getByTestId('remote-caret').filter({ hasText: COAUTHOR.displayName });
    await until(() => deskSeesPhone.isVisible()).toBe(true);
    await sectionParagraph(desk, '案由').click();
    const phoneSeesDesk = phone.getByTestId('remote-caret').filter({ hasText: AUTHOR.displayName });
    await until(() => phoneSeesDesk.isVisible()).toBe(true);
    // Nobody sees a caret of their own.
    expect(await desk.getByTestId('remote-caret').filter({ hasText: AUTHOR.displayName }).count()).toBe(0);
  });

  it('Chinese typed through an input method arrives once, as committed', async () => {
    // What a pinyin IME does: a composition (the letters, then candidates) replaced by the chosen characters.
    await sectionParagraph(phone, '案据').click();
    const cdp = await phoneContext.newCDPSession(phone);
    for (const step of ['n', 'nong', 'nongcun', '农村']) {
      await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
    }
    await cdp.send('Input.insertText', { text: '农村' });
    await cdp.send('Input.imeSetComposition', { text: 'yanglao', selectionStart: 7, selectionEnd: 7 });
    await cdp.send('Input.insertText', { text: '养老' });
    await cdp.detach();

    await until(() => sectionText(desk, '案据')).toBe('农村养老');
    expect(await sectionText(phone, '案据')).toBe('农村养老');
    expect(await editorText(desk)).not.toMatch(/nong|yanglao/);

    await screenshot(desk, 'collab-01-coediting-desktop');
    await screenshot(phone, 'collab-02-coediting-375');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });

  it('the phone goes offline, keeps editing, comes back, and both converge', async () => {
    await phoneContext.setOffline(true);
    await until(() => phase(phone)).toBe('offline');
    expect(await phone.getByTestId('connection-status').innerText()).toContain('离线');
    expect(await phone.getByTestId('live-document').getAttribute('data-editable')).toBe('true');

    await typeAtEndOf(phone, '建议', OFFLINE_B);
    // Meanwhile the author keeps editing online, in the same section.
    await typeAtEndOf(desk, '建议', ONLINE_A);
    await desk.waitForTimeout(1000);
    expect(await editorText(desk)).not.toContain(OFFLINE_B);
    expect(await editorText(phone)).not.toContain(ONLINE_A);
    await screenshot(phone, 'collab-03-offline-375');

    await phoneContext.setOffline(false);
    await until(() => phase(phone)).toBe('connected');
    await until(() => editorText(phone)).toContain(ONLINE_A);
    await until(() => editorText(desk)).toContain(OFFLINE_B);
    await until(async () => (await editorText(desk)) === (await editorText(phone))).toBe(true);

    // The server has the same text (what a fresh client or the minutes would read).
    const stored = await call<{ text: string }>(server.baseUrl, authorToken, 'GET', `/documents/${documentId}/text`);
    for (const t of [TEXT_A, TEXT_B, OFFLINE_B, ONLINE_A, '农村养老']) expect(stored.text).toContain(t);
    await screenshot(desk, 'collab-04-converged-desktop');
  });

  it('edits made offline survive closing the page and reach the others once back online', async () => {
    await phoneContext.setOffline(true);
    await until(() => phase(phone)).toBe('offline');
    await typeAtEndOf(phone, '案据', CLOSED_B);
    await phone.waitForTimeout(500); // y-indexeddb writes each update in its own transaction
    await phone.close();

    await phoneContext.setOffline(false);
    phone = await openPage(phoneContext);
    await openDocument(phone);
    await until(() => editorText(desk)).toContain(CLOSED_B);
    await until(async () => (await editorText(desk)) === (await editorText(phone))).toBe(true);
  });

  it('versions: save 初稿, change, compare with insertions highlighted, view read-only, restore for everyone', async () => {
    await desk.getByTestId('open-versions').click();
    await desk.getByTestId('save-version').click();
    await until(() => desk.getByTestId('version-name').locator('input').inputValue()).toBe('初稿');
    await desk.getByTestId('save-version-submit').click();
    await until(() => desk.getByTestId('version-name-text').allInnerTexts()).toEqual(['初稿']);
    await desk.locator('.ant-drawer-close').click();

    await typeAtEndOf(desk, '建议', DRAFT_EXTRA);
    await until(() => editorText(phone)).toContain(DRAFT_EXTRA);

    await desk.getByTestId('open-versions').click();
    await desk.getByTestId('version-compare').first().click();
    const diff = desk.getByTestId('version-diff');
    await until(() => diff.locator('ins').allInnerTexts()).toContain(DRAFT_EXTRA);
    await settled(desk);
    await screenshot(desk, 'collab-05-version-diff-desktop');
    await desk.locator('.ant-modal-close').click();

    await desk.getByTestId('version-view').first().click();
    const content = desk.getByTestId('version-content');
    await until(() => content.innerText()).toContain(TEXT_A);
    expect(await content.innerText()).not.toContain(DRAFT_EXTRA);
    expect(await content.getAttribute('contenteditable')).toBe('false');
    await settled(desk);
    await screenshot(desk, 'collab-06-version-view-desktop');
    await desk.locator('.ant-modal-close').click();

    await desk.getByTestId('version-restore').first().click();
    await desk.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await until(() => editorText(phone)).not.toContain(DRAFT_EXTRA);
    await until(() => editorText(desk)).not.toContain(DRAFT_EXTRA);
    // The replaced text was saved first, as a version of its own.
    await until(() => desk.getByTestId('version-item').count()).toBe(2);
    await desk.locator('.ant-drawer-close').click();
  });

  it('the author locks the proposal: the co-author’s editor turns read-only', async () => {
    await desk.getByTestId('lock-document').click();
    await desk.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await until(() => desk.getByTestId('document-locked').isVisible()).toBe(true);
    await until(() => phone.getByTestId('read-only-note').isVisible()).toBe(true);
    await until(() => editor(phone).getAttribute('contenteditable')).toBe('false');
    expect(await phone.getByTestId('editor-toolbar').count()).toBe(0);
    // Reconnected with read-only rights, and still told who is here.
    await until(() => phase(phone)).toBe('connected');
    await until(() => phone.getByTestId('presence-person').count()).toBe(2);
    await screenshot(phone, 'collab-07-locked-375');
  });

  it('the documents list shows the proposal; a new 调研报告 starts from its template (desktop and 375px)', async () => {
    await desk.goto('/documents');
    const row = desk.getByTestId('document-row').filter({ hasText: TITLE });
    await until(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('已锁定');
    await desk.getByTestId('new-document').click();
    await desk.getByText('调研报告', { exact: true }).click();
    await desk.getByTestId('document-title-input').fill('关于全县互助养老站点运营情况的调研报告');
    // Filed under the meeting, so its participants (the co-author) see it too.
    await desk.getByTestId('document-meeting').click();
    await desk.locator('.ant-select-item-option', { hasText: '推进农村居家养老服务' }).click();
    await settled(desk);
    await screenshot(desk, 'collab-08-new-document-desktop');
    await desk.getByTestId('create-document-submit').click();
    await desk.waitForURL(/\/documents\/[^/]+$/);
    await until(() => desk.getByTestId('live-document').getAttribute('data-editable')).toBe('true');
    await until(() => editorText(desk)).toBe('调研背景\n\n基本情况\n\n存在问题\n\n对策建议\n');

    // Paste from Word: its list paragraphs arrive as real nested lists.
    await sectionParagraph(desk, '对策建议').click();
    await desk.evaluate((html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', '');
      const target = document.querySelector('[data-testid="document-editor"]')!;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, WORD_PASTE);
    const list = editor(desk).locator('ol').first();
    await until(() => list.locator(':scope > li > p').allInnerTexts()).toEqual([
      '完善站点运营补贴',
      '建立志愿服务积分',
    ]);
    expect(await list.locator('ul > li').allInnerTexts()).toEqual(['按服务人次核拨', '纳入年度考核']);
    // A table from the toolbar, after the list (Enter on an empty item leaves the list).
    await desk.keyboard.press('Control+End');
    await desk.keyboard.press('Enter');
    await desk.keyboard.press('Enter');
    await desk.getByTestId('tool-table').click();
    await until(() => editor(desk).locator('table td, table th').count()).toBe(9);
    await screenshot(desk, 'collab-09-report-desktop');

    await phone.goto('/documents');
    await until(() => phone.getByTestId('document-row').count()).toBe(2);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(phone, 'collab-10-documents-375');
  });

  it('raised no script errors on any page', async () => {
    for (const c of contexts) for (const p of c.pages()) await p.close();
    // A 401 while a token is refreshed is expected traffic; so are failed socket attempts while offline.
    expect(
      errors.filter((e) => !/status of 401|WebSocket connection to .* failed|ERR_INTERNET_DISCONNECTED/.test(e)),
    ).toEqual([]);
  });
});
