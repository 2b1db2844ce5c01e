// What an analyst may correct in a claim, validated with zod; problems come back as data (path + message).
import { z } from 'zod';
import { isCalendarDate } from '../domain/report-file.js';
import { ACTOR_TYPES, CATEGORIES, EVENT_TYPES, type EventType } from '../domain/types.js';
import type { ClaimKind } from '../store/reports.js';

const day = z.string().refine(isCalendarDate, 'expected a calendar date YYYY-MM-DD');
const dayRange = z.strictObject({ start: day, end: day }).refine((r) => r.start <= r.end, 'the range starts after it ends');
const count = z.number().int().nonnegative();
const byCategory = z.strictObject(Object.fromEntries(CATEGORIES.map((c) => [c, count.optional()])) as Record<(typeof CATEGORIES)[number], z.ZodOptional<typeof count>>);
const fatalities = z
  .strictObject({ low: count.nullable(), best: count.nullable(), high: count.nullable(), byCategory })
  .refine((f) => f.low === null || f.best === null || f.low <= f.best, { message: 'low is above best', path: ['low'] })
  .refine((f) => f.high === null || f.best === null || f.best <= f.high, { message: 'best is above high', path: ['high'] });
const qualifier = z.enum(['exact', 'at_least', 'at_most', 'approx']);
const spans = z.array(z.strictObject({ start: count, end: count }));
/** Places and actors keep their gazetteer / lexicon fields; an analyst must give at least a name. */
const place = z.looseObject({ name: z.string().min(1), role: z.enum(['event', 'origin']).optional(), spans: spans.optional() });
const actor = z.looseObject({ name: z.string().min(1), type: z.enum(ACTOR_TYPES) });
const eventTypes = Object.keys(EVENT_TYPES) as [EventType, ...EventType[]];
const subEventTypes = Object.values(EVENT_TYPES).flat() as [string, ...string[]];
const text = z.string().min(1).nullable();

const FIELDS: Record<ClaimKind, Record<string, z.ZodType>> = {
  incident: {
    date: dayRange.nullable(),
    datePrecision: z.enum(['day', 'range', 'week', 'month', 'year']),
    places: z.array(place),
    eventType: z.enum(eventTypes),
    subEventType: z.enum(subEventTypes),
    actors: z.array(actor),
    fatalities,
    qualifier,
    injured: count.nullable(),
    missing: count.nullable(),
    arrested: count.nullable(),
  },
  toll: { fatalities, qualifier, places: z.array(place), date: dayRange.nullable(), components: z.array(z.string()) },
  victim: {
    name: z.string().min(1),
    sex: z.enum(['male', 'female']).nullable(),
    age: count.max(130).nullable(),
    origin: text,
    occupation: text,
    category: z.enum(CATEGORIES),
    cause: text,
    date: dayRange.nullable(),
    place: place.nullable(),
    incident: text,
  },
};

export interface CorrectionIssue {
  path: string;
  message: string;
}

export type CorrectionResult = { ok: true; corrected: Record<string, unknown> } | { ok: false; issues: CorrectionIssue[] };

export function correctableFields(kind: ClaimKind): string[] {
  return Object.keys(FIELDS[kind]);
}

/**
 * Merges `patch` into the claim as extracted (objects field by field, arrays and values replaced) and validates the
 * fields the patch touches. Every issue is collected, none thrown, so a terminal or a form can show them all at once.
 */
export function applyCorrection(kind: ClaimKind, data: Record<string, unknown>, patch: Record<string, unknown>): CorrectionResult {
  const fields = FIELDS[kind];
  const issues: CorrectionIssue[] = [];
  const keys = Object.keys(patch);
  if (keys.length === 0) issues.push({ path: '', message: 'nothing to correct: give at least one field' });
  const merged = deepMerge(data, patch) as Record<string, unknown>;
  for (const key of keys) {
    const schema = fields[key];
    if (!schema) {
      issues.push({ path: key, message: `not a correctable field of a ${kind} claim (one of: ${Object.keys(fields).join(', ')})` });
      continue;
    }
    const r = schema.safeParse(merged[key]);
    if (!r.success) for (const i of r.error.issues) issues.push({ path: [key, ...i.path.map(String)].join('.'), message: i.message });
  }
  if (kind === 'incident' && (keys.includes('eventType') || keys.includes('subEventType'))) {
    const allowed = EVENT_TYPES[merged.eventType as EventType] as readonly string[] | undefined;
    if (allowed && !allowed.includes(merged.subEventType as string)) {
      issues.push({ path: 'subEventType', message: `"${String(merged.subEventType)}" is not a sub-event type of ${String(merged.eventType)} (one of: ${allowed.join(', ')})` });
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, corrected: merged };
}

function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = deepMerge(base[k], v);
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * `fatalities.best=12`, `date.start=2025-03-07`, `sex=null` → a nested patch. Values are JSON when they parse as
 * JSON (numbers, null, quoted strings, arrays) and plain strings otherwise.
 */
export function patchFromAssignments(assignments: readonly string[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const a of assignments) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new Error(`"${a}" is not key=value`);
    const path = a.slice(0, eq).split('.');
    const raw = a.slice(eq + 1);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    let node = patch;
    path.slice(0, -1).forEach((k) => {
      if (!isPlainObject(node[k])) node[k] = {};
      node = node[k] as Record<string, unknown>;
    });
    node[path[path.length - 1]!] = value;
  }
  return patch;
}
