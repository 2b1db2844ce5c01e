// Use cases: link proposals computed from the stored claims, an analyst's merge / split / undo (audited), and the clusters.
import { MarsadError } from '../domain/errors.js';
import { clusterLinks, effectiveDecisions } from '../link/cluster.js';
import { linkIncidents, scoreIncidentPair } from '../link/incidents.js';
import type { LinkDecision, LinkIncident, LinkProposal, LinkResult, LinkVictim } from '../link/types.js';
import { linkVictims, scoreVictimPair } from '../link/victims.js';
import { getClaim } from '../store/claims.js';
import { decisionsOfPair, insertLinkDecision, LINK_LOCK, type LinkKind, type LinkVerdict } from '../store/links.js';
import type { Sql } from '../store/store.js';
import { MAY_REVIEW, requireRole } from './auth.js';
import type { AppDeps } from './deps.js';
import { appendPairDecision } from './pair-decision.js';
import type { ClaimHead } from './claim-view.js';
import { claimRef, parseClaimId, reportRef } from './ids.js';
import { loadCorpus, loadDecisions, loadScopedCorpus, toDecision, type CorpusFilter, type LinkCorpus } from './link-corpus.js';
import { validateTallyInput } from './tally.js';
import { placeKey } from '../gazetteer/normalize.js';
import type { LinkPlace } from '../link/types.js';

export const LINK_KINDS: readonly LinkKind[] = ['incident', 'victim'];

/** What a reviewer needs to see of one side of a link. */
export interface LinkRecordView extends ClaimHead {
  /** Incidents: "Violence against civilians, 52 killed"; victims: the name with sex and age. */
  summary: string;
}

export interface DecisionView {
  verdict: 'merge' | 'split';
  by: string | null;
  at: string | null;
  comment: string | null;
}

export interface LinkPairView {
  a: string;
  b: string;
  /** null when the pair was not proposed and a veto explains why. */
  score: number | null;
  reasons: string[];
  veto: string | null;
  /** Proposed by the scorer (above the threshold). */
  proposed: boolean;
  /** The analysts' standing verdict on this pair, if any (the latest decision; undone ones are gone). */
  decision: DecisionView | null;
  records: [LinkRecordView, LinkRecordView];
}

export interface ProposeLinksInput {
  kind: LinkKind;
  /** Also link proposed (unreviewed) claims; rejected claims never take part. */
  includeProposed?: boolean;
  /**
   * Only pairs and clusters with a record at this place (a name, its spellings, admin2 or admin1, as the tally
   * matches) and dated inside [from, to]; the records they are linked to are read wherever they are.
   */
  place?: string;
  from?: string;
  to?: string;
}

export interface ProposeLinksOutput {
  kind: LinkKind;
  includeProposed: boolean;
  records: number;
  /** Proposals by descending score, then decided pairs that were not proposed. */
  pairs: LinkPairView[];
  /** Proposals the clustering refused, with why. */
  rejected: (LinkPairView & { rejectedBecause: string })[];
  pending: number;
  stats: LinkResult['stats'];
}

interface Computed {
  corpus: LinkCorpus;
  decisions: (LinkDecision & { comment: string | null })[];
  result: LinkResult;
}

async function compute(deps: AppDeps, kind: LinkKind, includeProposed: boolean | undefined, filter: CorpusFilter = {}): Promise<Computed> {
  assertKind(kind);
  const filtered = filter.place !== undefined || filter.from !== undefined || filter.to !== undefined;
  const [corpus, decisions] = await Promise.all([filtered ? loadScopedCorpus(deps.store, includeProposed, filter) : loadCorpus(deps.store, includeProposed), loadDecisions(deps.store, kind)]);
  const result = kind === 'incident' ? linkIncidents(corpus.incidents, { decisions }) : linkVictims(corpus.victims, { decisions, incidentCluster: await incidentClusterMap(deps, corpus) });
  return { corpus, decisions, result };
}

/** Incident record → its cluster (reviewed merges and proposals), so two records tied to one event score as such. */
async function incidentClusterMap(deps: AppDeps, corpus: LinkCorpus): Promise<Map<string, string>> {
  const decisions = await loadDecisions(deps.store, 'incident');
  const out = new Map<string, string>();
  for (const c of linkIncidents(corpus.incidents, { decisions }).clusters) for (const m of c.members) out.set(m, c.id);
  return out;
}

