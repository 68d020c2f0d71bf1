import type { GlobalRole, ParticipantRole } from '@xieshang/protocol';
import { describe, expect, it } from 'vitest';
import {
  canCreateDocument,
  canEditDocumentContent,
  canManageDocument,
  canViewDocument,
  collabAccess,
  documentCapabilities,
  type DocumentActor,
} from './document-access.js';
import { DOCUMENT_TEMPLATE_SECTIONS, documentTemplate } from './templates.js';
import { beforeRestoreVersionName, documentTextHash } from './versions.js';

const actor = (over: Partial<DocumentActor> = {}): DocumentActor => ({
  globalRole: 'member',
  isOwner: false,
  isCoAuthor: false,
  participantRole: null,
  ...over,
});

describe('document access', () => {
  const roles: (ParticipantRole | null)[] = ['chair', 'secretary', 'member', 'guest', 'observer', null];
  const globals: GlobalRole[] = ['admin', 'staff', 'member', 'guest'];

  it('gives the whole matrix: authors and non-observer participants edit, observers and staff read, others nothing', () => {
    const rows: string[] = [];
    for (const g of globals) {
      for (const p of roles) {
        for (const author of ['owner', 'co-author', 'none'] as const) {
          const a = actor({
            globalRole: g,
            participantRole: p,
            isOwner: author === 'owner',
            isCoAuthor: author === 'co-author',
          });
          rows.push(
            `${g}/${p ?? '-'}/${author}: ${collabAccess(a, false)} ${collabAccess(a, true)} ${canManageDocument(a) ? 'manage' : ''}`.trim(),
          );
        }
      }
    }
    expect(rows).toMatchSnapshot();
  });

  it('lets observers read but never write, even as staff', () => {
    expect(collabAccess(actor({ participantRole: 'observer' }), false)).toBe('read');
    expect(collabAccess(actor({ globalRole: 'staff', participantRole: 'observer' }), false)).toBe('read');
    expect(canViewDocument(actor())).toBe(false);
    expect(collabAccess(actor(), false), 'a stranger').toBe('none');
  });

  it('freezes the text for everyone while locked, owner and admin included', () => {
    for (const a of [
      actor({ isOwner: true }),
      actor({ globalRole: 'admin', isCoAuthor: true }),
      actor({ participantRole: 'chair' }),
    ]) {
      expect(canEditDocumentContent(a, false)).toBe(true);
      expect(canEditDocumentContent(a, true)).toBe(false);
      expect(collabAccess(a, true)).toBe('read');
      expect(documentCapabilities(a, true)).toMatchObject({ edit: false, restoreVersion: false });
    }
  });

  it('lets the owner, organisers and secretariat manage, but not co-authors or members', () => {
    expect(canManageDocument(actor({ isOwner: true }))).toBe(true);
    expect(canManageDocument(actor({ participantRole: 'secretary' }))).toBe(true);
    expect(canManageDocument(actor({ globalRole: 'staff' }))).toBe(true);
    expect(canManageDocument(actor({ isCoAuthor: true }))).toBe(false);
    expect(canManageDocument(actor({ participantRole: 'member' }))).toBe(false);
  });

  it('creates documents in a meeting for its non-observer participants and staff; outside meetings for accounts, not guests', () => {
    expect(canCreateDocument('member', { participantRole: 'member' })).toBe(true);
    expect(canCreateDocument('guest', { participantRole: 'guest' })).toBe(true);
    expect(canCreateDocument('member', { participantRole: 'observer' })).toBe(false);
    expect(canCreateDocument('member', { participantRole: null })).toBe(false);
    expect(canCreateDocument('staff', { participantRole: null })).toBe(true);
    expect(canCreateDocument('member', null)).toBe(true);
    expect(canCreateDocument('guest', null)).toBe(false);
  });
});

describe('documentTemplate', () => {
  it('starts a proposal with 案由 / 案据 / 建议 and a report with the four report sections', () => {
    const headings = (kind: 'proposal' | 'report') =>
      documentTemplate(kind)
        .content!.filter((n) => n.type === 'heading')
        .map((n) => n.content![0]!.text);
    expect(headings('proposal')).toEqual(['案由', '案据', '建议']);
    expect(headings('report')).toEqual(['调研背景', '基本情况', '存在问题', '对策建议']);
  });

  it('follows every heading with an empty paragraph, in the TipTap node shape', () => {
    const doc = documentTemplate('proposal');
    expect(doc.type).toBe('doc');
    expect(doc.content).toEqual([
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '案由' }] },
      { type: 'paragraph' },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '案据' }] },
      { type: 'paragraph' },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '建议' }] },
      { type: 'paragraph' },
    ]);
  });

  it('gives kinds without sections one empty paragraph', () => {
    expect(DOCUMENT_TEMPLATE_SECTIONS.note).toEqual([]);
    expect(documentTemplate('note')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });
});

describe('versions', () => {
  it('hashes the UTF-8 text with SHA-256', () => {
    expect(documentTextHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(documentTextHash('案由')).toMatch(/^[0-9a-f]{64}$/);
    expect(documentTextHash('案由')).not.toBe(documentTextHash('案据'));
  });

  it('names the automatic before-restore version after the restored one', () => {
    expect(beforeRestoreVersionName('初稿', 1)).toBe('恢复第 1 版「初稿」前的内容');
  });
});
