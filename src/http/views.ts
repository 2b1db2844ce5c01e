// The API's responses: one zod schema per shape, and the TypeScript type of each, shared by the server and the web UI.
// The server parses every response through these schemas (src/http/route.ts) and builds OpenAPI from them; the UI
// imports the types only (web/src/api.ts), so a change of shape here breaks the compile on both sides. Nothing here
// may import Node or the store: the UI's type-check reads this file and what it imports (zod and src/domain/types).
import { z } from 'zod';
import { CATEGORIES } from '../domain/types.js';

/** The roles a user can have (store/users.ts ROLES; schemas.ts checks at compile time that the two agree). */
export const VIEW_ROLES = ['admin', 'analyst', 'viewer'] as const;
export const viewRole = z.enum(VIEW_ROLES);

const json = z.record(z.string(), z.unknown());

/** One page of a list: `next` is the `after` of the following page, null on the last one. */
export interface Page<T> {
  items: T[];
  next: number | null;
}

// ---- claims and reports ----

export const quote = z.object({ start: z.number(), end: z.number(), text: z.string() });
export const review = z.object({ user: z.string(), action: z.string(), comment: z.string().nullable(), at: z.string(), before: z.unknown(), after: z.unknown() });

export const claimStatus = z.enum(['proposed', 'confirmed', 'corrected', 'rejected']);
export const claimKind = z.enum(['incident', 'toll', 'victim']);

export const claimView = z
  .object({
    id: z.string(),
    claimId: z.number(),
    report: z.string(),
    extraction: z.string(),
    ref: z.string(),
    kind: claimKind,
    status: claimStatus,
    /** null for viewers: they see what was reviewed, not what the machine proposed. */
    proposed: json.nullable(),
    corrected: json.nullable(),
    current: json,
    rules: z.array(z.string()),
    quotes: z.array(quote),
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    reviews: z.array(review),
    /** Fields withheld from this caller (see RESTRICTED_FIELDS). */
    restricted: z.array(z.string()).optional(),
  })
  .meta({ id: 'Claim' });

export const reportView = z
  .object({
    id: z.string(),
    reportId: z.number(),
    sha256: z.string(),
    size: z.number(),
    outlet: z.string(),
    url: z.string(),
    published: z.string(),
    language: z.string(),
    source: z.string().nullable(),
    ingestedAt: z.string(),
    /** null for viewers, with source: who ingested and from which file are not part of the public record. */
    ingestedBy: z.string().nullable(),
  })
  .meta({ id: 'Report' });

const counts = z.object({ proposed: z.number().optional(), confirmed: z.number(), corrected: z.number(), rejected: z.number().optional() });

export const claimsPage = z.object({
  items: z.array(claimView.extend({ outlet: z.string(), published: z.string(), extractorVersion: z.string() })),
  counts,
  next: z.number().nullable(),
});


export const decisionOut = z.object({ claim: claimView, reviewId: z.number(), previous: claimStatus });

export const ingestOut = z.object({
  status: z.enum(['stored', 'duplicate']),
  report: z.string(),
  reportId: z.number(),
  sha256: z.string(),
  claims: z.array(z.string()),
});

export const reportsPage = z.object({
  items: z.array(reportView.extend({ claims: z.number(), proposed: z.number() })),
  next: z.number().nullable(),
});

export const extractionView = z.object({ id: z.string(), extractorVersion: z.string(), createdAt: z.string(), warnings: z.unknown(), claims: z.array(claimView) });

export const reportDetail = z.object({ report: reportView, body: z.string().nullable(), extractions: z.array(extractionView) });

export const userList = z.object({ items: z.array(z.object({ name: z.string(), role: viewRole, createdAt: z.string(), createdBy: z.string() })) });

export const me = z.object({ name: z.string().nullable(), role: z.enum([...VIEW_ROLES, 'public']), via: z.enum(['token', 'session', 'public']) });

export const auditEntry = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

export const auditPage = z.object({ items: z.array(auditEntry), next: z.number().nullable() });

export const auditVerify = z.object({
  ok: z.boolean(),
  entries: z.number(),
  head: z.string(),
  firstBreak: z.object({ seq: z.number(), reason: z.string(), expected: z.string(), found: z.string() }).nullable(),
});

export const category = z.enum(CATEGORIES);

