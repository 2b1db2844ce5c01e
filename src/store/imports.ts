// Imported events (ACLED rows, victims-list rows): which claim stands for which outside key, written in batches inside
// the caller's transaction. A changed event adds a new confirmed claim and rejects the one it supersedes, with reviews.
import { randomBytes } from 'node:crypto';
import { appendAudit, type AuditInput } from './audit.js';
import { sha256Hex } from './canonical-json.js';
import { nextIds } from './rows.js';
import { findReportsBySha, type ClaimKind, type NewReport } from './reports.js';
import type { Sql } from './store.js';

/** Serialises imports across processes: the "is this key imported yet" read and the write happen under it. */
export const IMPORT_LOCK = 7_304_803;

export interface CurrentImport {
  key: string;
  claimId: number;
  reportId: number;
  fingerprint: string;
}

/** The standing (latest) import of each key. */
export async function currentImports(sql: Sql, source: string, keys: readonly string[]): Promise<Map<string, CurrentImport>> {
  if (keys.length === 0) return new Map();
  const rows = await sql.query<{ key: string; claim_id: number; report_id: number; fingerprint: string }>(
    `SELECT DISTINCT ON (key) key, claim_id, report_id, fingerprint FROM imported_events
      WHERE source = $1 AND key = ANY($2::text[]) ORDER BY key, id DESC`,
    [source, [...keys]],
  );
  return new Map(rows.map((r) => [r.key, { key: r.key, claimId: r.claim_id, reportId: r.report_id, fingerprint: r.fingerprint }]));
}

export interface ImportWrite {
  key: string;
  fingerprint: string;
  file: string;
  row: number;
  report: NewReport;
  kind: ClaimKind;
  data: unknown;
  /** The standing import this one supersedes (its claim is rejected, with a review that names the new claim). */
  supersedes: CurrentImport | null;
  /** Which columns changed, for the audit entry of an update. */
  changed?: string[];
}

export interface WriteContext {
  at: string;
  actor: string;
  /** Recorded as the extractor version of the import's extractions, e.g. "import:acled/1". */
  version: string;
}

export interface ImportWritten {
  key: string;
  claimId: number;
  reportId: number;
  reportStored: boolean;
  extractionId: number;
}

/**
 * Writes one batch: reports (bytes already stored are reused), one extraction and one confirmed claim per item, a
 * confirm review each, the imported_events rows, the rejection of superseded claims, and one audit entry per change.
 * Ids are taken from the sequences first so every table is bulk-copied (`copyRows`) rather than inserted row by row.
 */
export async function writeImports(tx: Sql, source: string, items: readonly ImportWrite[], ctx: WriteContext): Promise<ImportWritten[]> {
  if (items.length === 0) return [];
  const bySha = new Map<string, NewReport>();
  for (const it of items) if (!bySha.has(it.report.sha256)) bySha.set(it.report.sha256, it.report);
  const known = await findReportsBySha(tx, [...bySha.keys()]);
  const fresh = await copyReports(tx, [...bySha.values()].filter((r) => !known.has(r.sha256)), ctx);
  const reportId = (sha: string) => fresh.get(sha) ?? known.get(sha)!;
  const firstUse = new Set<string>();

  const extIds = await nextIds(tx, 'extractions', 'id', items.length);
  const claimIds = await nextIds(tx, 'claims', 'id', items.length);
  await tx.copyRows(
    'extractions',
    [{ name: 'id' }, { name: 'report_id' }, { name: 'extractor_version' }, { name: 'warnings', cast: 'jsonb' }, { name: 'created_at' }, { name: 'created_by' }],
    items.map((it, i) => [extIds[i], reportId(it.report.sha256), ctx.version, '[]', ctx.at, ctx.actor]),
  );
  const rules = JSON.stringify([`import.${source}`]);
  await tx.copyRows(
    'claims',
    [
      { name: 'id' }, { name: 'extraction_id' }, { name: 'report_id' }, { name: 'ref' }, { name: 'kind' }, { name: 'status' }, { name: 'data', cast: 'jsonb' },
      { name: 'spans', cast: 'jsonb' }, { name: 'rules', cast: 'jsonb' }, { name: 'created_at' }, { name: 'decided_at' }, { name: 'decided_by' },
    ],
    items.map((it, i) => [claimIds[i], extIds[i], reportId(it.report.sha256), it.key, it.kind, 'confirmed', JSON.stringify(it.data), '[]', rules, ctx.at, ctx.at, ctx.actor]),
  );
  const proposed = JSON.stringify({ status: 'proposed', corrected: null });
  const confirmed = JSON.stringify({ status: 'confirmed', corrected: null });
  const reviews: unknown[][] = items.map((it, i) => [claimIds[i], ctx.actor, 'confirm', `imported from ${it.file}:${it.row}`, proposed, confirmed, ctx.at]);
  const superseded = items.filter((it) => it.supersedes);
  const oldState = new Map<number, { status: string; corrected: unknown }>();
  if (superseded.length) {
    const olds = await tx.query<{ id: number; status: string; corrected: unknown }>('SELECT id, status, corrected FROM claims WHERE id = ANY($1::bigint[]) FOR UPDATE', [superseded.map((it) => it.supersedes!.claimId)]);
    for (const o of olds) oldState.set(o.id, { status: o.status, corrected: o.corrected });
    items.forEach((it, i) => {
      if (!it.supersedes) return;
      const before = oldState.get(it.supersedes.claimId) ?? { status: 'confirmed', corrected: null };
      reviews.push([it.supersedes.claimId, ctx.actor, 'reject', `superseded by c${claimIds[i]}: ${source} ${it.key} changed in ${it.file}:${it.row}`, JSON.stringify(before), JSON.stringify({ status: 'rejected', corrected: null }), ctx.at]);
    });
    await tx.query("UPDATE claims SET status = 'rejected', corrected = NULL, decided_at = $1, decided_by = $2 WHERE id = ANY($3::bigint[])", [ctx.at, ctx.actor, superseded.map((it) => it.supersedes!.claimId)]);
  }
  await tx.copyRows(
    'reviews',
    [{ name: 'claim_id' }, { name: 'user_name' }, { name: 'action' }, { name: 'comment' }, { name: 'before', cast: 'jsonb' }, { name: 'after', cast: 'jsonb' }, { name: 'at' }],
    reviews,
  );
  await tx.copyRows(
    'imported_events',
    [{ name: 'source' }, { name: 'key' }, { name: 'fingerprint' }, { name: 'claim_id' }, { name: 'report_id' }, { name: 'supersedes' }, { name: 'file' }, { name: 'row_number' }, { name: 'imported_at' }, { name: 'imported_by' }],
    items.map((it, i) => [source, it.key, it.fingerprint, claimIds[i], reportId(it.report.sha256), it.supersedes?.claimId ?? null, it.file, it.row, ctx.at, ctx.actor]),
  );

  const out: ImportWritten[] = [];
  const audit: AuditInput[] = [];
  items.forEach((it, i) => {
    const sha = it.report.sha256;
    const reportStored = fresh.has(sha) && !firstUse.has(sha);
    firstUse.add(sha);
    const w = { key: it.key, claimId: claimIds[i]!, reportId: reportId(sha), reportStored, extractionId: extIds[i]! };
    out.push(w);
    const after = {
      source, key: it.key, fingerprint: it.fingerprint, claim: `c${w.claimId}`, status: 'confirmed', report: `r${w.reportId}`, reportStored,
      sha256: sha, extraction: `x${w.extractionId}`, file: it.file, row: it.row,
      ...(reportStored ? { outlet: it.report.outlet, published: it.report.published, size: it.report.bytes.length } : {}),
    };
    if (it.supersedes) {
      const before = { claim: `c${it.supersedes.claimId}`, fingerprint: it.supersedes.fingerprint, ...oldState.get(it.supersedes.claimId) };
      audit.push({ at: ctx.at, actor: ctx.actor, action: `import.${source}.update`, entity: 'claim', entityId: `c${w.claimId}`, before, after: { ...after, supersedes: `c${it.supersedes.claimId}`, changed: it.changed ?? [] } });
    } else {
      audit.push({ at: ctx.at, actor: ctx.actor, action: `import.${source}.create`, entity: 'claim', entityId: `c${w.claimId}`, before: null, after });
    }
  });
  await appendAudit(tx, audit);
  return out;
}

