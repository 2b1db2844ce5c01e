// Which incidents a toll covers, and whether they add up to it: the one definition the tally, `marsad link --kind toll`
// and `marsad show` of a toll all read.
import type { DayRange } from '../domain/types.js';
import { placeKey } from '../gazetteer/normalize.js';
import { standingDecisions } from '../link/cluster.js';
import type { LinkPlace } from '../link/types.js';

/** What coverage reads of a toll: its area, its window, its report, and the incidents its report says it sums. */
export interface CoverageToll {
  id: string;
  date: DayRange | null;
  places: readonly LinkPlace[];
  fatalities: { low: number | null; best: number | null; high: number | null };
  /** The toll's own report (its incidents are listed first). */
  reportId?: string;
  /** Incident ids the toll's report states it sums ("bringing the total to …"): covered whatever their place. */
  components?: readonly string[];
}

export interface CoverageMember {
  id: string;
  reportId?: string;
  outlet?: string;
  date: DayRange | null;
  places: readonly LinkPlace[];
  fatalities: { best: number | null };
}

/** One event: a cluster of incident records already reduced to one set of figures (merged incidents count once). */
export interface CoverageEvent {
  members: readonly CoverageMember[];
  low: number;
  best: number;
  high: number;
}

export type TollVerdict = 'attach' | 'detach';

/** An analyst's decision on one (toll, incident) pair; the latest per pair wins and an undo withdraws it. */
export interface TollDecision {
  toll: string;
  incident: string;
  verdict: TollVerdict | 'undo';
  by?: string;
  at?: string;
}

export type CoverageReason = 'component' | 'contained' | 'attached';

export interface CoveredIncident {
  id: string;
  /** Why it is inside: stated by the toll's report, inside its area and window, or attached by an analyst. */
  reason: CoverageReason;
  ownReport: boolean;
}

export interface CoveredEvent {
  /** The event's members the toll covers (one of them is enough for the event to count, once). */
  incidents: CoveredIncident[];
  /** Every member of the event, covered or not. */
  members: string[];
  low: number;
  best: number;
  high: number;
}

export type CoverageStatus = 'consistent' | 'exceeds';

export interface TollCoverage {
  toll: string;
  events: CoveredEvent[];
  /** Incidents an analyst detached that would otherwise be covered. */
  detached: string[];
  sum: { low: number; best: number; high: number };
  /**
   * consistent: the events inside fit the toll; exceeds: their lows sum to more than the toll's ceiling (its high, or
   * its figure when exact) — a conflict between sources. An "at least" toll has no ceiling: events above it pass its floor.
   */
  status: CoverageStatus;
  /** Toll − sum of the events' best figures: deaths known only from the toll (0 when the sum reaches it). */
  unexplained: number;
  /** Sum of the events' best figures − the toll's figure, when above it, else 0. */
  excess: number;
}

const pairKey = (toll: string, incident: string): string => `${toll}\u0000${incident}`;

/** The standing verdict per (toll, incident): decisions replayed oldest first, an undo removes the earlier one. */
export function effectiveTollDecisions(decisions: readonly TollDecision[]): Map<string, TollDecision & { verdict: TollVerdict }> {
  // An undo never stands, so what remains is an attach or a detach.
  return standingDecisions(decisions, (d) => pairKey(d.toll, d.incident)) as Map<string, TollDecision & { verdict: TollVerdict }>;
}

/** The standing verdicts as a lookup: toll id → incident id → attach | detach. */
export type TollOverrides = ReadonlyMap<string, ReadonlyMap<string, TollVerdict>>;

export function tollOverrides(decisions: readonly TollDecision[]): TollOverrides {
  const out = new Map<string, Map<string, TollVerdict>>();
  for (const d of effectiveTollDecisions(decisions).values()) {
    let m = out.get(d.toll);
    if (!m) out.set(d.toll, (m = new Map()));
    m.set(d.incident, d.verdict);
  }
  return out;
}

const isProvince = (a: LinkPlace): boolean => a.geoPrecision === 3 || /^ADM1/.test(a.featureCode ?? '') || (a.admin1 != null && placeKey(a.admin1) === placeKey(a.name));
const isDistrict = (a: LinkPlace): boolean => a.geoPrecision === 2 || /^ADM2/.test(a.featureCode ?? '') || (a.admin2 != null && placeKey(a.admin2) === placeKey(a.name));

