/**
 * The co-editing wire contract (y-websocket protocol, served by apps/server/src/collab).
 *
 * Connect the stock `y-websocket` WebsocketProvider:
 *   new WebsocketProvider(`${wsOrigin}${COLLAB_PATH}`, documentId, ydoc, { params: { token: accessToken } })
 * i.e. `ws(s)://HOST/collab/<documentId>?token=<access token>`, on the same host and port as the API.
 * The editor content is the Y.XmlFragment named COLLAB_FRAGMENT (TipTap's Collaboration default).
 */
export const COLLAB_PATH = '/collab';

/** The Y.XmlFragment holding the ProseMirror/TipTap document. */
export const COLLAB_FRAGMENT = 'default';

/** Query parameter carrying the access token on the websocket URL. */
export const COLLAB_TOKEN_PARAM = 'token';

/**
 * Close codes sent by the collab server. The stock provider (y-websocket ≥ 3.1) treats
 * 4400–4499 as permanent: it stops reconnecting and emits `closed`; every other code is
 * transient and it reconnects with backoff.
 */
export const CollabCloseCode = {
  /** Access changed (document locked/unlocked, co-author added): reconnect and re-read metadata. */
  AccessChanged: 4000,
  /** Server is shutting down or restarting: reconnect. */
  GoingAway: 1001,
  /** A frame larger than XS_COLLAB_MAX_FRAME_BYTES (standard "message too big"). */
  TooLarge: 1009,
  /** The server could not load or store the document: reconnect later. */
  InternalError: 1011,
  /** Malformed or truncated frame, text frame, or unknown message type. Do not retry as is. */
  Malformed: 4400,
  /** Missing, invalid or expired access token: refresh the token, update `provider.params.token`, `provider.connect()`. */
  Unauthorized: 4401,
  /** Signed in but not allowed to see this document (or a foreign Origin). */
  Forbidden: 4403,
  /** No such document. */
  NotFound: 4404,
} as const;
export type CollabCloseCode = (typeof CollabCloseCode)[keyof typeof CollabCloseCode];

/** Short reasons sent with the close frames above (English, for logs; show the user an i18n text by code). */
export const collabCloseReason: Record<CollabCloseCode, string> = {
  [CollabCloseCode.AccessChanged]: 'access changed',
  [CollabCloseCode.GoingAway]: 'server going away',
  [CollabCloseCode.TooLarge]: 'frame too large',
  [CollabCloseCode.InternalError]: 'document unavailable',
  [CollabCloseCode.Malformed]: 'malformed message',
  [CollabCloseCode.Unauthorized]: 'authentication required',
  [CollabCloseCode.Forbidden]: 'forbidden',
  [CollabCloseCode.NotFound]: 'document not found',
};

/** Top-level y-websocket message types the server accepts (anything else closes with 4400). */
export const CollabMessageType = {
  Sync: 0,
  Awareness: 1,
  /** Server → client only: y-protocols/auth "permission denied" (reason below). */
  Auth: 2,
  QueryAwareness: 3,
} as const;

/**
 * Reason of the y-protocols/auth permission-denied message the server sends when it drops a
 * read-only connection's edit. The stock provider only logs it; an editor can listen by replacing
 * `provider.messageHandlers[2]`, or simply keep the editor non-editable (see DocumentView.access).
 */
export const COLLAB_READ_ONLY_REASON = 'read-only';
