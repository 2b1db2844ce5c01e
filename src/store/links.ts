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
  /** The decision this one was copied from when a re-extraction carried it to the claims' successors (migration 5). */
  carried_from?: number | null;
}

export async function insertLinkDecision(tx: Sql, d: Omit<LinkDecisionRow, 'id'>): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    'INSERT INTO link_decisions (kind, a, b, verdict, user_name, at, comment, carried_from) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id',
    [d.kind, d.a, d.b, d.verdict, d.user_name, d.at, d.comment, d.carried_from ?? null],
  );
  return row!.id;
}

/** Serialises attach / detach decisions on tolls across processes, as LINK_LOCK does for link pairs. */
export const TOLL_LOCK = 7_304_841;

export type TollVerdictRow = 'attach' | 'detach' | 'undo';

/** An analyst's attach or detach of an incident claim to a toll claim (append-only, the latest per pair wins). */
export interface TollDecisionRow {
  id: number;
  toll: number;
  incident: number;
  verdict: TollVerdictRow;
  user_name: string;
  at: string;
  comment: string | null;
  carried_from: number | null;
}

export async function insertTollDecision(tx: Sql, d: Omit<TollDecisionRow, 'id' | 'carried_from'> & { carried_from?: number | null }): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    'INSERT INTO toll_decisions (toll, incident, verdict, user_name, at, comment, carried_from) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
    [d.toll, d.incident, d.verdict, d.user_name, d.at, d.comment, d.carried_from ?? null],
  );
  return row!.id;
}

/** Every toll decision, oldest first (replayed in that order). */
export async function listTollDecisions(sql: Sql): Promise<TollDecisionRow[]> {
  return sql.query<TollDecisionRow>('SELECT * FROM toll_decisions ORDER BY id');
}

export async function tollDecisionsOfPair(sql: Sql, toll: number, incident: number): Promise<TollDecisionRow[]> {
  return sql.query<TollDecisionRow>('SELECT * FROM toll_decisions WHERE toll = $1 AND incident = $2 ORDER BY id', [toll, incident]);
}

/**
 * Link and toll decisions naming any of these claims, oldest first: what a re-extraction has to carry over. `carried`
 * says a decision was already copied to successors by an earlier re-extraction (the copy stands for it now).
 */
export async function decisionsNaming(sql: Sql, claimIds: readonly number[]): Promise<{ links: (LinkDecisionRow & { carried: boolean })[]; tolls: (TollDecisionRow & { carried: boolean })[] }> {
  if (claimIds.length === 0) return { links: [], tolls: [] };
  const ids = [[...claimIds]];
  // A decision names the pair; the whole history of each pair is read so the standing verdict can be worked out.
  const [links, tolls] = await Promise.all([
    sql.query<LinkDecisionRow & { carried: boolean }>(
      `SELECT d.*, EXISTS (SELECT 1 FROM link_decisions x WHERE x.carried_from = d.id) AS carried FROM link_decisions d
        WHERE (d.kind, d.a, d.b) IN (SELECT kind, a, b FROM link_decisions WHERE a = ANY($1::bigint[]) OR b = ANY($1::bigint[]))
        ORDER BY d.id`,
      ids,
    ),
    sql.query<TollDecisionRow & { carried: boolean }>(
      `SELECT d.*, EXISTS (SELECT 1 FROM toll_decisions x WHERE x.carried_from = d.id) AS carried FROM toll_decisions d
        WHERE (d.toll, d.incident) IN (SELECT toll, incident FROM toll_decisions WHERE toll = ANY($1::bigint[]) OR incident = ANY($1::bigint[]))
        ORDER BY d.id`,
      ids,
    ),
  ]);
  return { links, tolls };
}

/** Of these claims, those that are not in their report's latest extraction (a decision on them may be left behind). */
export async function claimsBehindLatest(sql: Sql, claimIds: readonly number[]): Promise<{ id: number; report_id: number; kind: ClaimKind }[]> {
  if (claimIds.length === 0) return [];
  return sql.query<{ id: number; report_id: number; kind: ClaimKind }>(
    `SELECT c.id, c.report_id, c.kind FROM claims c
      WHERE c.id = ANY($1::bigint[]) AND c.extraction_id <> (SELECT max(e.id) FROM extractions e WHERE e.report_id = c.report_id)
      ORDER BY c.id`,
    [[...claimIds]],
  );
}

