// Place recognizer: capitalised word runs looked up in the gazetteer, filtered, put in context and disambiguated.
import type { GeoPrecision, Span } from '../../domain/types.js';
import {
  type GazetteerEntry,
  countries,
  defaultPrecision,
  gazetteer,
  lookupKey,
  placeKey,
  plainWordKey,
  recognizerLexicon,
  toPlaceRef,
  unresolvedPlaceRef,
} from '../../gazetteer/index.js';
import type { PlaceContext, PlaceMention } from '../mentions.js';
import { endsWithCue, isRegexSpace, spaceRunStart } from '../regex.js';

export interface RecognizePlacesOptions {
  /** ISO2 codes of the countries the report is about; when absent they are detected in the text. */
  countryHints?: string[];
}

/**
 * A word of the report. Its text, lower-case form and lookup key are read only for the few tokens a run or a cue test
 * reaches (most words are lower-case and never looked at again): each is built on first use, not for every word.
 */
class Token {
  private textMemo: string | undefined;
  private lowerMemo: string | undefined;
  private keyMemo: string | undefined;

  constructor(
    private readonly body: string,
    readonly start: number,
    readonly end: number,
    readonly cap: boolean,
    readonly possessive: boolean,
  ) {}

  /** Surface text without a possessive "'s". */
  get text(): string {
    return (this.textMemo ??= this.body.slice(this.start, this.end));
  }

  get lower(): string {
    return (this.lowerMemo ??= this.text.toLowerCase());
  }

  /** Only capitalised words and connectors are ever looked up: '' for the others. */
  get key(): string {
    if (this.keyMemo === undefined) {
      const lower = this.cap || this.end - this.start <= LONGEST_CONNECTOR ? this.lower : '';
      this.keyMemo = this.cap || CONNECTORS.has(lower) ? plainWordKey(this.text, lower) ?? placeKey(this.text) : '';
    }
    return this.keyMemo;
  }
}

/** A gazetteer hit before disambiguation. */
interface Match {
  span: Span;
  text: string;
  candidates: GazetteerEntry[];
  context: PlaceContext;
  /** A generic unit word followed ("Latakia province"): only admin units fit. */
  unitSuffix: 'admin1' | 'admin2' | null;
  tokens: number;
  /** A place cue preceded it ("in", "of", a comma list after such a cue). */
  cued: boolean;
  /** A cue that only places take ("the village of X", "X village"): even a small place abroad stays. */
  strong: boolean;
  /** A direction or "central" before it ("southern Gaza", "central Kirovohrad"): the region is meant. */
  regional: boolean;
  /** The unit or place that locates it ("X, Y" / "X (Y, Z)"): namesakes inside it win. */
  anchor: GazetteerEntry | null;
  /** Set when syntax marks the whole match as a place. */
  certain: Certain | null;
  /** "the Somali capital": the capital of this country is meant. */
  capitalOf?: string;
  /** One word ending a longer capitalised name whose first words are no place ("Salauddin Khan"): weak evidence. */
  nameTail?: boolean;
}

/** A capitalised run that syntax marks as a place, whether or not the gazetteer knows it. */
interface Certain {
  /** Token range of the name (unit words such as "village" excluded). */
  a: number;
  b: number;
  anchor: GazetteerEntry | null;
  /** The report country the place lies in. */
  country: string | null;
  featureCode: string;
}

const MAX_RUN = 6;
const LARGE_CITY = 100_000;
/** Below this a namesake abroad is dropped unless strongly cued. */
const SMALL_ABROAD = 50_000;

