// Tolls ("at least 124 in Latakia since Thursday"): the incidents each covers and whether they add up to it (every
// reader, over reviewed claims); an analyst's attach / detach / undo of an incident; decisions a re-extraction orphaned.
import { z } from 'zod';
import { recordVersion } from '../../app/read-models.js';
import { decideTollLink, listTollCoverage, orphanedDecisions, type ListTollCoverageOutput } from '../../app/toll-coverage.js';
import { requireReviewerToIncludeProposed, reviews } from '../auth.js';
import { VersionedMemo } from '../memo.js';
import { viewerCoverage } from '../restricted.js';
import { route, type AnyRoute } from '../route.js';
import { claimIdParam, flag, orphanedOut, tollDecisionOut, tollsOut } from '../schemas.js';
import type { RouteContext } from './context.js';

const CLAIM_ID = /^c?\d{1,15}$/i;
const claimRef = (s: string): string => `c${Number(s.replace(/^c/i, ''))}`;

/** "c12,c13" or "12": the tolls to show; the same ids `marsad link --kind toll` and `marsad show` print. */
const claimList = z
  .string()
  .max(2000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .refine((ids) => ids.length > 0 && ids.every((id) => CLAIM_ID.test(id)), 'expected claim ids like c12, separated by commas')
  .transform((ids) => ids.map(claimRef));

const tollsQuery = z.object({
  includeProposed: flag.optional().meta({ description: 'also count unreviewed tolls and incidents and the scorer’s incident links (analysts and admins only)' }),
  toll: claimList.optional().meta({ description: 'only these tolls: claim ids separated by commas (c12,c13)' }),
  incident: z
    .string()
    .regex(CLAIM_ID, 'expected a claim id like c12')
    .transform(claimRef)
    .optional()
    .meta({ description: 'only the tolls that cover this incident (or an event it was merged into)' }),
});

const decisionBody = z.strictObject({
  incident: z.string().regex(CLAIM_ID, 'expected a claim id like c12'),
  verdict: z.enum(['attach', 'detach', 'undo']).meta({ description: 'attach: the toll sums it wherever it is; detach: it does not, though inside; undo: back to the automatic coverage' }),
  comment: z.string().max(4000).optional(),
});

/** Two views (reviewed only, with proposed) per version of the record: the incident page asks on every visit. */
const TOLL_MEMO_ENTRIES = 2;

export function tollRoutes({ deps }: RouteContext): AnyRoute[] {
  // Coverage links every incident of the record to count merged events once: seconds on a large one, and the same
  // answer until the record changes (a review, a merge, an attach all move the audit head).
  const coverage = new VersionedMemo<ListTollCoverageOutput>(TOLL_MEMO_ENTRIES);
  return [
    route({
      method: 'get',
      path: '/api/tolls',
      tag: 'tolls',
      summary: 'Tolls with the incidents each covers, their sum against the toll, and whether they fit it (marsad link --kind toll)',
      description:
        'Reviewed tolls and incidents unless includeProposed. Each event inside counts once (merged reports are one event). ' +
        'coverage: consistent or exceeds (the events’ lows pass the toll’s ceiling, a conflict); unexplained: deaths known only from the toll. ' +
        'Viewers and the public see no decision authors or comments, and no orphaned decisions (null).',
      access: 'read',
      what: 'read tolls',
      query: tollsQuery,
      response: tollsOut,
      handler: async ({ query, principal }) => {
        const full = reviews(principal);
        const includeProposed = query.includeProposed ?? false;
        requireReviewerToIncludeProposed(principal, includeProposed);
        const out = await coverage.get(String(includeProposed), await recordVersion(deps), () => listTollCoverage(deps, { includeProposed }));
        const wanted = query.toll ? new Set(query.toll) : null;
        const tolls = out.tolls.filter((t) => (!wanted || wanted.has(t.claim)) && (!query.incident || t.events.some((e) => e.event.includes(query.incident!))));
        return full ? { ...out, tolls } : { includeProposed, tolls: tolls.map(viewerCoverage), orphaned: null };
      },
    }),
    route({
      method: 'post',
      path: '/api/tolls/:id/decisions',
      tag: 'tolls',
      summary: 'Attach an incident to a toll, detach it, or undo the standing decision (analysts and admins; audited)',
      description: '409 when the incident is already attached (or detached) to the toll, or there is nothing to undo.',
      access: 'review',
      what: 'attach or detach incidents to tolls',
      params: claimIdParam,
      body: decisionBody,
      status: 201,
      response: tollDecisionOut,
      handler: ({ params, body, principal }) =>
        decideTollLink(deps, { toll: params.id, incident: body.incident, verdict: body.verdict, comment: body.comment, user: principal!.kind === 'user' ? principal!.name : '' }),
    }),
    route({
      method: 'get',
      path: '/api/decisions/orphaned',
      tag: 'tolls',
      summary: 'Merge, split, attach and detach decisions a re-extraction left without a successor claim: decide them again',
      access: 'review',
      what: 'review link decisions',
      response: orphanedOut,
      handler: async () => ({ items: await orphanedDecisions(deps) }),
    }),
  ];
}
