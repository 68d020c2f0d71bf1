import { CollabCloseCode } from '@xieshang/protocol';
import { describe, expect, it } from 'vitest';
import { connectionPhase, failureFor, UNREACHABLE_AFTER, type ConnectionInputs } from './connection-phase';

const base: ConnectionInputs = {
  browserOnline: true,
  socket: 'connecting',
  synced: false,
  everSynced: false,
  failedAttempts: 0,
};

describe('connectionPhase', () => {
  it('connecting until the first sync, then connected', () => {
    expect(connectionPhase(base)).toBe('connecting');
    expect(connectionPhase({ ...base, socket: 'connected' })).toBe('connecting');
    expect(connectionPhase({ ...base, socket: 'connected', synced: true, everSynced: true })).toBe('connected');
  });

  it('reconnecting after a drop, unreachable after several failed attempts', () => {
    const dropped = { ...base, socket: 'disconnected' as const, everSynced: true, failedAttempts: 1 };
    expect(connectionPhase(dropped)).toBe('reconnecting');
    expect(connectionPhase({ ...dropped, failedAttempts: UNREACHABLE_AFTER })).toBe('unreachable');
    expect(connectionPhase({ ...base, failedAttempts: UNREACHABLE_AFTER })).toBe('unreachable');
  });

  it('offline whenever the browser says so, whatever the socket claims', () => {
    expect(
      connectionPhase({ ...base, browserOnline: false, socket: 'connected', synced: true, everSynced: true }),
    ).toBe('offline');
  });
});

describe('failureFor', () => {
  it('maps the server refusals', () => {
    expect(failureFor(CollabCloseCode.Unauthorized)).toBe('unauthorized');
    expect(failureFor(CollabCloseCode.Forbidden)).toBe('forbidden');
    expect(failureFor(CollabCloseCode.NotFound)).toBe('not-found');
    expect(failureFor(CollabCloseCode.Malformed)).toBe('failed');
  });
});
