// Claims: the review queue (or, for viewers, reviewed claims), one claim with its source, and the three decisions.
import { listReviewQueue, reviewClaim } from '../../app/review.js';
import { showClaim } from '../../app/show.js';
import { reviews } from '../auth.js';
import { ApiError } from '../errors.js';
import { REVIEWED, viewerClaim, viewerCoverage } from '../restricted.js';
import { route, type AnyRoute } from '../route.js';
import { claimIdParam, claimsPage, claimsQuery, claimWithReport, decisionBody, decisionOut } from '../schemas.js';
import type { RouteContext } from './context.js';

export function claimRoutes({ deps }: RouteContext): AnyRoute[] {
  const decisions = (['confirm', 'correct', 'reject'] as const).map((action) =>
    route({
      method: 'post',
      path: `/api/claims/:id/${action}`,
      tag: 'claims',
      summary: `${action[0]!.toUpperCase()}${action.slice(1)} a claim (analysts and admins; audited)`,
      description:
        action === 'correct'
          ? 'patch: the fields to change, nested ({"fatalities": {"best": 12}}); checked against the claim kind. 409 when decided already unless redecide is true.'
          : '409 when decided already unless redecide is true.',
      access: 'review',
      what: 'review claims',
      params: claimIdParam,
      body: decisionBody,
      response: decisionOut,
      handler: ({ params, body, principal }) =>
        reviewClaim(deps, { claimId: params.id, action, user: principal!.kind === 'user' ? principal!.name : '', comment: body?.comment, patch: body?.patch, redecide: body?.redecide }),
    }),
  );
  return [
    route({
      method: 'get',
      path: '/api/claims',
      tag: 'claims',
      summary: 'Claims by status, oldest first: the review queue (proposed) for analysts; reviewed claims for viewers',
      access: 'read',
      what: 'read claims',
      query: claimsQuery,
      response: claimsPage,
      handler: async ({ query, principal }) => {
        const full = reviews(principal);
        const status = query.status ?? (full ? 'proposed' : 'confirmed');
        if (!full && !REVIEWED.includes(status)) throw new ApiError(403, 'forbidden', `only analysts and admins see ${status} claims; viewers see confirmed and corrected ones`);
        const page = await listReviewQueue(deps, { status, kind: query.kind, afterId: query.after, limit: query.limit });
        if (full) return page;
        return { items: page.items.map(viewerClaim), counts: { confirmed: page.counts.confirmed, corrected: page.counts.corrected }, next: page.next };
      },
    }),
    route({
      method: 'get',
      path: '/api/claims/:id',
      tag: 'claims',
      summary: 'One claim with its report, quotes and reviews; a toll with the incidents it covers and how they add up to it',
      access: 'read',
      what: 'read claims',
      params: claimIdParam,
      response: claimWithReport,
      handler: async ({ params, principal }) => {
        const out = await showClaim(deps, params.id);
        if (reviews(principal)) return out;
        // Unreviewed claims do not exist for viewers: 404, not 403, so their existence is not revealed either.
        if (!REVIEWED.includes(out.claim.status)) throw new ApiError(404, 'not_found', `no claim c${params.id}`);
        // A reviewed toll's coverage is read over reviewed claims (show.ts), so only the decisions' authors are withheld.
        const coverage = out.coverage === undefined ? {} : { coverage: out.coverage && viewerCoverage(out.coverage) };
        return { report: { ...out.report, source: null, ingestedBy: null }, claim: viewerClaim(out.claim), ...coverage };
      },
    }),
    ...decisions,
  ];
}
