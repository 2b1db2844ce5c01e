// The API's request shapes in zod: inputs are checked against them and OpenAPI is made of them. The response shapes,
// which the web UI shares, are in views.ts (re-exported here, so a route imports every schema from one place).
import { z } from 'zod';
import { isCalendarDate } from '../domain/report-file.js';
import { ROLES, type Role } from '../store/users.js';
import { category, claimKind, claimStatus, VIEW_ROLES, type Role as ViewRole } from './views.js';

export * from './views.js';

// The shared module cannot import the store; a role added on one side and not the other fails to compile here.
const sameRoles: [Role, ViewRole] extends [ViewRole, Role] ? readonly Role[] : never = VIEW_ROLES;
void sameRoles;

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





export const claimsQuery = z.object({
  status: claimStatus.optional().meta({ description: 'default: proposed for analysts and admins (the review queue), confirmed for viewers' }),
  kind: claimKind.optional(),
  after: after('c'),
  limit: limit(50, 500),
});



export const decisionBody = z
  .strictObject({
    comment: z.string().max(4000).optional(),
    /** For correct: the fields to change, nested ({ "fatalities": { "best": 12 } }). */
    patch: json.optional(),
    /** Decide a claim already decided; the earlier review stays on record. */
    redecide: z.boolean().optional(),
  })
  .optional();


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


export const reportsQuery = z.object({ after: after('r'), limit: limit(50, 500) });


export const role = z.enum(ROLES);
export const userBody = z.strictObject({ name: z.string().min(1).max(64), role });
export const userOut = z.object({ name: z.string(), role, token: z.string().meta({ description: 'shown once; only its SHA-256 is stored' }) });

export const loginBody = z.strictObject({ token: z.string().min(1).max(200) });

export const auditQuery = z.object({
  after: z.coerce.number().int().min(0).optional().meta({ description: 'the `next` of the previous page (a seq)' }),
  limit: limit(100, 1000),
  entity: z.string().max(40).optional(),
  entityId: z.string().max(80).optional(),
  actor: z.string().max(80).optional(),
});

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


