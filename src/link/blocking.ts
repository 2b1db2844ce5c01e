// Candidate pairs from blocking keys: records meet only when they share a key, so cost grows with block sizes, not n².
import { dayNumber } from '../domain/days.js';
import type { DayRange } from '../domain/types.js';

export interface BlockingOptions {
  /** Blocks larger than this are not compared all-pairs but by a sorted neighbourhood of `window` records. */
  maxBlock?: number;
  window?: number;
  /** Sort key inside oversized blocks (a day number, a name): neighbours in it are the likely matches. */
  order?: (i: number) => number | string;
  /**
   * Keys starting with "~" only pair records when at least one of them is flagged: a province block where a
   * province-level report must meet every town report, while town reports meet each other in finer grid blocks.
   */
  flagged?: (i: number) => boolean;
  /** Only pairs with at least one record this holds for are emitted (and counted): the rest are not even checked. */
  touching?: (i: number) => boolean;
}

export interface BlockingStats {
  blocks: number;
  candidatePairs: number;
  oversizedBlocks: number;
}

/**
 * Calls `onPair(i, j)` (i < j) once for every pair of records that share at least one key. Keys are
 * strings chosen by the caller; a record may have many (every week its date range touches, every
 * admin unit of its places).
 */
export function forEachCandidatePair(
  n: number,
  keysOf: (i: number) => Iterable<string>,
  onPair: (i: number, j: number) => void,
  opts: BlockingOptions = {},
): BlockingStats {
  const maxBlock = opts.maxBlock ?? 400;
  const window = opts.window ?? 40;
  const keyIds = new Map<string, number>();
  const blocks: number[][] = [];
  // Each record's blocks as ascending ids: a pair met in several blocks is emitted only in the first one
  // they share, which needs no set of seen pairs (that set dominated time and memory at 100k records).
  const recBlocks: Int32Array[] = new Array(n);
  const tmp: number[] = [];
  for (let i = 0; i < n; i++) {
    tmp.length = 0;
    for (const k of keysOf(i)) {
      let id = keyIds.get(k);
      if (id === undefined) {
        id = blocks.length;
        keyIds.set(k, id);
        blocks.push([]);
      }
      const b = blocks[id]!;
      if (b[b.length - 1] !== i) {
        b.push(i);
        tmp.push(id);
      }
    }
    recBlocks[i] = Int32Array.from(tmp).sort();
  }
  const oversized = new Uint8Array(blocks.length);
  for (let b = 0; b < blocks.length; b++) if (blocks[b]!.length > maxBlock) oversized[b] = 1;
  const restricted = new Uint8Array(blocks.length);
  const flagged = opts.flagged;
  if (flagged) for (const [k, id] of keyIds) if (k.startsWith('~')) restricted[id] = 1;
  const flags = new Uint8Array(n);
  if (flagged) for (let i = 0; i < n; i++) flags[i] = flagged(i) ? 1 : 0;
  const touching = opts.touching;
  const touched = new Uint8Array(n).fill(touching ? 0 : 1);
  if (touching) for (let i = 0; i < n; i++) touched[i] = touching(i) ? 1 : 0;
  /**
   * The first block (by id, below `below`) both records are in and that compares them all-pairs; -1 if none. With
   * `below` = a block they share, it tells whether the pair was already emitted in an earlier block.
   */
  const firstShared = (i: number, j: number, below = Infinity): number => {
    const x = recBlocks[i]!;
    const y = recBlocks[j]!;
    const either = flags[i]! | flags[j]!;
    let a = 0;
    let c = 0;
    while (a < x.length && c < y.length) {
      const u = x[a]!;
      const v = y[c]!;
      if (u >= below || v >= below) return -1;
      if (u === v) {
        if (!oversized[u] && (either || !restricted[u])) return u;
        a++;
        c++;
      } else if (u < v) a++;
      else c++;
    }
    return -1;
  };
  const sharedBefore = (i: number, j: number, id: number): boolean => firstShared(i, j, id) !== -1;
  let candidatePairs = 0;
  let oversizedBlocks = 0;
  const seenInOversized = new Set<number>();
  for (let id = 0; id < blocks.length; id++) {
    const b = blocks[id]!;
    if (b.length < 2) continue;
    if (!oversized[id] && restricted[id]) {
      // Only pairs with a flagged record: walk the flagged ones against all, not all against all.
      for (let x = 0; x < b.length; x++) {
        if (!flags[b[x]!]) continue;
        for (let y = 0; y < b.length; y++) {
          if (y === x || (flags[b[y]!] && y < x)) continue;
          const i = Math.min(b[x]!, b[y]!);
          const j = Math.max(b[x]!, b[y]!);
          if (!(touched[i]! | touched[j]!) || sharedBefore(i, j, id)) continue;
          candidatePairs++;
          onPair(i, j);
        }
      }
      continue;
    }
    if (!oversized[id]) {
      for (let x = 0; x < b.length; x++) {
        for (let y = x + 1; y < b.length; y++) {
          if (!(touched[b[x]!]! | touched[b[y]!]!) || sharedBefore(b[x]!, b[y]!, id)) continue;
          candidatePairs++;
          onPair(b[x]!, b[y]!);
        }
      }
      continue;
    }
    oversizedBlocks++;
    const order = opts.order;
    const sorted = order ? [...b].sort((x, y) => cmp(order(x), order(y))) : b;
    for (let x = 0; x < sorted.length; x++) {
      const end = Math.min(sorted.length, x + 1 + window);
      for (let y = x + 1; y < end; y++) {
        const i = Math.min(sorted[x]!, sorted[y]!);
        const j = Math.max(sorted[x]!, sorted[y]!);
        if (!(touched[i]! | touched[j]!)) continue;
        // Pairs that also share an ordinary block are compared there.
        if (firstShared(i, j) !== -1) continue;
        if (restricted[id] && !(flags[i]! | flags[j]!)) continue;
        const k = i * n + j;
        if (seenInOversized.has(k)) continue;
        seenInOversized.add(k);
        candidatePairs++;
        onPair(i, j);
      }
    }
  }
  return { blocks: blocks.length, candidatePairs, oversizedBlocks };
}

