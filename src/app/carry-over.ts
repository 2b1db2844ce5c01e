// After a re-extraction: the analysts' review verdicts and link decisions move from the claims of the report's earlier
// extraction to their successors (the same value in the new one), audited as carried over; what has no successor is
// listed as orphaned, never dropped silently.
import { standingDecisions } from '../link/cluster.js';
import { matchSuccessors } from '../link/successors.js';
import { appendAudit, type AuditInput } from '../store/audit.js';
import { claimsOfReport, decideClaim, insertReview, reviewsOfClaims, type ClaimRow, type ReviewAction } from '../store/claims.js';
import { decisionsNaming, insertLinkDecision, insertTollDecision, type LinkDecisionRow, type TollDecisionRow } from '../store/links.js';
import type { Sql } from '../store/store.js';
import { claimRef, extractionRef } from './ids.js';

export interface OrphanedOnReextract {
  /** Reviewed claims of the earlier extraction with no successor: their verdict does not apply to the new one. */
  reviews: { claim: string; status: string; by: string | null }[];
  /** Standing link (merge, split) or toll (attach, detach) decisions naming a claim with no successor. */
  decisions: { kind: 'incident' | 'victim' | 'toll'; decision: number; a: string; b: string; verdict: string; by: string }[];
}

export interface CarryOverResult {
  /** Earlier claim → its successor (claim refs). */
  successors: Record<string, string>;
  carried: { reviews: number; links: number; tollLinks: number };
  orphaned: OrphanedOnReextract;
}

const ACTION: Record<string, ReviewAction> = { confirmed: 'confirm', corrected: 'correct', rejected: 'reject' };

/** The standing decision per pair (the latest; an undo leaves none), unless an earlier re-extraction already carried it. */
function standing<T extends { verdict: string; carried: boolean }>(rows: readonly T[], pair: (r: T) => string): T[] {
  return [...standingDecisions(rows, pair).values()].filter((r) => !r.carried);
}

/**
 * Carries one report's decisions from the claims of `from` (the extraction that counted before) to those of `to` (the
 * one just added), inside the caller's transaction. Reviews are copied with the original reviewer and a comment naming
 * the earlier claim; decisions are copied with their author, time and `carried_from` (the audit entry has the time of
 * the carry). Each copy is audited, signed by `ctx.actor`.
 */
export async function carryOver(tx: Sql, reportId: number, from: number, to: number, ctx: { at: string; actor: string }): Promise<CarryOverResult> {
  const claims = await claimsOfReport(tx, reportId);
  const earlier = claims.filter((c) => c.extraction_id === from);
  const fresh = claims.filter((c) => c.extraction_id === to);
  const next = matchSuccessors(earlier, fresh);
  const byId = new Map(claims.map((c) => [c.id, c]));
  const audit: AuditInput[] = [];
  const result: CarryOverResult = { successors: {}, carried: { reviews: 0, links: 0, tollLinks: 0 }, orphaned: { reviews: [], decisions: [] } };
  for (const [o, n] of next) result.successors[claimRef(o)] = claimRef(n);

  // Review verdicts: the new claim takes the earlier one's status and correction.
  const reviews = await reviewsOfClaims(tx, earlier.map((c) => c.id));
  const lastReview = new Map(reviews.map((r) => [r.claim_id, r]));
  for (const o of earlier) {
    if (o.status === 'proposed') continue;
    const n = next.get(o.id);
    if (n === undefined) {
      result.orphaned.reviews.push({ claim: claimRef(o.id), status: o.status, by: o.decided_by });
      continue;
    }
    const by = o.decided_by ?? ctx.actor;
    await decideClaim(tx, n, { status: o.status as Exclude<ClaimRow['status'], 'proposed'>, corrected: o.corrected, at: ctx.at, by });
    const review = await insertReview(tx, {
      claim_id: n,
      user_name: by,
      action: ACTION[o.status]!,
      comment: `carried over from ${claimRef(o.id)} (${extractionRef(from)} → ${extractionRef(to)})`,
      before: { status: 'proposed' },
      after: { status: o.status, corrected: o.corrected },
      at: ctx.at,
      carried_from: lastReview.get(o.id)?.id ?? null,
    });
    result.carried.reviews++;
    audit.push({ ...ctx, action: 'claim.carry', entity: 'claim', entityId: claimRef(n), before: { claim: claimRef(o.id), status: 'proposed' }, after: { status: o.status, review } });
  }

  // Decisions: a pair naming an earlier claim is decided again on the successors, or orphaned if one has none.
  const { links, tolls } = await decisionsNaming(tx, earlier.map((c) => c.id));
  const mapped = (id: number): number | null => (byId.get(id)?.extraction_id === from ? (next.get(id) ?? null) : id);
  for (const d of standing(links, (r: LinkDecisionRow & { carried: boolean }) => `${r.kind}|${r.a}|${r.b}`)) {
    const a = mapped(d.a);
    const b = mapped(d.b);
    if (a === null || b === null) {
      result.orphaned.decisions.push({ kind: d.kind, decision: d.id, a: claimRef(d.a), b: claimRef(d.b), verdict: d.verdict, by: d.user_name });
      continue;
    }
    const [x, y] = a < b ? [a, b] : [b, a];
    const id = await insertLinkDecision(tx, { kind: d.kind, a: x, b: y, verdict: d.verdict, user_name: d.user_name, at: d.at, comment: d.comment, carried_from: d.id });
    result.carried.links++;
    audit.push({ ...ctx, action: 'link.carry', entity: `${d.kind}_link`, entityId: `${claimRef(x)}/${claimRef(y)}`, before: { decision: d.id, pair: `${claimRef(d.a)}/${claimRef(d.b)}` }, after: { verdict: d.verdict, decision: id } });
  }
  for (const d of standing(tolls, (r: TollDecisionRow & { carried: boolean }) => `${r.toll}|${r.incident}`)) {
    const toll = mapped(d.toll);
    const incident = mapped(d.incident);
    if (toll === null || incident === null) {
      result.orphaned.decisions.push({ kind: 'toll', decision: d.id, a: claimRef(d.toll), b: claimRef(d.incident), verdict: d.verdict, by: d.user_name });
      continue;
    }
    const id = await insertTollDecision(tx, { toll, incident, verdict: d.verdict, user_name: d.user_name, at: d.at, comment: d.comment, carried_from: d.id });
    result.carried.tollLinks++;
    audit.push({ ...ctx, action: 'toll.carry', entity: 'toll_link', entityId: `${claimRef(toll)}/${claimRef(incident)}`, before: { decision: d.id, pair: `${claimRef(d.toll)}/${claimRef(d.incident)}` }, after: { verdict: d.verdict, decision: id } });
  }
  await appendAudit(tx, audit);
  return result;
}
