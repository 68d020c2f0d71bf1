import { CollabCloseCode } from '@xieshang/protocol';

/**
 * What the connection indicator says. `offline`: the browser itself reports no network;
 * `unreachable`: the network is there but the server has not answered several attempts in a
 * row. In both, edits keep going into this device's copy and merge on reconnect.
 */
export type ConnectionPhase = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'unreachable';

/** Why the session stopped for good (until the page is reloaded or access is granted). */
export type CollabFailure = 'unauthorized' | 'forbidden' | 'not-found' | 'failed';

export interface ConnectionInputs {
  browserOnline: boolean;
  socket: 'connecting' | 'connected' | 'disconnected';
  /** Sync step 2 received on the current socket. */
  synced: boolean;
  /** This session was in sync with the server at least once. */
  everSynced: boolean;
  /** Failed connection attempts since the last successful sync. */
  failedAttempts: number;
}

/** After this many failed attempts in a row (≈ 3 s of backoff) the server counts as unreachable. */
export const UNREACHABLE_AFTER = 4;

export function connectionPhase(i: ConnectionInputs): ConnectionPhase {
  if (!i.browserOnline) return 'offline';
  if (i.socket === 'connected' && i.synced) return 'connected';
  if (i.failedAttempts >= UNREACHABLE_AFTER) return 'unreachable';
  return i.everSynced ? 'reconnecting' : 'connecting';
}

/**
 * Close codes the provider treats as final (4400–4499) mapped to what the user is told.
 * 4401 is first answered by refreshing the access token and reconnecting (see CollabSession).
 */
export function failureFor(code: number): CollabFailure {
  switch (code) {
    case CollabCloseCode.Unauthorized:
      return 'unauthorized';
    case CollabCloseCode.Forbidden:
      return 'forbidden';
    case CollabCloseCode.NotFound:
      return 'not-found';
    default:
      return 'failed';
  }
}
