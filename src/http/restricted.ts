// What viewers and the public may not see: unreviewed claims, restricted fields of claims, reviewer names, report texts.
import type { ClaimView } from '../app/claim-view.js';
import type { TollCoverageView } from '../app/toll-coverage.js';
import type { ClaimKind } from '../store/reports.js';

/**
 * Fields withheld from viewers and the public, by claim kind: what identifies a victim beyond the fact of the death
 * (name, age, where they came from, their work), because the people around them can be endangered by it. Quotes of
 * victim claims are withheld too (they quote the name). Sources, places, dates and figures stay visible: they are the
 * record. Reviewers (analysts, admins) see everything.
 */
export const RESTRICTED_FIELDS: Record<ClaimKind, readonly string[]> = {
  incident: [],
  toll: [],
  victim: ['name', 'age', 'origin', 'occupation'],
};

export const REVIEWED: readonly ClaimView['status'][] = ['confirmed', 'corrected'];

function redact(data: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  if (fields.length === 0) return data;
  const out = { ...data };
  for (const f of fields) if (f in out) out[f] = null;
  return out;
}

/** The claim as a viewer sees it: its reviewed values only, restricted fields nulled, no reviewer names. */
export function viewerClaim<C extends ClaimView>(claim: C): Omit<C, 'proposed'> & { proposed: null; restricted: string[] } {
  const fields = RESTRICTED_FIELDS[claim.kind];
  return {
    ...claim,
    proposed: null,
    corrected: null,
    current: redact(claim.current, fields),
    quotes: fields.length ? [] : claim.quotes,
    decidedBy: null,
    reviews: [],
    restricted: [...fields, ...(fields.length ? ['quotes'] : [])],
  };
}

/**
 * A toll's coverage as a viewer sees it. It is computed over reviewed claims only (the caller asks for that), so the
 * covered incidents are public; the analysts' attach / detach decisions keep their verdict and time but lose who made
 * them and why, and a decision on an incident the viewer cannot see (an unreviewed one) is not listed at all.
 */
export function viewerCoverage(c: TollCoverageView): TollCoverageView {
  const visible = new Set([...c.events.flatMap((e) => e.incidents.map((i) => i.claim)), ...c.detached]);
  return { ...c, decisions: c.decisions.filter((d) => visible.has(d.incident)).map((d) => ({ ...d, by: null, comment: null })) };
}
