import type { SocialReportStatus } from '@xieshang/protocol';
import { SocialReportSettings } from '@xieshang/protocol';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SOCIAL_REPORT_SETTINGS,
  newSocialReport,
  SOCIAL_REPORT_EVENT_TYPES,
  type SocialReportActor,
  type SocialReportEvent,
  type SocialReportEventType,
  type SocialReportState,
} from './social-report.js';
import { availableSocialReportEvents, transitionSocialReport } from './transition.js';

const AUTHOR: SocialReportActor = { userId: 'u-author', role: 'member' };
const OTHER: SocialReportActor = { userId: 'u-other', role: 'member' };
const STAFF: SocialReportActor = { userId: 'u-staff', role: 'staff' };
const ADMIN: SocialReportActor = { userId: 'u-admin', role: 'admin' };
const UNIT: SocialReportActor = { userId: 'u-unit', role: 'unit' };
const SYS: SocialReportActor = { userId: null, role: 'system' };
const settings = DEFAULT_SOCIAL_REPORT_SETTINGS;
const T0 = new Date('2025-04-01T02:00:00Z');

function run(s: SocialReportState, steps: [SocialReportActor, SocialReportEvent][]): SocialReportState {
  for (const [actor, event] of steps) {
    const r = transitionSocialReport(s, event, actor, settings, T0);
    if (!r.ok) throw new Error(`${event.type}: ${r.code} ${r.message}`);
    s = r.next;
  }
  return s;
}

const draft = (sourceProposalId: string | null = null) =>
  newSocialReport({
    id: 'sr1',
    authorId: 'u-author',
    title: '关于农村独居老人冬季取暖安全隐患的情况反映',
    sections: {
      situation: '入冬以来，部分农村独居老人使用木炭、煤炉取暖，门窗紧闭，存在一氧化碳中毒隐患。',
      cause: '老人安全意识薄弱，村级巡查不到位。',
      suggestions: '建议开展取暖安全入户排查，为独居老人安装一氧化碳报警器。',
    },
    reporter: { name: '张某某', unit: '县政协委员、某镇卫生院院长', phone: '13800000000' },
    sourceProposalId,
    now: T0,
  });
const submitted = () => run(draft(), [[AUTHOR, { type: 'submit' }]]);
const editing = () => run(submitted(), [[STAFF, { type: 'start_editing' }]]);
const published = () => run(editing(), [[STAFF, { type: 'publish', issueNumber: '2025年第12期' }]]);
const reported = () => run(published(), [[STAFF, { type: 'report', levels: ['city'] }]]);
const adopted = () => run(reported(), [[STAFF, { type: 'adopt', level: 'city', mode: 'single', adoptedBy: '市政协办公室' }]]);

const FIXTURES: Record<SocialReportStatus, () => SocialReportState> = {
  draft: () => draft(),
  submitted,
  editing,
  returned: () => run(editing(), [[STAFF, { type: 'return', note: '请补充具体数据' }]]),
  archived: () => run(editing(), [[STAFF, { type: 'archive', note: '与已编报信息重复' }]]),
  published,
  reported,
  adopted,
  instructed: () =>
    run(adopted(), [[STAFF, { type: 'instruct', level: 'city', leader: '市委副书记', content: '请市应急局会同民政局研究落实。' }]]),
};
const STATUSES = Object.keys(FIXTURES) as SocialReportStatus[];

const EVENTS: Record<SocialReportEventType, SocialReportEvent> = {
  edit: { type: 'edit', title: '关于农村独居老人取暖安全的情况反映' },
  submit: { type: 'submit' },
  withdraw: { type: 'withdraw' },
  start_editing: { type: 'start_editing' },
  return: { type: 'return', note: '请补充数据' },
  archive: { type: 'archive', note: '存档备查' },
  publish: { type: 'publish', issueNumber: '2025年第13期' },
  report: { type: 'report', levels: ['province'] },
  adopt: { type: 'adopt', level: 'province', mode: 'forwarded' },
  instruct: { type: 'instruct', level: 'province', leader: '副省长', content: '请省民政厅阅研。' },
};
/** The author drafts; the office edits once it has taken the report in. */
const actorFor = (type: SocialReportEventType, status: SocialReportStatus) =>
  ['submit', 'withdraw'].includes(type) || (type === 'edit' && status !== 'editing') ? AUTHOR : STAFF;

