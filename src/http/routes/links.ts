// Tallies (every reader; reviewed data unless a reviewer asks for proposed too) and incident / victim linking (reviewers).
import { z } from 'zod';
import { decideLink, listClusters, proposeLinks } from '../../app/link.js';
import { tally, TALLY_BY } from '../../app/tally.js';
import { reviews } from '../auth.js';
import { ApiError } from '../errors.js';
import { route, type AnyRoute } from '../route.js';
import { day, flag } from '../schemas.js';
import type { RouteContext } from './context.js';

export const tallyQuery = z.object({
  place: z.string().min(1).max(200).optional().meta({ description: 'a place name or spelling, an admin2 or admin1 name' }),
  from: day.optional(),
  to: day.optional(),
  by: z.enum(TALLY_BY as [string, ...string[]]).optional().meta({ description: 'group by category, admin1, day or actor' }),
  includeProposed: flag.optional().meta({ description: 'also count unreviewed claims and proposed links (analysts and admins only)' }),
});

const tallySource = z.object({
  kind: z.enum(['incident', 'toll']),
  claim: z.string(),
  report: z.string(),
  outlet: z.string(),
  figure: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  role: z.string(),
  event: z.array(z.string()).optional(),
});
const tallyGroup = z.object({
  key: z.string(),
  low: z.number(),
  best: z.number(),
  high: z.number(),
  openEnded: z.boolean(),
  events: z.number(),
  persons: z.number(),
  sources: z.array(tallySource),
  conflicts: z.array(z.object({ event: z.array(z.string()), figures: z.array(z.object({ claim: z.string(), report: z.string(), outlet: z.string(), best: z.number() })) })),
});
export const tallyOut = z
  .object({
    low: z.number(),
    best: z.number(),
    high: z.number(),
    openEnded: z.boolean(),
    groups: z.array(tallyGroup),
    notes: z.array(z.string()),
    query: z.object({ place: z.string().nullable(), from: z.string().nullable(), to: z.string().nullable(), by: z.string().nullable(), includeProposed: z.boolean() }),
    counted: z.object({ incidents: z.number(), tolls: z.number(), victims: z.number(), mergedEvents: z.number() }),
  })
  .meta({ id: 'Tally' });

const kindParam = z.object({ kind: z.enum(['incident', 'victim']) });
const linksQuery = z.object({ includeProposed: flag.optional() });
const record = z.object({ claim: z.string(), report: z.string(), outlet: z.string(), status: z.string(), date: z.string().nullable(), place: z.string().nullable(), summary: z.string() });
const pair = z.object({
  a: z.string(),
  b: z.string(),
  score: z.number().nullable(),
  reasons: z.array(z.string()),
  veto: z.string().nullable(),
  proposed: z.boolean(),
  decision: z.object({ verdict: z.enum(['merge', 'split']), by: z.string().nullable(), at: z.string().nullable(), comment: z.string().nullable() }).nullable(),
  records: z.tuple([record, record]),
});
const linksOut = z.object({
  kind: z.enum(['incident', 'victim']),
  includeProposed: z.boolean(),
  records: z.number(),
  pairs: z.array(pair),
  rejected: z.array(pair.extend({ rejectedBecause: z.string() })),
  pending: z.number(),
  stats: z.record(z.string(), z.unknown()),
});
const clustersOut = z.object({
  kind: z.enum(['incident', 'victim']),
  includeProposed: z.boolean(),
  clusters: z.array(
    z.object({
      id: z.string(),
      members: z.array(record),
      links: z.array(z.object({ a: z.string(), b: z.string(), score: z.number().nullable(), reasons: z.array(z.string()), reviewed: z.boolean() })),
      reviewed: z.boolean(),
    }),
  ),
});
const decisionBody = z.strictObject({
  a: z.string().regex(/^c?\d{1,15}$/i, 'expected a claim id like c12'),
  b: z.string().regex(/^c?\d{1,15}$/i, 'expected a claim id like c12'),
  verdict: z.enum(['merge', 'split', 'undo']),
  comment: z.string().max(4000).optional(),
});
const decisionOut = z.object({
  id: z.number(),
  kind: z.enum(['incident', 'victim']),
  a: z.string(),
  b: z.string(),
  verdict: z.enum(['merge', 'split', 'undo']),
  previous: z.enum(['merge', 'split']).nullable(),
  by: z.string(),
  at: z.string(),
});

export function linkRoutes({ deps }: RouteContext): AnyRoute[] {
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
        if (query.includeProposed && !reviews(principal)) throw new ApiError(403, 'forbidden', 'only analysts and admins may count unreviewed claims');
        return tally(deps, { place: query.place, from: query.from, to: query.to, by: query.by as (typeof TALLY_BY)[number] | undefined, includeProposed: query.includeProposed });
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
      response: decisionOut,
      handler: ({ params, body, principal }) =>
        decideLink(deps, { kind: params.kind, a: body.a, b: body.b, verdict: body.verdict, comment: body.comment, user: principal!.kind === 'user' ? principal!.name : '' }),
    }),
  ];
}
