// `marsad ingest FILE... | DIR | -`: stores reports byte-exact, extracts, keeps the claims as proposed; a summary at the end.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import type { AppDeps } from '../app/deps.js';
import { ingestReports, type IngestItem, type IngestOutcome } from '../app/ingest.js';
import { reportRef } from '../app/ids.js';
import { MAX_REPORT_BYTES, reportTooLarge, type ReportDefaults } from '../domain/report-file.js';
import { describeError } from './read-input.js';
import { addStoreOptions, localActor, withDeps, type StoreOptions } from './store-option.js';

interface IngestOptions extends StoreOptions {
  published?: string;
  outlet?: string;
  url?: string;
  language?: string;
  user?: string;
  ext: string;
  batch: string;
  json?: boolean;
}

export function registerIngest(program: Command): void {
  addStoreOptions(
    program
      .command('ingest')
      .description('store report files (byte-exact, SHA-256), extract them, and queue the claims for review')
      .argument('<inputs...>', 'report files, directories (searched recursively) or "-" for standard input')
      .option('--published <date>', 'published date (YYYY-MM-DD) for plain-text input')
      .option('--outlet <name>', 'outlet for plain-text input')
      .option('--url <url>', 'url for plain-text input')
      .option('--language <code>', 'language of plain-text input (default en)')
      .option('--user <name>', 'who ingests, for the audit log (default: the local account)')
      .option('--ext <list>', 'file extensions taken from directories', 'txt')
      .option('--batch <n>', 'reports written per transaction', '200')
      .option('--json', 'print one JSON line per input and a JSON summary'),
  ).action(async (inputs: string[], opts: IngestOptions) => {
    process.exitCode = await withDeps(opts, (deps) => runIngest(deps, inputs, opts));
  });
}

async function runIngest(deps: AppDeps, inputs: string[], opts: IngestOptions): Promise<number> {
  const defaults: ReportDefaults = { published: opts.published, outlet: opts.outlet, url: opts.url, language: opts.language };
  const exts = opts.ext.split(',').map((e) => `.${e.replace(/^\./, '')}`);
  const sources = await expandInputs(inputs, exts);
  // A bar only for a person watching a terminal and a batch worth watching; logs and pipes get one line per file.
  const bar = process.stderr.isTTY && !opts.json && sources.length > 1 ? new SingleBar({ format: 'ingest {bar} {value}/{total} {eta_formatted} left' }, Presets.shades_classic) : null;
  bar?.start(sources.length, 0);
  const onOutcome = (o: IngestOutcome) => {
    bar?.increment();
    if (opts.json) process.stdout.write(JSON.stringify(o) + '\n');
    // Under a bar, failures are listed after it, so the bar is not torn by interleaved lines.
    else if (!bar) process.stdout.write(formatOutcome(o) + '\n');
  };
  const result = await ingestReports(deps, { items: readItems(sources, defaults), actor: opts.user ?? localActor(), batchSize: Number(opts.batch) || 200, onOutcome });
  bar?.stop();
  const summary = { stored: result.stored, duplicates: result.duplicates, failed: result.failed };
  if (opts.json) process.stdout.write(JSON.stringify({ summary }) + '\n');
  else {
    process.stdout.write(`stored ${summary.stored}, duplicates ${summary.duplicates}, failed ${summary.failed}\n`);
    if (bar && result.failed) for (const o of result.outcomes) if (o.status === 'failed') process.stdout.write(`  ${o.source}: ${o.error}\n`);
  }
  return result.failed > 0 ? 1 : 0;
}

function formatOutcome(o: IngestOutcome): string {
  if (o.status === 'stored') return `stored     ${reportRef(o.reportId)}  ${o.source}  (${o.claimIds.length} claims proposed)`;
  if (o.status === 'duplicate') return `duplicate  ${reportRef(o.reportId)}  ${o.source}  (same bytes already stored; unchanged)`;
  return `failed     ${o.source}: ${o.error}`;
}

/** Files as given; directories walked recursively for the given extensions, in a stable (sorted) order. */
async function expandInputs(inputs: string[], exts: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      out.push(input);
      continue;
    }
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) out.push(...(await walk(input, exts)));
    else out.push(input); // a missing file fails in readItems, with its reason in the summary
  }
  return out;
}

async function walk(dir: string, exts: string[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(path, exts)));
    else if (e.isFile() && exts.some((x) => e.name.endsWith(x))) files.push(path);
  }
  return files;
}

/** Reads lazily so a batch of 100,000 files never sits in memory at once. */
async function* readItems(sources: string[], defaults: ReportDefaults): AsyncGenerator<IngestItem> {
  for (const source of sources) {
    try {
      yield { source, bytes: await readBytes(source), defaults };
    } catch (err) {
      yield { source, error: describeError(err) };
    }
  }
}

async function readBytes(source: string): Promise<Uint8Array> {
  if (source === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      if (size > MAX_REPORT_BYTES) throw reportTooLarge(size, true);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }
  const info = await stat(source);
  if (info.isDirectory()) throw new Error('is a directory');
  if (info.size > MAX_REPORT_BYTES) throw reportTooLarge(info.size);
  return readFile(source);
}
