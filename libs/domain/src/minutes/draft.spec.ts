import { MeetingRecord, MinutesDraft, type RecordedAgendaItem, type RecordedPoll } from '@xieshang/protocol';
import { describe, expect, it } from 'vitest';
import { draftMinutes, minutesTitle, personText } from './draft.js';
import { SAMPLE_MEETING_RECORD } from './sample-record.js';

const clone = (): MeetingRecord => structuredClone(SAMPLE_MEETING_RECORD);
const withAgenda = (agenda: RecordedAgendaItem[]): MeetingRecord => ({ ...clone(), agenda });
const item = (over: Partial<RecordedAgendaItem> = {}): RecordedAgendaItem => ({
  id: 'x1',
  position: 0,
  title: '其他事项',
  description: null,
  presenterName: null,
  status: 'done',
  speeches: [],
  opinions: [],
  polls: [],
  ...over,
});
const poll = (over: Partial<RecordedPoll> = {}): RecordedPoll => ({
  ...structuredClone(SAMPLE_MEETING_RECORD.agenda[2]!.polls[0]!),
  ...over,
});

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
}

describe('the sample record', () => {
  it('is a valid MeetingRecord (parsing changes nothing)', () => {
    expect(MeetingRecord.parse(SAMPLE_MEETING_RECORD)).toEqual(SAMPLE_MEETING_RECORD);
  });
});

