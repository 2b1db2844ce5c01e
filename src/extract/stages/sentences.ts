// Splits a report body into paragraphs and sentences with exact offsets, so every later mention can point at its sentence.
import { allMatches, isRegexSpace } from '../regex.js';
import type { Sentence } from '../mentions.js';

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'st', 'sr', 'jr', 'no', 'vs', 'etc', 'approx',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'p.m', 'a.m', 'u.s', 'u.n', 'u.k',
  'e.g', 'i.e', 'gov', 'rep', 'sen', 'rev', 'mt', 'ft', 'km', 'inc', 'co', 'corp', 'dept', 'est', 'fig', 'al',
  // ranks and titles written before names
  'cpl', 'pvt', 'pte', 'insp', 'supt', 'cmdr', 'adm', 'brig', 'det', 'fr',
]);

const DATELINE = /^([A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3})(?:,\s*[A-Z][\p{L}.]+)?\s*(?:\([^)]{1,40}\)\s*)?[-–—:]\s/u;
// A short line with no closing punctuation between paragraphs is a section heading ("Reports of Mass Executions"):
// what /^[^.!?]{3,90}$/ accepts, with the length looked at first (most lines are long).
const isHeading = (line: string): boolean => line.length >= 3 && line.length <= 90 && !/[.!?]/.test(line);
const CAPTION = /^(photo|image|picture|caption|image caption|video|file photo|pictured)\s*:/i;
// A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace.
const BOUNDARY = /[.!?]["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])/g;

// After a clock time, the sentence goes on only into a day, a month or a time zone ("3 p.m. Friday", "4 a.m. GMT"): AP style.
const AFTER_CLOCK_CONTINUES = /^\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|[A-Z]{2,4}T\b|UTC\b)/;

function endsWithAbbreviation(text: string, dotIndex: number): boolean {
  const before = text.slice(Math.max(0, dotIndex - 6), dotIndex);
  const word = /([A-Za-z.]+)$/.exec(before)?.[1]?.toLowerCase();
  if (!word) return false;
  if (word === 'a.m' || word === 'p.m') return AFTER_CLOCK_CONTINUES.test(text.slice(dotIndex + 1, dotIndex + 14));
  if (ABBREVIATIONS.has(word)) return true;
  // Single capital initials ("J. Smith") do not end sentences.
  return /^[a-z]$/.test(word) && /[A-Z]/.test(text[dotIndex - 1] ?? '');
}

function splitParagraph(text: string, base: number): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const m of allMatches(BOUNDARY, text)) {
    const dot = m.index;
    if (text[dot] === '.' && endsWithAbbreviation(text, dot)) continue;
    const end = dot + m[0].length;
    spans.push({ start: base + start, end: base + end });
    start = end;
    while (start < text.length && isRegexSpace(text.charCodeAt(start))) start++;
  }
  if (start < text.length) spans.push({ start: base + start, end: base + text.trimEnd().length });
  return spans;
}

function hasTwoNonBlankLines(lines: string[]): boolean {
  let nonBlank = 0;
  for (const line of lines) if (line.trim() && ++nonBlank === 2) return true;
  return false;
}

/**
 * Paragraphs are lines; the first non-empty line is the headline when a body follows it (a one-line report, such as
 * a monitor's note, is all body), "Photo: …" lines are captions.
 */
export function splitSentences(body: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let offset = 0;
  const lines = body.split('\n');
  let sawHeadline = !hasTwoNonBlankLines(lines);
  for (const line of lines) {
    const lineStart = offset;
    offset += line.length + 1;
    const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
    const lead = trimmed.length - trimmed.trimStart().length;
    const content = trimmed.trim();
    if (!content) continue;
    const role: Sentence['role'] = !sawHeadline ? 'headline' : CAPTION.test(content) ? 'caption' : isHeading(content) ? 'heading' : 'body';
    sawHeadline = true;
    const dateline = DATELINE.exec(content);
    splitParagraph(content, lineStart + lead).forEach((span, i) => {
      const datelineSpan = i === 0 && dateline ? { start: span.start, end: span.start + dateline[0].length } : null;
      sentences.push({ index: sentences.length, paragraph, span, text: body.slice(span.start, span.end), role, dateline: datelineSpan });
    });
    paragraph++;
  }
  return sentences;
}
