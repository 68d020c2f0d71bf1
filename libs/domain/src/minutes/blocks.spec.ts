import { MinutesBlock, type MeetingRecord } from '@xieshang/protocol';
import { describe, expect, it } from 'vitest';
import { agendaItemIdOfAnchor, blocksToPlainText, minutesToPlainBlocks } from './blocks.js';
import { draftMinutes } from './draft.js';
import { blocksToMarkdown, escapeMarkdown, minutesToMarkdown } from './markdown.js';
import { SAMPLE_MEETING_RECORD } from './sample-record.js';

const clone = (): MeetingRecord => structuredClone(SAMPLE_MEETING_RECORD);
const draft = draftMinutes(SAMPLE_MEETING_RECORD, { distribution: ['县委办公室', '县政府办公室'] });
const blocks = minutesToPlainBlocks(draft);
const texts = (bs: MinutesBlock[]) =>
  bs.map((b) => (b.type === 'field' ? `${b.label}：${b.text}` : b.type === 'table' ? `[table ${b.caption}]` : b.text));

describe('minutesToPlainBlocks', () => {
  it('gives valid blocks with unique anchors', () => {
    blocks.forEach((b) => expect(MinutesBlock.parse(b)).toEqual(b));
    const anchors = blocks.map((b) => b.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
  });

  it('lays out title, header lines and the opening first', () => {
    expect(texts(blocks.slice(0, 10))).toEqual([
      '青川县政协农村居家养老服务协商座谈会纪要',
      '时间：2026年11月23日 上午9:00—11:30',
      '地点：县政协三楼会议室（同步开通网络视频会议）',
      '主持：李明（县政协副主席）',
      '出席：李明、王建国、陈秀英',
      '缺席：赵志强',
      '请假：孙丽',
      '列席：刘洋（县民政局局长）、黄海（县卫生健康局副局长）',
      draft.opening,
      '一、听取县民政局关于全县农村居家养老服务工作情况的通报',
    ]);
  });

  it('numbers sub-sections only for the parts an item has', () => {
    const headings = blocks.filter((b) => b.type === 'heading').map((b) => b.text);
    expect(headings).toEqual([
      '一、听取县民政局关于全县农村居家养老服务工作情况的通报',
      '（一）发言情况',
      '二、委员协商发言',
      '（一）发言情况',
      '（二）意见建议',
      '（三）共识事项',
      '三、审议《关于加快发展农村居家养老服务的建议（审议稿）》',
      '（一）表决情况',
    ]);
  });

  it('writes speeches, opinions by stance and consensus as numbered paragraphs', () => {
    const item2 = texts(blocks.filter((b) => agendaItemIdOfAnchor(b.anchor) === 'a2' && b.type === 'paragraph'));
    expect(item2).toEqual([
      '1. 王建国（县政协委员、县人民医院副院长），9:22—9:30，就“推进医养结合服务向村级延伸”发言。',
      '2. 陈秀英（县政协委员、阳光养老服务中心主任），9:31—9:39，就“培育农村养老服务专业队伍”发言。',
      '3. 黄海（县卫生健康局副局长），9:40—9:46，作了发言。',
      '赞成意见（2条）：',
      '1. 王建国：赞成依托乡镇卫生院建设区域性养老服务中心，实现医养资源共享。（已采纳）',
      '2. 李明：赞成将农村老年助餐点建设纳入明年民生实事项目。',
      '反对意见（1条）：',
      '1. 陈秀英：不赞成“一刀切”撤并村级互助幸福院，偏远山村老人就近养老需求仍然较大。',
      '补充意见（1条）：',
      '1. 黄海：建议将家庭医生签约服务纳入居家养老服务包，优先覆盖失能、半失能老人。（已采纳）',
      '其他意见（1条）：',
      '1. 刘洋：助餐点运营补贴标准需会同财政部门进一步测算。',
      '会议形成以下共识：',
      '1. 赞成依托乡镇卫生院建设区域性养老服务中心，实现医养资源共享。（王建国提出）',
      '2. 建议将家庭医生签约服务纳入居家养老服务包，优先覆盖失能、半失能老人。（黄海提出）',
    ]);
  });

  it('gives each poll a vote table (voters named only for a named poll), its frozen text and digest', () => {
    const tables = blocks.filter((b) => b.type === 'table');
    expect(tables.map((t) => t.caption)).toEqual([
      '通过《关于加快发展农村居家养老服务的建议》（记名表决）',
      '提请主席会议将本建议列为年度重点协商成果（无记名投票表决）',
      '附：参会人员名单（共8人）',
    ]);
    expect(tables[0]).toMatchObject({
      header: ['选项', '票数', '投票人'],
      rows: [
        ['赞成', '2', '李明、王建国'],
        ['反对', '0', ''],
        ['弃权', '1', '陈秀英'],
        ['合计', '3', ''],
      ],
    });
    expect(tables[1]).toMatchObject({
      header: ['选项', '票数'],
      rows: [
        ['赞成', '2'],
        ['反对', '1'],
        ['弃权', '0'],
        ['合计', '3'],
      ],
    });
    const item3 = blocks.filter((b) => agendaItemIdOfAnchor(b.anchor) === 'a3');
    const quotes = item3
      .filter((b) => b.type === 'paragraph' && b.style === 'quote')
      .map((b) => (b as { text: string }).text);
    expect(quotes).toHaveLength(4);
    expect(quotes[2]).toContain('家庭医生签约服务纳入居家养老服务包');
    expect(texts(item3)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^表决事项一：通过《关于加快发展农村居家养老服务的建议》。采取记名表决方式/),
        expect.stringMatching(
          /^表决文本：《关于加快发展农村居家养老服务的建议（审议稿）》（第3版，内容摘要SHA-256：[0-9a-f]{64}）$/,
        ),
        `票箱摘要（SHA-256）：${'c'.repeat(64)}`,
      ]),
    );
  });

  it('ends with 记录人, the attendance list, 分送 and the 印发 line', () => {
    expect(texts(blocks.slice(-4))).toEqual([
      '记录人：周敏',
      '[table 附：参会人员名单（共8人）]',
      '分送：县委办公室，县政府办公室',
      '青川县政协办公室　　2026年11月23日印发',
    ]);
    const list = blocks.at(-3) as Extract<MinutesBlock, { type: 'table' }>;
    expect(list.header).toEqual(['序号', '姓名', '单位及职务', '会议身份', '出勤', '签到时间', '备注']);
    expect(list.rows[5]).toEqual(['6', '孙丽', '县政协委员、县职业中学教师', '委员', '请假', '', '因公出差']);
    expect(list.widths).toHaveLength(list.header.length);
  });

  it('moves the attendance lines after the body for the GB/T 9704 layout', () => {
    const end = minutesToPlainBlocks(draftMinutes(SAMPLE_MEETING_RECORD, { attendancePlacement: 'end' }));
    const labels = end.filter((b) => b.type === 'field').map((b) => (b as { label: string }).label);
    expect(labels).toEqual(['时间', '地点', '主持', '出席', '缺席', '请假', '列席', '记录人']);
    const firstField = end.findIndex((b) => b.type === 'field');
    const lastHeading = end.findLastIndex((b) => b.type === 'heading');
    expect(firstField).toBeGreaterThan(lastHeading);
    expect(end[1]).toMatchObject({ type: 'paragraph', anchor: 'opening' });
  });

  it('says so when an item was skipped or has no record', () => {
    const r = clone();
    r.agenda[0]!.status = 'skipped';
    r.agenda[1] = { ...r.agenda[1]!, speeches: [], opinions: [], polls: [] };
    const bs = minutesToPlainBlocks(draftMinutes(r));
    expect(texts(bs.filter((b) => agendaItemIdOfAnchor(b.anchor) === 'a1'))).toEqual([
      '一、听取县民政局关于全县农村居家养老服务工作情况的通报',
      '本项议程未进行。',
    ]);
    expect(texts(bs.filter((b) => agendaItemIdOfAnchor(b.anchor) === 'a2'))).toEqual([
      '二、委员协商发言',
      '本项议程无发言、意见和表决记录。',
    ]);
  });

  it('keeps an empty agenda and a record without polls free of vote tables', () => {
    const r = clone();
    r.agenda = [];
    const empty = minutesToPlainBlocks(draftMinutes(r));
    expect(empty.filter((b) => b.type === 'heading')).toEqual([]);
    expect(empty.filter((b) => b.type === 'table')).toHaveLength(1);
    const noPolls = clone();
    noPolls.agenda[2]!.polls = [];
    expect(minutesToMarkdown(draftMinutes(noPolls))).not.toMatch(/表决事项|表决情况|票/);
  });

  it('maps anchors back to agenda items', () => {
    expect(agendaItemIdOfAnchor('item:a2:opinion:o3')).toBe('a2');
    expect(agendaItemIdOfAnchor('item:a3')).toBe('a3');
    expect(agendaItemIdOfAnchor('header:present')).toBeNull();
    expect(agendaItemIdOfAnchor('appendix:attendance')).toBeNull();
  });
});