describe('draftMinutes on a recorded 协商座谈会', () => {
  const draft = draftMinutes(SAMPLE_MEETING_RECORD, { distribution: ['县委办公室', '县政府办公室'] });

  it('produces a draft that satisfies the protocol schema', () => {
    expect(MinutesDraft.parse(draft)).toEqual(draft);
  });

  it('titles the minutes after the committee and the meeting', () => {
    expect(draft.title).toBe('青川县政协农村居家养老服务协商座谈会纪要');
  });

  it('writes time, place and chair lines', () => {
    expect(draft.timeText).toBe('2026年11月23日 上午9:00—11:30');
    expect(draft.placeText).toBe('县政协三楼会议室（同步开通网络视频会议）');
    expect(draft.chair && personText(draft.chair)).toBe('李明（县政协副主席）');
  });

  it('sorts people into 出席 (chair first, late included, not the secretary), 缺席, 请假 and 列席', () => {
    expect(draft.present.map((p) => p.name)).toEqual(['李明', '王建国', '陈秀英']);
    expect(draft.absent.map((p) => p.name)).toEqual(['赵志强']);
    expect(draft.onLeave.map((p) => p.name)).toEqual(['孙丽']);
    expect(draft.guests.map(personText)).toEqual(['刘洋（县民政局局长）', '黄海（县卫生健康局副局长）']);
  });

  it('opens with the customary sentence', () => {
    expect(draft.opening).toBe(
      '2026年11月23日上午，青川县政协在县政协三楼会议室以现场结合网络视频方式召开农村居家养老服务协商座谈会，' +
        '县政协副主席李明主持会议。会议围绕“加快发展农村居家养老服务”进行协商。现将会议主要情况纪要如下：',
    );
  });

  it('numbers agenda items 一、二、三 in agenda order whatever the input order', () => {
    const shuffled = draftMinutes(withAgenda([...clone().agenda].reverse()));
    expect(shuffled.sections.map((s) => `${s.ordinal}、${s.title}`)).toEqual([
      '一、听取县民政局关于全县农村居家养老服务工作情况的通报',
      '二、委员协商发言',
      '三、审议《关于加快发展农村居家养老服务的建议（审议稿）》',
    ]);
  });

  it('introduces an item with its presenter and description', () => {
    expect(draft.sections[0]!.introduction).toBe('县民政局局长刘洋介绍了有关情况。');
    expect(draft.sections[2]!.introduction).toBe('对审议稿逐条协商后进行表决。');
    expect(draft.sections[1]!.introduction).toBeNull();
  });

  it('lists speakers in the order they spoke, with times and topics', () => {
    expect(draft.sections[1]!.speeches.map((s) => [s.speaker.name, s.timeText, s.topic])).toEqual([
      ['王建国', '9:22—9:30', '推进医养结合服务向村级延伸'],
      ['陈秀英', '9:31—9:39', '培育农村养老服务专业队伍'],
      ['黄海', '9:40—9:46', null],
    ]);
  });

  it('groups opinions by stance in the order 赞成、反对、补充、其他, authors named', () => {
    const groups = draft.sections[1]!.opinionGroups;
    expect(groups.map((g) => [g.label, g.opinions.map((o) => o.author.name)])).toEqual([
      ['赞成', ['王建国', '李明']],
      ['反对', ['陈秀英']],
      ['补充', ['黄海']],
      ['其他', ['刘洋']],
    ]);
    expect(groups[0]!.opinions[0]).toMatchObject({
      adopted: true,
      content: expect.stringContaining('区域性养老服务中心'),
    });
  });

  it('collects adopted opinions as consensus items', () => {
    expect(draft.sections[1]!.consensus.map((o) => [o.opinionId, o.author.name])).toEqual([
      ['o1', '王建国'],
      ['o3', '黄海'],
    ]);
    expect(draft.sections[0]!.consensus).toEqual([]);
  });

  it('reports each poll with method, rule, counts in option order, outcome and what it bound to', () => {
    const [named, secret] = draft.sections[2]!.polls;
    expect(named).toMatchObject({
      pollId: 'p-named',
      methodLabel: '记名表决',
      outcome: 'adopted',
      outcomeLabel: '通过',
      cast: 3,
      entitled: 5,
      present: 3,
      counts: [
        { option: '赞成', count: 2 },
        { option: '反对', count: 0 },
        { option: '弃权', count: 1 },
      ],
      namedChoices: [
        { option: '赞成', voters: ['李明', '王建国'] },
        { option: '反对', voters: [] },
        { option: '弃权', voters: ['陈秀英'] },
      ],
    });
    expect(named!.summary).toBe(
      '采取记名表决方式，以超过到会人数的半数通过（有效条件：到会人数超过应到人数的半数）；' +
        '应到5人，到会3人，实际投票3票；其中赞成2票、反对0票、弃权1票。表决结果：通过。',
    );
    expect(named!.frozenDocument).toMatchObject({
      versionNumber: 3,
      title: '关于加快发展农村居家养老服务的建议（审议稿）',
    });
    expect(named!.frozenDocument!.text).toContain('家庭医生签约服务');
    expect(named!.ballotBoxDigest).toBe('c'.repeat(64));

    expect(secret).toMatchObject({
      pollId: 'p-secret',
      methodLabel: '无记名投票表决',
      outcomeLabel: '未通过',
      namedChoices: [],
    });
    expect(secret!.summary).toContain('以达到应到人数的三分之二通过');
    expect(secret!.frozenDocument).toBeNull();
  });

  it('builds the attendance table with roles, check-in times and leave reasons', () => {
    expect(draft.attendanceTable.map((r) => [r.name, r.roleLabel, r.attendanceLabel, r.checkedInText, r.note])).toEqual(
      [
        ['李明', '主持人', '出席', '8:52', null],
        ['周敏', '记录人', '出席', '8:45', null],
        ['王建国', '委员', '出席', '8:55', null],
        ['陈秀英', '委员', '迟到', '9:12', null],
        ['赵志强', '委员', '缺席', null, null],
        ['孙丽', '委员', '请假', null, '因公出差'],
        ['刘洋', '列席', '出席', '8:50', null],
        ['黄海', '列席', '出席', '8:58', null],
      ],
    );
  });

  it('closes with the recorder, issuer, issue date and distribution', () => {
    expect(draft.recorder?.name).toBe('周敏');
    expect(draft.issuer).toBe('青川县政协办公室');
    expect(draft.issuedDateText).toBe('2026年11月23日');
    expect(draft.distribution).toEqual(['县委办公室', '县政府办公室']);
    expect(draft.attendancePlacement).toBe('top');
  });
});