const EXPECTED: Record<SocialReportStatus, Partial<Record<SocialReportEventType, SocialReportStatus>>> = {
  draft: { edit: 'draft', submit: 'submitted' },
  submitted: { withdraw: 'draft', start_editing: 'editing', return: 'returned', archive: 'archived' },
  editing: { edit: 'editing', return: 'returned', archive: 'archived', publish: 'published' },
  returned: { edit: 'returned', submit: 'submitted' },
  archived: {},
  published: { report: 'reported', adopt: 'adopted', instruct: 'instructed' },
  reported: { report: 'reported', adopt: 'adopted', instruct: 'instructed' },
  adopted: { report: 'adopted', adopt: 'adopted', instruct: 'instructed' },
  instructed: { report: 'instructed', adopt: 'instructed', instruct: 'instructed' },
};

describe('社情民意 state machine: every (status, event) pair', () => {
  it('covers all statuses and events', () => {
    expect(STATUSES).toHaveLength(9);
    expect(Object.keys(EVENTS).sort()).toEqual([...SOCIAL_REPORT_EVENT_TYPES].sort());
  });
  for (const status of STATUSES) {
    describe(status, () => {
      for (const type of SOCIAL_REPORT_EVENT_TYPES) {
        const expected = EXPECTED[status][type];
        it(expected ? `${type} → ${expected}` : `${type} is refused with invalid_transition`, () => {
          const r = transitionSocialReport(FIXTURES[status](), EVENTS[type], actorFor(type, status), settings, T0);
          if (expected) {
            if (!r.ok) throw new Error(`${r.code} ${r.message}`);
            expect(r.next.status).toBe(expected);
            expect(r.entry).toMatchObject({ action: type, fromStatus: status, toStatus: expected });
          } else {
            expect(r).toMatchObject({ ok: false, code: 'invalid_transition' });
          }
        });
      }
    });
  }
});

describe('社情民意 permissions', () => {
  const cast = { AUTHOR, OTHER, STAFF, ADMIN, UNIT, SYS };
  const may: Record<SocialReportEventType, SocialReportActor[]> = {
    edit: [AUTHOR],
    submit: [AUTHOR],
    withdraw: [AUTHOR],
    start_editing: [STAFF, ADMIN],
    return: [STAFF, ADMIN],
    archive: [STAFF, ADMIN],
    publish: [STAFF, ADMIN],
    report: [STAFF, ADMIN],
    adopt: [STAFF, ADMIN],
    instruct: [STAFF, ADMIN],
  };
  for (const type of SOCIAL_REPORT_EVENT_TYPES) {
    const status = STATUSES.find((st) => EXPECTED[st][type])!;
    for (const [name, actor] of Object.entries(cast)) {
      const allowed = may[type].includes(actor);
      it(`${type} by ${name}: ${allowed ? 'allowed' : 'forbidden'}`, () => {
        const r = transitionSocialReport(FIXTURES[status](), EVENTS[type], actor, settings, T0);
        expect(r.ok ? 'ok' : r.code).toBe(allowed ? 'ok' : 'forbidden');
      });
    }
  }
  it('while the office edits, only the office changes the text', () => {
    expect(transitionSocialReport(editing(), EVENTS.edit, AUTHOR, settings, T0)).toMatchObject({ code: 'forbidden' });
    expect(transitionSocialReport(editing(), EVENTS.edit, ADMIN, settings, T0).ok).toBe(true);
    expect(transitionSocialReport(draft(), EVENTS.edit, STAFF, settings, T0)).toMatchObject({ code: 'forbidden' });
  });
});

