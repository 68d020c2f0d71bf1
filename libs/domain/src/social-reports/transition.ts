import type { SocialReportSettings, SocialReportStatus } from '@xieshang/protocol';
import {
  checkSocialReport,
  SOCIAL_REPORT_EVENT_PARTIES,
  SOCIAL_REPORT_EVENT_STATUSES,
  SOCIAL_REPORT_EVENT_TYPES,
  type SocialReportActor,
  type SocialReportEffect,
  type SocialReportEvent,
  type SocialReportEventType,
  type SocialReportRefusal,
  type SocialReportState,
  type SocialReportTransitionResult,
} from './social-report.js';

const isOffice = (a: SocialReportActor) => a.role === 'staff' || a.role === 'admin';

function roleFits(party: 'author' | 'office', a: SocialReportActor): boolean {
  return party === 'office' ? isOffice(a) : a.role === 'member' || isOffice(a);
}

function relates(party: 'author' | 'office', s: SocialReportState, a: SocialReportActor): boolean {
  return party === 'office' ? isOffice(a) : a.userId === s.authorId;
}

const blank = (t: string | undefined | null) => !t || !t.trim();
const noteRequired = (): SocialReportRefusal => ({
  ok: false,
  code: 'validation_failed',
  message: 'note required',
  fields: [{ path: 'note', message: 'required' }],
});

interface Outcome {
  status: SocialReportStatus;
  effects: SocialReportEffect[];
  note?: string | null;
}

/** Status is the furthest milestone reached: reporting after an adoption does not step back. */
const RANK: Partial<Record<SocialReportStatus, number>> = { published: 0, reported: 1, adopted: 2, instructed: 3 };
function atLeast(current: SocialReportStatus, milestone: SocialReportStatus): SocialReportStatus {
  return (RANK[current] ?? -1) >= RANK[milestone]! ? current : milestone;
}

function apply(
  s: SocialReportState,
  event: SocialReportEvent,
  actor: SocialReportActor,
  settings: SocialReportSettings,
  now: Date,
): Outcome | SocialReportRefusal {
  const toAuthor = (notice: string, data?: Record<string, unknown>): SocialReportEffect =>
    data ? { type: 'notify', to: { userIds: [s.authorId] }, notice, data } : { type: 'notify', to: { userIds: [s.authorId] }, notice };
  const fromProposal = s.sourceProposalId !== null;
  switch (event.type) {
    case 'edit': {
      // The author drafts; once the office is editing, only the office changes the text.
      const mine = s.status === 'editing' ? isOffice(actor) : actor.userId === s.authorId;
      if (!mine) return { ok: false, code: 'forbidden', message: 'not yours to edit now' };
      if (event.title !== undefined) s.title = event.title.trim();
      if (event.content !== undefined) s.content = event.content;
      if (event.sections !== undefined) s.sections = event.sections;
      if (event.reporter !== undefined) s.reporter = event.reporter;
      const tooLong = checkSocialReport(s, settings).filter((e) => e.path === 'title' || (e.path === 'content' && e.message !== 'required'));
      if (tooLong.length) return { ok: false, code: 'validation_failed', message: 'too long', fields: tooLong };
      return { status: s.status, effects: s.status === 'editing' ? [toAuthor('social_report.edited')] : [] };
    }
    case 'submit': {
      const errors = checkSocialReport(s, settings);
      if (errors.length) return { ok: false, code: 'validation_failed', message: 'the form is incomplete', fields: errors };
      s.submittedAt = now;
      return {
        status: 'submitted',
        effects: [
          { type: 'notify', to: { office: true }, notice: 'social_report.submitted' },
          { type: 'duty_event', userId: s.authorId, kind: 'social_report_submitted', fromProposal },
        ],
      };
    }
    case 'withdraw':
      s.submittedAt = null;
      return { status: 'draft', effects: [{ type: 'notify', to: { office: true }, notice: 'social_report.withdrawn' }] };
    case 'start_editing':
      return { status: 'editing', effects: [toAuthor('social_report.editing')] };
    case 'return':
      if (blank(event.note)) return noteRequired();
      return { status: 'returned', effects: [toAuthor('social_report.returned')], note: event.note.trim() };
    case 'archive':
      if (blank(event.note)) return noteRequired();
      return { status: 'archived', effects: [toAuthor('social_report.archived')], note: event.note.trim() };
    case 'publish':
      if (blank(event.issueNumber)) {
        return { ok: false, code: 'validation_failed', message: 'issue number required', fields: [{ path: 'issueNumber', message: 'required' }] };
      }
      s.issueNumber = event.issueNumber.trim();
      return { status: 'published', effects: [toAuthor('social_report.published', { issueNumber: s.issueNumber })], note: event.note ?? null };
    case 'report': {
      const levels = [...new Set(event.levels)];
      if (!levels.length) return { ok: false, code: 'validation_failed', message: 'levels required', fields: [{ path: 'levels', message: 'required' }] };
      const again = levels.filter((l) => s.reportedTo.includes(l));
      if (again.length) return { ok: false, code: 'already_reported', message: `already reported to ${again.join(', ')}` };
      s.reportedTo.push(...levels);
      return { status: atLeast(s.status, 'reported'), effects: [toAuthor('social_report.reported', { levels })], note: event.note ?? null };
    }
    case 'adopt': {
      const adoptedBy = event.adoptedBy?.trim() || null;
      if (s.adoptions.some((x) => x.level === event.level && x.mode === event.mode && x.adoptedBy === adoptedBy)) {
        return { ok: false, code: 'already_adopted', message: 'already recorded' };
      }
      s.adoptions.push({ level: event.level, mode: event.mode, adoptedBy, at: event.at ?? now });
      return {
        status: atLeast(s.status, 'adopted'),
        effects: [
          toAuthor('social_report.adopted', { level: event.level, mode: event.mode }),
          { type: 'duty_event', userId: s.authorId, kind: 'social_report_adopted', level: event.level, fromProposal },
        ],
        note: event.note ?? null,
      };
    }
    case 'instruct': {
      if (blank(event.leader) || blank(event.content)) {
        const fields = [
          ...(blank(event.leader) ? [{ path: 'leader', message: 'required' }] : []),
          ...(blank(event.content) ? [{ path: 'content', message: 'required' }] : []),
        ];
        return { ok: false, code: 'validation_failed', message: 'leader and content required', fields };
      }
      s.instructions.push({ level: event.level, leader: event.leader.trim(), content: event.content.trim(), at: event.at ?? now });
      return {
        status: 'instructed',
        effects: [
          toAuthor('social_report.instructed', { level: event.level }),
          { type: 'duty_event', userId: s.authorId, kind: 'social_report_instructed', level: event.level, fromProposal },
        ],
      };
    }
  }
}

