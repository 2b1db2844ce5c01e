// Use case: the tally over the stored record — reviewed claims, analysts' merges, tolls as bounds, every figure with its source.
import { MarsadError } from '../domain/errors.js';
import { isCalendarDate } from '../domain/report-file.js';
import { clusterLinks, effectiveDecisions } from '../link/cluster.js';
import { incidentProposalsTouching, linkIncidents } from '../link/incidents.js';
import { linkVictims } from '../link/victims.js';
import { tally as tallyCore, type TallyBy, type TallyConflict, type TallyPerson, type TallySource } from '../tally/tally.js';
import type { AppDeps } from './deps.js';
import { reportRef } from './ids.js';
import { countedStatuses, loadCorpus, loadDecisions, loadScopedCorpus, loadTollDecisions, type LinkCorpus } from './link-corpus.js';
import { tollOverrides } from '../tally/coverage.js';
import { countCurrentClaims } from '../store/links.js';

export const TALLY_BY: readonly TallyBy[] = ['category', 'admin1', 'day', 'actor'];

export interface TallyInput {
  /** A place name: matched against place names and their spellings, admin2 and admin1 names. */
  place?: string;
  from?: string;
  to?: string;
  by?: TallyBy;
  /**
   * Also count proposed (unreviewed) claims and the scorer's proposed incident links. By default only confirmed or
   * corrected claims count, and two reports are one event only when an analyst merged them.
   */
  includeProposed?: boolean;
}

export interface TallySourceView {
  kind: 'incident' | 'toll';
  claim: string;
  report: string;
  outlet: string;
  figure: number | null;
  low: number | null;
  high: number | null;
  role: TallySource['role'];
  /** Incident sources: the claims of the event this figure belongs to. */
  event?: string[];
  /** Toll sources: the incident claims the toll covers among those counted (the coverage `marsad link --kind toll` shows). */
  covers?: string[];
}

export interface TallyConflictView {
  event: string[];
  figures: { claim: string; report: string; outlet: string; best: number }[];
}

export interface TallyGroupView {
  key: string;
  low: number;
  best: number;
  high: number;
  openEnded: boolean;
  events: number;
  persons: number;
  sources: TallySourceView[];
  conflicts: TallyConflictView[];
}

export interface TallyOutput {
  low: number;
  best: number;
  high: number;
  openEnded: boolean;
  groups: TallyGroupView[];
  notes: string[];
  query: { place: string | null; from: string | null; to: string | null; by: TallyBy | null; includeProposed: boolean };
  /**
   * Counted claims in the record (incidents, tolls, victims), and the events of two or more incident claims among
   * those the query read (a filtered tally reads only the claims near its place and window).
   */
  counted: { incidents: number; tolls: number; victims: number; mergedEvents: number };
}

export function validateTallyInput(input: TallyInput): void {
  for (const [k, v] of [['from', input.from], ['to', input.to]] as const) {
    if (v !== undefined && !isCalendarDate(v)) throw new MarsadError('invalid_input', `--${k} "${v}" is not a calendar date YYYY-MM-DD`);
  }
  if (input.from && input.to && input.from > input.to) throw new MarsadError('invalid_input', `the window starts (${input.from}) after it ends (${input.to})`);
  if (input.by !== undefined && !TALLY_BY.includes(input.by)) throw new MarsadError('invalid_input', `--by "${input.by}" is not one of ${TALLY_BY.join(', ')}`);
  if (input.place !== undefined && !input.place.trim()) throw new MarsadError('invalid_input', '--place is empty');
}

export async function tally(deps: AppDeps, input: TallyInput = {}): Promise<TallyOutput> {
  return tallyWith(deps, input, 'scoped');
}

/**
 * The tally over the claims a filtered query can need (`loadScopedCorpus`), or, with 'full' (tests compare the two),
 * over every counted claim as before.
 */
