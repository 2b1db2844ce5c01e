// Turns event clusters into incident and toll claims: places, dates, event type, actors, sources and reconciled figures.
import { addDays, rangeLength, rangesOverlap } from '../../domain/days.js';
import type {
  Actor, Attribution, ByCategory, DatePrecision, DayRange, Dispute, EventType, Evidence, ExtractionWarning, Fatalities, IncidentClaim, PlaceRef,
  Qualifier, ReportedFigure, Report, Span, SubEventType, TollClaim, VictimClaim,
} from '../../domain/types.js';
import type { Lexicons } from '../lexicon.js';
import type { DateMention, PlaceMention, Sentence } from '../mentions.js';
import type { ActorMention } from '../stages/actors.js';
import { framesClause, hasDateLabel, inViolenceClause, isAftermathDate, isLabelledDate, mayOpenWithDate, opensSentence } from '../stages/dates.js';
import { LABEL_WEIGHT, type EventTriggerMention } from '../stages/events.js';
import type { SentenceSources } from '../stages/sources.js';
import type { VictimMention } from '../stages/victims.js';
import { clusterStatements, isAdminLevel, type Cluster } from './clusters.js';
import { recordFields } from './records.js';
import type { Statement } from './statements.js';

export interface AssembleInput {
  report: Report;
  sentences: Sentence[];
  statements: Statement[];
  places: PlaceMention[];
  /** The dates of one sentence, read on first request (only the sentences claims quote or narrate are read). */
  dates: (sentence: number) => DateMention[];
  triggers: EventTriggerMention[];
  actors: ActorMention[];
  sources: (sentence: number) => SentenceSources;
  victims: VictimMention[];
  /** Places of the report's datelines ("GARISSA, Kenya -"): where it was filed, the event's place only when nothing else says one. */
  datelinePlaces?: PlaceMention[];
  lex: Lexicons;
}

export interface AssembledClaims {
  incidents: IncidentClaim[];
  tolls: TollClaim[];
  victims: VictimClaim[];
}

/** With no date in the text, an event is taken to lie in the two days before publication (news reports recent events). */
const DEFAULT_WINDOW_DAYS = 2;
const RECENT_CONTEXT_DAYS = 31;
/** A bulletin entry or a monitor's note: short enough that an event in it is the report's subject even without a place. */
const SHORT_REPORT_SENTENCES = 5;
/** A figure whose own sentence names this many provinces counts a region, not an event. */
const REGIONAL_ADMIN1S = 3;
const REPORTING_BEFORE_DATE = /\b(?:said|says|told|tells|announced|reported|added|stated|declared|speaking|spoke|acknowledged|confirmed|statement|vowed|urged|published|released|issued)\b[^.;]{0,25}$/i;
// "the toll … rose to 52 on Friday": the day the count was updated, not the day of the event.
const UPDATED_BEFORE_DATE = /\b(?:rose|risen|rises|climbed|jumped|increased)\s+to\s+(?:at least\s+)?[\d,]+\s*$/i;

function inSentences<T extends { span: Span }>(items: T[], sentences: Sentence[], which: Iterable<number>): T[] {
  const out: T[] = [];
  for (const i of which) {
    const s = sentences[i];
    if (!s) continue;
    for (const it of items) if (it.span.start >= s.span.start && it.span.end <= s.span.end) out.push(it);
  }
  return out;
}

function bySentence<T extends { span: Span }>(items: T[], sentences: Sentence[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const s of sentences) {
    const own: T[] = [];
    for (const it of items) if (it.span.start >= s.span.start && it.span.end <= s.span.end) own.push(it);
    map.set(s.index, own);
  }
  return map;
}

/**
 * Sentences that narrate a cluster without a figure of their own: those after its first sentence up to the next
 * event's figure or section heading, the rest of each paragraph it speaks in, and the sentence before its first.
 */
function narrative(cluster: Cluster, next: Cluster | undefined, sentences: Sentence[], claimed: Set<number>): number[] {
  const first = Math.min(...cluster.sentences);
  const stop = next ? Math.min(...next.sentences) : sentences.length;
  const out = new Set<number>();
  for (let i = first + 1; i < stop && i <= first + 6 && sentences[i]!.role !== 'heading'; i++) out.add(i);
  for (const own of cluster.sentences) {
    for (let i = own + 1; sentences[i]?.paragraph === sentences[own]!.paragraph && !claimed.has(i); i++) out.add(i);
  }
  const prev = sentences[first - 1];
  if (prev && prev.paragraph === sentences[first]!.paragraph && !claimed.has(prev.index)) out.add(prev.index);
  for (const own of cluster.sentences) for (const i of recordFields(sentences, own)) out.add(i);
  for (const own of cluster.sentences) out.delete(own);
  return [...out].sort((a, b) => a - b);
}

function specificity(p: PlaceRef): number {
  if (p.featureCode.startsWith('PCL')) return 4;
  if (p.featureCode === 'ADM1') return 3;
  if (p.featureCode.startsWith('ADM')) return 2;
  // A village the gazetteer lacks, which the sentence names as the place ("in San Miguel del Ene, a hamlet in …"), is as
  // specific as a town it knows; only its coordinates are coarse.
  if (p.geonameId === null) return 0;
  return p.geoPrecision === 1 ? 0 : 1;
}

function isScenePlace(m: PlaceMention): boolean {
  return m.context !== 'origin' && !m.place.featureCode.startsWith('PCL');
}

/**
 * The places of the latest sentence before `first` that names one ("the village of X, near Y (Z, W)"): where the story
 * set the scene, for an event that names no place of its own. All of that sentence, not its last words.
 */
function sceneBefore(input: AssembleInput, first: number, claimed: Set<number>): PlaceMention[] {
  const { sentences, places } = input;
  for (let i = first - 1; i >= 0; i--) {
    const s = sentences[i]!;
    if (claimed.has(i) || s.role === 'headline') continue;
    const named = inSentences(places, sentences, [i]);
    if (named.some(isScenePlace)) return named;
  }
  return [];
}

