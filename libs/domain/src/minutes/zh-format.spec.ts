import { describe, expect, it } from 'vitest';
import {
  dayPeriod,
  formatZhClock,
  formatZhClockRange,
  formatZhDate,
  formatZhDateTime,
  formatZhTimeSpan,
  zhNumeral,
} from './zh-format.js';

describe('Chinese dates and times', () => {
  it('writes a Beijing-time date and time from a UTC instant', () => {
    expect(formatZhDate('2026-11-23T01:00:00Z')).toBe('2026年11月23日');
    expect(formatZhDateTime('2026-11-23T01:00:00Z')).toBe('2026年11月23日 上午9:00');
    expect(formatZhDateTime(new Date('2026-11-23T06:30:00Z'))).toBe('2026年11月23日 下午2:30');
  });

  it('uses the wall clock of the given zone, across the date line', () => {
    // 23:30 UTC on the 22nd is already 7:30 on the 23rd in Beijing.
    expect(formatZhDate('2026-11-22T23:30:00Z')).toBe('2026年11月23日');
    expect(formatZhDate('2026-11-22T23:30:00Z', 'UTC')).toBe('2026年11月22日');
    expect(formatZhDateTime('2026-07-01T13:05:00Z', 'Europe/Berlin')).toBe('2026年7月1日 下午3:05');
  });

  it('names the period of the day', () => {
    expect([0, 9, 11, 12, 13, 17, 18, 23].map(dayPeriod)).toEqual([
      '上午',
      '上午',
      '上午',
      '中午',
      '下午',
      '下午',
      '晚上',
      '晚上',
    ]);
    expect(formatZhDateTime('2026-11-23T04:15:00Z')).toBe('2026年11月23日 中午12:15');
    expect(formatZhDateTime('2026-11-23T11:00:00Z')).toBe('2026年11月23日 晚上7:00');
    expect(formatZhDateTime('2026-11-22T16:00:00Z')).toBe('2026年11月23日 上午0:00');
  });

  it('spans a meeting within one period, across periods, across midnight and open-ended', () => {
    expect(formatZhTimeSpan('2026-11-23T01:00:00Z', '2026-11-23T03:30:00Z')).toBe('2026年11月23日 上午9:00—11:30');
    expect(formatZhTimeSpan('2026-11-23T01:00:00Z', '2026-11-23T06:30:00Z')).toBe('2026年11月23日 上午9:00—下午2:30');
    expect(formatZhTimeSpan('2026-11-23T12:00:00Z', '2026-11-23T17:00:00Z')).toBe(
      '2026年11月23日 晚上8:00—2026年11月24日 上午1:00',
    );
    expect(formatZhTimeSpan('2026-11-23T01:00:00Z', null)).toBe('2026年11月23日 上午9:00');
  });

  it('writes speech clock times in 24-hour form', () => {
    expect(formatZhClock('2026-11-23T01:05:00Z')).toBe('9:05');
    expect(formatZhClock('2026-11-23T06:40:00Z')).toBe('14:40');
    expect(formatZhClockRange('2026-11-23T01:05:00Z', '2026-11-23T01:13:00Z')).toBe('9:05—9:13');
    expect(formatZhClockRange('2026-11-23T01:05:00Z', null)).toBe('9:05起');
  });

  it('rejects an invalid instant and an unknown zone', () => {
    expect(() => formatZhDate('not a date')).toThrow(RangeError);
    expect(() => formatZhDate('2026-11-23T01:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('zhNumeral', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [999, '九百九十九'],
  ])('%i → %s', (n, text) => expect(zhNumeral(n)).toBe(text));

  it('refuses what sections are never numbered with', () => {
    expect(() => zhNumeral(0)).toThrow(RangeError);
    expect(() => zhNumeral(1.5)).toThrow(RangeError);
    expect(() => zhNumeral(1000)).toThrow(RangeError);
  });
});
