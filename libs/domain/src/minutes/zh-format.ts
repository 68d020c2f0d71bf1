/*
 * Chinese date, time and numeral wording as 公文 and minutes write them:
 * 2026年11月23日, 上午9:00, 9:05—9:13, 一、二、……二十一.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError on an unknown zone: a configuration error worth surfacing.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in a time zone. */
export function wallClock(instant: string | Date, timeZone = DEFAULT_TIME_ZONE): WallClock {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`invalid instant: ${String(instant)}`);
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 2026年11月23日 */
export function formatZhDate(instant: string | Date, timeZone = DEFAULT_TIME_ZONE): string {
  const c = wallClock(instant, timeZone);
  return `${c.year}年${c.month}月${c.day}日`;
}

/** 上午 before noon, 中午 for 12:xx, 下午 until 18:00, 晚上 after. */
export function dayPeriod(hour: number): '上午' | '中午' | '下午' | '晚上' {
  if (hour < 12) return '上午';
  if (hour < 13) return '中午';
  if (hour < 18) return '下午';
  return '晚上';
}

/** 9:05, 14:30 (24-hour, no leading zero) — for speech times inside a dated section. */
export function formatZhClock(instant: string | Date, timeZone = DEFAULT_TIME_ZONE): string {
  const c = wallClock(instant, timeZone);
  return `${c.hour}:${pad2(c.minute)}`;
}

/** 上午9:00, 下午2:30 (12-hour with a period word, as a notice or minutes header writes it). */
export function formatZhPeriodTime(instant: string | Date, timeZone = DEFAULT_TIME_ZONE): string {
  const c = wallClock(instant, timeZone);
  const h12 = c.hour > 12 ? c.hour - 12 : c.hour;
  return `${dayPeriod(c.hour)}${h12}:${pad2(c.minute)}`;
}

/** 2026年11月23日 上午9:00 */
export function formatZhDateTime(instant: string | Date, timeZone = DEFAULT_TIME_ZONE): string {
  return `${formatZhDate(instant, timeZone)} ${formatZhPeriodTime(instant, timeZone)}`;
}

/**
 * A meeting's time span: 2026年11月23日 上午9:00—11:30; 上午9:00—下午2:30 when the period changes;
 * both dates when it runs past midnight; just the start when the end is unknown.
 */
export function formatZhTimeSpan(
  start: string | Date,
  end: string | Date | null,
  timeZone = DEFAULT_TIME_ZONE,
): string {
  const head = formatZhDateTime(start, timeZone);
  if (end == null) return head;
  const s = wallClock(start, timeZone);
  const e = wallClock(end, timeZone);
  const sameDay = s.year === e.year && s.month === e.month && s.day === e.day;
  if (!sameDay) return `${head}—${formatZhDateTime(end, timeZone)}`;
  const endText =
    dayPeriod(s.hour) === dayPeriod(e.hour)
      ? formatZhPeriodTime(end, timeZone).replace(/^\D+/, '')
      : formatZhPeriodTime(end, timeZone);
  return `${head}—${endText}`;
}

/** 9:05—9:13, or 9:05起 when the end is unknown. */
export function formatZhClockRange(
  start: string | Date,
  end: string | Date | null,
  timeZone = DEFAULT_TIME_ZONE,
): string {
  return end == null
    ? `${formatZhClock(start, timeZone)}起`
    : `${formatZhClock(start, timeZone)}—${formatZhClock(end, timeZone)}`;
}

/** 2026年11月23日上午 — the opening sentence's "when". */
export function formatZhDateAndPeriod(instant: string | Date, timeZone = DEFAULT_TIME_ZONE): string {
  return `${formatZhDate(instant, timeZone)}${dayPeriod(wallClock(instant, timeZone).hour)}`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 21 → 二十一, 100 → 一百, 105 → 一百零五 (1..999, as 公文 numbers its sections). */
export function zhNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`zhNumeral supports 1..999, got ${n}`);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = '';
  if (hundreds) out += `${DIGITS[hundreds]}百`;
  if (tens) out += `${hundreds || tens > 1 ? DIGITS[tens] : ''}十`;
  else if (hundreds && ones) out += '零';
  if (ones) out += DIGITS[ones];
  return out;
}
