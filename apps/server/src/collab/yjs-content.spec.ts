import { documentTemplate } from '@xieshang/domain';
import type { ProseMirrorNode } from '@xieshang/protocol';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  proseMirrorToYjsState,
  replaceContentUpdate,
  yjsToBlocks,
  yjsToPlainText,
  yjsToProseMirror,
} from './yjs-content.js';

const load = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
};

const rich: ProseMirrorNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '建议' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '一是' },
        { type: 'text', text: '简化审批', marks: [{ type: 'bold' }] },
        { type: 'text', text: '，详见', marks: [] },
        { type: 'text', text: '政务网', marks: [{ type: 'link', attrs: { href: 'https://gov.example' } }] },
        { type: 'hardBreak' },
        { type: 'text', text: '二是加强监管。' },
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '第三条' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '第四条' }] }] },
      ],
    },
    {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '要点' }] }] }],
    },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: '区县' }] }] },
            { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: '企业数' }] }] },
          ],
        },
      ],
    },
    { type: 'paragraph' },
  ],
};

describe('yjs-content', () => {
  it('stores a template in the y-prosemirror layout TipTap reads (XmlFragment "default", element per node)', () => {
    const doc = load(proseMirrorToYjsState(documentTemplate('proposal')));
    expect(doc.getXmlFragment('default').toString()).toBe(
      '<heading level="2">案由</heading><paragraph></paragraph><heading level="2">案据</heading><paragraph></paragraph><heading level="2">建议</heading><paragraph></paragraph>',
    );
    const heading = doc.getXmlFragment('default').get(0) as Y.XmlElement;
    expect(heading.getAttribute('level')).toBe(2);
    expect(yjsToProseMirror(doc)).toEqual(documentTemplate('proposal'));
  });

  it('round-trips marks (with attributes), hard breaks, lists and tables', () => {
    const doc = load(proseMirrorToYjsState(rich));
    const back = yjsToProseMirror(doc);
    expect(back.content![1]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: '一是' },
        { type: 'text', text: '简化审批', marks: [{ type: 'bold' }] },
        { type: 'text', text: '，详见' },
        { type: 'text', text: '政务网', marks: [{ type: 'link', attrs: { href: 'https://gov.example' } }] },
        { type: 'hardBreak' },
        { type: 'text', text: '二是加强监管。' },
      ],
    });
    expect(back.content![2]).toEqual(rich.content![2]);
    expect(back.content![5]).toEqual({ type: 'paragraph' });
  });

  it('extracts readable plain text: one line per block, list markers, table cells, no empty blocks', () => {
    const doc = load(proseMirrorToYjsState(rich));
    expect(yjsToBlocks(doc)).toEqual([
      '建议',
      '一是简化审批，详见政务网\n二是加强监管。',
      '3. 第三条',
      '4. 第四条',
      '• 要点',
      '区县 | 企业数',
    ]);
    expect(yjsToPlainText(doc)).toBe(yjsToBlocks(doc).join('\n'));
  });

  it('reads overlapping-mark attribute names (name--hash) as the mark type', () => {
    const doc = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    doc.getXmlFragment('default').insert(0, [p]);
    const t = new Y.XmlText();
    p.insert(0, [t]);
    t.insert(0, '批注', { 'comment--abc123': { id: 'c1' } });
    expect(yjsToProseMirror(doc).content![0]!.content![0]).toEqual({
      type: 'text',
      text: '批注',
      marks: [{ type: 'comment', attrs: { id: 'c1' } }],
    });
  });

  it('restores by a new edit that makes the content equal to the target and merges with concurrent edits', () => {
    const v1 = load(proseMirrorToYjsState(documentTemplate('proposal')));
    const live = new Y.Doc();
    Y.applyUpdate(live, Y.encodeStateAsUpdate(v1));
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('后来加的')]);
    live.getXmlFragment('default').insert(6, [p]);

    const restore = replaceContentUpdate(live, v1);
    // Someone else typed concurrently, unaware of the restore.
    const concurrent = new Y.Doc();
    Y.applyUpdate(concurrent, Y.encodeStateAsUpdate(live));
    const q = new Y.XmlElement('paragraph');
    q.insert(0, [new Y.XmlText('同时输入')]);
    concurrent.getXmlFragment('default').insert(0, [q]);
    const concurrentUpdate = Y.encodeStateAsUpdate(concurrent, Y.encodeStateVector(live));

    Y.applyUpdate(live, restore);
    expect(yjsToPlainText(live)).toBe(yjsToPlainText(v1));
    Y.applyUpdate(live, concurrentUpdate);
    // Both survive. Where the concurrent paragraph lands relative to the restored block (both were
    // inserted at the start) is decided by Yjs client ids, which are random: compare as line sets.
    const lines = (text: string) => text.split('\n').sort();
    expect(lines(yjsToPlainText(live))).toEqual(lines(`同时输入\n${yjsToPlainText(v1)}`));
    // History is kept: the restore only added to the document's state.
    expect(Y.encodeStateVector(live).length).toBeGreaterThan(0);
  });
});