/** The filter of a listing, checked as a tally's; null when there is none. */
function filterOf(input: ProposeLinksInput): CorpusFilter | null {
  if (input.place === undefined && input.from === undefined && input.to === undefined) return null;
  validateTallyInput({ place: input.place, from: input.from, to: input.to });
  return { ...(input.place !== undefined ? { place: input.place } : {}), ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) };
}

/** Whether a record is where and when a filtered listing looks (the tally's place rule: name, spellings, admin2, admin1). */
function inFilter(kind: LinkKind, corpus: LinkCorpus, filter: CorpusFilter | null): (id: string) => boolean {
  if (!filter) return () => true;
  const key = filter.place !== undefined ? placeKey(filter.place) : null;
  const at = (p: LinkPlace): boolean =>
    key !== null && key !== '' && ((p.admin1 != null && p.admin1 !== '' && placeKey(p.admin1) === key) || (p.admin2 != null && p.admin2 !== '' && placeKey(p.admin2) === key) || [p.name, ...(p.aliases ?? [])].some((n) => placeKey(n) === key));
  const when = (d: { start: string; end: string } | null): boolean => (!filter.from && !filter.to) || (d !== null && (!filter.from || d.end >= filter.from) && (!filter.to || d.start <= filter.to));
  const byId = new Map<string, { date: { start: string; end: string } | null; places: LinkPlace[] }>(
    kind === 'incident' ? corpus.incidents.map((r) => [r.id, { date: r.date, places: r.places }]) : corpus.victims.map((v) => [v.id, { date: v.date, places: v.place ? [v.place] : [] }]),
  );
  return (id) => {
    const r = byId.get(id);
    return r !== undefined && when(r.date) && (key === null || r.places.some(at));
  };
}

export async function proposeLinks(deps: AppDeps, input: ProposeLinksInput): Promise<ProposeLinksOutput> {
  const filter = filterOf(input);
  const { corpus, decisions, result } = await compute(deps, input.kind, input.includeProposed, filter ?? {});
  const wanted = inFilter(input.kind, corpus, filter);
  const effective = effectiveDecisions(decisions);
  const byKey = new Map(decisions.map((d) => [pairKey(d.a, d.b), d]));
  const view = viewer(input.kind, corpus).pair;
  const decisionOf = (a: string, b: string): DecisionView | null => {
    const d = effective.get(pairKey(a, b));
    if (!d) return null;
    return { verdict: d.verdict, by: d.by ?? null, at: d.at ?? null, comment: byKey.get(pairKey(a, b))?.comment ?? null };
  };
  const sorted = [...result.proposals].sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : 1));
  const pairs: LinkPairView[] = [];
  const seen = new Set<string>();
  for (const p of sorted) {
    if (!wanted(p.a) && !wanted(p.b)) continue;
    const v = view(p, true, decisionOf(p.a, p.b));
    if (!v) continue;
    seen.add(pairKey(p.a, p.b));
    pairs.push(v);
  }
  // Decided pairs the scorer did not propose (an analyst merged two reports it kept apart): score them to show why.
  for (const [k, d] of effective) {
    if (seen.has(k) || (!wanted(d.a) && !wanted(d.b))) continue;
    const v = view({ a: d.a, b: d.b, score: 0, reasons: [] }, false, decisionOf(d.a, d.b));
    if (v) pairs.push(v);
  }
  const rejected = result.rejected.flatMap((r) => {
    if (!wanted(r.a) && !wanted(r.b)) return [];
    const v = view(r, true, decisionOf(r.a, r.b));
    return v ? [{ ...v, rejectedBecause: r.rejectedBecause }] : [];
  });
  return {
    kind: input.kind,
    includeProposed: input.includeProposed ?? false,
    records: (input.kind === 'incident' ? corpus.incidents : corpus.victims).filter((r) => wanted(r.id)).length,
    pairs,
    rejected,
    pending: pairs.filter((p) => p.proposed && !p.decision).length,
    stats: result.stats,
  };
}

