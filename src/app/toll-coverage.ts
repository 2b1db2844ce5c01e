// Use cases: which incidents each toll covers and whether they add up to it, an analyst's attach / detach / undo of an
// incident to a toll (audited), and the decisions a re-extraction left without a successor.
import { MarsadError } from '../domain/errors.js';
import { clusterLinks, standingDecisions } from '../link/cluster.js';
import { linkIncidents } from '../link/incidents.js';
import { tollCoverage, tollOverrides, effectiveTollDecisions, type CoverageReason, type CoverageStatus, type TollDecision } from '../tally/coverage.js';
import { eventsOf, type TallyEvent, type TallyToll } from '../tally/tally.js';
import { getClaim } from '../store/claims.js';
import { claimsBehindLatest, scopedClaims, insertTollDecision, listLinkDecisions, listTollDecisions, tollDecisionsOfPair, TOLL_LOCK, type LinkDecisionRow, type TollDecisionRow } from '../store/links.js';
import { MAY_REVIEW, requireRole } from './auth.js';
import type { AppDeps } from './deps.js';
import { appendPairDecision } from './pair-decision.js';
import type { ClaimHead } from './claim-view.js';
import { claimRef, parseClaimId, reportRef } from './ids.js';
import { countedStatuses, emptyCorpus, loadCorpus, loadDecisions, loadScopedCorpus, toTollDecision, type LinkCorpus } from './link-corpus.js';

export interface CoveredIncidentView extends ClaimHead {
  figure: number | null;
  /** component: the toll's report says it sums it; contained: inside its area and window; attached: by an analyst. */
  reason: CoverageReason;
  ownReport: boolean;
}

export interface CoveredEventView {
  /** Every claim of the event (merged reports count once). */
  event: string[];
  low: number;
  best: number;
  high: number;
  incidents: CoveredIncidentView[];
}

export interface TollDecisionView {
  incident: string;
  verdict: 'attach' | 'detach';
  by: string | null;
  at: string | null;
  comment: string | null;
}

export interface TollCoverageView extends ClaimHead {
  qualifier: string;
  figure: { low: number | null; best: number | null; high: number | null };
  events: CoveredEventView[];
  sum: { low: number; best: number; high: number };
  /** consistent: the events inside fit the toll; exceeds: they sum to more than its ceiling (a conflict, every figure listed). */
  coverage: CoverageStatus;
  /** Deaths known only from the toll: its figure less the events' sum. */
  unexplained: number;
  excess: number;
  /** Incidents an analyst detached from it (otherwise covered). */
  detached: string[];
  /** The analysts' standing attach / detach decisions on this toll. */
  decisions: TollDecisionView[];
}

export interface OrphanedDecisionView {
  kind: 'incident' | 'victim' | 'toll';
  decision: number;
  /** The pair as decided: two incidents or victims, or a toll and an incident. */
  a: string;
  b: string;
  verdict: string;
  by: string;
  at: string;
  /** The claims of the pair that are no longer in their report's latest extraction, and which reports those are. */
  behind: { claim: string; report: string }[];
}

export interface ListTollCoverageInput {
  /** Also count proposed (unreviewed) tolls and incidents, and the scorer's incident links; rejected claims never. */
  includeProposed?: boolean;
  /** Only these tolls (c12); every counted toll when absent. */
  tolls?: readonly string[];
}

export interface ListTollCoverageOutput {
  includeProposed: boolean;
  tolls: TollCoverageView[];
  /** Analysts' decisions a re-extraction left behind: they name a claim with no successor in the latest extraction. */
  orphaned: OrphanedDecisionView[];
}

/** The events a toll's coverage counts: reviewed-only, analysts' merges make an event; with proposed data, the scorer's links too. */
function eventsOfCorpus(corpus: LinkCorpus, decisions: Awaited<ReturnType<typeof loadDecisions>>, includeProposed: boolean): TallyEvent[] {
  const clusters = includeProposed ? linkIncidents(corpus.incidents, { decisions }).clusters : clusterLinks(corpus.incidents.map((r) => r.id), [], { decisions }).clusters;
  return eventsOf(corpus.tallyIncidents, clusters.filter((c) => c.members.length > 1).map((c) => c.members));
}

