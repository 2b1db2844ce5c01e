// Incident linking: which incident records of different reports describe one event. Blocking, pair scores with reasons, guarded clusters.
import { dayNumber, dayFromNumber } from '../domain/days.js';
import type { EventType } from '../domain/types.js';
import { distanceKm } from '../gazetteer/index.js';
import { placeKey } from '../gazetteer/normalize.js';
import { forEachCandidatePair, gridCells, timeBuckets, type BlockingStats } from './blocking.js';
import { clusterLinks } from './cluster.js';
import { compareNames, nameTokens } from './names.js';
import type { LinkDecision, LinkIncident, LinkPlace, LinkProposal, LinkResult } from './types.js';

export interface IncidentLinkOptions {
  /** Pairs scoring at least this are proposed. Tuned on test/corpus/linking (see src/link/README.md). */
  threshold?: number;
  decisions?: LinkDecision[];
  maxBlock?: number;
}

export const DEFAULT_INCIDENT_THRESHOLD = 2.4;
/** The least score any two members of one automatic cluster may have (a chain guard, below the link threshold). */
const MIN_IN_CLUSTER = 1.5;

/**
 * Event-type families that reports mix up for one event: a massacre is "clashes" for one outlet and
 * "executions" for another; shelling that kills fighters is reported as a battle. Protests and riots
 * likewise. Strategic developments (arrests, agreements) are only ever the same as themselves.
 */
const COMPATIBLE: ReadonlySet<string> = new Set(
  [
    ['Battles', 'Violence against civilians'],
    ['Battles', 'Explosions/Remote violence'],
    ['Violence against civilians', 'Explosions/Remote violence'],
    ['Protests', 'Riots'],
    ['Protests', 'Violence against civilians'],
    ['Riots', 'Violence against civilians'],
  ].flatMap(([x, y]) => [`${x}|${y}`, `${y}|${x}`]),
);

const compatMemo = new Map<string, Map<string, 'same' | 'compatible' | 'incompatible'>>();

export function eventTypesCompatible(a: EventType, b: EventType): 'same' | 'compatible' | 'incompatible' {
  if (a === b) return 'same';
  // Memoised per pair of types: this runs for every candidate pair, and string keys cost more than the check.
  let row = compatMemo.get(a);
  if (!row) compatMemo.set(a, (row = new Map()));
  let v = row.get(b);
  if (v === undefined) row.set(b, (v = COMPATIBLE.has(`${a}|${b}`) ? 'compatible' : 'incompatible'));
  return v;
}

/** A place is "precise" when it names a town or a spot, not an admin unit or a region. */
function isPrecise(p: LinkPlace): boolean {
  const fc = p.featureCode ?? '';
  return p.geoPrecision === 1 && !/^(ADM|PCL|RGN)/.test(fc);
}

/** What scoring needs of an incident, computed once. */
interface Prepared {
  rec: LinkIncident;
  start: number;
  end: number;
  places: { p: LinkPlace; keys: Set<string>; precise: boolean }[];
  figures: Set<number>;
  victims: string[][];
  actorTypes: Set<string>;
}

function prepare(rec: LinkIncident): Prepared {
  const places = rec.places
    .filter((p) => p.role !== 'origin')
    .map((p) => {
      const keys = new Set<string>();
      for (const n of [p.name, ...(p.aliases ?? [])]) {
        const k = placeKey(n);
        if (k) keys.add(k);
      }
      if (p.geonameId != null) keys.add(`#${p.geonameId}`);
      return { p, keys, precise: isPrecise(p) };
    });
  const figures = new Set<number>(rec.figures ?? []);
  if (rec.fatalities.best != null) figures.add(rec.fatalities.best);
  return {
    rec,
    start: rec.date ? dayNumber(rec.date.start) : NaN,
    end: rec.date ? dayNumber(rec.date.end) : NaN,
    places,
    figures,
    victims: (rec.victimNames ?? []).map(nameTokens).filter((t) => t.length > 0),
    // Civilians are who died, not who acted: naming them says nothing about the event being the same.
    actorTypes: new Set(rec.actors.map((a) => a.type).filter((t) => t !== 'civilians')),
  };
}

