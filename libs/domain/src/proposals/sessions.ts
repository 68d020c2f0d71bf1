import type { CommitteeSession, ProposalSessionKind, ProposalSettings } from '@xieshang/protocol';
import { addMonths, localDateOf, type LocalDate } from '../calendar/local-date.js';

/**
 * The session calendar decides two things about a proposal: whether it is a 大会提案 (submitted
 * in the plenary window) or a 平时提案, and which 届/次 numbering sequence it joins.
 */

function windowStart(s: CommitteeSession, settings: ProposalSettings): LocalDate {
  if (settings.plenaryCutoffMonthDay) {
    // National practice: from 12-05 of the previous year (or of this year if the plenary is later).
    const sameYear = `${s.plenaryStart.slice(0, 4)}-${settings.plenaryCutoffMonthDay}`;
    return sameYear <= s.plenaryStart ? sameYear : `${Number(s.plenaryStart.slice(0, 4)) - 1}-${settings.plenaryCutoffMonthDay}`;
  }
  return addMonths(s.plenaryStart, -settings.plenaryWindowMonths);
}

function sorted(sessions: readonly CommitteeSession[]): CommitteeSession[] {
  return [...sessions].sort((a, b) => (a.plenaryStart < b.plenaryStart ? -1 : a.plenaryStart > b.plenaryStart ? 1 : 0));
}

export interface SubmissionClass {
  sessionKind: ProposalSessionKind;
  /** The 次会议 whose numbering the proposal joins; null when no sessions are configured. */
  session: CommitteeSession | null;
}

/**
 * 大会提案 when submitted between the window start (plenary − N months, or the cutoff day) and
 * the submission deadline (default: last plenary day). Otherwise 平时提案, numbered with the
 * session last held (闭会期间), or the next one if none was held yet.
 */
export function classifySubmission(at: Date, settings: ProposalSettings): SubmissionClass {
  const day = localDateOf(at, settings.timeZone);
  const list = sorted(settings.sessions);
  for (const s of list) {
    if (day >= windowStart(s, settings) && day <= (s.submissionDeadline ?? s.plenaryEnd)) {
      return { sessionKind: 'plenary', session: s };
    }
  }
  const held = list.filter((s) => s.plenaryStart <= day);
  return { sessionKind: 'regular', session: held[held.length - 1] ?? list[0] ?? null };
}

/** The plenary in progress at `at`, if any (界别/小组/联组 proposals only then). */
export function plenaryInSession(at: Date, settings: ProposalSettings): CommitteeSession | null {
  const day = localDateOf(at, settings.timeZone);
  return settings.sessions.find((s) => day >= s.plenaryStart && day <= s.plenaryEnd) ?? null;
}

// ── registration numbers ──

const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 13 → 十三, 20 → 二十, 105 → 一百零五 (届/次 are small numbers). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const hundreds = `${DIGITS[Math.floor(n / 100)]}百`;
  if (!rest) return hundreds;
  return rest < 10 ? `${hundreds}零${DIGITS[rest]}` : `${hundreds}${rest < 20 ? '一' : ''}${chineseNumeral(rest)}`;
}

export interface NumberingScope {
  term: number;
  session: number;
}

/** The sequence a proposal's number belongs to: per 届 and 次会议 (0/0 with no calendar). */
export function numberingScope(session: CommitteeSession | null): NumberingScope {
  return session ? { term: session.term, session: session.session } : { term: 0, session: 0 };
}

/**
 * Gap-free numbering: the next number is the last number registered in the same scope plus one.
 * Numbers are only drawn at 立案 (never at submission), so rejected or merged proposals leave
 * no holes. The server reads the last sequence and inserts under a unique (term, session,
 * sequence) constraint inside the registering transaction, retrying on conflict.
 */
export function nextRegistrationSequence(lastSequence: number | null | undefined): number {
  if (lastSequence == null) return 1;
  if (!Number.isInteger(lastSequence) || lastSequence < 0) throw new RangeError('bad last sequence');
  return lastSequence + 1;
}

/** Fills the committee's template: {term} {session} {seq} {seq:N} (zero-padded) {termZh} {sessionZh}. */
export function formatRegistrationNumber(format: string, scope: NumberingScope, sequence: number): string {
  return format.replace(/\{(termZh|sessionZh|term|session|seq)(?::(\d))?\}/g, (_, key: string, pad?: string) => {
    switch (key) {
      case 'termZh':
        return chineseNumeral(scope.term);
      case 'sessionZh':
        return chineseNumeral(scope.session);
      case 'term':
        return String(scope.term);
      case 'session':
        return String(scope.session);
      default:
        return String(sequence).padStart(pad ? Number(pad) : 0, '0');
    }
  });
}

/** The next registration number in a scope, as sequence and display label. */
export function nextRegistrationNumber(
  lastSequence: number | null | undefined,
  scope: NumberingScope,
  settings: Pick<ProposalSettings, 'numberFormat'>,
): { sequence: number; number: string } {
  const sequence = nextRegistrationSequence(lastSequence);
  return { sequence, number: formatRegistrationNumber(settings.numberFormat, scope, sequence) };
}
