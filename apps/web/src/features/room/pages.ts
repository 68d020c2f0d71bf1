import { lazy } from 'react';

// The meeting room is its own chunk (socket.io client included): only people in a meeting load it.
export const MeetingRoomPage = lazy(() =>
  import('./components/MeetingRoomPage').then((m) => ({ default: m.MeetingRoomPage })),
);
