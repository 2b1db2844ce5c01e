// Number recognizer: counts in English text ("52", "fifty-two", "at least 124", "dozens", "5-7") and ages.
import type { Qualifier, Span } from '../../domain/types.js';
import type { NumberMention } from '../mentions.js';
import { isRegexSpace, phraseAlternation } from '../regex.js';
import {
  IDENTIFIER_WORDS,
  MEASURE_NOUNS,
  MONTH_NAMES,
  PHRASE_NUMBERS,
  PREFIX_QUALIFIERS,
  SCALE_WORDS,
  SUFFIX_QUALIFIERS,
  TENS_WORDS,
  UNIT_WORDS,
  UNSPECIFIED_PHRASES,
  VAGUE_MODIFIERS,
  VAGUE_PHRASES,
} from './number-words.js';

/**
 * An alternation of phrases that tries the longest first, so that "seventeen" wins over "seven". In prefix-tree form:
 * the figure regex is tried at every position of every report, and a flat list of qualifiers and number words there
 * costs as much as all the rest of the stage.
 */
const alternation = (phrases: Iterable<string>): string => phraseAlternation(phrases);

// Vague plurals that are only quantities before "of" ("tens of", not "tens"; "scores of", not "settle scores").
const NEEDS_OF = new Set(['tens', 'scores']);

const UNIT = alternation(Object.keys(UNIT_WORDS));
const DIGIT_WORD = alternation(Object.keys(UNIT_WORDS).filter((w) => (UNIT_WORDS[w] ?? 0) < 10));
const TENS = alternation(Object.keys(TENS_WORDS));
const SCALE = alternation(Object.keys(SCALE_WORDS));
const BIG_SCALE = 'thousand|million|billion';
const BELOW_100 = `(?:(?:${TENS})(?:[-\\s](?:${DIGIT_WORD})\\b)?|(?:${UNIT}))\\b`;
// "a" only counts when a scale follows ("a hundred", "a dozen"); "a man" is the caller's business.
const WORD_NUMBER = `(?:a(?=[\\s-]+(?:${SCALE})\\b)|${BELOW_100})(?:[\\s-]+(?:${SCALE})\\b(?:(?:\\s+and)?\\s+${BELOW_100})?)*`;
const VAGUE = `(?:(?:${alternation(VAGUE_MODIFIERS)})\\s+(?:${SCALE})s?|${Object.keys(VAGUE_PHRASES)
  .sort((a, b) => b.length - a.length)
  .map((p) => (NEEDS_OF.has(p) ? `${p}(?=\\s+of\\b)` : p.replace(/ /g, '\\s+')))
  .join('|')})\\b`;
const PHRASE = `(?:${alternation(Object.keys(PHRASE_NUMBERS))})\\b`;
// Decimals only with a scale ("1.5 million"); "1.400" and "10:30" and "10%" and "6th" never match.
const DIGITS = `(?:\\d+\\.\\d+\\s+(?:${BIG_SCALE})|(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\s+(?:${BIG_SCALE}))?)(?![\\w%]|[.,:/]\\d)`;
const CORE = `(?:${VAGUE}|${PHRASE}|${WORD_NUMBER}|${DIGITS})`;
const SUFFIX = `\\s*\\+|-plus\\b|\\s+plus\\b|\\s+or\\s+(?:more|so)\\b|-odd\\b|\\s+odd\\b`;

/**
 * One pass over the text. Alternatives: a figure with its qualifiers and an optional range tail;
 * "between A and B"; a quantity word with no figure. The lookbehind keeps "Kurdistan24", "Su-24",
 * "$5" and the tail of "1.5" out. Every alternative starts at a word edge (the first one with a letter or digit after
 * its lookbehind, which excludes \w): the one `\b` in front rejects the positions inside words before any alternative
 * is tried.
 */
const NUMBER_SOURCE =
  `\\b(?:(?<![\\w$£€#.,/:\\-–])(?:(?<q>${alternation(Object.keys(PREFIX_QUALIFIERS))})\\s+)?(?<a>${CORE})` +
    `(?:(?<sep>\\s*[-–]\\s*|\\s+(?:to|or)\\s+)(?<b>${CORE}))?(?<s>${SUFFIX})?` +
    `|between\\s+(?<ba>${CORE})\\s+and\\s+(?<bb>${CORE})` +
    `|(?<u>${alternation(UNSPECIFIED_PHRASES)})\\b)`;