export async function tallyWith(deps: AppDeps, input: TallyInput, read: 'scoped' | 'full'): Promise<TallyOutput> {
  validateTallyInput(input);
  const includeProposed = input.includeProposed ?? false;
  const filter = { ...(input.place !== undefined ? { place: input.place } : {}), ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) };
  const [corpus, incidentDecisions, victimDecisions, counts, tollDecisions] = await Promise.all([
    read === 'full' ? loadCorpus(deps.store, includeProposed) : loadScopedCorpus(deps.store, includeProposed, filter),
    loadDecisions(deps.store, 'incident'),
    loadDecisions(deps.store, 'victim'),
    countCurrentClaims(deps.store),
    loadTollDecisions(deps.store),
  ]);
  const counted = new Set(countedStatuses(includeProposed));
  const countOf = (kind: string): number => counts.filter((c) => c.kind === kind && counted.has(c.status)).reduce((s, c) => s + c.n, 0);

  // Events: reviewed-only counts two reports as one event only when an analyst merged them; with proposed data the
  // scorer's links apply too. Either way splits hold and merges win over proposals.
  const clusters = includeProposed
    ? linkIncidents(corpus.incidents, { decisions: incidentDecisions }).clusters
    : clusterLinks(corpus.incidents.map((r) => r.id), [], { decisions: incidentDecisions }).clusters;
  const incidentCluster = new Map<string, string>();
  for (const c of clusters) for (const m of c.members) incidentCluster.set(m, c.id);

  // Persons are a floor, never an addition: the scorer's victim links apply even to reviewed-only tallies, since
  // merging two records of one person can only lower a floor, never raise a count.
  const persons = personsOf(corpus, linkVictims(corpus.victims, { decisions: victimDecisions, incidentCluster }).clusters);

  const multi = clusters.filter((c) => c.members.length > 1).map((c) => c.members);
  const t = tallyCore(corpus.tallyIncidents, corpus.tolls, { from: input.from, to: input.to, place: input.place, by: input.by, clusters: multi, persons, tollOverrides: tollOverrides(tollDecisions) });

  const notes = [...t.notes];
  if (read === 'scoped' && (input.from || input.to)) {
    // The core counts the undated events among the claims read; the record's count is: undated incidents, less those
    // an analyst merged into a larger event, plus the merged events none of whose reports is dated (undated
    // incidents have no blocking keys, so only merges, all of which are read, put them in an event).
    const byId = new Map(corpus.tallyIncidents.map((i) => [i.id, i]));
    const merged = clusterLinks(corpus.incidents.map((r) => r.id), [], { decisions: incidentDecisions }).clusters.filter((c) => c.members.length > 1);
    let undated = counts.filter((c) => c.kind === 'incident' && counted.has(c.status)).reduce((s, c) => s + c.undated, 0);
    for (const c of merged) {
      const dated = c.members.filter((m) => byId.get(m)?.date).length;
      undated -= c.members.length - dated;
      if (dated === 0) undated++;
    }
    const at = notes.findIndex((n) => / undated event\(s\) left out of a dated window$/.test(n));
    if (at >= 0) notes.splice(at, 1);
    if (undated > 0) notes.unshift(`${undated} undated event(s) left out of a dated window`);
  }
  if (!includeProposed) {
    const inScope = new Set(t.groups.flatMap((g) => g.sources.flatMap((s) => (s.kind === 'incident' && s.incidentId ? [s.incidentId] : []))));
    const standing = effectiveDecisions(incidentDecisions);
    // Only the count is said: the proposals touching these events are scored, not explained or clustered.
    const pending = (inScope.size ? incidentProposalsTouching(corpus.incidents, inScope) : []).filter(([a, b]) => !standing.has(a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`));
    if (pending.length) notes.push(`${pending.length} link proposal(s) touching these events await review (marsad link incidents): until merged, each report counts as its own event`);
    const unreviewed = counts.filter((c) => c.status === 'proposed').reduce((s, c) => s + c.n, 0);
    if (unreviewed > 0) notes.push(`reviewed claims only: ${unreviewed} proposed claim(s) are not counted (marsad review, or --include-proposed)`);
  }

  const source = (s: TallySource): TallySourceView => {
    const claim = (s.kind === 'incident' ? s.incidentId : s.tollId) ?? '?';
    const row = corpus.rows.get(claim);
    return {
      kind: s.kind,
      claim,
      report: row ? reportRef(row.report_id) : '?',
      outlet: s.outlet,
      figure: s.figure,
      low: s.low,
      high: s.high,
      role: s.role,
      ...(s.kind === 'incident' ? { event: s.incidentIds ?? [claim] } : { covers: s.covers ?? [] }),
    };
  };
  const conflict = (c: TallyConflict): TallyConflictView => ({
    event: c.incidentIds,
    figures: c.figures.map((f) => ({ claim: f.incidentId, report: corpus.rows.get(f.incidentId) ? reportRef(corpus.rows.get(f.incidentId)!.report_id) : '?', outlet: f.outlet, best: f.best })),
  });
  return {
    low: t.low,
    best: t.best,
    high: t.high,
    openEnded: t.openEnded,
    groups: t.groups.map((g) => ({ ...g, sources: g.sources.map(source), conflicts: g.conflicts.map(conflict) })),
    notes,
    query: { place: input.place ?? null, from: input.from ?? null, to: input.to ?? null, by: input.by ?? null, includeProposed },
    counted: { incidents: countOf('incident'), tolls: countOf('toll'), victims: countOf('victim'), mergedEvents: multi.length },
  };
}

function personsOf(corpus: LinkCorpus, clusters: readonly { id: string; members: string[] }[]): TallyPerson[] {
  const byId = new Map(corpus.victims.map((v) => [v.id, v]));
  return clusters.map((c) => {
    const first = byId.get(c.members[0]!)!;
    return {
      id: c.id,
      name: first.name,
      date: first.date,
      place: first.place,
      category: corpus.victimCategory.get(first.id) ?? 'unknown',
      incidentIds: c.members.flatMap((m) => byId.get(m)?.incidentId ?? []),
    };
  });
}
