/**
 * The demo committee that `npm run seed` creates for people trying Xieshang: a fictional county
 * CPPCC committee (青禾县 is made up), its members with their 界别 and posts, a 秘书处 staff
 * account, two past meetings and one upcoming. Pure data; seed-demo.ts writes it.
 * Meeting dates are relative to the day the seed runs, so "upcoming" stays upcoming.
 */
import type { AgendaItemStatus, Attendance, MeetingKind, MeetingStatus, ParticipantRole } from '@xieshang/protocol';

export interface DemoPerson {
  username: string;
  displayName: string;
  role: 'staff' | 'member';
  /** 界别 */
  sector: string | null;
  /** 工作单位及职务 */
  affiliation: string;
  /** 在委员会中的职务 */
  title: string | null;
  /** Also in the 社会和法制委员会 working group. */
  inGroup?: boolean;
}

export const DEMO_COMMITTEE = {
  name: '政协青禾县委员会',
  group: '政协青禾县委员会社会和法制委员会',
};

export const DEMO_STAFF_USERNAME = 'zhouxiaoyan';

// One person per line reads like the committee roster it is.
// prettier-ignore
export const DEMO_PEOPLE: DemoPerson[] = [
  { username: 'wanglixin', displayName: '王立新', role: 'member', sector: '中国共产党', affiliation: '县政协主席', title: '主席' },
  { username: 'liushufen', displayName: '刘淑芬', role: 'member', sector: '中国民主同盟', affiliation: '县政协副主席，县第一中学副校长', title: '副主席', inGroup: true },
  { username: 'zhaoguoqiang', displayName: '赵国强', role: 'member', sector: '工商联', affiliation: '县政协副主席，县工商联主席', title: '副主席' },
  { username: 'chenjianguo', displayName: '陈建国', role: 'member', sector: '中国共产党', affiliation: '县政协秘书长', title: '秘书长' },
  { username: 'liguilan', displayName: '李桂兰', role: 'member', sector: '医药卫生界', affiliation: '县人民医院老年病科主任', title: '常委', inGroup: true },
  { username: 'zhanghaitao', displayName: '张海涛', role: 'member', sector: '中国民主建国会', affiliation: '青禾县恒丰农业发展有限公司总经理', title: '常委' },
  { username: 'sunyumei', displayName: '孙玉梅', role: 'member', sector: '中国农工民主党', affiliation: '县中医院护理部主任', title: '委员', inGroup: true },
  { username: 'huangzhiming', displayName: '黄志明', role: 'member', sector: '无党派人士', affiliation: '县律师协会副会长，志明律师事务所主任', title: '委员', inGroup: true },
  { username: 'zhoudefu', displayName: '周德福', role: 'member', sector: '农业和农村界', affiliation: '石桥镇岭下村党支部书记、村委会主任', title: '委员' },
  { username: 'wuxiaohong', displayName: '吴晓红', role: 'member', sector: '教育界', affiliation: '城关第二小学校长', title: '委员' },
  { username: 'zhenghongwei', displayName: '郑宏伟', role: 'member', sector: '经济界', affiliation: '青禾农村商业银行行长', title: '委员' },
  { username: 'hexiuying', displayName: '何秀英', role: 'member', sector: '社会福利和社会保障界', affiliation: '县民政局养老服务股股长', title: '委员', inGroup: true },
  { username: 'mawenbin', displayName: '马文彬', role: 'member', sector: '少数民族界', affiliation: '县民族中学高级教师', title: '委员' },
  { username: 'luochunyan', displayName: '罗春燕', role: 'member', sector: '妇联', affiliation: '县妇联副主席', title: '委员', inGroup: true },
  { username: 'xuzhiqiang', displayName: '许志强', role: 'member', sector: '科技界', affiliation: '县农业技术推广中心高级农艺师', title: '委员' },
  { username: 'yangli', displayName: '杨丽', role: 'member', sector: '共青团', affiliation: '团县委副书记', title: '委员' },
  { username: 'dengjianhua', displayName: '邓建华', role: 'member', sector: '文化艺术界', affiliation: '县文化馆馆长', title: '委员' },
  { username: 'fengyongkang', displayName: '冯永康', role: 'member', sector: '中国民主促进会', affiliation: '县疾病预防控制中心副主任', title: '委员', inGroup: true },
  { username: DEMO_STAFF_USERNAME, displayName: '周晓燕', role: 'staff', sector: null, affiliation: '县政协办公室综合科科员', title: null },
];

export interface DemoAgendaItem {
  title: string;
  description?: string;
  plannedMinutes: number;
  /** A demo account's username, or a free-text presenter (officials outside the system). */
  presenter?: string;
  presenterName?: string;
}

export interface DemoMeeting {
  title: string;
  topic: string;
  kind: MeetingKind;
  status: MeetingStatus;
  /** Whole days from the seed date; the meeting starts at `startHour` Beijing time. */
  dayOffset: number;
  startHour: number;
  durationMinutes: number;
  place: string;
  agenda: DemoAgendaItem[];
  /** username → role and attendance; everyone not listed is not invited. */
  participants: Record<string, { role: ParticipantRole; attendance: Attendance }>;
}

const present = (role: ParticipantRole = 'member') => ({ role, attendance: 'checked_in' as const });
const absent = { role: 'member' as const, attendance: 'declined' as const };
const invited = { role: 'member' as const, attendance: 'invited' as const };
const confirmed = { role: 'member' as const, attendance: 'confirmed' as const };

