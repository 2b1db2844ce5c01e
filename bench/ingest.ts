// Ingest throughput (reports/s) and database size per 1,000 reports, for PGlite and (when installed) PostgreSQL.
// Part of `npm run bench` (bench name: ingest); MARSAD_BENCH_INGEST_N sets the count (default 10,000 synthetic reports).
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestReports } from '../src/app/ingest.js';
import { extractorVersion } from '../src/app/extractor-version.js';
import { decodeReportBytes, parseReport } from '../src/domain/report-file.js';
import type { Extraction, Report } from '../src/domain/types.js';
import { extract } from '../src/extract/index.js';
import { sha256Hex } from '../src/store/canonical-json.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { findPostgresBin, startPostgres } from '../test/support/postgres.js';
import { packageRoot, registerBench, type BenchRow } from './registry.js';

const N = Number(process.env.MARSAD_BENCH_INGEST_N ?? 10_000);
const DEV = process.env.MARSAD_DEV_DIR ?? join(packageRoot, '..', 'shared', 'eval', 'dev');
const BATCH = 200;

/** Varies every number and the published day so each synthetic report has its own bytes (and SHA-256). */
function synthesise(texts: string[], n: number): Buffer[] {
  return Array.from({ length: n }, (_, i) => {
    const t = texts[i % texts.length]!;
    const cut = t.indexOf('\n\n');
    const header = t.slice(0, cut).replace(/^published: (\d{4})-(\d{2})-\d{2}$/m, (_m, y: string, mo: string) => `published: ${y}-${mo}-${String(1 + (i % 28)).padStart(2, '0')}`);
    const body = t.slice(cut).replace(/\b\d{1,3}\b/g, (d) => String(Number(d) + (i % 97)));
    return Buffer.from(`${header}${body}\n[synthetic ${i}]\n`, 'utf8');
  });
}

async function measure(name: string, store: Store, inputs: Buffer[], extractions: Map<string, Extraction>, size: () => Promise<number>): Promise<BenchRow[]> {
  const version = await extractorVersion();
  // Extraction is timed apart: this measures what storage costs per report.
  const deps = { store, extractorVersion: version, now: () => new Date().toISOString(), extract: (r: Report) => extractions.get(r.body)! };
  const t0 = performance.now();
  const out = await ingestReports(deps, { items: inputs.map((bytes, i) => ({ source: `s${i}`, bytes })), actor: 'bench', batchSize: BATCH });
  const s = (performance.now() - t0) / 1000;
  const claims = (await store.query<{ n: number }>('SELECT count(*) AS n FROM claims'))[0]!.n;
  const bytes = await size();
  const t1 = performance.now();
  const again = await ingestReports(deps, { items: inputs.map((bytes, i) => ({ source: `s${i}`, bytes })), actor: 'bench', batchSize: BATCH });
  const s2 = (performance.now() - t1) / 1000;
  return [
    { metric: `${name}: ingest (${out.stored} stored, ${out.failed} failed, ${claims} claims)`, value: `${Math.round(out.stored / s)} reports/s` },
    { metric: `${name}: re-ingest of the same bytes (${again.duplicates} duplicates)`, value: `${Math.round(again.duplicates / s2)} reports/s` },
    { metric: `${name}: database size per 1,000 reports`, value: `${((bytes / out.stored) * 1000 / 1024 / 1024).toFixed(2)} MB` },
  ];
}

function duBytes(dir: string): number {
  return Number(execFileSync('du', ['-sb', dir]).toString().split('\t')[0]);
}

async function run(): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const files = (await readdir(DEV)).filter((f) => f.endsWith('.txt')).sort();
  const texts = await Promise.all(files.map((f) => readFile(join(DEV, f), 'utf8')));
  const inputs = synthesise(texts, N);
  notes.push(`${N} synthetic reports from ${files.length} dev texts, ${(inputs.reduce((a, b) => a + b.length, 0) / 1024 / 1024).toFixed(1)} MB, batches of ${BATCH}`);

  const t0 = performance.now();
  const extractions = new Map<string, Extraction>();
  for (const bytes of inputs) {
    const { report } = parseReport(decodeReportBytes(bytes));
    if (!extractions.has(report.body)) extractions.set(report.body, extract(report));
  }
  const ex = (performance.now() - t0) / 1000;
  notes.push(`extraction alone: ${Math.round(extractions.size / ex)} distinct reports/s (${ex.toFixed(1)} s; not included in the ingest rates)`);
  notes.push(`distinct SHA-256: ${new Set(inputs.map((b) => sha256Hex(b))).size}`);

  const dir = await mkdtemp(join(tmpdir(), 'marsad-bench-'));
  try {
    const store = await openStore({ dataDir: dir });
    const base = duBytes(dir);
    rows.push(...await measure('pglite', store, inputs, extractions, async () => {
      await store.exec('CHECKPOINT');
      return duBytes(dir) - base;
    }));
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  if (!(await findPostgresBin())) {
    notes.push('postgres skipped: PostgreSQL is not installed (apt-get install -y postgresql)');
    return { rows, notes };
  }
  const server = await startPostgres();
  try {
    const store = await openStore({ databaseUrl: await server.createDatabase('bench') });
    const base = (await store.query<{ n: number }>('SELECT pg_database_size(current_database()) AS n'))[0]!.n;
    rows.push(...await measure('postgres', store, inputs, extractions, async () => (await store.query<{ n: number }>('SELECT pg_database_size(current_database()) AS n'))[0]!.n - base));
    notes.push('the throwaway PostgreSQL server runs with fsync=off: its rates are optimistic');
    await store.close();
  } finally {
    await server.stop();
  }
  return { rows, notes };
}

registerBench({ name: 'ingest', title: `ingest into the store (${N} synthetic reports)`, run });
