// Claims and their reviews: reading the queue, recording a decision (the caller's transaction holds the row lock).
import { insertRows } from './rows.js';
import type { Sql } from './store.js';
import type { ClaimKind } from './reports.js';

export type ClaimStatus = 'proposed' | 'confirmed' | 'corrected' | 'rejected';
export type ReviewAction = 'confirm' | 'correct' | 'reject';

export interface ClaimRow {
  id: number;
  extraction_id: number;
  report_id: number;
  ref: string;
  kind: ClaimKind;
  status: ClaimStatus;
  data: Record<string, unknown>;
  corrected: Record<string, unknown> | null;
  spans: { start: number; end: number }[];
  rules: string[];
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
}

export interface ReviewRow {
  id: number;
  claim_id: number;
  user_name: string;
  action: ReviewAction;
  comment: string | null;
  before: unknown;
  after: unknown;
  at: string;
  /** The review this one copies onto a claim's successor after a re-extraction (migration 5). */
  carried_from?: number | null;
}

/** `forUpdate` locks the row until the transaction ends, so two reviewers cannot both decide from the same state. */
export async function getClaim(sql: Sql, id: number, forUpdate = false): Promise<ClaimRow | null> {
  const rows = await sql.query<ClaimRow>(`SELECT * FROM claims WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function claimsOfReport(sql: Sql, reportId: number): Promise<ClaimRow[]> {
  return sql.query<ClaimRow>('SELECT * FROM claims WHERE report_id = $1 ORDER BY extraction_id, id', [reportId]);
}

export interface QueueFilter {
  status: ClaimStatus;
  kind?: ClaimKind;
  /** Keyset pagination: claims with an id above this one. */
  afterId?: number;
  limit: number;
}

export interface QueueRow extends ClaimRow {
  outlet: string;
  published: string;
  extractor_version: string;
}

/** The oldest claims first, with the report's outlet and date for context. */
export async function listQueue(sql: Sql, f: QueueFilter): Promise<QueueRow[]> {
  return sql.query<QueueRow>(
    `SELECT c.*, r.outlet, r.published, e.extractor_version
       FROM claims c JOIN reports r ON r.id = c.report_id JOIN extractions e ON e.id = c.extraction_id
      WHERE c.status = $1 AND ($2::text IS NULL OR c.kind = $2) AND c.id > $3
      ORDER BY c.id LIMIT $4`,
    [f.status, f.kind ?? null, f.afterId ?? 0, f.limit],
  );
}

export async function countByStatus(sql: Sql): Promise<Record<ClaimStatus, number>> {
  const rows = await sql.query<{ status: ClaimStatus; n: number }>('SELECT status, count(*) AS n FROM claims GROUP BY status');
  const out: Record<ClaimStatus, number> = { proposed: 0, confirmed: 0, corrected: 0, rejected: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export interface Decision {
  status: Exclude<ClaimStatus, 'proposed'>;
  corrected: unknown;
  at: string;
  by: string;
}

export async function decideClaim(tx: Sql, id: number, d: Decision): Promise<void> {
  await tx.query('UPDATE claims SET status = $2, corrected = $3::text::jsonb, decided_at = $4, decided_by = $5 WHERE id = $1', [
    id,
    d.status,
    d.corrected === null || d.corrected === undefined ? null : JSON.stringify(d.corrected),
    d.at,
    d.by,
  ]);
}

export async function insertReview(tx: Sql, r: Omit<ReviewRow, 'id'>): Promise<number> {
  const [row] = await insertRows<{ id: number }>(
    tx,
    'reviews',
    [{ name: 'claim_id' }, { name: 'user_name' }, { name: 'action' }, { name: 'comment' }, { name: 'before', cast: 'jsonb' }, { name: 'after', cast: 'jsonb' }, { name: 'at' }, { name: 'carried_from', cast: 'bigint' }],
    [[r.claim_id, r.user_name, r.action, r.comment, JSON.stringify(r.before), JSON.stringify(r.after), r.at, r.carried_from ?? null]],
    'RETURNING id',
  );
  return row!.id;
}

export async function reviewsOfClaims(sql: Sql, claimIds: readonly number[]): Promise<ReviewRow[]> {
  if (claimIds.length === 0) return [];
  return sql.query<ReviewRow>('SELECT * FROM reviews WHERE claim_id = ANY($1::bigint[]) ORDER BY id', [[...claimIds]]);
}
