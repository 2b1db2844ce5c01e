// Reports, their extractions and proposed claims: the SQL behind ingest and re-extraction (batched, caller's transaction).
import { insertRows } from './rows.js';
import type { Sql } from './store.js';

export type ClaimKind = 'incident' | 'toll' | 'victim';

export interface NewClaim {
  /** The claim's id within its extraction ("i1"). */
  ref: string;
  kind: ClaimKind;
  data: unknown;
  spans: unknown;
  rules: unknown;
}

export interface NewExtraction {
  version: string;
  warnings: unknown;
  claims: NewClaim[];
}

export interface NewReport {
  sha256: string;
  bytes: Uint8Array;
  outlet: string;
  url: string;
  published: string;
  language: string;
  source: string | null;
}

export interface WriteContext {
  at: string;
  actor: string;
}

export interface StoredExtraction {
  reportId: number;
  extractionId: number;
  claimIds: number[];
}

export interface ReportRow {
  id: number;
  sha256: string;
  bytes: Uint8Array;
  size: number;
  outlet: string;
  url: string;
  published: string;
  language: string;
  source: string | null;
  ingested_at: string;
  ingested_by: string;
}

export interface ExtractionRow {
  id: number;
  report_id: number;
  extractor_version: string;
  warnings: unknown;
  created_at: string;
  created_by: string;
}

/**
 * Inserts the reports whose bytes are not stored yet and returns a map sha256 → new id. Reports already there (or
 * inserted concurrently by another process) are skipped by the UNIQUE constraint, not by a prior read.
 */
export async function insertReports(tx: Sql, reports: readonly NewReport[], ctx: WriteContext): Promise<Map<string, number>> {
  const rows = await insertRows<{ id: number; sha256: string }>(
    tx,
    'reports',
    [{ name: 'sha256' }, { name: 'bytes', cast: 'bytea' }, { name: 'size' }, { name: 'outlet' }, { name: 'url' }, { name: 'published' }, { name: 'language' }, { name: 'source' }, { name: 'ingested_at' }, { name: 'ingested_by' }],
    reports.map((r) => [r.sha256, r.bytes, r.bytes.length, r.outlet, r.url, r.published, r.language, r.source, ctx.at, ctx.actor]),
    'ON CONFLICT (sha256) DO NOTHING RETURNING id, sha256',
  );
  return new Map(rows.map((r) => [r.sha256, r.id]));
}

/** Adds one extraction per item with its claims, all proposed. */
export async function insertExtractions(
  tx: Sql,
  items: readonly { reportId: number; extraction: NewExtraction }[],
  ctx: WriteContext,
): Promise<StoredExtraction[]> {
  if (items.length === 0) return [];
  const ext = await insertRows<{ id: number; report_id: number }>(
    tx,
    'extractions',
    [{ name: 'report_id' }, { name: 'extractor_version' }, { name: 'warnings', cast: 'jsonb' }, { name: 'created_at' }, { name: 'created_by' }],
    items.map((it) => [it.reportId, it.extraction.version, JSON.stringify(it.extraction.warnings ?? []), ctx.at, ctx.actor]),
    'RETURNING id, report_id',
  );
  const claimRows: unknown[][] = [];
  items.forEach((it, i) => {
    const extractionId = ext[i]!.id;
    for (const c of it.extraction.claims) {
      claimRows.push([extractionId, it.reportId, c.ref, c.kind, JSON.stringify(c.data), JSON.stringify(c.spans ?? []), JSON.stringify(c.rules ?? []), ctx.at]);
    }
  });
  const claims = await insertRows<{ id: number; extraction_id: number }>(
    tx,
    'claims',
    [{ name: 'extraction_id' }, { name: 'report_id' }, { name: 'ref' }, { name: 'kind' }, { name: 'data', cast: 'jsonb' }, { name: 'spans', cast: 'jsonb' }, { name: 'rules', cast: 'jsonb' }, { name: 'created_at' }],
    claimRows,
    'RETURNING id, extraction_id',
  );
  const byExtraction = new Map<number, number[]>();
  for (const c of claims) byExtraction.set(c.extraction_id, [...(byExtraction.get(c.extraction_id) ?? []), c.id]);
  return items.map((it, i) => {
    const extractionId = ext[i]!.id;
    return { reportId: it.reportId, extractionId, claimIds: (byExtraction.get(extractionId) ?? []).sort((a, b) => a - b) };
  });
}

export async function findReportsBySha(sql: Sql, shas: readonly string[]): Promise<Map<string, number>> {
  if (shas.length === 0) return new Map();
  const rows = await sql.query<{ id: number; sha256: string }>('SELECT id, sha256 FROM reports WHERE sha256 = ANY($1::text[])', [[...shas]]);
  return new Map(rows.map((r) => [r.sha256, r.id]));
}

/** A report by id, or by a unique sha256 prefix (8+ hex digits). */
export async function getReport(sql: Sql, ref: { id: number } | { shaPrefix: string }): Promise<ReportRow | null> {
  const rows =
    'id' in ref
      ? await sql.query<ReportRow>('SELECT * FROM reports WHERE id = $1', [ref.id])
      : await sql.query<ReportRow>("SELECT * FROM reports WHERE sha256 LIKE $1 || '%' ORDER BY id LIMIT 2", [ref.shaPrefix]);
  return rows.length === 1 ? rows[0]! : null;
}

export async function listReportIds(sql: Sql): Promise<number[]> {
  const rows = await sql.query<{ id: number }>('SELECT id FROM reports ORDER BY id');
  return rows.map((r) => r.id);
}

export async function listExtractions(sql: Sql, reportId: number): Promise<ExtractionRow[]> {
  return sql.query<ExtractionRow>('SELECT * FROM extractions WHERE report_id = $1 ORDER BY id', [reportId]);
}

/** The extractor version of each report's latest extraction. */
export async function latestVersions(sql: Sql, reportIds: readonly number[]): Promise<Map<number, string>> {
  if (reportIds.length === 0) return new Map();
  const rows = await sql.query<{ report_id: number; extractor_version: string }>(
    `SELECT DISTINCT ON (report_id) report_id, extractor_version FROM extractions
      WHERE report_id = ANY($1::bigint[]) ORDER BY report_id, id DESC`,
    [[...reportIds]],
  );
  return new Map(rows.map((r) => [r.report_id, r.extractor_version]));
}
