// Place recognizer: capitalised word runs looked up in the gazetteer, filtered, put in context and disambiguated.
import type { GeoPrecision, Span } from '../../domain/types.js';
import {
  type GazetteerEntry,
  countries,
  defaultPrecision,
  lookupKey,
  placeKey,
  recognizerLexicon,
  toPlaceRef,
  unresolvedPlaceRef,
} from '../../gazetteer/index.js';
import type { PlaceContext, PlaceMention } from '../mentions.js';
import { endsWithCue } from '../regex.js';

export interface RecognizePlacesOptions {
  /** ISO2 codes of the countries the report is about; when absent they are detected in the text. */
  countryHints?: string[];
}

interface Token {
  start: number;
  end: number;
  /** Surface text without a possessive "'s". */
  text: string;
  key: string;
  lower: string;
  cap: boolean;
  possessive: boolean;
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
const ARTICLE_PREFIX = /^(?:al|el|ash|as|ad|ar|at|az|an|ath|adh|ez)[-‐'’]\p{Lu}/u;
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\d'’‐-]*/gu;

/** Words that, before a name, make even a small or single-word place plausible. */
// Same as /(?:\b(?:in|at|…)|,)\s+(?:the\s+)?$/i, asked of every candidate name: read backwards by `endsWithCue`.
const PLACE_CUE_WORDS = new Set(['in', 'at', 'near', 'of', 'from', 'to', 'into', 'outside', 'toward', 'towards', 'around', 'across', 'between', 'via', 'inside',
  'reached', 'entered', 'hit', 'struck', 'shelled', 'bombed', 'targeted', 'captured', 'seized', 'stormed', 'raided', 'village', 'town', 'city', 'province',
  'governorate', 'region', 'district', 'camp', 'neighbourhood', 'neighborhood', 'area', 'areas', 'outskirts', 'countryside', 'rural', 'and']);
const hasPlaceCue = (before: string): boolean => endsWithCue(before, PLACE_CUE_WORDS, true);
const ORIGIN_CUE = /\b(?:originally from|hometown of|home town of|native of|natives of|hails? from|hailing from|born in|a native of)\s+(?:the\s+)?(?:(?:town|city|village) of\s+)?$/i;
const NEAR_CUE = /\b(?:near|nearby|outside|close to|around|on the outskirts of|outskirts of|(?:in )?the vicinity of|(?:the )?area of|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?(?: part)? of|(?:kilomet(?:re|er)s?|km|miles?)(?: (?:north|south|east|west)(?:-?(?:east|west))?)? (?:from|of))\s+(?:the\s+)?(?:(?:town|city|village|camp) of\s+)?$/i;
const COUNTRYSIDE_BEFORE = /\b(?:(?:the\s+)?countryside of|rural)\s+(?:the\s+)?$/i;
const COUNTRYSIDE_AFTER = /^(?:['’]s)?\s+(?:countryside|rural areas|suburbs|hinterland)\b/i;
const UNIT_AFTER = /^(?:['’]s)?\s+(province|governorate|region|state|oblast|prefecture|department|district|county|township|local government area|lga|raion|rayon|division|municipality)\b/i;
const UNIT_BEFORE = /\bthe\s+(province|governorate|region|state|oblast|prefecture|department|district|county|township) of\s+$/i;
const ADMIN1_WORDS = new Set(['province', 'governorate', 'region', 'state', 'oblast', 'prefecture', 'department']);
const SPEECH_AFTER = /^,?\s+(?:said|says|told|added|stated|explained|wrote|tweeted|confirmed|denied|claimed)\b/i;
/** "Abagana, a community in Makurdi": a comma list after a cue keeps the cue ("the towns of X and Y"). */
const LIST_GAP = /^\s*(?:,|and|or|&|, and|, or)\s*$/;

/** Hyphens and apostrophes a word may not end with ("Assad's" keeps its "'s" to the possessive test). */
const isTrailingMark = (c: number): boolean => c === 45 /* - */ || c === 0x2010 || isApostrophe(c);
const isApostrophe = (c: number): boolean => c === 39 /* ' */ || c === 0x2019;

function tokenize(body: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(body); m; m = WORD.exec(body)) {
    // Character tests rather than a regex per word: this loop sees every word of every report.
    let text = m[0];
    let n = text.length;
    while (n > 0 && isTrailingMark(text.charCodeAt(n - 1))) n--;
    let possessive = false;
    if (n >= 2 && text.charCodeAt(n - 1) === 115 /* s */ && isApostrophe(text.charCodeAt(n - 2))) {
      n -= 2;
      possessive = true;
    }
    if (n < text.length) text = text.slice(0, n);
    const end = m.index + n;
    if (!text) continue;
    const first = text[0]!;
    const c = text.charCodeAt(0);
    // ASCII letters decide without allocating; ARTICLE_PREFIX needs a lower-case "a" or "e" first ("al-Shir", "el-Fasher").
    const upper = c >= 65 && c <= 90 ? true : c >= 97 && c <= 122 ? false : first !== first.toLowerCase() && first === first.toUpperCase();
    const cap = upper || ((c === 97 || c === 101) && ARTICLE_PREFIX.test(text));
    const lower = text.toLowerCase();
    // Only capitalised words and connectors are ever looked up, so only they pay for a key.
    const key = cap || CONNECTORS.has(lower) ? placeKey(text) : '';
    out.push({ start: m.index, end, text, key, lower, cap, possessive });
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
      if (prev.possessive || !/^[ \u00a0]$/.test(body.slice(prev.end, t.start))) break;
      if (t.cap) {
        j++;
        continue;
      }
      // Up to two particles inside a name: "Martinez de la Torre", "Khabb wa ash Shaaf".
      let k = j;
      while (k < j + 2 && k < tokens.length && CONNECTORS.has(tokens[k]!.lower)) k++;
      if (k === j || !tokens[k]?.cap) break;
      let joined = true;
      for (let q = j; q < k && joined; q++) joined = /^[ \u00a0-]$/.test(body.slice(tokens[q]!.end, tokens[q + 1]!.start));
      if (!joined) break;
      j = k + 1;
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

/** Key of tokens [a, b): token keys joined, articles dropped unless last (as placeKey does). */
function spanKey(tokens: Token[], a: number, b: number): string {
  const parts: string[] = [];
  for (let k = a; k < b; k++) {
    const t = tokens[k]!;
    if (k < b - 1 && CONNECTOR_ARTICLES.has(t.key)) continue;
    if (t.key) parts.push(t.key);
  }
  return parts.join(' ');
}
const CONNECTOR_ARTICLES = new Set(['al', 'el', 'ez', 'ad', 'as', 'ash', 'ar', 'at', 'az', 'an', 'ath', 'adh']);

/**
 * A run is a person's name when a title or role precedes it, a speech verb follows it, or it starts
 * with a known given name. Returns the index where the non-person part of the run ends.
 */
function personCut(body: string, tokens: Token[], a: number, b: number): number {
  const lex = recognizerLexicon();
  const prev = tokens[a - 1];
  const gapBefore = prev ? body.slice(prev.end, tokens[a]!.start) : '';
  if (prev && !prev.cap && /^\s+$/.test(gapBefore) && lex.titles.has(prev.lower)) return a;
  // A title inside the run ("President Bashar al-Assad", "Governor Vitaliy Kim"): what follows is a person.
  for (let k = a; k < b; k++) {
    if (lex.titles.has(tokens[k]!.lower) && k + 1 < b) return k;
  }
  if (b - a >= 2 && lex.givenNames.has(tokens[a]!.lower)) return a;
  if (b - a >= 2 && SPEECH_AFTER.test(body.slice(tokens[b - 1]!.end, tokens[b - 1]!.end + 20))) return a;
  return b;
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

/**
 * Countries the text is about, most evidence first: names, demonyms ("Syrian"), admin1 units and
 * major cities ("Latakia", "Benue", "Gaza"). Counts may be fractional when a name is shared.
 */
export function detectCountries(body: string): { country: string; count: number }[] {
  const tokens = tokenize(body);
  return countriesInTokens(tokens, capitalisedRuns(body, tokens));
}

function countriesInTokens(tokens: Token[], runs: [number, number][]): { country: string; count: number }[] {
  const counts = new Map<string, number>();
  const add = (cc: string, n = 1): void => void counts.set(cc, (counts.get(cc) ?? 0) + n);
  const ck = countryKeyMap();
  for (const [a, b] of runs) {
    let i = a;
    while (i < b) {
      let step = 1;
      for (let len = Math.min(4, b - i); len >= 1; len--) {
        const key = spanKey(tokens, i, i + len);
        const cc = ck.get(key);
        if (cc) {
          add(cc);
          step = len;
          break;
        }
        if (len === 1 && recognizerLexicon().stopwords.has(tokens[i]!.lower)) continue;
        const strong = evidenceCountries(key);
        if (strong.size > 0) {
          // A name shared by several countries ("Gaza": PS and MZ) splits its vote.
          for (const cc of strong) add(cc, 1 / strong.size);
          step = len;
          break;
        }
      }
      i += step;
    }
  }
  return [...counts].map(([country, count]) => ({ country, count })).sort((x, y) => y.count - x.count || x.country.localeCompare(y.country));
}

/** Countries for which a key is evidence, memoised: the same names recur across reports. */
const evidenceMemo = new Map<string, Set<string>>();
function evidenceCountries(key: string): Set<string> {
  let v = evidenceMemo.get(key);
  if (!v) {
    if (evidenceMemo.size > 100_000) evidenceMemo.clear();
    v = new Set(lookupKey(key).filter(isCountryEvidence).map((e) => e.country));
    evidenceMemo.set(key, v);
  }
  return v;
}

/** Admin1 units, regions and major cities say which country a text is about. */
const isCountryEvidence = (e: GazetteerEntry): boolean =>
  e.featureCode === 'ADM1' || e.featureCode === 'RGN' || e.featureCode === 'PPLC' || (e.featureCode === 'PPLA' && e.population >= LARGE_CITY);

/** Finds place names in a report body and resolves each to a gazetteer entry. */
export function recognizePlaces(body: string, opts: RecognizePlacesOptions = {}): PlaceMention[] {
  const tokens = tokenize(body);
  const runs = capitalisedRuns(body, tokens);
  const cuts = runs.map(([a, b]) => personCut(body, tokens, a, b));
  let matches = findMatches(body, tokens, runs, cuts);
  const hinted = opts.countryHints?.length ? opts.countryHints : null;
  const countryWeight = countryWeights(hinted, hinted ? [] : countriesInTokens(tokens, runs));
  const certain = certainPlaces(body, tokens, runs, cuts, countryWeight);
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
  const admins = mentionedAdmins(matches, countryWeight);
  const chosenByKey = new Map<string, GazetteerEntry>();
  const out: PlaceMention[] = [];
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
  }
  for (const { c, span } of unresolved) {
    if (!c.country) continue;
    const before = body.slice(Math.max(0, span.start - 60), span.start);
    const after = body.slice(span.end, span.end + 80);
    const m = withContext(body, span, [], before, after, c.b - c.a, true);
    const name = surfaceName(body.slice(span.start, span.end));
    const role = m.context === 'origin' ? 'origin' : 'event';
    out.push({ span: m.span, text: m.text, place: unresolvedPlaceRef(name, c.anchor, c.country, role, [m.span], c.featureCode), context: m.context, candidates: 0 });
  }
  return unresolved.length ? out.sort((x, y) => x.span.start - y.span.start) : out;
}

/**
 * What joins a place to the name that locates it: ", Y", " in Y", and the appositions reports use for places the
 * reader may not know, ", a village in Y" (which also says it is a place) and ", in the north-west of Y"; the locating
 * name may follow a possessive ("Ethiopia's Tigray region").
 */
const LOCATOR_LINK = /^(?:\s*,\s*(?:(?:an?\s+(?:[a-z-]+\s+){0,2}?(village|town|hamlet|settlement|locality|community|camp)\s+)?(?:in|of|near)\s+(?:the\s+)?(?:(?:far\s+)?(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?(?:\s+part)?\s+of\s+|cent(?:re|er|ral)(?:\s+part)?\s+of\s+)?)?|\s+(?:in|of)\s+(?:the\s+)?)(?:(\p{Lu}[\p{L}-]*)(['’]s\s+))?/u;

/** Cues after which a capitalised run located by a known unit is a place ("shelled X in Idlib"). */
const UNRESOLVED_CUE = /\b(?:in|at|near|from|into|outside|inside|toward|towards|around|between|reached|entered|shelled|bombed|targeted|attacked|captured|seized|stormed|raided|hit|struck|located at)\s+$/i;
const NEAR_BEFORE = /\b(?:near|close to|outskirts of|vicinity of)\s+(?:the\s+)?$/i;
/** Unit words that may close a capitalised run ("Tin Ma Village", "Karen State"): not part of the name. */
const RUN_UNIT_WORDS = new Set(['village', 'town', 'city', 'camp', 'area', 'district', 'township', 'county', 'municipality', 'state', 'province', 'region', 'governorate', 'oblast', 'subdistrict', 'sub-district', 'tehsil', 'taluka', 'ward', 'sector', 'neighborhood', 'neighbourhood']);
const PART_UNIT = /\s+(?:province|governorate|region|state|oblast|district|sub-?district|county|township|municipality|city|town|village|countryside|lga|local government area|raion|rayon|division|department|prefecture|tehsil|taluka|area)$/i;
const ADMIN2_WORDS = new Set(['district', 'township', 'county', 'municipality', 'subdistrict', 'sub-district', 'tehsil', 'taluka', 'lga', 'local government area', 'raion', 'rayon']);
/** Facilities that are places for an analyst even though their nouns mark organisations elsewhere. */
const FACILITIES = new Set(['airport', 'station', 'mine', 'checkpoint', 'crossing', 'bridge', 'junction', 'market', 'dam', 'port']);

/**
 * Pass 1b: capitalised runs that syntax marks as places whether or not the gazetteer knows them —
 * "the village of X", "X village", "in X (Y, Z)", "near X, Y", "shelled X in Y" where Y resolves.
 */
function certainPlaces(body: string, tokens: Token[], runs: [number, number][], cuts: number[], countryWeight: Map<string, number>): Certain[] {
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
    if (!cue && !listedHere && !RUN_UNIT_WORDS.has(tokens[r1 - 1]!.lower) && !UNIT_AFTER_FIRST.has(tokens[r1]?.lower ?? '') && !parenAt(body, tokens[r1 - 1]!.end)) continue;
    const before = cue ? body.slice(Math.max(0, tokens[a]!.start - STRONG_REACH), tokens[a]!.start) : '';
    const strongBefore = cue === 'of' && STRONG_BEFORE.test(before);
    const weak = !!cue && UNRESOLVED_CUE.test(before);
    const near = !!cue && NEAR_BEFORE.test(before);
    const cut = a === r0 ? cuts[r]! : personCut(body, tokens, a, r1);
    let b = cut;
    let unitWord = '';
    while (b - 1 > a && RUN_UNIT_WORDS.has(tokens[b - 1]!.lower)) unitWord = tokens[--b]!.lower;
    if (a >= b) continue;
    const first = tokens[a]!;
    const last = tokens[b - 1]!;
    const startX = first.start;
    const endX = last.end;
    const text = body.slice(startX, endX);
    if (b - a === 1 && (lex.givenNames.has(first.lower) || lex.titles.has(first.lower))) continue;
    if (lex.orgNouns.has(last.lower) && !FACILITIES.has(last.lower)) continue;
    const key = spanKey(tokens, a, b);
    if (!key || countryKeyMap().has(key)) continue;
    const nameEnd = unitWord ? tokens[cut - 1]!.end : endX;
    let after = body.slice(nameEnd, endX + 160);
    const unitAfter = STRONG_AFTER.exec(after);
    if (unitAfter && !unitWord) {
      unitWord = unitAfter[0].replace(/^(?:['’]s)?\s+/, '').toLowerCase();
      after = after.slice(unitAfter[0].length);
    }
    const acronym = !/\p{Ll}/u.test(text);
    const listed = lastEnd >= 0 && startX - lastEnd <= 8 && LIST_GAP.test(body.slice(lastEnd, startX));
    // What locates it: "(Y, Z)", ", Y", " in Y".
    let parts: string[] = [];
    let viaParens = false;
    const paren = /^\s*\(([^()]{2,100})\)/.exec(after);
    if (paren) {
      parts = paren[1]!.split(/\s*(?:[,;/]|\band\b)\s*/);
      viaParens = true;
    } else {
      const link = LOCATOR_LINK.exec(after);
      if (link) {
        if (link[1] && !unitWord) unitWord = link[1].toLowerCase();
        // "Ethiopia's Tigray region": the country's possessive is skipped, any other one is the locating name.
        const possessive = !link[2] || countryKeyMap().has(placeKey(link[2])) ? 0 : link[2].length + link[3]!.length;
        const at = nameEnd + (unitAfter ? unitAfter[0].length : 0) + link[0].length - possessive;
        const ti = tokenStartingAt(tokens, at, b);
        const re = ti === undefined ? undefined : runEndAt(runs, ti, r);
        if (ti !== undefined && re !== undefined) parts = [body.slice(tokens[ti]!.start, tokens[re - 1]!.end)];
      }
    }
    const strong = strongBefore || (!!unitWord && !namesAGroup(tokens, a, b)) || listed;
    const anchor = parts.length ? anchorFor(parts, countryWeight) : null;
    const anchored = !!anchor && (viaParens || anchor.featureCode !== 'PPL' || anchor.population >= 10_000);
    const closes = /^\s*(?:[.;,)]|$)/.test(after);
    const certain =
      (!acronym && strong) ||
      (!acronym && weak && anchored) ||
      (!acronym && near && closes) ||
      (viaParens && anchored && !!anchor && /^ADM[12]$/.test(anchor.featureCode) && parts.length >= 2);
    if (!certain) continue;
    lastEnd = nameEnd + (unitAfter ? unitAfter[0].length : 0);
    if (topCountry === undefined) topCountry = [...countryWeight].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
    const country = anchor?.country ?? topCountry;
    const featureCode = ADMIN2_WORDS.has(unitWord) ? 'ADM2' : unitWord === 'camp' ? 'CMP' : /^(province|state|region|governorate|oblast)$/.test(unitWord) ? 'ADM1' : 'PPL';
    out.push({ a, b, anchor: anchor && anchor.featureCode !== 'PCLI' ? anchor : null, country, featureCode });
  }
  return out;
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
      const rank = (ANCHOR_RANK[e.featureCode] ?? 0) + Math.log10(e.population + 1) * 10 + (countryWeight.get(e.country) ?? 0) * 100;
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
  return text.replace(UNIT_TAIL, '').replace(/['’]s$/, '');
}
const UNIT_TAIL = /\s+(?:province|governorate|region|state|oblast|prefecture|department|district|county|township|local government area|lga|raion|rayon|division|municipality)$/i;

function precisionFor(m: Match, e: GazetteerEntry): GeoPrecision {
  const base = defaultPrecision(e);
  if (m.context === 'near' || m.context === 'countryside') return Math.max(base, 2) as GeoPrecision;
  return base;
}

/** Pass 1: every run, longest sub-run first, kept when it passes the false-positive filters. */
function findMatches(body: string, tokens: Token[], runs: [number, number][], cuts: number[]): Match[] {
  const lex = recognizerLexicon();
  const matches: Match[] = [];
  let lastEnd = -1;
  let lastCued = false;
  let lastStrong = false;
  for (let r = 0; r < runs.length; r++) {
    const runStart = runs[r]![0];
    const end = cuts[r]!;
    const dir = directionBefore(body, tokens, runStart);
    let i = runStart;
    while (i < end) {
      let matched = 0;
      for (let len = Math.min(MAX_RUN, end - i); len >= 1; len--) {
        const a = tokens[i]!;
        const z = tokens[i + len - 1]!;
        if (lex.stopwords.has(a.lower) && len === 1) continue;
        if (CONNECTOR_ARTICLES.has(z.lower) || CONNECTORS.has(z.lower)) continue;
        const key = spanKey(tokens, i, i + len);
        if (!key) continue;
        let start = a.start;
        let candidates: GazetteerEntry[] = [];
        // "northern Gaza" may be a unit of its own ("North Gaza"); else the direction says "the region".
        if (dir && i === runStart) {
          candidates = lookupKey(`${dir.key} ${key}`);
          if (candidates.length) start = dir.start;
        }
        if (candidates.length === 0) candidates = lookupKey(key);
        // Syllables written apart or together ("Yar Maung" / "Yarmaung"): short tokens only.
        if (candidates.length === 0 && len === 2 && a.text.length <= 6 && z.text.length <= 6) candidates = lookupKey(key.replace(/ /g, ''));
        if (candidates.length === 0) continue;
        const span = { start, end: z.end };
        const before = body.slice(Math.max(0, span.start - 60), span.start);
        const after = body.slice(span.end, span.end + 40);
        if (isOrganisation(after, lex.orgNouns)) continue;
        const listed: boolean = lastCued && span.start - lastEnd <= 8 && LIST_GAP.test(body.slice(lastEnd, span.start));
        const cued: boolean = hasPlaceCue(before) || listed;
        const strong: boolean =
          (cueWordBefore(tokens, i) === 'of' && STRONG_BEFORE.test(before.slice(-STRONG_REACH))) ||
          (UNIT_AFTER_FIRST.has(tokens[i + len]?.lower ?? '') && STRONG_AFTER.test(after) && !namesAGroup(tokens, i, i + len)) ||
          (listed && lastStrong);
        const words = tokensInKey(key);
        if (words === 1 && !cued && !strongSingle(candidates, lex.stopwords, a.lower)) continue;
        if (words === 1 && lex.stopwords.has(a.lower) && !cued) continue;
        const m = withContext(body, span, candidates, before, after, len, cued);
        m.strong = strong;
        m.regional = !!dir && i === runStart && start === a.start;
        matches.push(m);
        lastEnd = m.span.end;
        lastCued = cued;
        lastStrong = strong;
        matched = len;
        break;
      }
      i += matched || 1;
    }
  }
  return matches;
}

const DIRECTIONS: Record<string, string> = {
  north: 'north', northern: 'north', south: 'south', southern: 'south', east: 'east', eastern: 'east', west: 'west', western: 'west',
  central: 'central', northeastern: 'northeast', northwestern: 'northwest', southeastern: 'southeast', southwestern: 'southwest',
  'north-eastern': 'northeast', 'north-western': 'northwest', 'south-eastern': 'southeast', 'south-western': 'southwest',
};

/** A lower-case direction word right before a run ("southern Gaza"); capitalised ones are part of the name. */
function directionBefore(body: string, tokens: Token[], i: number): { key: string; start: number } | null {
  const prev = tokens[i - 1];
  if (!prev || prev.cap || !/^ $/.test(body.slice(prev.end, tokens[i]!.start))) return null;
  const word = DIRECTIONS[prev.lower];
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

const tokensInKey = (key: string): number => key.split(' ').length;

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

/** "Nasser Hospital", "Latakia Governorate Council" are not the place itself. */
function isOrganisation(after: string, orgNouns: ReadonlySet<string>): boolean {
  const m = /^\s+([A-Z][a-z]+)/.exec(after);
  return !!m && orgNouns.has(m[1]!.toLowerCase());
}

/** A bare single word must be an admin unit, a country, a reviewed supplement place or a large city. */
function strongSingle(candidates: GazetteerEntry[], stop: ReadonlySet<string>, lower: string): boolean {
  if (stop.has(lower)) return false;
  return candidates.some(
    (e) => /^(ADM1|ADM2|PCLI|RGN)$/.test(e.featureCode) || e.supplement || e.population >= LARGE_CITY || e.featureCode === 'PPLC' || e.featureCode === 'PPLA',
  );
}

function withContext(body: string, span: Span, candidates: GazetteerEntry[], before: string, after: string, tokens: number, cued: boolean): Match {
  let context: PlaceContext = 'plain';
  let unitSuffix: Match['unitSuffix'] = null;
  let end = span.end;
  const unitAfter = UNIT_AFTER.exec(after);
  const unitBefore = UNIT_BEFORE.exec(before);
  const text = body.slice(span.start, span.end);
  const ownUnit = UNIT_TAIL.exec(text);
  if (ORIGIN_CUE.test(before)) context = 'origin';
  else if (COUNTRYSIDE_BEFORE.test(before) || COUNTRYSIDE_AFTER.test(after)) context = 'countryside';
  else if (ownUnit || unitAfter || unitBefore) {
    const word = (ownUnit?.[0] ?? unitAfter?.[1] ?? unitBefore?.[1] ?? '').trim().toLowerCase();
    unitSuffix = ADMIN1_WORDS.has(word) ? 'admin1' : 'admin2';
    context = 'region';
    if (unitAfter && !ownUnit) end = span.end + unitAfter[0].length;
  } else if (NEAR_CUE.test(before)) context = 'near';
  const full = { start: span.start, end };
  return { span: full, text: body.slice(full.start, full.end), candidates, context, unitSuffix, tokens, cued, strong: false, regional: false, anchor: null, certain: null };
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
      if (countryWeight.size && !countryWeight.has(e.country)) continue;
      if (e.featureCode === 'ADM1') out.add(`${e.country}.${e.admin1Code}`);
      else if (e.featureCode === 'ADM2') out.add(`${e.country}.${e.admin1Code}.${e.admin2Code}`);
    }
  }
  return out;
}

const FEATURE_BONUS: Record<string, number> = {
  PCLI: 200, PPLC: 120, PPLA: 100, ADM1: 60, PPLA2: 70, ADM2: 45, RGN: 50, PPLA3: 20, PPLA4: 10, CMP: 40, PPLX: 30, ADM3: 15,
};

/** Pass 2: the candidate best supported by country, co-mentioned admin units, rank and population. */
function resolve(m: Match, countryWeight: Map<string, number>, admins: Set<string>, chosen: Map<string, GazetteerEntry>): GazetteerEntry | null {
  let pool = m.candidates;
  if (m.unitSuffix) {
    const units = pool.filter((e) => /^(ADM[1-3]|RGN)$/.test(e.featureCode));
    if (units.length) pool = units;
    if (m.unitSuffix === 'admin1') {
      const a1 = pool.filter((e) => e.featureCode === 'ADM1');
      if (a1.length) pool = a1;
    }
  } else if (m.regional) {
    // "southern Gaza": the region (the Strip), else the province, else whatever bears the name.
    for (const code of ['RGN', 'ADM1', 'ADM2']) {
      const units = pool.filter((e) => e.featureCode === code && (!countryWeight.size || countryWeight.has(e.country)));
      if (units.length) {
        pool = units;
        break;
      }
    }
  }
  const memoKey = `${placeKey(surfaceName(m.text))}|${m.unitSuffix ?? ''}|${m.regional ? 'r' : ''}|${m.anchor?.index ?? ''}`;
  const prior = chosen.get(memoKey);
  if (prior && pool.includes(prior)) return prior;
  let best: GazetteerEntry | null = null;
  let bestScore = -Infinity;
  for (const e of pool) {
    const s = score(e, countryWeight, admins, m);
    if (s > bestScore) [best, bestScore] = [e, s];
  }
  // A report about known countries does not jump to a small namesake abroad ("the sect of Assad"),
  // unless only a place fits the syntax ("the village of X", "X village").
  if (best && countryWeight.size && !countryWeight.has(best.country) && !/^(PCLI|ADM1|RGN)$/.test(best.featureCode) && !best.supplement) {
    if (best.population < SMALL_ABROAD && !m.strong) return null;
    if (best.population < LARGE_CITY && !m.cued && m.tokens === 1) return null;
  }
  if (best) chosen.set(memoKey, best);
  return best;
}

function score(e: GazetteerEntry, countryWeight: Map<string, number>, admins: Set<string>, m: Match): number {
  let s = (countryWeight.get(e.country) ?? 0) * 1000;
  if (e.featureCode !== 'ADM1' && admins.has(`${e.country}.${e.admin1Code}`)) s += 300;
  if (e.admin2Code && e.featureCode !== 'ADM2' && admins.has(`${e.country}.${e.admin1Code}.${e.admin2Code}`)) s += 150;
  const a = m.anchor;
  if (a) {
    // "X, Y" / "X (Y, Z)": X lies in Y.
    if (e.country === a.country) s += 800;
    if (a.featureCode !== 'PCLI' && e.country === a.country && e.admin1Code === a.admin1Code) s += 500;
    if (a.admin2Code && e.admin2Code === a.admin2Code && e.admin1Code === a.admin1Code) s += 200;
  }
  s += FEATURE_BONUS[e.featureCode] ?? 0;
  if (e.supplement) s += 60;
  s += Math.log10(e.population + 1) * 15;
  return s;
}
