import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../support/test-app.js';
import type { DatabaseConnection } from '../../../src/database/database-connection.js';
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

/** Seeds replay a run exactly (XS_TEST_SEED=<n> to try another). */
const SEEDS = process.env.XS_TEST_SEED ? [Number(process.env.XS_TEST_SEED)] : [20261123, 7];
const CLIENTS = 8;
const STEPS = 400;

const WORDS = ['政协', '委员', '提案', '营商环境', '调研', '建议', '民生', 'A', 'b', '，', '。', '\n'];

/** One random edit, the way editors change a document: text runs and whole paragraphs. */
function randomEdit(doc: Y.Doc, rand: () => number): void {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const text = doc.getText('t');
  const fragment = doc.getXmlFragment('default');
  const r = rand();
  if (r < 0.45) {
    text.insert(Math.floor(rand() * (text.length + 1)), pick(WORDS) + pick(WORDS));
  } else if (r < 0.6 && text.length > 0) {
    const at = Math.floor(rand() * text.length);
    text.delete(at, Math.min(text.length - at, 1 + Math.floor(rand() * 4)));
  } else if (r < 0.85) {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(pick(WORDS) + pick(WORDS) + pick(WORDS))]);
    fragment.insert(Math.floor(rand() * (fragment.length + 1)), [p]);
  } else if (fragment.length > 0) {
    fragment.delete(Math.floor(rand() * fragment.length), 1);
  }
}

describe('convergence of many stock clients under random concurrent edits (T10)', () => {
  let db: DatabaseConnection;
  let drop: () => Promise<void>;
  let server: CollabTestServer;
  let people: Person[];
  let meetingId: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    // A low compaction threshold makes compaction run many times, concurrently with the writes.
    server = await startCollabServer(db, { XS_COLLAB_COMPACT_AFTER: '25', XS_COLLAB_IDLE_UNLOAD_MS: '100' });
    people = await Promise.all(Array.from({ length: CLIENTS }, () => createPerson(server)));
    meetingId = await createMeeting(
      server,
      people[0]!.id,
      people.map((p) => ({ userId: p.id, role: 'member' as const })),
    );
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
    await drop?.();
  });

  for (const seed of SEEDS) {
    it(`converges, and a fresh load after a restart is identical (seed ${seed})`, async () => {
      const rand = prng(seed);
      const documentId = await createDocument(server, people[0]!, { meetingId });
      const run = people.map((p) => connectClient(server.collabUrl, documentId, p.token));
      clients.push(...run);
      await Promise.all(run.map(synced));

      for (let step = 0; step < STEPS; step++) {
        const c = run[Math.floor(rand() * run.length)]!;
        if (rand() < 0.04) {
          // Go offline (and keep editing), or come back and merge.
          if (c.provider.shouldConnect) c.provider.disconnect();
          else c.provider.connect();
          continue;
        }
        randomEdit(c.doc, rand);
        if (rand() < 0.3) await new Promise((r) => setTimeout(r, Math.floor(rand() * 4)));
      }
      for (const c of run) if (!c.provider.shouldConnect) c.provider.connect();
      await waitFor(() => run.every((c) => sameContent(c.doc, run[0]!.doc)), `convergence (seed ${seed})`, 30_000);
      const final = Y.encodeStateAsUpdate(run[0]!.doc);
      expect(contentOf(run[0]!.doc).length).toBeGreaterThan(100);

      // Restart on the same database: a client that never saw anything loads exactly the same.
      for (const c of run) c.destroy();
      await server.close();
      server = await startCollabServer(db, { XS_COLLAB_COMPACT_AFTER: '25', XS_COLLAB_IDLE_UNLOAD_MS: '100' });
      const fresh = connectClient(server.collabUrl, documentId, people[1]!.token);
      clients.push(fresh);
      await synced(fresh);
      const expected = new Y.Doc();
      Y.applyUpdate(expected, final);
      expect(sameContent(fresh.doc, expected)).toBe(true);
      // And the log was compacted along the way (bounded), yet nothing was lost.
      const logRows = await server.prisma.documentUpdate.count({ where: { documentId } });
      const snapshot = await server.prisma.documentSnapshot.findUnique({ where: { documentId } });
      expect(snapshot!.version).toBeGreaterThan(1);
      expect(logRows).toBeLessThan(STEPS);
    });
  }
});
