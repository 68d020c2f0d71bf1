import { CollabCloseCode } from '@xieshang/protocol';
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
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
  sameContent,
  startCollabServer,
  synced,
  waitFor,
  type Client,
  type CollabTestServer,
  type Person,
} from './support/collab-harness.js';

const MAX_FRAME = 64 * 1024;
const RATE = 200;

type Outcome = { kind: 'open' } | { kind: 'closed'; code: number };

/**
 * Sends frames one at a time on a raw socket, reconnecting after each close. A frame's outcome
 * is known exactly: the server handles a message before it answers the ping that follows it,
 * so either the pong comes back (frame accepted or ignored) or the socket closes.
 */
class FrameSender {
  private socket: ReturnType<typeof rawSocket> | null = null;
  readonly codes = new Map<number, number>();
  constructor(
    private readonly url: string,
    private readonly documentId: string,
    private readonly token: string,
  ) {}

  async send(frame: Uint8Array, binary = true): Promise<Outcome> {
    if (!this.socket || this.socket.ws.readyState !== this.socket.ws.OPEN) {
      this.socket = rawSocket(this.url, this.documentId, this.token);
      if (!(await this.socket.opened)) throw new Error(`fuzz socket refused: ${(await this.socket.closed).code}`);
    }
    const s = this.socket;
    const outcome = new Promise<Outcome>((resolve) => {
      s.ws.once('pong', () => resolve({ kind: 'open' }));
      void s.closed.then(({ code }) => resolve({ kind: 'closed', code }));
    });
    s.ws.send(frame, { binary });
    s.ws.ping();
    const result = await outcome;
    if (result.kind === 'closed') this.codes.set(result.code, (this.codes.get(result.code) ?? 0) + 1);
    return result;
  }

  close(): void {
    this.socket?.ws.close();
  }
}

/**
 * Sends `count` frames drawn (seeded, replayable) from `frames` over `parallel` sockets; returns
 * the frames whose outcome was neither "still open" nor one of the `allowed` close codes.
 */
async function fuzz(
  senders: FrameSender[],
  frames: fc.Arbitrary<Uint8Array>,
  count: number,
  seed: number,
  allowed: number[],
): Promise<string[]> {
  const sample = fc.sample(frames, { numRuns: count, seed });
  const bad: string[] = [];
  await Promise.all(
    senders.map(async (sender, k) => {
      for (let i = k; i < sample.length; i += senders.length) {
        const outcome = await sender.send(sample[i]!);
        if (outcome.kind === 'closed' && !allowed.includes(outcome.code)) {
          bad.push(`#${i} → ${outcome.code}: ${Buffer.from(sample[i]!).toString('hex').slice(0, 80)}`);
        }
      }
    }),
  );
  return bad;
}

function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/** Real frames of every kind, recorded from a real editing session: the seed corpus. */
function recordCorpus(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('t');
  const fragment = doc.getXmlFragment('default');
  for (let i = 0; i < 12; i++) {
    text.insert(text.length, `政协委员${i}`);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(`第${i}段`)]);
    fragment.insert(fragment.length, [p]);
    if (i % 3 === 2) text.delete(0, 2);
  }
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalStateField('user', { name: '王委员', color: '#123456' });
  const frames = [
    message((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep1(e, doc))),
    message((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep2(e, doc))),
    ...updates.map((u) => message((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeUpdate(e, u)))),
    message((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
    }),
  ];
  awareness.destroy();
  doc.destroy();
  return frames;
}

const corpus = recordCorpus();
const realFrame = fc.constantFrom(...corpus);

/** Frames that must never decode: random bytes, truncations, wrong types and lengths, varint bombs. */
const rejectedFrame: fc.Arbitrary<Uint8Array> = fc.oneof(
  // random bytes of any type byte
  fc.uint8Array({ minLength: 0, maxLength: 64 }),
  fc.uint8Array({ minLength: 65, maxLength: 4096 }),
  // a real frame cut short (never at its full length)
  realFrame.chain((f) => fc.integer({ min: 0, max: f.length - 1 }).map((n) => f.slice(0, n))),
  // a real frame with junk after it
  fc
    .tuple(realFrame, fc.uint8Array({ minLength: 1, maxLength: 16 }))
    .map(([f, tail]) => Uint8Array.from([...f, ...tail])),
  // unknown message types and sync steps
  fc
    .tuple(fc.integer({ min: 4, max: 2 ** 20 }), fc.uint8Array({ maxLength: 32 }))
    .map(([t, rest]) => message((e) => (encoding.writeVarUint(e, t), encoding.writeUint8Array(e, rest)))),
  fc
    .tuple(fc.integer({ min: 3, max: 1000 }), fc.uint8Array({ maxLength: 32 }))
    .map(([step, rest]) =>
      message(
        (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, step), encoding.writeVarUint8Array(e, rest)),
      ),
    ),
  // sync update with random payload / huge declared lengths / varint bombs
  fc
    .uint8Array({ minLength: 3, maxLength: 256 })
    .map((payload) =>
      message(
        (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, payload)),
      ),
    ),
  fc
    .integer({ min: 2 ** 20, max: 2 ** 52 })
    .map((len) =>
      message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint(e, len))),
    ),
  fc.integer({ min: 1, max: 40 }).map((n) => Uint8Array.from([0, 2, ...Array<number>(n).fill(0xff)])),
  fc.integer({ min: 1, max: 40 }).map((n) => Uint8Array.from([1, ...Array<number>(n).fill(0x80)])),
  // awareness with broken JSON states
  fc.string({ maxLength: 40 }).map((junk) =>
    message((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(
        e,
        message((a) => {
          encoding.writeVarUint(a, 1);
          encoding.writeVarUint(a, 12345);
          encoding.writeVarUint(a, 1);
          encoding.writeVarString(a, `{${junk}`);
        }),
      );
    }),
  ),
);

