// Tallies that count each death once: linked incidents count as one event, tolls raise the low, conflicting figures are listed, never averaged.
import { dayNumber, dayFromNumber } from '../domain/days.js';
import type { Category, DayRange, Fatalities, Qualifier } from '../domain/types.js';
import { CATEGORIES } from '../domain/types.js';
import { placeKey } from '../gazetteer/normalize.js';
import type { LinkIncident, LinkPlace } from '../link/types.js';
import { eventCovered, placeInTollArea, type TollOverrides } from './coverage.js';

export type TallyIncident = Pick<LinkIncident, 'id' | 'reportId' | 'outlet' | 'date' | 'places' | 'actors'> & {
  fatalities: Fatalities;
};

export interface TallyToll {
  id: string;
  outlet: string;
  date: DayRange | null;
  places: LinkPlace[];
  fatalities: Fatalities;
  qualifier: Qualifier;
  /** The toll's report; its incidents come first in the toll's coverage. */
  reportId?: string;
  /** Incident ids the toll's report says it sums: covered whatever their place (see coverage.ts). */
  components?: string[];
}

/** A person (a victim cluster): known dead, so the count of distinct persons is itself a lower bound. */
export interface TallyPerson {
  id: string;
  name: string;
  date: DayRange | null;
  place: LinkPlace | null;
  category?: Category;
  /** Incidents any record of this person is tied to: the person is inside those incidents' counts. */
  incidentIds: string[];
}

export interface PlaceFilter {
  country?: string;
  admin1?: string;
  admin2?: string;
  name?: string;
}

export type TallyBy = 'category' | 'admin1' | 'day' | 'actor';

export interface TallyOptions {
  from?: string;
  to?: string;
  /** A name is matched against place names and spellings, admin2 and admin1 names. */
  place?: string | PlaceFilter;
  by?: TallyBy;
  /** Incident clusters (ids); incidents not in any count alone. */
  clusters?: readonly (readonly string[])[];
  persons?: readonly TallyPerson[];
  /** A reviewer's figures for an event, keyed by any member incident id; they replace the computed ones. */
  reviewed?: Readonly<Record<string, Partial<Pick<Fatalities, 'low' | 'best' | 'high'>>>>;
  /** Analysts' attach / detach of incidents to tolls: they override the automatic coverage (coverage.ts). */
  tollOverrides?: TollOverrides;
}

export interface TallySource {
  kind: 'incident' | 'toll';
  /** The members of the event this figure belongs to (incident sources). */
  incidentIds?: string[];
  incidentId?: string;
  tollId?: string;
  outlet: string;
  figure: number | null;
  low: number | null;
  high: number | null;
  /** Toll sources: the incidents the toll covers among those counted (coverage.ts, the same as `marsad link --kind toll`). */
  covers?: string[];
  /** What the tally did with it: the event's best, a figure shown only, a toll that raised the low… */
  role: 'best' | 'listed' | 'raised low' | 'raised best' | 'within sum';
}

export interface TallyConflict {
  incidentIds: string[];
  figures: { incidentId: string; outlet: string; best: number }[];
}

export interface TallyGroup {
  key: string;
  low: number;
  best: number;
  high: number;
  /** Some figure was "at least": the high is the largest number stated, not a ceiling. */
  openEnded: boolean;
  events: number;
  persons: number;
  sources: TallySource[];
  conflicts: TallyConflict[];
}

export interface Tally {
  low: number;
  best: number;
  high: number;
  openEnded: boolean;
  groups: TallyGroup[];
  notes: string[];
}

/** One event: a cluster of incident records reduced to one set of figures. */
export type TallyEvent = Event;
interface Event {
  members: TallyIncident[];
  chosen: TallyIncident | null;
  low: number;
  best: number;
  high: number;
  openEnded: boolean;
  byCategory: Partial<Record<Category, { low: number; best: number; high: number }>>;
  date: DayRange | null;
  places: LinkPlace[];
  actor: string;
  reviewed: boolean;
}

const n0 = (v: number | null | undefined): number => v ?? 0;

/**
 * Reduces a cluster to one event, following UCDP: the best is the lowest best among its reports (the
 * conservative figure) unless a reviewer set it, the high the highest high, the low the lowest low.
 */