describe('draftMinutes is pure', () => {
  it('gives equal drafts for equal records and never mutates its input', () => {
    const frozen = deepFreeze(clone());
    expect(draftMinutes(frozen)).toEqual(draftMinutes(clone()));
  });

  it('digests the record: any recorded change shows in recordDigest', () => {
    const a = draftMinutes(clone());
    const changed = clone();
    changed.agenda[1]!.opinions[1]!.content += '补一句。';
    expect(draftMinutes(changed).recordDigest).not.toBe(a.recordDigest);
    expect(a.recordDigest).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('draftMinutes options', () => {
  it('takes a title, issuer, issue date, zone and placement', () => {
    const d = draftMinutes(clone(), {
      title: '第十五次双月协商座谈会纪要',
      issuer: null,
      issuedAt: '2026-11-25T02:00:00Z',
      timeZone: 'UTC',
      attendancePlacement: 'end',
    });
    expect(d.title).toBe('第十五次双月协商座谈会纪要');
    expect(d.issuer).toBeNull();
    expect(d.issuedDateText).toBe('2026年11月25日');
    expect(d.timeText).toBe('2026年11月23日 上午1:00—3:30');
    expect(d.attendancePlacement).toBe('end');
  });

  it('dates the issue from the start when the meeting has no end', () => {
    const r = clone();
    r.meeting.endsAt = null;
    expect(draftMinutes(r).issuedDateText).toBe('2026年11月23日');
    expect(draftMinutes(r).timeText).toBe('2026年11月23日 上午9:00');
  });
});

describe('minutesTitle', () => {
  it.each([
    ['农村居家养老服务协商座谈会', '青川县政协', '青川县政协农村居家养老服务协商座谈会纪要'],
    ['青川县政协农村居家养老服务协商座谈会', '青川县政协', '青川县政协农村居家养老服务协商座谈会纪要'],
    ['农村养老专题调研', '青川县政协', '青川县政协农村养老专题调研会议纪要'],
    ['提案办理协商会会议纪要', null, '提案办理协商会纪要'],
    ['主席会议', null, '主席会议纪要'],
  ])('%s / %s → %s', (title, committee, expected) => expect(minutesTitle(title, committee)).toBe(expected));
});

describe('edge cases', () => {
  it('an empty agenda still gives a complete header and closing', () => {
    const d = draftMinutes(withAgenda([]));
    expect(d.sections).toEqual([]);
    expect(d.present.length).toBe(3);
    expect(d.recorder?.name).toBe('周敏');
  });

  it('an item with opinions but no speeches has no speeches', () => {
    const d = draftMinutes(withAgenda([item({ opinions: clone().agenda[1]!.opinions.slice(0, 1) })]));
    expect(d.sections[0]!.speeches).toEqual([]);
    expect(d.sections[0]!.opinionGroups.map((g) => g.stance)).toEqual(['support']);
  });

  it('an item with no polls has none, and a record without polls mentions none', () => {
    const d = draftMinutes(withAgenda(clone().agenda.slice(0, 2)));
    expect(d.sections.flatMap((s) => s.polls)).toEqual([]);
  });

  it('reports a poll without quorum, with no ballots cast', () => {
    const d = draftMinutes(
      withAgenda([
        item({
          polls: [
            poll({
              outcome: 'no_quorum',
              counts: {},
              cast: 0,
              present: 1,
              quorum: { basis: 'cast', threshold: 'two_thirds' },
            }),
          ],
        }),
      ]),
    );
    const p = d.sections[0]!.polls[0]!;
    expect(p.outcomeLabel).toBe('未达到规定人数，表决无效');
    expect(p.counts.map((c) => c.count)).toEqual([0, 0, 0]);
    expect(p.summary).toBe(
      '采取无记名投票表决方式，以达到应到人数的三分之二通过（有效条件：投票人数达到应到人数的三分之二）；' +
        '应到5人，到会1人，实际投票0票。表决结果：未达到规定人数，表决无效。',
    );
  });

  it('names the chosen option of a choice poll', () => {
    const choice = poll({
      options: ['方案一', '方案二'],
      counts: { 方案一: 1, 方案二: 2 },
      rule: 'simple_majority',
      outcome: 'adopted',
      winner: '方案二',
      present: null,
    });
    const p = draftMinutes(withAgenda([item({ polls: [choice] })])).sections[0]!.polls[0]!;
    expect(p.outcomeLabel).toBe('通过（选定：方案二）');
    expect(p.summary).toContain(
      '以超过有效表决票（不含弃权票）的半数通过；应到5人，实际投票3票；其中方案一1票、方案二2票。',
    );
  });

  it('marks skipped items, and pending items nothing happened in, as not held', () => {
    const d = draftMinutes(
      withAgenda([
        item({ id: 's', position: 0, status: 'skipped' }),
        item({ id: 'p', position: 1, status: 'pending' }),
        item({ id: 'e', position: 2, status: 'done' }),
      ]),
    );
    expect(d.sections.map((s) => s.skipped)).toEqual([true, true, false]);
  });

  it('drafts without a chair or a secretary', () => {
    const r = clone();
    r.chairId = null;
    r.secretaryId = null;
    const d = draftMinutes(r);
    expect(d.chair).toBeNull();
    expect(d.recorder).toBeNull();
    expect(d.opening).not.toContain('主持');
    // The secretary is no longer set apart, so 周敏 counts as present.
    expect(d.present.map((p) => p.name)).toContain('周敏');
  });

  it('describes an online-only meeting, and one with no place recorded', () => {
    const r = clone();
    r.meeting.place = null;
    const online = draftMinutes(r);
    expect(online.placeText).toBe('网络视频会议（https://xieshang.example.cn/m/m-2026-11-yl）');
    expect(online.opening).toContain('青川县政协以网络视频方式召开');
    r.meeting.onlineUrl = null;
    r.meeting.committeeName = null;
    r.meeting.topic = null;
    const nowhere = draftMinutes(r);
    expect(nowhere.placeText).toBe('（未记录）');
    expect(nowhere.opening).toBe(
      '2026年11月23日上午，召开农村居家养老服务协商座谈会，县政协副主席李明主持会议。现将会议主要情况纪要如下：',
    );
    expect(nowhere.issuer).toBeNull();
  });

  it('still drafts an unvalidated record that names someone not on the list', () => {
    const r = clone();
    r.agenda[0]!.speeches[0]!.speakerId = 'u-ghost';
    expect(draftMinutes(r).sections[0]!.speeches[0]!.speaker).toEqual({
      userId: 'u-ghost',
      name: '（未知参会人员）',
      affiliation: null,
    });
  });
});

describe('MeetingRecord validation', () => {
  const issues = (r: unknown) => MeetingRecord.safeParse(r).error?.issues.map((i) => i.message) ?? [];

  it('rejects named ballots on a secret poll', () => {
    const r = clone();
    r.agenda[2]!.polls[0]!.namedBallots = [{ voterId: 'u-wang', option: '赞成' }];
    expect(issues(r)).toContain('a secret poll has no named ballots');
  });

  it('rejects counts that do not add up, or count an unknown option', () => {
    const r = clone();
    r.agenda[2]!.polls[0]!.counts = { 赞成: 2, 反对: 1, 弃权: 0, 其他: 1 };
    expect(issues(r)).toEqual(
      expect.arrayContaining(['count for unknown option 其他', 'cast must equal the sum of counts']),
    );
  });

  it('rejects references to people who are not participants, and duplicates', () => {
    const r = clone();
    r.chairId = 'u-nobody';
    r.agenda[1]!.opinions[0]!.authorId = 'u-nobody';
    r.participants.push({ ...r.participants[0]! });
    const found = issues(r);
    expect(found.filter((m) => m === 'not a participant: u-nobody')).toHaveLength(2);
    expect(found).toContain('duplicate participant');
  });

  it('fills defaults for a minimal record', () => {
    const parsed = MeetingRecord.parse({
      meeting: {
        id: 'm',
        title: '座谈会',
        kind: 'consultation',
        committeeName: null,
        startsAt: '2026-11-23T01:00:00Z',
        endsAt: null,
        place: null,
        onlineUrl: null,
      },
      chairId: null,
      secretaryId: null,
      participants: [{ userId: 'u', name: '张三', role: 'member', affiliation: null, attendance: 'present' }],
      agenda: [{ id: 'a', position: 0, title: '议题' }],
    });
    expect(parsed.agenda[0]).toMatchObject({ status: 'done', speeches: [], opinions: [], polls: [] });
    expect(draftMinutes(parsed).sections[0]!.skipped).toBe(false);
  });
});
