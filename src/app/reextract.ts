// Use case: re-extract stored reports — a new extraction beside the old one; the analysts' reviews and link decisions
// carry over to the claims that are the same value in it, and those that cannot are listed as orphaned.
import { MarsadError } from '../domain/errors.js';
import { decodeReportBytes, parseReport } from '../domain/report-file.js';
import { appendAudit } from '../store/audit.js';
import { currentExtractions } from '../store/links.js';
import { carryOver, type CarryOverResult, type OrphanedOnReextract } from './carry-over.js';
import { getReport, insertExtractions, latestVersions, listReportIds, type NewExtraction } from '../store/reports.js';
import { toNewExtraction } from './claims-of.js';
import type { AppDeps } from './deps.js';
import { describe } from './ingest.js';
import { extractionRef, reportRef } from './ids.js';

export interface ReextractInput {
  /** 'all', or the ids of the reports to re-extract. */
  reports: 'all' | number[];
  actor: string;
  /** Re-extract even when the latest extraction already has the current extractor version. */
  force?: boolean;
  batchSize?: number;
  onOutcome?: (o: ReextractOutcome) => void;
}

export type ReextractOutcome =
  | {
      reportId: number;
      status: 'added';
      extractionId: number;
      claimIds: number[];
      /** Reviews and link decisions moved to the successors of the claims they named (the same value, re-read). */
      carried: CarryOverResult['carried'];
      /** Reviews and decisions whose claim has no successor in the new extraction: an analyst must decide again. */
      orphaned: OrphanedOnReextract;
    }
  | { reportId: number; status: 'up_to_date'; version: string }
  | { reportId: number; status: 'failed'; error: string };

export interface ReextractOutput {
  outcomes: ReextractOutcome[];
  added: number;
  upToDate: number;
  failed: number;
}

export async function reextract(deps: AppDeps, input: ReextractInput): Promise<ReextractOutput> {
  const ids = input.reports === 'all' ? await listReportIds(deps.store) : input.reports;
  const size = Math.max(1, input.batchSize ?? 100);
  const outcomes: ReextractOutcome[] = [];
  for (let i = 0; i < ids.length; i += size) {
    for (const o of await reextractBatch(deps, ids.slice(i, i + size), input)) {
      outcomes.push(o);
      input.onOutcome?.(o);
    }
  }
  const count = (s: ReextractOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return { outcomes, added: count('added'), upToDate: count('up_to_date'), failed: count('failed') };
}

async function reextractBatch(deps: AppDeps, ids: readonly number[], input: ReextractInput): Promise<ReextractOutcome[]> {
  const versions = await latestVersions(deps.store, ids);
  const out = new Map<number, ReextractOutcome>();
  const todo: { reportId: number; extraction: NewExtraction }[] = [];
  for (const reportId of ids) {
    const version = versions.get(reportId);
    if (version === deps.extractorVersion && !input.force) {
      out.set(reportId, { reportId, status: 'up_to_date', version });
      continue;
    }
    try {
      todo.push({ reportId, extraction: await extractStored(deps, reportId) });
    } catch (err) {
      out.set(reportId, { reportId, status: 'failed', error: describe(err) });
    }
  }
  if (todo.length) {
    const ctx = { at: deps.now(), actor: input.actor };
    const stored = await deps.store.transaction(async (tx) => {
      // The extraction that counted before this one: the analysts' decisions on its claims carry over to the new claims.
      const before = await currentExtractions(tx, todo.map((t) => t.reportId));
      const s = await insertExtractions(tx, todo, ctx);
      await appendAudit(
        tx,
        s.map((e, k) => ({
          ...ctx,
          action: 'extraction.add',
          entity: 'report',
          entityId: reportRef(e.reportId),
          before: { extractorVersion: versions.get(e.reportId) ?? null },
          after: { extraction: extractionRef(e.extractionId), extractorVersion: todo[k]!.extraction.version, claims: e.claimIds.length },
        })),
      );
      const carried: CarryOverResult[] = [];
      for (const e of s) {
        const from = before.get(e.reportId);
        carried.push(from === undefined ? { successors: {}, carried: { reviews: 0, links: 0, tollLinks: 0 }, orphaned: { reviews: [], decisions: [] } } : await carryOver(tx, e.reportId, from, e.extractionId, ctx));
      }
      return s.map((e, k) => ({ ...e, carry: carried[k]! }));
    });
    for (const s of stored) {
      out.set(s.reportId, { reportId: s.reportId, status: 'added', extractionId: s.extractionId, claimIds: s.claimIds, carried: s.carry.carried, orphaned: s.carry.orphaned });
    }
  }
  return ids.map((id) => out.get(id)!);
}

/** Re-reads the stored bytes; the stored metadata stands in for flags given at ingest to a plain-text report. */
async function extractStored(deps: AppDeps, reportId: number): Promise<NewExtraction> {
  const row = await getReport(deps.store, { id: reportId });
  if (!row) throw new MarsadError('not_found', `no report ${reportRef(reportId)}`);
  const { report } = parseReport(decodeReportBytes(row.bytes), { outlet: row.outlet, url: row.url, published: row.published, language: row.language });
  return toNewExtraction(deps.extract(report), deps.extractorVersion);
}