export async function listTollCoverage(deps: AppDeps, input: ListTollCoverageInput = {}): Promise<ListTollCoverageOutput> {
  return listTollCoverageWith(deps, input, 'scoped');
}

/**
 * The listing over the claims the tolls' windows can need (`corpusForTolls`), or, with 'full' (tests compare the two),
 * over every counted claim.
 */
export async function listTollCoverageWith(deps: AppDeps, input: ListTollCoverageInput, read: 'scoped' | 'full'): Promise<ListTollCoverageOutput> {
  const includeProposed = input.includeProposed ?? false;
  const wanted = input.tolls ? new Set(input.tolls.map((t) => claimRef(parseClaimId(t)))) : null;
  const [corpus, orphaned] = await Promise.all([read === 'full' ? loadCorpus(deps.store, includeProposed) : corpusForTolls(deps, includeProposed, wanted), orphanedDecisions(deps)]);
  return { includeProposed, tolls: await coverageOver(deps, corpus, includeProposed, wanted), orphaned };
}

/**
 * What the coverage of the counted tolls (or of `wanted` among them) needs: when every one of them is dated, the claims
 * around the window from the earliest start to the latest end, read as a tally over that window reads them (so each
 * toll finds what `coverageOfToll` finds over its own window); else, or when a toll sums an incident dated outside
 * it, every counted claim. A record without tolls reads nothing more than its tolls.
 */
async function corpusForTolls(deps: AppDeps, includeProposed: boolean, wanted: ReadonlySet<string> | null): Promise<LinkCorpus> {
  const tolls = (await scopedClaims(deps.store, { kinds: ['toll'], statuses: countedStatuses(includeProposed) })).filter((r) => !wanted || wanted.has(claimRef(r.id)));
  let from: string | undefined;
  let to: string | undefined;
  for (const t of tolls) {
    const date = (t.current as { date?: { start?: string; end?: string } | null }).date;
    if (!date?.start || !date.end) return loadCorpus(deps.store, includeProposed);
    if (from === undefined || date.start < from) from = date.start;
    if (to === undefined || date.end > to) to = date.end;
  }
  if (from === undefined || to === undefined) return emptyCorpus();
  const corpus = await loadScopedCorpus(deps.store, includeProposed, { from, to });
  const components = new Map(corpus.tolls.map((t) => [t.id, t.components?.length ?? 0]));
  const incomplete = tolls.some((t) => (components.get(claimRef(t.id)) ?? 0) < ((t.current as { components?: unknown[] }).components?.length ?? 0));
  return incomplete ? loadCorpus(deps.store, includeProposed) : corpus;
}

/**
 * One toll's coverage (`marsad show c12` of a toll): over reviewed claims, or over proposed ones too when the toll itself
 * is unreviewed. A dated toll reads only the claims around its window (as a tally over that window does: the linking
 * neighbourhood, merged and attached incidents wherever they are), not the whole record.
 */
export async function coverageOfToll(deps: AppDeps, toll: string | number, includeProposed?: boolean): Promise<TollCoverageView | null> {
  const id = typeof toll === 'number' ? toll : parseClaimId(toll);
  const claim = await getClaim(deps.store, id);
  if (!claim) throw new MarsadError('not_found', `no claim ${claimRef(id)}`);
  if (claim.kind !== 'toll') throw new MarsadError('invalid_input', `${claimRef(id)} is a ${claim.kind} claim, not a toll`);
  const counted = includeProposed ?? claim.status === 'proposed';
  const date = (claim.corrected ?? claim.data).date as { start?: string; end?: string } | null | undefined;
  let corpus = date?.start && date.end ? await loadScopedCorpus(deps.store, counted, { from: date.start, to: date.end }) : await loadCorpus(deps.store, counted);
  // The incidents its report says it sums are covered wherever they are dated: if the window left one out, read all.
  const stated = ((claim.corrected ?? claim.data).components as unknown[] | undefined)?.length ?? 0;
  const read = corpus.tolls.find((t) => t.id === claimRef(id));
  if (read && (read.components?.length ?? 0) < stated) corpus = await loadCorpus(deps.store, counted);
  return (await coverageOver(deps, corpus, counted, new Set([claimRef(id)])))[0] ?? null;
}