/**
 * A part's score; VETO forbids the link. Reasons are written into `out` only when it is given: most
 * candidate pairs score below the threshold, and building their sentences dominated the time.
 */
type Part = number;
const VETO = -Infinity;
function say(out: string[], score: number, reason: string): number {
  out.push(`${score >= 0 ? '+' : ''}${score.toFixed(1)} ${reason}`);
  return score;
}
const km = (d: number): string => (d < 10 ? d.toFixed(1) : d.toFixed(0));

function veto(out: string[], reason: string): number {
  out.push(`veto: ${reason}`);
  return VETO;
}

/** Days two reports may disagree by and still mean one event: a night straddles midnight, "Thursday" is vague. */
function slackDays(a: Prepared, b: Prepared): number {
  return Math.max(slackOf(a), slackOf(b));
}

// The helpers of the pair scores live at module level: a closure made inside a function that runs for every candidate
// pair is an allocation per pair (and, under tsx, a defineProperty for its name), a third of a tally's link time.
const slackOf = (x: Prepared): number => (x.rec.datePrecision === 'day' ? 1 : x.rec.datePrecision === 'range' ? 1 : 3);

function dateScore(a: Prepared, b: Prepared, out: string[] | null): Part {
  if (Number.isNaN(a.start) || Number.isNaN(b.start)) return out ? veto(out, 'a date is missing') : VETO;
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start) + 1;
  if (overlap >= 1) {
    const la = a.end - a.start + 1;
    const lb = b.end - b.start + 1;
    if (la === 1 && lb === 1) return out ? say(out, 1, `same day ${dayFromNumber(a.start)}`) : 1;
    // A day inside a long range is weak evidence; inside a two-day range it is nearly as good as the same day.
    const v = 0.3 + (0.7 * overlap) / Math.max(la, lb);
    return out ? say(out, v, `dates overlap (${overlap} of ${Math.max(la, lb)} days)`) : v;
  }
  const gap = -overlap + 1;
  if (gap <= slackDays(a, b)) return out ? say(out, -0.3, `dates ${gap} day${gap > 1 ? 's' : ''} apart`) : -0.3;
  return out ? veto(out, `dates ${gap} days apart`) : VETO;
}

function placePairScore(x: Prepared['places'][number], y: Prepared['places'][number], out: string[] | null): Part {
  const p = x.p;
  const q = y.p;
  if (p.country && q.country && p.country !== q.country) return out ? veto(out, `different countries (${p.country}, ${q.country})`) : VETO;
  let same = false;
  for (const k of x.keys) if (y.keys.has(k)) same = true;
  if (same) {
    if (x.precise && y.precise) return out ? say(out, 1.5, `same place ${p.name}`) : 1.5;
    if (x.precise || y.precise) return out ? say(out, 0.6, `same place ${p.name} (one report less precise)`) : 0.6;
    return out ? say(out, 0.4, `same area ${p.name}`) : 0.4;
  }
  const sameAdmin1 = p.admin1 != null && q.admin1 != null && p.admin1 === q.admin1;
  if (p.lat != null && p.lon != null && q.lat != null && q.lon != null) {
    const d = distanceKm({ lat: p.lat, lon: p.lon }, { lat: q.lat, lon: q.lon });
    if (x.precise && y.precise) {
      // Two differently named towns are evidence of two events unless one sits on the other's edge (a
      // village and the town it is "near"); across a provincial border they are more so.
      const border = sameAdmin1 || p.admin1 == null || q.admin1 == null ? 0 : -1;
      if (d <= 3) return out ? say(out, 0.8 + border, apart(p, q, d, border)) : 0.8 + border;
      if (d <= 10) return out ? say(out, 0 + border, apart(p, q, d, border)) : 0 + border;
      if (d <= 25) return out ? say(out, -0.5 + border, apart(p, q, d, border)) : -0.5 + border;
      if (d <= 60) return out ? say(out, -1 + border, apart(p, q, d, border)) : -1 + border;
      return out ? veto(out, apart(p, q, d, border)) : VETO;
    }
    // One side is an admin unit or a region: containment is the evidence, distance to its centre is not.
    const [fine, coarse] = x.precise ? [p, q] : [q, p];
    if (sameAdmin1) return out ? say(out, 0.3, `${fine.name} lies in ${coarse.admin1}`) : 0.3;
    if (d > 150) return out ? veto(out, `${p.name} and ${q.name} ${km(d)} km apart`) : VETO;
    return out ? say(out, -0.5, `${p.name} and ${q.name} in different provinces`) : -0.5;
  }
  if (sameAdmin1) return out ? say(out, 0.3, `both in ${p.admin1}`) : 0.3;
  if (p.admin1 != null && q.admin1 != null) return out ? say(out, -1, `different provinces (${p.admin1}, ${q.admin1})`) : -1;
  return out ? say(out, 0, 'places not comparable') : 0;
}

