import { addMonths, endOfLocalDay, localDateOf } from './local-date.js';
import { addWorkingDays, nextWorkingDay, type WorkCalendar, workingDaysBetween } from './working-days.js';

/** Where and how a committee counts its deadlines. */
export interface DeadlineCalendar {
  /** IANA zone of the committee; default Asia/Shanghai. */
  timeZone: string;
  workCalendar: WorkCalendar;
  /** Whether a month-based deadline that falls on a rest day moves to the next working day. */
  rollToWorkingDay: boolean;
}

export const DEFAULT_DEADLINE_CALENDAR: DeadlineCalendar = {
  timeZone: 'Asia/Shanghai',
  workCalendar: {},
  rollToWorkingDay: true,
};

/**
 * "Within N months of …": the same day N months later (clamped to month end), moved past rest
 * days if the committee does so, until that day ends.
 */
export function deadlineAfterMonths(start: Date, months: number, cal: DeadlineCalendar = DEFAULT_DEADLINE_CALENDAR): Date {
  let day = addMonths(localDateOf(start, cal.timeZone), months);
  if (cal.rollToWorkingDay) day = nextWorkingDay(day, cal.workCalendar);
  return endOfLocalDay(day, cal.timeZone);
}

/** "Within N working days of …": the Nth working day after the start day, until it ends. */
export function deadlineAfterWorkingDays(
  start: Date,
  days: number,
  cal: DeadlineCalendar = DEFAULT_DEADLINE_CALENDAR,
): Date {
  return endOfLocalDay(addWorkingDays(localDateOf(start, cal.timeZone), days, cal.workCalendar), cal.timeZone);
}

/** The latest instant a month-based cap allows (no rolling: a cap is a cap). */
export function capAfterMonths(start: Date, months: number, cal: DeadlineCalendar = DEFAULT_DEADLINE_CALENDAR): Date {
  return endOfLocalDay(addMonths(localDateOf(start, cal.timeZone), months), cal.timeZone);
}

export function isPast(deadline: Date, now: Date): boolean {
  return now.getTime() > deadline.getTime();
}

/** Working days from today until the deadline's day (0 on the day itself, negative once overdue). */
export function workingDaysLeft(now: Date, deadline: Date, cal: DeadlineCalendar = DEFAULT_DEADLINE_CALENDAR): number {
  return workingDaysBetween(localDateOf(now, cal.timeZone), localDateOf(deadline, cal.timeZone), cal.workCalendar);
}
