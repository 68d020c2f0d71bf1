/**
 * The real server in a child process, on an embedded database in XS_DATA_DIR, so a test can
 * kill -9 it and start it again on the same data (run through ts-loader.mjs). On first start it
 * creates a writer, a read-only reader (staff) and one proposal; then it prints one JSON line:
 * { port, documentId, writer, reader } (access tokens).
 */
import { documentTemplate } from '@xieshang/domain';
import { createApp } from '../../../../src/app.factory.js';
import { TokenService } from '../../../../src/auth/token.service.js';
import { proseMirrorToYjsState } from '../../../../src/collab/yjs-content.js';
import { loadConfig } from '../../../../src/config/env.js';
import { PRISMA, type PrismaClient } from '../../../../src/database/database.module.js';

const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' });
const { app } = await createApp(config);
app.enableShutdownHooks();
await app.listen(0, '127.0.0.1');
const prisma = app.get<PrismaClient>(PRISMA);

async function person(username: string, role: 'member' | 'staff') {
  return (
    (await prisma.user.findUnique({ where: { username } })) ??
    (await prisma.user.create({ data: { username, displayName: username, role } }))
  );
}
const writer = await person('durability-writer', 'member');
const reader = await person('durability-reader', 'staff');
let document = await prisma.document.findFirst({ where: { ownerId: writer.id } });
if (!document) {
  document = await prisma.document.create({ data: { kind: 'proposal', title: '持久性测试', ownerId: writer.id } });
  await prisma.documentSnapshot.create({
    data: {
      documentId: document.id,
      state: proseMirrorToYjsState(documentTemplate('proposal')) as Uint8Array<ArrayBuffer>,
    },
  });
}
const tokens = app.get(TokenService);
const { port } = app.getHttpServer().address() as { port: number };
process.stdout.write(
  `${JSON.stringify({
    port,
    documentId: document.id,
    writer: await tokens.signAccess({ sub: writer.id, tv: writer.tokenVersion }),
    reader: await tokens.signAccess({ sub: reader.id, tv: reader.tokenVersion }),
  })}\n`,
);