function toEvent(members: TallyIncident[], reviewed: TallyOptions['reviewed']): Event {
  const withBest = members.filter((m) => m.fatalities.best != null);
  const chosen = withBest.length ? withBest.reduce((x, y) => (y.fatalities.best! < x.fatalities.best! ? y : x)) : null;
  let low = chosen ? Math.min(...withBest.map((m) => m.fatalities.low ?? m.fatalities.best!)) : 0;
  let best = chosen ? chosen.fatalities.best! : 0;
  let high = chosen ? Math.max(...withBest.map((m) => m.fatalities.high ?? m.fatalities.best!)) : 0;
  const openEnded = withBest.some((m) => m.fatalities.high == null && m.fatalities.best! >= high);
  const override = members.map((m) => reviewed?.[m.id]).find((r) => r !== undefined);
  if (override) {
    best = override.best ?? best;
    low = override.low ?? Math.min(low, best);
    high = override.high ?? Math.max(high, best);
  }
  // The split by category comes from the report whose figure was chosen; what it leaves unsplit is "unknown".
  const byCategory: Event['byCategory'] = {};
  if (chosen) {
    const split = chosen.fatalities.byCategory;
    let splitSum = 0;
    for (const c of CATEGORIES) {
      const v = split[c];
      if (v == null || c === 'unknown') continue;
      splitSum += v;
      const highs = withBest.map((m) => m.fatalities.byCategory[c]).filter((x): x is number => x != null);
      byCategory[c] = { low: v, best: v, high: Math.max(v, ...highs) };
    }
    const rest = best - splitSum;
    if (rest > 0 || splitSum === 0) byCategory.unknown = { low: Math.max(0, low - splitSum), best: Math.max(0, rest), high: Math.max(0, high - splitSum) };
  }
  // The most precise report's dates stand for the event; places and actors are pooled.
  const dated = members.filter((m) => m.date);
  const date = dated.length ? dated.reduce((x, y) => (span(y.date!) < span(x.date!) ? y : x)).date : null;
  const primary = (chosen ?? members[0]!).actors.find((a) => a.type !== 'civilians');
  return {
    members,
    chosen,
    low,
    best,
    high,
    openEnded,
    byCategory,
    date,
    places: members.flatMap((m) => m.places).filter((p) => p.role !== 'origin'),
    actor: primary?.name ?? 'unknown',
    reviewed: override !== undefined,
  };
}

const span = (r: DayRange): number => dayNumber(r.end) - dayNumber(r.start);

function placeMatches(p: LinkPlace, f: string | PlaceFilter): boolean {
  if (typeof f === 'string') {
    const k = placeKey(f);
    if (!k) return false;
    if (p.admin1 && placeKey(p.admin1) === k) return true;
    if (p.admin2 && placeKey(p.admin2) === k) return true;
    return [p.name, ...(p.aliases ?? [])].some((n) => placeKey(n) === k);
  }
  if (f.country && p.country !== f.country) return false;
  if (f.admin1 && (!p.admin1 || placeKey(p.admin1) !== placeKey(f.admin1))) return false;
  if (f.admin2 && (!p.admin2 || placeKey(p.admin2) !== placeKey(f.admin2))) return false;
  if (f.name && ![p.name, ...(p.aliases ?? [])].some((n) => placeKey(n) === placeKey(f.name!))) return false;
  return true;
}

/** A toll is a lower bound for the query only if its whole area and window lie inside the query's. */
function tollInside(t: TallyToll, q: TallyOptions): boolean {
  if (q.from || q.to) {
    if (!t.date) return false;
    if (q.from && t.date.start < q.from) return false;
    if (q.to && t.date.end > q.to) return false;
  }
  if (q.place) return t.places.length > 0 && t.places.every((p) => placeMatches(p, q.place!));
  return true;
}

function inWindow(r: DayRange | null, q: TallyOptions): boolean {
  if (!q.from && !q.to) return true;
  if (!r) return false;
  return (!q.from || r.end >= q.from) && (!q.to || r.start <= q.to);
}

/** The day an event is counted on: its start, or the window's first day when it began earlier. */
function dayKey(r: DayRange | null, q: TallyOptions): string {
  if (!r) return 'undated';
  return q.from && r.start < q.from ? q.from : r.start;
}