async function coverageOver(deps: AppDeps, corpus: LinkCorpus, includeProposed: boolean, wanted: ReadonlySet<string> | null): Promise<TollCoverageView[]> {
  const [incidentDecisions, tollDecisions] = await Promise.all([loadDecisions(deps.store, 'incident'), listTollDecisions(deps.store)]);
  const events = eventsOfCorpus(corpus, incidentDecisions, includeProposed);
  const decisions = tollDecisions.map(toTollDecision);
  const overrides = tollOverrides(decisions);
  const standing = [...effectiveTollDecisions(decisions).values()];
  const comments = new Map(decisions.map((d) => [`${d.toll}|${d.incident}`, d.comment]));
  return corpus.tolls.filter((t) => !wanted || wanted.has(t.id)).map((t) => coverageView(corpus, t, events, overrides, standing.filter((d) => d.toll === t.id), comments));
}

function coverageView(
  corpus: LinkCorpus,
  t: TallyToll,
  events: readonly TallyEvent[],
  overrides: ReturnType<typeof tollOverrides>,
  standing: readonly TollDecision[],
  comments: ReadonlyMap<string, string | null>,
): TollCoverageView {
  const c = tollCoverage(t, events, overrides);
  const row = corpus.rows.get(t.id);
  const byId = new Map(corpus.tallyIncidents.map((i) => [i.id, i]));
  const incident = (id: string, reason: CoverageReason, ownReport: boolean): CoveredIncidentView => {
    const i = byId.get(id);
    const r = corpus.rows.get(id);
    return {
      claim: id,
      report: r ? reportRef(r.report_id) : '?',
      outlet: i?.outlet ?? '?',
      status: r?.status ?? '?',
      date: range(i?.date ?? null),
      place: i?.places.map((p) => p.name).join('; ') || null,
      figure: i?.fatalities.best ?? null,
      reason,
      ownReport,
    };
  };
  return {
    claim: t.id,
    report: row ? reportRef(row.report_id) : '?',
    outlet: t.outlet,
    status: row?.status ?? '?',
    date: range(t.date),
    place: t.places.map((p) => p.name).join('; ') || null,
    qualifier: t.qualifier,
    figure: { low: t.fatalities.low, best: t.fatalities.best, high: t.fatalities.high },
    events: c.events.map((e) => ({ event: e.members, low: e.low, best: e.best, high: e.high, incidents: e.incidents.map((x) => incident(x.id, x.reason, x.ownReport)) })),
    sum: c.sum,
    coverage: c.status,
    unexplained: c.unexplained,
    excess: c.excess,
    detached: c.detached,
    decisions: standing.map((d) => ({ incident: d.incident, verdict: d.verdict as 'attach' | 'detach', by: d.by ?? null, at: d.at ?? null, comment: comments.get(`${d.toll}|${d.incident}`) ?? null })),
  };
}

export type TollLinkVerdict = 'attach' | 'detach' | 'undo';
const TOLL_VERDICTS: readonly TollLinkVerdict[] = ['attach', 'detach', 'undo'];

export interface DecideTollLinkInput {
  toll: string | number;
  incident: string | number;
  verdict: TollLinkVerdict;
  user: string;
  comment?: string;
}

export interface DecideTollLinkOutput {
  id: number;
  toll: string;
  incident: string;
  verdict: TollLinkVerdict;
  /** The standing verdict before this decision (null: none, back to the automatic coverage). */
  previous: 'attach' | 'detach' | null;
  by: string;
  at: string;
}

/**
 * Records that an incident is inside a toll (attach) or not (detach), overriding the automatic coverage; an undo goes
 * back to it. Appended, never edited, the latest per pair wins; analysts and admins only; audited in the same transaction.
 */