/** Articles and particles that may sit inside a capitalised name ("Deir ez-Zor", "Ras al Ain"). */
const CONNECTORS = new Set(['al', 'el', 'ez', 'ad', 'as', 'ash', 'ar', 'at', 'az', 'an', 'ath', 'adh', 'de', 'del', 'la', 'le', 'las', 'los', 'du', 'des', 'da', 'do', 'dos', 'das', 'di', 'e', 'i', 'y', 'wa', 'bin', 'ibn', 'bani', 'beni', 'um', 'umm', 'abu']);
const LONGEST_CONNECTOR = Math.max(...[...CONNECTORS].map((c) => c.length));
const ARTICLE_PREFIX = /^(?:al|el|ash|as|ad|ar|at|az|an|ath|adh|ez)[-‐'’]\p{Lu}/u;
// A word is /[\p{L}\p{M}][\p{L}\p{M}\d'’‐-]*/u, read by `wordStart` and `wordEnd` without a match array per word.
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const letterOrMarkMemo = new Map<number, boolean>();

/** Words that, before a name, make even a small or single-word place plausible. */
// Same as /(?:\b(?:in|at|…)|,)\s+(?:the\s+)?$/i, asked of every candidate name: read backwards by `endsWithCue`.
const PLACE_CUE_WORDS = new Set(['in', 'at', 'near', 'of', 'from', 'to', 'into', 'outside', 'toward', 'towards', 'around', 'across', 'between', 'via', 'inside',
  'reached', 'entered', 'hit', 'struck', 'shelled', 'bombed', 'targeted', 'captured', 'seized', 'stormed', 'raided', 'village', 'town', 'city', 'province',
  'governorate', 'region', 'district', 'camp', 'neighbourhood', 'neighborhood', 'area', 'areas', 'outskirts', 'countryside', 'rural', 'and']);
const hasPlaceCue = (before: string): boolean => endsWithCue(before, PLACE_CUE_WORDS, true);

/**
 * How a window before a name ends, read backwards as `endsWithCue` reads it: the last word before the trailing spaces
 * and, when that word is "the" after a space, the word before it (lower-cased ASCII word characters, '' when none),
 * with where each starts and whether a comma stands in its place. Null when the window does not end with a space.
 * Each end-anchored regex below can only match when its own last word is one of these two: asked first, it spares the
 * regex, which V8 tries at every start position of the window, for most names.
 */
interface Tail {
  last: string;
  lastStart: number;
  lastComma: boolean;
  /** "the" ends the window: `prev` is the word before it. */
  skipped: boolean;
  prev: string;
  prevStart: number;
  prevComma: boolean;
}
function tailOf(text: string): Tail | null {
  const end = spaceRunStart(text, text.length);
  if (end === text.length) return null;
  const lastStart = asciiWordStart(text, end);
  const tail: Tail = { last: text.slice(lastStart, end).toLowerCase(), lastStart, lastComma: end > 0 && text.charCodeAt(end - 1) === 44, skipped: false, prev: '', prevStart: 0, prevComma: false };
  if (end >= 3 && (text.charCodeAt(end - 3) | 32) === 116 /* t */ && (text.charCodeAt(end - 2) | 32) === 104 /* h */ && (text.charCodeAt(end - 1) | 32) === 101 /* e */) {
    const beforeThe = spaceRunStart(text, end - 3);
    if (beforeThe < end - 3) {
      tail.skipped = true;
      tail.prevStart = asciiWordStart(text, beforeThe);
      tail.prev = text.slice(tail.prevStart, beforeThe).toLowerCase();
      tail.prevComma = beforeThe > 0 && text.charCodeAt(beforeThe - 1) === 44;
    }
  }
  return tail;
}
/** `endsWithCue(text, words, comma)` for the text `tail` was read from. */
function tailCue(tail: Tail | null, words: ReadonlySet<string>, comma: boolean): boolean {
  if (!tail) return false;
  if ((comma && tail.lastComma) || words.has(tail.last)) return true;
  return tail.skipped && ((comma && tail.prevComma) || words.has(tail.prev));
}
const isAsciiWordChar = (c: number): boolean => isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 95;
function asciiWordStart(text: string, end: number): number {
  let start = end;
  while (start > 0 && isAsciiWordChar(text.charCodeAt(start - 1))) start--;
  return start;
}
// "an 18-year-old man from Conklin": where a person comes from, not where the event was.
// "a businessman from Kanpur", "tourists visiting from Nepal", "Sudeep Neupane, 27, from Butwal", "Vinay Narwal, 26, a
// lieutenant in the navy from Karnal": a person noun (or a name's age or apposition) before "from" makes it a home town.
const ORIGIN_CUE = /(?:\b(?:originally from|hometown of|home town of|native of|natives of|hails? from|hailing from|born in|a native of|(?:visiting|on (?:holiday|vacation|a visit|a trip|pilgrimage)) from|(?:man|woman|men|women|boy|girl|youth|teenager|teen|suspect|gunman|gunmen|shooter|attacker|assailant|student|resident|tourist|visitor|pilgrim|worker|labourer|laborer|trader|farmer|teacher|doctor|nurse|driver|engineer|officer|lieutenant|soldier|journalist|couple|family|families|victim|person|people|national|[a-z]+(?:man|men|woman|women|ist|ian))s?\s+(?:(?:who\s+(?:is|was|came)|originally)\s+)?from)|\p{Lu}[\p{L}'’-]+,\s*(?:\d{1,3},\s*from|(?:\d{1,3},\s*)?an?\s+[^,.;:()]{1,50}?\s+from))\s+(?:the\s+)?(?:(?:town|city|village) of\s+)?$/iu;
const TAKEN_FROM = /\b(?:abduct|kidnap|seiz|took|taken|snatch|evacuat|rescu|expel|evict|displac|arrest|detain|forc|drove|driven|remov|captur)[\p{L}]*\b[^.;!?]*$/iu;
// "a man from Conklin, New York": the unit that locates a home town is part of the origin too.
// "from Karnal in Haryana" too.
const NAME_AND_COMMA_END = /(?:^|\s)\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*){0,3}(?:,|\s+in)\s*$/u;
// Every match of ORIGIN_CUE ends with "from", "of" or "in", an optional "the" and spaces; every match of
// NAME_AND_COMMA_END with a comma or " in". Both regexes are end-anchored, which V8 tries at every start position of
// the window, so they are asked only when the text ends that way (the same answers, a fraction of the work).
// A match that ends with "in" (no "town of" after it) is "born in": a window that ends with any other "in" is not asked.
const ORIGIN_LAST_WORDS: ReadonlySet<string> = new Set(['from', 'of', 'in']);
function hasOriginCue(before: string, tail: Tail | null = tailOf(before)): boolean {
  if (!tail) return false;
  let inStart = -1;
  let ofStart = -1;
  if (tail.last === 'of') ofStart = tail.lastStart;
  else if (tail.last === 'in') inStart = tail.lastStart;
  else if (tail.last !== 'from' && (!tail.skipped || !ORIGIN_LAST_WORDS.has(tail.prev))) return false;
  else if (tail.last !== 'from') {
    if (tail.prev === 'in') inStart = tail.prevStart;
    else if (tail.prev === 'of') ofStart = tail.prevStart;
  }
  if (inStart >= 0 && !bornBefore(before, inStart)) return false;
  if (ofStart >= 0 && !originNounBefore(before, ofStart)) return false;
  return ORIGIN_CUE.test(before);
}
/**
 * A match that ends with "of" (and an optional "the") ends with "hometown of", "home town of", "native(s) of" or "town,
 * city, village of", one space before the "of": a window whose word there is another is not asked ("the district of",
 * "the outskirts of"). A letter outside ASCII before that word (ſ folds to s under /iu) leaves the answer to the regex.
 */
function originNounBefore(text: string, ofStart: number): boolean {
  if (ofStart < 2 || text.charCodeAt(ofStart - 1) !== 32) return false;
  let s = ofStart - 1;
  while (s > 0 && isAsciiLetter(text.charCodeAt(s - 1))) s--;
  if (s > 0 && text.charCodeAt(s - 1) >= 128) return true;
  return ORIGIN_OF_NOUNS.has(text.slice(s, ofStart - 1).toLowerCase());
}
const ORIGIN_OF_NOUNS: ReadonlySet<string> = new Set(['hometown', 'town', 'native', 'natives', 'city', 'village']);
/** /\bborn $/iu ends at `at`: "born", one space, and before it no word character (ſ and K count under /iu). */
function bornBefore(text: string, at: number): boolean {
  if (at < 5 || text.charCodeAt(at - 1) !== 32 || text.slice(at - 5, at - 1).toLowerCase() !== 'born') return false;
  if (at === 5) return true;
  const c = text.charCodeAt(at - 6);
  return !(isAsciiWordChar(c) || c === 0x17f || c === 0x212a);
}
function endsWithCommaOrIn(text: string): boolean {
  let end = text.length;
  while (end > 0 && isRegexSpace(text.charCodeAt(end - 1))) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 44 /* , */) return true;
  return end >= 3 && text.charCodeAt(end - 1) === 110 /* n */ && text.charCodeAt(end - 2) === 105 /* i */ && isRegexSpace(text.charCodeAt(end - 3));
}
const isOriginLocated = (before: string): boolean => {
  if (!endsWithCommaOrIn(before) || !capitalBeforeCommaOrIn(before)) return false;
  const name = NAME_AND_COMMA_END.exec(before);
  return !!name && hasOriginCue(before.slice(0, name.index + (name[0].length - name[0].trimStart().length)));
};
/**
 * The last word of a NAME_AND_COMMA_END match is the run of non-spaces before the comma or " in" and starts with a
 * capital: asked first, it spares the regex for "attacked in X", "the market in X".
 */
function capitalBeforeCommaOrIn(text: string): boolean {
  let end = spaceRunStart(text, text.length);
  end = text.charCodeAt(end - 1) === 44 /* , */ ? end - 1 : spaceRunStart(text, end - 2);
  let start = end;
  while (start > 0 && !isRegexSpace(text.charCodeAt(start - 1))) start--;
  if (start === end) return false;
  const c = text.charCodeAt(start);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_FIRST.test(text.slice(start, end));
}
const UPPER_FIRST = /^\p{Lu}/u;
const NEAR_CUE = /\b(?:near|nearby|outside|close to|around|on the outskirts of|outskirts of|(?:in )?the vicinity of|(?:the )?area of|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?(?: part)? of|(?:kilomet(?:re|er)s?|km|miles?)(?: (?:north|south|east|west)(?:-?(?:east|west))?)? (?:from|of))\s+(?:the\s+)?(?:(?:town|city|village|camp) of\s+)?$/i;
const COUNTRYSIDE_BEFORE = /\b(?:(?:the\s+)?countryside of|rural)\s+(?:the\s+)?$/i;
// The last words NEAR_CUE, COUNTRYSIDE_BEFORE and UNIT_BEFORE can end with (before an optional "the").
const NEAR_LAST_WORDS: ReadonlySet<string> = new Set(['near', 'nearby', 'outside', 'to', 'around', 'of', 'from']);
const COUNTRYSIDE_LAST_WORDS: ReadonlySet<string> = new Set(['of', 'rural']);
const COUNTRYSIDE_AFTER = /^(?:['’]s)?\s+(?:countryside|rural areas|suburbs|hinterland)\b/i;
const UNIT_AFTER = /^(?:['’]s)?\s+(province|governorate|region|state|oblast|prefecture|department|district|county|township|local government area|lga|raion|rayon|division|municipality)\b/i;
const UNIT_BEFORE = /\bthe\s+(province|governorate|region|state|oblast|prefecture|department|district|county|township) of\s+$/i;
const ADMIN1_WORDS = new Set(['province', 'governorate', 'region', 'state', 'oblast', 'prefecture', 'department']);
const SPEECH_AFTER = /^,?\s+(?:said|says|told|added|stated|explained|wrote|tweeted|confirmed|denied|claimed)\b/i;
/** SPEECH_AFTER at `end` needs an optional comma, spaces and then a verb's first letter: s, t, a, e, w, c or d. */
function maySpeakAfter(body: string, end: number): boolean {
  let p = end;
  if (body.charCodeAt(p) === 44) p++;
  if (p >= body.length || !isRegexSpace(body.charCodeAt(p))) return false;
  while (p < body.length && isRegexSpace(body.charCodeAt(p))) p++;
  // Under /i, ſ (U+017F) is an "s": any character outside ASCII leaves the answer to the regex.
  const c = body.charCodeAt(p);
  return c >= 128 || SPEECH_FIRST.has(c | 32);
}
const SPEECH_FIRST: ReadonlySet<number> = new Set([...'stacewd'].map((ch) => ch.charCodeAt(0)));
/** "Abagana, a community in Makurdi": a comma list after a cue keeps the cue ("the towns of X and Y"). */
const LIST_GAP = /^\s*(?:,|and|or|&|, and|, or)\s*$/;

/** Hyphens and apostrophes a word may not end with ("Assad's" keeps its "'s" to the possessive test). */
const isTrailingMark = (c: number): boolean => c === 45 /* - */ || c === 0x2010 || isApostrophe(c);
const isApostrophe = (c: number): boolean => c === 39 /* ' */ || c === 0x2019;
/** ARTICLE_PREFIX's [-‐'’]. */
const isArticleMark = (c: number): boolean => c === 45 || c === 0x2010 || isApostrophe(c);

/** `[\p{L}\p{M}]` for one code point; ASCII decided inline, the rest asked of the regex once per code point. */
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
function isLetterOrMark(cp: number): boolean {
  if (cp < 128) return isAsciiLetter(cp);
  let v = letterOrMarkMemo.get(cp);
  if (v === undefined) {
    v = LETTER_OR_MARK.test(String.fromCodePoint(cp));
    letterOrMarkMemo.set(cp, v);
  }
  return v;
}

/** Where the next word starts at or after `from`, stepping by code point as a /u regex does; -1 when none does. */
function wordStart(body: string, from: number): number {
  for (let i = from; i < body.length; ) {
    const c = body.charCodeAt(i);
    if (c < 128) {
      if (isAsciiLetter(c)) return i;
      i++;
      continue;
    }
    const cp = body.codePointAt(i)!;
    if (isLetterOrMark(cp)) return i;
    i += cp > 0xffff ? 2 : 1;
  }
  return -1;
}

/** End of the word starting at `start`: letters, marks, ASCII digits, apostrophes and hyphens. */
function wordEnd(body: string, start: number): number {
  let i = start;
  while (i < body.length) {
    const c = body.charCodeAt(i);
    if (c < 128) {
      if (!(isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 39 || c === 45)) break;
      i++;
      continue;
    }
    const cp = body.codePointAt(i)!;
    if (!(isLetterOrMark(cp) || cp === 0x2019 || cp === 0x2010)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

function tokenize(body: string): Token[] {
  const out: Token[] = [];
  for (let start = wordStart(body, 0), full = 0; start >= 0; start = wordStart(body, full)) {
    // Character tests rather than a regex per word: this loop sees every word of every report.
    full = wordEnd(body, start);
    let n = full - start;
    while (n > 0 && isTrailingMark(body.charCodeAt(start + n - 1))) n--;
    let possessive = false;
    if (n >= 2 && body.charCodeAt(start + n - 1) === 115 /* s */ && isApostrophe(body.charCodeAt(start + n - 2))) {
      n -= 2;
      possessive = true;
    }
    const end = start + n;
    if (n === 0) continue;
    const c = body.charCodeAt(start);
    // ASCII letters decide without allocating; ARTICLE_PREFIX needs a lower-case "a" or "e" first ("al-Shir", "el-Fasher")
    // and a hyphen or apostrophe after its two or three letters.
    let upper: boolean;
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) upper = false;
    else {
      const first = body[start]!;
      upper = first !== first.toLowerCase() && first === first.toUpperCase();
    }
    const cap = upper || ((c === 97 || c === 101) && n >= 4 && (isArticleMark(body.charCodeAt(start + 2)) || isArticleMark(body.charCodeAt(start + 3))) && ARTICLE_PREFIX.test(body.slice(start, end)));
    out.push(new Token(body, start, end, cap, possessive));
  }
  return out;
}

/** Capitalised runs: consecutive capitalised tokens (connectors allowed inside) separated by single spaces. */
function capitalisedRuns(body: string, tokens: Token[]): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i]!.cap) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const prev = tokens[j - 1]!;
      const t = tokens[j]!;
      if (prev.possessive || !isOneCharGap(body, prev.end, t.start, false)) break;
      if (t.cap) {
        j++;
        continue;
      }
      // Up to two particles inside a name: "Martinez de la Torre", "Khabb wa ash Shaaf".
      let k = j;
      while (k < j + 2 && k < tokens.length && CONNECTORS.has(tokens[k]!.lower)) k++;
      if (k === j || !tokens[k]?.cap) break;
      let joined = true;
      for (let q = j; q < k && joined; q++) joined = isOneCharGap(body, tokens[q]!.end, tokens[q + 1]!.start, true);
      if (!joined) break;
      j = k + 1;
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

/** The text between two tokens is one space or no-break space (or a hyphen, when `hyphen`): /^[ \u00a0-]$/ without a slice. */
function isOneCharGap(body: string, from: number, to: number, hyphen: boolean): boolean {
  if (to - from !== 1) return false;
  const c = body.charCodeAt(from);
  return c === 32 || c === 0xa0 || (hyphen && c === 45);
}

/** The text between `from` and `to` is a non-empty run of `\s` (/^\s+$/ without a slice). */
function isSpaceGap(body: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let p = from; p < to; p++) if (!isRegexSpace(body.charCodeAt(p))) return false;
  return true;
}

/**
 * A lookup key (token keys joined by spaces) and what the recognizer asks of it. The nodes form a trie over token keys
 * that outlives a report: a span's key is reached from its prefix's node by the next token's key, whose hash the token
 * string already carries, so no span joins a fresh string and hashes it again for each of its lookups (the gazetteer,
 * the country names, the demonyms and the evidence memo were four of them). Every fact is derived from `key` alone.
 */
class KeyNode {
  /** Created with the first child: most keys end a span and never get one (less memory for lookups to walk through). */
  private children: Map<string, KeyNode> | null = null;
  private entriesMemo: GazetteerEntry[] | undefined;
  private countryMemo: string | null | undefined;
  private demonymMemo: string | null | undefined;
  private evidenceMemo: ReadonlySet<string> | null | undefined;
  private solidMemo: GazetteerEntry[] | undefined;

  constructor(readonly key: string) {}

  child(tokenKey: string): KeyNode {
    let c = this.children?.get(tokenKey);
    if (!c) {
      c = new KeyNode(this.key ? `${this.key} ${tokenKey}` : tokenKey);
      (this.children ??= new Map()).set(tokenKey, c);
      keyNodeCount++;
    }
    return c;
  }

  /** lookupKey(key). */
  get entries(): GazetteerEntry[] {
    return (this.entriesMemo ??= lookupKey(this.key));
  }

  /** The country this key names (a name, variant or demonym), or null. */
  get country(): string | null {
    if (this.countryMemo === undefined) this.countryMemo = countryKeyMap().get(this.key) ?? null;
    return this.countryMemo;
  }

  /** The country of a demonym that is not also one of its names ("Somali"), or null. */
  get demonym(): string | null {
    if (this.demonymMemo === undefined) this.demonymMemo = demonymKeyMap().get(this.key) ?? null;
    return this.demonymMemo;
  }

  /** Countries for which the key is evidence (see isCountryEvidence); null when none (most keys: no set to look into). */
  get evidence(): ReadonlySet<string> | null {
    if (this.evidenceMemo === undefined) {
      const set = new Set(this.entries.filter(isCountryEvidence).map((e) => e.country));
      this.evidenceMemo = set.size > 0 ? set : null;
    }
    return this.evidenceMemo;
  }

  /** lookupKey of the key written solid ("Yar Maung" → "yarmaung"). */
  get solidEntries(): GazetteerEntry[] {
    return (this.solidMemo ??= lookupKey(this.key.replace(/ /g, '')));
  }
}

/** Bounds the trie's memory on corpora with endless distinct names: a new root once it holds this many nodes. */
const KEY_NODE_LIMIT = 100_000;
let keyNodeCount = 0;
let keyRoot = new KeyNode('');

/**
 * Keys of the spans of one report's tokens: [a, b) is token keys joined, articles dropped unless last (as placeKey
 * does), tokens without a key skipped. Each start's nodes are filled by length as far as they are asked for.
 */
class SpanKeys {
  private readonly root: KeyNode;
  /**
   * Spans start inside runs and end inside the same run: `offset[a]` is where the nodes of the spans that start at token
   * a begin, one per length up to the run's end (at most MAX_RUN), so a one-word run takes one slot, not MAX_RUN. The
   * node of span [a, a + len) is at offset[a] + len - 1, and beside it the same span's node without a final article
   * (the prefix the next length extends); the lengths are filled in order, so the first empty slot says how far.
   * Flat arrays, one set per report: a pair of arrays per start token was most of what the spans allocated. Longer
   * spans (certain places) are walked on.
   */
  private readonly offset: number[];
  private readonly spans: (KeyNode | undefined)[];
  private readonly bases: (KeyNode | undefined)[];

  constructor(
    private readonly tokens: Token[],
    runs: [number, number][],
  ) {
    if (keyNodeCount >= KEY_NODE_LIMIT) {
      keyRoot = new KeyNode('');
      keyNodeCount = 0;
    }
    this.root = keyRoot;
    this.offset = new Array<number>(tokens.length);
    let size = 0;
    for (const [a, b] of runs) {
      for (let k = a; k < b; k++) {
        this.offset[k] = size;
        size += Math.min(MAX_RUN, b - k);
      }
    }
    this.spans = new Array<KeyNode | undefined>(size);
    this.bases = new Array<KeyNode | undefined>(size);
  }

  /** Span [a, b) inside one run. */
  node(a: number, b: number): KeyNode {
    const at = this.offset[a]!;
    const len = Math.min(b - a, MAX_RUN);
    let l = 1;
    while (l <= len && this.spans[at + l - 1] !== undefined) l++;
    for (; l <= len; l++) {
      const prefix = l === 1 ? this.root : this.bases[at + l - 2]!;
      const key = this.tokens[a + l - 1]!.key;
      const span = key ? prefix.child(key) : prefix;
      this.spans[at + l - 1] = span;
      this.bases[at + l - 1] = extendsPrefix(key) ? span : prefix;
    }
    if (b - a <= MAX_RUN) return this.spans[at + len - 1]!;
    let span = this.spans[at + MAX_RUN - 1]!;
    let base = this.bases[at + MAX_RUN - 1]!;
    for (let k = a + MAX_RUN; k < b; k++) {
      const key = this.tokens[k]!.key;
      span = key ? base.child(key) : base;
      if (extendsPrefix(key)) base = span;
    }
    return span;
  }
}

/** Whether a span ending with this token key is the prefix longer spans extend: an article counts only last. */
const extendsPrefix = (key: string): boolean => !!key && !CONNECTOR_ARTICLES.has(key);
const CONNECTOR_ARTICLES = new Set(['al', 'el', 'ez', 'ad', 'as', 'ash', 'ar', 'at', 'az', 'an', 'ath', 'adh']);

/**
 * A run is a person's name when a title or role precedes it, a speech verb follows it, or it starts
 * with a known given name. Returns the index where the non-person part of the run ends.
 */
function personCut(body: string, tokens: Token[], a: number, b: number): number {
  const lex = recognizerLexicon();
  const prev = tokens[a - 1];
  if (prev && !prev.cap && isSpaceGap(body, prev.end, tokens[a]!.start) && lex.titles.has(prev.lower)) return a;
  // A title inside the run ("President Bashar al-Assad", "Governor Vitaliy Kim"): what follows is a person.
  for (let k = a; k < b; k++) {
    if (lex.titles.has(tokens[k]!.lower) && k + 1 < b) return k;
  }
  if (b - a >= 2 && lex.givenNames.has(tokens[a]!.lower)) return a;
  if (b - a >= 2 && maySpeakAfter(body, tokens[b - 1]!.end) && SPEECH_AFTER.test(body.slice(tokens[b - 1]!.end, tokens[b - 1]!.end + 20))) return a;
  // Every apposition form starts with a comma: the character test spares the slices for nearly every run.
  const end = tokens[b - 1]!.end;
  if (b - a >= 2 && body.charCodeAt(end) === 44 && isPersonApposition(body.slice(end, end + 60), lex.titles, hasPlaceCue(body.slice(Math.max(0, tokens[a]!.start - 30), tokens[a]!.start)))) return a;
  if (prev?.lower === 'as' && NAMED_BEFORE.test(body.slice(Math.max(0, tokens[a]!.start - 20), tokens[a]!.start))) return a;
  return b;
}

// "Geraldine Talley, 62;", "Zaire Goodman, 20, a store employee": an age in commas is said of people, never of places
// (a year has four digits, and a count goes on with its noun: "in Homs, 12 in Hama").
const AGE_AFTER = /^,\s*(?:aged\s+)?\d{1,3}(?:\s*,|\s*;|\s*\.|\s*\)|\s*$|\s+(?:and|who|was|were|had|has|is)\b)/;
// "Aaron Salter, a 55-year-old security guard", "Hassan Ali, a student who …": an apposition that describes a person.
const YEAR_OLD_AFTER = /^,\s*an?\s+\d{1,3}-year-old\b/;
const ROLE_AFTER = /^,\s*(?:an?|the|whose|his|her)\s+(?:[a-z-]+\s+){0,2}?([a-z]+)\b/;
// "a man identified as X", "the victim, named as X": what follows names a person.
const NAMED_BEFORE = /\b(?:identified|named)\s+as\s+$/i;

/**
 * What follows a capitalised run says it names a person: an age, "a 55-year-old …", or "a student", "a local farmer".
 * After a place cue a role is the speaker of the next clause instead ("in Deir ez-Zor, a resident said").
 */
function isPersonApposition(after: string, titles: ReadonlySet<string>, cued: boolean): boolean {
  if (AGE_AFTER.test(after) || YEAR_OLD_AFTER.test(after)) return true;
  if (cued) return false;
  const role = ROLE_AFTER.exec(after)?.[1];
  return !!role && titles.has(role);
}

/** Country names, variants and demonyms by key, built once. */
let countryKeys: Map<string, string> | null = null;
function countryKeyMap(): Map<string, string> {
  if (!countryKeys) {
    countryKeys = new Map();
    for (const c of countries().values()) {
      for (const n of [c.name, ...c.variants, ...c.demonyms]) {
        const k = placeKey(n);
        if (k && !countryKeys.has(k)) countryKeys.set(k, c.iso2);
      }
    }
  }
  return countryKeys;
}

/** Demonyms that are not also a name of their country ("Somali", "Afghan"; not "Djibouti"), by key, built once. */
let demonymKeys: Map<string, string> | null = null;
function demonymKeyMap(): Map<string, string> {
  if (!demonymKeys) {
    demonymKeys = new Map();
    const names = new Set<string>();
    for (const c of countries().values()) for (const n of [c.name, ...c.variants]) names.add(placeKey(n));
    for (const c of countries().values()) {
      for (const d of c.demonyms) {
        const k = placeKey(d);
        if (k && !names.has(k) && !demonymKeys.has(k)) demonymKeys.set(k, c.iso2);
      }
    }
  }
  return demonymKeys;
}

const NOUN_AFTER = /^\s+([a-z]+)\b/;

/**
 * "the Somali capital", "the Afghan army": a demonym before a lower-case noun is an adjective of its country, not a
 * place of that name (the Somali region of Ethiopia). Returns the country when it names its capital, null when the
 * demonym is an adjective to skip, and undefined when the word is no such adjective (a unit word may follow: "Somali region").
 */
function demonymAdjective(cc: string, after: string): { capitalOf: string; noun: string } | null | undefined {
  if (UNIT_AFTER.test(after) || STRONG_AFTER.test(after)) return undefined;
  const noun = NOUN_AFTER.exec(after);
  if (!noun) return undefined;
  return noun[1] === 'capital' ? { capitalOf: cc, noun: noun[0] } : null;
}

/** The country's own entry, for a demonym that names it. */
function countryEntries(cc: string): GazetteerEntry[] {
  const name = countries().get(cc)?.name;
  return name ? lookupKey(placeKey(name)).filter((e) => e.country === cc && e.featureCode.startsWith('PCL')) : [];
}

/**
 * Countries the text is about, most evidence first: names, demonyms ("Syrian"), admin1 units and
 * major cities ("Latakia", "Benue", "Gaza"). Counts may be fractional when a name is shared.
 */
export function detectCountries(body: string): { country: string; count: number }[] {
  const tokens = tokenize(body);
  const runs = capitalisedRuns(body, tokens);
  return countriesInTokens(tokens, runs, new SpanKeys(tokens, runs));
}

function countriesInTokens(tokens: Token[], runs: [number, number][], spans: SpanKeys): { country: string; count: number }[] {
  const counts = new Map<string, number>();
  const add = (cc: string, n = 1): void => void counts.set(cc, (counts.get(cc) ?? 0) + n);
  for (const [a, b] of runs) {
    let i = a;
    while (i < b) {
      let step = 1;
      for (let len = Math.min(4, b - i); len >= 1; len--) {
        const node = spans.node(i, i + len);
        const cc = node.country;
        if (cc) {
          add(cc);
          step = len;
          break;
        }
        if (len === 1 && recognizerLexicon().stopwords.has(tokens[i]!.lower)) continue;
        const strong = node.evidence;
        if (strong) {
          // A name shared by several countries ("Gaza": PS and MZ) splits its vote.
          for (const cc of strong) add(cc, 1 / strong.size);
          step = len;
          break;
        }
      }
      i += step;
    }
  }
  const out: { country: string; count: number }[] = [];
  for (const [country, count] of counts) out.push({ country, count });
  // Country codes are two upper-case ASCII letters, which localeCompare orders as their code units do.
  return out.sort((x, y) => y.count - x.count || (x.country < y.country ? -1 : x.country > y.country ? 1 : 0));
}

/** Admin1 units, regions and major cities say which country a text is about. */
const isCountryEvidence = (e: GazetteerEntry): boolean =>
  e.featureCode === 'ADM1' || e.featureCode === 'RGN' || e.featureCode === 'PPLC' || (e.featureCode === 'PPLA' && e.population >= LARGE_CITY);

/** Finds place names in a report body and resolves each to a gazetteer entry. */
export function recognizePlaces(body: string, opts: RecognizePlacesOptions = {}): PlaceMention[] {
  const tokens = tokenize(body);
  const runs = capitalisedRuns(body, tokens);
  const spans = new SpanKeys(tokens, runs);
  const cuts = runs.map(([a, b]) => personCut(body, tokens, a, b));
  let matches = findMatches(body, tokens, runs, cuts, spans);
  const hinted = opts.countryHints?.length ? opts.countryHints : null;
  const countryWeight = countryWeights(hinted, hinted ? [] : countriesInTokens(tokens, runs, spans));
  const certain = sameNameAgain(tokens, runs, cuts, spans, certainPlaces(body, tokens, runs, cuts, spans, countryWeight));
  if (matches.length === 0 && certain.length === 0) return [];
  // A run that syntax marks as one place overrides the shorter or foreign names found inside it.
  // Both lists are in text order: one linear merge.
  const unresolved: { c: Certain; span: Span }[] = [];
  if (certain.length) {
    const dropped = new Set<Match>();
    let k = 0;
    for (const c of certain) {
      const span = { start: tokens[c.a]!.start, end: tokens[c.b - 1]!.end };
      while (k < matches.length && matches[k]!.span.start < span.start) k++;
      const inside: Match[] = [];
      for (let q = k; q < matches.length && matches[q]!.span.start < span.end; q++) inside.push(matches[q]!);
      const whole = inside.find((m) => m.span.start === span.start && surfaceName(m.text).length >= span.end - span.start);
      if (whole) {
        whole.strong = true;
        whole.anchor = c.anchor;
        whole.certain = c;
        continue;
      }
      for (const m of inside) dropped.add(m);
      unresolved.push({ c, span });
    }
    if (dropped.size) matches = matches.filter((m) => !dropped.has(m));
  }
  for (const m of matches) {
    if (!m.capitalOf) continue;
    const seat = matches.flatMap((x) => x.candidates).find((e) => e.featureCode === 'PPLC' && e.country === m.capitalOf);
    if (seat) m.candidates = [seat];
  }
  const admins = mentionedAdmins(matches, countryWeight);
  const chosenByKey = new Map<string, GazetteerEntry>();
  const out: PlaceMention[] = [];
  /** Beside `out`, index for index: what each mention was resolved from. */
  const resolved: { m: Match; entry: GazetteerEntry }[] = [];
  for (const m of matches) {
    let entry = resolve(m, countryWeight, admins, chosenByKey);
    const c = m.certain;
    if (c && c.country && (!entry || !fitsAnchor(entry, c))) {
      // The gazetteer's namesakes lie elsewhere: the place named here is one it lacks.
      unresolved.push({ c, span: m.span });
      entry = null;
    }
    if (!entry) continue;
    const role = m.context === 'origin' ? 'origin' : 'event';
    const precision = precisionFor(m, entry);
    out.push({
      span: m.span,
      text: m.text,
      place: toPlaceRef(entry, role, [m.span], precision, [surfaceName(m.text)]),
      context: m.context,
      candidates: m.candidates.length,
    });
    resolved.push({ m, entry });
  }
  const provinces = resolved.filter((r) => r.entry.featureCode === 'ADM1' && r.m.context !== 'origin');
  if (provinces.length) {
    // The name means the same place throughout the report: what one sentence shows of it holds for the others.
    const meant = new Map<GazetteerEntry, GazetteerEntry>();
    for (const { m, entry } of resolved) {
      const province = m.context === 'origin' ? null : provinceContradicting(body, m, entry, provinces);
      if (province) meant.set(entry, province);
    }
    for (let i = resolved.length - 1; i >= 0 && meant.size; i--) {
      const { m, entry } = resolved[i]!;
      const province = meant.get(entry);
      if (!province) continue;
      unresolved.push({ c: { a: 0, b: m.tokens, anchor: province, country: province.country, featureCode: entry.featureCode === 'ADM2' ? 'ADM2' : 'PPL' }, span: m.span });
      out.splice(i, 1);
    }
  }
  // A name no unit locates lies where the report's resolved places lie, rather than where its demonyms point ("Israeli
  // drones" in a report on Syria).
  const placesCountry = unresolved.length ? dominantCountry(out) : null;
  for (const { c, span } of unresolved) {
    const country = !c.anchor && placesCountry ? placesCountry : c.country;
    if (!country) continue;
    const before = body.slice(Math.max(0, span.start - 60), span.start);
    const after = body.slice(span.end, span.end + 80);
    const m = withContext(body, span, [], before, after, c.b - c.a, true);
    const name = surfaceName(body.slice(span.start, span.end));
    const role = m.context === 'origin' ? 'origin' : 'event';
    out.push({ span: m.span, text: m.text, place: unresolvedPlaceRef(name, c.anchor, country, role, [m.span], c.featureCode), context: m.context, candidates: 0 });
  }
  return unresolved.length ? out.sort((x, y) => x.span.start - y.span.start) : out;
}

/** Namesakes that may stand for a place the gazetteer lacks; capitals, provincial seats and provinces are well known. */
const MINOR_PLACE = /^(?:PPL|PPLX|PPLL|PPLA[234]|ADM[23])$/;

/**
 * "Bijapur district in Chhattisgarh": the sentence names a province of the namesake's country, the namesake lies in
 * another and no namesake lies in it, so the place meant is one the gazetteer lacks, in that province.
 */
function provinceContradicting(body: string, m: Match, entry: GazetteerEntry, provinces: { m: Match; entry: GazetteerEntry }[]): GazetteerEntry | null {
  if (!MINOR_PLACE.test(entry.featureCode)) return null;
  let unit: GazetteerEntry | null = null;
  for (const { m: o, entry: a1 } of provinces) {
    if (o === m || a1.country !== entry.country || !sameSentence(body, m.span, o.span)) continue;
    if (a1.admin1Code === entry.admin1Code || (unit && unit.admin1Code !== a1.admin1Code)) return null;
    unit = a1;
  }
  if (!unit || m.candidates.some((e) => e.country === unit!.country && e.admin1Code === unit!.admin1Code)) return null;
  return unit;
}

/** No sentence end between two spans. */
function sameSentence(body: string, x: Span, y: Span): boolean {
  const gap = body.slice(Math.min(x.end, y.end), Math.max(x.start, y.start));
  return gap.length < 200 && !/[.!?](?:\s|$)|\n/.test(gap);
}

/** The country most of the resolved event places lie in (the first named wins a tie), or null when none is resolved. */
function dominantCountry(mentions: PlaceMention[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const m of mentions) {
    if (m.place.role !== 'event') continue;
    const n = (counts.get(m.place.country) ?? 0) + 1;
    counts.set(m.place.country, n);
    if (!best || n > counts.get(best)!) best = m.place.country;
  }
  return best;
}

/**
 * What joins a place to the name that locates it: ", Y", " in Y", and the appositions reports use for places the
 * reader may not know, ", a village in Y" (which also says it is a place) and ", in the north-west of Y"; the locating
 * name may follow a possessive ("Ethiopia's Tigray region").
 */
const LOCATOR_LINK = /^(?:\s*,\s*(?:(?:an?\s+(?:[a-z-]+\s+){0,2}?(village|town|hamlet|settlement|locality|community|camp)\s+)?(?:(?:both|all|each)\s+)?(?:in|of|near)\s+(?:the\s+)?(?:(?:far\s+)?(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?(?:\s+part)?\s+of\s+|cent(?:re|er|ral)(?:\s+part)?\s+of\s+)?)?|\s+(?:in|of)\s+(?:the\s+)?)(?:(\p{Lu}[\p{L}-]*)(['’]s\s+))?/u;

/** "killed in X and thirty in Y, both in Z": a locator shared by the names listed before it. */
const SHARED_LOCATOR = /^[^.;:()]{0,80}?,\s*(?:both|all|all three|each)\s+(?:in|of|near)\s+(?:the\s+)?/;
/** "the Tondikiwindi commune of the Tillabéri region": a unit located in turn by a broader one. */
const UNIT_OF = /^\s+(?:commune|district|sub-?district|county|municipality|department|township|local government area|lga|tehsil|taluka|ward|province|governorate|prefecture)\s+of\s+(?:the\s+)?/i;

/** Cues after which a capitalised run located by a known unit is a place ("shelled X in Idlib"). */
// /\b(?:in|at|near|…|struck|located at)\s+$/i: the window's last word is one of them, read backwards (a regex ending
// with "$" is tried at every start position of the window).
const isUnresolvedCue = (tail: Tail | null): boolean => !!tail && UNRESOLVED_CUE_WORDS.has(tail.last);
const NEAR_BEFORE = /\b(?:near|close to|outskirts of|vicinity of)\s+(?:the\s+)?$/i;
const UNRESOLVED_CUE_WORDS: ReadonlySet<string> = new Set(['in', 'at', 'near', 'from', 'into', 'outside', 'inside', 'toward', 'towards', 'around', 'between',
  'reached', 'entered', 'shelled', 'bombed', 'targeted', 'attacked', 'captured', 'seized', 'stormed', 'raided', 'hit', 'struck']);
// NEAR_BEFORE's last words (before an optional "the").
const NEAR_BEFORE_LAST_WORDS: ReadonlySet<string> = new Set(['near', 'to', 'of']);
/** Unit words that may close a capitalised run ("Tin Ma Village", "Karen State"): not part of the name. */
const RUN_UNIT_WORDS = new Set(['village', 'town', 'city', 'camp', 'area', 'district', 'township', 'county', 'municipality', 'state', 'province', 'region', 'governorate', 'oblast', 'subdistrict', 'sub-district', 'tehsil', 'taluka', 'ward', 'sector', 'neighborhood', 'neighbourhood']);
const PART_UNIT = /\s+(?:province|governorate|region|state|oblast|district|sub-?district|county|township|municipality|city|town|village|countryside|lga|local government area|raion|rayon|division|department|prefecture|tehsil|taluka|area)$/i;
const ADMIN2_WORDS = new Set(['district', 'township', 'county', 'municipality', 'subdistrict', 'sub-district', 'tehsil', 'taluka', 'lga', 'local government area', 'raion', 'rayon']);
/** Facilities that are places for an analyst even though their nouns mark organisations elsewhere. */
const FACILITIES = new Set(['airport', 'station', 'mine', 'checkpoint', 'crossing', 'bridge', 'junction', 'market', 'dam', 'port']);

/**
 * "the town of Seytenga" … "attacked the gendarmerie post in Seytenga": a name the report once marks as a place the
 * gazetteer lacks names that place wherever it stands alone as a capitalised run later on (a headline before it may use
 * the name of a people or a group).
 */
function sameNameAgain(tokens: Token[], runs: [number, number][], cuts: number[], spans: SpanKeys, certain: Certain[]): Certain[] {
  const lex = recognizerLexicon();
  const byKey = new Map<string, Certain>();
  for (const c of certain) {
    const key = spans.node(c.a, c.b).key;
    if (!byKey.has(key)) byKey.set(key, c);
  }
  if (byKey.size === 0) return certain;
  const taken = new Set(certain.map((c) => c.a));
  const more: Certain[] = [];
  for (let r = 0; r < runs.length; r++) {
    let a = runs[r]![0];
    while (a < runs[r]![1] && lex.stopwords.has(tokens[a]!.lower)) a++;
    const b = cuts[r]!;
    if (a >= b || taken.has(a) || b !== runs[r]![1]) continue;
    const c = byKey.get(spans.node(a, b).key);
    if (c && a > c.a && b - a === c.b - c.a) more.push({ ...c, a, b });
  }
  return more.length ? [...certain, ...more].sort((x, y) => x.a - y.a) : certain;
}

/**
 * Pass 1b: capitalised runs that syntax marks as places whether or not the gazetteer knows them —
 * "the village of X", "X village", "in X (Y, Z)", "near X, Y", "shelled X in Y" where Y resolves.
 */
function certainPlaces(body: string, tokens: Token[], runs: [number, number][], cuts: number[], spans: SpanKeys, countryWeight: Map<string, number>): Certain[] {
  const lex = recognizerLexicon();
  let topCountry: string | null | undefined;
  const out: Certain[] = [];
  let lastEnd = -1;
  for (let r = 0; r < runs.length; r++) {
    const [r0, r1] = runs[r]!;
    let a = r0;
    while (a < r1 && lex.stopwords.has(tokens[a]!.lower)) a++;
    if (a >= r1) continue;
    // Only a run that a cue precedes or a unit word or parenthesis follows can be certain (token checks first: cheap).
    const cue = cueWordBefore(tokens, a);
    const listedHere = lastEnd >= 0 && tokens[a]!.start - lastEnd <= 8;
    const headed = !cue && isEntryHead(body, tokens[a]!.start);
    if (!cue && !headed && !listedHere && !RUN_UNIT_WORDS.has(tokens[r1 - 1]!.lower) && !UNIT_AFTER_FIRST.has(tokens[r1]?.lower ?? '') && !parenAt(body, tokens[r1 - 1]!.end)) continue;
    const cut = a === r0 ? cuts[r]! : personCut(body, tokens, a, r1);
    let b = cut;
    let unitWord = '';
    while (b - 1 > a && RUN_UNIT_WORDS.has(tokens[b - 1]!.lower)) unitWord = tokens[--b]!.lower;
    if (a >= b) continue;
    const first = tokens[a]!;
    const last = tokens[b - 1]!;
    const startX = first.start;
    const endX = last.end;
    if (b - a === 1 && (lex.givenNames.has(first.lower) || lex.titles.has(first.lower))) continue;
    if (lex.orgNouns.has(last.lower) && !FACILITIES.has(last.lower)) continue;
    const node = spans.node(a, b);
    if (!node.key || node.country) continue;
    // The cue's window is read only for runs the token tests above have not ruled out (country names are many).
    const text = body.slice(startX, endX);
    const before = cue ? body.slice(Math.max(0, tokens[a]!.start - STRONG_REACH), tokens[a]!.start) : '';
    const tail = cue ? tailOf(before) : null;
    const strongBefore = cue === 'of' && STRONG_BEFORE.test(before);
    const weak = !!cue && isUnresolvedCue(tail);
    const near = !!cue && tailCue(tail, NEAR_BEFORE_LAST_WORDS, false) && NEAR_BEFORE.test(before);
    const nameEnd = unitWord ? tokens[cut - 1]!.end : endX;
    let after = body.slice(nameEnd, endX + 160);
    // "in Maguindanao del Sur province": an admin unit the gazetteer lacks, after a place cue.
    const adminAfter = !unitWord && weak ? UNIT_AFTER.exec(after) : null;
    if (adminAfter && node.entries.length === 0) unitWord = adminAfter[1]!.toLowerCase();
    const unitAfter = STRONG_AFTER.exec(after);
    if (unitAfter && !unitWord) {
      unitWord = unitAfter[0].replace(/^(?:['’]s)?\s+/, '').toLowerCase();
      after = after.slice(unitAfter[0].length);
    }
    const acronym = !hasLowerCase(text);
    const listed = lastEnd >= 0 && startX - lastEnd <= 8 && LIST_GAP.test(body.slice(lastEnd, startX));
    // What locates it: "(Y, Z)", ", Y", " in Y".
    let parts: string[] = [];
    let viaParens = false;
    // The locating name is itself called a unit ("in X, in Y province"): it locates X even when the gazetteer lacks it.
    let unitLocated = false;
    const paren = charAfterSpaces(after) === 40 /* ( */ ? PAREN_AFTER.exec(after) : null;
    if (paren) {
      parts = paren[1]!.split(/\s*(?:[,;/]|\band\b)\s*/);
      viaParens = true;
    } else {
      const link = mayLinkLocator(after) ? LOCATOR_LINK.exec(after) : null;
      const shared = link || !mayShareLocator(after) ? null : SHARED_LOCATOR.exec(after);
      if (link || shared) {
        if (link?.[1] && !unitWord) unitWord = link[1].toLowerCase();
        // "Ethiopia's Tigray region": the country's possessive is skipped, any other one is the locating name.
        const possessive = !link?.[2] || countryKeyMap().has(placeKey(link[2])) ? 0 : link[2].length + link[3]!.length;
        const at = nameEnd + (unitAfter ? unitAfter[0].length : 0) + (link ?? shared)![0].length - possessive;
        const ti = tokenStartingAt(tokens, at, b);
        const re = ti === undefined ? undefined : runEndAt(runs, ti, r);
        if (ti !== undefined && re !== undefined) {
          parts = [body.slice(tokens[ti]!.start, tokens[re - 1]!.end)];
          const partAfter = body.slice(tokens[re - 1]!.end, tokens[re - 1]!.end + 60);
          unitLocated = UNIT_AFTER.test(partAfter);
          const of = UNIT_OF.exec(partAfter);
          const tz = of ? tokenStartingAt(tokens, tokens[re - 1]!.end + of[0].length, re) : undefined;
          const rz = tz === undefined ? undefined : runEndAt(runs, tz, r);
          if (tz !== undefined && rz !== undefined) parts.push(body.slice(tokens[tz]!.start, tokens[rz - 1]!.end));
        }
      }
    }
    const strong = strongBefore || (!!unitWord && !namesAGroup(tokens, a, b)) || listed;
    const closes = closesAfterSpaces(after);
    // Each way to be certain needs one of these: without any, the anchor need not be looked up.
    if (!((!acronym && (strong || weak || headed || (near && closes))) || viaParens)) continue;
    const anchor = parts.length ? anchorFor(parts, countryWeight) : null;
    const anchored = !!anchor && (viaParens || anchor.featureCode !== 'PPL' || anchor.population >= 10_000);
    const certain =
      (!acronym && strong) ||
      (!acronym && (weak || headed) && (anchored || (unitLocated && !anchor))) ||
      (!acronym && near && closes) ||
      (viaParens && anchored && !!anchor && /^ADM[12]$/.test(anchor.featureCode) && parts.length >= 2);
    if (!certain) continue;
    lastEnd = nameEnd + (unitAfter ? unitAfter[0].length : 0);
    if (topCountry === undefined) topCountry = heaviest(countryWeight);
    const country = anchor?.country ?? topCountry;
    const featureCode = ADMIN2_WORDS.has(unitWord) ? 'ADM2' : unitWord === 'camp' ? 'CMP' : /^(province|state|region|governorate|oblast)$/.test(unitWord) ? 'ADM1' : 'PPL';
    out.push({ a, b, anchor: anchor && anchor.featureCode !== 'PCLI' ? anchor : null, country, featureCode });
  }
  return out;
}

/** The country of the greatest weight, the first of equals (as a stable sort by weight would put first); null when none. */
function heaviest(countryWeight: Map<string, number>): string | null {
  let best: string | null = null;
  let bestWeight = -Infinity;
  for (const [country, w] of countryWeight) {
    if (best === null || w > bestWeight) [best, bestWeight] = [country, w];
  }
  return best;
}

// "27 October 2024 - Barka Tolorom, Lac province.": the place that heads a dated entry of a bulletin, after its date.
const ENTRY_HEAD = /(?:^|\n)[ \t]*(?:[^\n]{0,40}?(?:\s[-–—]|:)\s*)?$/;
const HEAD_MARKS = new Set([0x0a, 0x2d /* - */, 0x2013 /* – */, 0x2014 /* — */, 0x3a /* : */]);

/** Whether a line, or a line's date and dash, ends right before `start` (the character test spares the regex most runs). */
function isEntryHead(body: string, start: number): boolean {
  let i = start;
  while (i > 0 && (body.charCodeAt(i - 1) === 0x20 || body.charCodeAt(i - 1) === 0x09)) i--;
  if (i > 0 && !HEAD_MARKS.has(body.charCodeAt(i - 1))) return false;
  return ENTRY_HEAD.test(body.slice(Math.max(0, start - 60), start));
}

/** The token that starts at offset `at`, searching forward from token `from` (a few steps at most). */
function tokenStartingAt(tokens: Token[], at: number, from: number): number | undefined {
  for (let i = from; i < tokens.length && i < from + 8; i++) {
    if (tokens[i]!.start === at) return i;
    if (tokens[i]!.start > at) return undefined;
  }
  return undefined;
}

/** End of the run that starts at token `ti`, searching forward from run `from`. */
function runEndAt(runs: [number, number][], ti: number, from: number): number | undefined {
  for (let r = from; r < runs.length && r < from + 8; r++) {
    if (runs[r]![0] === ti) return runs[r]![1];
    if (runs[r]![0] > ti) return undefined;
  }
  return undefined;
}

/** An opening parenthesis after optional spaces at `pos` ("X (Y, Z)"). */
function parenAt(body: string, pos: number): boolean {
  for (let p = pos; p < pos + 3 && p < body.length; p++) {
    const c = body.charCodeAt(p);
    if (c === 40) return true;
    if (c !== 32) return false;
  }
  return false;
}

const PAREN_AFTER = /^\s*\(([^()]{2,100})\)/;

/** The first character after the leading `\s` run (NaN when none): what `^\s*X` regexes need first. */
function charAfterSpaces(text: string): number {
  let p = 0;
  while (p < text.length && isRegexSpace(text.charCodeAt(p))) p++;
  return text.charCodeAt(p);
}

/** LOCATOR_LINK starts with spaces and a comma, or spaces and "in" or "of": most names are followed by neither. */
function mayLinkLocator(after: string): boolean {
  let p = 0;
  while (p < after.length && isRegexSpace(after.charCodeAt(p))) p++;
  if (after.charCodeAt(p) === 44 /* , */) return true;
  return p > 0 && (after.startsWith('in', p) || after.startsWith('of', p));
}

/**
 * SHARED_LOCATOR needs a comma among the first 81 characters, none of ".;:()" before it, and "both", "all" or "each"
 * after it: one scan that stops at the first of those marks (most windows hold a sentence end or no such comma).
 */
function mayShareLocator(after: string): boolean {
  const n = Math.min(after.length, 81);
  for (let p = 0; p < n; p++) {
    const c = after.charCodeAt(p);
    if (c === 46 || c === 59 || c === 58 || c === 40 || c === 41) return false;
    if (c !== 44) continue;
    let q = p + 1;
    while (q < after.length && isRegexSpace(after.charCodeAt(q))) q++;
    if (after.startsWith('both', q) || after.startsWith('all', q) || after.startsWith('each', q)) return true;
  }
  return false;
}

/** /^\s*(?:[.;,)]|$)/: the name closes its clause. */
function closesAfterSpaces(after: string): boolean {
  const c = charAfterSpaces(after);
  return Number.isNaN(c) || c === 46 || c === 59 || c === 44 || c === 41;
}

/** /\p{Ll}/u.test(text), read without the regex when the text is ASCII. */
function hasLowerCase(text: string): boolean {
  for (let p = 0; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (c >= 97 && c <= 122) return true;
    if (c >= 128) return LOWER_LETTER.test(text);
  }
  return false;
}
const LOWER_LETTER = /\p{Ll}/u;

/** The most specific of "Y, Z" that resolves, chosen inside the broader ones and the report's countries. */
function anchorFor(parts: string[], countryWeight: Map<string, number>): GazetteerEntry | null {
  let chosen: GazetteerEntry | null = null;
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!.trim().replace(PART_UNIT, '');
    if (!/^\p{Lu}/u.test(part)) continue;
    const key = placeKey(part);
    if (!key) continue;
    let cands = lookupKey(key);
    if (countryWeight.size) cands = cands.filter((e) => countryWeight.has(e.country));
    if (chosen) {
      const c: GazetteerEntry = chosen;
      const inside = cands.filter((e) => e.country === c.country && (c.featureCode === 'PCLI' || e.admin1Code === c.admin1Code));
      if (inside.length) cands = inside;
      else continue;
    }
    let best: GazetteerEntry | null = null;
    let bestRank = -Infinity;
    for (const e of cands) {
      const facts = factsOf(e);
      const rank = facts.anchorRank + facts.logPopulation * 10 + (countryWeight.get(e.country) ?? 0) * 100;
      if (rank > bestRank) [best, bestRank] = [e, rank];
    }
    if (best) chosen = best;
  }
  return chosen;
}
const ANCHOR_RANK: Record<string, number> = { ADM1: 300, ADM2: 250, PPLC: 200, PPLA: 200, PPLA2: 150, RGN: 150, PCLI: 100, ADM3: 100 };

/** A resolved namesake fits the syntax when it lies in the anchoring unit (or at least its country). */
function fitsAnchor(e: GazetteerEntry, c: Certain): boolean {
  if (e.country !== c.country) return false;
  const a = c.anchor;
  if (!a || a.featureCode === 'PCLI' || e === a) return true;
  // A large city or a unit of its own is not re-read as a namesake village ("Latakia, Tartus and Homs").
  if (/^(ADM1|ADM2|PPLC|PPLA|RGN)$/.test(e.featureCode) || e.population >= LARGE_CITY) return true;
  if (a.featureCode === 'ADM1' || a.featureCode === 'RGN') return e.admin1Code === a.admin1Code;
  return e.admin1Code === a.admin1Code;
}

/** The surface spelling as an alias: possessive and unit word dropped ("Latakia province" → "Latakia"). */
function surfaceName(text: string): string {
  // UNIT_TAIL needs a space before the unit word, and most names are one word: no end-anchored scan for those.
  let name = hasRegexSpace(text) ? text.replace(UNIT_TAIL, '') : text;
  const n = name.length;
  if (n >= 2 && name.charCodeAt(n - 1) === 115 /* s */ && isApostrophe(name.charCodeAt(n - 2))) name = name.slice(0, -2);
  return name;
}
function hasRegexSpace(text: string): boolean {
  for (let p = 0; p < text.length; p++) if (isRegexSpace(text.charCodeAt(p))) return true;
  return false;
}
const UNIT_TAIL = /\s+(?:province|governorate|region|state|oblast|prefecture|department|district|county|township|local government area|lga|raion|rayon|division|municipality)$/i;

function precisionFor(m: Match, e: GazetteerEntry): GeoPrecision {
  const base = defaultPrecision(e);
  if (m.context === 'near' || m.context === 'countryside') return Math.max(base, 2) as GeoPrecision;
  // "the province of Satipo" resolved to the town of Satipo: the unit is meant, the town only stands in for it.
  if (m.unitSuffix && base === 1) return 2;
  return base;
}

/** Capitalised words that qualify a region in a name, besides the directions ("Upper Nile", "Greater Cairo"). */
const REGION_QUALIFIERS: ReadonlySet<string> = new Set(['upper', 'lower', 'greater', 'northeast', 'northwest', 'southeast', 'southwest']);

/** Whether the run's words before `i` only qualify a place: stopwords, countries, peoples' names, directions. */
function onlyModifiersBefore(tokens: Token[], runStart: number, i: number, stopwords: ReadonlySet<string>): boolean {
  for (let k = runStart; k < i; k++) {
    const w = tokens[k]!.lower;
    if (!stopwords.has(w) && !DIRECTIONS.has(w) && !REGION_QUALIFIERS.has(w) && !countryKeyMap().has(w) && !demonymKeyMap().has(w)) return false;
  }
  return true;
}

/** Pass 1: every run, longest sub-run first, kept when it passes the false-positive filters. */
function findMatches(body: string, tokens: Token[], runs: [number, number][], cuts: number[], spans: SpanKeys): Match[] {
  const lex = recognizerLexicon();
  const matches: Match[] = [];
  let lastEnd = -1;
  let lastCued = false;
  let lastStrong = false;
  for (let r = 0; r < runs.length; r++) {
    const runStart = runs[r]![0];
    const end = cuts[r]!;
    const dir = directionBefore(body, tokens, runStart);
    let runMatched = false;
    let i = runStart;
    while (i < end) {
      let matched = 0;
      for (let len = Math.min(MAX_RUN, end - i); len >= 1; len--) {
        const a = tokens[i]!;
        const z = tokens[i + len - 1]!;
        if (len === 1 && lex.stopwords.has(a.lower)) continue;
        // "Hadi Centre", "Tops Supermarket": the generic noun that ends a longer name is its head, not a place of that name.
        if (len === 1 && i > runStart && lex.orgNouns.has(a.lower)) continue;
        // CONNECTORS holds the articles too.
        if (CONNECTORS.has(z.lower)) continue;
        const node = spans.node(i, i + len);
        const key = node.key;
        if (!key) continue;
        let start = a.start;
        let candidates: GazetteerEntry[] = [];
        // "northern Gaza" may be a unit of its own ("North Gaza"); else the direction says "the region".
        if (dir && i === runStart) {
          candidates = lookupKey(`${dir.key} ${key}`);
          if (candidates.length) start = dir.start;
        }
        if (candidates.length === 0) candidates = node.entries;
        // Syllables written apart or together ("Yar Maung" / "Yarmaung"): short tokens only.
        if (candidates.length === 0 && len === 2 && a.end - a.start <= 6 && z.end - z.start <= 6) candidates = node.solidEntries;
        const demonym = len === 1 ? node.demonym : null;
        const adjective = demonym ? demonymAdjective(demonym, body.slice(z.end, z.end + 40)) : undefined;
        if (adjective === null) continue;
        // The country stands in for its capital until the report names it (see recognizePlaces).
        if (adjective) candidates = countryEntries(adjective.capitalOf);
        if (candidates.length === 0) continue;
        const span = { start, end: z.end };
        const before = body.slice(Math.max(0, span.start - 60), span.start);
        const after = body.slice(span.end, span.end + 40);
        if (isOrganisation(after, lex.orgNouns)) continue;
        if (len === 1 && isGovernmentMetonym(candidates, after)) continue;
        // "shipping in the Red Sea": a sea, not the province named after it ("Red Sea state").
        if ((z.lower === 'sea' || z.lower === 'ocean') && !UNIT_AFTER.test(after)) continue;
        const listed: boolean = lastCued && span.start - lastEnd <= 8 && LIST_GAP.test(body.slice(lastEnd, span.start));
        const tail = tailOf(before);
        const cued: boolean = tailCue(tail, PLACE_CUE_WORDS, true) || listed;
        const words = tokensInKey(key);
        if (words === 1 && !cued && !strongSingle(candidates, lex.stopwords, a.lower)) continue;
        if (words === 1 && lex.stopwords.has(a.lower) && !cued) continue;
        const strong: boolean =
          (cueWordBefore(tokens, i) === 'of' && STRONG_BEFORE.test(before.slice(-STRONG_REACH))) ||
          (UNIT_AFTER_FIRST.has(tokens[i + len]?.lower ?? '') && STRONG_AFTER.test(after) && !namesAGroup(tokens, i, i + len)) ||
          (listed && lastStrong);
        const m = withContext(body, span, candidates, before, after, len, cued, tail);
        // "Salauddin Khan", "Barka Tolorom": one word after capitalised words that are no place, no people's name and no
        // direction ends a longer name, unless a cue or a unit word says it is a place (resolve keeps it only at home).
        if (words === 1 && !cued && !strong && i > runStart && !runMatched && !onlyModifiersBefore(tokens, runStart, i, lex.stopwords)) m.nameTail = true;
        if (adjective) {
          m.capitalOf = adjective.capitalOf;
          m.span = { start: span.start, end: span.end + adjective!.noun.length };
          m.text = body.slice(m.span.start, m.span.end);
        }
        m.strong = strong;
        m.regional = !!dir && i === runStart && start === a.start;
        matches.push(m);
        runMatched = true;
        lastEnd = m.span.end;
        lastCued = cued;
        lastStrong = strong;
        matched = len;
        break;
      }
      if (!matched && i === end - 1 && tokens[i]!.text.includes('-')) matches.push(...routeEnds(body, tokens[i]!, lex.stopwords));
      i += matched || 1;
    }
  }
  return matches;
}

const ROUTE_AFTER = /^\s+(?:borders?|road|highway|motorway|expressway|axis|route|frontier|boundary|corridor|railway)\b/i;

/**
 * "on the Sukma-Bijapur border", "the Dhaka-Mymensingh highway": the two places a border or road joins, each a place
 * near which the event happened (the name as a whole is in no gazetteer).
 */
function routeEnds(body: string, t: Token, stop: ReadonlySet<string>): Match[] {
  if (!ROUTE_AFTER.test(body.slice(t.end, t.end + 20))) return [];
  const out: Match[] = [];
  let from = t.start;
  for (const half of t.text.split('-')) {
    const start = from;
    from += half.length + 1;
    if (half.length < 4 || !/^\p{Lu}/u.test(half) || stop.has(half.toLowerCase())) continue;
    const candidates = lookupKey(placeKey(half));
    if (candidates.length === 0) continue;
    const span = { start, end: start + half.length };
    const m = withContext(body, span, candidates, body.slice(Math.max(0, start - 60), start), body.slice(span.end, span.end + 40), 1, true);
    m.context = 'near';
    out.push(m);
  }
  return out;
}

// A Map, not an object: an object also answers for "constructor" (a function, which placeKey cannot fold), and a
// property lookup by a fresh string goes through V8's string table first.
const DIRECTIONS: ReadonlyMap<string, string> = new Map(Object.entries({
  north: 'north', northern: 'north', south: 'south', southern: 'south', east: 'east', eastern: 'east', west: 'west', western: 'west',
  central: 'central', northeastern: 'northeast', northwestern: 'northwest', southeastern: 'southeast', southwestern: 'southwest',
  'north-eastern': 'northeast', 'north-western': 'northwest', 'south-eastern': 'southeast', 'south-western': 'southwest',
}));

/** A lower-case direction word right before a run ("southern Gaza"); capitalised ones are part of the name. */
function directionBefore(body: string, tokens: Token[], i: number): { key: string; start: number } | null {
  const prev = tokens[i - 1];
  if (!prev || prev.cap || tokens[i]!.start - prev.end !== 1 || body.charCodeAt(prev.end) !== 32) return null;
  const word = DIRECTIONS.get(prev.lower);
  return word ? { key: placeKey(word), start: prev.start } : null;
}

/** Words that only precede or follow places: "the village of X", "X village", "X district". */
/** Words that end a place cue: the token right before a name (or before "the") must be one of them. */
const CUE_END_WORDS = new Set(['in', 'at', 'near', 'from', 'into', 'outside', 'inside', 'toward', 'towards', 'around', 'between', 'reached', 'entered', 'shelled', 'bombed', 'targeted', 'attacked', 'captured', 'seized', 'stormed', 'raided', 'hit', 'struck', 'of', 'to']);
/** First words of STRONG_AFTER: only when the next token is one of them is the regex run. */
const UNIT_AFTER_FIRST = new Set(['village', 'villages', 'town', 'towns', 'city', 'hamlet', 'locality', 'community', 'settlement', 'camp', 'area', 'neighborhood', 'neighbourhood', 'suburb', 'sector', 'district', 'sub-district', 'subdistrict', 'township', 'tehsil', 'taluka', 'county', 'commune', 'ward', 'municipality', 'lga', 'local']);

/** The cue word before token i ("in", "of", skipping one "the"), or null when none can be a cue. */
function cueWordBefore(tokens: Token[], i: number): string | null {
  let t = tokens[i - 1];
  if (t?.lower === 'the') t = tokens[i - 2];
  return t && CUE_END_WORDS.has(t.lower) ? t.lower : null;
}

/** How far back the strong and unresolved cues reach ("municipalities of the " is the longest). */
const STRONG_REACH = 28;
const STRONG_BEFORE = /\b(?:villages?|towns?|city|hamlets?|localit(?:y|ies)|communit(?:y|ies)|settlements?|camps?|neighbou?rhoods?|areas?|districts?|sub-?districts?|townships?|suburbs?|outskirts|vicinity|municipalit(?:y|ies)) of\s+(?:the\s+)?$/i;
const STRONG_AFTER = /^(?:['’]s)?\s+(?:villages?|towns?|city|hamlet|locality|community|settlement|camp|area|neighbou?rhood|suburb|sector|district|sub-?district|subdistrict|township|tehsil|taluka|county|commune|ward|municipality|lga|local government area|village tract)\b/i;

function tokensInKey(key: string): number {
  let n = 1;
  for (let p = key.indexOf(' '); p >= 0; p = key.indexOf(' ', p + 1)) n++;
  return n;
}

/**
 * "a Mormon community", "an Alawite village", "the Yazidi community", "Fulani settlements": a faith or a people named
 * before a settlement noun says who lives there, not where. An indefinite article marks any such word as a kind;
 * the faiths and peoples below are never the settlement's name even without one.
 */
const GROUP_ADJECTIVES = new Set(['mormon', 'christian', 'muslim', 'catholic', 'protestant', 'evangelical', 'coptic', 'jewish', 'hindu', 'sikh', 'buddhist',
  'yazidi', 'yezidi', 'alawite', 'druze', 'ismaili', 'shia', 'shiite', 'sunni', 'sufi', 'ahmadi', 'mennonite', 'fulani', 'tuareg', 'bedouin', 'rohingya', 'hazara', 'pashtun']);
function namesAGroup(tokens: Token[], a: number, b: number): boolean {
  // Lower case only: a capital "An" is the Arabic article of the name ("An Najar village").
  const before = tokens[a - 1];
  const article = before && !before.cap && (before.text === 'a' || before.text === 'an');
  return !!article || (b - a === 1 && GROUP_ADJECTIVES.has(tokens[a]!.lower));
}

// Up to three capitalised words that continue the name ("Holey Artisan Bakery", "Kabul Serena Hotel").
const NAME_WORDS_AFTER = /^(?:\s+[A-Z][\p{L}'’.-]*){1,3}/u;
/** Words after a place name that keep it a place even when an organisation's noun follows ("Kherson Oblast Military Administration"). */
const STILL_A_PLACE = new Set(['local', 'province', 'governorate', 'region', 'regional', 'state', 'oblast', 'district', 'county', 'city', 'municipal', 'provincial']);

/** "Nasser Hospital", "Latakia Governorate Council", "Holey Artisan Bakery" are not the place itself. */
function isOrganisation(after: string, orgNouns: ReadonlySet<string>): boolean {
  // The regex needs spaces and then a capital: most names are followed by neither.
  let p = 0;
  while (p < after.length && isRegexSpace(after.charCodeAt(p))) p++;
  if (p === 0 || p === after.length || after.charCodeAt(p) < 65 || after.charCodeAt(p) > 90) return false;
  const m = NAME_WORDS_AFTER.exec(after);
  if (!m) return false;
  for (const word of m[0].trim().split(/\s+/)) {
    const lower = word.toLowerCase();
    if (orgNouns.has(lower)) return true;
    if (STILL_A_PLACE.has(lower)) return false;
  }
  return false;
}

// "Washington's campaign", "Moscow said": a capital that stands for its government, not a place where something happened.
const GOVERNMENT_AFTER = /^(?:['’]s\s+(?:(?:military|air|war|bombing|diplomatic|foreign|new|latest)\s+)?(?:campaign|government|administration|policy|policies|decision|allies|ally|envoy|support|backing|sanctions|military|position|response|demands?|stance|approach|strategy|relations|offensive|war|strikes|forces|officials)|\s+(?:said|says|denied|denies|claimed|claims|announced|announces|accused|accuses|blamed|blames|warned|warns|insisted|insists|condemned|condemns|vowed|vows|rejected|rejects|summoned|summons|demanded|demands))\b/i;
function isGovernmentMetonym(candidates: GazetteerEntry[], after: string): boolean {
  return GOVERNMENT_AFTER.test(after) && candidates.some((e) => e.featureCode === 'PPLC');
}

/** A bare single word must be an admin unit, a country, a reviewed supplement place or a large city. */
function strongSingle(candidates: GazetteerEntry[], stop: ReadonlySet<string>, lower: string): boolean {
  if (stop.has(lower)) return false;
  return candidates.some(
    (e) => e.featureCode === 'ADM1' || e.featureCode === 'ADM2' || e.featureCode === 'PCLI' || e.featureCode === 'RGN' || e.supplement || e.population >= LARGE_CITY || e.featureCode === 'PPLC' || e.featureCode === 'PPLA',
  );
}

function withContext(
  body: string,
  span: Span,
  candidates: GazetteerEntry[],
  before: string,
  after: string,
  tokens: number,
  cued: boolean,
  tail: Tail | null = tailOf(before),
): Match {
  let context: PlaceContext = 'plain';
  let unitSuffix: Match['unitSuffix'] = null;
  let end = span.end;
  const unitAfter = UNIT_AFTER.exec(after);
  // UNIT_BEFORE ends with "of" and spaces; UNIT_TAIL needs a space inside the name.
  const unitBefore = tail?.last === 'of' ? UNIT_BEFORE.exec(before) : null;
  const text = body.slice(span.start, span.end);
  const ownUnit = hasRegexSpace(text) ? UNIT_TAIL.exec(text) : null;
  // "abducted two civilians from Bar Ujeed village": the place they were taken from is where the event happened.
  if ((hasOriginCue(before, tail) || isOriginLocated(before)) && !TAKEN_FROM.test(before)) context = 'origin';
  else if ((tailCue(tail, COUNTRYSIDE_LAST_WORDS, false) && COUNTRYSIDE_BEFORE.test(before)) || COUNTRYSIDE_AFTER.test(after)) context = 'countryside';
  else if (ownUnit || unitAfter || unitBefore) {
    const word = (ownUnit?.[0] ?? unitAfter?.[1] ?? unitBefore?.[1] ?? '').trim().toLowerCase();
    unitSuffix = ADMIN1_WORDS.has(word) ? 'admin1' : 'admin2';
    context = 'region';
    if (unitAfter && !ownUnit) end = span.end + unitAfter[0].length;
  } else if (tailCue(tail, NEAR_LAST_WORDS, false) && NEAR_CUE.test(before)) context = 'near';
  const full = { start: span.start, end };
  return { span: full, text: end === span.end ? text : body.slice(full.start, full.end), candidates, context, unitSuffix, tokens, cued, strong: false, regional: false, anchor: null, certain: null };
}

/** Country → weight: hints weigh fully; detected countries in proportion to their evidence. */
function countryWeights(hints: string[] | null, detected: { country: string; count: number }[]): Map<string, number> {
  const w = new Map<string, number>();
  if (hints) hints.forEach((c, i) => w.set(c.toUpperCase(), i === 0 ? 1 : 0.8));
  else {
    const top = detected[0]?.count ?? 0;
    for (const d of detected) w.set(d.country, 0.4 + 0.6 * (d.count / top));
  }
  return w;
}

/** Admin units named anywhere in the text (in the report's countries when known): "… Latakia province". */
function mentionedAdmins(matches: Match[], countryWeight: Map<string, number>): Set<string> {
  const out = new Set<string>();
  for (const m of matches) {
    for (const e of m.candidates) {
      // The feature code first: it rules out most candidates without a lookup.
      if (e.featureCode !== 'ADM1' && e.featureCode !== 'ADM2') continue;
      if (countryWeight.size && !countryWeight.has(e.country)) continue;
      out.add(e.featureCode === 'ADM1' ? factsOf(e).admin1 : factsOf(e).admin2);
    }
  }
  return out;
}

const FEATURE_BONUS: Record<string, number> = {
  PCLI: 200, PPLC: 120, PPLA: 100, ADM1: 60, PPLA2: 70, ADM2: 45, RGN: 50, PPLA3: 20, PPLA4: 10, CMP: 40, PPLX: 30, ADM3: 15,
};

/** /^(ADM[1-3]|RGN)$/ without a regex run per candidate. */
const isUnitCode = (code: string): boolean => code === 'ADM1' || code === 'ADM2' || code === 'ADM3' || code === 'RGN';

/** Pass 2: the candidate best supported by country, co-mentioned admin units, rank and population. */
function resolve(m: Match, countryWeight: Map<string, number>, admins: Set<string>, chosen: Map<string, GazetteerEntry>): GazetteerEntry | null {
  let pool = m.candidates;
  if (m.unitSuffix) {
    const units = pool.filter((e) => isUnitCode(e.featureCode));
    if (units.length) pool = units;
    if (m.unitSuffix === 'admin1') {
      const a1 = pool.filter((e) => e.featureCode === 'ADM1');
      if (a1.length) pool = a1;
    }
  } else if (m.regional) {
    // "southern Gaza": the region (the Strip), else the province, else whatever bears the name; "northern Colombia" is
    // the country, not a district abroad that bears its name.
    for (const code of ['PCLI', 'RGN', 'ADM1', 'ADM2']) {
      const units = pool.filter((e) => e.featureCode === code && (!countryWeight.size || countryWeight.has(e.country)));
      if (units.length) {
        pool = units;
        break;
      }
    }
  }
  // A place key holds no '|': the bare key of a plain match cannot meet a key with qualifiers (most matches have none).
  const name = placeKey(surfaceName(m.text));
  const memoKey = m.unitSuffix || m.regional || m.anchor ? `${name}|${m.unitSuffix ?? ''}|${m.regional ? 'r' : ''}|${m.anchor?.index ?? ''}` : name;
  const prior = chosen.get(memoKey);
  if (prior && pool.includes(prior)) return prior;
  let best: GazetteerEntry | null = null;
  let bestScore = -Infinity;
  for (const e of pool) {
    const s = score(e, countryWeight, admins, m);
    if (s > bestScore) [best, bestScore] = [e, s];
  }
  // The last word of a person's or a venue's name matches a town only in the report's own countries.
  if (best && m.nameTail && !countryWeight.has(best.country)) return null;
  // A report about known countries does not jump to a small namesake abroad ("the sect of Assad"),
  // unless only a place fits the syntax ("the village of X", "X village").
  if (best && countryWeight.size && !countryWeight.has(best.country) && !/^(PCLI|ADM1|RGN)$/.test(best.featureCode) && !best.supplement) {
    if (best.population < SMALL_ABROAD && !m.strong) return null;
    if (best.population < LARGE_CITY && !m.cued && m.tokens === 1) return null;
  }
  if (best) chosen.set(memoKey, best);
  return best;
}

/**
 * What scoring (and anchoring) reads of an entry beyond its fields: its units as `mentionedAdmins` names them ("SY.11",
 * "SY.11.1105"), its feature bonus, its rank as an anchor and the log of its population, built once per entry (the same places are scored for
 * match after match). By entry index in an array as long as the gazetteer: a number indexes cheaper than it hashes.
 */
interface EntryFacts {
  admin1: string;
  admin2: string;
  bonus: number;
  anchorRank: number;
  /** log10(population + 1). */
  logPopulation: number;
}
const entryFacts: (EntryFacts | null)[] = [];
function factsOf(e: GazetteerEntry): EntryFacts {
  if (entryFacts.length === 0) for (let i = gazetteer().size; i > 0; i--) entryFacts.push(null);
  let f = entryFacts[e.index];
  if (!f) {
    f = {
      admin1: `${e.country}.${e.admin1Code}`,
      admin2: `${e.country}.${e.admin1Code}.${e.admin2Code}`,
      bonus: FEATURE_BONUS[e.featureCode] ?? 0,
      anchorRank: ANCHOR_RANK[e.featureCode] ?? 0,
      logPopulation: Math.log10(e.population + 1),
    };
    if (e.index < entryFacts.length) entryFacts[e.index] = f;
  }
  return f;
}

function score(e: GazetteerEntry, countryWeight: Map<string, number>, admins: Set<string>, m: Match): number {
  const facts = factsOf(e);
  let s = (countryWeight.get(e.country) ?? 0) * 1000;
  if (admins.size > 0) {
    if (e.featureCode !== 'ADM1' && admins.has(facts.admin1)) s += 300;
    if (e.admin2Code && e.featureCode !== 'ADM2' && admins.has(facts.admin2)) s += 150;
  }
  const a = m.anchor;
  if (a) {
    // "X, Y" / "X (Y, Z)": X lies in Y.
    if (e.country === a.country) s += 800;
    if (a.featureCode !== 'PCLI' && e.country === a.country && e.admin1Code === a.admin1Code) s += 500;
    if (a.admin2Code && e.admin2Code === a.admin2Code && e.admin1Code === a.admin1Code) s += 200;
  }
  s += facts.bonus;
  if (e.supplement) s += 60;
  s += facts.logPopulation * 15;
  return s;
}
