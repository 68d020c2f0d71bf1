import { z } from 'zod';

/**
 * Every error code the API can return, with the message shown to users.
 * Chinese first; the server picks the language from Accept-Language.
 * Codes are stable ids that clients may switch on.
 */
export const errorMessages = {
  validation_failed: { zh: '提交的内容有误，请检查标出的字段', en: 'Some fields are invalid' },
  authentication_required: { zh: '请先登录', en: 'Please sign in' },
  invalid_credentials: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  account_locked: {
    zh: '登录失败次数过多，账号已暂时锁定，请稍后再试',
    en: 'Too many failed sign-ins; the account is temporarily locked',
  },
  account_disabled: { zh: '账号已停用，请联系秘书处', en: 'This account is disabled' },
  token_expired: { zh: '登录已过期，请重新登录', en: 'Your session has expired' },
  too_many_requests: { zh: '操作过于频繁，请稍后再试', en: 'Too many requests, try again later' },
  forbidden: { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  not_found: { zh: '未找到该内容', en: 'Not found' },
  conflict: { zh: '操作与当前状态冲突', en: 'This conflicts with the current state' },
  username_taken: { zh: '用户名已被使用', en: 'This username is taken' },
  wrong_password: { zh: '当前密码不正确', en: 'The current password is wrong' },
  weak_password: {
    zh: '密码至少 8 位，且不能是常见密码',
    en: 'The password must be at least 8 characters and not a common one',
  },
  already_participant: { zh: '该用户已在参会名单中', en: 'This user is already a participant' },
  already_member: { zh: '该用户已是该委员会成员', en: 'This user is already a member of the committee' },
  invitation_invalid: { zh: '邀请链接无效或已过期', en: 'This invitation link is invalid or expired' },
  meeting_not_editable: {
    zh: '会议已结束或已归档，不能再修改',
    en: 'The meeting has ended or is archived and can no longer be changed',
  },
  invalid_transition: { zh: '当前状态下不能执行此操作', en: 'This action is not allowed in the current state' },
  // live meeting room (session, polls, opinions, speakers)
  meeting_not_live: { zh: '会议尚未开始或已结束', en: 'The meeting is not in session' },
  poll_not_open: { zh: '表决未开始或已结束', en: 'This poll is not open for voting' },
  already_voted: { zh: '您已投票，不能重复投票', en: 'You have already voted in this poll' },
  not_entitled_to_vote: { zh: '您没有本次表决的表决权', en: 'You are not entitled to vote in this poll' },
  not_checked_in: { zh: '请先签到', en: 'Please check in first' },
  agenda_item_closed: { zh: '该议题已结束，不能再修改', en: 'This agenda item is closed' },
  already_in_queue: { zh: '您已在发言队列中', en: 'You are already waiting to speak' },
  // documents (co-editing)
  document_locked: { zh: '文稿已锁定，不能修改', en: 'This document is locked' },
  payload_too_large: { zh: '提交的内容过大', en: 'The request is too large' },
  internal_error: { zh: '服务器内部错误，请稍后再试', en: 'Internal server error' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ErrorCode = keyof typeof errorMessages;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** For validation_failed: the failing fields, as dotted paths. */
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export type Language = 'zh' | 'en';

export function errorMessage(code: ErrorCode, lang: Language): string {
  return errorMessages[code][lang];
}
