// Day arithmetic on YYYY-MM-DD strings in UTC, the only calendar the claims use.
import type { DayRange } from './types.js';

const DAY_MS = 86_400_000;

/** Parsing the string is the costly part too, and every date read of a report starts from its published day. */
const numberMemo = new Map<string, number>();
export function dayNumber(day: string): number {
  let n = numberMemo.get(day);
  if (n === undefined) {
    if (numberMemo.size >= 20_000) numberMemo.clear();
    n = Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
    numberMemo.set(day, n);
  }
  return n;
}

/** Formatting through Date is the costly part of day arithmetic, and claims keep naming the same few days. */
const isoMemo = new Map<number, string>();
export function dayFromNumber(n: number): string {
  let iso = isoMemo.get(n);
  if (iso === undefined) {
    if (isoMemo.size >= 20_000) isoMemo.clear();
    iso = new Date(n * DAY_MS).toISOString().slice(0, 10);
    isoMemo.set(n, iso);
  }
  return iso;
}

export function addDays(day: string, n: number): string {
  return dayFromNumber(dayNumber(day) + n);
}

export function rangesOverlap(a: DayRange, b: DayRange, slackDays = 0): boolean {
  return dayNumber(a.start) <= dayNumber(b.end) + slackDays && dayNumber(b.start) <= dayNumber(a.end) + slackDays;
}

export function rangeLength(r: DayRange): number {
  return dayNumber(r.end) - dayNumber(r.start) + 1;
}

/** The smallest range covering both. */
export function unionRange(a: DayRange, b: DayRange): DayRange {
  return { start: a.start < b.start ? a.start : b.start, end: a.end > b.end ? a.end : b.end };
}