/** A real update with a few bytes flipped: may still decode, as anything an editor could send. */
const mutatedFrame = fc
  .tuple(realFrame, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }))
  .map(([f, flips]) => {
    const copy = f.slice();
    for (const [at, xor] of flips) copy[at % copy.length]! ^= xor;
    return copy;
  });

// Thousands of frames, each its own round trip (and often a reconnect): generous per-test time.
describe('bad input never hurts the document, other clients or the server (T8, T9)', { timeout: 180_000 }, () => {
  let server: CollabTestServer;
  let drop: () => Promise<void>;
  let editor: Person, other: Person, fuzzer: Person;
  let documentId: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    server = await startCollabServer(fresh.db, {
      XS_COLLAB_MAX_FRAME_BYTES: String(MAX_FRAME),
      XS_COLLAB_MESSAGES_PER_SECOND: String(RATE),
    });
    [editor, other, fuzzer] = await Promise.all([createPerson(server), createPerson(server), createPerson(server)]);
    const meetingId = await createMeeting(server, editor.id, [
      { userId: editor.id, role: 'member' },
      { userId: other.id, role: 'member' },
      { userId: fuzzer.id, role: 'member' },
    ]);
    documentId = await createDocument(server, editor, { meetingId });
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
    await drop?.();
  });

  /** Two real editors keep typing for as long as `work` runs; returns what they typed. */
  async function whileEditing(work: () => Promise<void>): Promise<{ a: Client; b: Client; typed: string[] }> {
    const a = connectClient(server.collabUrl, documentId, editor.token);
    const b = connectClient(server.collabUrl, documentId, other.token);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    const typed: string[] = [];
    let running = true;
    const typing = (async () => {
      for (let i = 0; running; i++) {
        const c = i % 2 ? b : a;
        const mark = `⟨${c === a ? 'a' : 'b'}${i}⟩`;
        c.doc.getText('t').insert(c.doc.getText('t').length, mark);
        typed.push(mark);
        await new Promise((r) => setTimeout(r, 15));
      }
    })();
    try {
      await work();
    } finally {
      running = false;
      await typing;
    }
    await waitFor(() => sameContent(a.doc, b.doc), 'the editors to converge');
    return { a, b, typed };
  }

  it('closes every malformed, truncated or unknown frame with 4400 and applies none of them', async () => {
    const senders = Array.from({ length: 4 }, () => new FrameSender(server.collabUrl, documentId, fuzzer.token));
    let bad: string[] = [];
    const { a, typed } = await whileEditing(async () => {
      // The empty update ([0,0] payloads) and empty awareness lists are valid no-ops; everything else closes with 4400.
      bad = await fuzz(senders, rejectedFrame, 2000, 20261123, [CollabCloseCode.Malformed]);
    });
    for (const s of senders) s.close();
    expect(bad).toEqual([]);
    const malformed = senders.reduce((n, s) => n + (s.codes.get(CollabCloseCode.Malformed) ?? 0), 0);
    expect(malformed).toBeGreaterThan(1500);

    const fresh = connectClient(server.collabUrl, documentId, other.token);
    clients.push(fresh);
    await synced(fresh);
    expect(sameContent(fresh.doc, a.doc)).toBe(true);
    // Nothing but the editors' own typing got in: every mark exactly once, nothing else.
    const text = fresh.doc.getText('t').toString();
    const marks: string[] = text.match(/⟨[ab]\d+⟩/g) ?? [];
    expect(text.replace(/⟨[ab]\d+⟩/g, '')).toBe('');
    expect(marks.length).toBe(typed.length);
    expect(new Set(marks).size === typed.length && typed.every((m) => marks.includes(m))).toBe(true);
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
  });

  it('survives mutated real updates from an editor: server up, everyone converges, a fresh load agrees', async () => {
    const senders = Array.from({ length: 4 }, () => new FrameSender(server.collabUrl, documentId, fuzzer.token));
    let bad: string[] = [];
    const { a } = await whileEditing(async () => {
      bad = await fuzz(senders, mutatedFrame, 500, 7, [CollabCloseCode.Malformed]);
    });
    for (const s of senders) s.close();
    expect(bad).toEqual([]);
    const fresh = connectClient(server.collabUrl, documentId, other.token);
    clients.push(fresh);
    await synced(fresh);
    await waitFor(() => sameContent(fresh.doc, a.doc), 'fresh load equal to the editors');
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
  });

  it('closes oversize frames with 1009, text frames and empty frames with 4400', async () => {
    const sender = new FrameSender(server.collabUrl, documentId, fuzzer.token);
    const big = new Uint8Array(MAX_FRAME + 1);
    big[0] = 0;
    expect(await sender.send(big)).toEqual({ kind: 'closed', code: CollabCloseCode.TooLarge });
    expect(await sender.send(new TextEncoder().encode('{"hello":"world"}'), false)).toEqual({
      kind: 'closed',
      code: CollabCloseCode.Malformed,
    });
    expect(await sender.send(new Uint8Array(0))).toEqual({ kind: 'closed', code: CollabCloseCode.Malformed });
    sender.close();
    // A frame of exactly the limit is accepted (and this one is a valid, if pointless, sync step 1).
    const ok = rawSocket(server.collabUrl, documentId, fuzzer.token);
    await ok.opened;
    const sv = new Uint8Array(MAX_FRAME - 5); // type, step, 3-byte length prefix
    const frame = message(
      (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, sv)),
    );
    expect(frame.length).toBe(MAX_FRAME);
    ok.ws.send(frame);
    await waitFor(() => ok.messages.some((m) => m[0] === 0 && m[1] === 1) || ok.ws.readyState !== ok.ws.OPEN, 'reply');
    ok.ws.close();
  });

  it('ignores frames from refused connections (no token): closed 4401, nothing read', async () => {
    const s = rawSocket(server.collabUrl, documentId, undefined);
    s.ws.on('open', () => {
      for (const f of corpus) s.ws.send(f);
    });
    expect((await s.closed).code).toBe(CollabCloseCode.Unauthorized);
  });

  it('rate-limits a flooding connection by slowing it down, drops nothing, and leaves other clients fast', async () => {
    const documentId = await createDocument(server, editor);
    await server.prisma.documentCoAuthor.createMany({
      data: [other, fuzzer].map((p) => ({ documentId, userId: p.id })),
    });
    const a = connectClient(server.collabUrl, documentId, editor.token);
    const b = connectClient(server.collabUrl, documentId, other.token);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    const flood = rawSocket(server.collabUrl, documentId, fuzzer.token);
    await flood.opened;
    // N awareness updates of one client, as fast as the socket takes them: each is relayed.
    const FLOOD_ID = 987654;
    let changes = 0;
    b.provider.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
      if (added.includes(FLOOD_ID) || updated.includes(FLOOD_ID)) changes++;
    });
    const N = 1000;
    const t0 = Date.now();
    for (let i = 1; i <= N; i++) {
      flood.ws.send(
        message((e) => {
          encoding.writeVarUint(e, 1);
          encoding.writeVarUint8Array(
            e,
            message((u) => {
              encoding.writeVarUint(u, 1);
              encoding.writeVarUint(u, FLOOD_ID);
              encoding.writeVarUint(u, i);
              encoding.writeVarString(u, JSON.stringify({ n: i }));
            }),
          );
        }),
      );
    }

    // Meanwhile a normal editor's edit reaches another client promptly.
    const t1 = Date.now();
    a.doc.getText('t').insert(0, '限流期间的修改');
    await waitFor(() => b.doc.getText('t').toString().startsWith('限流期间的修改'), 'edit during flood');
    const editLatency = Date.now() - t1;

    await waitFor(() => b.provider.awareness.getStates().get(FLOOD_ID)?.n === N, 'the last flooded update', 30_000);
    const elapsed = (Date.now() - t0) / 1000;
    // 2×RATE pass at once, the rest at RATE per second; none is dropped.
    expect(elapsed).toBeGreaterThanOrEqual(((N - 2 * RATE) / RATE) * 0.9);
    expect(changes).toBe(N);
    expect(editLatency).toBeLessThan(2000);
    expect(flood.ws.readyState).toBe(flood.ws.OPEN);
    flood.ws.close();
    expect(contentOf(b.doc)).toContain('限流期间的修改');
  });
});
