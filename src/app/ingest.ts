// Use case: ingest reports — store the exact bytes once, extract, and keep the claims as proposed, atomically per report.
import { MarsadError } from '../domain/errors.js';
import { decodeReportBytes, parseReport, type ReportDefaults } from '../domain/report-file.js';
import { appendAudit, type AuditInput } from '../store/audit.js';
import { sha256Hex } from '../store/canonical-json.js';
import { findReportsBySha, insertExtractions, insertReports, type NewExtraction, type NewReport } from '../store/reports.js';
import { toNewExtraction } from './claims-of.js';
import type { AppDeps } from './deps.js';
import { extractionRef, reportRef } from './ids.js';

/** A report's bytes as read, or the reason they could not be read (a missing file still gets a line in the summary). */
export type IngestItem = { source: string; bytes: Uint8Array; defaults?: ReportDefaults } | { source: string; error: string };

export interface IngestInput {
  items: Iterable<IngestItem> | AsyncIterable<IngestItem>;
  actor: string;
  /** Reports written per transaction; one multi-row INSERT per table each. */
  batchSize?: number;
  /** Called once per item, in input order, as soon as its outcome is known (a progress bar, a log line). */
  onOutcome?: (outcome: IngestOutcome) => void;
}

export type IngestOutcome =
  | { source: string; status: 'stored'; sha256: string; reportId: number; extractionId: number; claimIds: number[] }
  | { source: string; status: 'duplicate'; sha256: string; reportId: number }
  | { source: string; status: 'failed'; error: string };

export interface IngestOutput {
  outcomes: IngestOutcome[];
  stored: number;
  duplicates: number;
  failed: number;
}

export const DEFAULT_BATCH = 200;

interface Prepared {
  source: string;
  report: NewReport;
  extraction: NewExtraction;
}