interface Acc {
  key: string;
  low: number;
  best: number;
  high: number;
  openEnded: boolean;
  events: number;
  persons: Set<string>;
  sources: TallySource[];
  conflicts: TallyConflict[];
}

/** The events of a record: each cluster is one event, each incident in no cluster an event alone (toll coverage reads these too). */
export function eventsOf(incidents: readonly TallyIncident[], clusters: TallyOptions['clusters'], reviewed?: TallyOptions['reviewed']): TallyEvent[] {
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const seen = new Set<string>();
  const events: Event[] = [];
  for (const c of clusters ?? []) {
    const members = c.map((id) => byId.get(id)).filter((m): m is TallyIncident => m !== undefined && !seen.has(m.id));
    members.forEach((m) => seen.add(m.id));
    if (members.length) events.push(toEvent(members, reviewed));
  }
  for (const i of incidents) if (!seen.has(i.id)) events.push(toEvent([i], reviewed));
  return events;
}

/**
 * Counts deaths in a window and an area, optionally grouped. Events (clusters) add up; each group's low and
 * best are raised to the largest toll that covers exactly that group's area or day; the total is the larger
 * of the groups' sum and the largest toll inside the query. Distinct named persons are one more lower bound.
 */
export function tally(incidents: readonly TallyIncident[], tolls: readonly TallyToll[], q: TallyOptions = {}): Tally {
  const notes: string[] = [];
  const events = eventsOf(incidents, q.clusters, q.reviewed);

  const inScope = events.filter((e) => inWindow(e.date, q) && (!q.place || e.places.some((p) => placeMatches(p, q.place!))));
  const undated = events.filter((e) => !e.date).length;
  if (undated && (q.from || q.to)) notes.push(`${undated} undated event(s) left out of a dated window`);
  if (q.by === 'day') notes.push('an event spanning several days is counted on its first day (or the window’s first day), not spread');
  if (inScope.some((e) => e.date && ((q.from && e.date.start < q.from) || (q.to && e.date.end > q.to))))
    notes.push('events that overlap the window’s edge are counted whole');

  const groups = new Map<string, Acc>();
  const acc = (key: string): Acc => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, low: 0, best: 0, high: 0, openEnded: false, events: 0, persons: new Set(), sources: [], conflicts: [] }));
    return g;
  };
  const eventIndex = new Map<string, Event>();
  const groupOf = new Map<Event, string>();
  for (const e of inScope) {
    for (const m of e.members) eventIndex.set(m.id, e);
    const ids = e.members.map((m) => m.id);
    const add = (key: string, low: number, best: number, high: number, figureOf: (m: TallyIncident) => number | null): void => {
      const g = acc(key);
      g.low += low;
      g.best += best;
      g.high += high;
      g.openEnded ||= e.openEnded;
      g.events++;
      for (const m of e.members) {
        g.sources.push({
          kind: 'incident',
          incidentIds: ids,
          incidentId: m.id,
          outlet: m.outlet,
          figure: figureOf(m),
          low: m.fatalities.low,
          high: m.fatalities.high,
          role: m === e.chosen && !e.reviewed ? 'best' : 'listed',
        });
      }
      const figures = e.members.filter((m) => m.fatalities.best != null).map((m) => ({ incidentId: m.id, outlet: m.outlet, best: m.fatalities.best! }));
      if (new Set(figures.map((f) => f.best)).size > 1) g.conflicts.push({ incidentIds: ids, figures });
    };
    if (q.by === 'category') {
      for (const [c, v] of Object.entries(e.byCategory)) add(c, v.low, v.best, v.high, (m) => m.fatalities.byCategory[c as Category] ?? null);
    } else {
      const key =
        q.by === 'admin1'
          ? (e.places.find((p) => p.admin1)?.admin1 ?? 'unknown')
          : q.by === 'day'
            ? dayKey(e.date, q)
            : q.by === 'actor'
              ? e.actor
              : 'all';
      groupOf.set(e, key);
      add(key, e.low, e.best, e.high, (m) => m.fatalities.best);
    }
  }

  // Named persons: inside their incident when tied to one in scope, otherwise still a floor where they died.
  for (const p of q.persons ?? []) {
    const tied = p.incidentIds.map((id) => eventIndex.get(id)).find((e) => e !== undefined);
    if (!tied && !(inWindow(p.date, q) && (!q.place || (p.place != null && placeMatches(p.place, q.place))))) continue;
    const key =
      q.by === 'category'
        ? (p.category ?? 'unknown')
        : q.by === 'admin1'
          ? (p.place?.admin1 ?? tied?.places.find((x) => x.admin1)?.admin1 ?? 'unknown')
          : q.by === 'day'
            ? dayKey(tied?.date ?? p.date, q)
            : q.by === 'actor'
              ? (tied?.actor ?? 'unknown')
              : 'all';
    acc(key).persons.add(p.id);
  }

  // Tolls: each raises the count of the events inside its own area and window (a Jabla toll lifts the Jabla
  // event, not all of Latakia); a group takes the tolls that lie wholly inside it.
  const scopedTolls = tolls.filter((t) => tollInside(t, q));
  for (const g of groups.values()) {
    const floor = g.persons.size;
    if (floor > g.low) {
      notes.push(`${g.key}: ${floor} distinct named person(s) raise the low from ${g.low}`);
      g.low = floor;
    }
    const covering = scopedTolls.filter((t) => tollCoversGroup(t, g.key, q));
    if (q.by === 'category') {
      for (const t of covering) {
        const v = tollCategory(t, g.key)!;
        if (v.low > g.low) notes.push(`${g.key}: toll ${t.id} (${t.outlet}) raises the low from ${g.low} to ${v.low}`);
        g.sources.push(tollSource(t, v.low > g.low ? 'raised low' : 'within sum', inScope.filter((e) => eventCovered(t, e, q.tollOverrides))));
        g.low = Math.max(g.low, v.low);
        g.best = Math.max(g.best, v.best);
      }
    } else {
      const members = inScope.filter((e) => groupOf.get(e) === g.key);
      const r = raiseByTolls(members, covering, q.tollOverrides);
      for (const a of r.applied) {
        if (a.lowExcess > 0) notes.push(`${g.key}: toll ${a.toll.id} (${a.toll.outlet}, ${describe(a.toll)}) is ${a.lowExcess} above the ${a.inside} counted in its area and window, and raises the low`);
        g.sources.push(tollSource(a.toll, a.lowExcess > 0 ? 'raised low' : a.bestExcess > 0 ? 'raised best' : 'within sum', [...a.covered]));
        if (a.toll.fatalities.high == null && a.lowExcess > 0) g.openEnded = true;
      }
      g.low += r.lowExcess;
      g.best += r.bestExcess;
    }
    g.best = Math.max(g.best, g.low);
    g.high = Math.max(g.high, g.best);
  }

  const list = [...groups.values()].sort((x, y) => (q.by === 'day' ? (x.key < y.key ? -1 : 1) : y.best - x.best || (x.key < y.key ? -1 : 1)));
  let low = list.reduce((s, g) => s + g.low, 0);
  let best = list.reduce((s, g) => s + g.best, 0);
  let high = list.reduce((s, g) => s + g.high, 0);
  let openEnded = list.some((g) => g.openEnded);
  // Tolls wider than any one group (a province-wide toll in a by-day tally) bound the total instead.
  if (q.by !== undefined) {
    const whole = raiseByTolls(inScope, scopedTolls, q.tollOverrides);
    const wl = inScope.reduce((s, e) => s + e.low, 0) + whole.lowExcess;
    const wb = inScope.reduce((s, e) => s + e.best, 0) + whole.bestExcess;
    if (wl > low) notes.push(`total: tolls over the whole query raise the low from ${low} to ${wl}`);
    low = Math.max(low, wl);
    best = Math.max(best, wb, low);
    if (whole.applied.some((a) => a.lowExcess > 0 && a.toll.fatalities.high == null)) openEnded = true;
  }
  high = Math.max(high, best);
  return {
    low,
    best,
    high,
    openEnded,
    groups: list.map((g) => ({ key: g.key, low: g.low, best: g.best, high: g.high, openEnded: g.openEnded, events: g.events, persons: g.persons.size, sources: g.sources, conflicts: g.conflicts })),
    notes,
  };
}