export interface ClusterView {
  id: string;
  members: LinkRecordView[];
  /** The links that hold it together: a proposal's reasons or "merged by alice". */
  links: { a: string; b: string; score: number | null; reasons: string[]; reviewed: boolean }[];
  /** The analysts' merges alone hold it together: it counts as one event in a reviewed-only tally. */
  reviewed: boolean;
}

export interface ListClustersOutput {
  kind: LinkKind;
  includeProposed: boolean;
  clusters: ClusterView[];
}

/** Clusters of two or more records, as proposals and decisions make them. */
export async function listClusters(deps: AppDeps, input: ProposeLinksInput): Promise<ListClustersOutput> {
  const filter = filterOf(input);
  const { corpus, decisions, result } = await compute(deps, input.kind, input.includeProposed, filter ?? {});
  const wanted = inFilter(input.kind, corpus, filter);
  const record = viewer(input.kind, corpus).record;
  // A cluster is reviewed when the analysts' merges alone hold all of it together.
  const ids = input.kind === 'incident' ? corpus.incidents.map((r) => r.id) : corpus.victims.map((r) => r.id);
  const byMerges = new Set(clusterLinks(ids, [], { decisions }).clusters.filter((c) => c.members.length > 1).map((c) => c.members.join(' ')));
  const clusters: ClusterView[] = [];
  for (const c of result.clusters) {
    if (c.members.length < 2 || !c.members.some(wanted)) continue;
    const members = c.members.map(record).filter((m): m is LinkRecordView => m !== null);
    const links = c.links.map((l) => ({ a: l.a, b: l.b, score: Number.isFinite(l.score) ? l.score : null, reasons: l.reasons, reviewed: !Number.isFinite(l.score) }));
    clusters.push({ id: c.id, members, links, reviewed: byMerges.has(c.members.join(' ')) });
  }
  return { kind: input.kind, includeProposed: input.includeProposed ?? false, clusters };
}

export interface DecideLinkInput {
  /** Inferred from the two claims when absent. */
  kind?: LinkKind;
  a: string | number;
  b: string | number;
  verdict: LinkVerdict;
  user: string;
  comment?: string;
}

export interface DecideLinkOutput {
  id: number;
  kind: LinkKind;
  a: string;
  b: string;
  verdict: LinkVerdict;
  /** The standing verdict before this decision (null: none, back to the proposal). */
  previous: 'merge' | 'split' | null;
  by: string;
  at: string;
}

const VERDICTS: readonly LinkVerdict[] = ['merge', 'split', 'undo'];

/**
 * Records an analyst's verdict on a pair of incident or victim claims. Decisions are appended, never edited: an undo
 * is a later decision, and the latest per pair wins. Analysts and admins only; audited in the same transaction.
 */
export async function decideLink(deps: AppDeps, input: DecideLinkInput): Promise<DecideLinkOutput> {
  if (!VERDICTS.includes(input.verdict)) throw new MarsadError('invalid_input', `verdict "${input.verdict}" is not one of ${VERDICTS.join(', ')}`);
  if (input.kind !== undefined) assertKind(input.kind);
  const ids = [toClaimId(input.a), toClaimId(input.b)];
  if (ids[0] === ids[1]) throw new MarsadError('invalid_input', `${claimRef(ids[0]!)} cannot be linked to itself`);
  const [a, b] = ids[0]! < ids[1]! ? [ids[0]!, ids[1]!] : [ids[1]!, ids[0]!];
  const at = deps.now();
  return deps.store.transaction(async (tx) => {
    await requireRole(tx, input.user, MAY_REVIEW, 'decide links');
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LINK_LOCK]);
    const kind = await kindOfPair(tx, a, b, input.kind);
    const history = (await decisionsOfPair(tx, kind, a, b)).map(toDecision);
    const standing = effectiveDecisions(history).get(pairKey(claimRef(a), claimRef(b)));
    const pair = `${claimRef(a)} and ${claimRef(b)}`;
    const { id, previous } = await appendPairDecision(tx, {
      verdict: input.verdict,
      standing,
      undoes: `merge or split of ${pair}`,
      already: `${pair} are already ${input.verdict === 'merge' ? 'merged' : 'split'}`,
      user: input.user,
      at,
      comment: input.comment,
      insert: (comment) => insertLinkDecision(tx, { kind, a, b, verdict: input.verdict, user_name: input.user, at, comment }),
      audit: { action: `link.${input.verdict}`, entity: `${kind}_link`, entityId: `${claimRef(a)}/${claimRef(b)}` },
    });
    return { id, kind, a: claimRef(a), b: claimRef(b), verdict: input.verdict, previous, by: input.user, at };
  });
}

