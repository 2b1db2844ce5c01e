// Victim record linkage: named victims from many reports and lists clustered into persons, each merge with its evidence.
import { dayNumber } from '../domain/days.js';
import { distanceKm } from '../gazetteer/index.js';
import { placeKey } from '../gazetteer/normalize.js';
import { forEachCandidatePair } from './blocking.js';
import { clusterLinks } from './cluster.js';
import { compareNames, nameTokens, phoneticKey } from './names.js';
import type { LinkDecision, LinkProposal, LinkResult, LinkVictim } from './types.js';

export interface VictimLinkOptions {
  threshold?: number;
  decisions?: LinkDecision[];
  /** Incident id → incident cluster id: two records tied to one event are likelier one person. */
  incidentCluster?: ReadonlyMap<string, string>;
  /**
   * One report names each victim once, so two records of one report are two people. Turn off for an
   * imported list that may repeat a name.
   */
  distinctWithinSource?: boolean;
  maxBlock?: number;
}

export const DEFAULT_VICTIM_THRESHOLD = 2;

interface Prepared {
  rec: LinkVictim;
  tokens: string[];
  start: number;
  end: number;
  placeKey: string | null;
}

function prepare(rec: LinkVictim): Prepared {
  return {
    rec,
    tokens: nameTokens(rec.name),
    start: rec.date ? dayNumber(rec.date.start) : NaN,
    end: rec.date ? dayNumber(rec.date.end) : NaN,
    placeKey: rec.place ? placeKey(rec.place.name) || null : null,
  };
}

const VETO = -Infinity;

function say(out: string[], v: number, reason: string): number {
  out.push(`${v >= 0 ? '+' : ''}${v.toFixed(1)} ${reason}`);
  return v;
}

function veto(out: string[], reason: string): number {
  out.push(`veto: ${reason}`);
  return VETO;
}

/**
 * The score of a pair (VETO when forbidden). Reasons go into `out` only when given: most candidate pairs
 * fail, and writing their sentences cost more than scoring them.
 */
function scoreParts(a: Prepared, b: Prepared, opts: VictimLinkOptions, out: string[] | null): number {
  if ((opts.distinctWithinSource ?? true) && a.rec.reportId === b.rec.reportId) return out ? veto(out, 'one source lists them as two people') : VETO;
  const m = compareNames(a.tokens, b.tokens);
  if (m.score < 0.85) return out ? veto(out, `names differ (${a.rec.name} / ${b.rec.name})`) : VETO;
  // 0.85 → 0, 1.0 → 1.5: the name carries most of the weight, but alone it never reaches the threshold
  // unless three parts agree ("Muhammad Ahmad" is thousands of people; "Muhammad Ahmad al-Hassan" fewer).
  let total = out ? say(out, (m.score - 0.85) * 10, `names ${a.rec.name} / ${b.rec.name} (${m.score.toFixed(2)}${m.extra ? `, ${m.extra} part missing` : ''}${m.sameOrder ? '' : ', reordered'})`) : (m.score - 0.85) * 10;
  if (m.matched >= 3) total += out ? say(out, 0.5, `${m.matched} name parts agree`) : 0.5;
  if (m.matched <= 1) total += out ? say(out, -1, 'a single name part') : -1;
  const sa = a.rec.sex;
  const sb = b.rec.sex;
  if (sa && sb) {
    if (sa !== sb) return out ? veto(out, `sex differs (${sa} / ${sb})`) : VETO;
    total += out ? say(out, 0.1, `both ${sa}`) : 0.1;
  }
  const aa = a.rec.age;
  const ab = b.rec.age;
  if (aa != null && ab != null) {
    if (Math.abs(aa - ab) > 2) return out ? veto(out, `ages ${aa} and ${ab}`) : VETO;
    total += out ? say(out, 0.5, aa === ab ? `same age ${aa}` : `ages ${aa} and ${ab}`) : 0.5;
  }
  if (!Number.isNaN(a.start) && !Number.isNaN(b.start)) {
    const gap = Math.max(a.start, b.start) - Math.min(a.end, b.end);
    const exact = a.start === a.end && b.start === b.end;
    // A list may record the day the body was found or buried (a day later); more than that is another death
    // unless name, age and place all insist. A day inside a vague range agrees, but says less.
    if (gap <= 1) total += out ? say(out, exact ? 0.5 : 0.2, gap <= 0 ? (exact ? 'same date of death' : 'dates of death overlap') : 'dates of death a day apart') : exact ? 0.5 : 0.2;
    else if (gap <= 14) total += out ? say(out, -0.7, `dates of death ${gap} days apart`) : -0.7;
    else return out ? veto(out, `dates of death ${gap} days apart`) : VETO;
  }
  const pa = a.rec.place;
  const pb = b.rec.place;
  if (pa && pb) {
    if (a.placeKey && a.placeKey === b.placeKey) total += out ? say(out, 0.5, `same place ${pa.name}`) : 0.5;
    else if (pa.lat != null && pa.lon != null && pb.lat != null && pb.lon != null) {
      const d = distanceKm({ lat: pa.lat, lon: pa.lon }, { lat: pb.lat, lon: pb.lon });
      if (d <= 15) total += out ? say(out, 0.4, `${pa.name} and ${pb.name} ${d.toFixed(0)} km apart`) : 0.4;
      else if (pa.admin1 && pa.admin1 === pb.admin1) total += out ? say(out, 0.2, `both in ${pa.admin1}`) : 0.2;
      else if (d > 100) total += out ? say(out, -1, `${pa.name} and ${pb.name} ${d.toFixed(0)} km apart`) : -1;
      else if (pa.admin1 && pb.admin1) total += out ? say(out, -0.5, `${pa.name} and ${pb.name} in different provinces`) : -0.5;
    } else if (pa.admin1 && pa.admin1 === pb.admin1) total += out ? say(out, 0.2, `both in ${pa.admin1}`) : 0.2;
  }
  const ia = a.rec.incidentId;
  const ib = b.rec.incidentId;
  if (ia && ib && opts.incidentCluster) {
    const ca = opts.incidentCluster.get(ia) ?? ia;
    const cb = opts.incidentCluster.get(ib) ?? ib;
    if (ca === cb) total += out ? say(out, 1, 'tied to the same incident') : 1;
  }
  return total;
}

