import type { ProposalSettings } from '@xieshang/protocol';
import type { DeadlineCalendar } from '../calendar/deadlines.js';

/**
 * Defaults from issue 7 and the sourced domain notes; every committee may change them.
 * 不予立案 reasons: the 全国政协 list (cppcc.gov.cn, 2011) still quoted by counties in 2021.
 * Result codes: A/B/C as in most provincial schemes (labels vary, hence configurable).
 */
export const DEFAULT_PROPOSAL_SETTINGS: ProposalSettings = {
  titleMaxLength: 60,
  bodyMaxLength: 2000,
  categories: ['经济', '政治', '文化', '社会', '生态文明'],
  rejectionReasons: [
    { code: 'state_secret', label: '涉及党和国家秘密' },
    { code: 'prohibited', label: '国家明令禁止的' },
    { code: 'party_personnel', label: '中共党员对党内组织人事有意见' },
    { code: 'party_internal', label: '民主党派成员反映本组织内部问题' },
    { code: 'litigation', label: '已进入民事、刑事、行政诉讼或仲裁程序' },
    { code: 'academic', label: '属于学术研讨' },
    { code: 'personal', label: '为本人或亲属解决个人问题' },
    { code: 'promotion', label: '宣传推介具体作品、产品' },
    { code: 'accusation', label: '指明举报' },
    { code: 'vague', label: '内容空泛、没有具体建议' },
    { code: 'other', label: '其他' },
  ],
  replyResultCodes: [
    { code: 'A', label: '已解决或采纳' },
    { code: 'B', label: '正在解决或列入计划' },
    { code: 'C', label: '留作参考' },
  ],
  ratingLabels: { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' },
  answerMonths: 3,
  plenaryAnswerMonths: 3,
  coOpinionMonths: 1,
  objectionWorkingDays: 5,
  evaluationWorkingDays: 15,
  extensionCapMonths: 6,
  rehandlingMonths: 3,
  keyProposalsPerYear: 5,
  requireOrganisationSeal: true,
  plenaryWindowMonths: 3,
  plenaryCutoffMonthDay: null,
  numberFormat: '{termZh}届{sessionZh}次会议第{seq:3}号',
  timeZone: 'Asia/Shanghai',
  holidays: [],
  makeupWorkdays: [],
  rollDeadlinesToWorkingDay: true,
  sessions: [],
};

export function deadlineCalendar(settings: ProposalSettings): DeadlineCalendar {
  return {
    timeZone: settings.timeZone,
    workCalendar: { holidays: settings.holidays, workdays: settings.makeupWorkdays },
    rollToWorkingDay: settings.rollDeadlinesToWorkingDay,
  };
}

export function labelOf(list: readonly { code: string; label: string }[], code: string): string | undefined {
  return list.find((x) => x.code === code)?.label;
}
