// Casualty recognizer: turns counts of people next to an outcome word ("executed 52 Alawite men", "five dead") into figures.
import { allMatches, isRegexSpace, phraseAlternation } from '../regex.js';
import type { Category, Outcome, Qualifier, Span } from '../../domain/types.js';
import { lexicons, type Lexicons } from '../lexicon.js';
import type { NumberMention, Sentence } from '../mentions.js';

export type FigureRole = 'whole' | 'part' | 'subset';

/** A stated count with its bounds: shared by counts, figures and the statements folded from them. */
export interface Quantity {
  value: number;
  low: number;
  high: number | null;
  qualifier: Qualifier;
  vague: boolean;
}

/** One count of casualties in one sentence, with what it counts and how it relates to the sentence's other counts. */
export interface CasualtyFigure extends Quantity {
  span: Span;
  sentence: number;
  /** "a man", "an officer": a count of one with no numeral. */
  implicit: boolean;
  outcome: Outcome;
  category: Category | null;
  noun: string;
  role: FigureRole;
  /** Figures of one list sharing one verb ("four civilians and 28 militants lost their lives") share a group. */
  group: number;
  /** A cumulative statement ("bringing the toll to 124", "the number killed stands at 532"). */
  cumulative: boolean;
  /** Refers back to a figure given earlier ("the 15", "52 previously reported"). */
  backReference: boolean;
  /** A coder's total for the whole report ("Fatalities coded as 10", ACLED's convention for unclear counts). */
  coded: boolean;
  /** Deaths added to a count already given ("the bodies of 17 more", "another 12", "a further three"). */
  increment: boolean;
  rule: string;
}

interface Count extends Quantity {
  start: number;
  end: number;
  implicit: boolean;
  /** "the man": one person already introduced; only counted right beside a death verb ("killing the man", "the victim died"). */
  definite?: boolean;
  /** The noun phrase of a one-person count found by its syntax rather than the lexicon ("a drug suspect"). */
  noun?: string;
}

interface NounPhrase {
  end: number;
  noun: string;
  category: Category | null;
  anaphoric: boolean;
}

/**
 * "killed a man", ", a woman", "when a bomb …": the article and its noun phrase, after a death verb, a comma or a
 * conjunction. Matched from the article: V8 finds "a"/"an" fast and only there looks behind for what must come before
 * it, instead of trying those words at every position. Group 1 is what came before, as a forward search
 * /(before)\b(an?)\s+(…)/ would give it; `genericSingles` keeps the matches that search finds.
 */
const GENERIC_SINGLE = /(?=an?\s)\b(?<=((?:\b(?:killed|killing|assassinated|assassinating|murdered|murdering|executed|executing|shot dead|lynched|beheaded|the body of|the bodies of|the corpse of)\s+|^|[,;]\s+|\b(?:and|when|after|while)\s+)))(an?)\s+((?:(?:\p{N}+-)?[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+)(?=\s+(?:was|had been)\s+(?:killed|shot dead|shot and killed|stabbed to death|beaten to death|hacked to death|burned to death|assassinated|murdered|found dead|executed|lynched|beheaded|tortured to death)\b|\s+died\b|\s+(?:who|of|from|in|at|on|near|inside|outside|with)\b|[,.;]|$)/giu;

/**
 * GENERIC_SINGLE's matches as the forward search gives them: each one starts (with the words before its article) at or
 * after the end of the one before. The words before an article hold no other article, so the articles come in the
 * order of the starts.
 */
function genericSingles(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let previousEnd = 0;
  const re = GENERIC_SINGLE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index - m[1]!.length < previousEnd) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push(m);
    previousEnd = m.index + m[0].length;
  }
  re.lastIndex = 0;
  return out;
}
// Nouns after "killed a …" that are not people.
const NON_PERSON = new Set(['cow', 'cows', 'cattle', 'goat', 'goats', 'sheep', 'camel', 'dog', 'animal', 'vehicle', 'car', 'truck', 'bus', 'tank', 'house', 'home', 'building', 'shop', 'motorcycle', 'bomb', 'mine', 'drone', 'number', 'total', 'result', 'way', 'lot', 'bit', 'deal', 'day', 'week', 'month', 'year', 'time', 'while', 'statement', 'video', 'attack', 'clash', 'operation', 'raid', 'strike', 'blow', 'convoy', 'checkpoint', 'position', 'post', 'base', 'village', 'town', 'city', 'area', 'road', 'bridge', 'group', 'crowd', 'protest', 'demonstration', 'meeting', 'case', 'report', 'fire', 'shot', 'bullet', 'gun', 'weapon', 'rifle', 'knife', 'machete', 'explosion', 'blast', 'incident', 'dispute', 'fight', 'scuffle', 'series', 'family', 'unit', 'patrol', 'team', 'member']);
const IRREGULAR_PLURALS = new Set([
  'men', 'women', 'children', 'people', 'police', 'personnel', 'militiamen', 'gunmen', 'policemen', 'servicemen', 'fishermen',
  'policewomen', 'displaced', 'family', 'troops', 'kids', 'others', 'casualties', 'bodies', 'lives', 'relatives',
]);
/**
 * The head noun of "a police officer attached to…": the first person noun among the first `within` words, extended over
 * the person nouns right after it, or a word or two of modifier later ("a police special forces officer").
 */
