import type { AgendaItemView } from '@xieshang/protocol';
import type { AgendaItem } from '../generated/prisma/client.js';

export function toAgendaItemView(item: AgendaItem): AgendaItemView {
  return {
    id: item.id,
    meetingId: item.meetingId,
    position: item.position,
    title: item.title,
    description: item.description,
    plannedMinutes: item.plannedMinutes,
    presenterId: item.presenterId,
    presenterName: item.presenterName,
    status: item.status,
  };
}
