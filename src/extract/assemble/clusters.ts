// Groups sentence statements into events: a repeated figure, a competing account or a breakdown joins an event; a new one opens it.
import { rangesOverlap } from '../../domain/days.js';
import type { Category, DayRange, PlaceRef } from '../../domain/types.js';
import type { Lexicons } from '../lexicon.js';
import type { PlaceMention, Sentence } from '../mentions.js';
import { isFieldLine } from './records.js';
import type { Statement } from './statements.js';

/** One event being assembled: its statements (the first is the lead figure) and the sentences that narrate it. */
export interface Cluster {
  statements: Statement[];
  /** Alternative figures for the same event from competing accounts (ACLED: the lowest wins). */
  alternatives: Statement[];
  /** Breakdown statements in later sentences ("two security guards died", "one soldier also died"). */
  parts: Statement[];
  /** Wounded or missing with no deaths in the same sentence ("17 people were wounded"). */
  nonFatal: Statement[];
  /** Deaths on another side of the same event, stated apart from its count ("the body of one Maoist … recovered from the site"). */
  otherSide: Statement[];
  sentences: Set<number>;
  places: PlaceMention[];
  /** The event's count as it last rose ("the number … had risen to 79"): it replaces the lower ones given before. */
  latest?: Statement;
}

// "police said four were killed, while a resident told the outlet that seven had died": a second account.
const SECOND_ACCOUNT = /\b(?:while|whereas|but)\s+(?:(?:a|an|the|other|local|some)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:said|told|says|reported|put|gave|claimed|counted)\b/iu;
// "another body was found" raises the toll of the same event: "another" before a casualty noun opens no event.
// "was killed in the operation", "recovered from the site", "also died": the sentence speaks of the event already told.
const SAME_EVENT_REFERENT = /\b(?:also|too|as well|(?:in|during)\s+the\s+(?:same\s+)?(?:operation|attack|ambush|raid|assault|clash|clashes|fighting|gunfight|firefight|battle|encounter|shootout|exchange of fire|strike|strikes)|(?:at|from|near)\s+the\s+(?:site|scene|spot))\b/i;
// A people's name as a modifier or noun ("Israeli", "Palestinians", "Ukrainian", "Somali", "Congolese"): who the counted are.
const DEMONYM = /^\p{Lu}\p{Ll}+(?:ians?|eans?|ans?|is?|ese|ish)$/u;
const SEPARATE_EVENT = /\b(?:separate|separately|another(?!\s+(?:body|bodies|corpse|victim|casualty|fatality|death)\b)|second|elsewhere|meanwhile|retaliation|revenge|in response|later that|a further|also late|earlier,|last (?:week|month|year))\b/i;
// "The incident comes a week after attacks on 2 August …, in which dozens were killed": a figure told after this is of
// the earlier event ("killing 47, a week after a similar attack" keeps its own figure, told before).
const SOME_TIME_AFTER = /\b(?:a|one|two|three|four|five|six|several|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:after|before|earlier)\b/i;

export function isAdminLevel(p: PlaceRef): boolean {
  return p.featureCode.startsWith('ADM') || p.featureCode.startsWith('PCL') || p.geoPrecision === 3;
}

/** With `strict`, a place whose province is unknown is not taken to lie in the other's province. */
function placesCompatible(a: PlaceMention[], b: PlaceMention[], strict = false): boolean {
  if (a.length === 0 || b.length === 0) return true;
  for (const x of a) {
    for (const y of b) {
      if (x.place.geonameId !== null && x.place.geonameId === y.place.geonameId) return true;
      if (x.place.name === y.place.name) return true;
      // A town and the province or district it lies in describe the same event.
      if ((isAdminLevel(x.place) || isAdminLevel(y.place)) && x.place.country === y.place.country &&
        (x.place.admin1 === y.place.admin1 || (!strict && (x.place.admin1 === null || y.place.admin1 === null)))) return true;
    }
  }
  return false;
}

