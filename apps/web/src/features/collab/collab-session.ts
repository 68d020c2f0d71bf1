import {
  COLLAB_FRAGMENT,
  COLLAB_PATH,
  COLLAB_TOKEN_PARAM,
  CollabCloseCode,
  CollabMessageType,
} from '@xieshang/protocol';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type CollabFailure, type ConnectionPhase, connectionPhase, failureFor } from './connection-phase';
import type { PresenceUser } from './presence';

export interface CollabSnapshot {
  phase: ConnectionPhase;
  /** This device's copy has been read from IndexedDB. */
  localLoaded: boolean;
  /** In sync with the server at least once during this session. */
  everSynced: boolean;
  /** There is something to show: the local copy had content, or the server answered. */
  ready: boolean;
  failure: CollabFailure | null;
  /** The server dropped an edit of ours: this connection is read-only (locked, or rights changed). */
  editRejected: boolean;
}

export interface CollabSessionOptions {
  documentId: string;
  user: PresenceUser;
  /** The current access token (it rotates: read it again before every connection attempt). */
  accessToken: () => string | null;
  /** Gets a new access token through the refresh cookie; false when the sign-in is over. */
  refreshAccessToken: () => Promise<boolean>;
  /** The server closed with 4000: rights or the lock changed; re-read the document's metadata. */
  onAccessChanged?: () => void;
  /** ws(s)://host/collab by default (same origin as the page). */
  serverUrl?: string;
}

/** IndexedDB database holding one person's copy of one document (kept per account on shared computers). */
export const localCopyName = (userId: string, documentId: string) => `xs-doc:${userId}:${documentId}`;

function defaultServerUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}${COLLAB_PATH}`;
}

/**
 * One open document: a Y.Doc kept in this device's IndexedDB (so edits survive going offline,
 * closing the tab, or a crash) and synchronised with the server by the stock y-websocket
 * provider. Tracks what the connection indicator shows, renews the access token when the
 * server refuses an expired one, pauses while the browser is offline and notices when the
 * server drops our edits (read-only).
 */
export class CollabSession {
  readonly doc = new Y.Doc();
  readonly fragment: Y.XmlFragment;
  readonly provider: WebsocketProvider;
  private readonly local: IndexeddbPersistence;
  private readonly listeners = new Set<() => void>();
  private socket: 'connecting' | 'connected' | 'disconnected' = 'connecting';
  private browserOnline = typeof navigator === 'undefined' ? true : navigator.onLine;
  private failedAttempts = 0;
  private refreshedSinceSync = false;
  private destroyed = false;
  private snapshot: CollabSnapshot = {
    phase: 'connecting',
    localLoaded: false,
    everSynced: false,
    ready: false,
    failure: null,
    editRejected: false,
  };

  constructor(private readonly options: CollabSessionOptions) {
    const { documentId, user } = options;
    this.fragment = this.doc.getXmlFragment(COLLAB_FRAGMENT);
    this.local = new IndexeddbPersistence(localCopyName(user.id, documentId), this.doc);
    this.local.on('synced', () => this.update({ localLoaded: true }));

    this.provider = new WebsocketProvider(options.serverUrl ?? defaultServerUrl(), documentId, this.doc, {
      params: { [COLLAB_TOKEN_PARAM]: options.accessToken() ?? '' },
      connect: this.browserOnline,
    });
    this.provider.awareness.setLocalStateField('user', user);
    // The server tells a read-only connection that its edit was dropped (y-protocols auth message).
    this.provider.messageHandlers[CollabMessageType.Auth] = () => this.update({ editRejected: true });
    this.provider.on('status', ({ status }) => {
      this.socket = status;
      this.update({});
    });
    this.provider.on('sync', (synced: boolean) => {
      if (!synced) return this.update({});
      this.failedAttempts = 0;
      this.refreshedSinceSync = false;
      this.update({ everSynced: true });
    });
    this.provider.on('connection-close', (event) => {
      this.failedAttempts++;
      // The next attempt (scheduled by the provider right after this event) carries the newest token.
      this.provider.params[COLLAB_TOKEN_PARAM] = options.accessToken() ?? '';
      if (event?.code === CollabCloseCode.AccessChanged) options.onAccessChanged?.();
      this.update({});
    });
    this.provider.on('closed', ({ code }) => void this.onFinalClose(code));

    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CollabSnapshot => this.snapshot;

  /** Try again now instead of waiting for the provider's backoff (the indicator's button). */
  reconnect(): void {
    if (this.destroyed) return;
    this.failedAttempts = 0;
    this.provider.disconnect();
    this.provider.params[COLLAB_TOKEN_PARAM] = this.options.accessToken() ?? '';
    this.update({ failure: null });
    this.provider.connect();
  }

  /** Publishes whether this person may currently type (shown next to their name for the others). */
  setReadOnly(readOnly: boolean): void {
    const current = this.provider.awareness.getLocalState()?.user as PresenceUser | undefined;
    if (current && current.readOnly !== readOnly)
      this.provider.awareness.setLocalStateField('user', { ...current, readOnly });
  }

  /** Forget this device's copy (e.g. edits the server refused); the caller opens a new session. */
  async discardLocalCopy(): Promise<void> {
    if (this.destroyed) return;
    this.stop();
    await this.local.clearData(); // closes the database, then deletes it
    this.doc.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.stop();
    void this.local.destroy();
    this.doc.destroy();
  }

  private stop(): void {
    this.destroyed = true;
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.provider.destroy();
    this.listeners.clear();
  }

  private readonly onOffline = () => {
    this.browserOnline = false;
    // The socket may linger for a while without a network; stop now so the indicator is honest.
    this.provider.disconnect();
    this.update({});
  };

  private readonly onOnline = () => {
    this.browserOnline = true;
    if (!this.snapshot.failure) this.reconnect();
    else this.update({});
  };

  private async onFinalClose(code: number): Promise<void> {
    if (code === CollabCloseCode.Unauthorized && !this.refreshedSinceSync) {
      // Most often the access token expired while we were away: renew it once and try again.
      this.refreshedSinceSync = true;
      if ((await this.options.refreshAccessToken()) && !this.destroyed) return this.reconnect();
    }
    if (!this.destroyed) this.update({ failure: failureFor(code) });
  }

  private update(patch: Partial<CollabSnapshot>): void {
    if (this.destroyed) return;
    const next = { ...this.snapshot, ...patch };
    next.phase = connectionPhase({
      browserOnline: this.browserOnline,
      socket: this.socket,
      synced: this.provider.synced,
      everSynced: next.everSynced,
      failedAttempts: this.failedAttempts,
    });
    next.ready = next.everSynced || (next.localLoaded && this.fragment.length > 0);
    const prev = this.snapshot;
    if ((Object.keys(next) as (keyof CollabSnapshot)[]).every((k) => prev[k] === next[k])) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