/**
 * The 社情民意 state machine, same order of checks as proposals: global role (403), status (409),
 * relation to this report (403), then the event's own rules.
 */
export function transitionSocialReport(
  state: SocialReportState,
  event: SocialReportEvent,
  actor: SocialReportActor,
  settings: SocialReportSettings,
  now: Date,
): SocialReportTransitionResult {
  const parties = SOCIAL_REPORT_EVENT_PARTIES[event.type];
  if (!parties) return { ok: false, code: 'validation_failed', message: 'unknown event' };
  if (!parties.some((p) => roleFits(p, actor))) return { ok: false, code: 'forbidden', message: `${actor.role} cannot ${event.type}` };
  if (!SOCIAL_REPORT_EVENT_STATUSES[event.type].includes(state.status)) {
    return { ok: false, code: 'invalid_transition', message: `${event.type} is not possible while ${state.status}` };
  }
  if (!parties.some((p) => relates(p, state, actor))) {
    return { ok: false, code: 'forbidden', message: 'not the author or the office' };
  }
  const s = structuredClone(state);
  const out = apply(s, event, actor, settings, now);
  if ('ok' in out) return out;
  s.status = out.status;
  return {
    ok: true,
    next: s,
    effects: out.effects,
    entry: { at: now, actorId: actor.userId, action: event.type, fromStatus: state.status, toStatus: s.status, note: out.note ?? null },
  };
}

/** Event types the actor may attempt now (the view's `can`). */
export function availableSocialReportEvents(state: SocialReportState, actor: SocialReportActor): SocialReportEventType[] {
  return SOCIAL_REPORT_EVENT_TYPES.filter((type) => {
    if (!SOCIAL_REPORT_EVENT_STATUSES[type].includes(state.status)) return false;
    if (type === 'edit') return state.status === 'editing' ? isOffice(actor) : actor.userId === state.authorId;
    return SOCIAL_REPORT_EVENT_PARTIES[type].some((p) => roleFits(p, actor) && relates(p, state, actor));
  });
}