export async function ingestReports(deps: AppDeps, input: IngestInput): Promise<IngestOutput> {
  const outcomes: IngestOutcome[] = [];
  const size = Math.max(1, input.batchSize ?? DEFAULT_BATCH);
  let batch: IngestItem[] = [];
  const flush = async () => {
    for (const o of await ingestBatch(deps, batch, input.actor)) {
      outcomes.push(o);
      input.onOutcome?.(o);
    }
    batch = [];
  };
  for await (const item of input.items) {
    batch.push(item);
    if (batch.length >= size) await flush();
  }
  if (batch.length) await flush();
  const count = (s: IngestOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return { outcomes, stored: count('stored'), duplicates: count('duplicate'), failed: count('failed') };
}

/** One report: the same use case with a batch of one. */
export async function ingestReport(deps: AppDeps, item: IngestItem, actor: string): Promise<IngestOutcome> {
  const { outcomes } = await ingestReports(deps, { items: [item], actor });
  return outcomes[0]!;
}

async function ingestBatch(deps: AppDeps, items: readonly IngestItem[], actor: string): Promise<IngestOutcome[]> {
  const outcomes: (IngestOutcome | null)[] = items.map(() => null);
  const fail = (i: number, error: string) => (outcomes[i] = { source: items[i]!.source, status: 'failed', error });

  // 1. Decode and parse; identical bytes within the batch are one report.
  const parsed = new Map<number, { bytes: Uint8Array; sha256: string; defaults: ReportDefaults | undefined }>();
  const firstOfSha = new Map<string, number>();
  items.forEach((item, i) => {
    if ('error' in item) return fail(i, item.error);
    const sha256 = sha256Hex(item.bytes);
    parsed.set(i, { bytes: item.bytes, sha256, defaults: item.defaults });
    if (!firstOfSha.has(sha256)) firstOfSha.set(sha256, i);
  });

  // 2. Bytes already stored are duplicates: no extraction, no write, no audit entry.
  const existing = await findReportsBySha(deps.store, [...firstOfSha.keys()]);
  const prepared = new Map<number, Prepared>();
  for (const [i, p] of parsed) {
    const known = existing.get(p.sha256);
    if (known !== undefined) {
      outcomes[i] = { source: items[i]!.source, status: 'duplicate', sha256: p.sha256, reportId: known };
      continue;
    }
    if (firstOfSha.get(p.sha256) !== i) continue; // settled after the write, as a duplicate of the first
    try {
      prepared.set(i, prepare(deps, items[i]!.source, p.bytes, p.sha256, p.defaults));
    } catch (err) {
      fail(i, describe(err));
    }
  }

  // 3. Write: the whole batch in one transaction; if that fails, each report alone, so one bad row fails one file.
  const written = await writeAll(deps, prepared, actor).catch(async () => writeOneByOne(deps, prepared, actor));
  for (const [i, result] of written) {
    const p = prepared.get(i)!;
    outcomes[i] =
      'error' in result
        ? { source: p.source, status: 'failed', error: result.error }
        : result.duplicateOf !== undefined
          ? { source: p.source, status: 'duplicate', sha256: p.report.sha256, reportId: result.duplicateOf }
          : { source: p.source, status: 'stored', sha256: p.report.sha256, ...result.stored };
  }

  // 4. Later copies of bytes first seen in this batch.
  const late = await findReportsBySha(deps.store, [...parsed.values()].map((p) => p.sha256));
  for (const [i, p] of parsed) {
    if (outcomes[i]) continue;
    const id = late.get(p.sha256);
    outcomes[i] = id === undefined ? { source: items[i]!.source, status: 'failed', error: 'an identical report earlier in this batch failed' } : { source: items[i]!.source, status: 'duplicate', sha256: p.sha256, reportId: id };
  }
  return outcomes.map((o) => o!);
}

function prepare(deps: AppDeps, source: string, bytes: Uint8Array, sha256: string, defaults: ReportDefaults | undefined): Prepared {
  const { report } = parseReport(decodeReportBytes(bytes), defaults);
  let extraction;
  try {
    extraction = deps.extract(report);
  } catch (err) {
    throw new Error(`extraction failed: ${describe(err)}`);
  }
  return {
    source,
    report: { sha256, bytes, outlet: report.outlet, url: report.url, published: report.published, language: report.language, source },
    extraction: toNewExtraction(extraction, deps.extractorVersion),
  };
}

type WriteResult = { stored: { reportId: number; extractionId: number; claimIds: number[] }; duplicateOf?: undefined } | { duplicateOf: number } | { error: string };

async function writeAll(deps: AppDeps, prepared: Map<number, Prepared>, actor: string): Promise<Map<number, WriteResult>> {
  if (prepared.size === 0) return new Map();
  const ctx = { at: deps.now(), actor };
  return deps.store.transaction(async (tx) => {
    const entries = [...prepared];
    const ids = await insertReports(tx, entries.map(([, p]) => p.report), ctx);
    // Bytes another process stored since step 2: the unique index said so; they are duplicates, not failures.
    const fresh = entries.filter(([, p]) => ids.has(p.report.sha256));
    const stored = await insertExtractions(tx, fresh.map(([, p]) => ({ reportId: ids.get(p.report.sha256)!, extraction: p.extraction })), ctx);
    await appendAudit(tx, fresh.map(([, p], k) => ingestAudit(ctx, p, stored[k]!)));
    const out = new Map<number, WriteResult>();
    fresh.forEach(([i], k) => out.set(i, { stored: stored[k]! }));
    const raced = entries.filter(([, p]) => !ids.has(p.report.sha256));
    const racedIds = await findReportsBySha(tx, raced.map(([, p]) => p.report.sha256));
    for (const [i, p] of raced) out.set(i, { duplicateOf: racedIds.get(p.report.sha256)! });
    return out;
  });
}

async function writeOneByOne(deps: AppDeps, prepared: Map<number, Prepared>, actor: string): Promise<Map<number, WriteResult>> {
  const out = new Map<number, WriteResult>();
  for (const [i, p] of prepared) {
    try {
      const one = await writeAll(deps, new Map([[i, p]]), actor);
      out.set(i, one.get(i)!);
    } catch (err) {
      out.set(i, { error: `not stored: ${describe(err)}` });
    }
  }
  return out;
}

function ingestAudit(ctx: { at: string; actor: string }, p: Prepared, s: { reportId: number; extractionId: number; claimIds: number[] }): AuditInput {
  const r = p.report;
  return {
    ...ctx,
    action: 'report.ingest',
    entity: 'report',
    entityId: reportRef(s.reportId),
    before: null,
    after: {
      sha256: r.sha256,
      size: r.bytes.length,
      outlet: r.outlet,
      url: r.url,
      published: r.published,
      language: r.language,
      source: r.source,
      extraction: extractionRef(s.extractionId),
      extractorVersion: p.extraction.version,
      claims: s.claimIds.length,
    },
  };
}

export function describe(err: unknown): string {
  if (err instanceof MarsadError) return `${err.line ? `line ${err.line}: ` : ''}${err.message} [${err.code}]`;
  return err instanceof Error ? err.message : String(err);
}