async function kindOfPair(tx: Sql, a: number, b: number, wanted: LinkKind | undefined): Promise<LinkKind> {
  const kinds: LinkKind[] = [];
  for (const id of [a, b]) {
    const c = await getClaim(tx, id);
    if (!c) throw new MarsadError('not_found', `no claim ${claimRef(id)}`);
    if (c.kind === 'toll') throw new MarsadError('invalid_input', `${claimRef(id)} is a toll: a toll is not merged with anything; attach or detach the incidents it sums (marsad link attach|detach TOLL INCIDENT, undo TOLL INCIDENT --kind toll)`);
    if (wanted && c.kind !== wanted) throw new MarsadError('invalid_input', `${claimRef(id)} is a ${c.kind} claim, not a ${wanted}`);
    kinds.push(c.kind);
  }
  if (kinds[0] !== kinds[1]) throw new MarsadError('invalid_input', `${claimRef(a)} is a ${kinds[0]} and ${claimRef(b)} a ${kinds[1]}: only two incidents or two victims can be linked`);
  return kinds[0]!;
}

function toClaimId(x: string | number): number {
  return typeof x === 'number' ? x : parseClaimId(x);
}

function assertKind(kind: string): asserts kind is LinkKind {
  if (!LINK_KINDS.includes(kind as LinkKind)) throw new MarsadError('invalid_input', `kind "${kind}" is not one of ${LINK_KINDS.join(', ')}`);
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

function viewer(kind: LinkKind, corpus: LinkCorpus) {
  const incidents = new Map(corpus.incidents.map((r) => [r.id, r]));
  const victims = new Map(corpus.victims.map((r) => [r.id, r]));
  const record = (id: string): LinkRecordView | null => {
    const row = corpus.rows.get(id);
    if (!row) return null;
    const base = { claim: id, report: reportRef(row.report_id), outlet: row.outlet, status: row.status };
    if (kind === 'incident') {
      const r = incidents.get(id);
      if (!r) return null;
      const f = r.fatalities;
      const figure = f.best == null ? 'no figure' : f.low === f.best && f.high === f.best ? `${f.best} killed` : `${f.best} killed (${f.low ?? '?'}–${f.high ?? 'open'})`;
      return { ...base, date: range(r.date), place: r.places.map((p) => p.name).join('; ') || null, summary: `${r.eventType}, ${figure}` };
    }
    const v = victims.get(id);
    if (!v) return null;
    const facts = [v.sex, v.age != null ? `aged ${v.age}` : null].filter(Boolean).join(', ');
    return { ...base, date: range(v.date), place: v.place?.name ?? null, summary: `${v.name}${facts ? ` (${facts})` : ''}` };
  };
  const pair = (p: LinkProposal, proposed: boolean, decision: DecisionView | null): LinkPairView | null => {
    const ra = record(p.a);
    const rb = record(p.b);
    if (!ra || !rb) return null;
    let score: number | null = p.score;
    let reasons = p.reasons;
    let veto: string | null = null;
    if (!proposed) {
      const s =
        kind === 'incident'
          ? scoreIncidentPair(incidents.get(p.a) as LinkIncident, incidents.get(p.b) as LinkIncident)
          : scoreVictimPair(victims.get(p.a) as LinkVictim, victims.get(p.b) as LinkVictim);
      if ('veto' in s) {
        score = null;
        reasons = [];
        veto = s.veto;
      } else {
        score = s.score;
        reasons = s.reasons;
      }
    }
    return { a: p.a, b: p.b, score, reasons, veto, proposed, decision, records: [ra, rb] };
  };
  return { record, pair };
}

const range = (r: { start: string; end: string } | null): string | null => (r ? (r.start === r.end ? r.start : `${r.start} – ${r.end}`) : null);
