// The stored claims as linking and tally records: ids are claim refs (c12), values are the corrected ones when corrected.
import type { Category, IncidentClaim, PlaceRef, TollClaim, VictimClaim } from '../domain/types.js';
import { incidentRecord, victimRecord } from '../link/from-extraction.js';
import type { LinkDecision, LinkIncident, LinkVictim } from '../link/types.js';
import type { TallyIncident, TallyToll } from '../tally/tally.js';
import type { TollDecision } from '../tally/coverage.js';
import type { ClaimStatus } from '../store/claims.js';
import { currentClaims, decidedClaimIds, tollDecidedIncidentIds, listLinkDecisions, listTollDecisions, scopedClaims, type TollDecisionRow, type LinkableClaimRow, type LinkDecisionRow, type LinkKind, type ScopedClaimRow } from '../store/links.js';
import { dayFromNumber, dayNumber } from '../domain/days.js';
import { placeKey } from '../gazetteer/normalize.js';
import type { Sql } from '../store/store.js';
import { claimRef, reportRef } from './ids.js';

export const REVIEWED: readonly ClaimStatus[] = ['confirmed', 'corrected'];

/** Which claims count: reviewed ones (confirmed, corrected) by default; proposed ones on request; rejected never. */
export function countedStatuses(includeProposed: boolean | undefined): readonly ClaimStatus[] {
  return includeProposed ? [...REVIEWED, 'proposed'] : REVIEWED;
}

export interface LinkCorpus {
  /** Every current claim by ref (c12), whether counted or not. */
  rows: Map<string, LinkableClaimRow>;
  incidents: LinkIncident[];
  tallyIncidents: TallyIncident[];
  tolls: TallyToll[];
  victims: LinkVictim[];
  victimCategory: Map<string, Category>;
}

/** Reads the claims of each report's current extraction and turns the counted ones into records. */
export async function loadCorpus(sql: Sql, includeProposed: boolean | undefined): Promise<LinkCorpus> {
  const all = await currentClaims(sql, ['incident', 'toll', 'victim']);
  // A victim names its incident by ref within its extraction; the incident's claim id is the link record's id.
  const incidentByRef = new Map<string, string>();
  for (const r of all) if (r.kind === 'incident') incidentByRef.set(`${r.extraction_id}|${r.ref}`, claimRef(r.id));
  return buildCorpus(all, countedStatuses(includeProposed), (r, ref) => incidentByRef.get(`${r.extraction_id}|${ref}`) ?? null);
}

/** A corpus without any claim (nothing in scope). */
export function emptyCorpus(): LinkCorpus {
  return { rows: new Map(), incidents: [], tallyIncidents: [], tolls: [], victims: [], victimCategory: new Map() };
}

/** Turns claim rows (ordered by id) into records; `incidentOf` resolves a victim's incident ref to a claim ref. */
function buildCorpus(all: readonly LinkableClaimRow[], statuses: readonly ClaimStatus[], incidentOf: (r: LinkableClaimRow, ref: string) => string | null): LinkCorpus {
  const counted = new Set(statuses);
  const rows = new Map(all.map((r) => [claimRef(r.id), r]));
  const victimsOf = new Map<number, VictimClaim[]>();
  for (const r of all) {
    if (r.kind === 'victim' && counted.has(r.status)) {
      const list = victimsOf.get(r.extraction_id) ?? [];
      list.push(r.current as unknown as VictimClaim);
      victimsOf.set(r.extraction_id, list);
    }
  }
  // A toll names the incidents it sums by ref within its extraction, as a victim names its incident.
  const incidentByRef = new Map<string, string>();
  for (const r of all) if (r.kind === 'incident' && counted.has(r.status)) incidentByRef.set(`${r.extraction_id}|${r.ref}`, claimRef(r.id));
  const corpus: LinkCorpus = { rows, incidents: [], tallyIncidents: [], tolls: [], victims: [], victimCategory: new Map() };
  for (const r of all) {
    if (!counted.has(r.status)) continue;
    const id = claimRef(r.id);
    const report = reportRef(r.report_id);
    if (r.kind === 'incident') {
      const c = { ...(r.current as unknown as IncidentClaim), id: r.ref };
      const rec: LinkIncident = { ...incidentRecord(report, r.outlet, normaliseIncident(c), victimsOf.get(r.extraction_id) ?? []), id };
      corpus.incidents.push(rec);
      corpus.tallyIncidents.push({ id, reportId: report, outlet: r.outlet, date: rec.date, places: rec.places, actors: rec.actors, fatalities: c.fatalities });
    } else if (r.kind === 'toll') {
      const t = r.current as unknown as TollClaim;
      const components = (t.components ?? []).flatMap((ref) => incidentByRef.get(`${r.extraction_id}|${ref}`) ?? []);
      corpus.tolls.push({ id, reportId: report, outlet: r.outlet, date: t.date ?? null, places: t.places ?? [], fatalities: t.fatalities, qualifier: t.qualifier, components });
    } else {
      const v = { ...(r.current as unknown as VictimClaim), id: r.ref };
      const rec = victimRecord(report, v);
      corpus.victims.push({ ...rec, id, incidentId: v.incident ? incidentOf(r, v.incident) : null });
      corpus.victimCategory.set(id, v.category ?? 'unknown');
    }
  }
  return corpus;
}

