import type { ProposalEvent } from './events.js';
import { refuse } from './events.js';
import { checkProposalContent, checkProposalDraftFields, proposalVersionHash } from './content.js';
import { classifySubmission, plenaryInSession } from './sessions.js';
import { cosigners, isStale } from './state.js';
import { type Handler, notify, proposersOf } from './transition-context.js';

type E<T extends ProposalEvent['type']> = Extract<ProposalEvent, { type: T }>;

/** 案由/category/body changed: signatures on the old text become stale (derived from the hash). */
export const edit: Handler<E<'edit'>> = ({ s, event, settings }) => {
  const errors = checkProposalDraftFields({ title: event.title, category: event.category }, settings);
  if (errors.length) return refuse('validation_failed', 'invalid fields', errors);
  if (event.title !== undefined) s.title = event.title.trim();
  if (event.category !== undefined) s.category = event.category;
  const changed = event.versionHash !== s.versionHash;
  s.versionHash = event.versionHash;
  const nowStale = s.signers.filter((x) => x.signedHash !== null && isStale(x, s)).map((x) => x.userId);
  return {
    effects: changed && nowStale.length ? [notify({ userIds: nowStale }, 'proposal.signature_stale')] : [],
    data: { textChanged: changed },
  };
};

export const inviteCosigner: Handler<E<'invite_cosigner'>> = ({ s, event, now }) => {
  if (s.kind === 'organisation' || s.kind === 'group') {
    return refuse('cosigners_not_allowed', 'organisation and group proposals have no co-signers');
  }
  if (s.signers.some((x) => x.userId === event.userId)) return refuse('already_cosigner', 'already listed');
  s.signers.push({ userId: event.userId, role: 'cosigner', invitedAt: now, signedHash: null, signedAt: null });
  s.kind = 'joint';
  return { effects: [notify({ userIds: [event.userId] }, 'proposal.cosign_invited')], data: { userId: event.userId } };
};

export const removeCosigner: Handler<E<'remove_cosigner'>> = ({ s, event }) => {
  const i = s.signers.findIndex((x) => x.userId === event.userId && x.role === 'cosigner');
  if (i < 0) return refuse('not_cosigner', 'not a co-signer');
  s.signers.splice(i, 1);
  if (!cosigners(s).length && s.kind === 'joint') s.kind = 'member';
  return { effects: [notify({ userIds: [event.userId] }, 'proposal.cosign_removed')], data: { userId: event.userId } };
};

export const sign: Handler<E<'sign'>> = ({ s, event, actor, now }) => {
  if (event.readHash !== undefined && event.readHash !== event.versionHash) {
    return refuse('version_mismatch', 'the text changed since the signer read it');
  }
  s.versionHash = event.versionHash;
  const signer = s.signers.find((x) => x.userId === actor.userId)!;
  if (signer.signedHash === s.versionHash) return refuse('already_signed', 'already signed this version');
  signer.signedHash = s.versionHash;
  signer.signedAt = now;
  return { effects: [notify({ userIds: [s.proposerId] }, 'proposal.signed', { userId: actor.userId })], data: { versionHash: s.versionHash } };
};

export const declineCosign: Handler<E<'decline_cosign'>> = ({ s, actor }) => {
  s.signers = s.signers.filter((x) => !(x.userId === actor.userId && x.role === 'cosigner'));
  if (!cosigners(s).length && s.kind === 'joint') s.kind = 'member';
  return { effects: [notify({ userIds: [s.proposerId] }, 'proposal.cosign_declined', { userId: actor.userId })] };
};

/**
 * 提交: the form is complete, every co-signer signed exactly this text, and the proposer type
 * fits the moment (界别/小组/联组 only during the plenary; organisations confirm their seal).
 * The initiator's signature is the submission itself.
 */
export const submit: Handler<E<'submit'>> = ({ s, event, settings, now }) => {
  const errors = checkProposalContent(event.content, settings);
  if (errors.length) return refuse('validation_failed', 'the proposal form is incomplete', errors);
  s.title = event.content.title.trim();
  s.category = event.content.category;
  s.versionHash = proposalVersionHash(event.content.title, event.content.body);

  const others = cosigners(s);
  if (s.kind === 'joint' && !others.length) return refuse('cosigner_required', 'a joint proposal needs co-signers');
  const stale = others.filter((x) => isStale(x, s));
  if (stale.length) {
    return refuse('signatures_stale', `signed an earlier version: ${stale.map((x) => x.userId).join(', ')}`);
  }
  const missing = others.filter((x) => x.signedHash === null);
  if (missing.length) return refuse('signatures_missing', `not signed: ${missing.map((x) => x.userId).join(', ')}`);
  if (s.kind === 'group' && !plenaryInSession(now, settings)) {
    return refuse('plenary_not_in_session', 'group proposals only during the plenary');
  }
  if (s.kind === 'organisation' && settings.requireOrganisationSeal && !event.sealConfirmed) {
    return refuse('seal_required', 'the organisation seal must be confirmed');
  }

  const initiator = s.signers.find((x) => x.role === 'initiator')!;
  initiator.signedHash = s.versionHash;
  initiator.signedAt = now;
  const cls = classifySubmission(now, settings);
  s.sessionKind = cls.sessionKind;
  s.sessionId = cls.session?.id ?? null;
  s.submittedAt = now;
  s.status = 'submitted';
  return {
    effects: [notify({ office: true }, 'proposal.submitted'), notify({ userIds: proposersOf(s) }, 'proposal.submitted')],
    data: { sessionKind: s.sessionKind, sessionId: s.sessionId, versionHash: s.versionHash },
  };
};

/** Taken back before the office decided: editable again; signatures stay bound to their text. */
export const withdraw: Handler<E<'withdraw'>> = ({ s }) => {
  s.status = 'draft';
  s.submittedAt = null;
  s.sessionKind = null;
  s.sessionId = null;
  return { effects: [notify({ office: true }, 'proposal.withdrawn')] };
};
