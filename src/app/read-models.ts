// Read models that list the record page by page (reports, reviewed incidents, the audit log): explicit input and
// output, the SQL beside them. The API pages through them; the shapes it returns are src/http/views.ts, which the
// routes' response types hold these outputs to.
import { reportView, type ReportView } from './claim-view.js';
import type { AppDeps } from './deps.js';
import type { AuditEntry } from '../store/audit.js';
import { claimRef, reportRef } from './ids.js';
import { decodeReportBytes, parseReport } from '../domain/report-file.js';
import type { Category } from '../domain/types.js';

export interface Page<T> {
  items: T[];
  next: number | null;
}

// ---- reports ----

export interface ReportSummary extends ReportView {
  claims: number;
  proposed: number;
}

export async function listReports(deps: AppDeps, input: { afterId?: number; limit: number }): Promise<Page<ReportSummary>> {
  const rows = await deps.store.query<{ id: number; sha256: string; size: number; outlet: string; url: string; published: string; language: string; source: string | null; ingested_at: string; ingested_by: string; claims: number; proposed: number }>(
    `SELECT r.id, r.sha256, r.size, r.outlet, r.url, r.published, r.language, r.source, r.ingested_at, r.ingested_by,
            (SELECT count(*) FROM claims c WHERE c.report_id = r.id) AS claims,
            (SELECT count(*) FROM claims c WHERE c.report_id = r.id AND c.status = 'proposed') AS proposed
       FROM reports r WHERE r.id > $1 ORDER BY r.id LIMIT $2`,
    [input.afterId ?? 0, input.limit],
  );
  return {
    items: rows.map((r) => ({
      ...reportView(r),
      claims: Number(r.claims),
      proposed: Number(r.proposed),
    })),
    next: rows.length === input.limit ? rows[rows.length - 1]!.id : null,
  };
}

// ---- incidents ----

export interface IncidentFilter {
  place?: string;
  from?: string;
  to?: string;
  type?: string;
  actor?: string;
  category?: Category;
  afterId?: number;
  limit: number;
}

export interface IncidentItem {
  id: string;
  claimId: number;
  status: 'confirmed' | 'corrected';
  decidedAt: string | null;
  date: { start: string; end: string } | null;
  datePrecision: string | null;
  eventType: string | null;
  subEventType: string | null;
  places: { name: string; country: string | null; admin1: string | null; admin2: string | null; lat: number | null; lon: number | null; geoPrecision: number | null }[];
  actors: { name: string; type: string }[];
  fatalities: { low: number | null; best: number | null; high: number | null; byCategory: Record<string, number> };
  qualifier: string | null;
  injured: number | null;
  missing: number | null;
  arrested: number | null;
  /** One per report the incident was read from (one until linking merges incidents across reports). */
  sources: { report: string; outlet: string; url: string; published: string; attributions: { source: string; verb: string }[]; quotes: { start: number; end: number; text: string }[] }[];
}

interface IncidentRow {
  id: number;
  report_id: number;
  status: 'confirmed' | 'corrected';
  decided_at: string | null;
  spans: { start: number; end: number }[];
  cur: Record<string, unknown>;
  outlet: string;
  url: string;
  published: string;
  language: string;
  bytes: Uint8Array;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** Reviewed incident claims (confirmed or corrected), their current values, filtered in SQL, oldest first. */
export async function listIncidents(deps: AppDeps, f: IncidentFilter): Promise<Page<IncidentItem>> {
  const cur = 'COALESCE(c.corrected, c.data)';
  const rows = await deps.store.query<IncidentRow>(
    `SELECT c.id, c.report_id, c.status, c.decided_at, c.spans, ${cur} AS cur, r.outlet, r.url, r.published, r.language, r.bytes
       FROM claims c JOIN reports r ON r.id = c.report_id
      WHERE c.kind = 'incident' AND c.status IN ('confirmed', 'corrected') AND c.id > $1
        AND ($2::text IS NULL OR EXISTS (
              SELECT 1 FROM jsonb_array_elements(${cur}->'places') p
               WHERE lower(p->>'name') = lower($2) OR lower(p->>'admin1') = lower($2) OR lower(p->>'admin2') = lower($2)
                  OR lower(p->>'country') = lower($2)
                  OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(COALESCE(p->'aliases', '[]'::jsonb)) a WHERE lower(a) = lower($2))))
        AND ($3::text IS NULL OR ${cur}->'date'->>'end' >= $3)
        AND ($4::text IS NULL OR ${cur}->'date'->>'start' <= $4)
        AND ($5::text IS NULL OR ${cur}->>'eventType' = $5 OR ${cur}->>'subEventType' = $5)
        AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM jsonb_array_elements(${cur}->'actors') a WHERE a->>'name' ILIKE '%' || $6 || '%'))
        AND ($7::text IS NULL OR COALESCE((${cur}->'fatalities'->'byCategory'->>$7)::numeric, 0) > 0)
      ORDER BY c.id LIMIT $8`,
    [f.afterId ?? 0, f.place ?? null, f.from ?? null, f.to ?? null, f.type ?? null, f.actor === undefined ? null : escapeLike(f.actor), f.category ?? null, f.limit],
  );
  const bodies = new Map<number, string | null>();
  const bodyOf = (r: IncidentRow) => {
    if (!bodies.has(r.report_id)) {
      try {
        bodies.set(r.report_id, parseReport(decodeReportBytes(r.bytes), { outlet: r.outlet, url: r.url, published: r.published, language: r.language }).report.body);
      } catch {
        bodies.set(r.report_id, null);
      }
    }
    return bodies.get(r.report_id)!;
  };
  return { items: rows.map((r) => incidentItem(r, bodyOf(r))), next: rows.length === f.limit ? rows[rows.length - 1]!.id : null };
}

type Obj = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x): x is Obj => typeof x === 'object' && x !== null) : []);

