// Date recognizer: dates and periods in English news text, resolved to inclusive day ranges against the published date.
import * as chrono from 'chrono-node';
import { dayFromNumber, dayNumber } from '../../domain/days.js';
import type { DatePrecision, DayRange, Span } from '../../domain/types.js';
import type { DateMention } from '../mentions.js';
import { isRegexSpace, spaceRunStart } from '../regex.js';

// ---------------------------------------------------------------------------------------------
// Days as integers (days since 1970-01-01, UTC): cheap arithmetic, no time zones.

const DAY_MS = 86_400_000;
const dayFromParts = (y: number, m: number, d: number): number => Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
/** 0 = Sunday … 6 = Saturday, as chrono and Date.getUTCDay. */
const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;
const partsOf = (day: number): { y: number; m: number; d: number } => {
  const date = new Date(day * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
};
const monthRange = (y: number, m: number): [number, number] => [dayFromParts(y, m, 1), dayFromParts(y, m + 1, 0)];
const yearRange = (y: number): [number, number] => [dayFromParts(y, 1, 1), dayFromParts(y, 12, 31)];
/** The most recent day with this weekday on or before `day` (or strictly before). */
const lastWeekday = (day: number, weekday: number, strictly = false): number => {
  const back = (weekdayOf(day) - weekday + 7) % 7;
  return day - (back === 0 && strictly ? 7 : back);
};
/** Monday of the (Monday–Sunday) week containing `day`. */
const mondayOf = (day: number): number => lastWeekday(day, 1);
const addMonths = (day: number, months: number): number => {
  const { y, m, d } = partsOf(day);
  const last = dayFromParts(y, m + months + 1, 0);
  return Math.min(dayFromParts(y, m + months, d), last);
};

// ---------------------------------------------------------------------------------------------
// Candidates: what a parser proposes before refiners fix spans, kinds and ranges.

interface Candidate {
  start: number;
  end: number;
  first: number;
  last: number;
  precision: DatePrecision;
  kind: DateMention['kind'];
  /** Lower runs first when two candidates overlap: our period rules beat chrono's reading. */
  priority: number;
  /** A count of days that ends on the published date only for want of another date ("over two days"). */
  duration?: boolean;
}

const MONTH_NAME = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)';
/** 1–12 from a month name or its abbreviation, any case. */
const monthNumber = (name: string | undefined): number =>
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf((name ?? '').slice(0, 3).toLowerCase()) + 1;

const SMALL_NUMBERS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, couple: 2, 'couple of': 2, few: 3, several: 3,
};
const SMALL = '(?:\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple(?:\\s+of)?|few|several)';
const countOf = (raw: string | undefined): number =>
  raw === undefined ? 1 : /^\d/.test(raw) ? Number(raw) : (SMALL_NUMBERS[raw.toLowerCase().replace(/\s+/g, ' ')] ?? 1);

/**
 * Periods chrono misses or reads as a single day. Conventions: "recent days" and "the past few
 * days" are published−3 → published; "over two days" ends on the published date; "the weekend" is
 * the most recent Saturday–Sunday; "last week" is the previous Monday–Sunday week while "the past
 * week" is the seven days before the published date.
 */
interface PeriodRule {
  name: string;
  /**
   * Words one of which every match of `re` contains (lower case): a window whose lower-cased text holds none skips the
   * costlier search. A substring test of the lower-cased window, once for all rules, is cheaper than an /i regex per rule.
   */
  cue: readonly string[];
  re: RegExp;
  resolve(m: RegExpExecArray, published: number): (Pick<Candidate, 'first' | 'last' | 'precision'> & Partial<Pick<Candidate, 'kind' | 'duration'>>) | null;
}

