import type { MinutesAgendaSection, MinutesBlock, MinutesDraft, MinutesPoll } from '@xieshang/protocol';
import { personText } from './draft.js';
import { zhNumeral } from './zh-format.js';

/*
 * The minutes as a flat list of blocks (title, headings, paragraphs, labelled lines, tables).
 * The DOCX and PDF renderers and the co-edited document's first version are all built from this
 * one list, so the three never disagree on what the minutes say or in which order.
 *
 * Every block carries a unique anchor (header:present, item:<id>:speech:2, …): comments may
 * point at a block, and `agendaItemIdOfAnchor` tells which agenda item it belongs to.
 */

type Block = MinutesBlock;

const NAME_SEPARATOR = '、';

export function minutesToPlainBlocks(draft: MinutesDraft): MinutesBlock[] {
  const blocks: Block[] = [{ type: 'title', anchor: 'title', text: draft.title }];
  const attendance = attendanceBlocks(draft);
  if (draft.attendancePlacement === 'top') blocks.push(...attendance);
  blocks.push({ type: 'paragraph', anchor: 'opening', text: draft.opening, style: 'body' });
  draft.sections.forEach((s) => blocks.push(...sectionBlocks(s)));
  if (draft.attendancePlacement === 'end') blocks.push(...attendance);
  // GB/T 9704 order: body, then 附件 (the attendance list), then 版记 (分送, 印发).
  if (draft.recorder)
    blocks.push({ type: 'field', anchor: 'closing:recorder', label: '记录人', text: draft.recorder.name });
  blocks.push(attendanceTableBlock(draft));
  blocks.push(...imprintBlocks(draft));
  return blocks;
}

function attendanceBlocks(d: MinutesDraft): Block[] {
  const field = (key: string, label: string, text: string): Block => ({
    type: 'field',
    anchor: `header:${key}`,
    label,
    text,
  });
  const names = (list: MinutesDraft['present'], withAffiliation: boolean) =>
    list.map((p) => (withAffiliation ? personText(p) : p.name)).join(NAME_SEPARATOR);
  const out: Block[] = [field('time', '时间', d.timeText), field('place', '地点', d.placeText)];
  if (d.chair) out.push(field('chair', '主持', personText(d.chair)));
  if (d.present.length) out.push(field('present', '出席', names(d.present, false)));
  if (d.absent.length) out.push(field('absent', '缺席', names(d.absent, false)));
  if (d.onLeave.length) out.push(field('leave', '请假', names(d.onLeave, false)));
  if (d.guests.length) out.push(field('guests', '列席', names(d.guests, true)));
  return out;
}

function sectionBlocks(s: MinutesAgendaSection): Block[] {
  const at = (suffix = '') => `item:${s.agendaItemId}${suffix}`;
  const out: Block[] = [{ type: 'heading', anchor: at(), level: 1, text: `${s.ordinal}、${s.title}` }];
  if (s.skipped) {
    out.push({ type: 'paragraph', anchor: at(':skipped'), text: '本项议程未进行。', style: 'body' });
    return out;
  }
  if (s.introduction) out.push({ type: 'paragraph', anchor: at(':intro'), text: s.introduction, style: 'body' });
  let sub = 0;
  const subheading = (key: string, text: string) =>
    out.push({ type: 'heading', anchor: at(`:${key}`), level: 2, text: `（${zhNumeral(++sub)}）${text}` });
  const body = (key: string, text: string) =>
    out.push({ type: 'paragraph', anchor: at(`:${key}`), text, style: 'body' });

  if (s.speeches.length) {
    subheading('speeches', '发言情况');
    s.speeches.forEach((sp, i) => {
      const topic = sp.topic ? `就“${sp.topic}”发言` : '作了发言';
      body(`speech:${i + 1}`, `${i + 1}. ${personText(sp.speaker)}，${sp.timeText}，${topic}。`);
    });
  }
  if (s.opinionGroups.length) {
    subheading('opinions', '意见建议');
    for (const g of s.opinionGroups) {
      body(`opinions:${g.stance}`, `${g.label}意见（${g.opinions.length}条）：`);
      g.opinions.forEach((o, i) =>
        body(`opinion:${o.opinionId}`, `${i + 1}. ${o.author.name}：${o.content}${o.adopted ? '（已采纳）' : ''}`),
      );
    }
  }
  if (s.consensus.length || s.polls.length) {
    subheading('consensus', !s.polls.length ? '共识事项' : s.consensus.length ? '共识事项与表决' : '表决情况');
    if (s.consensus.length) {
      body('consensus:intro', '会议形成以下共识：');
      s.consensus.forEach((o, i) => body(`consensus:${o.opinionId}`, `${i + 1}. ${o.content}（${o.author.name}提出）`));
    }
    s.polls.forEach((p, i) => out.push(...pollBlocks(p, i, s.polls.length, at)));
  }
  if (!s.speeches.length && !s.opinionGroups.length && !s.consensus.length && !s.polls.length) {
    body('empty', '本项议程无发言、意见和表决记录。');
  }
  return out;
}

