// Which claim of a report's new extraction is the same value as a claim of its earlier one, so that analysts' reviews
// and link decisions carry over a re-extraction instead of silently stopping to apply.
import { placeKey } from '../gazetteer/normalize.js';

/** A stored claim as matching reads it: its kind, what the extractor proposed, what an analyst corrected, and where it was read. */
export interface SuccessorCandidate<Id> {
  id: Id;
  kind: string;
  data: Record<string, unknown>;
  corrected?: Record<string, unknown> | null;
  spans: readonly { start: number; end: number }[];
}

interface Fatal {
  best?: number | null;
}

/**
 * The fields that make a claim the same value: incidents and tolls by their best killed figure and first day, victims
 * by their folded name. An improved extractor may move spans, split sentences or add places; if it reads another
 * figure, day or name, the claim is a different value and an analyst's verdict on the old one does not carry.
 */
export function keyFields(kind: string, v: Record<string, unknown>): string {
  if (kind === 'victim') return `victim|${placeKey(String(v.name ?? ''))}`;
  const f = (v.fatalities ?? {}) as Fatal;
  const d = v.date as { start?: string } | null | undefined;
  return `${kind}|${f.best ?? '?'}|${d?.start ?? '?'}`;
}

function overlap(a: readonly { start: number; end: number }[], b: readonly { start: number; end: number }[]): number {
  let n = 0;
  for (const x of a) for (const y of b) n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return n;
}

/**
 * Pairs each earlier claim with at most one new claim of the same report that is the same value: same kind and same key
 * fields (as extracted, or as an analyst corrected them, since the new extractor may now read the corrected value),
 * preferring the one whose spans overlap most; a candidate whose spans do not overlap is taken only if it is the
 * only one with those key fields. Each new claim succeeds at most one earlier claim. Earlier claims left out have no
 * successor: decisions on them are orphaned, not dropped.
 */
export function matchSuccessors<Old, New>(earlier: readonly SuccessorCandidate<Old>[], fresh: readonly SuccessorCandidate<New>[]): Map<Old, New> {
  const out = new Map<Old, New>();
  const taken = new Set<number>();
  const freshKeys = fresh.map((n) => keyFields(n.kind, n.data));
  // The strongest evidence first: pairs with the most shared text claim their successor before weaker ones.
  const pairs: { o: number; n: number; shared: number; unique: boolean }[] = [];
  earlier.forEach((o, oi) => {
    const keys = new Set([keyFields(o.kind, o.data), ...(o.corrected ? [keyFields(o.kind, { ...o.data, ...o.corrected })] : [])]);
    const same = fresh.flatMap((n, ni) => (n.kind === o.kind && keys.has(freshKeys[ni]!) ? [ni] : []));
    for (const ni of same) pairs.push({ o: oi, n: ni, shared: overlap(o.spans, fresh[ni]!.spans), unique: same.length === 1 });
  });
  pairs.sort((x, y) => y.shared - x.shared || x.o - y.o || x.n - y.n);
  const done = new Set<number>();
  for (const p of pairs) {
    if (done.has(p.o) || taken.has(p.n) || (p.shared === 0 && !p.unique)) continue;
    done.add(p.o);
    taken.add(p.n);
    out.set(earlier[p.o]!.id, fresh[p.n]!.id);
  }
  return out;
}
