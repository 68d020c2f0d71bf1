import { addDays, dayOfWeek, type LocalDate } from './local-date.js';

/**
 * A committee's working calendar: weekends are rest days unless listed as make-up workdays
 * (调休上班); weekdays are working days unless listed as holidays. The lists come from the
 * State Council's yearly holiday notice and local arrangements, entered per committee.
 */
export interface WorkCalendar {
  holidays?: readonly LocalDate[];
  /** Weekend days that are working days (调休). */
  workdays?: readonly LocalDate[];
}

interface CompiledCalendar {
  holidays: ReadonlySet<LocalDate>;
  workdays: ReadonlySet<LocalDate>;
}

const compiled = new WeakMap<WorkCalendar, CompiledCalendar>();

function compile(cal: WorkCalendar): CompiledCalendar {
  let c = compiled.get(cal);
  if (!c) {
    c = { holidays: new Set(cal.holidays ?? []), workdays: new Set(cal.workdays ?? []) };
    compiled.set(cal, c);
  }
  return c;
}

/** Far beyond any rule (6 months ≈ 130 working days); stops a bad calendar from looping forever. */
const MAX_SCAN_DAYS = 3660;

export function isWorkingDay(date: LocalDate, cal: WorkCalendar = {}): boolean {
  const c = compile(cal);
  if (c.workdays.has(date)) return true;
  if (c.holidays.has(date)) return false;
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6;
}

/**
 * The day that is `n` working days after `date` (`date` itself not counted: assigned on a
 * Friday, 5 working days end the next Friday). Negative `n` counts backwards; 0 returns `date`.
 */
export function addWorkingDays(date: LocalDate, n: number, cal: WorkCalendar = {}): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError('working days must be a whole number');
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let day = date;
  for (let scanned = 0; remaining > 0; scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw new RangeError('calendar has no working days');
    day = addDays(day, step);
    if (isWorkingDay(day, cal)) remaining--;
  }
  return day;
}

/** Working days d with from < d ≤ to (negative when `to` is before `from`). */
export function workingDaysBetween(from: LocalDate, to: LocalDate, cal: WorkCalendar = {}): number {
  if (to < from) return -workingDaysBetween(to, from, cal);
  let count = 0;
  for (let day = addDays(from, 1), scanned = 0; day <= to; day = addDays(day, 1), scanned++) {
    if (scanned > MAX_SCAN_DAYS * 10) throw new RangeError('range too long');
    if (isWorkingDay(day, cal)) count++;
  }
  return count;
}

/** `date` if it is a working day, else the next one (a deadline falling on a holiday moves on). */
export function nextWorkingDay(date: LocalDate, cal: WorkCalendar = {}): LocalDate {
  return isWorkingDay(date, cal) ? date : addWorkingDays(date, 1, cal);
}
