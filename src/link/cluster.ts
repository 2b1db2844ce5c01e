// Clusters from explicit links: union-find over proposals and reviewer decisions, with a guard against chaining.
import type { Cluster, LinkDecision, LinkProposal, RejectedLink } from './types.js';

/** Returns null when x and y may be in one cluster, else the reason they may not. */
export type Compatibility = (x: string, y: string) => string | null;

export interface ClusterOptions {
  /** Checked for every cross pair before two clusters merge: A–B and B–C links must not glue A to a distinct C. */
  compatible?: Compatibility;
  decisions?: LinkDecision[];
  /** Reviewer-free links are refused when the check would exceed this many cross pairs (a runaway chain). */
  maxCrossPairs?: number;
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** The latest decision per pair wins; an "undo" removes the pair's earlier verdict. */
export function effectiveDecisions(decisions: readonly LinkDecision[]): Map<string, LinkDecision & { verdict: 'merge' | 'split' }> {
  // An undo never stands, so what remains is a merge or a split.
  return standingDecisions(decisions, (d) => pairKey(d.a, d.b)) as Map<string, LinkDecision & { verdict: 'merge' | 'split' }>;
}

/**
 * The standing decision per key of an append-only history in order: the latest one wins, and an undo leaves none
 * (merge / split of two claims, attach / detach of an incident to a toll).
 */
export function standingDecisions<D extends { verdict: string }>(decisions: readonly D[], keyOf: (d: D) => string): Map<string, D> {
  const out = new Map<string, D>();
  for (const d of decisions) {
    const k = keyOf(d);
    if (d.verdict === 'undo') out.delete(k);
    else out.set(k, d);
  }
  return out;
}

/**
 * Clusters `ids` by the links. Reviewer merges go first and skip the automatic guard (a person decided),
 * but never override a reviewer split; proposals follow by descending score, so the strongest evidence
 * shapes a cluster before weaker links try to join it. The inputs are not changed: undoing a merge is a
 * new decision and a re-run.
 */
export function clusterLinks(
  ids: readonly string[],
  proposals: readonly LinkProposal[],
  opts: ClusterOptions = {},
): { clusters: Cluster[]; rejected: RejectedLink[] } {
  const maxCross = opts.maxCrossPairs ?? 2_500;
  const decided = effectiveDecisions(opts.decisions ?? []);
  const cannot = new Set<string>();
  const must: LinkProposal[] = [];
  for (const [k, d] of decided) {
    if (d.verdict === 'split') cannot.add(k);
    else must.push({ a: d.a, b: d.b, score: Infinity, reasons: [`merged by ${d.by ?? 'a reviewer'}${d.at ? ` on ${d.at}` : ''}`] });
  }

  const parent = new Map<string, string>();
  const members = new Map<string, string[]>();
  const links = new Map<string, LinkProposal[]>();
  for (const id of ids) {
    parent.set(id, id);
    members.set(id, [id]);
    links.set(id, []);
  }
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    while (parent.get(x) !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };

  const rejected: RejectedLink[] = [];
  const tryMerge = (p: LinkProposal, reviewed: boolean): void => {
    if (!parent.has(p.a) || !parent.has(p.b)) return;
    let ra = find(p.a);
    let rb = find(p.b);
    if (ra === rb) {
      links.get(ra)!.push(p);
      return;
    }
    const ma = members.get(ra)!;
    const mb = members.get(rb)!;
    if (!reviewed && ma.length * mb.length > maxCross) {
      rejected.push({ ...p, rejectedBecause: `clusters too large to check (${ma.length}×${mb.length})` });
      return;
    }
    for (const x of ma) {
      for (const y of mb) {
        if (cannot.has(pairKey(x, y))) {
          rejected.push({ ...p, rejectedBecause: `a reviewer split ${x} from ${y}` });
          return;
        }
        const why = reviewed || !opts.compatible ? null : opts.compatible(x, y);
        if (why) {
          rejected.push({ ...p, rejectedBecause: `${x} and ${y}: ${why}` });
          return;
        }
      }
    }
    if (ma.length < mb.length) [ra, rb] = [rb, ra];
    parent.set(rb, ra);
    members.get(ra)!.push(...members.get(rb)!);
    links.get(ra)!.push(...links.get(rb)!, p);
    members.delete(rb);
    links.delete(rb);
  };

  for (const p of must) tryMerge(p, true);
  const sorted = [...proposals].sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1));
  for (const p of sorted) if (!cannot.has(pairKey(p.a, p.b))) tryMerge(p, false);

  const clusters: Cluster[] = [];
  for (const [root, m] of members) {
    m.sort();
    clusters.push({ id: m[0]!, members: m, links: links.get(root)! });
  }
  clusters.sort((x, y) => (x.id < y.id ? -1 : 1));
  return { clusters, rejected };
}
