// Extraction bench: throughput (MB/s, reports/s) in steady state, peak memory, CLI start-up, and chrono-node alone on the same text.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { extract } from '../src/extract/index.js';
import type { Report } from '../src/domain/types.js';
import { buildCorpus, defaultPaths, loadAcledNotes, loadDevReports, utf8Bytes } from './corpus.js';
import { fmt, registerBench, type BenchRow } from './registry.js';

const TARGET_MB_PER_S = 2;
const TARGET_STARTUP_MS = 1000;
const WARMUP_MIN_MS = 2000;
const EXAMPLE = 'examples/founding-latakia.txt';

interface Pass {
  seconds: number;
  cpuSeconds: number;
  peakRss: number;
  peakHeap: number;
  /** Keeps the work observable so nothing is optimised away. */
  sink: number;
  bySource: Map<string, { seconds: number; bytes: number; reports: number }>;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Runs `work` over every report once, timing the whole pass and sampling memory every few reports. */
function pass(reports: Report[], work: (r: Report) => number, sourceOf?: (r: Report) => string): Pass {
  gc();
  let peakRss = 0;
  let peakHeap = 0;
  let sink = 0;
  const bySource = new Map<string, { seconds: number; bytes: number; reports: number }>();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i]!;
    if (sourceOf) {
      const s0 = process.hrtime.bigint();
      sink += work(r);
      const key = sourceOf(r);
      const acc = bySource.get(key) ?? { seconds: 0, bytes: 0, reports: 0 };
      acc.seconds += Number(process.hrtime.bigint() - s0) / 1e9;
      acc.bytes += utf8Bytes(r.body);
      acc.reports++;
      bySource.set(key, acc);
    } else sink += work(r);
    if ((i & 31) === 0) {
      const m = process.memoryUsage();
      if (m.rss > peakRss) peakRss = m.rss;
      if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const m = process.memoryUsage();
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRss: Math.max(peakRss, m.rss), peakHeap: Math.max(peakHeap, m.heapUsed), sink, bySource };
}

/** Repeats passes over the unique reports until the JIT and the lazy indexes have settled. */
function warmUp(reports: Report[], work: (r: Report) => number): number {
  const t0 = Date.now();
  let passes = 0;
  do {
    for (const r of reports) work(r);
    passes++;
  } while (Date.now() - t0 < WARMUP_MIN_MS && passes < 10);
  return passes;
}

const runExtract = (r: Report): number => {
  const x = extract(r);
  return x.incidents.length + x.tolls.length + x.victims.length;
};

