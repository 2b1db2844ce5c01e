// The API's shapes in zod: request inputs are checked against them, responses are parsed through them, OpenAPI is made of them.
import { z } from 'zod';
import { isCalendarDate } from '../domain/report-file.js';
import { CATEGORIES } from '../domain/types.js';
import { ROLES } from '../store/users.js';

/** A query-string boolean: true/false or 1/0. */
export const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const day = z.string().refine(isCalendarDate, 'expected a calendar date YYYY-MM-DD').meta({ format: 'date', example: '2025-03-07' });
const json = z.record(z.string(), z.unknown());

/** Ids are accepted as "c12" or "12"; the API returns both forms (id, claimId). */
const idOf = (prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}?\\d{1,15}$`, 'i'), `expected an id like ${prefix}12`)
    .transform((s) => Number(s.replace(/^\D/, '')));
export const claimIdParam = z.object({ id: idOf('c') });
export const reportIdParam = z.object({ id: idOf('r') });

const limit = (dflt: number, max: number) => z.coerce.number().int().min(1).max(max).default(dflt);
const after = (prefix: string) => idOf(prefix).optional().meta({ description: 'the `next` of the previous page' });

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

export const claimsQuery = z.object({
  status: claimStatus.optional().meta({ description: 'default: proposed for analysts and admins (the review queue), confirmed for viewers' }),
  kind: claimKind.optional(),
  after: after('c'),
  limit: limit(50, 500),
});

export const claimsPage = z.object({
  items: z.array(claimView.extend({ outlet: z.string(), published: z.string(), extractorVersion: z.string() })),
  counts,
  next: z.number().nullable(),
});

export const claimWithReport = z.object({ report: reportView, claim: claimView });

export const decisionBody = z
  .strictObject({
    comment: z.string().max(4000).optional(),
    /** For correct: the fields to change, nested ({ "fatalities": { "best": 12 } }). */
    patch: json.optional(),
    /** Decide a claim already decided; the earlier review stays on record. */
    redecide: z.boolean().optional(),
  })
  .optional();

export const decisionOut = z.object({ claim: claimView, reviewId: z.number(), previous: claimStatus });

/** Header values are single lines: a newline would let a value add header lines of its own. */
const line = (max: number) => z.string().max(max).regex(/^[^\r\n]*$/, 'must be one line');

export const reportBody = z.strictObject({
  text: z.string().min(1).max(16 * 1024 * 1024),
  published: day,
  outlet: line(200).min(1),
  url: line(2000).optional(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as en or ar').optional(),
});
export const reportMeta = reportBody.omit({ text: true }).partial();

export const ingestOut = z.object({
  status: z.enum(['stored', 'duplicate']),
  report: z.string(),
  reportId: z.number(),
  sha256: z.string(),
  claims: z.array(z.string()),
});

export const reportsQuery = z.object({ after: after('r'), limit: limit(50, 500) });
export const reportsPage = z.object({
  items: z.array(reportView.extend({ claims: z.number(), proposed: z.number() })),
  next: z.number().nullable(),
});

export const extractionView = z.object({ id: z.string(), extractorVersion: z.string(), createdAt: z.string(), warnings: z.unknown(), claims: z.array(claimView) });
export const reportDetail = z.object({ report: reportView, body: z.string().nullable(), extractions: z.array(extractionView) });

export const role = z.enum(ROLES);
export const userBody = z.strictObject({ name: z.string().min(1).max(64), role });
export const userOut = z.object({ name: z.string(), role, token: z.string().meta({ description: 'shown once; only its SHA-256 is stored' }) });
export const userList = z.object({ items: z.array(z.object({ name: z.string(), role, createdAt: z.string(), createdBy: z.string() })) });
export const me = z.object({ name: z.string().nullable(), role: z.enum([...ROLES, 'public']), via: z.enum(['token', 'session', 'public']) });

export const loginBody = z.strictObject({ token: z.string().min(1).max(200) });

export const auditQuery = z.object({
  after: z.coerce.number().int().min(0).optional().meta({ description: 'the `next` of the previous page (a seq)' }),
  limit: limit(100, 1000),
  entity: z.string().max(40).optional(),
  entityId: z.string().max(80).optional(),
  actor: z.string().max(80).optional(),
});
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
export const incidentsQuery = z.object({
  place: z.string().min(1).max(200).optional().meta({ description: 'a place name, alias, district (admin2), province (admin1) or country code; case-insensitive, exact' }),
  from: day.optional().meta({ description: 'incidents whose date range ends on or after this day' }),
  to: day.optional().meta({ description: 'incidents whose date range starts on or before this day' }),
  type: z.string().min(1).max(100).optional().meta({ description: 'event type or sub-event type (ACLED), exact' }),
  actor: z.string().min(1).max(200).optional().meta({ description: 'part of an actor name, case-insensitive' }),
  category: category.optional().meta({ description: 'incidents with at least one death in this category' }),
  after: after('c'),
  limit: limit(50, 500),
});

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
