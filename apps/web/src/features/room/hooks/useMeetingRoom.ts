import {
  MEETING_NAMESPACE,
  ServerToClientEventSchemas,
  type ClientToServerEvents,
  type MeetingLiveState,
  type ServerToClientEventName,
  type ServerToClientEvents,
} from '@xieshang/protocol';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { session } from '../../../shared/auth/session';
import { applyRoomEvent, markVoted, type RoomEvent } from '../room-state';

type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * - connecting: first connection under way;
 * - live: connected and the full state received;
 * - reconnecting: the connection dropped, socket.io is retrying (what is shown may be stale);
 * - offline: the browser says there is no network;
 * - refused: the server refused us (not a participant, meeting gone) — retrying will not help.
 */
export type RoomConnection = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'refused';

type Action = RoomEvent | { type: 'local.voted'; pollId: string; option: string };

function reducer(state: MeetingLiveState | null, action: Action): MeetingLiveState | null {
  if (action.type === 'local.voted') return markVoted(state, action.pollId, action.option);
  return applyRoomEvent(state, action);
}

const EVENT_NAMES = Object.keys(ServerToClientEventSchemas) as ServerToClientEventName[];
const AUTH_CODES = new Set(['authentication_required', 'token_expired', 'invalid_token', 'unauthenticated']);

export interface MeetingRoom {
  state: MeetingLiveState | null;
  connection: RoomConnection;
  /** Why the server refused the connection (an error code), when connection is 'refused'. */
  refusedCode: string | null;
  /** serverTime − client time, for timers. */
  clockOffsetMs: number;
  /** Remember a ballot this device just cast (the server confirms with poll.voted). */
  noteVoted(pollId: string, option: string): void;
  /** Ask the server for a fresh full state (e.g. after a failed command). */
  resync(): void;
}

/**
 * The live room of one meeting over socket.io: the full state on every (re)connect, then deltas.
 * Every payload is validated against the protocol schema; an invalid one triggers a resync
 * instead of corrupting the state. Commands go through HTTP (room-api.ts).
 */
export function useMeetingRoom(meetingId: string): MeetingRoom {
  const [state, dispatch] = useReducer(reducer, null);
  const [connection, setConnection] = useState<RoomConnection>('connecting');
  const [refusedCode, setRefusedCode] = useState<string | null>(null);
  const [clockOffsetMs, setClockOffsetMs] = useState(0);
  const socketRef = useRef<RoomSocket | null>(null);

  const resync = useCallback(() => {
    const socket = socketRef.current;
    if (!socket?.connected) return;
    socket.timeout(10_000).emit('session.sync', {}, (err, res) => {
      if (err || !res.ok) return;
      const parsed = ServerToClientEventSchemas['session.state'].safeParse(res.data);
      if (parsed.success) dispatch({ type: 'session.state', payload: parsed.data });
    });
  }, []);

  useEffect(() => {
    if (!meetingId) return;
    // auth as a function: every reconnect presents the current (possibly refreshed) token.
    const socket: RoomSocket = io(MEETING_NAMESPACE, {
      auth: (cb) => cb({ token: session.accessToken() ?? '', meetingId }),
      transports: ['websocket', 'polling'],
      reconnectionDelayMax: 5_000,
    });
    socketRef.current = socket;
    setConnection('connecting');
    setRefusedCode(null);
    let disposed = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const retryLater = (ms: number) => {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => {
        if (!disposed && !socket.connected) socket.connect();
      }, ms);
    };

    for (const name of EVENT_NAMES) {
      const schema = ServerToClientEventSchemas[name];
      socket.on(name as 'session.state', (payload: unknown) => {
        const parsed = schema.safeParse(payload);
        if (!parsed.success) {
          resync();
          return;
        }
        if (name === 'session.state') {
          const live = parsed.data as MeetingLiveState;
          setClockOffsetMs(Date.parse(live.serverTime) - Date.now());
          setConnection('live');
        }
        dispatch({ type: name, payload: parsed.data } as RoomEvent);
      });
    }

    socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      if (disposed) return;
      const code = err.data?.code ?? err.message;
      if (AUTH_CODES.has(code)) {
        // The access token expired while we were away: refresh it, then try again.
        void session.refresh().then((ok) => {
          if (ok) retryLater(0);
          else setConnection('refused');
        });
        return;
      }
      if (code === 'forbidden' || code === 'not_found') {
        setRefusedCode(code);
        setConnection('refused');
        return;
      }
      // Transport errors: socket.io keeps retrying by itself.
      setConnection(navigator.onLine ? 'reconnecting' : 'offline');
    });
    socket.on('disconnect', (reason) => {
      if (disposed) return;
      setConnection(navigator.onLine ? 'reconnecting' : 'offline');
      // The server dropped us (e.g. its re-validation): socket.io will not retry on its own.
      if (reason === 'io server disconnect') {
        void session.refresh().finally(() => retryLater(1_000));
      }
    });

    const online = () => {
      if (socket.connected) {
        // The socket survived the outage: make sure nothing was missed.
        setConnection((c) => (c === 'offline' ? 'live' : c));
        resync();
        return;
      }
      setConnection((c) => (c === 'offline' ? 'reconnecting' : c));
      socket.connect();
    };
    const offline = () => setConnection((c) => (c === 'refused' ? c : 'offline'));
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);

    return () => {
      disposed = true;
      clearTimeout(retryTimer);
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [meetingId, resync]);

  const noteVoted = useCallback((pollId: string, option: string) => dispatch({ type: 'local.voted', pollId, option }), []);

  return { state, connection, refusedCode, clockOffsetMs, noteVoted, resync };
}
