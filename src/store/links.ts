// Link decisions (append-only) and the claims linking and tallies read: the SQL behind `marsad link` and `marsad tally`.
import type { ClaimStatus } from './claims.js';
import type { ClaimKind } from './reports.js';
import type { Sql } from './store.js';

export type LinkKind = 'incident' | 'victim';
export type LinkVerdict = 'merge' | 'split' | 'undo';

/** Serialises decisions on link pairs across processes (checked, then written, in one transaction). */
export const LINK_LOCK = 7_304_840;

export interface LinkDecisionRow {
  id: number;
  kind: LinkKind;
  /** Claim ids, a < b. */
  a: number;
  b: number;
  verdict: LinkVerdict;
  user_name: string;
  at: string;
  comment: string | null;
}

export async function insertLinkDecision(tx: Sql, d: Omit<LinkDecisionRow, 'id'>): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    'INSERT INTO link_decisions (kind, a, b, verdict, user_name, at, comment) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
    [d.kind, d.a, d.b, d.verdict, d.user_name, d.at, d.comment],
  );
  return row!.id;
}

/** Every decision of a kind, oldest first (the order in which they are replayed: the latest per pair wins). */
export async function listLinkDecisions(sql: Sql, kind: LinkKind): Promise<LinkDecisionRow[]> {
  return sql.query<LinkDecisionRow>('SELECT * FROM link_decisions WHERE kind = $1 ORDER BY id', [kind]);
}

export async function decisionsOfPair(sql: Sql, kind: LinkKind, a: number, b: number): Promise<LinkDecisionRow[]> {
  return sql.query<LinkDecisionRow>('SELECT * FROM link_decisions WHERE kind = $1 AND a = $2 AND b = $3 ORDER BY id', [kind, a, b]);
}

export interface LinkableClaimRow {
  id: number;
  report_id: number;
  extraction_id: number;
  ref: string;
  kind: ClaimKind;
  status: ClaimStatus;
  /** The values that count: the correction when there is one, else the proposal. */
  current: Record<string, unknown>;
  outlet: string;
  published: string;
}

/**
 * The claims of each report's current extraction: the latest one anybody reviewed a claim of, else the latest. A
 * re-extraction thus never doubles a report's incidents beside the reviewed ones, and an unreviewed report shows
 * its newest reading. Every status is returned; the caller chooses (rejected claims never count).
 */
export async function currentClaims(sql: Sql, kinds: readonly ClaimKind[]): Promise<LinkableClaimRow[]> {
  return sql.query<LinkableClaimRow>(
    `WITH cur AS (
       SELECT DISTINCT ON (e.report_id) e.id
         FROM extractions e
        ORDER BY e.report_id,
                 EXISTS (SELECT 1 FROM claims d WHERE d.extraction_id = e.id AND d.status <> 'proposed') DESC,
                 e.id DESC
     )
     SELECT c.id, c.report_id, c.extraction_id, c.ref, c.kind, c.status, coalesce(c.corrected, c.data) AS current, r.outlet, r.published
       FROM claims c JOIN cur ON cur.id = c.extraction_id JOIN reports r ON r.id = c.report_id
      WHERE c.kind = ANY($1::text[])
      ORDER BY c.id`,
    [[...kinds]],
  );
}
