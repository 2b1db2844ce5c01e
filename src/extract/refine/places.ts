// Place refiner: drops place names that only name an outlet, an organisation's seat or a dateline, which the gazetteer cannot tell.
import { lexicons } from '../lexicon.js';
import type { PlaceMention, Sentence } from '../mentions.js';
import type { Span } from '../../domain/types.js';
import { endsWithCue, spaceRunStart } from '../regex.js';

// "Sydney Morning Herald", "Kyiv Independent", "Kurdistan24": a place name inside a longer proper name.
const NAME_CONTINUES = /^(?:\s+(?:Morning|Evening|Herald|Times|Post|Independent|Observer|Tribune|Journal|Gazette|News|Daily|Today|Chronicle|Express|Star|Voice|Radio|TV|Television|Network|Agency|Press|Monitor|Centre|Center|Institute|University|Hospital|Airport|Stadium|Football|Club|Brigade|Division|Battalion|Regiment|Front|Council|Committee|Group|Agreement|Accords?|Declaration|Process|Talks|Conference|Summit))\b/;
// "the deadliest attack since the 1998 bombing of the U.S. embassy in Nairobi": a place of an event long past, named to
// compare, in the clause after "since" and a year.
const PAST_EVENT_BEFORE = /\bsince\s+(?:the\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d{2}\b(?:[^.;,()]|\.(?!\s+[A-Z])){0,80}$/;
// "the University of California", "the Bank of England": the place names the institution.
const INSTITUTION_OF_BEFORE = /\b(?:University|Institute|College|Academy|Bank|Museum|School)\s+of\s+(?:the\s+)?$/;
const OF_LAST_WORDS: ReadonlySet<string> = new Set(['of']);
const isInstitutionOf = (before: string): boolean => endsWithCue(before, OF_LAST_WORDS, false) && INSTITUTION_OF_BEFORE.test(before);
// "which is based in London", "the London-based monitor": where an organisation sits, not where anything happened.
const SEAT_BEFORE = /\b(?:based|headquartered|registered)\s+in\s+(?:the\s+)?$/i;
// Every match ends with "in", an optional "the" and spaces: the end-anchored regex is asked only of windows that do.
const isSeat = (before: string): boolean => endsWithCue(before, SEAT_LAST_WORDS, false) && SEAT_BEFORE.test(before);
const SEAT_LAST_WORDS: ReadonlySet<string> = new Set(['in']);
const SEAT_AFTER = /^-based\b/i;
// "The Irrawaddy, however, reported …": a newspaper named after a place, speaking.
const OUTLET = /^(?:,\s*(?:however|meanwhile|for its part|too)\s*,)?\s*(?:reported|said|says|reports|quoted|cited|wrote|published)\b/i;

// "residents fled by boat to Pemba", "the wounded were evacuated to Kabul": where people went afterwards, not where
// anything happened to them.
// "fleeing the fighting in Bakhmut" is where the fighting was: only "to" and "into" lead to a destination.
const DESTINATION_BEFORE = /\b(?:(?:fled|flee|flees|fleeing|escaped|evacuated|displaced|airlifted|ferried|rushed|transferred)(?:\s+[\p{L}-]+){0,3}?\s+(?:to|towards?|into)|(?:sought|took|taking|found)\s+(?:refuge|shelter|safety)\s+in)\s+(?:the\s+)?(?:(?:town|city|village|port|capital) of\s+)?$/iu;

// Every match ends with "to", "toward(s)", "into", "in" or "of", an optional "the" and spaces: the end-anchored regex,
// tried by V8 at every start position, is asked only of windows that end that way.
const DESTINATION_LAST_WORDS: ReadonlySet<string> = new Set(['to', 'toward', 'towards', 'into', 'in', 'of']);
const isDestination = (before: string): boolean =>
  endsWithCue(before, DESTINATION_LAST_WORDS, false) && destinationTail(before) && DESTINATION_BEFORE.test(before);

/**
 * What DESTINATION_BEFORE needs of the window's last words, read backwards: "to", "toward(s)" or "into" (the regex
 * decides), or "refuge|shelter|safety in", or "town|city|village|port|capital of" (one space before the "of"), each
 * before an optional "the". "in" and "of" end most windows before a place; this spares the regex for them. A letter
 * outside ASCII next to a word read (ſ and K fold to s and k under /iu) leaves the answer to the regex.
 */
function destinationTail(text: string): boolean {
  let end = spaceRunStart(text, text.length);
  let start = asciiLetterStart(text, end);
  if (start > 0 && text.charCodeAt(start - 1) >= 128) return true;
  let last = text.slice(start, end).toLowerCase();
  if (last === 'the') {
    end = spaceRunStart(text, start);
    if (end === start) return false;
    start = asciiLetterStart(text, end);
    if (start > 0 && text.charCodeAt(start - 1) >= 128) return true;
    last = text.slice(start, end).toLowerCase();
  }
  if (last === 'to' || last === 'toward' || last === 'towards' || last === 'into') return true;
  if (last !== 'in' && last !== 'of') return false;
  const wordEnd = last === 'of' ? start - 1 : spaceRunStart(text, start);
  if (wordEnd <= 0 || wordEnd === start || (last === 'of' && text.charCodeAt(wordEnd) !== 32)) return false;
  const wordStart = asciiLetterStart(text, wordEnd);
  if (wordStart > 0 && text.charCodeAt(wordStart - 1) >= 128) return true;
  return (last === 'in' ? REFUGE_WORDS : PLACE_OF_WORDS).has(text.slice(wordStart, wordEnd).toLowerCase());
}
const REFUGE_WORDS: ReadonlySet<string> = new Set(['refuge', 'shelter', 'safety']);
const PLACE_OF_WORDS: ReadonlySet<string> = new Set(['town', 'city', 'village', 'port', 'capital']);
function asciiLetterStart(text: string, end: number): number {
  let i = end;
  while (i > 0) {
    const c = text.charCodeAt(i - 1) | 32;
    if (c < 97 || c > 122) break;
    i--;
  }
  return i;
}

// "Two Somali citizens", "A Saad man": a counted name before a person noun is a people, a clan or a nationality, not a place.
const COUNT_BEFORE = /(?:^|[^\p{L}\d])(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some)\s+$/iu;
const ARTICLE_INSIDE = /^(?:A|An)\s/;
// "refugee camp", "worker village": a person word as a modifier of a place noun leaves the place a place.
const PERSON_NOUN_AFTER = /^\s+([a-z][\p{L}-]*)(?!\s+(?:camps?|village|settlement|site|centre|center|shelter|quarter|district)\b)/u;

function namesAPeople(p: PlaceMention, body: string): boolean {
  const noun = PERSON_NOUN_AFTER.exec(body.slice(p.span.end, p.span.end + 30))?.[1];
  if (!noun || !lexicons().victimWords.has(noun)) return false;
  return ARTICLE_INSIDE.test(p.text) || COUNT_BEFORE.test(body.slice(Math.max(0, p.span.start - 20), p.span.start));
}

// "the Al Noor mosque", "the Victoria market": a name the report gives a venue names the venue. When the gazetteer
// reaches a settlement only through another spelling (Al Noor → Niort) in a country none of the report's other places
// lies in, that namesake abroad is a worse guess than no place, for every mention of the name ("shot at Al Noor" too).
// A town under its own name stays ("the Sidon market"). Camps are left out: a camp is a place of its own.
const VENUE_AFTER = /^\s+(?:mosques?|church(?:es)?|cathedrals?|temples?|synagogues?|shrines?|hospitals?|clinics?|schools?|madrasas?|universit(?:y|ies)|colleges?|markets?|hotels?|stadiums?|prisons?)\b/i;

/** Folded names the report uses for a venue that resolved to a country no other place of the report lies in. */
function foreignVenueNames(places: PlaceMention[], body: string): Set<string> {
  const out = new Set<string>();
  for (const p of places) {
    if (!VENUE_AFTER.test(body.slice(p.span.end, p.span.end + 20))) continue;
    const name = fold(p.text);
    if (fold(p.place.name) === name) continue;
    const others = places.filter((q) => fold(q.text) !== name);
    if (others.length && !others.some((q) => q.place.country === p.place.country)) out.add(name);
  }
  return out;
}

const GENERIC_SUFFIX = /(?:['’]s|\s+(?:region|province|governorate|state|oblast|district|county|municipality|township|countryside|area|local government area))$/i;

/** Accents and case folded; memoised because every mention folds all its place's aliases (up to 30). */
const foldMemo = new Map<string, string>();
function fold(x: string): string {
  // ASCII has nothing to decompose or strip: its lower case, without a memo lookup.
  if (isAscii(x)) return x.toLowerCase();
  let f = foldMemo.get(x);
  if (f === undefined) {
    if (foldMemo.size >= 50_000) foldMemo.clear();
    f = x.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    foldMemo.set(x, f);
  }
  return f;
}

function isAscii(x: string): boolean {
  for (let i = 0; i < x.length; i++) if (x.charCodeAt(i) >= 128) return false;
  return true;
}

/** fold(x) === folded; an ASCII `x` (most aliases) folds to its lower case, compared in place without allocating it. */
function foldsTo(x: string, folded: string): boolean {
  if (!isAscii(x)) return fold(x) === folded;
  const n = x.length;
  if (folded.length !== n) return false;
  for (let i = 0; i < n; i++) {
    let c = x.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== folded.charCodeAt(i)) return false;
  }
  return true;
}

/** The name as the report spells it, when that spelling is one the gazetteer knows for the place (analysts search by it). */
function asWritten(p: PlaceMention): PlaceMention {
  const written = p.text.replace(GENERIC_SUFFIX, '').trim();
  if (!written || written === p.place.name) return p;
  const folded = fold(written);
  if (!p.place.aliases.some((a) => foldsTo(a, folded))) return p;
  return { ...p, place: { ...p.place, name: written, aliases: [p.place.name, ...p.place.aliases.filter((a) => a !== p.place.name)] } };
}

// "the Gaza health ministry said", "Borno state government officials": a place naming whose authority speaks.
const AUTHORITY_AFTER = /^(?:['’]s)?\s+(?:(?:health|interior|defen[cs]e|foreign|local|state|provincial|regional|municipal|district|city|county|federal|military|security|police|civil|de facto)\s+){0,2}(?:ministry|ministries|government|authorities|officials|administration|authority|governor(?:ate)? office|media office|spokes(?:man|woman|person))\b/i;

const isAuthorityTerritory = (p: PlaceMention, body: string): boolean => AUTHORITY_AFTER.test(body.slice(p.span.end, p.span.end + 50));

/**
 * The territory of an authority that speaks is where it governs, not where the event was: it is dropped when the same
 * sentence names another place, and kept as the only clue otherwise ("the Borno government said 12 were killed").
 */
function dropAuthorityTerritories(places: PlaceMention[], body: string, sentences: Sentence[]): PlaceMention[] {
  const authority = places.filter((p) => isAuthorityTerritory(p, body));
  if (authority.length === 0) return places;
  const dropped = new Set<PlaceMention>();
  for (const p of authority) {
    const s = sentences.find((x) => p.span.start >= x.span.start && p.span.end <= x.span.end);
    if (!s) continue;
    const other = places.some((q) => q !== p && q.span.start >= s.span.start && q.span.end <= s.span.end && q.context !== 'origin' &&
      !q.place.featureCode.startsWith('PCL') && !authority.includes(q));
    if (other) dropped.add(p);
  }
  return dropped.size ? places.filter((p) => !dropped.has(p)) : places;
}

// "the wounded were taken to hospitals in Ouallam and Niamey": where the casualties were brought, not where they fell.
const BROUGHT_TO = /\b(?:taken|rushed|evacuated|transferred|airlifted|flown|brought|admitted)\s+(?:to|in)\s+(?:(?:an?|the|several|two|three)\s+)?(?:(?:local|nearby|military|main|regional|district|general)\s+)?(?:hospitals?|clinics?|medical (?:centres?|centers?|facilities))?\s*(?:in|at)?\s*(?:the\s+)?(?:(?:city|town) of\s+)?$/i;
const LIST_BEFORE = /^\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)$/;
// "taken to Kumba District Hospital and some later to Douala and Buea": a further leg of the same transfer.
const FURTHER_LEG = /^[^.;:]{0,40}?\b(?:and|then|or)\s+(?:(?:some|others|several|many|most|the rest)\s+(?:of them\s+)?)?(?:(?:later|then|subsequently)\s+)?(?:(?:moved|transferred|taken|flown|airlifted|referred)\s+)?(?:on\s+)?to\s+(?:the\s+)?$/i;

/**
 * Places the casualties were brought to, dropped when the report names any other place of the event; a list after
 * the cue ("in Ouallam and Niamey") shares it.
 */
function dropDestinations(places: PlaceMention[], body: string): PlaceMention[] {
  const destination = new Set<PlaceMention>();
  let previous: PlaceMention | null = null;
  for (const p of places) {
    const before = body.slice(Math.max(0, p.span.start - 80), p.span.start);
    const gap = previous ? body.slice(previous.span.end, p.span.start) : '';
    const listed = previous && destination.has(previous) && (LIST_BEFORE.test(gap) || FURTHER_LEG.test(gap));
    if (BROUGHT_TO.test(before) || listed) destination.add(p);
    previous = p;
  }
  if (destination.size === 0) return places;
  const others = places.some((p) => !destination.has(p) && p.context !== 'origin' && !p.place.featureCode.startsWith('PCL'));
  return others ? places.filter((p) => !destination.has(p)) : places;
}

/** /\bThe\s+$/ without trying every start position of the window. */
function endsWithThe(text: string): boolean {
  const end = spaceRunStart(text, text.length);
  if (end === text.length || end < 3 || text.slice(end - 3, end) !== 'The') return false;
  const c = end > 3 ? text.charCodeAt(end - 4) : 32;
  return !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95);
}

/** The report's datelines ("ERBIL (Kurdistan24) –"). */
function datelinesOf(sentences: Sentence[]): Span[] {
  const datelines: Span[] = [];
  for (const s of sentences) if (s.dateline) datelines.push(s.dateline);
  return datelines;
}

const inDateline = (p: PlaceMention, datelines: Span[]): boolean => datelines.some((d) => p.span.start >= d.start && p.span.end <= d.end);

/** The places of the report's datelines, which `refinePlaces` leaves out. */
export function datelinePlaces(places: PlaceMention[], sentences: Sentence[]): PlaceMention[] {
  const datelines = datelinesOf(sentences);
  return datelines.length ? places.filter((p) => inDateline(p, datelines)) : [];
}

/** A cheap test that spares PAST_EVENT_BEFORE (end-anchored) most places: "since" within the 110 characters before. */
function hasSinceBefore(body: string, start: number): boolean {
  // The first "since" at or after the window's start lies inside it, or none does: no slice per place.
  const at = body.indexOf('since', Math.max(0, start - 110));
  return at >= 0 && at + 5 <= start;
}

export function refinePlaces(places: PlaceMention[], body: string, sentences: Sentence[]): PlaceMention[] {
  const datelines = datelinesOf(sentences);
  const venues = foreignVenueNames(places, body);
  return dropDestinations(dropAuthorityTerritories(places, body, sentences), body).map(asWritten).filter((p) => {
    if (venues.size && venues.has(fold(p.text))) return false;
    if (inDateline(p, datelines)) return false;
    const before = body.slice(Math.max(0, p.span.start - 40), p.span.start);
    const after = body.slice(p.span.end, p.span.end + 40);
    if (NAME_CONTINUES.test(after) || isSeat(before) || SEAT_AFTER.test(after) || isInstitutionOf(before)) return false;
    if (isDestination(body.slice(Math.max(0, p.span.start - 60), p.span.start))) return false;
    if (hasSinceBefore(body, p.span.start) && PAST_EVENT_BEFORE.test(body.slice(Math.max(0, p.span.start - 110), p.span.start))) return false;
    if (endsWithThe(before) && OUTLET.test(after)) return false;
    if (namesAPeople(p, body)) return false;
    return true;
  });
}