const describe = (t: TallyToll): string => `${t.qualifier === 'at_least' ? 'at least ' : t.qualifier === 'approx' ? 'about ' : ''}${t.fatalities.best}`;

function tollSource(t: TallyToll, role: TallySource['role'], covered: readonly Event[]): TallySource {
  return { kind: 'toll', tollId: t.id, outlet: t.outlet, figure: t.fatalities.best, low: t.fatalities.low, high: t.fatalities.high, role, covers: covered.flatMap((e) => e.members.map((m) => m.id)) };
}

/** Two tolls overlap when they could count the same deaths: shared events, or one area and window inside the other. */
function tollsOverlap(a: TallyToll, b: TallyToll, ea: Set<Event>, eb: Set<Event>): boolean {
  for (const e of ea) if (eb.has(e)) return true;
  if (a.date && b.date && (a.date.end < b.date.start || b.date.end < a.date.start)) return false;
  if (a.places.length === 0 || b.places.length === 0) return true;
  return a.places.some((p) => placeInTollArea(b.places, p)) || b.places.some((p) => placeInTollArea(a.places, p));
}

interface AppliedToll {
  toll: TallyToll;
  covered: Set<Event>;
  inside: number;
  lowExcess: number;
  bestExcess: number;
}

/**
 * How much tolls raise a set of events: a toll's excess is its figure minus the events counted inside its
 * area and window. Tolls that may count the same deaths never both add: the largest excess goes first and
 * overlapping ones only confirm it (listed, "within sum").
 */
