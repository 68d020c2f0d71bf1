import type {
  AdoptionMode,
  SocialReportErrorCode,
  SocialReportLevel,
  SocialReportReporter,
  SocialReportSections,
  SocialReportSettings,
  SocialReportStatus,
} from '@xieshang/protocol';
import { countChars } from '../proposals/content.js';

/**
 * 社情民意信息: short, one issue per item, edited by the office into a numbered issue of
 * 《社情民意》, reported upwards, possibly adopted (采用) and instructed on (批示) by leaders.
 * The author sees every step (each transition notifies them).
 */
export interface SocialReportState {
  id: string;
  status: SocialReportStatus;
  authorId: string;
  title: string;
  content: string;
  sections: SocialReportSections | null;
  reporter: SocialReportReporter | null;
  /** Set when converted from a 提案: 履职 credit is not counted twice. */
  sourceProposalId: string | null;
  createdAt: Date;
  submittedAt: Date | null;
  issueNumber: string | null;
  reportedTo: SocialReportLevel[];
  adoptions: { level: SocialReportLevel; mode: AdoptionMode; adoptedBy: string | null; at: Date }[];
  instructions: { level: SocialReportLevel; leader: string; content: string; at: Date }[];
}

export const DEFAULT_SOCIAL_REPORT_SETTINGS: SocialReportSettings = {
  // 广州市政协 2019: 字数控制在1500字以内为宜.
  maxLength: 1500,
  titleMaxLength: 60,
  requireReporterPhone: true,
};

export function newSocialReport(input: {
  id: string;
  authorId: string;
  title: string;
  content?: string;
  sections?: SocialReportSections | null;
  reporter?: SocialReportReporter | null;
  sourceProposalId?: string | null;
  now: Date;
}): SocialReportState {
  return {
    id: input.id,
    status: 'draft',
    authorId: input.authorId,
    title: input.title,
    content: input.content ?? '',
    sections: input.sections ?? null,
    reporter: input.reporter ?? null,
    sourceProposalId: input.sourceProposalId ?? null,
    createdAt: input.now,
    submittedAt: null,
    issueNumber: null,
    reportedTo: [],
    adoptions: [],
    instructions: [],
  };
}

export type SocialReportEvent =
  | {
      type: 'edit';
      title?: string;
      content?: string;
      sections?: SocialReportSections;
      reporter?: SocialReportReporter;
    }
  | { type: 'submit' }
  | { type: 'withdraw' }
  | { type: 'start_editing' }
  | { type: 'return'; note: string }
  | { type: 'archive'; note: string }
  | { type: 'publish'; issueNumber: string; note?: string }
  | { type: 'report'; levels: SocialReportLevel[]; note?: string }
  | { type: 'adopt'; level: SocialReportLevel; mode: AdoptionMode; adoptedBy?: string; at?: Date; note?: string }
  | { type: 'instruct'; level: SocialReportLevel; leader: string; content: string; at?: Date };

export type SocialReportEventType = SocialReportEvent['type'];

export interface SocialReportActor {
  userId: string | null;
  role: 'admin' | 'staff' | 'member' | 'unit' | 'guest' | 'system';
}

const AFTER_PUBLISHING: readonly SocialReportStatus[] = ['published', 'reported', 'adopted', 'instructed'];

/** In which statuses each event may happen. Edit: the author while drafting, the office while editing. */
export const SOCIAL_REPORT_EVENT_STATUSES: Readonly<Record<SocialReportEventType, readonly SocialReportStatus[]>> = {
  edit: ['draft', 'returned', 'editing'],
  submit: ['draft', 'returned'],
  withdraw: ['submitted'],
  start_editing: ['submitted'],
  return: ['submitted', 'editing'],
  archive: ['submitted', 'editing'],
  publish: ['editing'],
  report: AFTER_PUBLISHING,
  adopt: AFTER_PUBLISHING,
  instruct: AFTER_PUBLISHING,
};

export const SOCIAL_REPORT_EVENT_TYPES = Object.keys(SOCIAL_REPORT_EVENT_STATUSES) as SocialReportEventType[];

type Party = 'author' | 'office';
export const SOCIAL_REPORT_EVENT_PARTIES: Readonly<Record<SocialReportEventType, readonly Party[]>> = {
  edit: ['author', 'office'],
  submit: ['author'],
  withdraw: ['author'],
  start_editing: ['office'],
  return: ['office'],
  archive: ['office'],
  publish: ['office'],
  report: ['office'],
  adopt: ['office'],
  instruct: ['office'],
};

export type SocialReportRefusalCode = 'forbidden' | 'invalid_transition' | 'validation_failed' | SocialReportErrorCode;

export interface SocialReportRefusal {
  ok: false;
  code: SocialReportRefusalCode;
  message: string;
  fields?: { path: string; message: string }[];
}

export type SocialReportDutyKind = 'social_report_submitted' | 'social_report_adopted' | 'social_report_instructed';

export type SocialReportEffect =
  | { type: 'notify'; to: { userIds?: string[]; office?: boolean }; notice: string; data?: Record<string, unknown> }
  | {
      type: 'duty_event';
      userId: string;
      kind: SocialReportDutyKind;
      level?: SocialReportLevel;
      /** Converted from a 提案: the duty record must not count it twice. */
      fromProposal: boolean;
    };

export interface SocialReportTimelineRecord {
  at: Date;
  actorId: string | null;
  action: SocialReportEventType;
  fromStatus: SocialReportStatus;
  toStatus: SocialReportStatus;
  note: string | null;
}

export type SocialReportTransitionResult =
  | { ok: true; next: SocialReportState; effects: SocialReportEffect[]; entry: SocialReportTimelineRecord }
  | SocialReportRefusal;

/** All the text of the report, as counted against the length limit. */
export function socialReportText(s: Pick<SocialReportState, 'content' | 'sections'>): string {
  const parts = s.sections ? [s.sections.situation, s.sections.cause, s.sections.suggestions] : [];
  return [s.content, ...parts].filter((x) => x.trim()).join('\n');
}

/** 一事一报 form rules: a title, some text within the limit, a real reporter with a phone. */
export function checkSocialReport(s: SocialReportState, settings: SocialReportSettings): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  const title = s.title.trim();
  if (!title) errors.push({ path: 'title', message: 'required' });
  else if ([...title].length > settings.titleMaxLength) errors.push({ path: 'title', message: `at most ${settings.titleMaxLength} characters` });
  const text = socialReportText(s);
  if (!text.trim()) errors.push({ path: 'content', message: 'required' });
  else if (countChars(text) > settings.maxLength) errors.push({ path: 'content', message: `at most ${settings.maxLength} characters` });
  if (!s.reporter?.name.trim()) errors.push({ path: 'reporter.name', message: 'required' });
  if (settings.requireReporterPhone && !s.reporter?.phone.trim()) errors.push({ path: 'reporter.phone', message: 'required' });
  return errors;
}
