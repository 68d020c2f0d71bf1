import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../../support/http.js';
import { freshDatabase } from '../../support/test-app.js';
import {
  connectClient,
  createMeeting,
  createPerson,
  startCollabServer,
  synced,
  waitFor,
  type Client,
  type CollabTestServer,
  type Person,
} from '../collab/support/collab-harness.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function paragraph(doc: Y.Doc, text: string, at?: number): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment('default');
  fragment.insert(at ?? fragment.length, [p]);
}

describe('documents API: templates, metadata, lock, co-authors, versions', () => {
  let server: CollabTestServer;
  let drop: () => Promise<void>;
  let owner: Person, member: Person, observer: Person, chair: Person, stranger: Person, staff: Person;
  let meetingId: string;
  let agendaItemId: string;
  const clients: Client[] = [];
  const api = (p: Person) => apiClient(server.baseUrl, p.token);

  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    server = await startCollabServer(fresh.db);
    [owner, member, observer, chair, stranger] = await Promise.all([
      createPerson(server),
      createPerson(server),
      createPerson(server),
      createPerson(server),
      createPerson(server),
    ]);
    staff = await createPerson(server, 'staff');
    meetingId = await createMeeting(server, chair.id, [
      { userId: owner.id, role: 'member' },
      { userId: member.id, role: 'member' },
      { userId: observer.id, role: 'observer' },
      { userId: chair.id, role: 'chair' },
    ]);
    agendaItemId = (await server.prisma.agendaItem.create({ data: { meetingId, position: 0, title: '优化营商环境' } }))
      .id;
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
    await drop?.();
  });

  it('creates a proposal from its template (案由 / 案据 / 建议) and a report from its own', async () => {
    const res = await api(owner).post('/api/documents', {
      title: '关于优化营商环境的提案',
      kind: 'proposal',
      meetingId,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'proposal',
      title: '关于优化营商环境的提案',
      meetingId,
      locked: false,
      owner: { id: owner.id },
      coAuthors: [],
      can: { edit: true, rename: true, lock: true, manageCoAuthors: true, saveVersion: true, restoreVersion: true },
    });
    const text = await api(member).get(`/api/documents/${res.body.id}/text`);
    expect(text.body).toEqual({ id: res.body.id, title: '关于优化营商环境的提案', text: '案由\n案据\n建议' });

    const report = await api(owner).post('/api/documents', { title: '营商环境调研报告', kind: 'report' });
    expect(report.status).toBe(201);
    expect((await api(owner).get(`/api/documents/${report.body.id}/text`)).body.text).toBe(
      '调研背景\n基本情况\n存在问题\n对策建议',
    );

    const audit = await server.prisma.auditEvent.findFirst({
      where: { action: 'document.created', entityId: res.body.id },
    });
    expect(audit).toMatchObject({ actorId: owner.id, meetingId });
  });

  it('takes the meeting from the agenda item, and refuses creators who may not write in the meeting', async () => {
    const res = await api(member).post('/api/documents', { title: '议题发言稿', kind: 'note', agendaItemId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ meetingId, agendaItemId });
    const other = await createMeeting(server, chair.id, [{ userId: chair.id, role: 'chair' }]);
    expect(
      (await api(member).post('/api/documents', { title: 'x', kind: 'note', meetingId: other, agendaItemId })).status,
    ).toBe(400);
    expect((await api(observer).post('/api/documents', { title: 'x', kind: 'proposal', meetingId })).status).toBe(403);
    expect((await api(stranger).post('/api/documents', { title: 'x', kind: 'proposal', meetingId })).status).toBe(404);
    expect((await api(owner).post('/api/documents', { title: '', kind: 'proposal' })).status).toBe(400);
    expect((await api(owner).post('/api/documents', { title: 'x', kind: 'poem' })).status).toBe(400);
  });

  it('lists what each person may see, with filters', async () => {
    const mine = await api(stranger).post('/api/documents', { title: '个人草稿：社区养老', kind: 'note' });
    const inMeeting = await api(owner).post('/api/documents', {
      title: '关于社区养老服务的提案',
      kind: 'proposal',
      meetingId,
    });
    const ids = async (p: Person, q = '') =>
      ((await api(p).get(`/api/documents${q}`)).body.items as { id: string }[]).map((d) => d.id);
    expect(await ids(stranger)).toContain(mine.body.id);
    expect(await ids(stranger)).not.toContain(inMeeting.body.id);
    expect(await ids(observer)).toContain(inMeeting.body.id);
    expect(await ids(observer)).not.toContain(mine.body.id);
    expect(await ids(staff)).toEqual(expect.arrayContaining([mine.body.id, inMeeting.body.id]));
    expect(await ids(owner, `?meetingId=${meetingId}&kind=proposal&q=${encodeURIComponent('养老')}`)).toEqual([
      inMeeting.body.id,
    ]);
    const page = await api(staff).get('/api/documents?limit=1');
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThan(1);
  });

  it('hides documents from strangers (404) and tells each viewer what they may do', async () => {
    const doc = await api(owner).post('/api/documents', { title: '权限测试', kind: 'proposal', meetingId });
    expect((await api(stranger).get(`/api/documents/${doc.body.id}`)).status).toBe(404);
    expect((await api(stranger).get(`/api/documents/${doc.body.id}/text`)).status).toBe(404);
    expect((await api(observer).get(`/api/documents/${doc.body.id}`)).body.can).toEqual({
      edit: false,
      rename: false,
      lock: false,
      manageCoAuthors: false,
      saveVersion: false,
      restoreVersion: false,
    });
    expect((await api(member).get(`/api/documents/${doc.body.id}`)).body.can).toMatchObject({
      edit: true,
      lock: false,
    });
    expect((await api(chair).get(`/api/documents/${doc.body.id}`)).body.can).toMatchObject({ edit: true, lock: true });
    expect((await api(staff).get(`/api/documents/${doc.body.id}`)).body.can).toMatchObject({ edit: false, lock: true });
  });

  it('renames (writers), locks and unlocks (owner, organisers, staff), all audited with the meeting', async () => {
    const doc = (await api(owner).post('/api/documents', { title: '旧标题', kind: 'proposal', meetingId })).body;
    expect((await api(observer).patch(`/api/documents/${doc.id}`, { title: '观察员改名' })).status).toBe(403);
    const renamed = await api(member).patch(`/api/documents/${doc.id}`, { title: '新标题' });
    expect(renamed.body.title).toBe('新标题');
    expect((await api(member).post(`/api/documents/${doc.id}/lock`)).status).toBe(403);
    const locked = await api(chair).post(`/api/documents/${doc.id}/lock`);
    expect(locked.body).toMatchObject({ locked: true, can: { edit: false } });
    expect(locked.body.lockedAt).toBeTruthy();
    expect((await api(owner).get(`/api/documents/${doc.id}`)).body.can.edit).toBe(false);
    expect((await api(owner).post(`/api/documents/${doc.id}/unlock`)).body.locked).toBe(false);
    const actions = (
      await server.prisma.auditEvent.findMany({ where: { entityId: doc.id }, orderBy: { at: 'asc' } })
    ).map((e) => [e.action, e.meetingId]);
    expect(actions).toEqual([
      ['document.created', meetingId],
      ['document.renamed', meetingId],
      ['document.locked', meetingId],
      ['document.unlocked', meetingId],
    ]);
  });

  it('adds and removes co-authors, who can then see and edit a document outside any meeting', async () => {
    const doc = (await api(owner).post('/api/documents', { title: '联名提案', kind: 'proposal' })).body;
    expect((await api(stranger).get(`/api/documents/${doc.id}`)).status).toBe(404);
    expect((await api(member).post(`/api/documents/${doc.id}/co-authors`, { userId: stranger.id })).status).toBe(404);
    const added = await api(owner).post(`/api/documents/${doc.id}/co-authors`, { userId: stranger.id });
    expect(added.status).toBe(200);
    expect(added.body.coAuthors.map((p: { id: string }) => p.id)).toEqual([stranger.id]);
    expect((await api(stranger).get(`/api/documents/${doc.id}`)).body.can).toMatchObject({
      edit: true,
      manageCoAuthors: false,
    });
    expect((await api(owner).post(`/api/documents/${doc.id}/co-authors`, { userId: owner.id })).status).toBe(409);
    expect((await api(owner).post(`/api/documents/${doc.id}/co-authors`, { userId: 'nobody' })).status).toBe(400);
    const removed = await api(owner).delete(`/api/documents/${doc.id}/co-authors/${stranger.id}`);
    expect(removed.body.coAuthors).toEqual([]);
    expect((await api(stranger).get(`/api/documents/${doc.id}`)).status).toBe(404);
  });

  it('saves named versions, shows them read-only, compares them and restores one as a new edit', async () => {
    const doc = (
      await api(owner).post('/api/documents', { title: '关于加强社区养老的提案', kind: 'proposal', meetingId })
    ).body;
    const live = connectClient(server.collabUrl, doc.id, owner.token);
    const watcher = connectClient(server.collabUrl, doc.id, member.token);
    clients.push(live, watcher);
    await Promise.all([synced(live), synced(watcher)]);
    paragraph(live.doc, '社区养老服务供给不足。', 2);
    await waitFor(
      async () => (await api(owner).get(`/api/documents/${doc.id}/text`)).body.text.includes('供给不足'),
      'edit committed',
    );

    const v1 = await api(owner).post(`/api/documents/${doc.id}/versions`, { name: '初稿' });
    expect(v1.status).toBe(201);
    const text1 = '案由\n社区养老服务供给不足。\n案据\n建议'; // a paragraph added under 案由 (empty paragraphs are not text)
    expect(v1.body).toMatchObject({
      number: 1,
      name: '初稿',
      kind: 'named',
      author: { id: owner.id },
      contentHash: sha256(text1),
    });
    expect(v1.body.textLength).toBe(text1.length);

    paragraph(live.doc, '建议增设社区食堂。');
    await waitFor(
      async () => (await api(owner).get(`/api/documents/${doc.id}/text`)).body.text.includes('社区食堂'),
      'second edit',
    );
    const v2 = await api(member).post(`/api/documents/${doc.id}/versions`, { name: '征求意见稿' });
    expect(v2.body).toMatchObject({ number: 2, name: '征求意见稿' });
    expect((await api(observer).post(`/api/documents/${doc.id}/versions`, { name: '观察员版本' })).status).toBe(403);

    const list = await api(observer).get(`/api/documents/${doc.id}/versions`);
    expect(list.body.items.map((v: { name: string }) => v.name)).toEqual(['征求意见稿', '初稿']);

    const detail = await api(observer).get(`/api/documents/${doc.id}/versions/${v1.body.id}`);
    expect(detail.body.text).toBe(text1);
    expect(detail.body.content.type).toBe('doc');
    expect(detail.body.content.content[0]).toEqual({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: '案由' }],
    });

    const state = await fetch(`${server.baseUrl}/api/documents/${doc.id}/versions/${v1.body.id}/state`, {
      headers: { authorization: `Bearer ${observer.token}` },
    });
    expect(state.headers.get('content-type')).toContain('application/octet-stream');
    const asDoc = new Y.Doc();
    Y.applyUpdate(asDoc, new Uint8Array(await state.arrayBuffer()));
    expect(asDoc.getXmlFragment('default').toString()).toContain('供给不足');

    const diff = await api(observer).get(`/api/documents/${doc.id}/versions/${v1.body.id}/diff?to=${v2.body.id}`);
    expect(diff.body.from).toMatchObject({ id: v1.body.id, name: '初稿' });
    expect(diff.body.to).toMatchObject({ id: v2.body.id, name: '征求意见稿' });
    expect(diff.body.blocks.filter((b: { op: string }) => b.op !== 'equal')).toEqual([
      { op: 'insert', segments: [{ op: 'insert', text: '建议增设社区食堂。' }] },
    ]);
    expect(diff.body.stats).toEqual({ inserted: '建议增设社区食堂。'.length, deleted: 0 });
    const toCurrent = await api(observer).get(`/api/documents/${doc.id}/versions/${v1.body.id}/diff`);
    expect(toCurrent.body.to).toMatchObject({ id: 'current', createdAt: null });

    // Restore 初稿: the open editors receive it as a new edit; what it replaced is saved first.
    expect((await api(observer).post(`/api/documents/${doc.id}/versions/${v1.body.id}/restore`)).status).toBe(403);
    const restored = await api(member).post(`/api/documents/${doc.id}/versions/${v1.body.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.restored).toMatchObject({ id: v1.body.id });
    expect(restored.body.savedBefore).toMatchObject({ number: 3, kind: 'before_restore', sourceVersionId: v1.body.id });
    await waitFor(
      () => !watcher.doc.getXmlFragment('default').toString().includes('社区食堂'),
      'restore reaches clients',
    );
    expect((await api(owner).get(`/api/documents/${doc.id}/text`)).body.text).toBe(text1);
    expect(watcher.doc.getXmlFragment('default').toString()).toBe(live.doc.getXmlFragment('default').toString());
    const before = await api(owner).get(`/api/documents/${doc.id}/versions/${restored.body.savedBefore.id}`);
    expect(before.body.text).toContain('社区食堂');
    // Editing goes on from the restored content.
    paragraph(watcher.doc, '恢复后继续修改。');
    await waitFor(
      async () => (await api(owner).get(`/api/documents/${doc.id}/text`)).body.text.endsWith('恢复后继续修改。'),
      'edit after restore',
    );

    await api(chair).post(`/api/documents/${doc.id}/lock`);
    const blocked = await api(owner).post(`/api/documents/${doc.id}/versions/${v2.body.id}/restore`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('document_locked');
    // Saving a version of a locked text (e.g. 表决稿) is what locking is for.
    expect((await api(chair).post(`/api/documents/${doc.id}/versions`, { name: '表决稿' })).body.number).toBe(4);

    const actions = (
      await server.prisma.auditEvent.findMany({ where: { entityId: doc.id }, orderBy: { at: 'asc' } })
    ).map((e) => e.action);
    expect(actions).toEqual([
      'document.created',
      'document.version_saved',
      'document.version_saved',
      'document.version_restored',
      'document.locked',
      'document.version_saved',
    ]);
    expect((await api(owner).get(`/api/documents/${doc.id}/versions/nope`)).status).toBe(404);
  });
});