// "killed 12 people …, after rescuers recovered another body": one more death of the event the sentence tells, even
// beside its figure, not an event of its own.
const ONE_MORE = /^(?:another|one more)\b/i;
function isOneMore(st: Statement, sentence: Sentence): boolean {
  const at = st.spans[0];
  return !!at && ONE_MORE.test(sentence.text.slice(at.start - sentence.span.start, at.end - sentence.span.start));
}

/** The statement repeats one figure of a breakdown the event already holds: the same count of the same side. */
function restatesPart(st: Statement, cluster: Cluster): boolean {
  return [...cluster.statements, ...cluster.parts].some((lead) => lead.figures.length > 1 &&
    lead.figures.some((f) => f.value === st.value && f.category !== null && (st.category === null || st.category === f.category)));
}

const PERPETRATORS = /\b(?:attackers?|assailants?|gunm[ae]n|(?:suicide\s+)?bombers?|hijackers?|hostage-takers?|perpetrators?)$/i;

/**
 * "…killing at least 147 people. … security forces killed the four attackers": the attackers' own dead, told after
 * their victims' count, are not among those victims; the stated figure stays the victims'.
 */
function isPerpetratorsDead(st: Statement, cluster: Cluster): boolean {
  const category = leadCategory(cluster);
  return (category === null || category === 'civilians') && st.figures.some((f) => PERPETRATORS.test(f.noun));
}

function demonymsOf(statements: Statement[]): Set<string> {
  const words = statements.flatMap((s) => s.figures.flatMap((f) => f.noun.split(/\s+/)));
  return new Set(words.filter((w) => DEMONYM.test(w)).map((w) => w.toLowerCase().replace(/s$/, '')));
}

/**
 * The dead of another side of the event told just before: their side is known and differs from the count's ("22 security
 * personnel" … "one Maoist"), or they are another people ("274 Palestinians" … "an Israeli officer"). They are not among
 * that count, so they add to it.
 */
function isOtherSide(st: Statement, cluster: Cluster, text: string): boolean {
  if (!SAME_EVENT_REFERENT.test(text)) return false;
  const category = leadCategory(cluster);
  if (category !== null && st.category !== null && st.category !== category) return true;
  const theirs = demonymsOf(cluster.statements);
  const ours = demonymsOf([st]);
  return theirs.size > 0 && ours.size > 0 && [...ours].every((d) => !theirs.has(d));
}

function scenePlaces(sentence: number, placesBySentence: Map<number, PlaceMention[]>): PlaceMention[] {
  return (placesBySentence.get(sentence) ?? []).filter((p) => p.context !== 'origin' && !p.place.featureCode.startsWith('PCL'));
}

/** The places of the latest sentence from `from` back to `downTo` that names a place of events. */
function latestScene(from: number, downTo: number, placesBySentence: Map<number, PlaceMention[]>): PlaceMention[] {
  for (let i = from; i >= downTo; i--) {
    const named = scenePlaces(i, placesBySentence);
    if (named.length > 0) return named;
  }
  return [];
}

/** The places of the latest sentence after the cluster's own and before `sentence` that names a place of events. */
function sceneSince(cluster: Cluster, sentence: number, placesBySentence: Map<number, PlaceMention[]>): PlaceMention[] {
  return latestScene(sentence - 1, Math.max(...cluster.sentences) + 1, placesBySentence);
}

// "killed … in the strikes", "wounded in the attack": the figure points back at an event the story has just told.
const DEFINITE_EVENT = /\b(?:in|from|by|during)\s+(?:the|these|those|this|that)\s+(?:[\p{L}-]+\s+)?(?:strikes?|airstrikes?|air strikes?|attacks?|bombings?|blasts?|explosions?|raids?|shelling|ambush|assault|shooting)\b/iu;
// "In Damascus, Israeli warplanes struck …", "Elsewhere in Homs, …": a sentence that opens on its place sets a new scene.
const SCENE_OPENING = /^(?:(?:meanwhile|elsewhere|later|also)\s*,?\s+)?(?:in|at|near)\s+(?:the\s+)?\p{Lu}[^,]{0,40},/iu;