function runChrono(r: Report): number {
  const ref = { instant: new Date(`${r.published}T12:00:00Z`), timezone: 'UTC' };
  return chrono.casual.parse(r.body, ref).length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

registerBench({
  name: 'extract',
  title: 'extraction throughput, memory and start-up (one core)',
  async run({ root, targetMB, spawnRuns, log }) {
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    const load = (): string => loadavg()[0]!.toFixed(1);
    const loadBefore = load();
    const paths = defaultPaths(root);
    const sources = [loadDevReports(paths.devDir), loadAcledNotes(paths.acledCsv)];
    for (const s of sources) if (s.skipped) notes.push(`${s.name} skipped: ${s.skipped}`);
    const corpus = buildCorpus(sources, targetMB * 1e6);
    const sourceByReport = new Map<Report, string>();
    for (const s of sources) for (const r of s.reports) sourceByReport.set(r, s.name);
    notes.unshift(
      `corpus: ${sources
        .filter((s) => !s.skipped)
        .map((s) => `${s.name} ${fmt.int(s.reports.length)} reports (${fmt.mb(s.bytes)})`)
        .join(' + ')} repeated ×${corpus.repeats} → ${fmt.mb(corpus.bytes)}, ${fmt.int(corpus.reports.length)} reports`,
    );

    // Cold: the first call pays for loading the lexicons and the gazetteer index.
    const c0 = process.hrtime.bigint();
    runExtract(corpus.unique[0]!);
    const coldMs = Number(process.hrtime.bigint() - c0) / 1e6;

    log(`extract: warming up over ${fmt.int(corpus.unique.length)} reports…`);
    const warm = warmUp(corpus.unique, runExtract);
    log(`extract: measuring ${fmt.mb(corpus.bytes)} (${warm} warm-up pass${warm > 1 ? 'es' : ''})…`);
    const ours = pass(corpus.reports, runExtract, (r) => sourceByReport.get(r) ?? '?');
    // The process high-water mark, taken before chrono runs so it is ours alone.
    const maxRss = process.resourceUsage().maxRSS * 1024;

    log('chrono: warming up…');
    warmUp(corpus.unique, runChrono);
    log(`chrono: measuring ${fmt.mb(corpus.bytes)}…`);
    const base = pass(corpus.reports, runChrono);

    const oursMBs = corpus.bytes / 1e6 / ours.seconds;
    const chronoMBs = corpus.bytes / 1e6 / base.seconds;
    rows.push(
      { metric: 'marsad extract, steady state', value: fmt.rate(oursMBs, 'MB/s'), target: `≥ ${TARGET_MB_PER_S} MB/s`, ok: oursMBs >= TARGET_MB_PER_S },
      { metric: 'marsad extract, reports', value: fmt.rate(corpus.reports.length / ours.seconds, 'reports/s') },
    );
    for (const [name, s] of ours.bySource) {
      rows.push({ metric: `  on ${name}`, value: `${fmt.rate(s.bytes / 1e6 / s.seconds, 'MB/s')} · ${fmt.int(s.reports / s.seconds)}/s` });
    }
    // Per CPU-second figures stay meaningful when other processes share the cores (wall time then overstates the cost).
    const oursCpuMBs = corpus.bytes / 1e6 / ours.cpuSeconds;
    const chronoCpuMBs = corpus.bytes / 1e6 / base.cpuSeconds;
    rows.push(
      { metric: 'marsad extract, wall / cpu time', value: `${ours.seconds.toFixed(2)} s / ${ours.cpuSeconds.toFixed(2)} s` },
      { metric: 'marsad extract, per cpu-second', value: fmt.rate(oursCpuMBs, 'MB/s') },
      { metric: 'chrono-node alone (casual.parse)', value: fmt.rate(chronoMBs, 'MB/s') },
      { metric: 'chrono-node alone, per cpu-second', value: fmt.rate(chronoCpuMBs, 'MB/s') },
      { metric: 'ratio marsad / chrono-node (wall, cpu)', value: `${(oursMBs / chronoMBs).toFixed(2)}×, ${(oursCpuMBs / chronoCpuMBs).toFixed(2)}×` },
      { metric: 'first extract() call (loads indexes)', value: fmt.ms(coldMs) },
      { metric: 'peak RSS (process high-water)', value: fmt.mb(maxRss) },
      { metric: 'peak RSS during the measured pass', value: fmt.mb(ours.peakRss) },
      { metric: 'peak heapUsed during the measured pass', value: fmt.mb(ours.peakHeap) },
    );
    if ((globalThis as { gc?: unknown }).gc === undefined) notes.push('run with node --expose-gc for a clean heap before each pass');

    // Start-up: the whole CLI on the founding example, as a user runs it.
    const cli = join(root, 'dist/cli.js');
    if (!existsSync(cli)) notes.push('start-up skipped: dist/cli.js not found (run npm run build)');
    else if (spawnRuns > 0) {
      log(`start-up: spawning the CLI ${spawnRuns}×…`);
      const times: number[] = [];
      for (let i = 0; i < spawnRuns; i++) {
        const t0 = process.hrtime.bigint();
        const r = spawnSync(process.execPath, [cli, 'extract', EXAMPLE, '--json'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (r.status !== 0) notes.push(`start-up run ${i + 1} exited ${r.status}: ${r.stderr.toString().trim().split('\n')[0]}`);
      }
      const med = median(times);
      rows.push({
        metric: `start-up: extract ${EXAMPLE.split('/').pop()} --json (median of ${spawnRuns})`,
        value: fmt.ms(med),
        target: `< ${TARGET_STARTUP_MS} ms`,
        ok: med < TARGET_STARTUP_MS,
      });
      notes.push(`start-up runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    }
    const cores = availableParallelism();
    notes.push(`load average ${loadBefore} before, ${load()} after, on ${cores} core${cores > 1 ? 's' : ''}${Number(loadBefore) > cores * 0.75 ? ': the machine was busy, trust the per cpu-second rows over wall time' : ''}`);
    notes.push(`checksum ${ours.sink}/${base.sink} (claims found / chrono results; keeps the work observable)`);
    return { rows, notes };
  },
});
