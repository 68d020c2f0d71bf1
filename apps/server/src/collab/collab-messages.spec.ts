import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { awarenessClientIds, MalformedMessage, parseMessage, permissionDeniedMessage } from './collab-messages.js';

const frame = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

function sampleDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, '政协委员');
  doc.getText('t').delete(0, 1);
  return doc;
}

describe('parseMessage', () => {
  it('decodes the four message kinds the y-websocket client sends', () => {
    const doc = sampleDoc();
    expect(parseMessage(frame((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep1(e, doc)))).kind).toBe(
      'sync-step1',
    );
    const step2 = parseMessage(frame((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep2(e, doc))));
    expect(step2).toMatchObject({ kind: 'update', empty: false });
    const empty = parseMessage(
      frame((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep2(e, new Y.Doc()))),
    );
    expect(empty).toMatchObject({ kind: 'update', empty: true });
    expect(parseMessage(Uint8Array.of(1, 1, 0)).kind).toBe('awareness');
    expect(parseMessage(Uint8Array.of(3)).kind).toBe('query-awareness');
  });

  it('copies a stored update out of the frame buffer', () => {
    const doc = sampleDoc();
    const f = frame((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc))));
    const parsed = parseMessage(f) as { update: Uint8Array };
    expect(parsed.update.buffer).not.toBe(f.buffer);
  });

  it.each([
    ['empty frame', Uint8Array.of()],
    ['unknown type', Uint8Array.of(7, 0)],
    ['auth from a client', Uint8Array.of(2, 0, 0)],
    ['unknown sync step', Uint8Array.of(0, 5, 0)],
    ['truncated length', Uint8Array.of(0, 2, 10, 1, 2)],
    ['trailing bytes', Uint8Array.of(3, 0)],
    ['garbage update', Uint8Array.of(0, 2, 3, 0xff, 0xff, 0xff)],
    ['varint bomb', Uint8Array.of(0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)],
  ])('rejects %s as MalformedMessage', (_name, bytes) => {
    expect(() => parseMessage(bytes)).toThrow(MalformedMessage);
  });

  it('never throws anything but MalformedMessage, and terminates, on random input', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 512 }),
        fc.constantFrom(0, 1, 3),
        fc.constantFrom(0, 1, 2),
        (bytes, type, step) => {
          for (const f of [bytes, Uint8Array.from([type, step, ...bytes]), Uint8Array.from([type, ...bytes])]) {
            try {
              parseMessage(f);
            } catch (e) {
              if (!(e instanceof MalformedMessage)) return false;
            }
          }
          return true;
        },
      ),
      { numRuns: 5000, seed: 1 },
    );
  });
});

describe('awarenessClientIds', () => {
  it('lists the client ids an awareness update touches, without applying it', () => {
    const update = frame((e) => {
      encoding.writeVarUint(e, 2);
      for (const id of [11, 22]) {
        encoding.writeVarUint(e, id);
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, '{}');
      }
    });
    expect(awarenessClientIds(update)).toEqual([11, 22]);
    expect(() => awarenessClientIds(update.slice(0, -1))).toThrow();
  });
});

it('encodes permission denied as y-protocols/auth does', () => {
  expect(Array.from(permissionDeniedMessage('read-only').slice(0, 3))).toEqual([2, 0, 9]);
});