function pollBlocks(p: MinutesPoll, index: number, total: number, at: (suffix?: string) => string): Block[] {
  const key = (suffix: string) => at(`:poll:${p.pollId}${suffix}`);
  const label = total > 1 ? `表决事项${zhNumeral(index + 1)}` : '表决事项';
  const out: Block[] = [
    {
      type: 'paragraph',
      anchor: key(''),
      text: `${label}：${p.title.replace(/[。.；;，,]+$/, '')}。${p.summary}`,
      style: 'body',
    },
  ];
  const named = p.method === 'named';
  const voters = new Map(p.namedChoices.map((c) => [c.option, c.voters.join(NAME_SEPARATOR)]));
  out.push({
    type: 'table',
    anchor: key(':table'),
    caption: `${p.title}（${p.methodLabel}）`,
    header: named ? ['选项', '票数', '投票人'] : ['选项', '票数'],
    rows: [
      ...p.counts.map((c) =>
        named ? [c.option, String(c.count), voters.get(c.option) ?? ''] : [c.option, String(c.count)],
      ),
      named ? ['合计', String(p.cast), ''] : ['合计', String(p.cast)],
    ],
    widths: named ? [2, 1, 5] : [3, 2],
  });
  if (p.frozenDocument) {
    const d = p.frozenDocument;
    const version = d.versionNumber != null ? `第${d.versionNumber}版，` : '';
    out.push({
      type: 'paragraph',
      anchor: key(':text'),
      text: `表决文本：《${d.title}》（${version}内容摘要SHA-256：${d.contentHash}）`,
      style: 'note',
    });
    d.text
      .split(/\n\s*\n|\n/)
      .map((t) => t.trim())
      .filter(Boolean)
      .forEach((t, i) => out.push({ type: 'paragraph', anchor: key(`:text:${i + 1}`), text: t, style: 'quote' }));
  }
  if (p.ballotBoxDigest) {
    out.push({
      type: 'paragraph',
      anchor: key(':digest'),
      text: `票箱摘要（SHA-256）：${p.ballotBoxDigest}`,
      style: 'note',
    });
  }
  return out;
}

function imprintBlocks(d: MinutesDraft): Block[] {
  const out: Block[] = [];
  if (d.distribution.length)
    out.push({ type: 'field', anchor: 'closing:distribution', label: '分送', text: d.distribution.join('，') });
  const issued = d.issuer ? `${d.issuer}\u3000\u3000${d.issuedDateText}印发` : `${d.issuedDateText}印发`;
  out.push({ type: 'paragraph', anchor: 'closing:issued', text: issued, style: 'right' });
  return out;
}

function attendanceTableBlock(d: MinutesDraft): Block {
  return {
    type: 'table',
    anchor: 'appendix:attendance',
    caption: `附：参会人员名单（共${d.attendanceTable.length}人）`,
    header: ['序号', '姓名', '单位及职务', '会议身份', '出勤', '签到时间', '备注'],
    rows: d.attendanceTable.map((r, i) => [
      String(i + 1),
      r.name,
      r.affiliation ?? '',
      r.roleLabel,
      r.attendanceLabel,
      r.checkedInText ?? '',
      r.note ?? '',
    ]),
    // Relative; sized so each 小四 column label fits on one line across a 156 mm 版心.
    widths: [32, 46, 160, 56, 34, 56, 58],
  };
}

/** The agenda item a block belongs to, from its anchor; null for header, closing and appendix blocks. */
export function agendaItemIdOfAnchor(anchor: string): string | null {
  const m = /^item:([^:]+)/.exec(anchor);
  return m ? (m[1] ?? null) : null;
}

/**
 * The minutes as plain text, one block per line (table cells tab-separated): for search
 * indexing and for hashing the text a locked version contains.
 */
export function blocksToPlainText(blocks: MinutesBlock[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'field':
          return `${b.label}：${b.text}`;
        case 'table':
          return [...(b.caption ? [b.caption] : []), ...[b.header, ...b.rows].map((r) => r.join('\t'))].join('\n');
        case 'title':
        case 'heading':
        case 'paragraph':
          return b.text;
      }
    })
    .join('\n');
}