/**
 * Stores reports whose bytes the caller found absent, with ids taken beforehand, and returns sha256 → id. Imports run
 * under IMPORT_LOCK; a concurrent ingest of the very same bytes in between makes the batch fail on the unique sha256
 * (nothing half-written: the batch rolls back) and the import can simply be run again.
 */
async function copyReports(tx: Sql, reports: readonly NewReport[], ctx: { at: string; actor: string }): Promise<Map<string, number>> {
  const ids = await nextIds(tx, 'reports', 'id', reports.length);
  await tx.copyRows(
    'reports',
    [{ name: 'id' }, { name: 'sha256' }, { name: 'bytes', cast: 'bytea' }, { name: 'size' }, { name: 'outlet' }, { name: 'url' }, { name: 'published' }, { name: 'language' }, { name: 'source' }, { name: 'ingested_at' }, { name: 'ingested_by' }],
    reports.map((r, i) => [ids[i], r.sha256, r.bytes, r.bytes.length, r.outlet, r.url, r.published, r.language, r.source, ctx.at, ctx.actor]),
  );
  return new Map(reports.map((r, i) => [r.sha256, ids[i]!]));
}

/** The user that signs an import's reviews; created (audited) on first use. No one holds a token for it. */
export async function ensureSystemUser(tx: Sql, name: string, at: string, by: string): Promise<boolean> {
  const rows = await tx.query<{ name: string }>(
    "INSERT INTO users (name, role, token_hash, created_at, created_by) VALUES ($1, 'analyst', $2, $3, $4) ON CONFLICT (name) DO NOTHING RETURNING name",
    [name, sha256Hex(randomBytes(32)), at, by],
  );
  if (rows.length === 0) return false;
  await appendAudit(tx, [{ at, actor: by, action: 'user.add', entity: 'user', entityId: name, before: null, after: { name, role: 'analyst', system: true } }]);
  return true;
}

/** Imports big enough to change the shape of the tables refresh the planner's statistics (see refreshImportStatistics). */
export const ANALYZE_AFTER_ROWS = 10_000;

/**
 * Updates the planner's statistics of the tables an import fills. PGlite runs no autovacuum, so without this a store
 * filled by a bulk import keeps the statistics of an empty one and plans later queries (review queue, tallies) as if
 * the tables were tiny. ANALYZE reads a bounded sample (30,000 rows a table): seconds, not growing with the tables. The audit log is
 * left out: it is only ever read by its key.
 */
export async function refreshImportStatistics(sql: Sql): Promise<void> {
  await sql.exec('ANALYZE reports, extractions, claims, reviews, imported_events');
}