const apart = (p: LinkPlace, q: LinkPlace, d: number, border: number): string => `${p.name} and ${q.name} ${km(d)} km apart${border ? ', in different provinces' : ''}`;

/** The best-matching pair of places decides; a veto holds only when every pair is vetoed. */
function placeScore(a: Prepared, b: Prepared, out: string[] | null): Part {
  if (a.places.length === 0 || b.places.length === 0) return out ? say(out, 0, 'a place is missing') : 0;
  let best = VETO;
  let bx = a.places[0]!;
  let by = b.places[0]!;
  for (const x of a.places) {
    for (const y of b.places) {
      const s = placePairScore(x, y, null);
      if (s > best) {
        best = s;
        bx = x;
        by = y;
      }
    }
  }
  return out ? placePairScore(bx, by, out) : best;
}

function numberScore(a: Prepared, b: Prepared, out: string[] | null): Part {
  const fa = a.rec.fatalities;
  const fb = b.rec.fatalities;
  if (fa.best == null || fb.best == null) return 0;
  // Small figures coincide by chance (two strikes killing five each); a shared 31 or 52 rarely does.
  if (fa.best === fb.best) {
    const v = fa.best >= 10 ? 1 : fa.best >= 5 ? 0.7 : 0.4;
    return out ? say(out, v, `same figure ${fa.best}`) : v;
  }
  if (within(fa.best, fb) || within(fb.best, fa)) return out ? say(out, 0.6, `figures ${fa.best} and ${fb.best} within each other's range`) : 0.6;
  for (const v of a.figures) if (b.figures.has(v)) return out ? say(out, 0.6, `both cite the figure ${v}`) : 0.6;
  const lo = Math.min(fa.best, fb.best);
  const hi = Math.max(fa.best, fb.best);
  const ratio = hi === 0 ? 1 : lo / hi;
  // Tolls rise as bodies are found, so a later report's larger figure is normal; only a wide gap counts against.
  if (ratio >= 0.75) return out ? say(out, 0.2, `close figures ${fa.best} and ${fb.best}`) : 0.2;
  if (ratio >= 0.4) return out ? say(out, 0, `figures ${fa.best} and ${fb.best}`) : 0;
  if (ratio >= 0.15) return out ? say(out, -0.6, `figures differ (${fa.best} vs ${fb.best})`) : -0.6;
  return out ? say(out, -1.5, `figures far apart (${fa.best} vs ${fb.best})`) : -1.5;
}

const within = (v: number, f: LinkIncident['fatalities']): boolean => f.low != null && v >= f.low && (f.high == null || v <= f.high);

function actorScore(a: Prepared, b: Prepared, out: string[] | null): Part {
  if (a.actorTypes.size === 0 || b.actorTypes.size === 0) return 0;
  let shared = false;
  for (const t of a.actorTypes) if (b.actorTypes.has(t)) shared = true;
  if (!shared) return 0;
  return out ? say(out, 0.3, `both name ${[...a.actorTypes].filter((t) => b.actorTypes.has(t)).join(', ')}`) : 0.3;
}