function placesFor(cluster: Cluster, context: PlaceMention[], previous: PlaceMention[] = [], earlier: PlaceMention[] = []): PlaceRef[] {
  // A country is no place for an incident; it only says where its towns are.
  const isEventPlace = isScenePlace;
  const own = cluster.places.filter(isEventPlace);
  const seen = new Set<string>();
  const refs: PlaceRef[] = [];
  const add = (m: PlaceMention): void => {
    const key = `${m.place.geonameId ?? m.place.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    refs.push({ ...m.place, spans: [m.span] });
  };
  for (const m of own) add(m);
  if (own.length === 0) {
    // An event told right after another in the same paragraph ("Retaliation followed…") happened where that one did.
    for (const m of previous) if (isEventPlace(m)) add(m);
    for (const m of context) if (isEventPlace(m)) add(m);
    // With no place of its own, an event may happen where the story set the scene before ("opened at Pazi Gyi village").
    for (const m of earlier) if (isEventPlace(m)) add(m);
  } else {
    const admin1s = new Set(own.map((m) => `${m.place.country}/${m.place.admin1}`));
    for (const m of context) if (isEventPlace(m) && admin1s.has(`${m.place.country}/${m.place.admin1}`)) add(m);
  }
  // Most specific first; the stable sort keeps the report's order within a level.
  return refs.sort((a, b) => specificity(a) - specificity(b));
}

function eventDates(dates: DateMention[], body: string, sentenceStart: number): DateMention[] {
  return dates.filter((d) => {
    const before = body.slice(Math.max(sentenceStart, d.span.start - 40), d.span.start);
    return !REPORTING_BEFORE_DATE.test(before) && !UPDATED_BEFORE_DATE.test(before);
  });
}

const MIN_RECORD_FIELDS = 3;

/** A date with its sentence's text (after any dateline) and its offsets into that text, for the tests of dates.ts. */
interface DateInSentence {
  d: DateMention;
  text: string;
  start: number;
  end: number;
}

function datesInSentence(input: AssembleInput, i: number): DateInSentence[] {
  const s = input.sentences[i];
  if (!s) return [];
  const from = s.dateline?.end ?? s.span.start;
  const text = input.report.body.slice(from, s.span.end);
  return input.dates(i).filter((d) => d.span.start >= from).map((d) => ({ d, text, start: d.span.start - from, end: d.span.end - from }));
}

/**
 * A listing's record ("Date: 3 Jul 2016 / Place: … / Deaths: …"): its labelled date dates every line of it. The nearest
 * labelled line at or before the event's sentence, else the first one after it.
 */
function recordDate(input: AssembleInput, first: number): DateMention | null {
  const fields = recordFields(input.sentences, first);
  // A listing, not a dated story: a "Date:" line above an article's first paragraph is its publication, not its event.
  if (fields.length + 1 < MIN_RECORD_FIELDS) return null;
  const nearestFirst = [first, ...fields.filter((i) => i < first).sort((a, b) => b - a), ...fields.filter((i) => i > first).sort((a, b) => a - b)];
  for (const i of nearestFirst) {
    const text = input.sentences[i]!.text;
    const d = hasDateLabel(text) ? datesInSentence(input, i).find((x) => isLabelledDate(x.text, x.start))?.d : undefined;
    if (d) return d;
  }
  return null;
}

/** "In May 2017, militants seized parts of Marawi. The battle … killed 1,100": a date opening an earlier sentence of the paragraph. */
function paragraphFrame(input: AssembleInput, first: number): DateMention | null {
  const { sentences } = input;
  const paragraph = sentences[first]?.paragraph;
  for (let i = first - 1; i >= 0 && sentences[i]!.paragraph === paragraph; i--) {
    const s = sentences[i]!;
    if (!mayOpenWithDate(input.report.body.slice(s.dateline?.end ?? s.span.start, s.span.end))) continue;
    const opening = datesInSentence(input, i)[0];
    if (opening && opensSentence(opening.text, opening.start, opening.end)) return opening.d;
  }
  return null;
}

/**
 * The event's dates, in this order: the labelled date of its listing record; its main statements' own sentences; a
 * date opening an earlier sentence of its paragraph; the sentences of its later parts (days only: "killed two fighters
 * last week" there is another, earlier event); the narrative around it; else the days before publication.
 */
function dateFor(
  input: AssembleInput, own: number[], context: number[], secondary: number[] = [],
): { range: DayRange; precision: DatePrecision; rule: string } {
  const { sentences, report } = input;
  const first = Math.min(...own);
  const labelled = own.length ? recordDate(input, first) : null;
  if (labelled && labelled.range.end <= report.published) return { range: labelled.range, precision: labelled.precision, rule: 'date:labelled-field' };
  // A date in the surrounding story counts only if it is recent: "since it took power in 2021" dates no event.
  let recentFrom: string | undefined;
  const recent = (d: DateMention) => d.range.end >= (recentFrom ??= addDays(report.published, -RECENT_CONTEXT_DAYS)) && d.precision !== 'year' && d.precision !== 'month';
  // "…the deadliest attack since the violence spread there in 2015": a bare year or month long past is background, even
  // in the event's own sentence; a news report tells of recent events. Unless it frames the clause ("In May 2017, …") or
  // sits in the clause of the violence ("a car bomb killed 587 people in October 2017").
  const background = (x: DateInSentence) => (x.d.precision === 'year' || x.d.precision === 'month') && !recent(x.d) &&
    !framesClause(x.text, x.start, x.end) && !(x.d.kind !== 'since' && inViolenceClause(x.text, x.start, x.end));
  const choose = (which: number[], keep: (x: DateInSentence) => boolean): DateMention | undefined => {
    const found = which.flatMap((i) => datesInSentence(input, i).filter((x) => eventDates([x.d], report.body, sentences[i]?.span.start ?? 0).length > 0))
      .filter((x) => x.d.range.end <= report.published && keep(x));
    const preferred = (ds: DateMention[]) => ds.find((d) => d.kind === 'since') ?? ds.find((d) => d.precision === 'day') ?? ds[0];
    // A lone date is chosen whether it dates the aftermath or not.
    if (found.length <= 1) return found[0]?.d;
    // "buried their dead on Sunday after gunmen attacked late on Friday": the aftermath's date only when there is no other.
    const aftermath = found.map((x) => isAftermathDate(x.text, x.start, x.end));
    return preferred(found.filter((_, k) => !aftermath[k]).map((x) => x.d)) ?? preferred(found.filter((_, k) => aftermath[k]).map((x) => x.d));
  };
  const result = (d: DateMention, rule: string) => ({ range: d.range, precision: d.kind === 'since' ? 'range' as const : d.precision, rule });
  // "killed 300 … in March last year", then "arrived on 27 March 2022": the story's days inside a long-past month or
  // year of the event's own sentences date the event more closely than the period does.
  const pastPeriods = own.flatMap((i) => datesInSentence(input, i)).map((x) => x.d).filter((d) => (d.precision === 'year' || d.precision === 'month') && !recent(d));
  const inPastPeriod = (d: DateMention) => d.precision === 'day' && pastPeriods.some((p) => p.range.start <= d.range.start && d.range.end <= p.range.end);
  const mainDate = choose(own, (x) => !background(x));
  const dayInside = mainDate && pastPeriods.includes(mainDate) ? choose(context, (x) => inPastPeriod(x.d)) : undefined;
  if (dayInside) return result(dayInside, 'date:narrative');
  if (mainDate) return result(mainDate, 'date:own-sentence');
  const frame = own.length ? paragraphFrame(input, first) : null;
  if (frame && frame.range.end <= report.published) return result(frame, 'date:paragraph-frame');
  const partDate = choose(secondary, (x) => x.d.precision === 'day' || x.d.kind === 'since');
  if (partDate) return result(partDate, 'date:own-sentence');
  const narrated = choose(context, (x) => recent(x.d) || inPastPeriod(x.d));
  if (narrated) return result(narrated, 'date:narrative');
  return { range: { start: addDays(report.published, -DEFAULT_WINDOW_DAYS), end: report.published }, precision: 'range', rule: 'date:default-window' };
}

interface TypeChoice {
  eventType: EventType;
  subEventType: SubEventType;
  rule: string;
}

const EXPLOSIVE: EventType = 'Explosions/Remote violence';
const ATTACK_ON_TOWN = /\b(?:attacked|stormed|overran|overrun|raided|assaulted|attack on|assault on|offensive on)\s+(?:the\s+)?(?:(?:\p{Ll}+\s+){0,2}?(?:town|city|village|district(?:\s+capital)?|port)\b|(?:\p{Lu}[\p{L}-]*\s+){1,3}(?:town|city)\b)/u;
// Riot words that often name another, earlier event ("against the detention of people involved in riots", "looted
// funds"): they do not turn a protest told beside them violent.
const RIOT_AS_BACKGROUND: ReadonlySet<string> = new Set(['riot', 'riots', 'rioted', 'mob', 'mobs', 'looted', 'stormed', 'vandalism']);
const DEMONSTRATION = /\b(?:demonstrat\w*|protest\w*|rall(?:y|ied|ies))\b/i;
const GROUND_FIRE: ReadonlySet<string> = new Set(['Shelling/artillery/missile attack', 'Grenade']);
// Not machine guns: ACLED codes "fired 82mm mortars, heavy machine guns and grenade launchers" as shelling.
const SMALL_ARMS = /\b(?:small[\s-]arms|assault\s+rifles?|exchanges?\s+of\s+fire|exchanged\s+fire|gunfire|firefights?|gun\s*battles?)\b/i;
const ARMED_ACTORS = new Set(['stateForces', 'rebelGroup', 'politicalMilitia', 'identityMilitia', 'externalForces']);

interface TypeEvidence {
  own: EventTriggerMention[];
  context: EventTriggerMention[];
  byCategory: ByCategory;
  category: string | null;
  subsetCategories: string[];
  /** Someone died in the event: a stated figure above zero. */
  deaths: boolean;
  /** The text of the event's own sentences, for the clash test. */
  text: string;
  actors: ActorMention[];
}

/** "a group of people clashed", "clashes between two families": unarmed parties named beside the clash word, not its victims. */
function clashOfUnarmed(text: string, lex: Lexicons): boolean {
  return lex.clashWords.find(text).some((c) => {
    const around = text.slice(Math.max(0, c.start - 60), c.end + 60);
    const clashAt = c.start - Math.max(0, c.start - 60);
    return lex.unarmedGroups.find(around).some((g) => {
      const between = g.start < clashAt ? around.slice(g.end, clashAt) : around.slice(clashAt, g.start);
      return !lex.anyOutcome.test(between) && !/\d/.test(between);
    });
  });
}

/** The heaviest trigger, the earliest among equals: what a stable sort by weight then start puts first, without the copy and sort. */
function firstByStrength(ts: EventTriggerMention[]): EventTriggerMention | undefined {
  let best: EventTriggerMention | undefined;
  for (const t of ts) if (!best || t.weight - best.weight > 0 || (t.weight === best.weight && t.span.start < best.span.start)) best = t;
  return best;
}

/**
 * ACLED's typology decided in its own order: a stated label; a clash between armed parties (a clash of unarmed
 * people is a riot); the weapon used; who died (armed dead: a battle; civilians: violence against civilians); then
 * the strongest trigger, nearest first.
 */
function eventTypeFor(ev: TypeEvidence, lex: Lexicons): TypeChoice {
  const strongest = (ts: EventTriggerMention[]) => firstByStrength(ts);
  const choose = (t: EventTriggerMention, why: string): TypeChoice => ({ eventType: t.eventType, subEventType: t.subEventType, rule: `type:${why}:${t.text.toLowerCase()}` });
  const label = strongest([...ev.own, ...ev.context].filter((t) => t.weight >= LABEL_WEIGHT));
  if (label) return choose(label, 'label');
  // "executed 52 men … and engaged in clashes": the executions are the event the figure counts.
  if (lex.executionWords.test(ev.text) && !(ev.byCategory.stateForces || ev.byCategory.nonStateFighters)) return { eventType: 'Violence against civilians', subEventType: 'Attack', rule: 'type:execution' };
  if (lex.clashWords.test(ev.text)) {
    const armed = ev.actors.some((a) => ARMED_ACTORS.has(a.type)) || ev.category === 'stateForces' || ev.category === 'nonStateFighters';
    const unarmed = ev.actors.some((a) => a.type === 'protesters' || a.type === 'rioters') || clashOfUnarmed(ev.text, lex);
    // "youths clashed with the police", "vendors fought with police officers": people without arms against the state's
    // forces riot, as ACLED codes it; an armed group on either side makes it a battle.
    const armedNonState = ev.actors.some((a) => ARMED_ACTORS.has(a.type) && a.type !== 'stateForces') || ev.category === 'nonStateFighters';
    if (unarmed && (!armed || !armedNonState)) {
      return DEMONSTRATION.test(ev.text)
        ? { eventType: 'Riots', subEventType: 'Violent demonstration', rule: 'type:clash-of-demonstrators' }
        : { eventType: 'Riots', subEventType: 'Mob violence', rule: 'type:clash-of-unarmed-people' };
    }
    return { eventType: 'Battles', subEventType: 'Armed clash', rule: 'type:clash' };
  }
  const explosive = (ts: EventTriggerMention[]) => ts.filter((t) => t.eventType === EXPLOSIVE && t.weight >= 3);
  const ownExplosive = strongest(explosive(ev.own));
  // "fired 82mm mortars, grenade launchers and small arms at the positions of …": heavy weapons used beside small arms
  // are an armed clash in ACLED's coding, not remote violence.
  if (ownExplosive && GROUND_FIRE.has(ownExplosive.subEventType) && SMALL_ARMS.test(ev.text)) return { eventType: 'Battles', subEventType: 'Armed clash', rule: 'type:small-arms-with-heavy-weapons' };
  if (ownExplosive) return choose(ownExplosive, 'weapon');
  const by = ev.byCategory;
  const armedDead = (by.stateForces ?? 0) + (by.nonStateFighters ?? 0) > 0 || ev.category === 'stateForces' || ev.category === 'nonStateFighters';
  const civilianDead = (by.civilians ?? 0) > 0 || ev.category === 'civilians' || ev.subsetCategories.includes('civilians');
  // "killing 35 residents and four local militiamen": a few armed defenders among the dead of a raid on the people
  // make no battle; with no clash in the text, the civilian dead outnumbering the armed say who was attacked.
  const massacre = (by.civilians ?? 0) > (by.stateForces ?? 0) + (by.nonStateFighters ?? 0);
  if (armedDead && !massacre) return { eventType: 'Battles', subEventType: 'Armed clash', rule: 'type:armed-dead' };
  const violent = (ts: EventTriggerMention[]) => ts.filter((t) => t.eventType !== 'Strategic developments');
  // "insurgents attacked the town of Palma … its fighters had taken control of the town": an attack on a town that the
  // story says was taken is a fight for it, as ACLED codes it, not an attack on its people.
  const takeover = strongest([...ev.own, ...ev.context].filter((t) => t.subEventType === 'Non-state actor overtakes territory'));
  if (takeover && !civilianDead && ATTACK_ON_TOWN.test(ev.text)) return choose(takeover, 'territory');
  const ownStrongest = strongest(violent(ev.own));
  // "a demonstration against the detention of people involved in riots": the riot word names the cause, the protest
  // is the event.
  const own = ownStrongest?.eventType === 'Riots' && RIOT_AS_BACKGROUND.has(ownStrongest.text.toLowerCase())
    ? strongest(ev.own.filter((t) => t.eventType === 'Protests')) ?? ownStrongest
    : ownStrongest;
  // "a demonstration took place in Dar'a … Rioters blocked the road and set tires on fire": a protest the report tells
  // turning violent is a violent demonstration.
  const rioting = own?.eventType === 'Protests' && own.subEventType === 'Peaceful protest'
    ? strongest([...ev.own, ...ev.context].filter((t) => t.eventType === 'Riots' && !RIOT_AS_BACKGROUND.has(t.text.toLowerCase())))
    : undefined;
  if (rioting) return { eventType: 'Riots', subEventType: 'Violent demonstration', rule: `type:protest-turned-violent:${rioting.text.toLowerCase()}` };
  if (own && !(civilianDead && own.eventType === 'Battles')) return choose(own, 'trigger');
  const ctxExplosive = strongest(explosive(ev.context));
  if (ctxExplosive) return choose(ctxExplosive, 'context-weapon');
  if (civilianDead) return { eventType: 'Violence against civilians', subEventType: 'Attack', rule: 'type:civilian-dead' };
  const ctx = strongest(violent(ev.context));
  if (ctx) return choose(ctx, 'context-trigger');
  // "killed … and seized 47,500 pills", "the body was burned": a weak strategic word does not outweigh a death.
  const strategic = strongest([...ev.own, ...ev.context]);
  if (strategic && !(ev.deaths && strategic.weight < 2)) return choose(strategic, 'strategic');
  return { eventType: 'Violence against civilians', subEventType: 'Attack', rule: 'type:default' };
}

function figureOf(st: Statement, source: string | null, body: string): ReportedFigure {
  return {
    value: st.value, low: st.low, high: st.high, qualifier: st.qualifier, outcome: 'killed', category: st.category, source,
    text: st.spans.map((s) => body.slice(s.start, s.end)).join(' … '), spans: st.spans,
  };
}

function reconcile(cluster: Cluster): { fatalities: Fatalities; qualifier: Qualifier; lead: Statement; warnings: ExtractionWarning[] } {
  const latest = cluster.latest;
  // A count that rose replaces the lower ones given before it; only higher accounts stay beside it.
  const all = latest ? [latest, ...[...cluster.statements, ...cluster.alternatives].filter((s) => s.value > latest.value)] : [...cluster.statements, ...cluster.alternatives];
  const lowest = [...all].sort((a, b) => a.value - b.value || Number(a.vague) - Number(b.vague))[0]!;
  // Of equal figures, the one that states the split ("26 … 14 of them soldiers" beside a headline's "kills 26").
  const lead = Object.keys(lowest.byCategory).length > 0 ? lowest
    : all.find((s) => s.value === lowest.value && s.vague === lowest.vague && s.partsTotal > 0 && s.partsTotal < s.value) ?? lowest;
  const values = [...new Set(all.map((s) => s.value))];
  const open = all.some((s) => s.high === null && s.value >= lead.value);
  const high = open ? null : Math.max(...all.map((s) => s.high ?? s.value));
  const warnings: ExtractionWarning[] = [];
  if (values.length > 1) {
    warnings.push({ code: 'conflicting_figures', message: `sources give ${values.join(', ')}; best is the lowest (${lead.value}), high the highest`, figures: values, spans: all.flatMap((s) => s.spans) });
  }
  let byCategory: ByCategory = { ...lead.byCategory };
  // The lowest figure often comes without the noun that others give it ("12 bodies" beside "13 civilians").
  const categories = new Set(all.map((s) => s.category).filter((c) => c !== null));
  const sole = categories.size === 1 ? [...categories][0]! : null;
  if (Object.keys(byCategory).length === 0 && cluster.parts.length === 0 && sole) byCategory = { [sole]: lead.value };
  if (Object.keys(byCategory).length === 0) {
    const partsTotal = cluster.parts.reduce((s, p) => s + p.value, 0);
    if (cluster.parts.length > 0 && partsTotal <= lead.value) {
      for (const p of cluster.parts) {
        const key = p.category ?? 'unknown';
        byCategory[key] = (byCategory[key] ?? 0) + p.value;
      }
      if (partsTotal < lead.value) byCategory.unknown = (byCategory.unknown ?? 0) + lead.value - partsTotal;
    } else if (lead.category) byCategory = { [lead.category]: lead.value };
  }
  const statedParts = lead.partsTotal;
  if (statedParts > 0 && statedParts !== lead.value) {
    const spans = lead.spans;
    warnings.push(statedParts > lead.value
      ? { code: 'parts_exceed_whole', message: `the parts add up to ${statedParts}, more than the stated ${lead.value}`, whole: lead.value, parts: statedParts, spans }
      : { code: 'parts_below_whole', message: `the parts add up to ${statedParts}, less than the stated ${lead.value}; the rest is uncategorised`, whole: lead.value, parts: statedParts, spans });
    if (statedParts < lead.value) byCategory.unknown = (byCategory.unknown ?? 0) + lead.value - statedParts;
  }
  // The other side's dead are not among the count: they add to it, each under its own category.
  const other = cluster.otherSide;
  if (other.length > 0) {
    if (Object.keys(byCategory).length === 0 && lead.category) byCategory = { [lead.category]: lead.value };
    for (const o of other) byCategory[o.category ?? 'unknown'] = (byCategory[o.category ?? 'unknown'] ?? 0) + o.value;
  }
  const added = other.reduce((s, o) => s + o.value, 0);
  const addedLow = other.reduce((s, o) => s + o.low, 0);
  const addedHigh = other.some((o) => o.high === null) ? null : other.reduce((s, o) => s + (o.high ?? o.value), 0);
  return {
    fatalities: { low: lead.low + addedLow, best: lead.value + added, high: high === null || addedHigh === null ? null : high + addedHigh, byCategory },
    qualifier: lead.qualifier, lead, warnings,
  };
}

function actorsIn(actors: ActorMention[], sentences: Sentence[], which: number[]): ActorMention[] {
  // As inSentences by each actor's first span. No copies: the callers only read names, types and spans.
  const out: ActorMention[] = [];
  for (const i of which) {
    const s = sentences[i];
    if (!s) continue;
    for (const a of actors) {
      const span = a.spans[0]!;
      if (span.start >= s.span.start && span.end <= s.span.end) out.push(a);
    }
  }
  return out;
}

function dedupeActors(actors: ActorMention[]): Actor[] {
  const out: Actor[] = [];
  for (const a of actors) {
    const existing = out.find((x) => x.name === a.name);
    if (existing) existing.spans.push(...a.spans);
    else out.push({ name: a.name, type: a.type, spans: [...a.spans] });
  }
  return out.slice(0, 4);
}

/** The sources of the given sentences in reading order; a kind of evidence quoted again in other words' case counts once. */
function collectSources(sources: (sentence: number) => SentenceSources, which: number[]) {
  const attributions: Attribution[] = [];
  const evidence: Evidence[] = [];
  const disputes: Dispute[] = [];
  for (const i of [...new Set(which)].sort((a, b) => a - b)) {
    const found = sources(i);
    attributions.push(...found.attributions);
    for (const e of found.evidence) {
      const text = e.text.toLowerCase();
      if (!evidence.some((x) => x.kind === e.kind && x.text.toLowerCase() === text)) evidence.push(e);
    }
    disputes.push(...found.disputes);
  }
  return { attributions, evidence, disputes };
}

/**
 * The places in the country most of them lie in, when one country has more than any other: a lone province abroad is a
 * name the gazetteer resolved elsewhere ("the Hadi Centre mall" → Centre, Cameroon), not a sign the figure spans provinces.
 */
function inMainCountry(places: PlaceRef[]): PlaceRef[] {
  const counts = new Map<string, number>();
  for (const p of places) counts.set(p.country, (counts.get(p.country) ?? 0) + 1);
  const [first, second] = [...counts.values()].sort((a, b) => b - a);
  if (second === undefined || first === second) return places;
  const main = [...counts.entries()].find(([, n]) => n === first)![0];
  return places.filter((p) => p.country === main);
}

/** A figure with no town-level or province-level place, or spread over several provinces, is a toll, not an incident. */
function isTollScope(places: PlaceRef[]): boolean {
  const named = places.filter((p) => p.role === 'event' && !p.featureCode.startsWith('PCL'));
  if (named.length === 0) return true;
  const events = inMainCountry(named);
  const admin1s = new Set(events.filter((p) => p.featureCode === 'ADM1').map((p) => p.admin1));
  const towns = events.filter((p) => !isAdminLevel(p));
  // "in Latakia and in the neighbouring provinces of Hama, Homs and Tartous": a regional count.
  // A place whose province the gazetteer does not know ("Tal al-Sultan") adds no province of its own.
  const allAdmin1s = new Set(events.filter((p) => p.admin1 !== null).map((p) => `${p.country}/${p.admin1}`));
  return (towns.length === 0 && admin1s.size > 1) || allAdmin1s.size >= REGIONAL_ADMIN1S;
}

// "… were killed when their helicopter was brought down in X and a truck bomb exploded near Y": a clause with a subject
// and an event of its own after the figure tells of another event; its places are not the figure's.
const OTHER_EVENT_CLAUSE = /\s(?:and|while)\s+(?:an?|another|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:exploded|blew up|went off|detonated|struck|hit|was fired|were fired|was shelled)\b/u;

/** The cluster without the places its figures' sentences name in a later clause that tells of another event. */
function withoutOtherClauses(cluster: Cluster, body: string): Cluster {
  const figures = cluster.statements.flatMap((st) => st.spans);
  const places = cluster.places.filter((m) => {
    const before = figures.filter((f) => f.end <= m.span.start && m.span.start - f.end < 300);
    if (before.length === 0) return true;
    const from = Math.max(...before.map((f) => f.end));
    const gap = body.slice(from, m.span.start);
    return !/[.;!?]/.test(gap) ? !OTHER_EVENT_CLAUSE.test(gap) : true;
  });
  return places.length === cluster.places.length ? cluster : { ...cluster, places };
}

/** "Musa Ibrahim Bello was among the dead": a town that shares a word with a victim's name is no place of the event. */
function withoutPlacesInNames(input: AssembleInput): AssembleInput {
  const inName = (p: PlaceMention) => input.victims.some((v) => p.span.start < v.span.end && v.span.start < p.span.end);
  return input.victims.length === 0 ? input : { ...input, places: input.places.filter((p) => !inName(p)) };
}

export function assembleClaims(raw: AssembleInput): AssembledClaims {
  const input = withoutPlacesInNames(raw);
  const { sentences, statements, places, triggers, actors, sources, victims, lex, report } = input;
  const body = report.body;
  const placesBySentence = bySentence(places, sentences);
  const dayOf = (i: number): string | null => {
    const found = eventDates(input.dates(i), body, sentences[i]?.span.start ?? 0).find((d) => d.precision === 'day' && d.range.end <= report.published);
    return found ? found.range.start : null;
  };
  // The days a sentence's figures happened on: a day or a night ("on the night of 11 to 12 June") its own words name,
  // else the date that opens its paragraph ("9 June 2022 - Seytenga, …" above the entry).
  const whenOf = (i: number): DayRange | null => {
    const near = (d: DateMention) => d.range.end <= report.published && (d.precision === 'day' || (d.precision === 'range' && rangeLength(d.range) <= 2));
    const own = eventDates(input.dates(i), body, sentences[i]?.span.start ?? 0).find(near);
    if (own) return own.range;
    const frame = paragraphFrame(input, i);
    return frame && near(frame) ? frame.range : null;
  };
  const tellsViolence = (i: number): boolean => inSentences(triggers, sentences, [i]).some((t) => t.eventType !== 'Strategic developments');
  const sourceOf = (i: number): string | null => sources(i).attributions[0]?.source ?? null;
  const clusters = clusterStatements({ sentences, statements, placesBySentence, lex, dayOf, whenOf, tellsViolence, sourceOf });
  // Sentences that carry a cumulative toll speak of a region, not of the event told around them.
  const regional = (st: Statement) => {
    const own = (placesBySentence.get(st.sentence) ?? []).filter((m) => m.context !== 'origin').map((m) => m.place);
    return own.length > 0 && isTollScope(own);
  };
  const tollSentences = new Set(statements.filter((s) => s.cumulative || regional(s)).map((s) => s.sentence));
  const claimed = new Set([...clusters.flatMap((c) => [...c.sentences]), ...tollSentences]);
  const incidents: IncidentClaim[] = [];
  const tollStatements: Array<{ st: Statement; places: PlaceRef[] }> = statements
    .filter((s) => s.cumulative && !s.coded && !s.backReference && s.value > 0)
    .map((st) => ({ st, places: placesFor({ statements: [st], alternatives: [], parts: [], nonFatal: [], otherSide: [], sentences: new Set([st.sentence]), places: placesBySentence.get(st.sentence) ?? [] }, []) }));

  clusters.forEach((cluster, i) => {
    const own = [...cluster.sentences].sort((a, b) => a - b);
    const context = narrative(cluster, clusters[i + 1], sentences, claimed);
    const first = Math.min(...own);
    const previousSentence = sentences[first - 1]?.paragraph === sentences[first]!.paragraph ? [first - 1] : [];
    const ownClauses = withoutOtherClauses(cluster, body);
    const otherClause = (m: PlaceMention) => cluster.places.includes(m) && !ownClauses.places.includes(m);
    const named = placesFor(ownClauses, inSentences(places, sentences, context).filter((m) => !otherClause(m)), inSentences(places, sentences, previousSentence), sceneBefore(input, first, claimed));
    const countries = ownClauses.places.filter((m) => m.place.featureCode.startsWith('PCL') && m.context !== 'origin').map((m) => m.place.country);
    const dateline = named.length === 0 ? datelineTown(input.datelinePlaces ?? [], countries) : null;
    const placeRefs = dateline ? [{ ...dateline.place, spans: [dateline.span] }, ...named] : named;
    const { fatalities, qualifier, lead, warnings } = reconcile(cluster);
    if (dateline) warnings.push(datelineWarning(dateline));
    // In a bulletin entry the one figure is the event's, even when the gazetteer cannot place it.
    const shortReport = sentences.length <= SHORT_REPORT_SENTENCES && clusters.length === 1;
    if (isTollScope(placeRefs) && !(shortReport && placeRefs.every((p) => p.featureCode.startsWith('PCL') || p.role === 'event'))) {
      tollStatements.push({ st: lead, places: placeRefs });
      return;
    }
    if (placeRefs.length === 0) warnings.push({ code: 'unresolved_place', message: 'no town or province named for this event was found in the gazetteer', text: sentences[own[0]!]!.text.slice(0, 120), spans: own.map((i) => sentences[i]!.span) });
    const type = eventTypeFor({
      own: inSentences(triggers, sentences, own), context: inSentences(triggers, sentences, [...context, 0]),
      byCategory: fatalities.byCategory, category: lead.category, subsetCategories: cluster.statements.flatMap((s) => s.subsetCategories), deaths: (fatalities.best ?? 0) > 0,
      text: own.map((i) => sentences[i]!.text).join(' '), actors: actorsIn(actors, sentences, own),
    }, lex);
    if (type.eventType === 'Violence against civilians' && fatalities.best !== null && Object.keys(fatalities.byCategory).length === 0) {
      // ACLED codes the victims of violence against civilians as civilians unless the report says otherwise.
      fatalities.byCategory = { civilians: fatalities.best };
    }
    // The event's date comes from its own figures' sentences first, then from those of its parts and competing accounts.
    const main = own.filter((i) => cluster.statements.some((st) => st.sentence === i));
    const date = dateFor(input, main.length ? main : own, context, own.filter((i) => !main.includes(i)));
    const src = collectSources(sources, [...own, ...context]);
    incidents.push({
      kind: 'incident',
      id: `i${incidents.length + 1}`,
      spans: own.map((s) => sentences[s]!.span),
      rules: [...new Set([...cluster.statements.flatMap((s) => s.rules), type.rule, date.rule, ...(dateline ? ['place:dateline'] : []), ...(cluster.alternatives.length ? ['figures:lowest-of-conflicting'] : []), ...(cluster.parts.length ? ['figures:breakdown-from-later-sentences'] : []), ...(cluster.otherSide.length ? ['figures:other-side-added'] : [])])],
      warnings,
      date: date.range,
      datePrecision: date.precision,
      places: placeRefs,
      eventType: type.eventType,
      subEventType: type.subEventType,
      actors: dedupeActors(actorsIn(actors, sentences, own)),
      fatalities,
      qualifier,
      injured: [...cluster.statements, ...cluster.nonFatal].find((s) => s.injured !== null)?.injured ?? null,
      missing: [...cluster.statements, ...cluster.nonFatal].find((s) => s.missing !== null)?.missing ?? null,
      arrested: null,
      figures: [...cluster.statements, ...cluster.alternatives, ...cluster.otherSide].map((st) => figureOf(st, sourceOf(st.sentence), body)),
      attributions: src.attributions,
      evidence: src.evidence,
      disputes: src.disputes,
    });
  });

  if (incidents.length === 0) {
    const event = eventWithoutFigure(input, placesBySentence);
    if (event) incidents.push(event);
  }
  applyCodedTotal(statements, incidents);
  if (incidents.length === 1) addReportPlaces(incidents[0]!, input, tollSentences, placesBySentence);
  const tolls = buildTolls(input, tollStatements, incidents);
  return { incidents, tolls, victims: buildVictims(input, victims, incidents) };
}

/**
 * A report about one event names its places across sentences ("clashes in X (Y, Z). … the village of W"):
 * the event's place list takes every place of the sentences that speak of violence, after its own.
 */
function addReportPlaces(incident: IncidentClaim, input: AssembleInput, tollSentences: Set<number>, placesBySentence: Map<number, PlaceMention[]>): void {
  const { sentences, triggers, lex } = input;
  const seen = new Set(incident.places.map((p) => p.geonameId ?? p.name));
  for (const s of sentences) {
    if (tollSentences.has(s.index)) continue;
    const named = (placesBySentence.get(s.index) ?? []).filter(isScenePlace);
    // Whether the sentence speaks of violence matters only when it names a place: the costly outcome search comes last.
    if (named.length === 0) continue;
    if (!inSentences(triggers, sentences, [s.index]).some((t) => t.eventType !== 'Strategic developments') && !lex.anyOutcome.test(s.text)) continue;
    for (const m of named) {
      if (seen.has(m.place.geonameId ?? m.place.name)) continue;
      seen.add(m.place.geonameId ?? m.place.name);
      incident.places.push({ ...m.place, spans: [m.span] });
    }
  }
  if (incident.places.length > 0) incident.warnings = incident.warnings.filter((w) => w.code !== 'unresolved_place');
}

/**
 * "GARISSA, Kenya - Gunmen stormed a university in northeastern Kenya": a wire story filed where it happened may name
 * the town only in its dateline. With no town or province of its own, only the country, the event takes the
 * dateline's town when it lies in that country; a warning flags the guess for review. Not a capital: correspondents
 * file from capitals whatever the place of the event ("NIAMEY, Niger - … attacks on two villages near the border").
 */
function datelineTown(datelinePlaces: PlaceMention[], countriesNamed: string[]): PlaceMention | null {
  return datelinePlaces.find((m) => !m.place.featureCode.startsWith('PCL') && m.place.featureCode !== 'PPLC' && m.place.role === 'event' &&
    countriesNamed.includes(m.place.country)) ?? null;
}

function datelineWarning(town: PlaceMention): ExtractionWarning {
  return { code: 'place_from_dateline', message: "no town or province of the event is named in the text; the dateline's is used", text: town.text, spans: [town.span] };
}

/** A coder's stated total ("Fatalities coded as 10") is the figure of a single-event report; it replaces what the prose implied. */
function applyCodedTotal(statements: Statement[], incidents: IncidentClaim[]): void {
  const coded = statements.find((s) => s.coded);
  const target = incidents[0];
  if (!coded || !target || incidents.length > 1) return;
  const by = target.fatalities.byCategory;
  const sum = Object.values(by).reduce((a, b) => a + (b ?? 0), 0);
  target.fatalities = { low: coded.value, best: coded.value, high: coded.value, byCategory: sum === coded.value ? by : {} };
  target.qualifier = 'exact';
  target.rules.push('figures:coded-total');
  target.spans.push(...coded.spans);
}

/**
 * A report that gives no figure still reports an event ("protesters gathered in X", "clashes erupted near Y"):
 * the first sentence with an event trigger and a place becomes an incident with no fatality figure.
 */
function eventWithoutFigure(input: AssembleInput, placesBySentence: Map<number, PlaceMention[]>): IncidentClaim | null {
  const { sentences, triggers, actors, sources } = input;
  // "a man was shot and injured", "Unknown fatalities coded as 3": people wounded or missing, or a coder's total, say that
  // something happened even with no trigger word.
  const hurt = new Set(input.statements.filter((st) => st.injured !== null || st.missing !== null || st.coded).map((st) => st.sentence));
  const hasTrigger = (s: Sentence) => triggers.some((t) => t.span.start >= s.span.start && t.span.end <= s.span.end);
  // The first candidate that names a scene, else the first candidate.
  let pick: Sentence | undefined;
  for (const s of sentences) {
    if (s.role === 'caption' || !(hurt.has(s.index) || hasTrigger(s))) continue;
    pick ??= s;
    if ((placesBySentence.get(s.index) ?? []).some(isScenePlace)) {
      pick = s;
      break;
    }
  }
  if (!pick) return null;
  const cluster: Cluster = { statements: [], alternatives: [], parts: [], nonFatal: [], otherSide: [], sentences: new Set([pick.index]), places: placesBySentence.get(pick.index) ?? [] };
  const nonFatal = input.statements.find((st) => st.sentence === pick.index && st.value === 0);
  const context = narrative(cluster, undefined, sentences, new Set([pick.index])).filter((i) => i <= pick.index + 3);
  let places = placesFor(cluster, inSentences(input.places, sentences, context), [], sceneBefore(input, pick.index, new Set([pick.index])));
  const warnings: ExtractionWarning[] = [];
  if (places.length === 0) {
    // Only the country is known: keep the event at region precision rather than lose it.
    places = (placesBySentence.get(pick.index) ?? []).filter((m) => m.place.featureCode.startsWith('PCL')).map((m) => ({ ...m.place, geoPrecision: 3 as const, spans: [m.span] }));
    if (places.length === 0 && sentences.length > SHORT_REPORT_SENTENCES) return null;
    warnings.push({ code: 'unresolved_place', message: 'no town or province named for this event was found in the gazetteer', text: pick.text.slice(0, 120), spans: [pick.span] });
  }
  const type = eventTypeFor({
    own: inSentences(triggers, sentences, [pick.index]), context: inSentences(triggers, sentences, context), byCategory: {}, category: null, deaths: false,
    subsetCategories: [], text: pick.text, actors: actorsIn(actors, sentences, [pick.index]),
  }, input.lex);
  const date = dateFor(input, [pick.index], context);
  const src = collectSources(sources, [pick.index, ...context]);
  return {
    kind: 'incident', id: 'i1', spans: [pick.span], rules: ['incident:event-without-figure', type.rule, date.rule], warnings,
    date: date.range, datePrecision: date.precision, places, eventType: type.eventType, subEventType: type.subEventType,
    actors: dedupeActors(actorsIn(actors, sentences, [pick.index])),
    fatalities: { low: null, best: null, high: null, byCategory: {} }, qualifier: 'exact', injured: nonFatal?.injured ?? null, missing: nonFatal?.missing ?? null, arrested: null,
    figures: [], attributions: src.attributions, evidence: src.evidence, disputes: src.disputes,
  };
}

function buildTolls(input: AssembleInput, items: Array<{ st: Statement; places: PlaceRef[] }>, incidents: IncidentClaim[]): TollClaim[] {
  const { sentences, sources } = input;
  const tolls: TollClaim[] = [];
  for (const { st, places } of items) {
    // The same toll stated again ("at least 124" in the lede, "124" further down) is one toll with both quotes.
    const same = tolls.find((t) => t.fatalities.best === st.value);
    if (same) {
      same.spans.push(sentences[st.sentence]!.span);
      continue;
    }
    const date = dateFor(input, [st.sentence], []);
    const admin1s = new Set(places.map((p) => `${p.country}/${p.admin1}`));
    const countries = new Set(places.map((p) => p.country));
    const components = incidents
      .filter((inc) => inc.date && rangesOverlap(inc.date, date.range))
      .filter((inc) => inc.places.some((p) => admin1s.size === 0 ? true : admin1s.has(`${p.country}/${p.admin1}`) || (countries.has(p.country) && places.every((q) => q.featureCode.startsWith('PCL')))))
      .filter((inc) => (inc.fatalities.best ?? 0) <= st.value)
      .map((inc) => inc.id);
    tolls.push({
      kind: 'toll',
      id: `t${tolls.length + 1}`,
      spans: [sentences[st.sentence]!.span],
      rules: [...st.rules, st.cumulative ? 'toll:cumulative-wording' : 'toll:regional-scope', date.rule],
      warnings: [],
      fatalities: { low: st.low, best: st.value, high: st.high, byCategory: st.byCategory },
      qualifier: st.qualifier,
      places,
      date: date.range,
      components,
      attributions: [...sources(st.sentence).attributions],
    });
  }
  return tolls;
}

/** The incident whose own sentences come last at or before the given sentence within its paragraph. */
function toldJustBefore(sentences: Sentence[], sentence: number, incidents: IncidentClaim[]): IncidentClaim | null {
  const here = sentences[sentence];
  if (!here) return null;
  let best: { inc: IncidentClaim; start: number } | null = null;
  for (const inc of incidents) {
    for (const span of inc.spans) {
      const s = sentences.find((x) => x.span.start === span.start);
      if (!s || s.paragraph !== here.paragraph || s.index > sentence) continue;
      if (!best || s.span.start > best.start) best = { inc, start: s.span.start };
    }
  }
  return best?.inc ?? null;
}

function buildVictims(input: AssembleInput, victims: VictimMention[], incidents: IncidentClaim[]): VictimClaim[] {
  const { sentences } = input;
  return victims.map((v, i) => {
    const own = [v.sentence, v.sentence + 1];
    const date = dateFor(input, own, []);
    const context = own.map((s) => sentences[s]?.text ?? '').join(' ').toLowerCase();
    const told = toldJustBefore(sentences, v.sentence, incidents);
    // The incident she most probably died in: same dates, a matching category, the same kind of violence, or the
    // event the paragraph has just told ("Twelve were killed in X. Ahmed Abu Salah, 41, was among the dead.").
    const scored = incidents.map((inc) => {
      let score = inc === told ? 2 : 0;
      if (inc.date && date.rule !== 'date:default-window' && rangesOverlap(inc.date, date.range)) score += 2;
      if ((inc.fatalities.byCategory[v.category] ?? 0) > 0) score += 2;
      if (inc.eventType === 'Battles' && /\bclash|fighting|crossfire|stray bullet\b/.test(context)) score += 1;
      if (inc.spans.some((s) => s.start <= sentences[v.sentence]!.span.start)) score += 0.5;
      return { inc, score };
    }).sort((a, b) => b.score - a.score);
    const best = scored[0] && scored[0].score >= 2 ? scored[0].inc : null;
    return {
      kind: 'victim' as const,
      id: `v${i + 1}`,
      spans: [v.span, ...v.evidenceSpans],
      rules: [v.rule],
      warnings: [],
      name: v.name,
      sex: v.sex,
      age: v.age,
      origin: v.origin,
      occupation: v.occupation,
      category: v.category,
      cause: v.cause,
      date: date.rule === 'date:default-window' ? best?.date ?? date.range : date.range,
      place: best?.places[0] ?? null,
      incident: best?.id ?? null,
    };
  });
}
