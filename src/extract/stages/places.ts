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
} from '../../gazetteer/index.js';
import type { PlaceContext, PlaceMention } from '../mentions.js';

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
  /** A place cue preceded it ("in", "village of"): small places abroad stay plausible. */
  cued: boolean;
}

const MAX_RUN = 6;
const LARGE_CITY = 100_000;

/** Articles and particles that may sit inside a capitalised name ("Deir ez-Zor", "Ras al Ain"). */
const CONNECTORS = new Set(['al', 'el', 'ez', 'ad', 'as', 'ash', 'ar', 'at', 'az', 'an', 'ath', 'adh', 'de', 'del', 'la', 'le', 'du', 'des', 'da', 'do', 'dos', 'das', 'di', 'e', 'y', 'bin', 'ibn', 'bani', 'beni', 'um', 'umm', 'abu']);
const ARTICLE_PREFIX = /^(?:al|el|ash|as|ad|ar|at|az|an|ath|adh|ez)[-‐'’]\p{Lu}/u;
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\d'’‐-]*/gu;

/** Words that, before a name, make even a small or single-word place plausible. */
const PLACE_CUE = /(?:\b(?:in|at|near|of|from|to|into|outside|toward|towards|around|across|between|via|inside|reached|entered|hit|struck|shelled|bombed|targeted|captured|seized|stormed|raided|village|town|city|province|governorate|region|district|camp|neighbou?rhood|area|areas|outskirts|countryside|rural|and)|,)\s+(?:the\s+)?$/i;
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

function tokenize(body: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(body); m; m = WORD.exec(body)) {
    let text = m[0];
    let end = m.index + text.length;
    text = text.replace(/[-‐'’]+$/, '');
    let possessive = false;
    if (/['’]s$/.test(text)) {
      text = text.slice(0, -2);
      possessive = true;
    }
    end = m.index + text.length;
    if (!text) continue;
    const first = text[0]!;
    const cap = (first !== first.toLowerCase() && first === first.toUpperCase()) || ARTICLE_PREFIX.test(text);
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
      if (t.cap) j++;
      else if (CONNECTORS.has(t.lower) && tokens[j + 1]?.cap && /^[ \u00a0-]$/.test(body.slice(t.end, tokens[j + 1]!.start))) j += 2;
      else break;
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
  return countriesInTokens(body, tokenize(body));
}

function countriesInTokens(body: string, tokens: Token[]): { country: string; count: number }[] {
  const counts = new Map<string, number>();
  const add = (cc: string, n = 1): void => void counts.set(cc, (counts.get(cc) ?? 0) + n);
  const ck = countryKeyMap();
  for (const [a, b] of capitalisedRuns(body, tokens)) {
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
  const matches = findMatches(body, tokens);
  if (matches.length === 0) return [];
  const hinted = opts.countryHints?.length ? opts.countryHints : null;
  const countryWeight = countryWeights(hinted, hinted ? [] : countriesInTokens(body, tokens));
  const admins = mentionedAdmins(matches, countryWeight);
  const chosenByKey = new Map<string, GazetteerEntry>();
  const out: PlaceMention[] = [];
  for (const m of matches) {
    const entry = resolve(m, countryWeight, admins, chosenByKey);
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
  return out;
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
function findMatches(body: string, tokens: Token[]): Match[] {
  const lex = recognizerLexicon();
  const matches: Match[] = [];
  let lastEnd = -1;
  let lastCued = false;
  for (const [runStart, runEnd] of capitalisedRuns(body, tokens)) {
    const end = personCut(body, tokens, runStart, runEnd);
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
        const candidates = lookupKey(key);
        if (candidates.length === 0) continue;
        const span = { start: a.start, end: z.end };
        const before = body.slice(Math.max(0, span.start - 60), span.start);
        const after = body.slice(span.end, span.end + 40);
        if (isOrganisation(after, lex.orgNouns)) continue;
        const listed: boolean = lastCued && span.start - lastEnd <= 8 && LIST_GAP.test(body.slice(lastEnd, span.start));
        const cued: boolean = PLACE_CUE.test(before) || listed;
        const words = tokensInKey(key);
        if (words === 1 && !cued && !strongSingle(candidates, lex.stopwords, a.lower)) continue;
        if (words === 1 && lex.stopwords.has(a.lower) && !cued) continue;
        matches.push(withContext(body, span, candidates, before, after, len, cued));
        lastEnd = matches[matches.length - 1]!.span.end;
        lastCued = cued;
        matched = len;
        break;
      }
      i += matched || 1;
    }
  }
  return matches;
}

const tokensInKey = (key: string): number => key.split(' ').length;

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
  return { span: full, text: body.slice(full.start, full.end), candidates, context, unitSuffix, tokens, cued };
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
  }
  const memoKey = `${placeKey(surfaceName(m.text))}|${m.unitSuffix ?? ''}`;
  const prior = chosen.get(memoKey);
  if (prior && pool.includes(prior)) return prior;
  let best: GazetteerEntry | null = null;
  let bestScore = -Infinity;
  for (const e of pool) {
    const s = score(e, countryWeight, admins, m);
    if (s > bestScore) [best, bestScore] = [e, s];
  }
  // A report about known countries does not jump to a small namesake abroad.
  if (best && countryWeight.size && !countryWeight.has(best.country) && best.population < LARGE_CITY && !/^(PCLI|ADM1)$/.test(best.featureCode) && !best.supplement && !m.cued && m.tokens === 1) return null;
  if (best) chosen.set(memoKey, best);
  return best;
}

function score(e: GazetteerEntry, countryWeight: Map<string, number>, admins: Set<string>, m: Match): number {
  let s = (countryWeight.get(e.country) ?? 0) * 1000;
  if (e.featureCode !== 'ADM1' && admins.has(`${e.country}.${e.admin1Code}`)) s += 300;
  if (e.admin2Code && e.featureCode !== 'ADM2' && admins.has(`${e.country}.${e.admin1Code}.${e.admin2Code}`)) s += 150;
  s += FEATURE_BONUS[e.featureCode] ?? 0;
  if (e.supplement) s += 60;
  s += Math.log10(e.population + 1) * 15;
  return s;
}
