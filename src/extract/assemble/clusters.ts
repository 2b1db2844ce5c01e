// Groups sentence statements into events: a repeated figure, a competing account or a breakdown joins an event; a new one opens it.
import type { Category, PlaceRef } from '../../domain/types.js';
import type { Lexicons } from '../lexicon.js';
import type { PlaceMention, Sentence } from '../mentions.js';
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
  sentences: Set<number>;
  places: PlaceMention[];
}

// "police said four were killed, while a resident told the outlet that seven had died": a second account.
const SECOND_ACCOUNT = /\b(?:while|whereas|but)\s+(?:(?:a|an|the|other|local|some)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:said|told|says|reported|put|gave|claimed|counted)\b/iu;
// "another body was found" raises the toll of the same event: "another" before a casualty noun opens no event.
const SEPARATE_EVENT = /\b(?:separate|separately|another(?!\s+(?:body|bodies|corpse|victim|casualty|fatality|death)\b)|second|elsewhere|meanwhile|retaliation|in response|later that|a further|also late|earlier,)\b/i;

export function isAdminLevel(p: PlaceRef): boolean {
  return p.featureCode.startsWith('ADM') || p.featureCode.startsWith('PCL') || p.geoPrecision === 3;
}

function placesCompatible(a: PlaceMention[], b: PlaceMention[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  for (const x of a) {
    for (const y of b) {
      if (x.place.geonameId !== null && x.place.geonameId === y.place.geonameId) return true;
      if (x.place.name === y.place.name) return true;
      // A town and the province or district it lies in describe the same event.
      if ((isAdminLevel(x.place) || isAdminLevel(y.place)) && x.place.country === y.place.country &&
        (x.place.admin1 === y.place.admin1 || x.place.admin1 === null || y.place.admin1 === null)) return true;
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
  /** Whether a sentence names an act of violence of its own ("a convoy … was ambushed"). */
  tellsViolence?: (sentence: number) => boolean;
  /** Who a sentence attributes its figures to ("the army said"), if anyone. */
  sourceOf?: (sentence: number) => string | null;
}

/** Assigns each statement to an event in reading order. Cumulative statements are left out (they become tolls). */
export function clusterStatements({ sentences, statements, placesBySentence, lex, dayOf = () => null, tellsViolence = () => false, sourceOf = () => null }: ClusterInput): Cluster[] {
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
  const ownEvent = (st: Statement, lead: Statement): boolean => {
    const day = dayOf(st.sentence);
    const leadDay = dayOf(lead.sentence);
    return day !== null && leadDay !== null && day !== leadDay && tellsViolence(st.sentence);
  };
  const clusters: Cluster[] = [];
  let current: Cluster | null = null;
  for (const st of statements) {
    if (st.value === 0 || st.cumulative || st.backReference || st.coded) {
      if (st.value === 0 && current && (st.injured !== null || st.missing !== null)) current.nonFatal.push(st);
      continue;
    }
    const sentence = sentences[st.sentence]!;
    const previous = sentences[st.sentence - 1];
    const places = (placesBySentence.get(st.sentence) ?? []).filter((p) => p.context !== 'origin');
    const contrast = hasMarker(lex.contrastMarkers, sentence.text) || SECOND_ACCOUNT.test(sentence.text) || (previous !== undefined && hasMarker(lex.contrastMarkers, previous.text) && previous.paragraph === sentence.paragraph);
    const separate = SEPARATE_EVENT.test(sentence.text);
    const compatible = clusters.filter((c) => placesCompatible(c.places, places));
    const repeat = compatible.find((c) => c.statements.some((s) => s.value === st.value) && (st.category === null || leadCategory(c) === null || leadCategory(c) === st.category));
    let target: Cluster | null = null;
    let as: 'statement' | 'alternative' | 'part' | 'detail' | 'new' = 'new';
    let shareOf = null as Cluster | null;
    if (repeat && !separate) {
      target = repeat;
      as = 'statement';
    } else if (current && !separate && placesCompatible(current.places, places)) {
      const whole = leadValue(current);
      const partsSoFar = current.parts.reduce((s, p) => s + p.value, 0);
      const wholeCategory = leadCategory(current);
      // Fighters counted by the other side ("killed two senior Hamas officials") are other dead, not a lower count of these.
      const sameDead = st.category === null || st.category === wholeCategory || (wholeCategory === null && st.category === 'civilians');
      if (contrast || (st.value < whole && sameDead && places.length === 0 && st.sentence !== current.statements[0]!.sentence && otherAccount(st, current, sentence.text))) {
        target = current;
        as = 'alternative';
      } else if (st.category && st.category !== wholeCategory && wholeCategory === null && partsSoFar + st.value <= whole && places.length === 0) {
        target = current;
        as = 'part';
      } else if (st.value < whole && places.length === 0 && st.sentence !== current.statements[0]!.sentence && ownEvent(st, current.statements[0]!)) {
        // A share that died on another day in an act of its own: an event of its own, where the whole happened.
        shareOf = current;
      } else if (st.value < whole && (wholeCategory === null || st.category === null || st.category === wholeCategory) && ((places.length === 0 && st.sentence !== current.statements[0]!.sentence) || (current.sentences.has(st.sentence) && isOneMore(st, sentence)))) {
        // A smaller count later in the same story ("Nine died on the spot") details the event; it adds no deaths.
        target = current;
        as = 'detail';
      }
    }
    if (!target) {
      target = { statements: [], alternatives: [], parts: [], nonFatal: [], sentences: new Set(), places: shareOf ? [...shareOf.places] : [] };
      clusters.push(target);
    }
    if (as === 'alternative') target.alternatives.push(st);
    else if (as === 'part') target.parts.push(st);
    else if (as !== 'detail') target.statements.push(st);
    target.sentences.add(st.sentence);
    for (const p of places) if (!target.places.some((q) => q.place.name === p.place.name)) target.places.push(p);
    current = target;
  }
  return clusters;
}