/** A tally's (or a link listing's) place and window; absent parts do not narrow. */
export interface CorpusFilter {
  place?: string;
  from?: string;
  to?: string;
}

/** Days two incidents of one automatic cluster may lie apart (the scorer's widest date slack, coarse precision). */
const CLUSTER_SLACK = 3;
/**
 * Days around the records that may share an event with the window's (their blocks: dates widened by the slack of 3,
 * 3-day buckets, and any record touching those buckets with its own slack of up to 3): 3 + 2 + 3 + 3, rounded up.
 */
const BLOCK_MARGIN = 14;
/** A victim's dates of death more than this apart veto a link (src/link/victims.ts). */
const VICTIM_SLACK = 14;

const shift = (day: string, days: number): string => dayFromNumber(dayNumber(day) + days);

/**
 * Reads only the claims a filtered tally or link listing can need, and turns the counted ones into records:
 * - seeds: incidents that may belong to an event in scope — dated within the scorer's slack of the window and
 *   (with a place) sharing a place key with it;
 * - their blocking neighbourhood: every incident that shares a linking block with a seed (same province, a nearby
 *   0.25° cell, or the same country for country-level places, dated within the blocks' reach), so that each seed
 *   meets exactly the candidates it meets in a full run;
 * - every incident or victim any analyst's decision names (a merge may join claims far apart, an attach may add an
 *   incident far from a toll's area to it);
 * - tolls that can lie inside the query (their window inside it, a place key shared);
 * - victims tied to an incident read, or dated and placed where the query looks.
 * Without place and window, the whole record (as `loadCorpus`).
 */
export async function loadScopedCorpus(sql: Sql, includeProposed: boolean | undefined, filter: CorpusFilter): Promise<LinkCorpus> {
  if (!filter.place && !filter.from && !filter.to) return loadCorpus(sql, includeProposed);
  const statuses = countedStatuses(includeProposed);
  const key = filter.place ? placeKey(filter.place) : null;
  const keyTerms = key !== null ? [`k:${key}`, 'k:*'] : undefined;
  const window = filter.from || filter.to ? { from: filter.from, to: filter.to } : null;
  const widen = (w: { from?: string; to?: string }, days: number) => ({
    ...(w.from ? { from: shift(w.from, -days) } : {}),
    ...(w.to ? { to: shift(w.to, days) } : {}),
  });
  const [mergedIncidents, attachedIncidents, decidedVictims] = await Promise.all([decidedClaimIds(sql, 'incident'), tollDecidedIncidentIds(sql), decidedClaimIds(sql, 'victim')]);
  // An incident attached to (or detached from) a toll may lie anywhere: read it like a merged one.
  const decidedIncidents = [...new Set([...mergedIncidents, ...attachedIncidents])];

  const seeds = await scopedClaims(sql, {
    kinds: ['incident'],
    statuses,
    ...(window ? { overlaps: widen(window, CLUSTER_SLACK) } : {}),
    ...(keyTerms ? { terms: keyTerms } : {}),
  });
  // The neighbourhood: the seeds' linking blocks in full. Without a place, the widened window already holds them all.
  let span: { from?: string; to?: string } | undefined;
  if (window) {
    let lo: string | undefined;
    let hi: string | undefined;
    for (const r of seeds) {
      const d = (r.current as { date?: { start?: string; end?: string } | null }).date;
      if (!d?.start || !d.end || dayNumber(d.end) - dayNumber(d.start) > 62) continue;
      if (lo === undefined || d.start < lo) lo = d.start;
      if (hi === undefined || d.end > hi) hi = d.end;
    }
    const w = widen(window, CLUSTER_SLACK);
    span = widen({ ...(w.from ? { from: lo !== undefined && lo < w.from ? lo : w.from } : {}), ...(w.to ? { to: hi !== undefined && hi > w.to ? hi : w.to } : {}) }, BLOCK_MARGIN);
  }
  const areaTerms = new Set<string>();
  for (const r of seeds) {
    for (const t of areaTermsOf(r.current)) {
      if (t.startsWith('a:') || t.startsWith('c:')) areaTerms.add(t);
      else if (t.startsWith('g:')) {
        const [la, lo] = t.slice(2).split(',').map(Number) as [number, number];
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) areaTerms.add(`g:${la + dy},${lo + dx}`);
      }
    }
  }
  // The seeds lie in their own blocks: the ring query leaves them out rather than reading them a second time.
  const ring =
    keyTerms && areaTerms.size === 0
      ? []
      : await scopedClaims(sql, { kinds: ['incident'], statuses, ...(span ? { overlaps: span } : {}), ...(keyTerms ? { terms: [...areaTerms] } : {}), exceptIds: seeds.map((r) => r.id) });
  const decided = decidedIncidents.length ? await scopedClaims(sql, { kinds: ['incident'], statuses, ids: decidedIncidents }) : [];
  const incidents = new Map<number, ScopedClaimRow>();
  for (const r of [...seeds, ...ring, ...decided]) incidents.set(r.id, r);

  const [tolls, victims] = await Promise.all([
    scopedClaims(sql, { kinds: ['toll'], statuses, ...(window ? { within: window } : {}), ...(keyTerms ? { terms: keyTerms } : {}) }),
    scopedClaims(sql, {
      kinds: ['victim'],
      statuses,
      // Victims link across places (no place vetoes a link) and undated records link across time: with a window, read
      // every victim dated within two links' reach of it and every undated one; without a window, every victim.
      ...(window ? { overlaps: widen(window, 2 * VICTIM_SLACK), orUndated: true } : {}),
      alsoIds: decidedVictims,
      alsoExtractions: [...new Set([...incidents.values()].map((r) => r.extraction_id))],
    }),
  ]);
  // A victim's incident decides whether two records of one person are "tied to the same incident": read those too.
  const missing = [...new Set(victims.flatMap((v) => (v.incident_claim != null && !incidents.has(v.incident_claim) ? [v.incident_claim] : [])))];
  if (missing.length) for (const r of await scopedClaims(sql, { kinds: ['incident'], statuses, ids: missing })) incidents.set(r.id, r);
  const all = [...incidents.values(), ...tolls, ...victims].sort((x, y) => x.id - y.id);
  return buildCorpus(all, statuses, (r, _ref) => {
    const id = (r as ScopedClaimRow).incident_claim;
    return id == null ? null : claimRef(id);
  });
}

