import type { INestApplication } from '@nestjs/common';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createApp } from '../../../../src/app.factory.js';
import { TokenService } from '../../../../src/auth/token.service.js';
import { loadConfig } from '../../../../src/config/env.js';
import type { DatabaseConnection } from '../../../../src/database/database-connection.js';
import { PRISMA, type PrismaClient } from '../../../../src/database/database.module.js';
import type { GlobalRole, ParticipantRole } from '../../../../src/generated/prisma/client.js';

// Every stock provider adds a process 'exit' listener; dozens are expected here.
process.setMaxListeners(0);

export interface CollabTestServer {
  app: INestApplication;
  baseUrl: string;
  /** ws://127.0.0.1:<port>/collab — the provider's serverUrl. */
  collabUrl: string;
  prisma: PrismaClient;
  close(): Promise<void>;
}

/**
 * Boots the real server on port 0 over an existing database, which it does NOT close: several
 * instances (Redis tests) or several lives (restart tests) can share one database.
 */
export async function startCollabServer(
  db: DatabaseConnection,
  env: Record<string, string> = {},
): Promise<CollabTestServer> {
  const config = loadConfig({
    XS_LOG_LEVEL: process.env.XS_TEST_LOG_LEVEL ?? 'silent',
    XS_ADMIN_PASSWORD: 'admin-password-1',
    XS_JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    XS_WEB_DIST: '/nonexistent',
    PORT: '0',
    HOST: '127.0.0.1',
    ...env,
  });
  const shared: DatabaseConnection = { ...db, close: async () => {} };
  const { app } = await createApp(config, { db: shared });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    prisma: app.get<PrismaClient>(PRISMA),
    close: () => app.close(),
  };
}

export interface Person {
  id: string;
  token: string;
}

let counter = 0;

export async function createPerson(server: CollabTestServer, role: GlobalRole = 'member'): Promise<Person> {
  const n = ++counter;
  const user = await server.prisma.user.create({
    data: { username: `u${n}-${Math.random().toString(36).slice(2, 8)}`, displayName: `测试用户${n}`, role },
  });
  const token = await server.app.get(TokenService).signAccess({ sub: user.id, tv: user.tokenVersion });
  return { id: user.id, token };
}

export async function createMeeting(
  server: CollabTestServer,
  createdById: string,
  participants: { userId: string; role: ParticipantRole }[],
): Promise<string> {
  const meeting = await server.prisma.meeting.create({
    data: {
      title: '关于优化营商环境的协商座谈会',
      kind: 'consultation',
      status: 'live',
      scheduledAt: new Date(),
      createdById,
      participants: { create: participants },
    },
  });
  return meeting.id;
}

/** A document made through the API (so it gets its template and audit record). */
export async function createDocument(
  server: CollabTestServer,
  owner: Person,
  body: { title?: string; kind?: string; meetingId?: string } = {},
): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` },
    body: JSON.stringify({ title: '关于优化营商环境的提案', kind: 'proposal', ...body }),
  });
  const json = (await res.json()) as { id: string };
  if (res.status !== 201) throw new Error(`create document: ${res.status} ${JSON.stringify(json)}`);
  return json.id;
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes the server sent, in order. */
  closes: number[];
  destroy(): void;
}

/** The stock y-websocket client, exactly as the web editor uses it (BroadcastChannel off: one process). */
export function connectClient(
  collabUrl: string,
  documentId: string,
  token: string,
  opts: { connect?: boolean } = {},
): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(collabUrl, documentId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    maxBackoffTime: 300,
    connect: opts.connect ?? true,
  });
  const closes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code);
  });
  return {
    doc,
    provider,
    closes,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const synced = (c: Client) => waitFor(() => c.provider.synced, 'sync');

/** Same content, byte for byte: equal state vectors and equal encoded content. */
export function sameContent(a: Y.Doc, b: Y.Doc): boolean {
  return (
    Buffer.compare(Buffer.from(Y.encodeStateVector(a)), Buffer.from(Y.encodeStateVector(b))) === 0 &&
    contentOf(a) === contentOf(b)
  );
}

export function contentOf(doc: Y.Doc): string {
  return JSON.stringify({ xml: doc.getXmlFragment('default').toString(), text: doc.getText('t').toString() });
}

/** True when `inner`'s every struct and deletion is in `outer` (what a reader saw is kept). */
export function contains(outer: Y.Doc, inner: Y.Doc): boolean {
  return Y.snapshotContainsUpdate(Y.snapshot(outer), Y.encodeStateAsUpdate(inner));
}

/** Deterministic PRNG (mulberry32) so a failing run can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A raw socket speaking the wire format directly (fuzzing, limits). Resolves once open, or with the close code. */
export function rawSocket(
  collabUrl: string,
  documentId: string,
  token: string | undefined,
  headers: Record<string, string> = {},
) {
  const url = `${collabUrl}/${documentId}${token !== undefined ? `?token=${encodeURIComponent(token)}` : ''}`;
  const ws = new WebSocket(url, { headers });
  const messages: Buffer[] = [];
  ws.on('message', (data) => messages.push(data as Buffer));
  ws.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<boolean>((resolve) => {
    ws.once('open', () => resolve(true));
    ws.once('close', () => resolve(false));
  });
  return { ws, messages, closed, opened };
}

/** Close code of a connection the server refuses right after the handshake. */
export async function refusalCode(
  collabUrl: string,
  documentId: string,
  token: string | undefined,
  headers?: Record<string, string>,
): Promise<number> {
  const s = rawSocket(collabUrl, documentId, token, headers);
  return (await s.closed).code;
}