/** NUMBER_SOURCE's groups, in the order they open: `groupsOf` reads them by number. */
const GROUP_NAMES = ['q', 'a', 'sep', 'b', 's', 'ba', 'bb', 'u'] as const;
if ([...NUMBER_SOURCE.matchAll(/\(\?<(\w+)>/g)].map((m) => m[1]).join() !== GROUP_NAMES.join()) throw new Error('NUMBER_SOURCE groups changed');
/**
 * Compiled with the group names dropped: a match of a regex with named groups carries a `groups` object, built for
 * every match in every report and read name by name. No "d" flag either: indices for every group are an array per group
 * per match; `figureSpans` works the two figures' offsets out from the group texts instead.
 */
const NUMBER_RE = new RegExp(NUMBER_SOURCE.replace(/\(\?<(\w+)>/g, '('), 'gi');

/** Zero-width test that `pattern` ends right before `pos` (no slicing in the hot path). */
const before = (pattern: string, flags = 'i'): RegExp => new RegExp(`(?<=${pattern})`, `y${flags}`);
/** Test that `pattern` starts right at `pos`. */
const after = (pattern: string, flags = 'i'): RegExp => new RegExp(pattern, `y${flags}`);

const test = (re: RegExp, text: string, pos: number): boolean => {
  re.lastIndex = pos;
  return re.test(text);
};

const AFTER_MEASURE = after(
  `(?:\\s+of)?\\s+(?:${MEASURE_NOUNS.join('|')})(?![\\w])|\\s*(?:%|per\\s*cent\\b|percent\\b)` +
    `|\\s*(?:[ap]\\.\\s?m\\b\\.?|[ap]m\\b)|-(?!odd\\b|plus\\b)[a-z]`,
);
// "aged 30", "at the age of 7", "between the ages of nine and 12": both ends of an age span are ages, not counts.
const BEFORE_AGE = before(`\\b(?:aged|ages?|age\\s+of|ages\\s+of)\\s+|\\baged\\s+\\d{1,3}\\s+(?:and|to)\\s+(?=\\d)|\\b(?:ages\\s+of|aged\\s+between|ages\\s+between)\\s+[\\w-]+\\s+(?:and|to)\\s+`);
const BEFORE_YEAR = before(
  `(?:\\b(?:in|since|from|until|till|by|of|during|before|after|early|late|mid|the|year|between|and|to|through|throughout|summer|spring|autumn|fall|winter)[\\s-]+` +
    `|\\b${MONTH_NAMES}\\.?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?|\\(\\s*)`,
  '',
);
const AFTER_YEAR = after(`\\s*[-–/]\\s*\\d|'s\\b|\\s*\\)`, '');
const BEFORE_MONTH = before(`\\b${MONTH_NAMES}\\.?\\s+`, '');
const AFTER_MONTH = after(`(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAMES}\\b`, '');
const BEFORE_IDENTIFIER = before(`\\b(?:${IDENTIFIER_WORDS.join('|')})\\s*`, '');
// "Ahmad Abusalah, 42, was killed": a number set off by commas after a name and before a singular verb or a
// description of the person is an age (a count of people would take "were").
const BEFORE_APPOSED_AGE = before(`\\p{Lu}[\\p{L}'’-]+,\\s*`, 'u');
// An adverb may come first: "his son Talha Naeem, 21, also died".
const AFTER_APPOSED_AGE = after(`\\s*,\\s*(?:(?:also|later|too|then)\\s+)?(?:was|is|has|had|who|died|succumbed|remains|a|an|the|from|and\\s+(?:his|her))\\b`, 'iu');
// "no one", "the one who", "at one point": a pronoun or an idiom, not a count.
// "a father of three", "a mother of five": how many children the person has, not how many died.
const BEFORE_PARENT_OF = before(`\\b(?:father|mother|parent|grandfather|grandmother)\\s+of\\s+`);
const BEFORE_PRONOUN_ONE = before(`\\b(?:no|any|every|each|the|this|that|which|at)\\s+`);
const AFTER_PRONOUN_ONE = after(`\\s+another\\b`);
// "rose from 52 to 72" states two figures, not a range; "ranging from 5 to 7" is a range.
const BEFORE_FROM = before(`(?<!rang(?:e|es|ed|ing)\\s+)\\bfrom\\s+`);

const normalize = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');

interface Core {
  value: number;
  vague: boolean;
}

function parseWords(words: string): number {
  let total = 0;
  let current = 0;
  for (const token of words.split(/[\s-]+/)) {
    if (token === 'and' || token === 'a') continue;
    const small = UNIT_WORDS[token] ?? TENS_WORDS[token];
    if (small !== undefined) {
      current += small;
      continue;
    }
    const scale = SCALE_WORDS[token] ?? 1;
    if (scale >= 1000) {
      total += (current || 1) * scale;
      current = 0;
    } else {
      current = (current || 1) * scale;
    }
  }
  return total + current;
}

// Maps of the phrase tables: a figure's text is a fresh string, and an object lookup by one probes V8's string table
// first. (The figure regex only yields number words and digits, none of them a name an object inherits.)
const VAGUE_VALUES: ReadonlyMap<string, number> = new Map(Object.entries(VAGUE_PHRASES));
const PHRASE_VALUES: ReadonlyMap<string, number> = new Map(Object.entries(PHRASE_NUMBERS));

/** The value of one matched figure (without qualifiers). */
function parseCore(raw: string): Core {
  const n = normalize(raw);
  const vague = VAGUE_VALUES.get(n);
  if (vague !== undefined) return { value: vague, vague: true };
  const phrase = PHRASE_VALUES.get(n);
  if (phrase !== undefined) return { value: phrase, vague: false };
  const digits = /^([\d.,]+)(?: (\w+))?$/.exec(n);
  if (digits) {
    const scale = digits[2] === undefined ? 1 : (SCALE_WORDS[digits[2]] ?? 1);
    return { value: Math.round(Number((digits[1] ?? '').replace(/,/g, '')) * scale), vague: false };
  }
  const modified = /^(?:several|a few|few|many) (\w+?)s?$/.exec(n);
  const modifiedScale = modified?.[1] === undefined ? undefined : SCALE_WORDS[modified[1]];
  if (modifiedScale !== undefined) return { value: modifiedScale, vague: true };
  return { value: parseWords(n), vague: false };
}

const isYearLike = (raw: string): boolean => /^(?:19|20)\d{2}$/.test(raw);
const isDayLike = (raw: string): boolean => /^(?:[1-9]|[12]\d|3[01])$/.test(raw);

/** Context that makes a single figure a year, a date, an age, an identifier or a pronoun. */
function isNotACount(text: string, raw: string, start: number, end: number, qualified: boolean): boolean {
  if (test(BEFORE_AGE, text, start) || test(BEFORE_PARENT_OF, text, start)) return true;
  if (/^\d/.test(raw)) {
    if (!qualified && isYearLike(raw) && (test(BEFORE_YEAR, text, start) || test(AFTER_YEAR, text, end))) return true;
    if (isDayLike(raw) && (test(BEFORE_MONTH, text, start) || test(AFTER_MONTH, text, end))) return true;
    if (test(BEFORE_IDENTIFIER, text, start)) return true;
    if (!qualified && Number(raw) <= 120 && test(BEFORE_APPOSED_AGE, text, start) && test(AFTER_APPOSED_AGE, text, end)) return true;
  } else if (!qualified && normalize(raw) === 'one') {
    if (test(BEFORE_PRONOUN_ONE, text, start) || test(AFTER_PRONOUN_ONE, text, end)) return true;
  }
  return false;
}

// The fields written out, not spread: a spread copies them through a generic path, once per number of every report.
function mention(text: string, offset: number, span: Span, fields: Omit<NumberMention, 'span' | 'text'>): NumberMention {
  return {
    span: { start: span.start + offset, end: span.end + offset },
    text: text.slice(span.start, span.end),
    value: fields.value,
    low: fields.low,
    high: fields.high,
    qualifier: fields.qualifier,
    vague: fields.vague,
    unspecified: fields.unspecified,
  };
}

function single(core: Core, qualifier: Qualifier | undefined): Omit<NumberMention, 'span' | 'text'> {
  const q = qualifier ?? (core.vague ? 'approx' : 'exact');
  // A vague plural is ACLED's floor ("dozens" ≥ 12), so it stays open-ended unless bounded above.
  const high = q === 'at_least' || (core.vague && q !== 'at_most') ? null : core.value;
  return { value: core.value, low: core.value, high, qualifier: q, vague: core.vague, unspecified: false };
}

type Groups = Partial<Record<(typeof GROUP_NAMES)[number], string>>;

function groupsOf(m: RegExpExecArray): Groups {
  return { q: m[1], a: m[2], sep: m[3], b: m[4], s: m[5], ba: m[6], bb: m[7], u: m[8] };
}

/** Where the run of `\s` that starts at `pos` ends. */
function spaceRunEnd(text: string, pos: number): number {
  while (pos < text.length && isRegexSpace(text.charCodeAt(pos))) pos++;
  return pos;
}

/**
 * Offsets of the figures in a NUMBER_RE match, as the "d" flag would give them. A figure (CORE) never starts with a
 * space, so the greedy `\s+` before it ends where the space run ends; the range figure follows its separator directly,
 * and "between A and B" ends with B.
 */
function figureSpans(text: string, m: RegExpExecArray, g: Groups): { a?: [number, number]; b?: [number, number] } {
  const end = m.index + m[0].length;
  if (g.a !== undefined) {
    const aStart = g.q === undefined ? m.index : spaceRunEnd(text, m.index + g.q.length);
    const a: [number, number] = [aStart, aStart + g.a.length];
    if (g.b === undefined || g.sep === undefined) return { a };
    const bStart = a[1] + g.sep.length;
    return { a, b: [bStart, bStart + g.b.length] };
  }
  if (g.ba !== undefined && g.bb !== undefined) {
    const aStart = spaceRunEnd(text, m.index + 'between'.length);
    return { a: [aStart, aStart + g.ba.length], b: [end - g.bb.length, end] };
  }
  return {};
}

/** Turns one regex match into zero, one or two mentions, added to `out` (no array per match: most matches are days and years). */
function classify(text: string, offset: number, m: RegExpExecArray, out: NumberMention[]): void {
  const g = groupsOf(m);
  const span: Span = { start: m.index, end: m.index + m[0].length };
  if (g.u !== undefined) {
    out.push(mention(text, offset, span, { value: 0, low: 0, high: null, qualifier: 'approx', vague: false, unspecified: true }));
    return;
  }
  if (test(AFTER_MEASURE, text, span.end) || test(BEFORE_AGE, text, span.start)) return;

  const at = figureSpans(text, m, g);
  const aRaw = g.a ?? g.ba ?? '';
  const aAt = at.a ?? [span.start, span.end];
  const bRaw = g.b ?? g.bb;
  const bAt = at.b;
  const prefix = g.q === undefined ? undefined : PREFIX_QUALIFIERS[normalize(g.q)];
  const suffix = g.s === undefined ? undefined : SUFFIX_QUALIFIERS[normalize(g.s).replace(/^[-\s]+/, '').trim()];
  const qualifier = prefix ?? suffix;
  // The figures are parsed only once the context has kept them: most digits are days and years.
  if (bRaw === undefined || bAt === undefined) {
    if (isNotACount(text, aRaw, aAt[0], aAt[1], qualifier !== undefined)) return;
    out.push(mention(text, offset, span, single(parseCore(aRaw), qualifier)));
    return;
  }

  if (isYearLike(aRaw) || isYearLike(bRaw) || isNotACount(text, aRaw, aAt[0], aAt[1], true)) return;
  if (isNotACount(text, bRaw, bAt[0], bAt[1], true)) return;
  const a = parseCore(aRaw);
  const b = parseCore(bRaw);
  if (g.sep !== undefined && /to/i.test(g.sep) && test(BEFORE_FROM, text, span.start)) {
    out.push(mention(text, offset, { start: aAt[0], end: aAt[1] }, single(a, undefined)));
    out.push(mention(text, offset, { start: bAt[0], end: bAt[1] }, single(b, undefined)));
    return;
  }
  // A falling "range" is a score, a date or a list ("3-2", "12-03"), never a count of people.
  if (b.value <= a.value) return;
  const q = qualifier ?? 'approx';
  out.push(
    mention(text, offset, span, {
      value: a.value,
      low: a.value,
      high: q === 'at_least' ? null : b.value,
      qualifier: q,
      vague: a.vague || b.vague,
      unspecified: false,
    }),
  );
}

/**
 * Counts in `text`, sorted by start and non-overlapping (the regex takes the longest figure at each
 * point). Spans are offsets into `text` plus `offset`. Years, dates, times, ages, measures,
 * percentages, ordinals and identifiers are left out; ages are available from `recognizeAges`.
 */
export function recognizeNumbers(text: string, offset = 0): NumberMention[] {
  const out: NumberMention[] = [];
  // The shared regex, reset: copying it per call cost more than matching a short report.
  const re = NUMBER_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    classify(text, offset, m, out);
  }
  return out;
}

/** An age stated in the text: "aged 47", "a 47-year-old", "five years old", "an eight-month-old". */
export interface AgeMention {
  span: Span;
  text: string;
  value: number;
  unit: 'year' | 'month';
}

const AGE_NUMBER = `(?:\\d{1,3}|${BELOW_100}|a|an)`;
const AGE_RE = new RegExp(
  `\\b(?:aged|age\\s+of)\\s+(?<n1>\\d{1,3}|${BELOW_100})(?![\\w-])` +
    `|(?<![\\w-])(?<n2>${AGE_NUMBER})[-\\s](?<unit>year|month)s?[-\\s]old\\b`,
  'gi',
);

/** Ages, which `recognizeNumbers` skips, so that victims can carry them. */
export function recognizeAges(text: string, offset = 0): AgeMention[] {
  const out: AgeMention[] = [];
  const re = AGE_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const raw = normalize(m.groups?.['n1'] ?? m.groups?.['n2'] ?? '');
    const value = /^\d/.test(raw) ? Number(raw) : raw === 'a' || raw === 'an' ? 1 : parseWords(raw);
    const unit = m.groups?.['unit']?.toLowerCase() === 'month' ? 'month' : 'year';
    out.push({ span: { start: m.index + offset, end: m.index + m[0].length + offset }, text: m[0], value, unit });
  }
  return out;
}
