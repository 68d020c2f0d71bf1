/**
 * Calendar days as 'YYYY-MM-DD' strings in the committee's own time zone. Deadlines in the
 * rules ("within 3 months", "within 5 working days") count calendar days where people live,
 * not UTC instants, so day arithmetic happens on these and only the final deadline becomes an
 * instant (the end of that local day).
 */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function parts(date: LocalDate): [number, number, number] {
  const m = LOCAL_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`no such day: ${date}`);
  return [y, mo, d];
}

export function isLocalDate(value: string): boolean {
  try {
    parts(value);
    return true;
  } catch {
    return false;
  }
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtcMs(date: LocalDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/**
 * Same day-of-month `months` later; when that month is shorter, its last day
 * (01-31 + 1 month → 02-28/29; 08-31 + 6 months → 02-28/29).
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole calendar days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

// ── time zones ──

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(instant: Date, timeZone: string): { date: LocalDate; ms: number } {
  const p: Record<string, string> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(instant)) p[type] = value;
  const date = `${p.year}-${p.month}-${p.day}`;
  const ms = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return { date, ms: ms + instant.getUTCMilliseconds() };
}

/** The calendar day an instant falls on in a time zone (default: China Standard Time). */
export function localDateOf(instant: Date, timeZone = 'Asia/Shanghai'): LocalDate {
  return wallClock(instant, timeZone).date;
}

/** The first instant of a local day. */
export function startOfLocalDay(date: LocalDate, timeZone = 'Asia/Shanghai'): Date {
  const target = toUtcMs(date);
  // Offset at a first guess, then corrected once more so a DST change that day is respected.
  let guess = target;
  for (let i = 0; i < 2; i++) {
    const offset = wallClock(new Date(guess), timeZone).ms - guess;
    guess = target - offset;
  }
  return new Date(guess);
}

/** The last millisecond of a local day: a deadline "on" a day means until that day ends. */
export function endOfLocalDay(date: LocalDate, timeZone = 'Asia/Shanghai'): Date {
  return new Date(startOfLocalDay(addDays(date, 1), timeZone).getTime() - 1);
}
