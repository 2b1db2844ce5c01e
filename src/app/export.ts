// Use case: export the record in the field's formats, streaming page by page to any writable stream.
// acled / ucdp / csv / geojson carry incident claims that analysts confirmed or corrected (their current values: the
// correction if any), plus proposed ones with includeProposed; rejected claims never. json is a full dump (see
// src/store/dump.ts) that `marsad import json` restores into an empty store.
import type { Writable } from 'node:stream';
import { MarsadError } from '../domain/errors.js';
import { isCalendarDate } from '../domain/report-file.js';
import { acledCells, LAYOUT_COLUMNS, type AcledLayout, type AcledMeta } from '../io/acled.js';
import { CsvWriter, write } from '../io/csv-write.js';
import { UCDP_COLUMNS, ucdpCells } from '../io/ucdp.js';
import { dumpLines, dumpRowCount } from '../store/dump.js';
import type { AppDeps } from './deps.js';

export const EXPORT_FORMATS = ['acled', 'ucdp', 'geojson', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportInput {
  format: ExportFormat;
  out: Writable;
  /** Incidents whose date range ends on or after this day. */
  from?: string;
  /** Incidents whose date range starts on or before this day. */
  to?: string;
  /** Incidents with a place, admin unit or country of this name (case-insensitive). */
  place?: string;
  includeProposed?: boolean;
  /** ACLED column layout; auto = the layout of the latest ACLED import (2023 when there is none). */
  acledLayout?: AcledLayout | 'auto';
  /** json only: keep users' token hashes in the dump. */
  tokenHashes?: boolean;
  onProgress?: (rows: number) => void;
  /**
   * Called once before the first row with how many rows are to come (for a progress bar; costs one count query, so
   * it runs only when asked). With --place it is an upper bound: the place filter is applied row by row.
   */
  onTotal?: (rows: number) => void;
}

export interface ExportOutput {
  format: ExportFormat;
  rows: number;
  /** Incidents left out because the format cannot carry them (UCDP: protests, riots, strategic developments). */
  notExportable: number;
  layout?: AcledLayout;
}

interface IncidentRow {
  id: number;
  status: string;
  data: Record<string, unknown>;
  corrected: Record<string, unknown> | null;
  spans: { start: number; end: number }[];
  decided_at: string | null;
  created_at: string;
  outlet: string;
  published: string;
  url: string;
  sha256: string;
  bytes: Uint8Array | null;
  import_key: string | null;
}

/** Claim ids per export query: at most this many rows in memory at once. */
const ID_WINDOW = 1000;

export async function exportRecords(deps: AppDeps, input: ExportInput): Promise<ExportOutput> {
  for (const [name, d] of [['--from', input.from], ['--to', input.to]] as const) {
    if (d !== undefined && !isCalendarDate(d)) throw new MarsadError('invalid_input', `${name} ${d}: expected a date YYYY-MM-DD`);
  }
  if (input.format === 'json') {
    if (input.from || input.to || input.place || input.includeProposed) throw new MarsadError('invalid_input', 'the json dump is the whole store: --from, --to, --place and --include-proposed do not apply');
    if (input.onTotal) input.onTotal(await dumpRowCount(deps.store));
    let rows = 0;
    for await (const line of dumpLines(deps.store, { tokenHashes: input.tokenHashes })) {
      await write(input.out, line);
      if (++rows % 1000 === 0) input.onProgress?.(rows - 1);
    }
    input.onProgress?.(rows - 1);
    return { format: 'json', rows: rows - 1, notExportable: 0 };
  }

  const out: ExportOutput = { format: input.format, rows: 0, notExportable: 0 };
  let layout: AcledLayout = '2023';
  if (input.format === 'acled') {
    layout = input.acledLayout && input.acledLayout !== 'auto' ? input.acledLayout : await latestAcledLayout(deps);
    out.layout = layout;
  }
  const csv =
    input.format === 'acled' ? new CsvWriter(input.out, LAYOUT_COLUMNS[layout]) : input.format === 'ucdp' ? new CsvWriter(input.out, UCDP_COLUMNS) : input.format === 'csv' ? new CsvWriter(input.out, FLAT_COLUMNS) : null;
  if (input.format === 'geojson') await write(input.out, '{"type":"FeatureCollection","features":[\n');
  if (input.onTotal) input.onTotal(await countIncidents(deps, input));
  const place = input.place?.trim().toLowerCase();
  // Progress counts incidents read, so the bar ends at its total even when some are filtered out or not exportable.
  let visited = 0;
  for await (const r of incidents(deps, input)) {
    if (++visited % 1000 === 0) input.onProgress?.(visited);
    const c = (r.corrected ?? r.data) as Record<string, unknown>;
    if (place && !placeMatches(c, place)) continue;
    const ctx = { claimId: r.id, outlet: r.outlet, quotes: quotes(r), decidedAt: r.decided_at };
    if (input.format === 'acled') await csv!.row(acledCells(c, ctx, layout));
    else if (input.format === 'ucdp') {
      const cells = ucdpCells({ ...(c as object), claimId: r.id, key: r.import_key, region: acledRaw(c)?.region ?? '', outlet: r.outlet, url: r.url, published: r.published } as Parameters<typeof ucdpCells>[0]);
      if (!cells) {
        out.notExportable++;
        continue;
      }
      await csv!.row(cells);
    } else if (input.format === 'csv') await csv!.row(flatCells(r, c));
    else await write(input.out, `${out.rows ? ',\n' : ''}${JSON.stringify(feature(r, c))}`);
    out.rows++;
  }
  if (csv) await csv.end();
  if (input.format === 'geojson') await write(input.out, '\n]}\n');
  input.onProgress?.(visited);
  return out;
}

async function latestAcledLayout(deps: AppDeps): Promise<AcledLayout> {
  const rows = await deps.store.query<{ layout: string | null }>(
    "SELECT c.data->'acled'->>'layout' AS layout FROM imported_events e JOIN claims c ON c.id = e.claim_id WHERE e.source = 'acled' ORDER BY e.id DESC LIMIT 1",
  );
  return rows[0]?.layout === '2020' ? '2020' : '2023';
}

/**
 * Which incident claims an export carries ($1 statuses, $2 from, $3 to); the place filter is applied in code. kind and
 * status are wrapped in expressions so no index on them is used: the id range alone drives the scan (see incidents).
 */
const INCIDENT_FILTER = `(c.kind || '') = 'incident' AND (c.status || '') = ANY($1::text[])
          AND ($2::text IS NULL OR COALESCE(COALESCE(c.corrected, c.data)->'date'->>'end', '9999') >= $2)
          AND ($3::text IS NULL OR COALESCE(COALESCE(c.corrected, c.data)->'date'->>'start', '0000') <= $3)`;

function filterParams(input: ExportInput): unknown[] {
  const statuses = input.includeProposed ? ['confirmed', 'corrected', 'proposed'] : ['confirmed', 'corrected'];
  return [statuses, input.from ?? null, input.to ?? null];
}

async function countIncidents(deps: AppDeps, input: ExportInput): Promise<number> {
  const rows = await deps.store.query<{ n: number }>(`SELECT count(*) AS n FROM claims c WHERE ${INCIDENT_FILTER}`, filterParams(input));
  return rows[0]?.n ?? 0;
}

/**
 * Incident claims window by window of ids (never OFFSET): each query reads one bounded range of the primary key, so
 * the cost per page stays the same however large the store and whatever the planner's statistics say (a
 * "WHERE id > last ORDER BY id LIMIT n" was planned on a freshly imported PGlite store, with no statistics yet, as a
 * scan of every remaining row plus a sort: quadratic over an export). Claims added during the export are left out.
 */
async function* incidents(deps: AppDeps, input: ExportInput): AsyncGenerator<IncidentRow> {
  const [{ top }] = (await deps.store.query<{ top: number }>('SELECT COALESCE(max(id), 0) AS top FROM claims')) as [{ top: number }];
  for (let low = 0; low < top; low += ID_WINDOW) {
    const rows = await deps.store.query<IncidentRow>(
      `SELECT c.id, c.status, c.data, c.corrected, c.spans, c.decided_at, c.created_at, r.outlet, r.published, r.url, r.sha256,
              CASE WHEN c.data ? 'acled' THEN NULL ELSE r.bytes END AS bytes,
              (SELECT e.key FROM imported_events e WHERE e.claim_id = c.id) AS import_key
         FROM claims c JOIN reports r ON r.id = c.report_id
        WHERE c.id > $4 AND c.id <= $5 AND ${INCIDENT_FILTER}
        ORDER BY c.id`,
      [...filterParams(input), low, low + ID_WINDOW],
    );
    yield* rows;
  }
}

function acledRaw(c: Record<string, unknown>): Record<string, string> | undefined {
  return (c.acled as AcledMeta | undefined)?.raw;
}

interface PlaceLike {
  name?: string;
  admin1?: string | null;
  admin2?: string | null;
  admin3?: string | null;
  country?: string;
  countryName?: string;
  aliases?: string[];
  lat?: number | null;
  lon?: number | null;
  geoPrecision?: number;
  role?: string;
}

function placesOf(c: Record<string, unknown>): PlaceLike[] {
  return Array.isArray(c.places) ? (c.places as PlaceLike[]) : [];
}

function placeMatches(c: Record<string, unknown>, name: string): boolean {
  return placesOf(c).some((p) => [p.name, p.admin1, p.admin2, p.admin3, p.country, p.countryName, ...(p.aliases ?? [])].some((n) => typeof n === 'string' && n.toLowerCase() === name));
}

/** The words of the report behind a claim (its spans), for claims that have no ACLED notes. */
function quotes(r: IncidentRow): string {
  if (!r.bytes || !r.spans?.length) return '';
  const text = Buffer.from(r.bytes).toString('utf8');
  const body = text.slice(text.indexOf('\n\n') + 2);
  return r.spans.map((s) => body.slice(s.start, s.end)).join(' … ');
}

export const FLAT_COLUMNS = [
  'claim', 'status', 'key', 'event_type', 'sub_event_type', 'date_start', 'date_end', 'date_precision', 'place', 'admin1', 'admin2',
  'admin3', 'country', 'latitude', 'longitude', 'geo_precision', 'actors', 'fatalities_low', 'fatalities_best', 'fatalities_high',
  'civilians', 'state_forces', 'non_state_fighters', 'unknown', 'qualifier', 'outlet', 'published', 'url', 'report_sha256',
] as const;

interface Current {
  eventType?: string;
  subEventType?: string;
  date?: { start: string; end: string } | null;
  datePrecision?: string;
  actors?: { name: string; type: string }[];
  fatalities?: { low: number | null; best: number | null; high: number | null; byCategory?: Record<string, number> };
  qualifier?: string;
}

function flatCells(r: IncidentRow, data: Record<string, unknown>): unknown[] {
  const c = data as Current;
  const p = placesOf(data).find((x) => x.role === 'event') ?? placesOf(data)[0];
  const f = c.fatalities;
  return [
    `c${r.id}`, r.status, r.import_key ?? '', c.eventType, c.subEventType, c.date?.start, c.date?.end, c.datePrecision, p?.name, p?.admin1, p?.admin2, p?.admin3,
    p?.countryName ?? p?.country, p?.lat, p?.lon, p?.geoPrecision, (c.actors ?? []).map((a) => `${a.name} (${a.type})`).join('; '), f?.low, f?.best, f?.high,
    f?.byCategory?.civilians, f?.byCategory?.stateForces, f?.byCategory?.nonStateFighters, f?.byCategory?.unknown, c.qualifier, r.outlet, r.published, r.url, r.sha256,
  ];
}

function feature(r: IncidentRow, data: Record<string, unknown>): unknown {
  const c = data as Current;
  const p = placesOf(data).find((x) => x.role === 'event') ?? placesOf(data)[0];
  const point = p && typeof p.lat === 'number' && typeof p.lon === 'number' ? { type: 'Point', coordinates: [p.lon, p.lat] } : null;
  return {
    type: 'Feature',
    id: `c${r.id}`,
    geometry: point,
    properties: {
      claim: `c${r.id}`, status: r.status, key: r.import_key, eventType: c.eventType, subEventType: c.subEventType, date: c.date ?? null,
      datePrecision: c.datePrecision, place: p?.name ?? null, admin1: p?.admin1 ?? null, admin2: p?.admin2 ?? null, admin3: p?.admin3 ?? null,
      country: p?.countryName ?? p?.country ?? null, geoPrecision: p?.geoPrecision ?? null, actors: (c.actors ?? []).map((a) => ({ name: a.name, type: a.type })),
      fatalities: f(c), outlet: r.outlet, published: r.published, url: r.url, report: r.sha256,
    },
  };
}

function f(c: Current) {
  return c.fatalities ? { low: c.fatalities.low, best: c.fatalities.best, high: c.fatalities.high, byCategory: c.fatalities.byCategory ?? {} } : null;
}
