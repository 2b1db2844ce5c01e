// The bench registry: each bench module registers itself on import, and bench/index.ts runs whatever is registered.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One line of a bench's table: a measured value, and the target it is judged against when there is one. */
export interface BenchRow {
  metric: string;
  value: string;
  target?: string;
  /** true = meets the target, false = misses it, undefined = no target. Printed, never asserted. */
  ok?: boolean;
}

export interface BenchResult {
  rows: BenchRow[];
  /** Context printed under the table: corpus composition, what was skipped and why. */
  notes: string[];
}

export interface BenchOptions {
  /** The package root (where package.json and dist/ are). */
  root: string;
  /** Minimum MB of text a throughput bench processes in its measured phase. */
  targetMB: number;
  /** How many times start-up style benches spawn a process. */
  spawnRuns: number;
  /** Progress lines go here (stderr), so stdout carries only the tables. */
  log: (line: string) => void;
}

export interface Bench {
  name: string;
  title: string;
  run(opts: BenchOptions): Promise<BenchResult>;
}

const benches: Bench[] = [];

/** Adds a bench; call it at the top level of a bench module, then import that module from bench/index.ts. */
export function registerBench(bench: Bench): void {
  if (benches.some((b) => b.name === bench.name)) throw new Error(`bench "${bench.name}" is registered twice`);
  benches.push(bench);
}

export function registeredBenches(): readonly Bench[] {
  return benches;
}

export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Renders a result as an aligned plain-text table. */
export function renderTable(bench: Bench, result: BenchResult): string {
  const head = { metric: 'metric', value: 'value', target: 'target' };
  const rows = result.rows.map((r) => ({
    metric: r.metric,
    value: r.value,
    target: r.target === undefined ? '' : `${r.target}${r.ok === undefined ? '' : r.ok ? '  ok' : '  MISSED'}`,
  }));
  const w = (k: keyof typeof head) => Math.max(head[k].length, ...rows.map((r) => r[k].length));
  const [wm, wv] = [w('metric'), w('value')];
  const line = (r: typeof head) => `  ${r.metric.padEnd(wm)}  ${r.value.padStart(wv)}  ${r.target}`.trimEnd();
  const rule = `  ${'-'.repeat(wm)}  ${'-'.repeat(wv)}  ${'-'.repeat(w('target'))}`;
  return [`${bench.name} — ${bench.title}`, line(head), rule, ...rows.map(line), ...result.notes.map((n) => `  · ${n}`)].join('\n');
}

export const fmt = {
  mb: (bytes: number) => (bytes < 1e5 ? `${(bytes / 1e3).toFixed(0)} KB` : `${(bytes / 1e6).toFixed(1)} MB`),
  rate: (n: number, unit: string) => `${n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2)} ${unit}`,
  ms: (ms: number) => `${ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)} ms`,
  int: (n: number) => Math.round(n).toLocaleString('en-US'),
};
