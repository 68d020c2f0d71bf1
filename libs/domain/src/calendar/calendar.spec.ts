import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  capAfterMonths,
  deadlineAfterMonths,
  deadlineAfterWorkingDays,
  DEFAULT_DEADLINE_CALENDAR,
  isPast,
  workingDaysLeft,
} from './deadlines.js';
import {
  addDays,
  addMonths,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  endOfLocalDay,
  isLocalDate,
  localDateOf,
  startOfLocalDay,
} from './local-date.js';
import { addWorkingDays, isWorkingDay, nextWorkingDay, type WorkCalendar, workingDaysBetween } from './working-days.js';

/** A National Day week as the State Council arranges it: 7 days off, two weekend days worked. */
const nationalDay: WorkCalendar = {
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
  workdays: ['2025-09-28', '2025-10-11'],
};

describe('local dates', () => {
  it('validates YYYY-MM-DD including leap days', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2025-13-01')).toBe(false);
    expect(isLocalDate('2025-1-01')).toBe(false);
    expect(() => addDays('nonsense', 1)).toThrow(RangeError);
  });
  it('adds days across months and years', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });
  it('adds months clamping to the end of shorter months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2025-03-31', 3)).toBe('2025-06-30');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15');
    expect(addMonths('2025-05-31', -3)).toBe('2025-02-28');
  });
  it('never produces an invalid date and never overshoots the target month', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }), fc.integer({ min: -36, max: 36 }), (d, n) => {
        const date = d.toISOString().slice(0, 10);
        const out = addMonths(date, n);
        const months = (Number(out.slice(0, 4)) - Number(date.slice(0, 4))) * 12 + Number(out.slice(5, 7)) - Number(date.slice(5, 7));
        return isLocalDate(out) && months === n && Number(out.slice(8)) <= Number(date.slice(8));
      }),
    );
  });
  it('knows the weekday and orders dates', () => {
    expect(dayOfWeek('2025-10-01')).toBe(3);
    expect(compareLocalDates('2025-01-02', '2025-01-10')).toBe(-1);
    expect(compareLocalDates('2025-01-02', '2025-01-02')).toBe(0);
  });
  it('maps instants to China Standard Time days and back', () => {
    // 17:00 UTC is 01:00 the next day in Beijing.
    expect(localDateOf(new Date('2025-03-03T17:00:00Z'))).toBe('2025-03-04');
    expect(localDateOf(new Date('2025-03-03T15:59:59Z'))).toBe('2025-03-03');
    expect(startOfLocalDay('2025-03-04').toISOString()).toBe('2025-03-03T16:00:00.000Z');
    expect(endOfLocalDay('2025-03-04').toISOString()).toBe('2025-03-04T15:59:59.999Z');
  });
  it('handles zones with daylight saving', () => {
    // Europe/Berlin switches to summer time on 2025-03-30: that day has 23 hours.
    const start = startOfLocalDay('2025-03-30', 'Europe/Berlin');
    const end = endOfLocalDay('2025-03-30', 'Europe/Berlin');
    expect(start.toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(end.getTime() - start.getTime() + 1).toBe(23 * 3600_000);
    expect(localDateOf(end, 'Europe/Berlin')).toBe('2025-03-30');
  });
});

