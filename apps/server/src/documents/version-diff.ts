import type { DiffBlock, DiffSegment } from '@xieshang/protocol';
import { diffArrays } from 'diff';

/** Beyond this many differing blocks (or words in a block) the comparison is not worth computing: whole replace. */
const MAX_BLOCK_EDITS = 500;
const MAX_WORD_EDITS = 500;
/** A changed block sharing less than this share of its text with the old one reads better as delete + insert. */
const MIN_SHARED = 0.3;

const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words for Chinese (ICU segmentation: 营商 环境 …), words and spaces elsewhere. */
function tokens(text: string): string[] {
  return Array.from(words.segment(text), (s) => s.segment);
}

function merge(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const s of segments) {
    if (!s.text) continue;
    const last = out[out.length - 1];
    if (last && last.op === s.op) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/** Word-level diff of one block against its new text; null when they share too little. */
function changeWithin(before: string, after: string): DiffSegment[] | null {
  const changes = diffArrays(tokens(before), tokens(after), { maxEditLength: MAX_WORD_EDITS });
  if (!changes) return null;
  const segments = changes.map<DiffSegment>((c) => ({
    op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: c.value.join(''),
  }));
  const shared = segments.filter((s) => s.op === 'equal').reduce((n, s) => n + s.text.length, 0);
  if (shared < MIN_SHARED * Math.max(before.length, after.length)) return null;
  return merge(segments);
}

/**
 * A readable comparison of two versions, given as their blocks (paragraphs, headings, list
 * items): blocks are aligned first, then a block replaced by a similar one is shown as one
 * `change` block with the inserted and deleted words inside it.
 */
export function diffBlocks(
  from: string[],
  to: string[],
): { blocks: DiffBlock[]; stats: { inserted: number; deleted: number } } {
  const blocks: DiffBlock[] = [];
  const stats = { inserted: 0, deleted: 0 };
  const removedBlock = (text: string) => {
    stats.deleted += text.length;
    blocks.push({ op: 'delete', segments: [{ op: 'delete', text }] });
  };
  const addedBlock = (text: string) => {
    stats.inserted += text.length;
    blocks.push({ op: 'insert', segments: [{ op: 'insert', text }] });
  };

  const changes = diffArrays(from, to, { maxEditLength: MAX_BLOCK_EDITS }) ?? [
    { value: from, removed: true, added: false, count: from.length },
    { value: to, removed: false, added: true, count: to.length },
  ];
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!change.added && !change.removed) {
      for (const text of change.value) blocks.push({ op: 'equal', segments: [{ op: 'equal', text }] });
      continue;
    }
    // A removed run followed by an added run: pair them up block by block.
    const removed = change.removed ? change.value : [];
    const next = change.removed ? changes[i + 1] : undefined;
    const added = change.added ? change.value : next?.added ? next.value : [];
    if (change.removed && next?.added) i++;
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const before = removed[k];
      const after = added[k];
      const segments = k < paired ? changeWithin(before!, after!) : null;
      if (segments) {
        for (const s of segments) {
          if (s.op === 'insert') stats.inserted += s.text.length;
          if (s.op === 'delete') stats.deleted += s.text.length;
        }
        blocks.push({ op: 'change', segments });
        continue;
      }
      if (before !== undefined) removedBlock(before);
      if (after !== undefined) addedBlock(after);
    }
  }
  return { blocks, stats };
}
