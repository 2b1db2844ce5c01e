// Import and export throughput of synthetic ACLED rows (rows/s) and peak RSS, showing that memory stays bounded.
// Part of `npm run bench` (bench name: io). MARSAD_BENCH_IO_ROWS sets the rows (default 100,000; the target
// is 1,000,000: MARSAD_BENCH_IO_ROWS=1000000). Rows are generated streaming to a temp file; PGlite in a data directory.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { exportRecords } from '../src/app/export.js';
import { importAcled } from '../src/app/import-acled.js';
import { openStore } from '../src/store/open.js';
import { synthHeader, synthLine } from '../test/support/acled-synth.js';
import { fmt, registerBench, type BenchOptions, type BenchRow } from './registry.js';

const N = Number(process.env.MARSAD_BENCH_IO_ROWS ?? 100_000);
const TARGET = 1_000_000;

async function generate(path: string, n: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(synthHeader('2020'));
  for (let i = 0; i < n; i++) await write(synthLine(i, '2020'));
  out.end();
  await once(out, 'finish');
}

/**
 * Samples RSS every 50 ms while `fn` runs; returns the peak, the wall time and the CPU time of this process (user +
 * system). On a shared machine the wall time depends on the other load; the CPU time much less.
 */
async function peakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peak: number; seconds: number; cpuSeconds: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    const value = await fn();
    const cpu = process.cpuUsage(cpu0);
    return { value, peak: Math.max(peak, process.memoryUsage.rss()), seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

async function run(opts: BenchOptions): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'marsad-bench-io-'));
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  try {
    const csv = join(dir, 'acled.csv');
    const gen = await peakRss(() => generate(csv, N));
    notes.push(`${fmt.int(N)} synthetic ACLED rows (2020 layout), ${fmt.mb((await stat(csv)).size)}, generated streaming in ${gen.seconds.toFixed(1)} s`);
    const store = await openStore({ dataDir: join(dir, 'data') });
    const deps = { store, extract: () => { throw new Error('no extraction in imports'); }, extractorVersion: 'bench', now: () => new Date().toISOString() };
    // A 1M run takes many minutes: progress and each result go to stderr as they come, the table prints at the end.
    const t0 = performance.now();
    const onProgress = (done: number) => {
      if (done % 100_000 === 0) opts.log(`io: ${fmt.int(done)} rows written, ${fmt.rate(done / ((performance.now() - t0) / 1000), 'rows/s')} since the start, RSS ${fmt.mb(process.memoryUsage.rss())}`);
    };
    // The JS heap at the end of validation (after a GC when --expose-gc is on): what the key check keeps per row,
    // apart from PGlite's WASM heap, which dominates RSS.
    let validatedHeap = 0;
    const onValidated = (read: number) => {
      if (read < N) return;
      (globalThis as { gc?: () => void }).gc?.();
      validatedHeap = process.memoryUsage().heapUsed;
    };
    const imp = await peakRss(() => importAcled(deps, { file: csv, actor: 'bench', onProgress, onValidated }));
    opts.log(`io: import ${fmt.int(N)} rows in ${imp.seconds.toFixed(0)} s (CPU ${imp.cpuSeconds.toFixed(0)} s), peak RSS ${fmt.mb(imp.peak)}, JS heap after validation ${fmt.mb(validatedHeap)}`);
    if (imp.value.created !== N) throw new Error(`imported ${imp.value.created} of ${N}: ${imp.value.problems[0]?.text ?? ''}`);
    rows.push({ metric: `import acled (validate + write, ${fmt.int(N)} rows)`, value: `${fmt.rate(N / imp.seconds, 'rows/s')}, ${(imp.seconds / 60).toFixed(1)} min (CPU ${(imp.cpuSeconds / 60).toFixed(1)} min)`, target: N >= TARGET ? '< 10 min' : undefined, ok: N >= TARGET ? imp.seconds < 600 : undefined });
    const again = await peakRss(() => importAcled(deps, { file: csv, actor: 'bench' }));
    opts.log(`io: re-import in ${again.seconds.toFixed(0)} s (CPU ${again.cpuSeconds.toFixed(0)} s), peak RSS ${fmt.mb(again.peak)}`);
    rows.push({ metric: `re-import of the same file (${fmt.int(again.value.unchanged)} unchanged)`, value: `${fmt.rate(N / again.seconds, 'rows/s')}, ${(again.seconds / 60).toFixed(1)} min (CPU ${(again.cpuSeconds / 60).toFixed(1)} min)` });
    const sink = () => new Writable({ write: (_c, _e, cb) => cb() });
    const peaks = [imp.peak, again.peak];
    for (const format of ['acled', 'ucdp', 'geojson', 'csv', 'json'] as const) {
      const exp = await peakRss(() => exportRecords(deps, { format, out: sink() }));
      peaks.push(exp.peak);
      opts.log(`io: export ${format}: ${fmt.int(exp.value.rows)} rows in ${exp.seconds.toFixed(0)} s (CPU ${exp.cpuSeconds.toFixed(0)} s), peak RSS ${fmt.mb(exp.peak)}`);
      const what = format === 'json' ? `${fmt.int(exp.value.rows)} rows of all tables` : format === 'ucdp' ? `${fmt.int(exp.value.rows)} rows, ${fmt.int(exp.value.notExportable)} not UCDP events` : `${fmt.int(exp.value.rows)} rows`;
      rows.push({ metric: `export --format ${format} (${what})`, value: `${fmt.rate(exp.value.rows / exp.seconds, 'rows/s')}, ${exp.seconds.toFixed(0)} s (CPU ${exp.cpuSeconds.toFixed(0)} s)` });
      rows.push({ metric: `  peak RSS during export ${format}`, value: fmt.mb(exp.peak) });
    }
    rows.splice(1, 0, { metric: '  peak RSS during the import', value: fmt.mb(imp.peak) }, { metric: '  JS heap used at the end of validation', value: fmt.mb(validatedHeap) });
    rows.splice(4, 0, { metric: '  peak RSS during the re-import', value: fmt.mb(again.peak) });
    const peak = Math.max(...peaks);
    rows.push({ metric: 'peak RSS during import and export', value: fmt.mb(peak), target: '< 1 GB', ok: peak < 1024 ** 3 });
    if (N < TARGET) {
      const perRow = imp.seconds / N;
      rows.push({ metric: `EXTRAPOLATED import of ${fmt.int(TARGET)} rows (linear, not measured)`, value: `${((perRow * TARGET) / 60).toFixed(1)} min` });
      notes.push(`measured ${fmt.int(N)} rows; run the real 1M: MARSAD_BENCH_IO_ROWS=1000000 npm run bench -- io`);
    }
    notes.push('each row writes a report, an extraction, a confirmed claim, a review, an imported_events row and an audit entry');
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { rows, notes };
}

registerBench({ name: 'io', title: `ACLED import / export (${N.toLocaleString('en-US')} synthetic rows, PGlite)`, run });