describe('blocksToPlainText', () => {
  it('writes one block per line, table cells tab-separated', () => {
    const text = blocksToPlainText(blocks);
    expect(text.split('\n')[0]).toBe('青川县政协农村居家养老服务协商座谈会纪要');
    expect(text).toContain('\n出席：李明、王建国、陈秀英\n');
    expect(text).toContain('\n赞成\t2\t李明、王建国\n');
    expect(text.endsWith('青川县政协办公室\u3000\u30002026年11月23日印发')).toBe(true);
  });
});

describe('Markdown', () => {
  const md = minutesToMarkdown(draft);

  it('renders the whole minutes', () => {
    expect(
      md.startsWith('# 青川县政协农村居家养老服务协商座谈会纪要\n\n**时间**：2026年11月23日 上午9:00—11:30\n'),
    ).toBe(true);
    expect(md).toContain('\n## 二、委员协商发言\n\n### （一）发言情况\n');
    expect(md).toContain('**列席**：刘洋（县民政局局长）、黄海（县卫生健康局副局长）');
    expect(md).toContain('| 赞成 | 2 | 李明、王建国 |');
    expect(md).toContain('> 二、推进医养结合');
    expect(md.endsWith('青川县政协办公室　　2026年11月23日印发\n')).toBe(true);
  });

  it('escapes recorded text that would change the structure', () => {
    const r = clone();
    r.agenda[1]!.opinions[0]!.content = '# 不是标题 *强调* [链接](x) <b>粗</b> a|b';
    r.agenda[2]!.polls[1]!.options = ['赞成|A', '反对', '弃权'];
    r.agenda[2]!.polls[1]!.counts = { '赞成|A': 2, 反对: 0, 弃权: 1 };
    r.agenda[2]!.polls[1]!.namedBallots = [
      { voterId: 'u-chair', option: '赞成|A' },
      { voterId: 'u-wang', option: '赞成|A' },
      { voterId: 'u-chen', option: '弃权' },
    ];
    const out = minutesToMarkdown(draftMinutes(r));
    expect(out).toContain('王建国：# 不是标题 \\*强调\\* \\[链接\\](x) \\<b\\>粗\\</b\\> a\\|b');
    expect(out).toContain('| 赞成\\|A | 2 | 李明、王建国 |');
    expect(escapeMarkdown('- 列表\n> 引用\n正文')).toBe('\\- 列表\n\\> 引用\n正文');
  });

  it('keeps recorded line breaks, in paragraphs and quotes', () => {
    const out = blocksToMarkdown([
      { type: 'paragraph', anchor: 'a', text: '第一行\n第二行', style: 'body' },
      { type: 'paragraph', anchor: 'b', text: '甲\r\n乙', style: 'quote' },
      { type: 'table', anchor: 'c', caption: null, header: ['列'], rows: [['多\n行']], widths: [1] },
    ]);
    expect(out).toBe('第一行  \n第二行\n\n> 甲  \n> 乙\n\n| 列 |\n| --- |\n| 多 行 |\n');
  });
});