/**
 * Where the figure's referent was told, when it names no place: for a field of a record, the latest place named since
 * the last event (its "Place:" field); in prose, the sentence right before, when the figure points back at an event
 * ("three people were killed … in the strikes") or that sentence opens on its place ("In Damascus, warplanes struck …").
 */
function sceneOfReferent(cluster: Cluster, sentence: number, sentences: Sentence[], placesBySentence: Map<number, PlaceMention[]>): PlaceMention[] {
  const here = sentences[sentence]!;
  if (isFieldLine(here.text)) return sceneSince(cluster, sentence, placesBySentence);
  const previous = sentences[sentence - 1];
  if (!previous || previous.paragraph !== here.paragraph || cluster.sentences.has(previous.index)) return [];
  if (!DEFINITE_EVENT.test(here.text) && !SCENE_OPENING.test(previous.text)) return [];
  return scenePlaces(previous.index, placesBySentence);
}

/** Where an event was told: its own places, or for one that names none the scene set before its first sentence. */
function whereTold(cluster: Cluster, placesBySentence: Map<number, PlaceMention[]>): PlaceMention[] {
  return cluster.places.length > 0 ? cluster.places : latestScene(Math.min(...cluster.sentences) - 1, 0, placesBySentence);
}

/** "regional governor Andriy Raikovych" and "Raikovych" are one source: one names the other, or they share a name. */
function sameSource(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x.includes(y) || y.includes(x)) return true;
  const names = new Set(a.match(/\p{Lu}[\p{L}'’-]+/gu) ?? []);
  return (b.match(/\p{Lu}[\p{L}'’-]+/gu) ?? []).some((w) => names.has(w));
}

function leadValue(c: Cluster): number {
  return c.statements[0]!.value;
}

function leadCategory(c: Cluster): Category | null {
  return c.statements[0]!.category;
}

function hasMarker(set: { test(s: string): boolean }, text: string): boolean {
  return set.test(text);
}

export interface ClusterInput {
  sentences: Sentence[];
  statements: Statement[];
  placesBySentence: Map<number, PlaceMention[]>;
  lex: Lexicons;
  /** The first day a sentence dates something on (reporting days excluded), if any. */
  dayOf?: (sentence: number) => string | null;
  /** The days a sentence's figures happened on (its own day, else the date opening its paragraph), if known. */
  whenOf?: (sentence: number) => DayRange | null;
  /** Whether a sentence names an act of violence of its own ("a convoy … was ambushed"). */
  tellsViolence?: (sentence: number) => boolean;
  /** Who a sentence attributes its figures to ("the army said"), if anyone. */
  sourceOf?: (sentence: number) => string | null;
}

// "the number of bodies recovered had risen to 79", "the toll rose to 14": a count that rose, with nothing that widens it
// to many events or a region.
const RISEN_COUNT = /\b(?:toll|number|count|tally|figure)\b[^.;]{0,80}?\b(?:rose|risen|rises|climbed|increased|grew|jumped)\s+to\s*$/i;
const WIDER_THAN_ONE_EVENT = /\b(?:since|so far|this (?:year|month|week)|overall|total|cumulative|across|campaign|offensive|war|conflict|fighting|region|province|country|nationwide)\b/i;

/**
 * A cumulative figure that says the count rose, right after an event (within two sentences) with a lower figure and in a
 * compatible place, is that event's latest count.
 */
function risesFrom(st: Statement, current: Cluster, sentences: Sentence[], placesBySentence: Map<number, PlaceMention[]>): boolean {
  if (!st.cumulative || st.backReference || st.coded || st.increment || st.value <= 0) return false;
  if (st.value <= Math.max(leadValue(current), current.latest?.value ?? 0)) return false;
  const last = Math.max(...current.sentences);
  if (st.sentence - last > 2) return false;
  const sentence = sentences[st.sentence]!;
  const before = sentence.text.slice(0, st.spans[0]!.start - sentence.span.start);
  const frame = RISEN_COUNT.exec(before);
  if (!frame || WIDER_THAN_ONE_EVENT.test(before.slice(frame.index))) return false;
  const own = (placesBySentence.get(st.sentence) ?? []).filter((p) => p.context !== 'origin');
  return placesCompatible(current.places, own, true);
}

/** The event whose figure a cumulative statement of the sentence repeats ("bringing the toll to 22" after "22 killed"). */
function eventUpdatedBy(sentence: number, statements: Statement[], clusters: Cluster[]): Cluster | undefined {
  const totals = statements.filter((s) => s.sentence === sentence && s.cumulative).map((s) => s.value);
  return totals.length === 0 ? undefined : clusters.find((c) => c.statements.some((s) => totals.includes(s.value)));
}

/** A precise count within the bounds of the event's only, vague figure ("dozens", "hundreds"), of the same dead. */
function sharpens(st: Statement, event: Cluster): boolean {
  const lead = event.statements[0]!;
  return event.statements.length === 1 && event.alternatives.length === 0 && lead.vague && !st.vague && st.value >= lead.low &&
    (lead.high === null || st.value <= lead.high) && (st.category === null || lead.category === null || st.category === lead.category);
}

/**
 * The places of a statement: with several figures of deaths in one sentence ("70 were killed in X and 30 in Y"), those
 * named between its figure and the next one; the sentence's places when that stretch names none.
 */
function placesOfStatement(st: Statement, statements: Statement[], sentencePlaces: PlaceMention[], sentenceEnd: number): PlaceMention[] {
  const starts = statements.filter((s) => s.sentence === st.sentence && s.value > 0 && !s.cumulative).map((s) => s.spans[0]!.start).sort((a, b) => a - b);
  if (starts.length < 2) return sentencePlaces;
  const from = st.spans[0]!.start;
  const to = starts.find((x) => x > from) ?? sentenceEnd;
  const own = sentencePlaces.filter((p) => p.span.start >= from && p.span.end <= to);
  return own.length > 0 ? own : sentencePlaces;
}

/** Assigns each statement to an event in reading order. Cumulative statements are left out (they become tolls). */
export function clusterStatements({ sentences, statements, placesBySentence, lex, dayOf = () => null, whenOf = () => null, tellsViolence = () => false, sourceOf = () => null }: ClusterInput): Cluster[] {
  // "The UN said up to 22 civilians were killed … The army said a woman and four children died": a smaller figure
  // that another source gives, not as a share of the first ("of them", "including"), is a competing account.
  const otherAccount = (st: Statement, event: Cluster, text: string): boolean => {
    const source = sourceOf(st.sentence);
    const eventSources = [...event.sentences].map(sourceOf).filter((x): x is string => x !== null);
    return source !== null && eventSources.length > 0 && !eventSources.some((x) => sameSource(source, x)) && !hasMarker(lex.subsetMarkers, text);
  };
  // "Dozens killed since Wednesday … Seven of them died on Friday when a convoy was ambushed": a share of the count
  // that died on another day in an act of its own is an event of its own (the whole keeps its figure). "Five of
  // them died in hospital on Saturday" tells no act of its own and stays a detail of the event.
  // The event's day is that of the first of its statements that names one (a headline names none).
  const ownEvent = (st: Statement, event: Cluster): boolean => {
    const day = dayOf(st.sentence);
    const leadDay = event.statements.map((s) => dayOf(s.sentence)).find((d) => d !== null) ?? null;
    return day !== null && leadDay !== null && day !== leadDay && tellsViolence(st.sentence);
  };
  const clusters: Cluster[] = [];
  let current: Cluster | null = null;
  for (const st of statements) {
    if (current && risesFrom(st, current, sentences, placesBySentence)) {
      // "About 50 bodies were found on Sunday. … the number had risen to 79": the event's latest count, not a toll.
      current.latest = st;
      current.sentences.add(st.sentence);
      st.cumulative = false;
      continue;
    }
    if (st.value === 0 || st.cumulative || st.backReference || st.coded) {
      if (st.value === 0 && current && (st.injured !== null || st.missing !== null)) current.nonFatal.push(st);
      continue;
    }
    const sentence = sentences[st.sentence]!;
    const previous = sentences[st.sentence - 1];
    const places = placesOfStatement(st, statements, placesBySentence.get(st.sentence) ?? [], sentence.span.end).filter((p) => p.context !== 'origin');
    const contrast = hasMarker(lex.contrastMarkers, sentence.text) || SECOND_ACCOUNT.test(sentence.text) || (previous !== undefined && hasMarker(lex.contrastMarkers, previous.text) && previous.paragraph === sentence.paragraph);
    const separate = SEPARATE_EVENT.test(sentence.text) || SOME_TIME_AFTER.test(sentence.text.slice(0, Math.max(0, (st.spans[0]?.start ?? 0) - sentence.span.start)));
    // A figure with no place of its own speaks of the scene set since the last event ("In Damascus, warplanes struck …
    // The ministry said three people were killed"); when that scene is elsewhere, it is not the last event's figure.
    const scene: PlaceMention[] = places.length === 0 && current ? sceneOfReferent(current, st.sentence, sentences, placesBySentence) : [];
    const elsewhere: boolean = current !== null && scene.length > 0 && !placesCompatible(whereTold(current, placesBySentence), scene, true);
    const compatible: Cluster[] = clusters.filter((c) => placesCompatible(c.places, elsewhere ? scene : places));
    const repeat: Cluster | undefined = compatible.find((c) => c.statements.some((s) => s.value === st.value) && (st.category === null || leadCategory(c) === null || leadCategory(c) === st.category));
    let target: Cluster | null = null;
    let as: 'statement' | 'alternative' | 'part' | 'detail' | 'other-side' | 'new' = 'new';
    let shareOf = null as Cluster | null;
    const updated: Cluster | undefined = st.increment ? eventUpdatedBy(st.sentence, statements, compatible) : undefined;
    if (updated) {
      // "found the bodies of 17 more, bringing the toll to 22": the increment is a step of the event's count, which the
      // sentence states again; it is neither a conflicting figure nor a new event.
      target = updated;
      as = 'detail';
    } else if (current && !separate && !elsewhere && placesCompatible(current.places, places) && sharpens(st, current)) {
      // "Shells kill dozens" … "54 people were killed": the count the vague figure spoke of; it leads the event.
      current.statements = [st];
      target = current;
      as = 'detail';
    } else if (repeat && !separate) {
      target = repeat;
      as = 'statement';
    } else if (current && !separate && !elsewhere && placesCompatible(current.places, places)) {
      const whole = leadValue(current);
      const partsSoFar = current.parts.reduce((s, p) => s + p.value, 0);
      const wholeCategory = leadCategory(current);
      // Fighters counted by the other side ("killed two senior Hamas officials") are other dead, not a lower count of these.
      const sameDead = st.category === null || st.category === wholeCategory || (wholeCategory === null && st.category === 'civilians');
      if (st.vague && !current.statements[0]!.vague && st.low <= whole && (st.high === null || st.high >= whole) && sameDead) {
        // "received dozens of bodies" after "54 people were killed", "carried dozens of bodies out of a hillside above
        // Penha": a vague word for the count already given, wherever in the event's area it is said.
        target = current;
        as = 'detail';
      } else if (st.value < whole && st.value > 1 && places.length === 0 && restatesPart(st, current)) {
        // "Forty-four police commandos, 18 rebels and five civilians died … The MILF said 18 of its members were killed":
        // one part of the event's breakdown told again, by its own source, is neither a rival account nor more dead.
        target = current;
        as = 'detail';
      } else if (st.increment && st.value < whole && places.length === 0) {
        // "found the bodies of 17 more": deaths added on the way to the event's count, never a rival account of it.
        target = current;
        as = 'detail';
      } else if (contrast || (st.value < whole && sameDead && places.length === 0 && st.sentence !== current.statements[0]!.sentence && otherAccount(st, current, sentence.text))) {
        target = current;
        as = 'alternative';
      } else if (places.length === 0 && st.sentence !== current.statements[0]!.sentence && st.value < whole && isPerpetratorsDead(st, current)) {
        target = current;
        as = 'detail';
      } else if (places.length === 0 && st.sentence !== current.statements[0]!.sentence && isOtherSide(st, current, sentence.text)) {
        target = current;
        as = 'other-side';
      } else if (st.category && st.category !== wholeCategory && wholeCategory === null && partsSoFar + st.value <= whole && places.length === 0) {
        target = current;
        as = 'part';
      } else if (st.value < whole && places.length === 0 && st.sentence !== current.statements[0]!.sentence && ownEvent(st, current)) {
        // A share that died on another day in an act of its own: an event of its own, where the whole happened.
        shareOf = current;
      } else if (st.value < whole && (wholeCategory === null || st.category === null || st.category === wholeCategory) && ((places.length === 0 && st.sentence !== current.statements[0]!.sentence) || (current.sentences.has(st.sentence) && isOneMore(st, sentence)))) {
        // A smaller count later in the same story ("Nine died on the spot") details the event; it adds no deaths.
        target = current;
        as = 'detail';
      }
    }
    if (!target) {
      target = { statements: [], alternatives: [], parts: [], nonFatal: [], otherSide: [], sentences: new Set(), places: shareOf ? [...shareOf.places] : [] };
      clusters.push(target);
    }
    if (as === 'alternative') target.alternatives.push(st);
    else if (as === 'part') target.parts.push(st);
    else if (as === 'other-side') target.otherSide.push(st);
    else if (as !== 'detail') target.statements.push(st);
    target.sentences.add(st.sentence);
    for (const p of elsewhere && as === 'new' ? scene : places) if (!target.places.some((q) => q.place.name === p.place.name)) target.places.push(p);
    current = target;
  }
  return splitOtherDays(clusters, whenOf);
}


/**
 * "9 June - Eleven gendarmes were killed … On 12 June about 50 bodies had been found": a breakdown dated on days none of
 * the event's other sentences share counts other dead, of another event; it leaves the event for one of its own.
 */
function splitOtherDays(clusters: Cluster[], whenOf: (sentence: number) => DayRange | null): Cluster[] {
  const out: Cluster[] = [];
  for (const cluster of clusters) {
    out.push(cluster);
    for (const part of [...cluster.parts]) {
      const when = whenOf(part.sentence);
      if (!when) continue;
      const others = [...cluster.sentences].filter((i) => i !== part.sentence).map(whenOf).filter((w): w is DayRange => w !== null);
      if (others.length === 0 || others.some((w) => rangesOverlap(w, when))) continue;
      const moved = cluster.parts.filter((p) => p.sentence === part.sentence);
      if (moved.length === 0) continue;
      cluster.parts = cluster.parts.filter((p) => p.sentence !== part.sentence);
      const keeps = [...cluster.statements, ...cluster.alternatives, ...cluster.otherSide, ...cluster.nonFatal].some((s) => s.sentence === part.sentence);
      if (!keeps) cluster.sentences.delete(part.sentence);
      out.push({ statements: moved, alternatives: [], parts: [], nonFatal: [], otherSide: [], sentences: new Set([part.sentence]), places: [] });
    }
  }
  return out.sort((a, b) => Math.min(...a.sentences) - Math.min(...b.sentences));
}
