import type { Stopwatch } from '@xieshang/domain';
import type { AgendaState, TimerView } from '@xieshang/protocol';
import type { AgendaItem, MeetingLiveState, Prisma } from '../generated/prisma/client.js';
import { isoOrNull } from '../meetings/person-ref.mapper.js';

type Db = Prisma.TransactionClient;

export function stopwatchOf(live: MeetingLiveState): Stopwatch {
  return {
    runningSince: live.itemTimerRunningSince,
    elapsedMs: live.itemTimerElapsedMs,
    limitSeconds: live.itemTimerLimitSeconds,
  };
}

export function stopwatchColumns(t: Stopwatch) {
  return { itemTimerRunningSince: t.runningSince, itemTimerElapsedMs: t.elapsedMs, itemTimerLimitSeconds: t.limitSeconds };
}

export function toTimerView(t: Stopwatch): TimerView {
  return { runningSince: isoOrNull(t.runningSince), elapsedMs: t.elapsedMs, limitSeconds: t.limitSeconds };
}

export function toAgendaState(items: readonly AgendaItem[], live: MeetingLiveState | null): AgendaState {
  const current = live?.currentAgendaItemId && items.some((i) => i.id === live.currentAgendaItemId) ? live.currentAgendaItemId : null;
  return {
    agenda: items.map((i) => ({
      id: i.id,
      position: i.position,
      title: i.title,
      status: i.status,
      plannedMinutes: i.plannedMinutes,
      presenterName: i.presenterName,
    })),
    currentAgendaItemId: current,
    itemTimer: current && live ? toTimerView(stopwatchOf(live)) : null,
  };
}

export async function readAgendaState(db: Db, meetingId: string): Promise<AgendaState> {
  const [items, live] = await Promise.all([
    db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } }),
    db.meetingLiveState.findUnique({ where: { meetingId } }),
  ]);
  return toAgendaState(items, live);
}