function incidentItem(r: IncidentRow, body: string | null): IncidentItem {
  const d = r.cur;
  const date = d.date as Obj | null | undefined;
  const fat = (d.fatalities ?? {}) as Obj;
  const byCategory: Record<string, number> = {};
  for (const [k, v] of Object.entries((fat.byCategory ?? {}) as Obj)) if (typeof v === 'number') byCategory[k] = v;
  return {
    id: claimRef(r.id),
    claimId: r.id,
    status: r.status,
    decidedAt: r.decided_at,
    date: date && typeof date.start === 'string' && typeof date.end === 'string' ? { start: date.start, end: date.end } : null,
    datePrecision: str(d.datePrecision),
    eventType: str(d.eventType),
    subEventType: str(d.subEventType),
    places: arr(d.places).map((p) => ({ name: str(p.name) ?? '', country: str(p.country), admin1: str(p.admin1), admin2: str(p.admin2), lat: num(p.lat), lon: num(p.lon), geoPrecision: num(p.geoPrecision) })),
    actors: arr(d.actors).map((a) => ({ name: str(a.name) ?? '', type: str(a.type) ?? 'unknown' })),
    fatalities: { low: num(fat.low), best: num(fat.best), high: num(fat.high), byCategory },
    qualifier: str(d.qualifier),
    injured: num(d.injured),
    missing: num(d.missing),
    arrested: num(d.arrested),
    sources: [
      {
        report: reportRef(r.report_id),
        outlet: r.outlet,
        url: r.url,
        published: r.published,
        attributions: arr(d.attributions).map((a) => ({ source: str(a.source) ?? '', verb: str(a.verb) ?? '' })),
        quotes: body === null ? [] : r.spans.map((s) => ({ start: s.start, end: s.end, text: body.slice(s.start, s.end) })),
      },
    ],
  };
}

// ---- audit ----

export interface AuditFilter {
  afterSeq?: number;
  limit: number;
  entity?: string;
  entityId?: string;
  actor?: string;
}

export type AuditItem = AuditEntry;

/** Newest first would break paging by seq while entries are appended; oldest first with `after` is stable. */
export async function listAudit(deps: AppDeps, f: AuditFilter): Promise<Page<AuditItem>> {
  const rows = await deps.store.query<{ seq: number; at: string; actor: string; action: string; entity: string; entity_id: string; before: unknown; after: unknown; prev_hash: string; hash: string }>(
    `SELECT * FROM audit_log
      WHERE seq > $1 AND ($2::text IS NULL OR entity = $2) AND ($3::text IS NULL OR entity_id = $3) AND ($4::text IS NULL OR actor = $4)
      ORDER BY seq LIMIT $5`,
    [f.afterSeq ?? 0, f.entity ?? null, f.entityId ?? null, f.actor ?? null, f.limit],
  );
  return {
    items: rows.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after, prevHash: r.prev_hash, hash: r.hash })),
    next: rows.length === f.limit ? rows[rows.length - 1]!.seq : null,
  };
}

// ---- the version of the record ----

/**
 * A value that changes with every committed change to the record: the audit log's head hash (every change appends
 * to the log in its own transaction, serialised by an advisory lock). Empty for an empty log. One index lookup.
 */
export async function recordVersion(deps: AppDeps): Promise<string> {
  const rows = await deps.store.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  return rows[0]?.hash ?? '';
}