describe('working days', () => {
  it('treats weekends as rest days and weekdays as working days by default', () => {
    expect(isWorkingDay('2025-10-10')).toBe(true); // Friday
    expect(isWorkingDay('2025-10-11')).toBe(false); // Saturday
    expect(isWorkingDay('2025-10-12')).toBe(false); // Sunday
  });
  it('applies holidays and make-up workdays (调休)', () => {
    expect(isWorkingDay('2025-10-01', nationalDay)).toBe(false);
    expect(isWorkingDay('2025-09-28', nationalDay)).toBe(true); // Sunday worked
    expect(isWorkingDay('2025-10-11', nationalDay)).toBe(true); // Saturday worked
  });
  it('counts 5 working days from a Friday to the next Friday', () => {
    expect(addWorkingDays('2025-03-07', 5)).toBe('2025-03-14');
    expect(addWorkingDays('2025-03-08', 1)).toBe('2025-03-10'); // from a Saturday
    expect(addWorkingDays('2025-03-14', 0)).toBe('2025-03-14');
    expect(addWorkingDays('2025-03-14', -5)).toBe('2025-03-07');
  });
  it('skips the National Day week and counts the make-up Saturday', () => {
    // Assigned Tuesday 30 Sept: 1 Oct–8 Oct are off, Thu 9, Fri 10, Sat 11 (调休) count.
    expect(addWorkingDays('2025-09-30', 3, nationalDay)).toBe('2025-10-11');
    expect(addWorkingDays('2025-09-30', 5, nationalDay)).toBe('2025-10-14');
    expect(addWorkingDays('2025-09-26', 1, nationalDay)).toBe('2025-09-28');
  });
  it('counts working days between two dates, exclusive of the first', () => {
    expect(workingDaysBetween('2025-03-07', '2025-03-14')).toBe(5);
    expect(workingDaysBetween('2025-03-14', '2025-03-07')).toBe(-5);
    expect(workingDaysBetween('2025-09-30', '2025-10-14', nationalDay)).toBe(5);
    expect(workingDaysBetween('2025-03-07', '2025-03-07')).toBe(0);
  });
  it('is consistent: counting the days added gives back n (backwards: from a working day)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: -40, max: 40 }), (offset, n) => {
        let start = addDays('2024-01-01', offset);
        if (n < 0) start = nextWorkingDay(start, nationalDay);
        return workingDaysBetween(start, addWorkingDays(start, n, nationalDay), nationalDay) === n;
      }),
    );
  });
  it('moves a rest day to the next working day', () => {
    expect(nextWorkingDay('2025-10-04', nationalDay)).toBe('2025-10-09');
    expect(nextWorkingDay('2025-10-09', nationalDay)).toBe('2025-10-09');
  });
  it('refuses fractional counts and calendars without working days', () => {
    expect(() => addWorkingDays('2025-01-01', 1.5)).toThrow(RangeError);
    const everyDayOff = { holidays: Array.from({ length: 4000 }, (_, i) => addDays('2025-01-01', i)) };
    expect(() => addWorkingDays('2025-01-01', 1, everyDayOff)).toThrow(RangeError);
  });
});

describe('deadlines', () => {
  const cal = { ...DEFAULT_DEADLINE_CALENDAR, workCalendar: nationalDay };
  // 10:00 in Beijing on Friday 2025-03-07.
  const assignedAt = new Date('2025-03-07T02:00:00Z');

  it('answer due in 3 months ends at midnight Beijing time on the same day of month', () => {
    expect(deadlineAfterMonths(assignedAt, 3, cal).toISOString()).toBe('2025-06-09T15:59:59.999Z'); // 06-07 is Saturday → Monday
    const noRoll = { ...cal, rollToWorkingDay: false };
    expect(deadlineAfterMonths(assignedAt, 3, noRoll).toISOString()).toBe('2025-06-07T15:59:59.999Z');
  });
  it('rolls a deadline that lands in the National Day week to the first working day after it', () => {
    const julyFirst = new Date('2025-07-01T01:00:00Z');
    expect(localDateOf(deadlineAfterMonths(julyFirst, 3, cal))).toBe('2025-10-09');
  });
  it('co-opinion due in 1 month clamps to month end', () => {
    expect(localDateOf(deadlineAfterMonths(new Date('2025-01-31T02:00:00Z'), 1, cal))).toBe('2025-02-28');
  });
  it('objection window of 5 and evaluation window of 15 working days', () => {
    expect(localDateOf(deadlineAfterWorkingDays(assignedAt, 5, cal))).toBe('2025-03-14');
    expect(localDateOf(deadlineAfterWorkingDays(assignedAt, 15, cal))).toBe('2025-03-28');
    expect(localDateOf(deadlineAfterWorkingDays(new Date('2025-09-30T02:00:00Z'), 5, cal))).toBe('2025-10-14');
  });
  it('uses the local day of the start: late evening in Beijing is already the next day in UTC terms', () => {
    const lateEvening = new Date('2025-03-06T16:30:00Z'); // 00:30 on 03-07 in Beijing
    expect(localDateOf(deadlineAfterWorkingDays(lateEvening, 5, cal))).toBe('2025-03-14');
  });
  it('extension cap of 6 months does not roll', () => {
    expect(capAfterMonths(new Date('2025-08-31T02:00:00Z'), 6, cal).toISOString()).toBe('2026-02-28T15:59:59.999Z');
  });
  it('reports past deadlines and working days left', () => {
    const due = deadlineAfterWorkingDays(assignedAt, 5, cal);
    expect(isPast(due, new Date('2025-03-14T15:59:59.999Z'))).toBe(false);
    expect(isPast(due, new Date('2025-03-14T16:00:00.000Z'))).toBe(true);
    expect(workingDaysLeft(assignedAt, due, cal)).toBe(5);
    expect(workingDaysLeft(new Date('2025-03-17T02:00:00Z'), due, cal)).toBe(-1);
  });
});