function victimScore(a: Prepared, b: Prepared, out: string[] | null): Part {
  if (a.victims.length === 0 || b.victims.length === 0) return 0;
  let shared = 0;
  for (const x of a.victims) {
    for (const y of b.victims) {
      const m = compareNames(x, y);
      if (m.score >= 0.92 && m.matched >= 2) {
        shared++;
        break;
      }
    }
  }
  if (!shared) return 0;
  const v = Math.min(2, 1.5 + 0.25 * (shared - 1));
  return out ? say(out, v, `${shared} shared victim name${shared > 1 ? 's' : ''}`) : v;
}

const PARTS = [dateScore, placeScore, numberScore, actorScore, victimScore] as const;

/** The total score of a pair (VETO when forbidden); with `out`, the reasons too, in order. */
function scoreParts(a: Prepared, b: Prepared, out: string[] | null): number {
  if (a.rec.reportId === b.rec.reportId) return out ? veto(out, 'one report tells them as distinct incidents') : VETO;
  const t = eventTypesCompatible(a.rec.eventType, b.rec.eventType);
  if (t === 'incompatible') return out ? veto(out, `event types ${a.rec.eventType} / ${b.rec.eventType}`) : VETO;
  let score = t === 'same' ? (out ? say(out, 1, `same event type (${a.rec.eventType})`) : 1) : out ? say(out, 0.2, `compatible event types (${a.rec.eventType} / ${b.rec.eventType})`) : 0.2;
  for (const part of PARTS) {
    const v = part(a, b, out);
    if (v === VETO) return VETO;
    score += v;
  }
  return score;
}

/** Scores one pair: the proposal with its reasons, or the veto that forbids linking it. */
function scorePrepared(a: Prepared, b: Prepared, threshold = -Infinity): LinkProposal | { veto: string } | null {
  const fast = scoreParts(a, b, null);
  if (fast === VETO) {
    const why: string[] = [];
    scoreParts(a, b, why);
    return { veto: why[why.length - 1]!.replace(/^veto: /, '') };
  }
  if (fast < threshold) return null;
  const reasons: string[] = [];
  scoreParts(a, b, reasons);
  return { a: a.rec.id, b: b.rec.id, score: Math.round(fast * 100) / 100, reasons };
}

/** The score of two incident records with its reasons, or the veto (for a reviewer's "why not?"). */
export function scoreIncidentPair(a: LinkIncident, b: LinkIncident): LinkProposal | { veto: string } {
  return scorePrepared(prepare(a), prepare(b))!;
}

/** Whether a record has no town-level place with coordinates, so only its province can bring it together with others. */
const isCoarse = (x: Prepared): boolean => !x.places.some((p) => p.precise && p.p.lat != null && p.p.lon != null);

/**
 * The time-by-place keys of an incident. Towns with coordinates meet in a 0.25° grid (four shifted grids,
 * so any two within ~14 km share a cell; farther apart, two named towns score against a link anyway); province blocks ("~" keys) pair a province-level report with
 * every report of its province, but town reports with each other only through the grid — otherwise a
 * busy province's blocks grow with the square of its reports.
 */
function blockKeys(x: Prepared): string[] {
  if (Number.isNaN(x.start)) return [];
  // Open-ended or vague periods (a month, a year) are toll-like: they would join huge blocks for little gain.
  if (x.end - x.start > 62) return [];
  const buckets = timeBuckets([x.start, x.end], slackDays(x, x), 3);
  const areas = new Set<string>();
  for (const { p, precise } of x.places) {
    if (p.admin1) areas.add(`~a|${p.country}|${p.admin1}`);
    if (p.lat != null && p.lon != null && (precise || !p.admin1)) for (const c of gridCells(p.lat, p.lon, 0.25)) areas.add(`g|${c}`);
    if (!p.admin1 && (p.lat == null || p.lon == null) && p.country) areas.add(`c|${p.country}`);
  }
  const out: string[] = [];
  for (const a of areas) for (const w of buckets) out.push(`${a}|${w}`);
  return out;
}

