// Use cases: the review queue, and confirming / correcting / rejecting a claim as a named user, audited.
import { MarsadError } from '../domain/errors.js';
import { appendAudit } from '../store/audit.js';
import { countByStatus, decideClaim, getClaim, insertReview, listQueue, reviewsOfClaims, type ClaimStatus, type ReviewAction } from '../store/claims.js';
import { getReport, type ClaimKind } from '../store/reports.js';
import { MAY_REVIEW, requireRole } from './auth.js';
import { applyCorrection } from './correction.js';
import { claimView, safeBody, type ClaimView } from './claim-view.js';
import type { AppDeps } from './deps.js';
import { claimRef } from './ids.js';

export interface QueueInput {
  status?: ClaimStatus;
  kind?: ClaimKind;
  afterId?: number;
  limit?: number;
}

export interface QueueItem extends ClaimView {
  outlet: string;
  published: string;
  extractorVersion: string;
}

export interface QueueOutput {
  items: QueueItem[];
  counts: Record<ClaimStatus, number>;
  /** Pass as `afterId` for the next page; null at the end. */
  next: number | null;
}

export async function listReviewQueue(deps: AppDeps, input: QueueInput = {}): Promise<QueueOutput> {
  const limit = Math.min(Math.max(1, input.limit ?? 50), 500);
  const rows = await listQueue(deps.store, { status: input.status ?? 'proposed', kind: input.kind, afterId: input.afterId, limit });
  const bodies = new Map<number, string | null>();
  for (const id of new Set(rows.map((r) => r.report_id))) {
    const report = await getReport(deps.store, { id });
    bodies.set(id, report ? safeBody(report) : null);
  }
  const items = rows.map((r) => ({ ...claimView(r, bodies.get(r.report_id) ?? null), outlet: r.outlet, published: r.published, extractorVersion: r.extractor_version }));
  return { items, counts: await countByStatus(deps.store), next: rows.length === limit ? rows[rows.length - 1]!.id : null };
}

export interface ReviewInput {
  claimId: number;
  action: ReviewAction;
  user: string;
  comment?: string;
  /** For `correct`: the fields to change, nested ({ fatalities: { best: 12 } }). */
  patch?: Record<string, unknown>;
  /** A claim already decided is decided again only when asked explicitly; the earlier review stays on record. */
  redecide?: boolean;
}

export interface ReviewOutput {
  claim: ClaimView;
  reviewId: number;
  previous: ClaimStatus;
}

const STATUS_OF: Record<ReviewAction, Exclude<ClaimStatus, 'proposed'>> = { confirm: 'confirmed', correct: 'corrected', reject: 'rejected' };

export async function reviewClaim(deps: AppDeps, input: ReviewInput): Promise<ReviewOutput> {
  if (input.action !== 'correct' && input.patch && Object.keys(input.patch).length) {
    throw new MarsadError('invalid_input', `values are given only to correct a claim, not to ${input.action} it`);
  }
  const at = deps.now();
  return deps.store.transaction(async (tx) => {
    await requireRole(tx, input.user, MAY_REVIEW, 'review claims');
    const claim = await getClaim(tx, input.claimId, true);
    if (!claim) throw new MarsadError('not_found', `no claim ${claimRef(input.claimId)}`);
    if (claim.status !== 'proposed' && !input.redecide) {
      throw new MarsadError('conflict', `${claimRef(claim.id)} is already ${claim.status} (by ${claim.decided_by} at ${claim.decided_at}); deciding again must be explicit (--redecide)`);
    }
    let corrected: Record<string, unknown> | null = null;
    if (input.action === 'correct') {
      const result = applyCorrection(claim.kind, claim.data, input.patch ?? {});
      if (!result.ok) throw new MarsadError('invalid_input', `the correction of ${claimRef(claim.id)} is not valid: ${result.issues.map((i) => `${i.path || '(claim)'}: ${i.message}`).join('; ')}`);
      corrected = result.corrected;
    }
    const before = { status: claim.status, corrected: claim.corrected };
    const after = { status: STATUS_OF[input.action], corrected };
    const comment = input.comment?.trim() || null;
    const reviewId = await insertReview(tx, { claim_id: claim.id, user_name: input.user, action: input.action, comment, before, after, at });
    await decideClaim(tx, claim.id, { status: after.status, corrected, at, by: input.user });
    await appendAudit(tx, [{ at, actor: input.user, action: `claim.${input.action}`, entity: 'claim', entityId: claimRef(claim.id), before, after: { ...after, comment, review: reviewId } }]);
    const updated = (await getClaim(tx, claim.id))!;
    const report = await getReport(tx, { id: claim.report_id });
    return { claim: claimView(updated, report ? safeBody(report) : null, await reviewsOfClaims(tx, [claim.id])), reviewId, previous: claim.status };
  });
}