export const incidentSource = z.object({
  report: z.string(),
  outlet: z.string(),
  url: z.string(),
  published: z.string(),
  attributions: z.array(z.object({ source: z.string(), verb: z.string() })),
  quotes: z.array(quote),
});

export const incident = z
  .object({
    id: z.string(),
    claimId: z.number(),
    status: z.enum(['confirmed', 'corrected']),
    decidedAt: z.string().nullable(),
    date: z.object({ start: z.string(), end: z.string() }).nullable(),
    datePrecision: z.string().nullable(),
    eventType: z.string().nullable(),
    subEventType: z.string().nullable(),
    places: z.array(
      z.object({
        name: z.string(),
        country: z.string().nullable(),
        admin1: z.string().nullable(),
        admin2: z.string().nullable(),
        lat: z.number().nullable(),
        lon: z.number().nullable(),
        geoPrecision: z.number().nullable(),
      }),
    ),
    actors: z.array(z.object({ name: z.string(), type: z.string() })),
    fatalities: z.object({ low: z.number().nullable(), best: z.number().nullable(), high: z.number().nullable(), byCategory: z.record(z.string(), z.number()) }),
    qualifier: z.string().nullable(),
    injured: z.number().nullable(),
    missing: z.number().nullable(),
    arrested: z.number().nullable(),
    sources: z.array(incidentSource),
  })
  .meta({ id: 'Incident' });

export const incidentsPage = z.object({ items: z.array(incident), next: z.number().nullable() });

export const health = z.object({ ok: z.literal(true), engine: z.string(), public: z.boolean() });

// ---- tallies and links ----