/** Calls `onPair` for every candidate pair of the records: those sharing a block (see `blockKeys`). */
function forEachCandidate(prepared: readonly Prepared[], maxBlock: number, onPair: (a: Prepared, b: Prepared) => void, touching?: ReadonlySet<string>): BlockingStats {
  return forEachCandidatePair(
    prepared.length,
    (i) => blockKeys(prepared[i]!),
    (i, j) => onPair(prepared[i]!, prepared[j]!),
    {
      maxBlock,
      window: 60,
      order: (i) => prepared[i]!.start,
      flagged: (i) => isCoarse(prepared[i]!),
      ...(touching ? { touching: (i: number) => touching.has(prepared[i]!.rec.id) } : {}),
    },
  );
}

/**
 * Links incident records: candidate pairs from blocks, scored; pairs at or above the threshold become
 * proposals, and clusters are built from them (and from reviewer decisions) without ever letting a chain
 * join records that are incompatible with each other.
 */
export function linkIncidents(records: readonly LinkIncident[], opts: IncidentLinkOptions = {}): LinkResult {
  const threshold = opts.threshold ?? DEFAULT_INCIDENT_THRESHOLD;
  const prepared = records.map(prepare);
  const index = new Map<string, Prepared>(prepared.map((p) => [p.rec.id, p]));
  const proposals: LinkProposal[] = [];
  let scored = 0;
  const stats = forEachCandidate(prepared, opts.maxBlock ?? 200, (a, b) => {
    scored++;
    // Vetoes are not explained here: only proposals carry reasons.
    const fast = scoreParts(a, b, null);
    if (fast >= threshold) proposals.push(scorePrepared(a, b) as LinkProposal);
  });
  const compatible = (x: string, y: string): string | null => {
    const a = index.get(x);
    const b = index.get(y);
    if (!a || !b) return null;
    if (scoreParts(a, b, null) === VETO) return (scorePrepared(a, b) as { veto: string }).veto;
    // Two town-level reports placing an event in two towns apart cannot be glued by a province-level
    // report that links to both: that is the chain that merges a province's whole day into one event.
    if (!isCoarse(a) && !isCoarse(b) && placeScore(a, b, null) < 0) return 'reported in different towns';
    // Every pair in a cluster must at least lean towards one event, not merely be unforbidden.
    const together = scoreParts(a, b, null);
    if (together < MIN_IN_CLUSTER) return `too weak together (score ${together.toFixed(1)})`;
    const fa = a.rec.fatalities.best;
    const fb = b.rec.fatalities.best;
    if (fa != null && fb != null && Math.max(fa, fb) > 0 && Math.min(fa, fb) / Math.max(fa, fb) < 0.15) return `figures ${fa} and ${fb} far apart`;
    return null;
  };
  const { clusters, rejected } = clusterLinks(
    records.map((r) => r.id),
    proposals,
    { compatible, ...(opts.decisions ? { decisions: opts.decisions } : {}) },
  );
  return {
    proposals,
    clusters,
    rejected,
    stats: { records: records.length, blocks: stats.blocks, candidatePairs: stats.candidatePairs, scoredPairs: scored, proposals: proposals.length },
  };
}

/**
 * The pairs `linkIncidents` proposes that include a record of `touching`, as [a, b] ids, without reasons or clusters:
 * what a reviewed-only tally needs to say how many proposals await review. Blocking runs over every record, so the
 * candidates are those of `linkIncidents`; only pairs touching none of `touching` go unscored.
 */
export function incidentProposalsTouching(
  records: readonly LinkIncident[],
  touching: ReadonlySet<string>,
  opts: Pick<IncidentLinkOptions, 'threshold' | 'maxBlock'> = {},
): [string, string][] {
  const threshold = opts.threshold ?? DEFAULT_INCIDENT_THRESHOLD;
  const prepared = records.map(prepare);
  const out: [string, string][] = [];
  forEachCandidate(
    prepared,
    opts.maxBlock ?? 200,
    (a, b) => {
      if (scoreParts(a, b, null) >= threshold) out.push([a.rec.id, b.rec.id]);
    },
    touching,
  );
  return out;
}
