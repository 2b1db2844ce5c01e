// Tallies (every reader; reviewed data unless a reviewer asks for proposed too) and incident / victim linking (reviewers).
import { z } from 'zod';
import { decideLink, listClusters, proposeLinks } from '../../app/link.js';
import { recordVersion } from '../../app/read-models.js';
import { tally, TALLY_BY, type TallyOutput } from '../../app/tally.js';
import { requireReviewerToIncludeProposed } from '../auth.js';
import { VersionedMemo } from '../memo.js';
import { route, type AnyRoute } from '../route.js';
import { clustersOut, day, flag, linkDecisionOut, linksOut, tallyOut } from '../schemas.js';
import type { RouteContext } from './context.js';

export const tallyQuery = z.object({
  place: z.string().min(1).max(200).optional().meta({ description: 'a place name or spelling, an admin2 or admin1 name' }),
  from: day.optional(),
  to: day.optional(),
  by: z.enum(TALLY_BY as [string, ...string[]]).optional().meta({ description: 'group by category, admin1, day or actor' }),
  includeProposed: flag.optional().meta({ description: 'also count unreviewed claims and proposed links (analysts and admins only)' }),
});


const kindParam = z.object({ kind: z.enum(['incident', 'victim']) });
const linksQuery = z.object({ includeProposed: flag.optional() });
const decisionBody = z.strictObject({
  a: z.string().regex(/^c?\d{1,15}$/i, 'expected a claim id like c12'),
  b: z.string().regex(/^c?\d{1,15}$/i, 'expected a claim id like c12'),
  verdict: z.enum(['merge', 'split', 'undo']),
  comment: z.string().max(4000).optional(),
});

/** Distinct tally queries kept per version of the record (place × window × grouping a UI asks for). */
const TALLY_MEMO_ENTRIES = 64;

export function linkRoutes({ deps }: RouteContext): AnyRoute[] {
  // A tally over a large record takes seconds (it links the incidents around the place and window to count each
  // event once) and the tallies page, the timeline and every public reader ask the same few questions again; the
  // answer changes only when the record does, so it is kept until the audit head moves.
  const tallies = new VersionedMemo<TallyOutput>(TALLY_MEMO_ENTRIES);
  return [
    route({
      method: 'get',
      path: '/api/tally',
      tag: 'tallies',
      summary: 'Fatalities low / best / high over reviewed claims and analysts’ merges, grouped, every figure with its source',
      access: 'read',
      what: 'read tallies',
      query: tallyQuery,
      response: tallyOut,
      handler: async ({ query, principal }) => {
        requireReviewerToIncludeProposed(principal, query.includeProposed);
        const input = { place: query.place, from: query.from, to: query.to, by: query.by as (typeof TALLY_BY)[number] | undefined, includeProposed: query.includeProposed };
        return tallies.get(JSON.stringify(input), await recordVersion(deps), () => tally(deps, input));
      },
    }),
    route({
      method: 'get',
      path: '/api/links/:kind',
      tag: 'links',
      summary: 'Link proposals between incident (or victim) claims of different reports, with standing decisions',
      access: 'review',
      what: 'review links',
      params: kindParam,
      query: linksQuery,
      response: linksOut,
      handler: ({ params, query }) => proposeLinks(deps, { kind: params.kind, includeProposed: query.includeProposed }),
    }),
    route({
      method: 'get',
      path: '/api/links/:kind/clusters',
      tag: 'links',
      summary: 'Clusters of two or more linked claims (one event, or one person)',
      access: 'review',
      what: 'review links',
      params: kindParam,
      query: linksQuery,
      response: clustersOut,
      handler: ({ params, query }) => listClusters(deps, { kind: params.kind, includeProposed: query.includeProposed }),
    }),
    route({
      method: 'post',
      path: '/api/links/:kind/decisions',
      tag: 'links',
      summary: 'Merge, split, or undo the standing decision on a pair of claims (analysts and admins; audited)',
      access: 'review',
      what: 'decide links',
      params: kindParam,
      body: decisionBody,
      status: 201,
      response: linkDecisionOut,
      handler: ({ params, body, principal }) =>
        decideLink(deps, { kind: params.kind, a: body.a, b: body.b, verdict: body.verdict, comment: body.comment, user: principal!.kind === 'user' ? principal!.name : '' }),
    }),
  ];
}