/**
 * The area terms of a claim's places, as `marsad_place_terms` (migration 4) lists them: `a:country|admin1` for a
 * place with an admin1, `g:` + the 0.25° cell of its coordinates, else `c:country` for a place known only by its
 * country. Worked out here from the values already read, since asking the database for them runs the PL/pgSQL
 * function once more per row; `link-corpus.contract.test.ts` holds the two definitions together.
 */
export function areaTermsOf(current: Record<string, unknown>): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const places = Array.isArray(current.places) ? current.places : isObject(current.place) ? [current.place] : [];
  const out: string[] = [];
  for (const p of places) {
    if (!isObject(p)) continue;
    const hasAdmin1 = typeof p.admin1 === 'string' && p.admin1 !== '';
    if (hasAdmin1) out.push(`a:${jsonText(p.country)}|${p.admin1 as string}`);
    if (typeof p.lat === 'number' && typeof p.lon === 'number') out.push(`g:${Math.floor(p.lat / 0.25)},${Math.floor(p.lon / 0.25)}`);
    // In the SQL a place without an admin1 key has an unknown (NULL) `has_admin1`, so it gets no country term either.
    else if (!hasAdmin1 && 'admin1' in p && typeof p.country === 'string') out.push(`c:${p.country}`);
  }
  return out;
}

/** What PostgreSQL's `->>` gives for a scalar JSON value (a string as is, a number or boolean as its JSON text), NULL as '' (the SQL's `coalesce`). */
function jsonText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

const PLACE_DEFAULTS: PlaceRef = { name: '', aliases: [], geonameId: null, featureCode: '', country: '', admin1: null, admin2: null, lat: null, lon: null, geoPrecision: 1, role: 'event', spans: [] };

/** A corrected claim may carry places and actors with only a name: give linking the fields it reads. */
function normaliseIncident(c: IncidentClaim): IncidentClaim {
  return {
    ...c,
    places: (c.places ?? []).map((p) => ({ ...PLACE_DEFAULTS, ...(p as Partial<PlaceRef>), name: p.name })),
    actors: c.actors ?? [],
    figures: c.figures ?? [],
  };
}

export function toDecision(d: LinkDecisionRow): LinkDecision & { comment: string | null } {
  return { a: claimRef(d.a), b: claimRef(d.b), verdict: d.verdict, by: d.user_name, at: d.at, comment: d.comment };
}

export function toTollDecision(d: TollDecisionRow): TollDecision & { id: number; comment: string | null; carriedFrom: number | null } {
  return { id: d.id, toll: claimRef(d.toll), incident: claimRef(d.incident), verdict: d.verdict, by: d.user_name, at: d.at, comment: d.comment, carriedFrom: d.carried_from };
}

export async function loadTollDecisions(sql: Sql): Promise<ReturnType<typeof toTollDecision>[]> {
  return (await listTollDecisions(sql)).map(toTollDecision);
}

export async function loadDecisions(sql: Sql, kind: LinkKind): Promise<(LinkDecision & { comment: string | null })[]> {
  return (await listLinkDecisions(sql, kind)).map(toDecision);
}