function score(a: Prepared, b: Prepared, opts: VictimLinkOptions): LinkProposal | { veto: string } {
  const reasons: string[] = [];
  const total = scoreParts(a, b, opts, reasons);
  if (total === VETO) return { veto: reasons[reasons.length - 1]!.replace(/^veto: /, '') };
  return { a: a.rec.id, b: b.rec.id, score: Math.round(total * 100) / 100, reasons };
}

export function scoreVictimPair(a: LinkVictim, b: LinkVictim, opts: VictimLinkOptions = {}): LinkProposal | { veto: string } {
  return score(prepare(a), prepare(b), opts);
}

/**
 * Blocking keys: every pair of phonetic keys of the first four name parts, order-free, so "Muhammad Ahmad
 * al-Hassan" meets "Hassan Muhammad" (a dropped middle name, a reordered list) but not every Muhammad.
 */
function blockKeys(p: Prepared): string[] {
  const keys = [...new Set(p.tokens.slice(0, 4).map(phoneticKey))].sort();
  if (keys.length === 1) return [`1|${keys[0]}`];
  const out: string[] = [];
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) out.push(`${keys[i]}|${keys[j]}`);
  return out;
}

/** Clusters victim records into persons. */
export function linkVictims(records: readonly LinkVictim[], opts: VictimLinkOptions = {}): LinkResult {
  const threshold = opts.threshold ?? DEFAULT_VICTIM_THRESHOLD;
  const prepared = records.map(prepare);
  const index = new Map(prepared.map((p) => [p.rec.id, p]));
  const proposals: LinkProposal[] = [];
  let scored = 0;
  const stats = forEachCandidatePair(
    prepared.length,
    (i) => blockKeys(prepared[i]!),
    (i, j) => {
      scored++;
      const a = prepared[i]!;
      const b = prepared[j]!;
      if (scoreParts(a, b, opts, null) >= threshold) proposals.push(score(a, b, opts) as LinkProposal);
    },
    // In a block of a common name pair, records near in date of death are the likely duplicates.
    { maxBlock: opts.maxBlock ?? 60, window: 20, order: (i) => (Number.isNaN(prepared[i]!.start) ? 0 : prepared[i]!.start) },
  );
  const compatible = (x: string, y: string): string | null => {
    const a = index.get(x);
    const b = index.get(y);
    if (!a || !b) return null;
    if (scoreParts(a, b, opts, null) !== VETO) return null;
    return (score(a, b, opts) as { veto: string }).veto;
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
