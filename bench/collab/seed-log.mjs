// Child process of collab.mjs (cold-load scenario): writes a large update history straight into
// OUR server's update log through its own persistence layer (the built app's Prisma client and
// UpdateLogRepository), while the server itself is stopped. The history is made by a real Y.Doc:
// EDITS local edits on the Y.Text 'bench' (inserts of 1–19 characters at random positions, one in
// ten a short delete), one update row per edit, ≈1 MB of text at the end.
// argv: <documentId> <edits>. Env: the server's own (XS_DATA_DIR or DATABASE_URL, ...).
// Prints one JSON line: { rows, textLength, textBytes, updateBytes, ms }.
import * as Y from 'yjs';
import { createApp } from '../../apps/server/dist/app.factory.js';
import { loadConfig } from '../../apps/server/dist/config/env.js';
import { UpdateLogRepository } from '../../apps/server/dist/collab/update-log.repository.js';

const [documentId, editsArg] = process.argv.slice(2);
const EDITS = Number(editsArg);
const started = performance.now();
const { app } = await createApp(loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' }));
const repo = app.get(UpdateLogRepository);

let seed = 42;
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const alphabet = 'abcdefghijklmnopqrstuvwxyz 协商政协提案委员会议 ,.\n';
const doc = new Y.Doc();
const text = doc.getText('bench');
let batch = [];
let rows = 0;
let updateBytes = 0;
doc.on('update', (u) => {
  batch.push({ documentId, data: u });
  updateBytes += u.length;
});
for (let i = 0; i < EDITS; i++) {
  if (i % 10 === 9 && text.length > 20) {
    text.delete(rand(text.length - 5), 1 + rand(3));
  } else {
    let s = '';
    for (let k = 1 + rand(19); k > 0; k--) s += alphabet[rand(alphabet.length)];
    text.insert(rand(text.length + 1), s);
  }
  if (batch.length >= 5000) {
    await repo.append(batch);
    rows += batch.length;
    batch = [];
  }
}
await repo.append(batch);
rows += batch.length;
const content = text.toString();
await app.close();
process.stdout.write(
  `${JSON.stringify({ rows, textLength: content.length, textBytes: Buffer.byteLength(content), updateBytes, ms: Math.round(performance.now() - started) })}\n`,
);
process.exit(0);