describe('社情民意 rules', () => {
  const attempt = (s: SocialReportState, actor: SocialReportActor, e: SocialReportEvent) => transitionSocialReport(s, e, actor, settings, T0);
  const fieldsOf = (r: ReturnType<typeof attempt>) => (r.ok ? [] : (r.fields ?? []).map((f) => f.path));

  it('the defaults satisfy the settings contract', () => {
    expect(SocialReportSettings.parse(DEFAULT_SOCIAL_REPORT_SETTINGS)).toEqual(DEFAULT_SOCIAL_REPORT_SETTINGS);
  });
  it('submit needs a title, text within 1,500 characters and a real reporter with a phone', () => {
    const empty = newSocialReport({ id: 'x', authorId: 'u-author', title: ' ', now: T0 });
    expect(fieldsOf(attempt(empty, AUTHOR, { type: 'submit' }))).toEqual(['title', 'content', 'reporter.name', 'reporter.phone']);
    const long = { ...draft(), content: '字'.repeat(1500) };
    expect(fieldsOf(attempt(long, AUTHOR, { type: 'submit' }))).toEqual(['content']);
    const exact = { ...draft(), sections: null, content: '字'.repeat(1500) };
    expect(attempt(exact, AUTHOR, { type: 'submit' }).ok).toBe(true);
    const noPhone = { ...draft(), reporter: { name: '张某某', phone: '' } };
    expect(fieldsOf(attempt(noPhone, AUTHOR, { type: 'submit' }))).toEqual(['reporter.phone']);
    expect(transitionSocialReport(noPhone, { type: 'submit' }, AUTHOR, { ...settings, requireReporterPhone: false }, T0).ok).toBe(true);
  });
  it('an edit that makes the text too long is refused while drafting', () => {
    expect(fieldsOf(attempt(draft(), AUTHOR, { type: 'edit', content: '字'.repeat(1600) }))).toEqual(['content']);
    expect(fieldsOf(attempt(draft(), AUTHOR, { type: 'edit', title: '题'.repeat(61) }))).toEqual(['title']);
  });
  it('returned reports go back to the author, who revises and resubmits', () => {
    const returned = FIXTURES.returned();
    const r = attempt(returned, AUTHOR, { type: 'edit', content: '补充：全县独居老人1,200余人。' });
    expect(r.ok).toBe(true);
    expect(run(returned, [[AUTHOR, { type: 'submit' }]]).status).toBe('submitted');
  });
  it('returning and archiving need a note; publishing needs an issue number', () => {
    expect(attempt(editing(), STAFF, { type: 'return', note: '' })).toMatchObject({ code: 'validation_failed' });
    expect(attempt(editing(), STAFF, { type: 'archive', note: ' ' })).toMatchObject({ code: 'validation_failed' });
    expect(attempt(editing(), STAFF, { type: 'publish', issueNumber: '' })).toMatchObject({ code: 'validation_failed' });
    expect(run(editing(), [[STAFF, { type: 'publish', issueNumber: ' 2025年第12期 ' }]]).issueNumber).toBe('2025年第12期');
  });
  it('reports each level once; records adoptions by level and mode once', () => {
    expect(attempt(reported(), STAFF, { type: 'report', levels: ['city'] })).toMatchObject({ code: 'already_reported' });
    expect(attempt(reported(), STAFF, { type: 'report', levels: [] })).toMatchObject({ code: 'validation_failed' });
    const more = run(reported(), [[STAFF, { type: 'report', levels: ['province', 'national', 'province'] }]]);
    expect(more.reportedTo).toEqual(['city', 'province', 'national']);
    expect(attempt(adopted(), STAFF, { type: 'adopt', level: 'city', mode: 'single', adoptedBy: '市政协办公室' })).toMatchObject({
      code: 'already_adopted',
    });
    const twice = run(adopted(), [[STAFF, { type: 'adopt', level: 'national', mode: 'forwarded', adoptedBy: '全国政协办公厅' }]]);
    expect(twice.adoptions.map((a) => `${a.level}/${a.mode}`)).toEqual(['city/single', 'national/forwarded']);
  });
  it('keeps the furthest milestone: reporting after an adoption stays adopted', () => {
    expect(run(adopted(), [[STAFF, { type: 'report', levels: ['province'] }]]).status).toBe('adopted');
    expect(run(FIXTURES.instructed(), [[STAFF, { type: 'adopt', level: 'province', mode: 'single' }]]).status).toBe('instructed');
  });
  it('a leader instruction needs the leader and the text', () => {
    expect(fieldsOf(attempt(adopted(), STAFF, { type: 'instruct', level: 'city', leader: '', content: '' }))).toEqual(['leader', 'content']);
  });
  it('tells the author every step the office takes, and credits adoptions and instructions', () => {
    const steps: [SocialReportActor, SocialReportEvent][] = [
      [STAFF, { type: 'start_editing' }],
      [STAFF, { type: 'edit', content: '编辑后的文字' }],
      [STAFF, { type: 'publish', issueNumber: '2025年第12期' }],
      [STAFF, { type: 'report', levels: ['province'] }],
      [STAFF, { type: 'adopt', level: 'province', mode: 'single' }],
      [STAFF, { type: 'instruct', level: 'province', leader: '副省长', content: '阅。' }],
    ];
    let s = submitted();
    const duty: unknown[] = [];
    for (const [actor, event] of steps) {
      const r = transitionSocialReport(s, event, actor, settings, T0);
      if (!r.ok) throw new Error(r.code);
      expect(r.effects).toContainEqual(expect.objectContaining({ type: 'notify', to: { userIds: ['u-author'] } }));
      duty.push(...r.effects.filter((e) => e.type === 'duty_event'));
      s = r.next;
    }
    expect(duty).toEqual([
      { type: 'duty_event', userId: 'u-author', kind: 'social_report_adopted', level: 'province', fromProposal: false },
      { type: 'duty_event', userId: 'u-author', kind: 'social_report_instructed', level: 'province', fromProposal: false },
    ]);
  });
  it('marks credit for reports converted from a 提案 so it is not counted twice', () => {
    const r = transitionSocialReport(draft('p-7'), { type: 'submit' }, AUTHOR, settings, T0);
    expect(r.ok && r.effects).toContainEqual({ type: 'duty_event', userId: 'u-author', kind: 'social_report_submitted', fromProposal: true });
  });
  it('never changes the state it is given', () => {
    const s = editing();
    const copy = structuredClone(s);
    attempt(s, STAFF, { type: 'publish', issueNumber: '1' });
    attempt(s, STAFF, { type: 'edit', title: '新标题' });
    expect(s).toEqual(copy);
  });
  it('lists what each party may do now', () => {
    expect(availableSocialReportEvents(draft(), AUTHOR)).toEqual(['edit', 'submit']);
    expect(availableSocialReportEvents(draft(), STAFF)).toEqual([]);
    expect(availableSocialReportEvents(submitted(), AUTHOR)).toEqual(['withdraw']);
    expect(availableSocialReportEvents(submitted(), STAFF)).toEqual(['start_editing', 'return', 'archive']);
    expect(availableSocialReportEvents(editing(), STAFF)).toEqual(['edit', 'return', 'archive', 'publish']);
    expect(availableSocialReportEvents(editing(), AUTHOR)).toEqual([]);
    expect(availableSocialReportEvents(published(), ADMIN)).toEqual(['report', 'adopt', 'instruct']);
    expect(availableSocialReportEvents(published(), UNIT)).toEqual([]);
  });
});
