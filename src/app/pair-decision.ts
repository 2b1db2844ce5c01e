import { MarsadError } from '../domain/errors.js';
import { appendAudit } from '../store/audit.js';
import type { Sql } from '../store/store.js';

/** What an analyst decides about a pair (merge/split two claims, attach/detach an incident to a toll), before it is written. */
export interface PairDecision<V extends string> {
  verdict: V | 'undo';
  /** The decision standing for the pair now (an undo never stands), if any. */
  standing: { verdict: V; by?: string; at?: string } | undefined;
  /** For the refusals: what an undo would take back ("merge or split of c1 and c2") and what is already so ("c1 and c2 are already merged"). */
  undoes: string;
  already: string;
  user: string;
  at: string;
  comment: string | undefined;
  /** Writes the decision row and returns its id. */
  insert: (comment: string | null) => Promise<number>;
  audit: { action: string; entity: string; entityId: string };
}

/**
 * The one way a pair decision is recorded: refused when it would change nothing (an undo with nothing standing, the
 * standing verdict again), else appended, never edited, with its audit row in the caller's transaction.
 */
export async function appendPairDecision<V extends string>(tx: Sql, d: PairDecision<V>): Promise<{ id: number; previous: V | null }> {
  const previous = d.standing?.verdict ?? null;
  if (d.verdict === 'undo' && previous === null) throw new MarsadError('conflict', `nothing to undo: no standing ${d.undoes}`);
  if (d.verdict !== 'undo' && previous === d.verdict) {
    throw new MarsadError('conflict', `${d.already} (by ${d.standing!.by} at ${d.standing!.at}); undo it first to decide again`);
  }
  const comment = d.comment?.trim() || null;
  const id = await d.insert(comment);
  await appendAudit(tx, [
    {
      at: d.at,
      actor: d.user,
      action: d.audit.action,
      entity: d.audit.entity,
      entityId: d.audit.entityId,
      before: { verdict: previous },
      after: { verdict: d.verdict === 'undo' ? null : d.verdict, decision: id, comment },
    },
  ]);
  return { id, previous };
}