/**
 * With `SELECT DISTINCT ON (e.report_id) … FROM extractions e`, picks the extraction that counts for each report: the
 * latest one anybody reviewed a claim of, else the latest. The one definition of a report's current extraction.
 */
const CURRENT_EXTRACTION_FIRST = `e.report_id, EXISTS (SELECT 1 FROM claims d WHERE d.extraction_id = e.id AND d.status <> 'proposed') DESC, e.id DESC`;

/** The extraction that counts for each report (see `currentClaims`), read before a re-extraction adds a newer one. */
export async function currentExtractions(sql: Sql, reportIds: readonly number[]): Promise<Map<number, number>> {
  if (reportIds.length === 0) return new Map();
  const rows = await sql.query<{ report_id: number; id: number }>(
    `SELECT DISTINCT ON (e.report_id) e.report_id, e.id
       FROM extractions e
      WHERE e.report_id = ANY($1::bigint[])
      ORDER BY ${CURRENT_EXTRACTION_FIRST}`,
    [[...reportIds]],
  );
  return new Map(rows.map((r) => [r.report_id, r.id]));
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
        ORDER BY ${CURRENT_EXTRACTION_FIRST}
     )
     SELECT c.id, c.report_id, c.extraction_id, c.ref, c.kind, c.status, coalesce(c.corrected, c.data) AS current, r.outlet, r.published
       FROM claims c JOIN cur ON cur.id = c.extraction_id JOIN reports r ON r.id = c.report_id
      WHERE c.kind = ANY($1::text[])
      ORDER BY c.id`,
    [[...kinds]],
  );
}

/** What a scoped read keeps: each condition given narrows, and the claims' current values (correction first) are tested. */
export interface ClaimScope {
  kinds: readonly ClaimKind[];
  statuses: readonly ClaimStatus[];
  /** The claim's date range overlaps [from, to] (either end open); undated claims are left out. */
  overlaps?: { from?: string; to?: string };
  /** The claim's date range lies inside [from, to] (either end open); undated claims are left out. */
  within?: { from?: string; to?: string };
  /** The claim's places share one of these terms (see migration 4, `marsad_place_terms`). */
  terms?: readonly string[];
  /** Or-ed with the conditions above: undated claims too. */
  orUndated?: boolean;
  /** Only these claims (the conditions above are ignored). */
  ids?: readonly number[];
  /** Or-ed with the conditions above: these claims are kept whatever their date and place. */
  alsoIds?: readonly number[];
  /** Or-ed too: every claim of these extractions (victims tied to an incident read). */
  alsoExtractions?: readonly number[];
  /** And-ed with everything above: leave these claims out (a caller that has read them already). */
  exceptIds?: readonly number[];
}

export interface ScopedClaimRow extends LinkableClaimRow {
  /** Victims: the id of the incident claim of the same extraction the victim names, if any. */
  incident_claim: number | null;
}

const CUR = `coalesce(c.corrected, c.data)`;

/**
 * The claims of each report's current extraction (as `currentClaims`) that a scope selects, by claim id. The date and
 * place conditions use the indexes of migration 4; the current extraction is worked out only for the reports read.
 */
export async function scopedClaims(sql: Sql, scope: ClaimScope): Promise<ScopedClaimRow[]> {
  const params: unknown[] = [[...scope.kinds], [...scope.statuses]];
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const conds: string[] = [];
  if (scope.overlaps?.from) conds.push(`${CUR}->'date'->>'end' >= ${p(scope.overlaps.from)}`);
  if (scope.overlaps?.to) conds.push(`${CUR}->'date'->>'start' <= ${p(scope.overlaps.to)}`);
  if (scope.overlaps) conds.push(`${CUR}->'date'->>'start' IS NOT NULL`);
  if (scope.within?.from) conds.push(`${CUR}->'date'->>'start' >= ${p(scope.within.from)}`);
  if (scope.within?.to) conds.push(`${CUR}->'date'->>'end' <= ${p(scope.within.to)}`);
  if (scope.within) conds.push(`${CUR}->'date'->>'start' IS NOT NULL`);
  if (scope.terms) conds.push(`marsad_place_terms(${CUR}) && ${p([...scope.terms])}::text[]`);
  const ors = scope.ids ? [`c.id = ANY(${p([...scope.ids])}::bigint[])`] : [conds.length ? `(${conds.join(' AND ')})` : 'true'];
  if (scope.orUndated) ors.push(`coalesce(${CUR}->'date', 'null'::jsonb) IN ('null'::jsonb, 'false'::jsonb, '0'::jsonb, '""'::jsonb)`);
  if (scope.alsoIds?.length) ors.push(`c.id = ANY(${p([...scope.alsoIds])}::bigint[])`);
  if (scope.alsoExtractions?.length) ors.push(`c.extraction_id = ANY(${p([...scope.alsoExtractions])}::bigint[])`);
  const except = scope.exceptIds?.length ? ` AND NOT (c.id = ANY(${p([...scope.exceptIds])}::bigint[]))` : '';
  return sql.query<ScopedClaimRow>(
    `WITH cand AS (
       SELECT c.* FROM claims c WHERE c.kind = ANY($1::text[]) AND c.status = ANY($2::text[]) AND (${ors.join(' OR ')})${except}
     ),
     cur AS (
       SELECT DISTINCT ON (e.report_id) e.id
         FROM extractions e
        WHERE e.report_id IN (SELECT DISTINCT report_id FROM cand)
        ORDER BY ${CURRENT_EXTRACTION_FIRST}
     )
     -- No marsad_place_terms(...) here: the PL/pgSQL function would run again for every row returned (the index holds
     -- its values but cannot return them), which tripled the time of a 10k-row read.
     SELECT c.id, c.report_id, c.extraction_id, c.ref, c.kind, c.status, ${CUR} AS current, r.outlet, r.published,
            CASE WHEN c.kind = 'victim' THEN
              (SELECT i.id FROM claims i WHERE i.extraction_id = c.extraction_id AND i.kind = 'incident' AND i.ref = ${CUR}->>'incident')
            END AS incident_claim
       FROM cand c JOIN cur ON cur.id = c.extraction_id JOIN reports r ON r.id = c.report_id
      ORDER BY c.id`,
    params,
  );
}

/** How many claims of each kind and status the reports' current extractions hold (the tally's "what was read"). */
export async function countCurrentClaims(sql: Sql): Promise<{ kind: ClaimKind; status: ClaimStatus; n: number; undated: number }[]> {
  const rows = await sql.query<{ kind: ClaimKind; status: ClaimStatus; n: number | string; undated: number | string }>(
    `WITH cur AS (
       SELECT DISTINCT ON (e.report_id) e.id
         FROM extractions e
        ORDER BY ${CURRENT_EXTRACTION_FIRST}
     )
     SELECT c.kind, c.status, count(*) AS n, 0 AS undated FROM claims c JOIN cur ON cur.id = c.extraction_id GROUP BY c.kind, c.status
     UNION ALL
     -- Undated incidents (the date index finds the candidates; the value test is the tally's: no date object).
     SELECT c.kind, c.status, 0, count(*)
       FROM claims c JOIN cur ON cur.id = c.extraction_id
      WHERE c.kind = 'incident' AND ${CUR}->'date'->>'start' IS NULL
        AND coalesce(${CUR}->'date', 'null'::jsonb) IN ('null'::jsonb, 'false'::jsonb, '0'::jsonb, '""'::jsonb)
      GROUP BY c.kind, c.status`,
  );
  const out = new Map<string, { kind: ClaimKind; status: ClaimStatus; n: number; undated: number }>();
  for (const r of rows) {
    const k = `${r.kind}|${r.status}`;
    const o = out.get(k) ?? { kind: r.kind, status: r.status, n: 0, undated: 0 };
    o.n += Number(r.n);
    o.undated += Number(r.undated);
    out.set(k, o);
  }
  return [...out.values()];
}

/** The incident claims any toll decision names (attached or detached): few, read whatever the scope. */
export async function tollDecidedIncidentIds(sql: Sql): Promise<number[]> {
  const rows = await sql.query<{ id: number }>('SELECT DISTINCT incident AS id FROM toll_decisions');
  return rows.map((r) => Number(r.id));
}

/** The claims any decision of a kind names (merged, split or undone): few, read whatever the scope. */
export async function decidedClaimIds(sql: Sql, kind: LinkKind): Promise<number[]> {
  const rows = await sql.query<{ id: number }>('SELECT a AS id FROM link_decisions WHERE kind = $1 UNION SELECT b FROM link_decisions WHERE kind = $1', [kind]);
  return rows.map((r) => Number(r.id));
}