export async function decideTollLink(deps: AppDeps, input: DecideTollLinkInput): Promise<DecideTollLinkOutput> {
  if (!TOLL_VERDICTS.includes(input.verdict)) throw new MarsadError('invalid_input', `verdict "${input.verdict}" is not one of ${TOLL_VERDICTS.join(', ')}`);
  const toll = typeof input.toll === 'number' ? input.toll : parseClaimId(input.toll);
  const incident = typeof input.incident === 'number' ? input.incident : parseClaimId(input.incident);
  const at = deps.now();
  return deps.store.transaction(async (tx) => {
    await requireRole(tx, input.user, MAY_REVIEW, 'attach or detach incidents to tolls');
    await tx.query('SELECT pg_advisory_xact_lock($1)', [TOLL_LOCK]);
    for (const [id, kind] of [[toll, 'toll'], [incident, 'incident']] as const) {
      const c = await getClaim(tx, id);
      if (!c) throw new MarsadError('not_found', `no claim ${claimRef(id)}`);
      if (c.kind !== kind) throw new MarsadError('invalid_input', `${claimRef(id)} is a ${c.kind} claim, not ${kind === 'toll' ? 'a toll' : 'an incident'}: attach and detach take a toll and an incident`);
    }
    const history = (await tollDecisionsOfPair(tx, toll, incident)).map(toTollDecision);
    const { id, previous } = await appendPairDecision(tx, {
      verdict: input.verdict,
      standing: effectiveTollDecisions(history).get(`${claimRef(toll)}\u0000${claimRef(incident)}`),
      undoes: `attach or detach of ${claimRef(incident)} and toll ${claimRef(toll)}`,
      already: `${claimRef(incident)} is already ${input.verdict}ed to toll ${claimRef(toll)}`,
      user: input.user,
      at,
      comment: input.comment,
      insert: (comment) => insertTollDecision(tx, { toll, incident, verdict: input.verdict, user_name: input.user, at, comment }),
      audit: { action: `toll.${input.verdict}`, entity: 'toll_link', entityId: `${claimRef(toll)}/${claimRef(incident)}` },
    });
    return { id, toll: claimRef(toll), incident: claimRef(incident), verdict: input.verdict, previous, by: input.user, at };
  });
}

/**
 * Standing decisions (merge, split, attach, detach) that name a claim no longer in its report's latest extraction and
 * were not carried over to a successor: a re-extraction found no claim of the same value, so an analyst must decide again.
 */
export async function orphanedDecisions(deps: AppDeps): Promise<OrphanedDecisionView[]> {
  const [incidents, victims, tolls] = await Promise.all([listLinkDecisions(deps.store, 'incident'), listLinkDecisions(deps.store, 'victim'), listTollDecisions(deps.store)]);
  const carried = new Set<number>();
  for (const d of [...incidents, ...victims]) if (d.carried_from != null) carried.add(d.carried_from);
  const carriedTolls = new Set(tolls.flatMap((d) => (d.carried_from != null ? [d.carried_from] : [])));
  const standing: { kind: OrphanedDecisionView['kind']; row: LinkDecisionRow | TollDecisionRow; a: number; b: number }[] = [];
  for (const rows of [incidents, victims]) {
    for (const d of standingDecisions(rows, (r) => `${r.a}|${r.b}`).values()) if (!carried.has(d.id)) standing.push({ kind: d.kind, row: d, a: d.a, b: d.b });
  }
  for (const d of standingDecisions(tolls, (r) => `${r.toll}|${r.incident}`).values()) if (!carriedTolls.has(d.id)) standing.push({ kind: 'toll', row: d, a: d.toll, b: d.incident });
  if (standing.length === 0) return [];
  const behind = new Map((await claimsBehindLatest(deps.store, [...new Set(standing.flatMap((s) => [s.a, s.b]))])).map((c) => [c.id, c]));
  return standing
    .filter((s) => behind.has(s.a) || behind.has(s.b))
    .map((s) => ({
      kind: s.kind,
      decision: s.row.id,
      a: claimRef(s.a),
      b: claimRef(s.b),
      verdict: s.row.verdict,
      by: s.row.user_name,
      at: s.row.at,
      behind: [s.a, s.b].flatMap((id) => {
        const c = behind.get(id);
        return c ? [{ claim: claimRef(id), report: reportRef(c.report_id) }] : [];
      }),
    }))
    .sort((x, y) => x.decision - y.decision || (x.kind < y.kind ? -1 : 1));
}

const range = (r: { start: string; end: string } | null): string | null => (r ? (r.start === r.end ? r.start : `${r.start} – ${r.end}`) : null);