/**
 * Whether a place lies inside a toll's area, by the gazetteer's admin containment: the same place (by any spelling),
 * or a place in the district (admin2) or province (admin1) the toll names. A toll placed at a city named like its
 * province ("in Latakia") is read as the province: tolls speak of regions, incidents of towns.
 */
export function placeInTollArea(area: readonly LinkPlace[], p: LinkPlace): boolean {
  return area.some((a) => {
    if (a.country && p.country && a.country !== p.country) return false;
    if (isProvince(a)) return a.admin1 != null && p.admin1 === a.admin1;
    const key = placeKey(a.name);
    if ([p.name, ...(p.aliases ?? [])].some((n) => placeKey(n) === key)) return true;
    return isDistrict(a) && a.admin2 != null && p.admin2 === a.admin2 && (a.admin1 == null || p.admin1 == null || a.admin1 === p.admin1);
  });
}

/** Whether a dated, placed record lies inside a toll's window and area (no window or no area does not narrow). */
export function insideToll(t: Pick<CoverageToll, 'date' | 'places'>, r: { date: DayRange | null; places: readonly LinkPlace[] }): boolean {
  if (t.date && (!r.date || r.date.end < t.date.start || r.date.start > t.date.end)) return false;
  return t.places.length === 0 || r.places.some((p) => p.role !== 'origin' && placeInTollArea(t.places, p));
}

/** Why an incident is inside a toll, or null; an analyst's detach wins over everything, an attach over geography. */
export function coverageReason(t: CoverageToll, m: CoverageMember, overrides?: TollOverrides): CoverageReason | null {
  const verdict = overrides?.get(t.id)?.get(m.id);
  if (verdict === 'detach') return null;
  if (verdict === 'attach') return 'attached';
  if (t.components?.includes(m.id)) return 'component';
  return insideToll(t, m) ? 'contained' : null;
}

/** Whether a toll covers an event: one covered member is enough, and the event then counts once. */
export function eventCovered(t: CoverageToll, e: CoverageEvent, overrides?: TollOverrides): boolean {
  return e.members.some((m) => coverageReason(t, m, overrides) !== null);
}

/**
 * The incidents a toll covers and how they compare with it. The events' best figures are summed, merged incidents
 * once. A toll of "at least 124" over events of 52 and 72 is consistent with nothing unexplained; over 52 alone it is
 * consistent with 72 unexplained; an exact toll of 124 over 52 and 80 is exceeded by 8 (a conflict), while "at least
 * 124" over them is consistent, its floor passed by 8.
 */
export function tollCoverage(t: CoverageToll, events: readonly CoverageEvent[], overrides?: TollOverrides): TollCoverage {
  const covered: CoveredEvent[] = [];
  const detached: string[] = [];
  const decided = overrides?.get(t.id);
  for (const e of events) {
    const incidents: CoveredIncident[] = [];
    for (const m of e.members) {
      const reason = coverageReason(t, m, overrides);
      if (reason) incidents.push({ id: m.id, reason, ownReport: t.reportId !== undefined && m.reportId === t.reportId });
      else if (decided?.get(m.id) === 'detach' && (t.components?.includes(m.id) || insideToll(t, m))) detached.push(m.id);
    }
    if (incidents.length) covered.push({ incidents, members: e.members.map((m) => m.id), low: e.low, best: e.best, high: e.high });
  }
  // The toll's own report's incidents first (what its author summed), then by figure.
  const own = (c: CoveredEvent): number => (c.incidents.some((i) => i.ownReport) ? 0 : 1);
  covered.sort((x, y) => own(x) - own(y) || y.best - x.best || (x.members[0]! < y.members[0]! ? -1 : 1));
  const sum = covered.reduce((s, e) => ({ low: s.low + e.low, best: s.best + e.best, high: s.high + e.high }), { low: 0, best: 0, high: 0 });
  const figure = t.fatalities.best ?? t.fatalities.low ?? 0;
  const ceiling = t.fatalities.high;
  const status: CoverageStatus = ceiling != null && sum.low > ceiling ? 'exceeds' : 'consistent';
  return { toll: t.id, events: covered, detached, sum, status, unexplained: Math.max(0, figure - sum.best), excess: Math.max(0, sum.best - figure) };
}