const cmp = (a: number | string, b: number | string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Time buckets of `days` days touched by a range widened by `slackDays`: two records whose dates are within
 * the slack always share one. 7 gives Monday-based weeks; the incident linker uses 3-day buckets, since a
 * week of a busy province (Donetsk, Gaza) holds hundreds of reports and all-pairs inside it grows as n².
 */
export function timeBuckets(range: DayRange | [number, number], slackDays: number, days = 7, maxBuckets = 25): number[] {
  const start = (Array.isArray(range) ? range[0] : dayNumber(range.start)) - slackDays;
  const end = (Array.isArray(range) ? range[1] : dayNumber(range.end)) + slackDays;
  // Day 0 (1970-01-01) was a Thursday; +3 makes 7-day buckets start on Monday.
  const w0 = Math.floor((start + 3) / days);
  const w1 = Math.min(Math.floor((end + 3) / days), w0 + maxBuckets - 1);
  const out: number[] = [];
  for (let w = w0; w <= w1; w++) out.push(w);
  return out;
}

/**
 * Grid cells for a coordinate: four overlapping grids shifted by half a cell on each axis, so two points
 * closer than half a cell on both axes always share a cell, whichever side of a border they fall.
 */
export function gridCells(lat: number, lon: number, cellDeg: number): string[] {
  const out: string[] = [];
  for (const dy of [0, 0.5]) {
    for (const dx of [0, 0.5]) {
      out.push(`${dy}${dx}:${Math.floor(lat / cellDeg + dy)},${Math.floor(lon / cellDeg + dx)}`);
    }
  }
  return out;
}