const PERIOD_RULES: PeriodRule[] = [
  {
    name: 'calendar-week',
    cue: ['week'],
    re: /\b(?:(?:in|during|over|earlier|later)\s+)?(?:(last|previous|this)\s+week|the\s+(previous)\s+week|earlier\s+this\s+week)\b/gi,
    resolve: (m, p) => {
      const monday = mondayOf(p);
      return /this/i.test(m[0]) ? { first: monday, last: p, precision: 'week' } : { first: monday - 7, last: monday - 1, precision: 'week' };
    },
  },
  {
    name: 'calendar-month',
    cue: ['month'],
    re: /\b(?:(?:in|during|over|earlier|later)\s+)?(?:(last|this)\s+month|the\s+previous\s+month|earlier\s+this\s+month)\b/gi,
    resolve: (m, p) => {
      const { y, m: month } = partsOf(p);
      if (/this/i.test(m[0])) return { first: dayFromParts(y, month, 1), last: p, precision: 'month' };
      const [first, last] = monthRange(y, month - 1);
      return { first, last, precision: 'month' };
    },
  },
  {
    name: 'calendar-year',
    cue: ['year'],
    re: /\b(?:(?:in|during|earlier|later)\s+)?(?:(last|this)\s+year|earlier\s+this\s+year)\b/gi,
    resolve: (m, p) => {
      const { y } = partsOf(p);
      if (/this/i.test(m[0])) return { first: dayFromParts(y, 1, 1), last: p, precision: 'year' };
      const [first, last] = yearRange(y - 1);
      return { first, last, precision: 'year' };
    },
  },
  {
    // "in March last year": chrono reads the month (this year's) and "last year" apart; together they are one month.
    name: 'month-of-named-year',
    cue: ['year'],
    re: /\b(?:(?:in|during|since|of|early|late|mid)[\s-]+)?(January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:of\s+)?(last|this)\s+year\b/gi,
    resolve: (m, p) => {
      const year = partsOf(p).y - ((m[2] ?? '').toLowerCase() === 'last' ? 1 : 0);
      const [first, last] = monthRange(year, MONTH_NUMBERS[(m[1] ?? '').charAt(0).toUpperCase() + (m[1] ?? '').slice(1).toLowerCase()] ?? 1);
      return { first, last, precision: 'month' };
    },
  },
  {
    name: 'rolling',
    cue: ['day', 'week', 'month', 'year', 'hour'],
    re: new RegExp(
      `\\b(?:(?:in|over|during|within|for)\\s+)?the\\s+(?:past|last|previous)\\s+(?:(${SMALL})\\s+)?(day|week|month|year|hour)s?\\b` +
        `|\\b(?:(?:in|over|during|within)\\s+)?(?:the\\s+)?(?:past|last|previous)\\s+(${SMALL})\\s+(day|week|month|year|hour)s?\\b`,
      'gi',
    ),
    resolve: (m, p) => {
      const unit = (m[2] ?? m[4] ?? 'day').toLowerCase();
      const n = countOf(m[1] ?? m[3]);
      if (unit === 'hour') return { first: p - Math.max(1, Math.ceil(n / 24)), last: p, precision: 'range' };
      if (unit === 'day') return { first: p - n, last: p, precision: 'range' };
      if (unit === 'week') return { first: p - 7 * n, last: p, precision: 'range' };
      if (unit === 'month') return { first: addMonths(p, -n), last: p, precision: 'range' };
      return { first: addMonths(p, -12 * n), last: p, precision: 'range' };
    },
  },
  {
    name: 'recent',
    cue: ['recent'],
    re: /\b(?:(?:in|over|during)\s+)?recent\s+(days|weeks|months)\b/gi,
    resolve: (m, p) => {
      const unit = (m[1] ?? '').toLowerCase();
      const first = unit === 'days' ? p - 3 : unit === 'weeks' ? p - 21 : addMonths(p, -3);
      return { first, last: p, precision: 'range' };
    },
  },
  {
    // "killed 72 over two days": the days end on the published date. "over the following four
    // days" is anchored elsewhere and is left alone.
    name: 'span-of-days',
    cue: ['day', 'week'],
    re: new RegExp(`\\b(?:over|in|within|across)\\s+(?:the\\s+course\\s+of\\s+)?(${SMALL})\\s+(day|week)s?\\b`, 'gi'),
    resolve: (m, p) => {
      const n = countOf(m[1]);
      if (n > 31) return null;
      return { first: p - ((m[2] ?? '').toLowerCase() === 'week' ? 7 * n : n) + 1, last: p, precision: 'range', duration: true };
    },
  },
  {
    name: 'weekend',
    cue: ['weekend'],
    re: /\b(?:(?:over|during|at|on)\s+)?(?:the|this|last|past)\s+weekend\b/gi,
    resolve: (_m, p) => {
      const saturday = lastWeekday(p, 6);
      const sunday = weekdayOf(p) === 0 ? p : saturday + 1;
      return { first: saturday, last: Math.min(sunday, p), precision: 'range' };
    },
  },
  {
    // "Saturday's bombings", "Friday’s attack": chrono does not read a weekday with a possessive; a day, not a period.
    name: 'weekday-possessive',
    cue: ["day's", 'day’s'],
    re: /\b(sun|mon|tues|wednes|thurs|fri|satur)day['’]s\b/gi,
    resolve: (m, p) => {
      const weekday = ['sun', 'mon', 'tues', 'wednes', 'thurs', 'fri', 'satur'].indexOf((m[1] ?? '').toLowerCase());
      const day = lastWeekday(p, weekday);
      return { first: day, last: day, precision: 'day', kind: 'point' };
    },
  },
  {
    // "between May and October 2017", "between 3 and 5 July 2016", "between July 3 and July 5, 2016": chrono reads only
    // the second date. One range; the first point borrows the second's month and year when it names none.
    name: 'between-and',
    cue: ['between'],
    re: new RegExp(
      `\\bbetween\\s+(?:the\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)?\\s*)?(?:${MONTH_NAME}\\.?\\s*)?(?:(\\d{1,2})(?:st|nd|rd|th)?)?(?:,?\\s*((?:19|20)\\d{2}))?` +
        `\\s+and\\s+(?:the\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?${MONTH_NAME}\\.?(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?(?:,?\\s+((?:19|20)\\d{2}))?\\b`,
      'gi',
    ),
    resolve: (m, p) => {
      const [, d1a, m1, d1b, y1, d2a, m2, d2b, y2] = m;
      const d1 = d1a ?? d1b;
      const d2 = d2a ?? d2b;
      if (d1 === undefined && m1 === undefined) return null;
      const month2 = monthNumber(m2);
      const month1 = m1 === undefined ? month2 : monthNumber(m1);
      let last = d2 === undefined ? monthRange(Number(y2 ?? partsOf(p).y), month2)[1] : dayFromParts(Number(y2 ?? partsOf(p).y), month2, Number(d2));
      // Without a year the months are the latest ones before publication.
      if (y2 === undefined && last > p + 1) last = d2 === undefined ? monthRange(partsOf(p).y - 1, month2)[1] : dayFromParts(partsOf(p).y - 1, month2, Number(d2));
      const year1 = Number(y1 ?? partsOf(last).y);
      let first = d1 === undefined ? monthRange(year1, month1)[0] : dayFromParts(year1, month1, Number(d1));
      if (first > last && y1 === undefined) first = d1 === undefined ? monthRange(year1 - 1, month1)[0] : dayFromParts(year1 - 1, month1, Number(d1));
      return first <= last ? { first, last, precision: 'range' } : null;
    },
  },
  {
    name: 'year',
    cue: ['19', '20'],
    re: /\b(?:in|during|throughout|since|from|until|till|(?<!(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)of|by|(?:in\s+)?(?:early|late|mid)-?)\s+((?:19|20)\d{2})\b(?![-–/]\d|\s+(?:people|persons|civilians|fighters|soldiers))/gi,
    resolve: (m) => {
      const [first, last] = yearRange(Number(m[1]));
      return { first, last, precision: 'year' };
    },
  },
];

// ---------------------------------------------------------------------------------------------
// chrono: the base parser for named and numeric dates, with the news refinements.

const REFERENCE_HOUR = 'T12:00:00Z';

/** Words without which a chrono result is a time, a pronoun or a noun ("at 3pm", "that morning", "a march"). */
const DATE_WORD_RE =
  /\b(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)|ago)\b|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/i;
const CAPITALISED_NAME_RE = /\b(?:[A-Z][a-z]+)/;
// chrono reads "wounded 19 on Monday" as 19:00 on Monday; a bare number before "on" is not a time here.
const LEADING_TIME_RE = /^(?:at\s+)?(?:about\s+|around\s+)?\d{1,2}(?:[:.]\d{2}\s*(?:[ap]\.?\s?m\b\.?)?|\s*[ap]\.?\s?m\b\.?|(?=\s+on\s))\s*,?\s*(?:on\s+)?/i;
const TRAILING_TIME_RE = /\s*,?\s*(?:at\s+)?(?:about\s+|around\s+)?\d{1,2}(?:[:.]\d{2}\s*(?:[ap]\.?\s?m\b\.?)?|\s*[ap]\.?\s?m\b\.?)$/i;
const FUTURE_RE = /\b(?:next|coming|tomorrow)\b/i;
const MONTH_PREPOSITION_RE = /\b(?:in|since|during|of|early|late|mid|from|until|till|by|last|this|through|throughout|between|and|to)[\s-]+$/i;

type Resolved = Pick<Candidate, 'first' | 'last' | 'precision' | 'kind'>;

/** A year-less day or month after the published date is last year's: news reports the past. */
function pastYear(y: number, yearKnown: boolean, first: number, published: number): number {
  return !yearKnown && first > published ? y - 1 : y;
}

function resolveComponents(c: chrono.ParsedComponents, text: string, published: number): Resolved | null {
  const y = c.get('year') ?? partsOf(published).y;
  const month = c.get('month') ?? 1;
  const d = c.get('day') ?? 1;
  if (/\blast\s+night\b/i.test(text)) return { first: published - 1, last: published, precision: 'range', kind: 'point' };
  if (/\bthis\s+(?:morning|afternoon|evening)\b|\btonight\b/i.test(text)) {
    return { first: published, last: published, precision: 'day', kind: 'point' };
  }
  const ago = /\b(day|week|month|year)s?\s+ago\b/i.exec(text);
  if (ago) {
    const day = dayFromParts(y, month, d);
    const unit = (ago[1] ?? '').toLowerCase();
    if (unit === 'day') return { first: day, last: day, precision: 'day', kind: 'point' };
    if (unit === 'week') return { first: day - 3, last: Math.min(day + 3, published), precision: 'week', kind: 'point' };
    const [first, last] = unit === 'month' ? monthRange(y, month) : yearRange(y);
    return { first, last: Math.min(last, published), precision: unit === 'month' ? 'month' : 'year', kind: 'point' };
  }
  if (c.isCertain('day')) {
    const year = pastYear(y, c.isCertain('year'), dayFromParts(y, month, d), published);
    const day = dayFromParts(year, month, d);
    return { first: day, last: day, precision: 'day', kind: 'point' };
  }
  const weekday = c.get('weekday');
  if (c.isCertain('weekday') && weekday !== null) {
    // chrono snaps a bare weekday to the nearest one; news means the most recent one.
    if (FUTURE_RE.test(text)) {
      const day = dayFromParts(y, month, d);
      return { first: day, last: day, precision: 'day', kind: 'point' };
    }
    const day = lastWeekday(published, weekday, /\blast\b/i.test(text));
    return { first: day, last: day, precision: 'day', kind: 'point' };
  }
  if (c.isCertain('month')) {
    const year = pastYear(y, c.isCertain('year'), monthRange(y, month)[0], published);
    const [first, last] = monthRange(year, month);
    return { first, last, precision: 'month', kind: 'period' };
  }
  if (c.isCertain('year')) {
    const [first, last] = yearRange(y);
    return { first, last, precision: 'year', kind: 'period' };
  }
  return null;
}

type ChronoReading = Pick<chrono.ParsedResult, 'index' | 'text' | 'start' | 'end'>;

function fromChrono(r: ChronoReading, window: string, base: number, published: number): Candidate | null {
  let start = r.index;
  let phrase = r.text;
  const lead = LEADING_TIME_RE.exec(phrase);
  if (lead && lead[0].length < phrase.length) {
    start += lead[0].length;
    phrase = phrase.slice(lead[0].length);
  }
  phrase = phrase.replace(TRAILING_TIME_RE, '').replace(/[\s,;:]+$/, '') || phrase;
  if (!DATE_WORD_RE.test(phrase) || !(CAPITALISED_NAME_RE.test(phrase) || /\d|yesterday|today|tonight|night|morning|afternoon|evening|ago/i.test(phrase))) {
    return null;
  }
  const from = resolveComponents(r.start, phrase, published);
  if (from === null) return null;
  // A month with neither day nor year needs a preposition: "in March", not "May God …".
  if (from.precision === 'month' && !r.start.isCertain('year') && !MONTH_PREPOSITION_RE.test(window.slice(Math.max(0, start - 20), start))) {
    return null;
  }
  const candidate: Candidate = { start: base + start, end: base + start + phrase.length, ...from, priority: 1 };
  if (r.end) {
    const to = resolveComponents(r.end, phrase, published);
    if (to === null) return candidate;
    const first = from.first <= to.last ? from.first : from.first - (from.precision === 'day' && !r.start.isCertain('day') ? 7 : 365);
    return { ...candidate, first, last: to.last, precision: 'range', kind: 'period' };
  }
  return candidate;
}

// ---------------------------------------------------------------------------------------------
// Prefilter: chrono only sees short windows around words that can start or end a date.

/**
 * Month names and abbreviations, weekdays, "yesterday", "today", "tonight", "tomorrow", "last night", "this morning",
 * "ago", "recent", "weekend(s)", "week(s)", "month(s)", "year(s)", "hour(s)", "day(s)", years 19xx/20xx and numeric dates.
 * Branches by first character, one \b before them all: V8 then tests the word edge once per position and follows one
 * branch (2–3× faster than a \b-led branch per word). Within a first character, the branches keep the order of the list.
 */
const TRIGGER_RE = new RegExp(`\\b(?:${[
  '(?:19|20)\\d{2}\\b',
  '\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}\\b',
  'a(?:(?:pr|ug)[a-z]*\\.?|go\\b)',
  'd(?:ec[a-z]*\\.?|ays?\\b)',
  'f(?:eb[a-z]*\\.?|riday)',
  'hours?\\b',
  'j(?:an|un|ul)[a-z]*\\.?',
  'last\\s+night\\b',
  'm(?:a[ry][a-z]*\\.?|onday|onths?\\b)',
  'nov[a-z]*\\.?',
  'oct[a-z]*\\.?',
  'recent\\b',
  's(?:ep[a-z]*\\.?|aturday|unday)',
  't(?:uesday|hursday|o(?:day|night|morrow)\\b|his\\s+(?:morning|afternoon|evening)\\b)',
  'w(?:ednesday|eekends?\\b|eeks?\\b)',
  'y(?:esterday|ears?)\\b',
].join('|')})`, 'gi');
const WINDOW = 40;

/** Disjoint [start, end) windows around trigger words, widened to whole words. */
function windows(text: string): Span[] {
  const out: Span[] = [];
  // The shared regex with lastIndex reset, not a copy per call (copying a regex costs more than a short search).
  const re = TRIGGER_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let start = Math.max(0, m.index - WINDOW);
    let end = Math.min(text.length, m.index + m[0].length + WINDOW);
    while (start > 0 && !isRegexSpace(text.charCodeAt(start - 1))) start--;
    while (end < text.length && !isRegexSpace(text.charCodeAt(end))) end++;
    const previous = out[out.length - 1];
    if (previous && start <= previous.end) previous.end = Math.max(previous.end, end);
    else out.push({ start, end });
    re.lastIndex = Math.max(re.lastIndex, end - WINDOW);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Refiners over candidates, with the whole text in view.

const SINCE_RE =
  /(?:\b(?:ever\s+since|since|starting(?:\s+(?:on|from|in))?|beginning(?:\s+(?:on|in))?|from)\s+(?:(?:late|early)\s+(?:on\s+)?|on\s+|in\s+)?)$/i;
// "since Assad's fall on December 8": the date inside a "since" phrase of a few words.
const SINCE_EVENT_RE = /\bsince\s+(?:[\w'’-]+\s+){1,5}?(?:on|in)\s+$/i;
const PREFIX_RE = /(?:\b(?:(?:late|early)(?:\s+on)?|on\s+or\s+about|on|in|during|around|about|mid-?))[\s-]+$/i;
const LOOKBEHIND = 60;
const WHEN_CLAUSE_AFTER_RE = /^\s*,?\s*when\b/i;

/** "since X", "from X": the range runs from X to the published date. */
function refineSince(c: Candidate, text: string, published: number): Candidate {
  if (c.kind === 'period' && c.precision === 'range') return c;
  // "the toll from Friday's bombing": a possessive day names the event, not where a span begins.
  if (/['’]s$/.test(text.slice(c.start, c.end))) return c;
  // Both regexes end in a space: without one right before the date, neither is tried over the 60 characters.
  if (!spaceBefore(text, c.start)) return c;
  const before = text.slice(Math.max(0, c.start - LOOKBEHIND), c.start);
  const m = SINCE_RE.exec(before) ?? SINCE_EVENT_RE.exec(before);
  if (!m) return c;
  if (/^from\b/i.test(m[0]) && /^\s*(?:to|until|till|through)\b/i.test(text.slice(c.end, c.end + 10))) return c;
  // "since October 2022, when two car bombs exploded": the when-clause says what happened then; the date is its own.
  if (WHEN_CLAUSE_AFTER_RE.test(text.slice(c.end, c.end + 12))) return c;
  return { ...c, start: c.start - m[0].length, first: Math.min(c.first, published), last: published, kind: 'since' };
}

/** The highlighted phrase includes "on", "late on", "early", "in", "around". */
function refinePrefix(c: Candidate, text: string): Candidate {
  if (c.kind === 'since') return c;
  // PREFIX_RE ends in a space or a hyphen.
  if (!spaceBefore(text, c.start) && text.charCodeAt(c.start - 1) !== 45 /* - */) return c;
  const m = PREFIX_RE.exec(text.slice(Math.max(0, c.start - 24), c.start));
  if (!m) return c;
  let start = c.start - m[0].length;
  // chrono keeps "on" in "on Monday" but drops the "late" in "late on Monday".
  const late = /\b(?:late|early)\s+$/i.exec(text.slice(Math.max(0, start - 8), start));
  if (late) start -= late[0].length;
  return { ...c, start };
}

/** Whether `text` holds a `\s` character right before `index`. */
const spaceBefore = (text: string, index: number): boolean => index > 0 && isRegexSpace(text.charCodeAt(index - 1));

/** /^on\s/i at `index`, without a slice. */
function startsWithOn(text: string, index: number): boolean {
  const o = text.charCodeAt(index) | 0x20;
  return o === 111 /* o */ && (text.charCodeAt(index + 1) | 0x20) === 110 /* n */ && index + 2 < text.length && isRegexSpace(text.charCodeAt(index + 2));
}

function refineLeadingOn(c: Candidate, text: string): Candidate {
  if (!startsWithOn(text, c.start)) return c;
  const late = /\b(?:late|early)\s+$/i.exec(text.slice(Math.max(0, c.start - 8), c.start));
  return late ? { ...c, start: c.start - late[0].length } : c;
}

/** Keeps the earliest-priority, then longest, of overlapping candidates; returns them by start. */
function resolveOverlaps(cs: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  const ranked = [...cs].sort((a, b) => a.priority - b.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const c of ranked) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * chrono's casual English parser without its clock-time parser: marsad resolves days, and "at about 10 p.m."
 * parsing cost two thirds of chrono's time per call (measured 70 µs → 25 µs on a typical sentence).
 */
const DAY_PARSER = (() => {
  const parser = chrono.casual.clone();
  parser.parsers = parser.parsers.filter((p) => p.constructor.name !== 'ENTimeExpressionParser');
  return parser;
})();

/**
 * DAY_PARSER without the "end of"/"last day of" refiner, for windows that hold neither phrase: that refiner changes a
 * result only when the window's text before it ends with one, and it finds out with an end-anchored regex over all
 * of that text, per result (a tenth of chrono's time on the dev set).
 */
const DAY_PARSER_NO_END_OF = (() => {
  const parser = DAY_PARSER.clone();
  parser.refiners = parser.refiners.filter((r) => r.constructor.name !== 'ENEndOfPeriodRefiner');
  return parser;
})();
/** What the refiner's /\b(?:last\s+day|end)\s+of\s+(?:the\s+)?$/i needs somewhere in the window. */
const END_OF_PERIOD = /\b(?:last\s+day|end)\s+of\s/i;

// ---------------------------------------------------------------------------------------------
// Fast path: "On 9 May 2020", the form of nearly every ACLED note, without chrono's ~15 µs per call (100–200 µs within
// the pipeline, where its code and data are no longer in the caches).

const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  January: 1, February: 2, March: 3, April: 4, May: 5, June: 6, July: 7, August: 8, September: 9, October: 10, November: 11, December: 12,
};
// As chrono's little-endian parser reads it, "on" included; only the plain form with single spaces and a 4-digit year,
// the month's name or its abbreviation without a period ("28 Apr 2020"), a comma before the year or none ("29 April, 2020").
const DAY_MONTH_YEAR_RE =
  /(?<!\w)(?:[Oo][Nn]\s{0,3})?(\d{1,2})(?:st|nd|rd|th)? (January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec),? ((?:19|20)\d{2})(?!\w)/;
const DATE_WORDS_RE = new RegExp(DATE_WORD_RE.source, 'gi');
/**
 * Words that make chrono produce a second result which one of its refiners could merge with the date (a range
 * "8 to 9 May", a time "the morning of 9 May", an offset "2 days before 9 May") or that would overlap it.
 */
const CHRONO_COMPANION_RE =
  /\b(?:now|noon|midnight|midday|morning|afternoon|evening|night|tonight|ago|later|earlier|within|hence|end|last|next|past|this|coming|hours?|hrs?|minutes?|mins?|seconds?|secs?)\b/i;
/** The companions but the parts of the day: asked only of the few windows that hold a companion. */
const COMPANION_BUT_PART_OF_DAY_RE =
  /\b(?:now|tonight|ago|later|earlier|within|hence|end|last|next|past|this|coming|hours?|hrs?|minutes?|mins?|seconds?|secs?)\b/i;
/**
 * The parts of the day chrono reads on their own ("On 9 May 2020, in the evening, …": "evening", a time without a day).
 * Such a time changes the date only when one of chrono's refiners merges the two, which each does only across a gap of
 * spaces and at most one connector ("9 May 2020, at evening" is not merged; "9 May 2020 evening" is). Without "this"
 * (a companion above) chrono's result is the word itself, after at most three spaces; this finds every such word and
 * more (no word edge before it, as chrono's boundary check wants).
 */
const PART_OF_DAY_RE = /(?:morning|afternoon|evening|night|midnight|midday|noon)(?=\W|$)/gi;
/** What stands between two results that chrono's refiners merge: its date-time, range, weekday and relative-date gaps. */
const MERGING_GAPS: ReadonlySet<string> = new Set(['', 't', 'at', 'after', 'before', 'on', 'of', ',', '-', '–', '.', '∙', ':', 'to', 'until', 'through', 'till']);

/** Whether a part of the day in `slice` stands next to (or in) the date at [start, end), where chrono might merge the two. */
function partOfDayBeside(slice: string, start: number, end: number): boolean {
  const re = PART_OF_DAY_RE;
  re.lastIndex = 0;
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    const wordEnd = m.index + m[0].length;
    if (wordEnd > start && m.index < end) return true;
    const gap = wordEnd <= start ? slice.slice(wordEnd, start) : slice.slice(end, m.index);
    if (MERGING_GAPS.has(gap.trim().toLowerCase())) return true;
  }
  return false;
}
// chrono merges a date with a time only, which the words above exclude; a range or an offset needs one of these before it.
const MERGING_BEFORE_RE = /(?:\b(?:to|until|through|till|after|before|from|since|and|or|of|the|at|t|end|by)|[-–+/.∙\d])\s*$/i;
// chrono appends a timezone abbreviation written in capitals ("9 May 2020, EAT"), as its own pattern finds it.
const TIMEZONE_AFTER_RE = /^\s*,?\s*\(?([A-Z]{2,4})\)?(?=\W|$)/;
const MERGING_AFTER_RE = /^\s*(?:(?:to|until|through|till|and|or|at|after|before|on|of|t|be|ad|bc|bce|ce)\b|[-–+/.:∙\d]|\(\s*[-+\d])/i;
/** Whether chrono reads `abbreviation` as a timezone; asked of chrono once per abbreviation ("IS", "HTS" recur). */
const timezoneMemo = new Map<string, boolean>();
function isTimezoneAbbreviation(abbreviation: string): boolean {
  let known = timezoneMemo.get(abbreviation);
  if (known === undefined) {
    if (timezoneMemo.size >= 10_000) timezoneMemo.clear();
    known = DAY_PARSER.parse(`1 January 2020 ${abbreviation}`)[0]?.text.endsWith(abbreviation) ?? false;
    timezoneMemo.set(abbreviation, known);
  }
  return known;
}

/**
 * MERGING_BEFORE_RE asked of the last word before `index`, not of all the text before it: V8 tries an end-anchored
 * regex at every start position. What it matches ends where the spaces before `index` begin (none of its words or
 * signs ends in a space) and is at most 7 characters long ("through"); the tail keeps one character before that for `\b`.
 */
function mergesBefore(slice: string, index: number): boolean {
  const end = spaceRunStart(slice, index);
  return MERGING_BEFORE_RE.test(slice.slice(Math.max(0, end - 8), end));
}

function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

// "held a protest march in …": chrono reads a lower-case "march" as the month, a result without a capital or a digit,
// which fromChrono drops, unless a day, an ordinal or a year stands next to it ("march 8", "the 5th of march", "march
// 2020") or it stands next to the date, where a refiner could merge the two. Ordinals ("second", "8th") and the
// connectors of chrono's patterns are not plain words here.
const LOWER_MARCH_RE = /\bmarch\b/g;
const NOT_PLAIN_BEFORE_MARCH: ReadonlySet<string> = new Set([
  'of', 'the', 'to', 'until', 'through', 'till', 'and', 'or', 'from', 'since', 'on', 'at', 'by', 'in', 'before', 'after', 'this', 'last',
  'next', 'past', 'early', 'late', 'mid',
]);
const NOT_PLAIN_AFTER_MARCH: ReadonlySet<string> = new Set(['of', 'the', 'to', 'until', 'through', 'till', 'and', 'or', 'ad', 'bc', 'bce', 'ce', 'be', 'on', 'at']);
const isLowerLetter = (c: number): boolean => c >= 97 && c <= 122;

/** chrono's ordinal words, and the tens that open "twenty first" and "thirty-first". */
const ORDINAL_WORDS = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth',
  'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth', 'thirtieth', 'twenty', 'thirty',
];

/**
 * Whether the lower-case ASCII word of `slice` in [from, to) is a plain word beside "march": no connector, and no
 * ordinal at its end (before "march": chrono's ordinal may follow "on" without a space) or at its start (after it).
 */
function plainWord(slice: string, from: number, to: number, before: boolean): boolean {
  if (to - from < 1) return false;
  const word = slice.slice(from, to);
  if ((before ? NOT_PLAIN_BEFORE_MARCH : NOT_PLAIN_AFTER_MARCH).has(word)) return false;
  for (const o of ORDINAL_WORDS) if (before ? word.endsWith(o) : word.startsWith(o)) return false;
  return true;
}

/**
 * How many lower-case "march" words of `slice` chrono reads as a month that yields nothing, each between single spaces
 * and plain lower-case words, away from the date at [start, end); -1 when one of them is not.
 */
function inertMarches(slice: string, start: number, end: number): number {
  const re = LOWER_MARCH_RE;
  re.lastIndex = 0;
  let n = 0;
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    const at = m.index;
    const after = at + 5;
    let prev = at - 1;
    if (slice.charCodeAt(prev) !== 32) return -1;
    while (prev > 0 && isLowerLetter(slice.charCodeAt(prev - 1))) prev--;
    if (prev > 0 && /\w/.test(slice.charAt(prev - 1))) return -1;
    if (!plainWord(slice, prev, at - 1, true)) return -1;
    if (after < slice.length) {
      if (slice.charCodeAt(after) !== 32) return -1;
      let next = after + 1;
      while (next < slice.length && isLowerLetter(slice.charCodeAt(next))) next++;
      if (next < slice.length && /\w/.test(slice.charAt(next))) return -1;
      if (!plainWord(slice, after + 1, next, false)) return -1;
    }
    if (after > start && at < end) return -1;
    const gap = after <= start ? slice.slice(after, start) : slice.slice(end, at);
    if (MERGING_GAPS.has(gap.trim().toLowerCase())) return -1;
    n++;
  }
  return n;
}

/**
 * The candidate chrono would yield for a window whose only date word is one "[on] D Month YYYY", or null when the
 * window holds anything chrono might read differently (then chrono reads it). Same span (with "on"), a day point.
 * `dateWords` is the count of DATE_WORDS_RE matches in the window, which the caller has already made.
 */
function plainDayMonthYear(slice: string, base: number, dateWords: number): Candidate | null {
  if (dateWords !== 1 && !(dateWords > 1 && slice.includes('march'))) return null;
  const m = DAY_MONTH_YEAR_RE.exec(slice);
  if (!m) return null;
  const end = m.index + m[0].length;
  // One search rules out every companion in most windows; a part of the day away from the date does not count.
  if (CHRONO_COMPANION_RE.test(slice) && (COMPANION_BUT_PART_OF_DAY_RE.test(slice) || partOfDayBeside(slice, m.index, end))) return null;
  if (mergesBefore(slice, m.index)) return null;
  if (dateWords !== 1 && dateWords !== 1 + inertMarches(slice, m.index, end)) return null;
  const after = slice.slice(end);
  const timezone = TIMEZONE_AFTER_RE.exec(after);
  if ((timezone && isTimezoneAbbreviation(timezone[1] ?? '')) || MERGING_AFTER_RE.test(after)) return null;
  const y = Number(m[3]);
  const month = monthNumber(m[2]);
  const d = Number(m[1]);
  const day = dayFromParts(y, month, d);
  // chrono drops "31 June"; leave it to chrono. (Date.UTC rolls a day past the month's end into the next month.)
  if (d < 1 || day >= dayFromParts(y, month + 1, 1)) return null;
  return { start: base + m.index, end: base + end, first: day, last: day, precision: 'day', kind: 'point', priority: 1 };
}

// "on the morning of 27 March 2022": chrono merges the part of the day into the date and then knows neither; the date
// after "of" is read alone (only when it names a day or month, so "the night of Tuesday to Wednesday" is left as it is).
const PART_OF_DAY_OF = /^(?:morning|afternoon|evening|night)\s+of\s+/i;
function withoutPartOfDay(r: chrono.ParsedResult, reference: chrono.ParsingReference): ChronoReading {
  const lead = PART_OF_DAY_OF.exec(r.text);
  if (!lead || r.start.isCertain('day') || r.start.isCertain('month')) return r;
  const inner = DAY_PARSER.parse(r.text.slice(lead[0].length), reference)[0];
  if (!inner || inner.index !== 0 || !(inner.start.isCertain('day') || inner.start.isCertain('month'))) return r;
  return { index: r.index + lead[0].length, text: inner.text, start: inner.start, end: inner.end };
}

// "In February, 79 inmates died", "on March 3, 45 people were killed": a count after a month and a comma, which chrono
// reads as a two-digit year. Blanked (same length, so offsets hold) before chrono sees the window.
const COUNT_AFTER_MONTH_COMMA = /(\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?)(,\s*\d{1,2})(?=\s+[a-z])/g;
const COMMA_COUNT_WORD = /,\s*\d{1,2}\s+[a-z]/;

const isNumberCue = (cue: string): boolean => /^\d+$/.test(cue);
/** Each rule's cues that are numbers: the year's digits, which most windows hold. The other cues are words, which most lack. */
const NUMBER_CUES = PERIOD_RULES.map((r) => r.cue.filter(isNumberCue));
const CUE_WORD_RE = new RegExp([...new Set(PERIOD_RULES.flatMap((r) => r.cue).filter((c) => !isNumberCue(c)))].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

function includesAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}

function candidatesIn(text: string, w: Span, published: number, reference: () => chrono.ParsingReference): Candidate[] {
  let slice = text.slice(w.start, w.end);
  if (COMMA_COUNT_WORD.test(slice)) slice = slice.replace(COUNT_AFTER_MONTH_COMMA, (_, month: string, count: string) => month + ' '.repeat(count.length));
  const lower = slice.toLowerCase();
  // Most windows hold no cue word but a year's digits: one search rules the words out for all rules at once.
  const anyCueWord = CUE_WORD_RE.test(lower);
  const found: Candidate[] = [];
  for (let k = 0; k < PERIOD_RULES.length; k++) {
    const rule = PERIOD_RULES[k]!;
    if (!includesAny(lower, anyCueWord ? rule.cue : NUMBER_CUES[k]!)) continue;
    const re = rule.re;
    re.lastIndex = 0;
    for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
      const r = rule.resolve(m, published);
      if (r) found.push({ start: w.start + m.index, end: w.start + m.index + m[0].length, kind: 'period', priority: 0, ...r });
    }
  }
  // fromChrono keeps only phrases with a date word, so a window without one cannot yield a chrono date.
  const dateWords = countMatches(DATE_WORDS_RE, slice);
  if (dateWords > 0) {
    const plain = plainDayMonthYear(slice, w.start, dateWords);
    if (plain) found.push(plain);
    else {
      const ref = reference();
      for (const r of (END_OF_PERIOD.test(slice) ? DAY_PARSER : DAY_PARSER_NO_END_OF).parse(slice, ref)) {
        const c = fromChrono(withoutPartOfDay(r, ref), slice, w.start, published);
        if (c) found.push(c);
      }
    }
  }
  return resolveOverlaps(found.map((c) => refinePrefix(refineSince(refineLeadingOn(c, text), text, published), text)));
}

/**
 * Dates and periods in `text`, resolved against `published` (YYYY-MM-DD, UTC), sorted by start.
 * Spans are offsets into `text` plus `offset` and include "since", "on", "late on" and the like.
 */
export function recognizeDates(text: string, published: string, offset = 0): DateMention[] {
  const p = dayNumber(published);
  // Built only for a window chrono reads (most windows take the fast path), then shared by the others.
  let ref: chrono.ParsingReference | undefined;
  const reference = (): chrono.ParsingReference => (ref ??= { instant: new Date(`${published}${REFERENCE_HOUR}`), timezone: 'UTC' });
  const kept: Candidate[] = [];
  let lastEnd = 0;
  for (const w of windows(text)) {
    for (const c of candidatesIn(text, w, p, reference)) {
      if (c.start < lastEnd) continue;
      lastEnd = c.end;
      kept.push(c);
    }
  }
  // "killed 300 over five days … in March last year": the days lie in the month named, not before publication.
  const named = kept.some((c) => c.precision === 'month');
  const out: DateMention[] = [];
  for (const c of kept) {
    if (named && c.duration) continue;
    const range: DayRange = { start: dayFromNumber(c.first), end: dayFromNumber(Math.min(c.last, Math.max(c.first, p))) };
    out.push({ span: { start: c.start + offset, end: c.end + offset }, text: text.slice(c.start, c.end), range, precision: c.precision, kind: c.kind });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Which of a sentence's dates tells when its event happened: pure tests on the sentence text, for the assembly's choice.
// `start` and `end` are the mention's offsets into `sentence`.

/** Field labels of a listing ("Date: 3 Jul 2016", "Date of incident:", "When:"): the line is the record's date. */
const DATE_LABEL = '\\s*(?:dates?(?:\\s+(?:and\\s+time|of\\s+(?:the\\s+)?(?:incident|attack|event|killing|death)s?))?|(?:incident|event|attack)\\s+date|when)\\s*:';
const DATE_LABEL_START_RE = new RegExp(`^${DATE_LABEL}`, 'i');
const DATE_LABEL_ONLY_RE = new RegExp(`^${DATE_LABEL}\\s*$`, 'i');

/** Whether a line starts with a date field label: a cheap test before its dates are read. */
export function hasDateLabel(sentence: string): boolean {
  return DATE_LABEL_START_RE.test(sentence);
}

/** The date right after a field label at the start of its line: the date of every line of that record. */
export function isLabelledDate(sentence: string, start: number): boolean {
  return DATE_LABEL_ONLY_RE.test(sentence.slice(0, start));
}

// Only a preposition before the date ("In early May 2017, …" is read as "early May 2017").
// "Night of 11 to 12 June 2022 - Seytenga, …": the part of the day may lead the date of an entry.
const SENTENCE_OPENING_RE = /^\s*(?:(?:in|on|during|by|at|around)\s+)?(?:(?:the\s+)?(?:night|morning|evening|afternoon)\s+of\s+)?$/i;
const OPENING_DATE_WORD_RE =
  /^\s*(?:(?:in|on|during|by|at|around)\s+)?(?:(?:early|late|mid)[\s-]+(?:on\s+)?)?(?:\d|night|morning|evening|afternoon|the night|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|last|this|yesterday|between)/i;

/** Whether a sentence may open with a date: a cheap test before its dates are read for a frame. */
export function mayOpenWithDate(sentence: string): boolean {
  return OPENING_DATE_WORD_RE.test(sentence);
}

/**
 * "In May 2017, militants seized …", "since October 2022, when two car bombs exploded …": a date that opens its
 * sentence, or one a when-clause follows, is the time of the clause after it, however long ago.
 */
export function framesClause(sentence: string, start: number, end: number): boolean {
  const after = sentence.slice(end);
  return WHEN_CLAUSE_AFTER_RE.test(after) || opensSentence(sentence, start, end) || OCCURRED_BEFORE_RE.test(sentence.slice(Math.max(0, start - 30), start));
}
// "The previous deadliest raid took place in May 2021 in X, where 28 people were killed": the time of the event told.
const OCCURRED_BEFORE_RE = /\b(?:took\s+place|happened|occurred|was\s+carried\s+out)\s+(?:(?:in|on|during)\s+)?$/i;

/**
 * "In May 2017, …", "On Friday, …": the date, set off by a comma, that the sentence opens with; or the date heading a
 * dated entry ("9 June 2022 - Seytenga, Seno province.", "12 March: …").
 */
export function opensSentence(sentence: string, start: number, end: number): boolean {
  return SENTENCE_OPENING_RE.test(sentence.slice(0, start)) && /^\s*(?:,|[-–—:]\s)/.test(sentence.slice(end));
}

/**
 * "Two car bombs killed 587 people in Mogadishu in October 2017", "an attack in March killed 20": a date in the clause
 * of a violence verb is that violence's time, however long ago; "since the violence spread there in 2015" or "founded
 * in 2009" is background.
 */
export function inViolenceClause(sentence: string, start: number, end: number): boolean {
  const before = clauseBefore(sentence, start);
  if (EVENT_VERB_RE.test(before)) return true;
  // "A similar attack in March killed 20": the verb after the date, up to where its clause ends. Not when the date is
  // a span's bound or an onset in a relative clause ("since 2011 has killed", "the insurgency that began in 2009 has killed").
  if (SPAN_BOUND_RE.test(sentence.slice(start, end)) || ONSET_RE.test(before)) return false;
  const after = /^[^,;:]*/.exec(sentence.slice(end))![0];
  CLAUSE_MARK_RE.lastIndex = 0;
  const mark = CLAUSE_MARK_RE.exec(after);
  return EVENT_VERB_RE.test(mark ? after.slice(0, mark.index) : after);
}
const SPAN_BOUND_RE = /^(?:since|from|until|till|through|throughout|by)\b/i;
const ONSET_RE = /\b(?:that|which|who|began|begun|started|erupted|broke\s+out|launched|founded|formed)\b/i;

/** What is done after an event (burials, funerals, statements, releases of names, visits): a date these govern is not the event's. */
const AFTERMATH_VERB =
  '(?:funerals?|burials?|vigils?|memorial|buried|bury|buries|burying|laid\\s+to\\s+rest|mourned|mourn|mourns|released|releases|published|publishes|announced|announces|said|says|told|reported|reports|confirmed|confirms|visited|visits|attended|identified|named|condemned|condemns|denounced|vowed|paid\\s+tribute|claimed\\s+responsibility|commemorated|issued|dug\\s+up|exhumed|exhuming|recovered|retrieved)';
const AFTERMATH_NOUN_RE = /^(?:funerals?|burials?|vigils?|memorial)$/i;
const AFTERMATH_VERB_RE = new RegExp(`\\b${AFTERMATH_VERB}\\b`, 'gi');
// "Police on Sunday released …", "marched on Saturday to mourn …", "gathered on Sunday for the funerals of …".
// "On Sunday, the interior ministry released …": the subject may come between the opening date and the verb.
const AFTERMATH_AFTER_RE = new RegExp(`^\\s*,?\\s*(?:[\\w'’-]+\\s+){0,3}?(?:(?:to|for|at)\\s+(?:(?:the|a)\\s+)?)?${AFTERMATH_VERB}\\b`, 'i');
/**
 * Verbs of the violence itself: once one follows the aftermath verb ("released the names of those killed on …"), the
 * date is the event's. Not as a noun after "the" ("visited the wounded on Thursday").
 */
const EVENT_VERB_RE =
  /(?<!\bthe\s+)\b(?:killed|killing|kills|died|dying|attacked|attacking|stormed|shot|struck|bombed|shelled|exploded|ambushed|raided|massacred|executed|murdered|clashed|fought|abducted|kidnapped|wounded|injured|opened\s+fire|blew)\b/i;
/** "buried the victims of the attack on Friday": the date of an event named after the aftermath verb is the event's. */
const EVENT_NOUN_RE =
  /\b(?:attacks?|bombings?|blasts?|explosions?|shootings?|massacres?|ambush(?:es)?|raids?|(?:air\s*)?strikes?|airstrikes?|clashes|fighting|killings?|assault|shelling)\b/i;
/** Where a clause begins: a date after one of these is governed by that clause's verb, not by the sentence's first. */
const CLAUSE_MARK_RE = /[;:]|\b(?:after|before|when|while|as|since|following|until|because|whereas)\b/gi;

/** The words of the mention's clause before it: from the last clause mark before `start`. */
function clauseBefore(sentence: string, start: number): string {
  const before = sentence.slice(0, start);
  let clauseStart = 0;
  CLAUSE_MARK_RE.lastIndex = 0;
  for (let m = CLAUSE_MARK_RE.exec(before); m !== null; m = CLAUSE_MARK_RE.exec(before)) clauseStart = m.index + m[0].length;
  return before.slice(clauseStart);
}

/**
 * "Families buried their dead on Sunday after gunmen attacked the beach late on Friday", "Police on Sunday released
 * the names of those killed on Saturday": whether the mention dates what followed the event rather than the event.
 */
export function isAftermathDate(sentence: string, start: number, end: number): boolean {
  // "buried the victims of Friday's attack": a possessive day names the event.
  if (/['’]s$/.test(sentence.slice(start, end))) return false;
  const clause = clauseBefore(sentence, start);
  let last: RegExpExecArray | null = null;
  AFTERMATH_VERB_RE.lastIndex = 0;
  for (let m = AFTERMATH_VERB_RE.exec(clause); m !== null; m = AFTERMATH_VERB_RE.exec(clause)) last = m;
  if (last) {
    const object = clause.slice(last.index + last[0].length);
    // "a suicide bomber struck a funeral on Friday": a funeral the violence hit is the event's scene.
    const struckRite = AFTERMATH_NOUN_RE.test(last[0]) && EVENT_VERB_RE.test(clause.slice(0, last.index));
    return !struckRite && !EVENT_VERB_RE.test(object) && !EVENT_NOUN_RE.test(object);
  }
  // "Police on Sunday released …": the date between the subject and its verb.
  const ahead = AFTERMATH_AFTER_RE.exec(sentence.slice(end, end + 60));
  return !EVENT_VERB_RE.test(clause) && ahead !== null && !EVENT_VERB_RE.test(ahead[0]);
}