export const DEMO_MEETINGS: DemoMeeting[] = [
  {
    title: '“推进农村居家养老服务”专题协商座谈会',
    topic:
      '围绕全县农村留守、独居和高龄老人的居家养老需求，就村级互助养老站点运营、医养结合服务下沉、养老服务补贴精准发放等问题开展协商，形成协商意见报县委、县政府参阅。',
    kind: 'consultation',
    status: 'ended',
    dayOffset: -68,
    startHour: 9,
    durationMinutes: 150,
    place: '县政协三楼第一会议室',
    agenda: [
      { title: '主持人说明协商议题和会议安排', plannedMinutes: 5, presenter: 'wanglixin' },
      {
        title: '县民政局通报全县农村居家养老服务工作情况',
        description: '全县60周岁以上农村老人情况、村级互助养老站点建设和运营、养老服务补贴发放情况。',
        plannedMinutes: 15,
        presenterName: '县民政局局长 钱永平',
      },
      {
        title: '委员预约发言',
        description:
          '每位发言不超过8分钟。李桂兰：医养结合服务进村入户；何秀英：互助养老站点可持续运营；周德福：村级养老的人手与场地。',
        plannedMinutes: 40,
      },
      { title: '即席发言与互动交流', description: '县民政局、卫健局、财政局现场回应。', plannedMinutes: 30 },
      { title: '县政府领导讲话', plannedMinutes: 15, presenterName: '副县长 林晓峰' },
      { title: '主持人总结', plannedMinutes: 10, presenter: 'wanglixin' },
    ],
    participants: {
      wanglixin: present('chair'),
      zhouxiaoyan: present('secretary'),
      chenjianguo: present(),
      liushufen: present(),
      liguilan: present(),
      sunyumei: present(),
      zhoudefu: present(),
      hexiuying: present(),
      luochunyan: present(),
      fengyongkang: present(),
      huangzhiming: absent,
      zhenghongwei: present(),
    },
  },
  {
    title: '乡村小规模学校办学质量专题调研',
    topic:
      '实地察看石桥镇中心小学及两所村小，了解乡村小规模学校师资配备、课程开设和寄宿条件，听取镇党委政府和教育部门意见，为“乡村学校小而优”提案办理提供依据。',
    kind: 'investigation',
    status: 'ended',
    dayOffset: -26,
    startHour: 8,
    durationMinutes: 240,
    place: '石桥镇中心小学（集合出发：县政协机关）',
    agenda: [
      { title: '实地察看石桥镇中心小学寄宿部和食堂', plannedMinutes: 40 },
      { title: '走访岭下村小、东坑村小', description: '与教师、家长代表交流。', plannedMinutes: 80 },
      {
        title: '座谈交流',
        description: '县教育局、石桥镇政府介绍情况；委员交流发言。',
        plannedMinutes: 90,
        presenterName: '县教育局副局长 蒋文涛',
      },
      { title: '调研组小结，明确调研报告分工', plannedMinutes: 20, presenter: 'liushufen' },
    ],
    participants: {
      liushufen: present('chair'),
      chenjianguo: present('secretary'),
      wuxiaohong: present(),
      mawenbin: present(),
      yangli: present(),
      zhoudefu: present(),
      xuzhiqiang: absent,
      dengjianhua: present(),
    },
  },
  {
    title: '“优化县域营商环境”专题协商座谈会',
    topic:
      '聚焦中小微企业和个体工商户反映集中的审批办事、融资、涉企检查等问题，听取县发改局、市场监管局、县行政审批服务局情况通报，委员建言献策。',
    kind: 'consultation',
    status: 'scheduled',
    dayOffset: 12,
    startHour: 9,
    durationMinutes: 150,
    place: '县政协三楼第一会议室',
    agenda: [
      { title: '主持人说明协商议题和会议安排', plannedMinutes: 5, presenter: 'zhaoguoqiang' },
      {
        title: '县发改局通报全县营商环境建设情况',
        description: '含2026年营商环境评价反映的短板。',
        plannedMinutes: 15,
        presenterName: '县发改局局长 韩志刚',
      },
      {
        title: '委员预约发言',
        description: '张海涛：涉企检查“综合查一次”；郑宏伟：小微企业首贷和续贷；黄志明：惠企政策兑现中的法律问题。',
        plannedMinutes: 40,
      },
      { title: '即席发言与部门回应', plannedMinutes: 30 },
      { title: '县政府领导讲话', plannedMinutes: 15, presenterName: '常务副县长 宋立平' },
      { title: '主持人总结', plannedMinutes: 10, presenter: 'zhaoguoqiang' },
    ],
    participants: {
      zhaoguoqiang: { role: 'chair', attendance: 'confirmed' },
      zhouxiaoyan: { role: 'secretary', attendance: 'confirmed' },
      wanglixin: invited,
      chenjianguo: confirmed,
      zhanghaitao: confirmed,
      zhenghongwei: invited,
      huangzhiming: confirmed,
      xuzhiqiang: invited,
      yangli: invited,
      liguilan: { role: 'member', attendance: 'declined' },
    },
  },
];

/** Agenda status for a meeting in a given state: everything done once it has ended. */
export const agendaStatusFor = (status: MeetingStatus): AgendaItemStatus =>
  status === 'ended' || status === 'archived' ? 'done' : 'pending';