function headNoun(words: string[], lex: Lexicons, within = words.length): string | undefined {
  const first = words.slice(0, within).findIndex((w) => lex.victimWords.has(w));
  if (first < 0) return undefined;
  let head = first;
  for (;;) {
    const step = [1, 2, 3].find((k) => head + k < words.length && lex.victimWords.has(words[head + k]!) &&
      words.slice(head + 1, head + k).every((w) => /^[a-z][\p{L}-]*$/u.test(w) && !COMPOUND_BREAK.test(w)));
    if (step === undefined) return words[head];
    head += step;
  }
}
// A modifier may carry digits: "a 10-year-old boy", "a 22-year-old man".
// The words are read in a lookahead, so that the next determiner among them ("with a knife stabbed a journalist") starts
// a match of its own.
const IMPLICIT_DETERMINER = /(?<![\p{L}\p{N}])(a|an|one|his|her|their|its|another|the|both)\s+(?=((?:\p{N}+-)?[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,3}))/giu;
// Words that may sit between a verb and its count ("killed at least", "executed some") or between count and noun.
const AUX = /^(?:\s*,?\s*(?:who|that|which|were|was|have|has|had|been|being|are|is|all|also|later|reportedly|allegedly|reported|confirmed|subsequently|eventually|then|both|each|either|apparently|feared|believed|said to have|later|now|in total|went|go|remain|remains|remained|still)\b)*\s*/i;
const APPOSITION = /^\s*,\s*(?:[^,;:.]{1,60}?\b(?:of them|of whom|among them|including|among whom|mostly|most of them|many of them|all of them)\b[^,;:.]{0,40}?|[^,;:.]{0,40}?\b(?:of them|of whom|among them)\b)\s*,/i;
// Between two elements of one list: "a man, three women and a child", "a mother and her three children".
const DASH_APPOSITION = /^\s+[-–—]\s+[^-–—.;]{1,90}?\s+[-–—]/;
// "an officer, Chief Inspector Arnon Zamora, 36, was killed": the name (and age) of the one counted, between commas.
const NAME_APPOSITION = /^\s*,\s*(?:\p{Lu}[\p{L}.'’-]*\s+){1,5}\p{Lu}[\p{L}'’-]*(?:\s+and\s+(?:\p{Lu}[\p{L}.'’-]*\s+){1,5}\p{Lu}[\p{L}'’-]*)?\s*,(?:\s*(?:aged\s+)?\d{1,3}\s*,)?/u;
// "seven children between the ages of nine and 12 were killed", "two boys aged 10 and 14 died": their ages, then the verb.
const AGE_MODIFIER = /^\s*,?\s*(?:aged\s+(?:between\s+)?[\w-]+(?:\s*(?:-|–|to|and)\s*[\w-]+)?|between\s+the\s+ages\s+of\s+[\w-]+\s+(?:and|to)\s+[\w-]+|(?:under|below|over)\s+the\s+age\s+of\s+[\w-]+)(?:\s*,)?(?=\s)/i;
const DEATH_NOUN_AFTER = /^\s*["“'‘]?(?:[\p{L}-]+\s+){0,2}?["”'’]?(?:killings|deaths|fatalities|casualties)\b/u;
const LIST_GAP = /^\s*(?:,\s*)?(?:(?:and|as well as|plus|along with)\s+)?(?:(?:his|her|their|its)\s+)?$/i;
const PRE_OUTCOME_GAP = /\s+(?:(?:of|at least|no fewer than|more than|up to|some|about|around|nearly|almost|over|the|another|between)\s+)*$/i;
// "killed and wounded 12": the count belongs to both verbs; the first one decides.
const SECOND_VERB = /\s+(?:and|or)\s+(?:injured|wounded|injuring|wounding|killed|killing)$/i;
const TOLL_FRAME = /\b(toll|tally|count|number|total|figure)\b[^.;]{0,80}?\b(at|to|of|is|was|stands at|stood at|reached|rose to|risen to|climbed to|hit|passed|exceeded|topped)\s*$/i;
const BACK_REFERENCE_BEFORE = /\b(?:the|those|these)\s*$/i;
const BACK_REFERENCE_AFTER = /^\s*(?:previously|already|earlier)\s+(?:reported|announced|mentioned|documented)/i;
const OF_THOSE = /^\s*(?:of|among)\s+(?:those|them|these|the dead|the victims)\b/i;
const ANAPHORA = /^\s*(?:of\s+(?:them|whom|those|these)\b)/i;
/**
 * `test` of one text, remembered for the last text asked: every count of a sentence asks it of the same sentence text.
 * Keyed by the text itself, so it cannot go stale.
 */
function lastTextMemo(test: (text: string) => boolean): (text: string) => boolean {
  let lastText: string | null = null;
  let last = false;
  return (text) => {
    if (text !== lastText) {
      last = test(text);
      lastText = text;
    }
    return last;
  };
}

const GENERIC_OF = /^\s*of\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\p{L}'’-]+\s+){0,3}?/iu;

/**
 * Whether one of the words of `text` (split at runs of `\s`, as `split(/\s+/)` splits it) is in `set`: the same answer
 * as `text.split(/\s+/).some((w) => set.has(w))` for a text that starts and ends with no space, without the array.
 */
function hasWordIn(text: string, set: ReadonlyMap<string, unknown>): boolean {
  const trie = asciiTrieOf(set);
  let start = 0;
  // The node reached by the word read so far; null once no key starts with it.
  let node: AsciiTrie | null = trie;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (!isRegexSpace(c)) {
      if (trie === null) continue;
      node = node !== null && c < 128 ? node.next[c] ?? null : null;
      continue;
    }
    if (i > start && (trie === null ? set.has(text.slice(start, i)) : node !== null && node.end)) return true;
    start = i + 1;
    node = trie;
  }
  return false;
}

/** The keys of a map of ASCII words as a tree of char codes: a word is looked up as it is read, without a slice. */
interface AsciiTrie {
  end: boolean;
  next: Array<AsciiTrie | undefined>;
}
const asciiTries = new WeakMap<ReadonlyMap<string, unknown>, AsciiTrie | null>();

/** The tree of the map's keys, or null when a key holds a character outside ASCII. */
function asciiTrieOf(set: ReadonlyMap<string, unknown>): AsciiTrie | null {
  let trie = asciiTries.get(set);
  if (trie !== undefined) return trie;
  trie = { end: false, next: [] };
  for (const key of set.keys()) {
    if (!/^[\x00-\x7f]*$/.test(key)) {
      trie = null;
      break;
    }
    let node = trie;
    for (let i = 0; i < key.length; i++) node = node.next[key.charCodeAt(i)] ??= { end: false, next: [] };
    node.end = true;
  }
  asciiTries.set(set, trie);
  return trie;
}

// The punctuation that ends the words a compound noun may run on over.
const COMPOUND_END = new Set([...',;:.!?()"“”'].map((c) => c.charCodeAt(0)));

/**
 * Up to `limit` words (split at runs of `\s`) of `text` from `from` up to its next punctuation mark, lower-cased: what
 * the text up to the first of COMPOUND_END, lower-cased, split at `\s+`, without empty words and cut to `limit` gives
 * (no spaces come out of lower-casing, and a word's lower case does not depend on the words around it), reading only
 * the words kept.
 */
function firstWordsBeforePunctuation(text: string, from: number, limit: number): string[] {
  const words: string[] = [];
  let start = from;
  for (let i = from; words.length < limit; i++) {
    const end = i >= text.length || COMPOUND_END.has(text.charCodeAt(i));
    if (!end && !isRegexSpace(text.charCodeAt(i))) continue;
    if (i > start) words.push(text.slice(start, i).toLowerCase());
    if (end) break;
    start = i + 1;
  }
  return words;
}

function countsIn(sentence: Sentence, numbers: NumberMention[], lex: Lexicons): Count[] {
  // A loop, not filter().map(): every sentence reads the numbers of the whole report.
  const counts: Count[] = [];
  for (const n of numbers) {
    if (n.unspecified || n.span.start < sentence.span.start || n.span.end > sentence.span.end) continue;
    counts.push({ start: n.span.start, end: n.span.end, value: n.value, low: n.low, high: n.high, qualifier: n.qualifier, vague: n.vague, implicit: false });
  }
  const base = sentence.span.start;
  for (const m of allMatches(IMPLICIT_DETERMINER, sentence.text)) {
    // "a Buddhist monk", "a famous Kalsan TV journalist": the head noun may follow up to three modifiers.
    const determiner = m[1]!.toLowerCase();
    const lower = m[2]!.toLowerCase();
    // The head noun is one of these words (headNoun looks no further for the first one): most phrases hold none.
    if (!hasWordIn(lower, lex.victimWords)) continue;
    const words = lower.split(/\s+/);
    // The words that follow, up to a punctuation mark, may carry the head of a longer compound.
    const following = firstWordsBeforePunctuation(sentence.text, m.index + m[0].length + m[2]!.length, 3);
    const noun = headNoun([...words, ...following], lex, words.length);
    if (!noun) continue;
    // "both victims", "both men": two; every other determiner counts one person of a singular noun.
    const plural = IRREGULAR_PLURALS.has(noun) || noun.endsWith('s');
    if (determiner === 'both' ? !plural : plural) continue;
    const start = base + m.index;
    // "one" may already be a number mention; numerals win.
    if (counts.some((c) => c.start <= start && c.end > start)) continue;
    const determinerEnd = start + m[1]!.length;
    const value = determiner === 'both' ? 2 : 1;
    counts.push({ start, end: determinerEnd, value, low: value, high: value, qualifier: 'exact', vague: false, implicit: true, definite: determiner === 'the' });
  }
  // "a drug suspect was shot dead", "assassinated a colonel", "the body of a man": one person, whatever the noun.
  for (const m of genericSingles(sentence.text)) {
    const start = base + m.index;
    if (counts.some((c) => c.start <= start && c.end > start)) continue;
    const noun = m[3]!.toLowerCase().split(/\s+/).at(-1)!;
    if (NON_PERSON.has(noun)) continue;
    counts.push({ start, end: start + m[2]!.length, value: 1, low: 1, high: 1, qualifier: 'exact', vague: false, implicit: true, noun: m[3]! });
  }
  return counts.sort((a, b) => a.start - b.start);
}

const anyVictimPhrases = new WeakMap<ReadonlyMap<string, unknown>, RegExp>();

/**
 * Whether `lower` may include one of the victim phrases: one regex pass instead of an `includes` per phrase. It finds
 * every phrase `includes` finds (its spaces match any whitespace), so a false answer means none is there.
 */
function mayIncludeVictimPhrase(lower: string, phrases: ReadonlyMap<string, unknown>): boolean {
  let re = anyVictimPhrases.get(phrases);
  if (re === undefined) {
    re = new RegExp(phraseAlternation(phrases.keys()));
    anyVictimPhrases.set(phrases, re);
  }
  return re.test(lower);
}

function categoryOf(phrase: string, lex: Lexicons): Category | null {
  const lower = phrase.toLowerCase();
  if (mayIncludeVictimPhrase(lower, lex.victimPhrases)) {
    for (const [p, cat] of lex.victimPhrases) if (lower.includes(p)) return cat;
  }
  if (lex.nonStateMarkers.test(lower)) return 'nonStateFighters';
  const words = lower.split(/[^\p{L}-]+/u).filter(Boolean);
  for (let i = words.length - 1; i >= 0; i--) {
    const cat = lex.victimWords.get(words[i]!);
    if (cat === undefined) continue;
    if (cat !== null) return cat;
    // A head that says nothing of the side ("men", "members") takes it from a modifier: "civilian men".
    for (let j = i - 1; j >= 0; j--) {
      const modifier = lex.victimWords.get(words[j]!);
      if (modifier) return modifier;
    }
    return lex.stateMarkers.test(lower) ? 'stateForces' : null;
  }
  return null;
}

/** The noun phrase a count counts: "52 Alawite men", "15 members of the security forces", "sixteen of them". */
function nounPhraseAfter(body: string, count: Count, sentenceEnd: number, lex: Lexicons): NounPhrase | null {
  const after = body.slice(count.end, Math.min(sentenceEnd, count.end + 90));
  const anaphora = ANAPHORA.exec(after);
  if (anaphora) {
    // "nine of whom were children", "ten of them women": the noun after the anaphor says who the subset is.
    const named = /^\s*(?:were\s+|being\s+)?([\p{L}-]+)/u.exec(after.slice(anaphora[0].length));
    const category = named ? (lex.victimWords.get(named[1]!.toLowerCase()) ?? null) : null;
    return { end: count.end + anaphora[0].length, noun: 'them', category, anaphoric: true };
  }
  // Up to four modifiers ("Alawite", "pro-Assad", "of the new government's") before the head noun, no punctuation.
  // A short parenthesis may sit among the modifiers: "four Communist Party of India-Maoist (CPI-Maoist) cadres".
  const window = /^(?:[^,;:.!?()"“”]|\([^()]{1,30}\))*/.exec(after)![0];
  let best: { end: number; text: string } | null = null;
  const nouns = lex.victimNouns.find(window);
  for (const [i, m] of nouns.entries()) {
    const gap = window.slice(0, m.start);
    if (gap.trim().split(/\s+/).filter(Boolean).length > 5) break;
    if (lex.anyOutcome.test(gap)) break;
    best = { end: m.end, text: window.slice(0, m.end) };
    // "members of the security forces": keep extending while the next noun follows "of";
    // "civilian men", "police officers": or while it follows right after this one.
    const rest = window.slice(m.end);
    const next = nouns[i + 1];
    const gapToNext = next === undefined ? '' : window.slice(m.end, next.start);
    const adjacent = next !== undefined && COMPOUND_GAP.test(gapToNext) && !lex.anyOutcome.test(gapToNext);
    if (!GENERIC_OF.exec(rest) && !adjacent) break;
  }
  if (!best) return null;
  // "a mother of five": the children she has belong to the noun phrase, so a list goes on after them.
  const parentOf = PARENT_OF_AFTER.exec(window.slice(best.end));
  if (parentOf && PARENT_NOUN.test(best.text)) best = { end: best.end + parentOf[0].length, text: window.slice(0, best.end) };
  const phrase = best.text.trim();
  return { end: count.end + best.end, noun: phrase, category: categoryOf(phrase, lex), anaphoric: false };
}

// "3 TMF fighters (including the director of the council) dead", "3 civilians including a former commander were killed",
// "a former bodyguard who worked for prominent families was shot dead": what sits between the counted and their verb.
const PAREN_APPOSITION = /^\s*\([^()]{1,100}\)/;
const BARE_INCLUDING = /^\s+(?:including|among them)\s+(?:a|an|the|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+[^,;.()]{1,60}?(?=\s+(?:were|was|had|have)\s)/i;
const WHO_CLAUSE = /^\s*,?\s+(?:who|that)\s+(?!(?:was|were|had\s+been|has\s+been)\b)[^;.()]{1,120}?,?(?=\s+(?:was|were)\s)/i;
const PARENT_NOUN = /\b(?:father|mother|parent|grandfather|grandmother)$/i;
const PARENT_OF_AFTER = /^\s+of\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/i;
// "Two members of a local youth group were killed", "nine fighters from the 5th Brigade (military police) were reported
// killed": the group the counted belong to, before their verb.
const MEMBERS_OF_PHRASE = /^\s+(?:of|from)\s+[^,;.:!?]{1,90}?(?=\s+(?:were|was|have|had|are|is|died)\b)/u;

/** What may stand between the counted and their verb, in the order tried; the first that matches is skipped. */
const BETWEEN_COUNTED_AND_VERB: readonly RegExp[] = [
  APPOSITION, DASH_APPOSITION, NAME_APPOSITION, AGE_MODIFIER, MEMBERS_OF_PHRASE, PAREN_APPOSITION, BARE_INCLUDING, WHO_CLAUSE,
];

// Words that end a compound noun: function words and verbs of outcome.
const COMPOUND_BREAK = /^(?:and|or|nor|but|of|in|at|on|near|by|from|with|without|to|for|as|after|before|during|when|while|under|against|among|between|into|were|was|are|is|be|been|have|has|had|who|that|which|the|a|an|killed|killing|dead|died|wounded|injured|shot|said|says)$/;

// Between two person nouns of one compound: nothing, or a modifier or two ("police special forces officer"), never a
// function word or an outcome.
const COMPOUND_GAP = /^\s+(?:\([^()]{1,30}\)\s+)?(?:(?!(?:and|or|nor|but|of|in|at|on|near|by|from|with|without|to|for|as|after|before|during|when|while|under|against|among|between|into|were|was|are|is|be|been|have|has|had|who|that|which|the|a|an)\b)[a-z][\p{L}-]*\s+){0,2}$/u;

// The noun may also end at a comma when an apposition follows ("Thirteen Palestinians, including five children, were killed").
const GENERIC_NP = /^\s+((?:[\p{L}'’()-]+\s+){0,3}?[\p{L}'’-]+)(?=\s+(?:were|was|have|had|are|and|died|lost)\b|\s*,|\s*$)/u;
const GENERIC_STOP = /\b(?:were|was|have|had|are|is|and|or|of|in|on|at|by|from|to|with|killed|dead|died|wounded|injured)\b/i;

/** A count of people named by a noun the lexicon does not know ("four cadres were killed"), accepted only beside a death verb. */
function genericNounPhrase(body: string, count: Count, sentenceEnd: number, lex: Lexicons): NounPhrase | null {
  const after = body.slice(count.end, Math.min(sentenceEnd, count.end + 60));
  const m = GENERIC_NP.exec(after);
  if (!m || GENERIC_STOP.test(m[1]!)) return null;
  const head = m[1]!.toLowerCase().split(/\s+/).at(-1)!;
  if (NON_PERSON.has(head) || NON_PERSON.has(head.replace(/s$/, ''))) return null;
  const end = count.end + m[0].length;
  if (!outcomeAfter(body, end, sentenceEnd, lex) && !outcomeBefore(body, body.lastIndexOf('\n', count.start) + 1, count.start, lex)) return null;
  const phrase = m[1]!.trim();
  return { end, noun: phrase, category: categoryOf(phrase, lex), anaphoric: false };
}

function syntacticNounPhrase(count: Count, lex: Lexicons): NounPhrase | null {
  if (!count.noun) return null;
  return { end: count.end + 1 + count.noun.length, noun: count.noun, category: categoryOf(count.noun, lex), anaphoric: false };
}

/** The outcome phrase the text starts with ("were killed" → "killed"), by the first outcome list that has one. */
function outcomeAt(text: string, lex: Lexicons): { outcome: Outcome; length: number } | null {
  for (const { outcome, set } of lex.outcomes) {
    const length = set.lengthAt(text, 0);
    if (length >= 0) return { outcome, length };
  }
  return null;
}

/** Outcome stated after the phrase: "were killed", "dead", "lost their lives", "were among the casualties". */
function outcomeAfter(body: string, from: number, sentenceEnd: number, lex: Lexicons): { outcome: Outcome; subset: boolean } | null {
  let rest = body.slice(from, Math.min(sentenceEnd, from + 140));
  // "779 \"extrajudicial killings\" have been documented", "five civilian deaths": a death noun after a modifier or two.
  if (DEATH_NOUN_AFTER.test(rest)) return { outcome: 'killed', subset: false };
  for (const re of BETWEEN_COUNTED_AND_VERB) {
    const between = re.exec(rest);
    if (between) {
      rest = rest.slice(between[0].length);
      break;
    }
  }
  const aux = AUX.exec(rest)![0];
  rest = rest.slice(aux.length);
  const among = /^(?:among|amongst)\s+(?:the\s+|those\s+)?/i.exec(rest);
  if (among) {
    const o = outcomeAt(rest.slice(among[0].length), lex) ?? (/^(?:casualties|victims|dead)/i.test(rest.slice(among[0].length)) ? { outcome: 'killed' as Outcome, length: 0 } : null);
    return o ? { outcome: o.outcome, subset: true } : null;
  }
  const o = outcomeAt(rest, lex);
  if (!o) return null;
  // "were kidnapped and killed", "were abducted and later executed": the last fate told is theirs.
  const then = o.outcome === 'killed' ? null : THEN_AFTER.exec(rest.slice(o.length));
  const last = then ? outcomeAt(rest.slice(o.length + then[0].length), lex) : null;
  return { outcome: last?.outcome === 'killed' ? 'killed' : o.outcome, subset: false };
}
const THEN_AFTER = /^\s+and\s+(?:later\s+|then\s+|subsequently\s+|eventually\s+)?/i;

/** Outcome stated before the count: "executed 52", "killing three", "mass executions of 52", "claimed the lives of 93". */
function outcomeBefore(body: string, sentenceStart: number, countStart: number, lex: Lexicons): Outcome | null {
  const before = body.slice(Math.max(sentenceStart, countStart - 80), countStart);
  const gap = PRE_OUTCOME_GAP.exec(before);
  const head = gap ? before.slice(0, gap.index) : before;
  // Both the outcome and SECOND_VERB must end the head, and SECOND_VERB's verbs are outcome words: most heads end in
  // another word.
  if (!lex.anyOutcome.mayEndAtEnd(head)) return null;
  const endsWithOutcome = (text: string): Outcome | null => {
    // One pass over every outcome phrase first: most heads hold none, and then no list can end with one.
    if (!lex.anyOutcome.mayEndAtEnd(text) || !lex.anyOutcome.test(text)) return null;
    for (const { outcome, set } of lex.outcomes) {
      for (const m of set.find(text)) if (m.end === text.length) return outcome;
    }
    return null;
  };
  const second = SECOND_VERB.exec(head);
  const atEnd = endsWithOutcome(head);
  return atEnd && !second ? atEnd : second ? endsWithOutcome(head.slice(0, second.index)) ?? atEnd : null;
}

// "Deaths (min–max): 292–324", "Killed: 35-40", "Injured: over 200": a field of a record, its label an outcome word.
const FIELD_LABEL = /^\s*(\p{L}[\p{L} -]{0,24}?)\s*(?:\([^)]{0,20}\))?\s*:\s*$/u;

// Words a label may add to its outcome word: "Death toll", "Number of deaths", "Total killed", "Civilians killed".
const LABEL_FILLER = /^(?:death|toll|number|of|total|confirmed|reported|estimated|people|persons)$/;

/**
 * The outcome of a labelled field whose value is the count ("Deaths: 12", "Death toll: 12", "Civilians killed: 3"): the
 * label holds an outcome word, and its other words only say what is counted.
 */
function fieldLabelOutcome(body: string, sentenceStart: number, countStart: number, lex: Lexicons): Outcome | null {
  const label = FIELD_LABEL.exec(body.slice(sentenceStart, countStart));
  if (!label) return null;
  const text = label[1]!.toLowerCase().trim();
  for (let i = 0; i < text.length; i = text.indexOf(' ', i) + 1) {
    const outcome = outcomeAt(text.slice(i), lex);
    if (!outcome) {
      if (text.indexOf(' ', i) < 0) break;
      continue;
    }
    const rest = `${text.slice(0, i)} ${text.slice(i + outcome.length)}`.split(/\s+/).filter(Boolean);
    return rest.every((w) => LABEL_FILLER.test(w) || lex.victimWords.has(w)) ? outcome.outcome : null;
  }
  return /^death toll$/.test(text) ? 'killed' : null;
}

const TRANSITIVE = /^(?:\s*(?:also|then|reportedly|allegedly))?\s*(?:killed|killing|kills|kill|executed|executing|executes|massacred|murdered|murdering|shot dead|shot and killed|gunned down|wounded|wounding|injured|injuring|abducted|abducting|kidnapped|kidnapping|arrested|arresting|detained|detaining|beheaded|slaughtered)\b\s+(?:at least\s+|more than\s+|some\s+)?(?:(?:a|an|the|his|her|their|two|three|four|five|six|seven|eight|nine|ten|dozens|scores)\b|\d|[A-Z])/;

/** True when the phrase is followed by an active verb with an object: the counted people did the killing. */
function isAgent(body: string, phraseEnd: number, sentenceEnd: number): boolean {
  return TRANSITIVE.test(body.slice(phraseEnd, Math.min(sentenceEnd, phraseEnd + 60)));
}

// "The death toll from Saturday's bombings outside a girls' school in … has risen to 68", "the number of people killed by
// a missile that hit a cafe … rose to 52": a long subject, allowed only when the frame itself says it counts deaths.
const LONG_TOLL_FRAME = /\b(?:death\s+toll|toll\s+of\s+(?:the\s+)?dead|number\s+of\s+(?:[\p{L}-]+\s+){0,3}?(?:killed|dead|who\s+died|deaths))\b[^.;]{0,160}?\b(?:rose to|risen to|climbed to|reached|stands at|stood at|passed|exceeded|topped)\s*$/iu;
// The frame's subject is one event ("from the attack", "by a Russian missile", "from Saturday's bombings"): a figure
// updated for that event is its count, not a toll summing many. Campaign words (war, offensive, fighting) are not here.
const SINGLE_EVENT_SUBJECT = /\b(?:(?:from|of|in|by)\s+(?:(?:(?:(?:the|a|an|this|that)\s+)?(?:[\p{L}'’-]+\s+){0,3}?(?:attack|bombing|blast|explosion|strike|airstrike|missile|shelling|massacre|ambush|raid|assault|shooting|stampede|car bomb|suicide bombing|fight|riot|clash|siege|mutiny|rampage|police operation|security operation))|(?:(?:the|this|that)\s+)?(?:twin|double|triple|coordinated|simultaneous)\s+(?:[\p{L}'’-]+\s+)?(?:attacks|bombings|blasts|explosions|strikes)|(?:(?:mon|tues|wednes|thurs|fri|satur|sun|yester)day['’]s|last night['’]s)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:attacks?|bombings?|blasts?|explosions?|strikes?|airstrikes?|shelling|massacre|ambush|raids?|assault|shooting)))\b/iu;
// "the number of people killed when a bomb exploded during a service … rose to 14": the dead of one act of violence.
const KILLED_WHEN_ONE_EVENT = /\b(?:killed|dead|who\s+died)\s+(?:when|as|after)\s+(?:a|an|the)\s+(?:[\p{L}'’-]+\s+){0,2}?(?:bomb|car bomb|blast|explosion|missile|shell|rocket|drone|grenade|mine|suicide bomber|gunman|gunmen|attacker|attackers|airstrike|air strike|attack|fire|boat|bus|building)s?\b/iu;
// "Tuesday 4 April 2017 - Khan Shaykhun, southern countryside of Idlib: …": a paragraph that opens with a date and a dash
// or colon is one dated entry of a bulletin, about one event.
const DATED_ENTRY_OPENING = /^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2})(?:,?\s+\d{4})?\s*(?:[-–—]\s|:)/;

/** "…: the documentation now stands at 86 civilians killed": a running count inside a dated entry is that entry's event's. */
function isDatedEntryCount(body: string, sentence: Sentence): boolean {
  if (NOT_ONE_EVENT.test(sentence.text)) return false;
  const paragraphStart = body.lastIndexOf('\n', sentence.span.start) + 1;
  return DATED_ENTRY_OPENING.test(body.slice(paragraphStart, paragraphStart + 60));
}

const NOT_ONE_EVENT = /\b(?:since|so far|this year|this month|overall|in total|across|campaign|offensive|war|conflict|fighting)\b/i;

// "about 50 bodies had been found; … the number of bodies recovered had risen to 79": a count that rose, after the
// event's first figure in the same sentence, is the event's latest count; the first one is superseded by it.
const RISE_FRAME = /\b(?:rose|risen|rises|climbed|increased|grew|jumped)\s+to\s*$/i;

// A word every toll frame (TOLL_FRAME, LONG_TOLL_FRAME) holds: in a sentence without one, no count has a frame.
const TOLL_FRAME_WORD = /toll|tally|count|number|total|figure/i;
const sentenceHasTollFrameWord = lastTextMemo((text) => TOLL_FRAME_WORD.test(text));

function tollFrameText(body: string, sentenceStart: number, countStart: number): string | null {
  const near = body.slice(Math.max(sentenceStart, countStart - 120), countStart);
  const frame = TOLL_FRAME.exec(near);
  if (frame) return near.slice(frame.index);
  const far = body.slice(Math.max(sentenceStart, countStart - 240), countStart);
  const long = LONG_TOLL_FRAME.exec(far);
  return long ? far.slice(long.index) : null;
}

/**
 * "the toll from Saturday's bombings … has risen to 68": whether the toll frame that ends at the count (read once per
 * count) names one event, in it or right before it, so that the figure is that event's updated count, not a toll.
 */
function isSingleEventFrame(body: string, sentenceStart: number, countStart: number, frame: string | null): boolean {
  if (frame === null || NOT_ONE_EVENT.test(frame)) return false;
  if (SINGLE_EVENT_SUBJECT.test(frame) || KILLED_WHEN_ONE_EVENT.test(frame)) return true;
  const frameStart = countStart - frame.length;
  if (ONE_EVENT_BEFORE_TOLL.test(body.slice(Math.max(sentenceStart, frameStart - 40), frameStart))) return true;
  // "…the twin suicide bombings that tore through a peace rally …, as the government put the death toll at 97": the
  // sentence speaks of one event, nothing widens the toll's scope, and no figure came before (a second one in the
  // sentence is a rival account of the first).
  const lead = body.slice(sentenceStart, frameStart);
  return SINGLE_EVENT_SUBJECT.test(lead) && !NOT_ONE_EVENT.test(lead) && !/\d/.test(lead);
}
// "bringing to 57 the number of civilians killed in Monday's ambush": the count's own words say it counts one event.
const KILLED_AFTER_COUNT = /^\s+(?:killed|dead|slain|who\s+(?:died|were\s+killed))\b[^.;]{0,60}/i;
function isOneEventsCount(body: string, phraseEnd: number, sentenceEnd: number): boolean {
  const scope = KILLED_AFTER_COUNT.exec(body.slice(phraseEnd, Math.min(sentenceEnd, phraseEnd + 90)))?.[0];
  return scope !== undefined && SINGLE_EVENT_SUBJECT.test(scope) && !NOT_ONE_EVENT.test(scope);
}
// "Ecuador prison riot toll rises to 118", "the bombing's death toll": the noun of one event names the toll.
const ONE_EVENT_BEFORE_TOLL = /\b(?:attack|bombing|blast|explosion|massacre|ambush|raid|shooting|stampede|riot|siege|fire|crash|mutiny)(?:['’]s)?\s+(?:death\s+)?$/i;

// "The five-month battle to retake it killed more than 1,100", "the decade-long war has killed": a campaign of months or
// years is the subject, so its figure sums many events (a toll). A "three-day siege" or "two-week offensive" stays an event.
const CAMPAIGN_SUBJECT = /\b(?:(?:(?:\p{L}+|\d+)-(?:month|year|decade)s?(?:-long)?|(?:months|years|decades)-long|decade-long)\s+(?:[\p{L}'’-]+\s+){0,2}?(?:battle|siege|war|offensive|campaign|conflict|insurgency|fighting|occupation|crisis|uprising|rebellion|operation)s?|(?:\p{L}+|\d+)\s+(?:months|years|decades)\s+of\s+(?:[\p{L}-]+\s+)?(?:fighting|war|conflict|siege|clashes|violence|bombardment|shelling|insurgency))\b/iu;

// "Together, the two attacks killed 19", "the three bombings have now killed more than 90", "in both attacks": the figure
// sums events the report has told one by one, so it is a toll over them, not an event of its own.
const EVENTS_WORD = '(?:attacks|bombings|blasts|explosions|strikes|airstrikes|air strikes|raids|ambushes|incidents|massacres|assaults|shootings|attacks on)';
const SUM_OF_EVENTS_BEFORE = new RegExp(`(?:\\b(?:together(?!\\s+with)|altogether|in total)\\b|\\bcombined\\s*,|${EVENTS_WORD}\\s+combined\\b|(?<!\\bof\\s)\\b(?:the|both|all|these|those)\\s+(?:two|three|four|five|six|\\d+)\\s+(?:[\\p{L}'’-]+\\s+)?${EVENTS_WORD}\\b|(?:\\b(?:in|from|during)\\s+|^\\s*)both\\s+(?:the\\s+)?${EVENTS_WORD}\\b)`, 'iu');
const SUM_OF_EVENTS_AFTER = new RegExp(`^[^.;]{0,60}?\\b(?:in|from|during|by)\\s+(?:(?:the|all|these|those)\\s+(?:two|three|four|five|six|\\d+)|both(?:\\s+the)?)\\s+(?:[\\p{L}'’-]+\\s+)?${EVENTS_WORD}\\b`, 'iu');

// Every match of either holds one of these: in a sentence without any, no count sums events.
const SUM_OF_EVENTS_WORD = new RegExp(`together|in total|combined|${EVENTS_WORD}`, 'iu');
const sentenceHasSumOfEventsWord = lastTextMemo((text) => SUM_OF_EVENTS_WORD.test(text));

/** True when the count's subject or scope is the sum of several events already told ("the two attacks", "in both"). */
function isSumOfEvents(body: string, sentenceText: string, sentenceStart: number, countStart: number, phraseEnd: number, sentenceEnd: number): boolean {
  if (!sentenceHasSumOfEventsWord(sentenceText)) return false;
  return SUM_OF_EVENTS_BEFORE.test(body.slice(sentenceStart, countStart)) || SUM_OF_EVENTS_AFTER.test(body.slice(phraseEnd, sentenceEnd));
}

// "The insurgency, which began in 2009, has killed tens of thousands", "more than 300 have died since 2019": a conflict's
// whole toll in the perfect tense is background to the event, not an event of its own.
const CONFLICT_SUBJECT = /\b(?:insurgency|insurgencies|war|civil war|conflict|rebellion|uprising|jihad)\b[^.;]{0,80}?\b(?:has|have)\s+(?:(?:now|so far|since|already)\s+)?(?:killed|claimed|left|cost)\s*(?:(?:at least|more than|over|some|about|around|an estimated|nearly|almost)\s+)?$/i;
const SINCE_YEAR_AFTER = /^[^.;]{0,40}?\b(?:have|has)\s+(?:been\s+killed|died|perished|lost their lives)\s+since\s+(?:\d{4}|the\s+(?:start|beginning|outbreak))\b/i;

/** A figure of a whole conflict told in the perfect tense ("the insurgency has killed", "have died since 2009"). */
function isConflictBackground(body: string, sentenceStart: number, countStart: number, phraseEnd: number, sentenceEnd: number): boolean {
  return CONFLICT_SUBJECT.test(body.slice(sentenceStart, countStart)) || SINCE_YEAR_AFTER.test(body.slice(phraseEnd, sentenceEnd));
}

// Every CAMPAIGN_SUBJECT match holds one of these.
const CAMPAIGN_WORD = /month|year|decade/iu;
const sentenceHasCampaignWord = lastTextMemo((text) => CAMPAIGN_WORD.test(text));

/** True when the text before the count, in its sentence, makes a months- or years-long campaign the subject of the killing. */
function isCampaignFigure(body: string, sentenceText: string, sentenceStart: number, countStart: number): boolean {
  if (!sentenceHasCampaignWord(sentenceText)) return false;
  return CAMPAIGN_SUBJECT.test(body.slice(sentenceStart, countStart));
}

// "the ministry had given a toll of 210", "an earlier toll of 15": a count the report says was replaced since. Not "said
// the toll had risen to 36,050": reported speech shifts the tense of a current count.
const SUPERSEDED_BEFORE = /\b(?:had\s+(?:earlier\s+|initially\s+|first\s+)?(?:given|put|reported|announced|stated|said|estimated|set|placed|stood\s+at)|(?:an?|the|its|their)\s+(?:earlier|initial|previous|preliminary|first|old)\s+(?:death\s+)?(?:toll|count|tally|figure|estimate))\b[^.;]{0,40}$/i;
// "Earlier, the ministry put the toll at 210", "Initially, officials gave a toll of 12": a count from before the latest.
const SUPERSEDED_OPENING = /^\s*(?:earlier|initially|at first|previously|before that)\s*,/i;
// "The count stood at 292 on 7 July; later counts went up to 324": the figure is followed by the one that replaced it.
const SUPERSEDED_AFTER = /^[^.]{0,40}?[;,]\s*(?:but\s+|and\s+)?(?:later|subsequent|newer|updated)\s+(?:counts?|figures?|tolls?|tallies|reports?|estimates?)\b/i;

/** A toll figure the report gives as a step of the count's history, since replaced: it is no toll of its own. */
function isSupersededToll(body: string, sentenceStart: number, countStart: number, countEnd: number, sentenceEnd: number): boolean {
  return SUPERSEDED_OPENING.test(body.slice(sentenceStart, countStart)) || SUPERSEDED_BEFORE.test(body.slice(Math.max(sentenceStart, countStart - 80), countStart)) || SUPERSEDED_AFTER.test(body.slice(countEnd, sentenceEnd));
}

// "another 12", "a further three", "an additional 40": deaths on top of a count already given.
const INCREMENT_BEFORE = /\b(?:another|a further|an additional|additional|further)\s+$/i;

// Plural nouns after a count that still count people or deaths.
const PEOPLE_OR_DEATHS = /^(?:deaths|fatalities|casualties|victims|bodies|others|people|persons|dead|killed)$/i;

/** "a total of 57 shots", "the number of explosions rose to 12": the frame counts things, not the dead. */
function countsThings(body: string, countEnd: number, sentenceEnd: number, lex: Lexicons): boolean {
  const next = /^\s+([a-z][\p{L}-]*s)\b/u.exec(body.slice(countEnd, Math.min(sentenceEnd, countEnd + 40)));
  return next !== null && !lex.victimWords.has(next[1]!.toLowerCase()) && !PEOPLE_OR_DEATHS.test(next[1]!);
}

/** "the number of civilians killed at 532": who the frame counts, said between the toll word and the outcome. */
function tollFrameCategory(body: string, sentenceStart: number, countStart: number, lex: Lexicons): Category | null {
  const window = body.slice(Math.max(sentenceStart, countStart - 120), countStart);
  const frame = TOLL_FRAME.exec(window);
  if (!frame) return null;
  const counted = window.slice(frame.index + frame[1]!.length);
  const outcome = lex.anyOutcome.find(counted)[0];
  return outcome ? categoryOf(counted.slice(0, outcome.start), lex) : null;
}

function markerBetween(set: { test(s: string): boolean }, body: string, start: number, end: number): boolean {
  return start < end && set.test(body.slice(start, end));
}

// "779 killings have been documented since Thursday", "… killed so far": a count of record, after the figure.
const TOLL_AFTER = /^[^.;]{0,60}?\b(?:documented|verified|recorded|so far|to date|in total|in all|altogether|overall)\b/i;
// "were among the casualties": the only word of outcome in the sentence may be the noun the counted were among.
const AMONG_THE_DEAD = /\bamong(?:st)?\s+(?:the\s+|those\s+)?(?:casualties|victims|dead)\b/i;
const CODED_NOT_DEATHS_AFTER = /^\s+(?:separate\s+|distinct\s+|different\s+)?(?:events?|locations?|incidents?|attacks?)\b/i;
const TOLL_WORD = /\b(?:toll|tally|count|number|total|figure|coded)\b/i;
// "One video shows dozens of bodies": a description of evidence, not a new count.
const EVIDENCE_DESCRIPTION = /\b(?:video|videos|clip|clips|footage|image|images|photo|photos|photograph|picture|pictures)\b[^.;]{0,25}\b(?:shows?|showed|showing|captures?|captured|depicts?|depicted|appears? to show)\b/i;

// After an apposition the sentence goes on with its verb, not with another element of a list ("…, a child and …").
const AFTER_APPOSITION = /^\s*,\s*(?!\s|(?:and|or|a|an|one|the|his|her|their|two|three|four|five)\b|\d)/i;

/** "the body of one Maoist, a woman, had been recovered": a noun of one person between commas after a count of one says who that one is. */
function isAppositionOfOne(body: string, previous: CasualtyFigure | undefined, previousEnd: number, count: Count, phraseEnd: number, sentenceEnd: number): boolean {
  return previous !== undefined && previous.value === 1 && count.implicit && count.value === 1 &&
    /^\s*,\s*$/.test(body.slice(previousEnd, count.start)) && AFTER_APPOSITION.test(body.slice(phraseEnd, sentenceEnd));
}

// "… were killed in Tchoma Bangou and": the previous figure's verb and its place, then a conjunction.
const ELLIPSIS_BEFORE = /^\s+(?:were|was|had been|have been)?\s*[\p{L}-]+\s+(?:in|at|near)\s+(?:the\s+)?\p{Lu}[^,;:.]{0,50}?,?\s+(?:and|while|with)\s+(?:another\s+)?$/u;
// "thirty in Zaroumdareye", "12 more at the market": the count names a place of its own and no verb.
const ELLIPSIS_AFTER = /^\s+(?:more\s+|others\s+)?(?:in|at|near)\s+(?:the\s+)?\p{Lu}/u;

/** "Seventy people were killed in X and thirty in Y": a count with its own place whose verb and noun are the previous figure's. */
function isEllipticalCount(body: string, previousEnd: number, count: Count, sentenceEnd: number): boolean {
  return previousEnd >= 0 && ELLIPSIS_BEFORE.test(body.slice(previousEnd, count.start)) && ELLIPSIS_AFTER.test(body.slice(count.end, sentenceEnd));
}

// "members of the pro-IS Dawlah Islamiyah group", "members of an armed group": the organisation the counted belong to.
const MEMBERS_OF_GROUP = /^\s+of\s+(?:the\s+|an?\s+)?((?:[\p{L}'’-]+\s+){0,5}?)(?:group|militia|faction|cell|movement|organi[sz]ation|brigade|battalion|front|network)s?\b/iu;
const ARMED_WORD = /\b(?:armed|militant|jihadist|rebel|insurgent|terrorist|extremist|separatist|guerrilla)\b/i;

/** True when what follows "members" names an armed organisation: a proper name, an armed word, or a known armed actor. */
function isArmedGroupAfter(after: string, lex: Lexicons): boolean {
  const m = MEMBERS_OF_GROUP.exec(after);
  if (!m) return false;
  const name = m[1]!;
  return /\p{Lu}/u.test(name) || ARMED_WORD.test(name) || lex.nonStateMarkers.test(name.toLowerCase());
}

interface FigureWordGate {
  plain: RegExp;
  atWordStart: RegExp;
}
const figureWordGates = new WeakMap<Lexicons, FigureWordGate>();

/**
 * Whether the text holds an outcome phrase, a toll word or "among the dead": the three regexes as one, so that a
 * sentence with none (most) is read once. Behind one `\b` (V8 rejects most positions on it far faster) when the text
 * has no "_" and every outcome phrase starts with a letter or digit: the outcome regex's lookbehind then implies it,
 * and the other two start with it.
 */
function mayHoldFigure(text: string, lex: Lexicons): boolean {
  let gate = figureWordGates.get(lex);
  if (gate === undefined) {
    const any = `${lex.anyOutcome.pattern.source}|${TOLL_WORD.source}|${AMONG_THE_DEAD.source}`;
    const plain = new RegExp(any, 'i');
    const wordStart = lex.anyOutcome.phrases.every((p) => /^[A-Za-z0-9]/.test(p));
    gate = { plain, atWordStart: wordStart ? new RegExp(`\\b(?:${any})`, 'i') : plain };
    figureWordGates.set(lex, gate);
  }
  return (text.includes('_') ? gate.plain : gate.atWordStart).test(text);
}

/** Finds the casualty figures of one sentence. Pure: depends only on the text, its numbers and the lexicons. */
export function recognizeCasualties(body: string, sentence: Sentence, numbers: NumberMention[], lex: Lexicons = lexicons()): CasualtyFigure[] {
  // Cheap prefilter: with no outcome word and no toll or coder's wording, no figure can come out of the sentence.
  if (!mayHoldFigure(sentence.text, lex)) return [];
  if (EVIDENCE_DESCRIPTION.test(sentence.text)) return [];
  const counts = countsIn(sentence, numbers, lex);
  const { start: sStart, end: sEnd } = sentence.span;
  const figures: CasualtyFigure[] = [];
  let group = 0;
  let previousOutcome: Outcome | null = null;
  let previousEnd = -1;
  let lastCategoryNoun: Category | null = null;
  const candidates = counts.map((count) => ({ count, np: nounPhraseAfter(body, count, sEnd, lex) ?? syntacticNounPhrase(count, lex) ?? (count.implicit ? null : genericNounPhrase(body, count, sEnd, lex)) }));

  for (let i = 0; i < candidates.length; i++) {
    const { count } = candidates[i]!;
    // "Seventy people were killed in X and thirty in Y": the second count shares the first one's verb and noun; what
    // follows its place is no noun of it.
    const elliptical = figures.length > 0 && isEllipticalCount(body, previousEnd, count, sEnd);
    const np = elliptical ? null : candidates[i]!.np;
    if (count.implicit && !np) continue;
    // "seven members of one family", "12 of 20 passengers": a number inside the noun phrase of the count before it
    // says what the counted belong to, not how many more died.
    if (candidates.slice(0, i).some((c) => c.np && !c.np.anaphoric && c.np.end > count.start)) continue;
    if (count.definite && !/^\s*\S+\s*(?:was\s+|had\s+)?(?:died|succumbed|was killed|was shot dead|was found dead)\b/i.test(body.slice(count.end, sEnd)) && outcomeBefore(body, sStart, count.start, lex) === null) continue;
    const phraseEnd = np?.end ?? count.end;
    if (isAppositionOfOne(body, figures.at(-1), previousEnd, count, phraseEnd, sEnd)) continue;
    const verbBefore = outcomeBefore(body, sStart, count.start, lex);
    const labelled = verbBefore === null ? fieldLabelOutcome(body, sStart, count.start, lex) : null;
    const before = verbBefore ?? labelled;
    // A list continues the previous figure's verb: "killed a man, three women and a child".
    const joined = previousEnd >= 0 && LIST_GAP.test(body.slice(previousEnd, count.start));
    let after = outcomeAfter(body, phraseEnd, sEnd, lex);
    // "four civilians and 28 militants lost their lives": the verb follows the last element of the list.
    let listEnd = phraseEnd;
    for (let j = i + 1; !after && j < candidates.length; j++) {
      const next = candidates[j]!;
      if (!next.np && next.count.implicit) break;
      if (!LIST_GAP.test(body.slice(listEnd, next.count.start))) break;
      listEnd = next.np?.end ?? next.count.end;
      after = outcomeAfter(body, listEnd, sEnd, lex);
    }
    const frame = sentenceHasTollFrameWord(sentence.text) ? tollFrameText(body, sStart, count.start) : null;
    const tollFrame = frame !== null && !(np === null && countsThings(body, count.end, sEnd, lex));
    // "coded as 10", "coded as 3 fatalities", but not "coded as two separate events".
    const coded = !CODED_NOT_DEATHS_AFTER.test(body.slice(count.end, Math.min(sEnd, count.end + 20))) && lex.codedFatalities.find(body.slice(Math.max(sStart, count.start - 30), count.start)).some((m) => /\bas\s*$/i.test(m.text) && body.slice(Math.max(sStart, count.start - 30), count.start).trimEnd().toLowerCase().endsWith(m.text.toLowerCase()));
    const sincePrevious = body.slice(figures.at(-1)?.span.end ?? sStart, count.start);
    // "…were killed, including 36 security personnel, 32 fighters and four civilians": parts inherit the verb.
    const partBefore = figures.length > 0 && /\b(?:including|includes|included|among them|comprising|consisting of|made up of)\s*:?\s*$/i.test(sincePrevious);
    // "12 bodies", "five dead": the noun itself says they died.
    const deathNoun = np !== null && /(?:^|\s)(?:bodies|corpses|dead|body)$/i.test(np.noun) ? 'killed' as const : null;
    // "thirty-one people were killed, nine of whom were children": the subset shares the whole's outcome.
    const anaphoricSubset = np?.anaphoric === true && figures.length > 0;
    let outcome: Outcome | null = (coded ? 'killed' : null) ?? before ?? deathNoun ?? after?.outcome ?? (joined || partBefore || anaphoricSubset || elliptical ? previousOutcome : null) ?? (tollFrame ? 'killed' : null);
    if (!outcome) {
      if (np?.category) lastCategoryNoun = np.category;
      continue;
    }
    // A bare number needs its verb right beside it ("killing three", "five dead"), or a toll frame.
    if (!np && !before && !after && !tollFrame && !joined && !partBefore && !coded && !elliptical) continue;
    // "a gunman executing a young man": the count is the agent of an active verb, not a casualty.
    if (!before && after && !joined && !partBefore && isAgent(body, phraseEnd, sEnd)) continue;
    let category = np?.category ?? (elliptical ? figures.at(-1)!.category : null) ?? (labelled ? categoryOf(body.slice(sStart, count.start), lex) : null) ?? (tollFrame && !np ? tollFrameCategory(body, sStart, count.start, lex) : null);
    if (np?.anaphoric && category === null) category = lastCategoryNoun ?? categoryOf(body.slice(sStart, count.start), lex);
    if (category === null && np !== null && /\bmembers?$/i.test(np.noun) && isArmedGroupAfter(body.slice(phraseEnd, sEnd), lex)) category = 'nonStateFighters';
    const subsetBefore = /\b(?:of them|of whom|among them|among whom)\s*[:,]?\s*$/i.test(body.slice(Math.max(sStart, count.start - 30), count.start));
    const subsetAfter = /^\s*(?:among them|among the dead|among the victims)\b/i.test(body.slice(phraseEnd, phraseEnd + 30)) || after?.subset === true;
    let role: FigureRole = 'whole';
    const wholeInSentence = figures.find((f) => f.role === 'whole' && f.outcome === outcome);
    if (np?.anaphoric || subsetAfter || subsetBefore) role = 'subset';
    else if (partBefore && wholeInSentence) role = 'part';
    else if (joined && figures.length > 0 && figures.at(-1)!.role !== 'whole') role = figures.at(-1)!.role;
    if (role === 'subset' && np?.anaphoric && wholeInSentence === undefined) role = 'whole';
    // "died in Banyas, ten of them women": the subset belongs to the list of the figure it refers to.
    if (!(joined || anaphoricSubset) || figures.length === 0) group++;
    // "Of those, 211 civilians…" breaks down a figure given before; "the 15 had died" repeats one.
    // An earlier, replaced figure refers back to the event's count as much as "the 15" does.
    const backReference = (tollFrame && isSupersededToll(body, sStart, count.start, phraseEnd, sEnd)) || OF_THOSE.test(sentence.text) || (BACK_REFERENCE_BEFORE.test(body.slice(Math.max(sStart, count.start - 8), count.start)) && !np) || BACK_REFERENCE_AFTER.test(body.slice(count.end, count.end + 40)) || BACK_REFERENCE_AFTER.test(body.slice(phraseEnd, phraseEnd + 40));
    // "72 more" are new deaths even in a sentence that speaks of a toll.
    const more = /\bmore\b/i.test(body.slice(count.end, phraseEnd + 6));
    const increment = more || INCREMENT_BEFORE.test(body.slice(Math.max(sStart, count.start - 12), count.start));
    // A record's "Death toll:" or "Number of deaths:" field is its event's count; only a "Total" field sums entries.
    const recordCount = labelled !== null && !/\btotal\b/i.test(body.slice(sStart, count.start));
    const cumulative = !recordCount && !(tollFrame && isSingleEventFrame(body, sStart, count.start, frame)) && !isOneEventsCount(body, phraseEnd, sEnd) && !isDatedEntryCount(body, sentence) && (tollFrame || (!more && (markerBetween(lex.tollMarkers, body, Math.max(sStart, count.start - 50), count.start) || lex.spreadMarkers.test(sentence.text) || TOLL_AFTER.test(body.slice(phraseEnd, sEnd)) || isCampaignFigure(body, sentence.text, sStart, count.start) || isSumOfEvents(body, sentence.text, sStart, count.start, phraseEnd, sEnd) || isConflictBackground(body, sStart, count.start, phraseEnd, sEnd))));
    // The count rose from a figure given before it in the sentence: the later one is that event's, not a toll.
    const frameText = tollFrame ? frame : null;
    const risenFrom = frameText !== null && RISE_FRAME.test(frameText) && !NOT_ONE_EVENT.test(frameText) && !more
      ? figures.filter((f) => f.outcome === 'killed' && !f.cumulative && f.role === 'whole' && f.value < count.value) : [];
    if (cumulative && risenFrom.length > 0) {
      for (const f of risenFrom) f.backReference = true;
    }
    figures.push({
      span: { start: count.start, end: Math.max(phraseEnd, count.end) },
      sentence: sentence.index,
      value: count.value,
      low: count.low,
      high: count.high,
      qualifier: count.qualifier,
      vague: count.vague,
      implicit: count.implicit,
      outcome,
      category,
      noun: np?.noun ?? '',
      role,
      group,
      cumulative: cumulative && risenFrom.length === 0,
      backReference,
      coded,
      increment,
      rule: coded ? 'coded-total' : labelled ? 'field-label' : elliptical ? 'elliptical' : before ? 'verb-count' : after ? 'count-verb' : joined ? 'list' : partBefore ? 'part-of-whole' : anaphoricSubset ? 'subset-of-previous' : 'toll-frame',
    });
    if (np?.category) lastCategoryNoun = np.category;
    previousOutcome = outcome;
    previousEnd = phraseEnd;
  }
  return figures;
}
