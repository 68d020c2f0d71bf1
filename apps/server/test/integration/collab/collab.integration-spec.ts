import { CollabCloseCode } from '@xieshang/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../support/test-app.js';
import {
  connectClient,
  contentOf,
  createDocument,
  createMeeting,
  createPerson,
  rawSocket,
  refusalCode,
  sameContent,
  startCollabServer,
  synced,
  waitFor,
  type Client,
  type CollabTestServer,
  type Person,
} from './support/collab-harness.js';

/** Appends a paragraph with `text` to the editor fragment, as TipTap would. */
function typeParagraph(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment('default');
  fragment.insert(fragment.length, [p]);
}

describe('collab server: protocol, authentication, read-only', () => {
  let server: CollabTestServer;
  let drop: () => Promise<void>;
  let owner: Person, member: Person, observer: Person, stranger: Person, chair: Person;
  let meetingId: string;
  let documentId: string;
  const clients: Client[] = [];
  const client = (token: string, id = documentId) => {
    const c = connectClient(server.collabUrl, id, token);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    server = await startCollabServer(fresh.db, { XS_COLLAB_IDLE_UNLOAD_MS: '200', XS_SESSION_REVALIDATE_SECONDS: '1' });
    [owner, member, observer, stranger, chair] = await Promise.all([
      createPerson(server),
      createPerson(server),
      createPerson(server),
      createPerson(server),
      createPerson(server),
    ]);
    meetingId = await createMeeting(server, owner.id, [
      { userId: owner.id, role: 'member' },
      { userId: member.id, role: 'member' },
      { userId: observer.id, role: 'observer' },
      { userId: chair.id, role: 'chair' },
    ]);
    documentId = await createDocument(server, owner, { meetingId });
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
    await drop?.();
  });

  it('serves the stock y-websocket provider: the template arrives, edits reach the other client', async () => {
    const a = client(owner.token);
    const b = client(member.token);
    await Promise.all([synced(a), synced(b)]);
    const xml = a.doc.getXmlFragment('default').toString();
    expect(xml).toBe(
      '<heading level="2">案由</heading><paragraph></paragraph><heading level="2">案据</heading><paragraph></paragraph><heading level="2">建议</heading><paragraph></paragraph>',
    );
    typeParagraph(a.doc, '建议简化企业开办流程。');
    await waitFor(() => b.doc.getXmlFragment('default').toString().includes('建议简化企业开办流程。'), 'relay');
    typeParagraph(b.doc, '案据：调研走访了 32 家企业。');
    await waitFor(() => sameContent(a.doc, b.doc), 'convergence');
  });

  it('relays awareness (cursors, names) between clients and clears it when one leaves', async () => {
    const a = client(owner.token);
    const b = client(member.token);
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: '张委员', color: '#c0392b' });
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === '张委员', 'awareness');
    a.provider.disconnect();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 'awareness removal');
  });

  it('refuses with 4401 without a valid token, 4404 for unknown documents, 4403 for strangers and foreign origins', async () => {
    expect(await refusalCode(server.collabUrl, documentId, undefined)).toBe(CollabCloseCode.Unauthorized);
    expect(await refusalCode(server.collabUrl, documentId, 'not-a-token')).toBe(CollabCloseCode.Unauthorized);
    expect(await refusalCode(server.collabUrl, 'clnotadocument000000000000', owner.token)).toBe(
      CollabCloseCode.NotFound,
    );
    expect(await refusalCode(server.collabUrl, 'bad%20id!', owner.token)).toBe(CollabCloseCode.NotFound);
    expect(await refusalCode(server.collabUrl, documentId, stranger.token)).toBe(CollabCloseCode.Forbidden);
    expect(await refusalCode(server.collabUrl, documentId, owner.token, { origin: 'https://evil.example' })).toBe(
      CollabCloseCode.Forbidden,
    );
    // Same-origin browsers are welcome.
    const host = new URL(server.baseUrl).host;
    const same = rawSocket(server.collabUrl, documentId, owner.token, { origin: `http://${host}` });
    expect(await same.opened).toBe(true);
    same.ws.close();
  });

  it('tells the stock provider to stop retrying on refusals (4401)', async () => {
    const c = client('expired-or-bad');
    await waitFor(() => c.closes.length > 0, 'refusal');
    await new Promise((r) => setTimeout(r, 600));
    expect(c.closes).toEqual([CollabCloseCode.Unauthorized]);
    expect(c.provider.shouldConnect).toBe(false);
  });

  it('lets observers read but drops their edits, tells them, and never stores or relays them', async () => {
    const editor = client(member.token);
    const watcher = client(observer.token);
    await Promise.all([synced(editor), synced(watcher)]);
    const denied: string[] = [];
    watcher.provider.messageHandlers[2] = (_e: unknown, d: decoding.Decoder) => {
      decoding.readVarUint(d);
      denied.push(decoding.readVarString(d));
    };
    typeParagraph(watcher.doc, '观察员不应能写入');
    await waitFor(() => denied.length > 0, 'permission denied');
    expect(denied[0]).toBe('read-only');
    // The editor's next edit arrives at the observer, the observer's never at the editor.
    typeParagraph(editor.doc, '委员的修改');
    await waitFor(() => watcher.doc.getXmlFragment('default').toString().includes('委员的修改'), 'relay to observer');
    expect(editor.doc.getXmlFragment('default').toString()).not.toContain('观察员不应能写入');
    const fresh = client(owner.token);
    await synced(fresh);
    expect(contentOf(fresh.doc)).not.toContain('观察员不应能写入');
  });

  it('locks: open editors are reconnected read-only (4000), unlock makes them editable again', async () => {
    const editor = client(member.token);
    const other = client(owner.token);
    await Promise.all([synced(editor), synced(other)]);
    const lock = await fetch(`${server.baseUrl}/api/documents/${documentId}/lock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${chair.token}` },
    });
    expect(lock.status).toBe(200);
    await waitFor(() => editor.closes.includes(CollabCloseCode.AccessChanged), 'access-changed close');
    await synced(editor);
    typeParagraph(editor.doc, '锁定后的修改');
    await new Promise((r) => setTimeout(r, 300));
    expect(contentOf(other.doc)).not.toContain('锁定后的修改');

    await waitFor(() => editor.provider.synced, 'resync after lock');
    const closesAtUnlock = editor.closes.length;
    await fetch(`${server.baseUrl}/api/documents/${documentId}/unlock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${chair.token}` },
    });
    await waitFor(() => editor.closes.length > closesAtUnlock, 'second close');
    await synced(editor);
    typeParagraph(editor.doc, '解锁后的修改');
    await waitFor(() => contentOf(other.doc).includes('解锁后的修改'), 'edit after unlock');
  });

  it('answers a raw sync step 1 with the document, and leaves other upgrade paths to their owners', async () => {
    const s = rawSocket(server.collabUrl, documentId, owner.token);
    expect(await s.opened).toBe(true);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, new Y.Doc());
    s.ws.send(encoding.toUint8Array(e));
    await waitFor(() => s.messages.some((m) => m[0] === 0 && m[1] === 1), 'sync step 2');
    s.ws.close();

    // socket.io (the live meeting room) shares the HTTP server: its websocket still opens.
    const io = new WebSocket(`${server.baseUrl.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    io.on('error', () => {});
    expect(
      await new Promise((resolve) => (io.once('open', () => resolve(true)), io.once('close', () => resolve(false)))),
    ).toBe(true);
    io.close();

    // Any other listener keeps its own paths: the collab server neither answers nor destroys them.
    const http = server.app.getHttpServer() as import('node:http').Server;
    const handled: string[] = [];
    const other = (req: import('node:http').IncomingMessage, socket: import('node:stream').Duplex) => {
      if (!req.url?.startsWith('/elsewhere')) return;
      handled.push(req.url);
      socket.end('HTTP/1.1 418 I am a teapot\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    };
    http.on('upgrade', other);
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.baseUrl.replace('http', 'ws')}/elsewhere`);
      ws.on('unexpected-response', (_req, r) => resolve(r.statusCode ?? 0));
      ws.on('error', () => resolve(-1));
    });
    http.off('upgrade', other);
    expect(handled).toEqual(['/elsewhere']);
    expect(status).toBe(418);
  });

  it('re-checks open connections: a role change reconnects them, removal or a disabled account closes them', async () => {
    const person = await createPerson(server);
    await server.prisma.participant.create({ data: { meetingId, userId: person.id, role: 'member' } });
    const c = client(person.token);
    await synced(c);
    // Made an observer by the organisers (any code path, any instance): reconnected read-only.
    await server.prisma.participant.update({
      where: { meetingId_userId: { meetingId, userId: person.id } },
      data: { role: 'observer' },
    });
    await waitFor(
      () => c.closes.includes(CollabCloseCode.AccessChanged),
      'access-changed after the role change',
      10_000,
    );
    await synced(c);
    // Removed from the meeting: no access at all any more.
    await server.prisma.participant.delete({ where: { meetingId_userId: { meetingId, userId: person.id } } });
    await waitFor(() => c.closes.includes(CollabCloseCode.Forbidden), 'forbidden after removal', 10_000);

    const other = await createPerson(server);
    await server.prisma.participant.create({ data: { meetingId, userId: other.id, role: 'member' } });
    const d = client(other.token);
    await synced(d);
    await server.prisma.user.update({ where: { id: other.id }, data: { disabled: true } });
    await waitFor(() => d.closes.includes(CollabCloseCode.Unauthorized), 'unauthorized after disabling', 10_000);
  });

  it('unloads an idle document and loads it again intact', async () => {
    const a = client(owner.token);
    await synced(a);
    const before = contentOf(a.doc);
    a.destroy();
    await new Promise((r) => setTimeout(r, 600));
    const b = client(member.token);
    await synced(b);
    expect(contentOf(b.doc)).toBe(before);
  });
});
