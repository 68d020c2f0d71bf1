import { CollabCloseCode } from '@xieshang/protocol';
import { Redis } from 'ioredis';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisRelayExtension } from '../../../src/collab/extensions/redis-relay.extension.js';
import { freshDatabase } from '../../support/test-app.js';
import {
  connectClient,
  contentOf,
  createDocument,
  createMeeting,
  createPerson,
  prng,
  sameContent,
  startCollabServer,
  synced,
  waitFor,
  type Client,
  type CollabTestServer,
  type Person,
} from './support/collab-harness.js';

const REDIS_URL = process.env.XS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Two server processes (two Nest apps, one database), clients spread over both. */
describe('two instances with Redis converge', () => {
  let a: CollabTestServer, b: CollabTestServer;
  let drop: () => Promise<void>;
  let people: Person[];
  let meetingId: string;
  const clients: Client[] = [];
  const client = (server: CollabTestServer, documentId: string, person: Person) => {
    const c = connectClient(server.collabUrl, documentId, person.token);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    // Both instances compact the same document every few updates: concurrent compactions race (CAS).
    const env = { REDIS_URL, XS_REDIS_PREFIX: `xs-test-${process.pid}`, XS_COLLAB_COMPACT_AFTER: '10' };
    a = await startCollabServer(fresh.db, env);
    b = await startCollabServer(fresh.db, env);
    people = await Promise.all(Array.from({ length: 6 }, () => createPerson(a)));
    meetingId = await createMeeting(
      a,
      people[0]!.id,
      people.map((p) => ({ userId: p.id, role: 'member' as const })),
    );
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await a?.close();
    await b?.close();
    await drop?.();
  });

  it('relays edits and awareness between clients connected to different instances', async () => {
    const documentId = await createDocument(a, people[0]!, { meetingId });
    const run = people.map((p, i) => client(i % 2 ? b : a, documentId, p));
    await Promise.all(run.map(synced));
    const rand = prng(42);
    for (let i = 0; i < 300; i++) {
      const c = run[Math.floor(rand() * run.length)]!;
      const t = c.doc.getText('t');
      t.insert(Math.floor(rand() * (t.length + 1)), `${i}号`);
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    await waitFor(() => run.every((c) => sameContent(c.doc, run[0]!.doc)), 'convergence across instances');
    // Compactions on both instances kept the log short and lost nothing: fresh loads agree.
    const snapshot = await a.prisma.documentSnapshot.findUnique({ where: { documentId } });
    expect(snapshot!.version).toBeGreaterThan(2);
    const freshA = client(a, documentId, people[4]!);
    const freshB = client(b, documentId, people[5]!);
    await Promise.all([synced(freshA), synced(freshB)]);
    expect(sameContent(freshA.doc, run[0]!.doc) && sameContent(freshB.doc, run[0]!.doc)).toBe(true);

    run[0]!.provider.awareness.setLocalStateField('user', { name: '李委员' });
    await waitFor(
      () => run[1]!.provider.awareness.getStates().get(run[0]!.doc.clientID)?.user?.name === '李委员',
      'awareness across instances',
    );
  });

  it('closes connections on every instance when the document is locked on one', async () => {
    const documentId = await createDocument(a, people[0]!, { meetingId });
    const onB = client(b, documentId, people[1]!);
    await synced(onB);
    const res = await fetch(`${a.baseUrl}/api/documents/${documentId}/lock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${people[0]!.token}` },
    });
    expect(res.status).toBe(200);
    await waitFor(() => onB.closes.includes(CollabCloseCode.AccessChanged), 'access-changed on the other instance');
  });

  it('catches up from the database after its Redis subscription was cut (messages lost meanwhile)', async () => {
    const documentId = await createDocument(a, people[0]!, { meetingId });
    const onA = client(a, documentId, people[0]!);
    const onB = client(b, documentId, people[1]!);
    await Promise.all([synced(onA), synced(onB)]);
    const admin = new Redis(REDIS_URL);
    try {
      const name = b.app.get(RedisRelayExtension).subscriberName;
      const list = (await admin.client('LIST')) as string;
      const ids = list
        .split('\n')
        .filter((line) => line.includes(`name=${name} `))
        .map((line) => /id=(\d+)/.exec(line)![1]!);
      expect(ids).toHaveLength(1);
      const t = onA.doc.getText('t');
      // Type before, during and after B's subscriber is gone: what is published in the gap is lost to B.
      const typing = (async () => {
        for (let i = 0; i < 150; i++) {
          t.insert(t.length, `·${i}`);
          await new Promise((r) => setTimeout(r, 2));
        }
      })();
      await new Promise((r) => setTimeout(r, 20));
      await admin.client('KILL', 'ID', ids[0]!);
      await typing;
    } finally {
      admin.disconnect();
    }
    await waitFor(() => sameContent(onA.doc, onB.doc), 'catch-up after the subscription was restored');
    expect(contentOf(onB.doc)).toContain('·149');
  });

  it('lets a client restored on the other instance load the same content (shared database)', async () => {
    const documentId = await createDocument(a, people[0]!, { meetingId });
    const writer = client(a, documentId, people[0]!);
    await synced(writer);
    writer.doc.getText('t').insert(0, '只在 A 上写入');
    const reader = client(b, documentId, people[2]!);
    await waitFor(() => reader.doc.getText('t').toString() === '只在 A 上写入', 'load on B');
    const expected = new Y.Doc();
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(writer.doc));
    await waitFor(() => sameContent(reader.doc, expected), 'same state');
  });
});