function raiseByTolls(events: readonly Event[], tolls: readonly TallyToll[], overrides: TollOverrides | undefined): { lowExcess: number; bestExcess: number; applied: AppliedToll[] } {
  const cand = tolls.map((t) => {
    const inside = new Set(events.filter((e) => eventCovered(t, e, overrides)));
    const sumLow = [...inside].reduce((s, e) => s + e.low, 0);
    const sumBest = [...inside].reduce((s, e) => s + e.best, 0);
    const tl = n0(t.fatalities.low ?? t.fatalities.best);
    return { toll: t, inside, sumLow, lowExcess: Math.max(0, tl - sumLow), bestExcess: Math.max(0, n0(t.fatalities.best) - sumBest) };
  });
  cand.sort((x, y) => y.lowExcess - x.lowExcess || y.bestExcess - x.bestExcess || (x.toll.id < y.toll.id ? -1 : 1));
  const accepted: typeof cand = [];
  const applied: AppliedToll[] = [];
  let lowExcess = 0;
  let bestExcess = 0;
  for (const c of cand) {
    const clash = accepted.some((a) => tollsOverlap(a.toll, c.toll, a.inside, c.inside));
    if (!clash && (c.lowExcess > 0 || c.bestExcess > 0)) {
      accepted.push(c);
      lowExcess += c.lowExcess;
      bestExcess += c.bestExcess;
      applied.push({ toll: c.toll, covered: c.inside, inside: c.sumLow, lowExcess: c.lowExcess, bestExcess: c.bestExcess });
    } else applied.push({ toll: c.toll, covered: c.inside, inside: c.sumLow, lowExcess: 0, bestExcess: 0 });
  }
  return { lowExcess, bestExcess, applied };
}

function tollCoversGroup(t: TallyToll, key: string, q: TallyOptions): boolean {
  switch (q.by) {
    case undefined:
      return true;
    case 'admin1':
      return t.places.length > 0 && t.places.every((p) => p.admin1 === key);
    case 'day':
      return t.date != null && t.date.start === key && t.date.end === key;
    case 'category':
      return tollCategory(t, key) !== null;
    case 'actor':
      return false;
  }
}

function tollCategory(t: TallyToll, key: string): { low: number; best: number } | null {
  const v = t.fatalities.byCategory[key as Category];
  return v == null ? null : { low: v, best: v };
}

/** Every day of a range, for callers that want to spread an event themselves. */
export function daysOf(r: DayRange): string[] {
  const out: string[] = [];
  for (let d = dayNumber(r.start); d <= dayNumber(r.end); d++) out.push(dayFromNumber(d));
  return out;
}
