import type { ProposalSettings } from '@xieshang/protocol';
import { isPast } from '../calendar/deadlines.js';
import type { ProposalEvent } from './events.js';
import type { ProposalState } from './state.js';

/**
 * Events the server's scheduler should apply on its own, as actor `{ role: 'system' }`:
 * closing an evaluation window that has run out.
 */
export function dueSystemEvents(state: ProposalState, now: Date): ProposalEvent[] {
  if (state.status === 'evaluating' && state.evaluationDeadline && isPast(state.evaluationDeadline, now)) {
    return [{ type: 'close_evaluation' }];
  }
  return [];
}

/** Label of a reply result code in the committee's list (A → 已解决或采纳). */
export function resultLabel(settings: ProposalSettings, code: string): string | undefined {
  return settings.replyResultCodes.find((c) => c.code === code)?.label;
}
