import type { CollabCloseCode } from '@xieshang/protocol';
import type { CollabAccess } from '@xieshang/domain';
import type { AuthUser } from '../auth/auth-user.js';
import type { CollabDocument } from './collab-document.js';

/** The upgrade request, as much of it as authentication needs. */
export interface CollabRequest {
  documentId: string;
  token: string | undefined;
  /** Origin header (browsers always send it). */
  origin: string | undefined;
  /** Host header, for the same-origin check. */
  host: string | undefined;
}

/** Who is on a connection and what they may do there. */
export interface CollabPrincipal {
  user: AuthUser;
  /** The token's tokenVersion claim: a bump (logout everywhere, password change) ends the connection. */
  tokenVersion: number;
  access: Exclude<CollabAccess, 'none'>;
}

/** Thrown by a hook to refuse a connection with one of the protocol's close codes. */
export class CollabRefusal extends Error {
  constructor(
    readonly code: CollabCloseCode,
    detail?: string,
  ) {
    super(detail ?? `refused with ${code}`);
  }
}

/** Where a change to a document came from (the Y.Doc transaction origin). */
export const Origin = {
  /** Read from the database: load, catch-up, compaction. */
  Store: Symbol('store'),
  /** Relayed from another server instance. */
  Remote: Symbol('remote'),
  /** Made by this server itself (restoring a version). */
  Server: Symbol('server'),
} as const;

/**
 * What the extensions may ask of the server that hosts them (given to `attach`), so an
 * extension never needs the server injected (no dependency cycle).
 */
export interface CollabHost {
  /** The loaded document with this id on this instance, if any. */
  loadedDocument(documentId: string): CollabDocument | undefined;
  loadedDocuments(): Iterable<CollabDocument>;
  /** Re-read what is committed for a loaded document (every extension's onResync). */
  resync(doc: CollabDocument): Promise<void>;
  /** Close this instance's connections to a document, e.g. because its access rules changed. */
  closeConnections(documentId: string, code: CollabCloseCode): void;
}

/**
 * The collab server is a list of small extensions, each one concern, called in list order
 * (after Hocuspocus's Extension; see notes/style-anchors.md pattern 7). Every hook is optional.
 */
export interface CollabExtension {
  readonly name: string;
  attach?(host: CollabHost): void;
  /** Decide who connects and whether they edit or only read; throw CollabRefusal to refuse. */
  onAuthenticate?(request: CollabRequest): Promise<CollabPrincipal>;
  /**
   * Re-check open connections (periodically): per entry, null to keep it, or the code to close
   * it with (4401 signed out or disabled, 4403 no longer allowed, 4000 rights changed).
   */
  onRevalidate?(connections: { principal: CollabPrincipal; documentId: string }[]): Promise<(CollabCloseCode | null)[]>;
  /** Fill a document that was just created in memory (subscribe first, then read storage). */
  onLoadDocument?(doc: CollabDocument): Promise<void>;
  /**
   * Make these updates durable. The server awaits every extension's promise before it applies
   * the updates and relays them, so no other client is sent an update that is not committed.
   */
  onStoreUpdates?(doc: CollabDocument, updates: Uint8Array[]): Promise<void>;
  /** Updates made on this instance (by its clients or by the server), after they were applied. */
  afterApplyUpdates?(documentId: string, updates: Uint8Array[]): void;
  /** An awareness change made by this instance's clients. */
  onAwarenessUpdate?(documentId: string, update: Uint8Array): void;
  /** Fetch whatever was committed elsewhere that this instance may have missed. */
  onResync?(doc: CollabDocument): Promise<void>;
  /** Access rules of a document changed on this instance (lock, co-authors). */
  onAccessChanged?(documentId: string): void;
  /** The document is leaving memory (idle): last chance to compact, unsubscribe. */
  onUnloadDocument?(doc: CollabDocument): Promise<void>;
  /** Server shutdown, after every connection closed and every store finished. */
  onDestroy?(): Promise<void>;
}
