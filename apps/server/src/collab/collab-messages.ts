import { CollabMessageType } from '@xieshang/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/**
 * The y-websocket wire format, decoded strictly: a frame is accepted only when every byte is
 * accounted for and the Yjs payload parses, BEFORE anything is stored or applied. A frame that
 * does not parse is MalformedMessage (the connection is closed with 4400) — never a crash, and
 * never a half-applied update. lib0 ≥ 0.2.9x throws on reads past the end, so every decode loop
 * is bounded by the frame size (itself bounded by ws maxPayload).
 */
export type IncomingMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array; empty: boolean }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

export class MalformedMessage extends Error {}

const SYNC_STEP1 = syncProtocol.messageYjsSyncStep1;
const SYNC_STEP2 = syncProtocol.messageYjsSyncStep2;
const SYNC_UPDATE = syncProtocol.messageYjsUpdate;

function atEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes');
}

export function parseMessage(frame: Uint8Array): IncomingMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case CollabMessageType.Sync: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        atEnd(decoder);
        if (step === SYNC_STEP1) {
          Y.decodeStateVector(payload);
          return { kind: 'sync-step1', stateVector: payload };
        }
        if (step === SYNC_STEP2 || step === SYNC_UPDATE) {
          const { structs, ds } = Y.decodeUpdate(payload);
          // Own copy: the frame may be a view into a larger socket buffer, and this is stored.
          return { kind: 'update', update: payload.slice(), empty: structs.length === 0 && ds.clients.size === 0 };
        }
        throw new MalformedMessage(`unknown sync step ${step}`);
      }
      case CollabMessageType.Awareness: {
        const update = decoding.readVarUint8Array(decoder);
        atEnd(decoder);
        return { kind: 'awareness', update };
      }
      case CollabMessageType.QueryAwareness:
        atEnd(decoder);
        return { kind: 'query-awareness' };
      default:
        throw new MalformedMessage(`unknown message type ${type}`);
    }
  } catch (e) {
    if (e instanceof MalformedMessage) throw e;
    throw new MalformedMessage((e as Error)?.message ?? 'undecodable');
  }
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function syncStep1Message(doc: Y.Doc): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, CollabMessageType.Sync);
    syncProtocol.writeSyncStep1(e, doc);
  });
}

/** What `doc` has that a peer with `stateVector` lacks. */
export function syncStep2Message(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, CollabMessageType.Sync);
    syncProtocol.writeSyncStep2(e, doc, stateVector);
  });
}

export function updateMessage(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, CollabMessageType.Sync);
    syncProtocol.writeUpdate(e, update);
  });
}

export function awarenessMessage(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, CollabMessageType.Awareness);
    encoding.writeVarUint8Array(e, update);
  });
}

export function awarenessStatesMessage(awareness: awarenessProtocol.Awareness): Uint8Array | null {
  const clients = [...awareness.getStates().keys()];
  return clients.length ? awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, clients)) : null;
}

export function permissionDeniedMessage(reason: string): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, CollabMessageType.Auth);
    authProtocol.writePermissionDenied(e, reason);
  });
}

/**
 * Client ids whose awareness entries an update sets or clears, read without applying it, so the
 * server can bound how many entries one connection controls.
 */
export function awarenessClientIds(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder); // clock
    decoding.readVarString(decoder); // state (JSON)
  }
  atEnd(decoder);
  return ids;
}