export const tallySource = z.object({
  kind: z.enum(['incident', 'toll']),
  claim: z.string(),
  report: z.string(),
  outlet: z.string(),
  figure: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  role: z.string(),
  event: z.array(z.string()).optional(),
  /** Toll sources: the incident claims the toll covers among those counted. */
  covers: z.array(z.string()).optional(),
});
export const tallyGroup = z.object({
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

/** Which claim, from where, when, where: the head of every claim listed beside others. */
const claimHead = z.object({ claim: z.string(), report: z.string(), outlet: z.string(), status: z.string(), date: z.string().nullable(), place: z.string().nullable() });

export const linkRecord = claimHead.extend({ summary: z.string() });

export const linkPair = z.object({
  a: z.string(),
  b: z.string(),
  score: z.number().nullable(),
  reasons: z.array(z.string()),
  veto: z.string().nullable(),
  proposed: z.boolean(),
  decision: z.object({ verdict: z.enum(['merge', 'split']), by: z.string().nullable(), at: z.string().nullable(), comment: z.string().nullable() }).nullable(),
  records: z.tuple([linkRecord, linkRecord]),
});

export const linksOut = z.object({
  kind: z.enum(['incident', 'victim']),
  includeProposed: z.boolean(),
  records: z.number(),
  pairs: z.array(linkPair),
  rejected: z.array(linkPair.extend({ rejectedBecause: z.string() })),
  pending: z.number(),
  stats: z.record(z.string(), z.unknown()),
});

export const clustersOut = z.object({
  kind: z.enum(['incident', 'victim']),
  includeProposed: z.boolean(),
  clusters: z.array(
    z.object({
      id: z.string(),
      members: z.array(linkRecord),
      links: z.array(z.object({ a: z.string(), b: z.string(), score: z.number().nullable(), reasons: z.array(z.string()), reviewed: z.boolean() })),
      reviewed: z.boolean(),
    }),
  ),
});

export const linkDecisionOut = z.object({
  id: z.number(),
  kind: z.enum(['incident', 'victim']),
  a: z.string(),
  b: z.string(),
  verdict: z.enum(['merge', 'split', 'undo']),
  previous: z.enum(['merge', 'split']).nullable(),
  by: z.string(),
  at: z.string(),
});

// ---- tolls: the incidents a cumulative toll covers, and analysts' attach / detach decisions ----

export const coverageReason = z.enum(['component', 'contained', 'attached']);

export const coveredIncident = claimHead.extend({
  figure: z.number().nullable(),
  /** component: the toll's report says it sums it; contained: inside its area and window; attached: by an analyst. */
  reason: coverageReason,
  ownReport: z.boolean(),
});

export const tollDecisionView = z.object({
  incident: z.string(),
  verdict: z.enum(['attach', 'detach']),
  /** null for viewers, with the comment: reviewers' names and notes are not part of the public record. */
  by: z.string().nullable(),
  at: z.string().nullable(),
  comment: z.string().nullable(),
});

export const tollCoverageView = claimHead
  .extend({
    qualifier: z.string(),
    figure: z.object({ low: z.number().nullable(), best: z.number().nullable(), high: z.number().nullable() }),
    /** The events inside, each counted once (merged reports are one event), with the incidents that put it inside. */
    events: z.array(z.object({ event: z.array(z.string()), low: z.number(), best: z.number(), high: z.number(), incidents: z.array(coveredIncident) })),
    sum: z.object({ low: z.number(), best: z.number(), high: z.number() }),
    /** consistent: the events fit the toll; exceeds: their lows sum to more than its ceiling (a conflict between sources). */
    coverage: z.enum(['consistent', 'exceeds']),
    /** Deaths known only from the toll: its figure less the events' sum (0 when the sum reaches it). */
    unexplained: z.number(),
    excess: z.number(),
    /** Incidents an analyst detached that would otherwise be covered. */
    detached: z.array(z.string()),
    decisions: z.array(tollDecisionView),
  })
  .meta({ id: 'TollCoverage' });

export const orphanedDecision = z
  .object({
    kind: z.enum(['incident', 'victim', 'toll']),
    decision: z.number(),
    a: z.string(),
    b: z.string(),
    verdict: z.string(),
    by: z.string(),
    at: z.string(),
    /** The claims of the pair no longer in their report's latest extraction, and their reports. */
    behind: z.array(z.object({ claim: z.string(), report: z.string() })),
  })
  .meta({ id: 'OrphanedDecision' });

export const tollsOut = z.object({
  includeProposed: z.boolean(),
  tolls: z.array(tollCoverageView),
  /** Decisions a re-extraction left without a successor (analysts and admins; null for viewers). */
  orphaned: z.array(orphanedDecision).nullable(),
});

export const orphanedOut = z.object({ items: z.array(orphanedDecision) });

export const tollDecisionOut = z.object({
  id: z.number(),
  toll: z.string(),
  incident: z.string(),
  verdict: z.enum(['attach', 'detach', 'undo']),
  /** The standing verdict before this one; null: none, the automatic coverage. */
  previous: z.enum(['attach', 'detach']).nullable(),
  by: z.string(),
  at: z.string(),
});

/** One claim; a toll also carries its coverage (null when it is not counted: rejected or superseded). */
export const claimWithReport = z.object({ report: reportView, claim: claimView, coverage: tollCoverageView.nullable().optional() });

// ---- the types, as the server returns them and the UI reads them ----

export type Role = (typeof VIEW_ROLES)[number];
export type Me = z.output<typeof me>;
export type Quote = z.output<typeof quote>;
export type ClaimStatus = z.output<typeof claimStatus>;
export type ClaimKind = z.output<typeof claimKind>;
export type ClaimView = z.output<typeof claimView>;
export type ReviewView = z.output<typeof review>;
export type ClaimsPage = z.output<typeof claimsPage>;
export type ReportView = z.output<typeof reportView>;
export type ReportSummary = z.output<typeof reportsPage>['items'][number];
export type ReportDetail = z.output<typeof reportDetail>;
export type Ingested = z.output<typeof ingestOut>;
export type AuditEntryView = z.output<typeof auditEntry>;
export type AuditVerifyView = z.output<typeof auditVerify>;
export type IncidentView = z.output<typeof incident>;
export type IncidentPlace = IncidentView['places'][number];
export type IncidentSource = z.output<typeof incidentSource>;
export type TallyView = z.output<typeof tallyOut>;
export type TallyGroupView = TallyView['groups'][number];
export type TallySourceView = TallyGroupView['sources'][number];
export type LinksView = z.output<typeof linksOut>;
export type LinkPairView = LinksView['pairs'][number];
export type LinkRecordView = LinkPairView['records'][number];
export type LinkDecisionView = z.output<typeof linkDecisionOut>;
export type TollCoverageView = z.output<typeof tollCoverageView>;
export type CoveredIncidentView = z.output<typeof coveredIncident>;
export type TollDecisionView = z.output<typeof tollDecisionView>;
export type TollsView = z.output<typeof tollsOut>;
export type TollDecisionOutView = z.output<typeof tollDecisionOut>;
export type OrphanedDecisionView = z.output<typeof orphanedDecision>;
export type ClaimWithReportView = z.output<typeof claimWithReport>;
