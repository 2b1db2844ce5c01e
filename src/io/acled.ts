// ACLED's CSV layouts both ways: a row → a report text and a confirmed incident claim carrying ACLED's coding, and an
// incident claim → a row. Pure: no store, no files. The original cells travel with the claim (`acled.raw`), so a
// claim nobody corrected exports to exactly the cells it came from, and a corrected one exports our values.
import { EVENT_TYPES, type ActorType, type DatePrecision, type EventType, type GeoPrecision, type IncidentClaim, type PlaceRef } from '../domain/types.js';
import { countries } from '../gazetteer/index.js';
import { DATE_EXAMPLES, formatAcledDate, parseAcledDate, type DateStyle } from './dates.js';

/** The 31 columns of ACLED exports until 2022 (the layout of ../shared/data/acled-sample-*.csv). */
export const ACLED_2020_COLUMNS = [
  'data_id', 'iso', 'event_id_cnty', 'event_id_no_cnty', 'event_date', 'year', 'time_precision', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'region', 'country', 'admin1', 'admin2',
  'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes', 'fatalities', 'timestamp', 'iso3',
] as const;

/** The 2023 layout: disorder_type, civilian_targeting and tags added; data_id, event_id_no_cnty and iso3 gone. */
export const ACLED_2023_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1',
  'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region', 'country', 'admin1', 'admin2',
  'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

export type AcledLayout = '2020' | '2023';
export const LAYOUT_COLUMNS: Record<AcledLayout, readonly string[]> = { '2020': ACLED_2020_COLUMNS, '2023': ACLED_2023_COLUMNS };

/** Without these a row cannot become an incident. */
export const REQUIRED_COLUMNS = ['event_id_cnty', 'event_date', 'event_type', 'sub_event_type', 'actor1', 'country', 'location', 'latitude', 'longitude', 'fatalities'] as const;

/** ACLED's inter codes 1–8 in order are marsad's actor types (0: no actor). */
const INTER_LABELS: Record<string, number> = {
  'state forces': 1, 'rebel group': 2, 'rebel groups': 2, 'political militia': 3, 'political militias': 3, 'identity militia': 4,
  'identity militias': 4, rioters: 5, protesters: 6, civilians: 7, 'external/other forces': 8, 'external/other force': 8,
};
const ACTOR_TYPE_OF_INTER: readonly ActorType[] = ['stateForces', 'rebelGroup', 'politicalMilitia', 'identityMilitia', 'rioters', 'protesters', 'civilians', 'externalForces'];

const TIME_PRECISION: Record<string, DatePrecision> = { '1': 'day', '2': 'week', '3': 'month' };

export interface AcledHeader {
  layout: AcledLayout;
  columns: string[];
  index: Map<string, number>;
}

/** The header row → the layout, or the problems with it (missing required columns, duplicates). */
export function readAcledHeader(cells: readonly string[]): { ok: true; header: AcledHeader } | { ok: false; problems: string[] } {
  const columns = cells.map((c) => c.trim().toLowerCase());
  const index = new Map<string, number>();
  const problems: string[] = [];
  columns.forEach((c, i) => {
    if (index.has(c)) problems.push(`column ${c}: appears twice (columns ${index.get(c)! + 1} and ${i + 1})`);
    else index.set(c, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length) problems.push(`missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (an ACLED export has: ${ACLED_2020_COLUMNS.join(', ')})`);
  if (problems.length) return { ok: false, problems };
  const layout: AcledLayout = index.has('disorder_type') || index.has('civilian_targeting') || index.has('tags') ? '2023' : '2020';
  return { ok: true, header: { layout, columns, index } };
}

export interface AcledMeta {
  layout: AcledLayout;
  dateStyle: DateStyle;
  eventIdCnty: string;
  /** Every cell of the row as read, by (lower-cased) column name. */
  raw: Record<string, string>;
}

export type AcledIncident = Omit<IncidentClaim, 'places' | 'actors'> & {
  places: (PlaceRef & { admin3: string | null; countryName: string })[];
  actors: { name: string; type: ActorType; spans: []; side: 1 | 2; associated: boolean }[];
  acled: AcledMeta;
};

export interface AcledRow {
  /** event_id_cnty, or data_id:N for a row without one. */
  key: string;
  eventIdCnty: string;
  day: string;
  /** The report as stored: a report-file header (outlet = ACLED's source list, published = the event date) and the notes. */
  reportText: string;
  claim: AcledIncident;
}

export interface CellProblem {
  column: string;
  message: string;
}

/** Validates one record and maps it; every problem of the row is reported, not only the first. */
export function parseAcledRow(header: AcledHeader, cells: readonly string[]): { ok: true; row: AcledRow } | { ok: false; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  if (cells.length !== header.columns.length) {
    return { ok: false, problems: [{ column: '(row)', message: `expected ${header.columns.length} cells, got ${cells.length}` }] };
  }
  const raw: Record<string, string> = {};
  header.columns.forEach((c, i) => (raw[c] = cells[i]!));
  const get = (c: string) => raw[c] ?? '';
  const bad = (column: string, expected: string) => problems.push({ column, message: `expected ${expected}, got ${JSON.stringify(truncate(get(column)))}` });

  const eventIdCnty = get('event_id_cnty').trim();
  // A few exported rows lack event_id_cnty; the 2020 layout's data_id still names them.
  const dataId = get('data_id').trim();
  const key = eventIdCnty || (/^\d{1,20}$/.test(dataId) ? `data_id:${dataId}` : '');
  if (eventIdCnty ? !/^[A-Za-z0-9_.-]{1,64}$/.test(eventIdCnty) : !key) bad('event_id_cnty', 'an event id such as SYR12345 (or a data_id)');
  const date = parseAcledDate(get('event_date'));
  if (!date) bad('event_date', `a date (${DATE_EXAMPLES})`);
  const year = get('year').trim();
  if (year && (!/^\d{4}$/.test(year) || (date && date.day.slice(0, 4) !== year))) bad('year', date ? `the year of event_date (${date.day.slice(0, 4)})` : 'a four-digit year');
  const tp = get('time_precision').trim();
  if (tp && !TIME_PRECISION[tp]) bad('time_precision', '1, 2 or 3');
  const eventType = get('event_type').trim() as EventType;
  const subEventType = get('sub_event_type').trim();
  const subs = EVENT_TYPES[eventType] as readonly string[] | undefined;
  if (!subs) bad('event_type', `one of ${Object.keys(EVENT_TYPES).join(', ')}`);
  else if (!subs.includes(subEventType)) bad('sub_event_type', `a sub-event type of ${eventType} (${subs.join(', ')})`);
  const inter1 = inter(get('inter1'));
  const inter2 = inter(get('inter2'));
  const actor1 = get('actor1').trim();
  const actor2 = get('actor2').trim();
  if (!actor1) bad('actor1', 'an actor name');
  if (header.index.has('inter1') && (inter1 === null || inter1 === 0)) bad('inter1', 'an inter code 1–8 (or its label, e.g. State forces)');
  if (header.index.has('inter2') && inter2 === null) bad('inter2', 'an inter code 0–8 (or its label)');
  if (actor2 && inter2 === 0) bad('inter2', 'an inter code 1–8 for actor2');
  const lat = num(get('latitude'));
  const lon = num(get('longitude'));
  if (lat === null || lat < -90 || lat > 90) bad('latitude', 'a number from -90 to 90');
  if (lon === null || lon < -180 || lon > 180) bad('longitude', 'a number from -180 to 180');
  const gp = get('geo_precision').trim();
  if (gp && !['1', '2', '3'].includes(gp)) bad('geo_precision', '1, 2 or 3');
  const fatalitiesText = get('fatalities').trim();
  const fatalities = fatalitiesText === '' ? null : /^\d{1,7}$/.test(fatalitiesText) ? Number(fatalitiesText) : NaN;
  if (Number.isNaN(fatalities)) bad('fatalities', 'a whole number of deaths (or nothing)');
  if (!get('country').trim()) bad('country', 'a country name');
  if (!get('location').trim()) bad('location', 'a location name');
  if (problems.length || !date) return { ok: false, problems };

  const country = get('country').trim();
  const datePrecision = TIME_PRECISION[tp || '1']!;
  const side1 = inter1 ?? 1;
  const actors: AcledIncident['actors'] = [];
  const addActors = (name: string, code: number, side: 1 | 2, associated: boolean) => {
    for (const n of associated ? splitList(name) : [name]) if (n) actors.push({ name: n, type: ACTOR_TYPE_OF_INTER[Math.max(1, code) - 1]!, spans: [], side, associated });
  };
  addActors(actor1, side1, 1, false);
  addActors(get('assoc_actor_1'), side1, 1, true);
  if (actor2) addActors(actor2, inter2 || 8, 2, false);
  addActors(get('assoc_actor_2'), inter2 || 8, 2, true);
  const place: AcledIncident['places'][number] = {
    name: get('location').trim(),
    aliases: [],
    geonameId: null,
    featureCode: '',
    country: countryCode(country) ?? country,
    countryName: country,
    admin1: get('admin1').trim() || null,
    admin2: get('admin2').trim() || null,
    admin3: get('admin3').trim() || null,
    lat,
    lon,
    geoPrecision: Number(gp || '1') as GeoPrecision,
    role: 'event',
    spans: [],
  };
  const claim: AcledIncident = {
    kind: 'incident',
    id: key,
    spans: [],
    rules: ['import.acled'],
    warnings: [],
    date: { start: date.day, end: date.day },
    datePrecision,
    places: [place],
    eventType,
    subEventType: subEventType as IncidentClaim['subEventType'],
    actors,
    fatalities: { low: fatalities, best: fatalities, high: fatalities, byCategory: {} },
    qualifier: 'exact',
    injured: null,
    missing: null,
    arrested: null,
    figures: [],
    attributions: [],
    evidence: [],
    disputes: [],
    acled: { layout: header.layout, dateStyle: date.style, eventIdCnty, raw },
  };
  return { ok: true, row: { key, eventIdCnty, day: date.day, reportText: reportTextOf(get('source'), date.day, get('notes'), key), claim } };
}

/** The report of a row: the same notes, sources and date give the same bytes, so ACLED's split events share one report. */
export function reportTextOf(source: string, day: string, notes: string, eventIdCnty: string): string {
  const outlet = source.replace(/[\r\n]+/g, ' ').trim() || 'ACLED';
  const body = notes.trim() === '' ? `(ACLED event ${eventIdCnty} has no notes)` : notes;
  return `outlet: ${outlet}\npublished: ${day}\nurl: unknown\n\n${body}`;
}

function inter(text: string): number | null {
  const t = text.trim();
  if (t === '') return 0;
  if (/^[0-8]$/.test(t)) return Number(t);
  return INTER_LABELS[t.toLowerCase()] ?? null;
}

function num(text: string): number | null {
  const t = text.trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

function splitList(text: string): string[] {
  return text.split(';').map((s) => s.trim()).filter(Boolean);
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

let countryCodes: Map<string, string> | null = null;
/** ACLED's country name → ISO 3166 alpha-2 via the gazetteer's names and variants; null when unknown or no gazetteer. */
export function countryCode(name: string): string | null {
  if (!countryCodes) {
    countryCodes = new Map();
    try {
      for (const c of countries().values()) for (const n of [c.name, ...c.variants]) countryCodes.set(n.toLowerCase(), c.iso2);
    } catch {
      // no gazetteer built: keep the name
    }
  }
  return countryCodes.get(name.trim().toLowerCase()) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Export: an incident claim (as it stands now: the correction if any) → ACLED cells.

export interface ExportContext {
  claimId: number;
  outlet: string;
  /** The words of the report the claim was read from (its spans), for claims that did not come from ACLED. */
  quotes: string;
  decidedAt: string | null;
}

type IncidentLike = Partial<AcledIncident> & { acled?: AcledMeta };

const NUMERIC = new Set(['latitude', 'longitude', 'fatalities', 'inter1', 'inter2', 'geo_precision', 'time_precision', 'year', 'iso', 'interaction', 'data_id', 'event_id_no_cnty', 'timestamp']);
const LISTS = new Set(['assoc_actor_1', 'assoc_actor_2', 'tags', 'source']);

/** The cells of one ACLED row in `layout`'s column order. */
export function acledCells(c: IncidentLike, ctx: ExportContext, layout: AcledLayout, defaultStyle: DateStyle = 'd Month yyyy'): string[] {
  const raw = c.acled?.raw ?? {};
  const ours = ourCells(c, ctx, c.acled?.dateStyle ?? defaultStyle);
  return LAYOUT_COLUMNS[layout].map((col) => {
    const mine = ours[col] ?? '';
    const theirs = raw[col];
    return theirs !== undefined && same(col, theirs, mine) ? theirs : mine;
  });
}

/** ACLED's spelling wins where it means the same as ours (15.6000 vs 15.6, 09-May-20 vs 9-May-20). */
function same(col: string, a: string, b: string): boolean {
  if (a.trim() === b.trim()) return true;
  if (NUMERIC.has(col)) return a.trim() !== '' && b.trim() !== '' && Number(a) === Number(b);
  if (col === 'event_date') return parseAcledDate(a)?.day === parseAcledDate(b)?.day && parseAcledDate(a) !== null;
  if (LISTS.has(col)) return splitList(a).join('; ') === splitList(b).join('; ');
  return false;
}

const DISORDER: Record<string, string> = {
  Battles: 'Political violence', 'Violence against civilians': 'Political violence', 'Explosions/Remote violence': 'Political violence',
  Protests: 'Demonstrations', Riots: 'Demonstrations', 'Strategic developments': 'Strategic developments',
};

function ourCells(c: IncidentLike, ctx: ExportContext, style: DateStyle): Record<string, string> {
  const raw = c.acled?.raw ?? {};
  const place = c.places?.find((p) => p.role === 'event') ?? c.places?.[0];
  const actors = c.actors ?? [];
  // Claims extracted by marsad have no sides: the first actor is actor1, the second of another name actor2.
  const main1 = actors.find((a) => a.side === 1 && !a.associated) ?? actors.find((a) => a.side === undefined);
  const main2 = actors.find((a) => a.side === 2 && !a.associated) ?? actors.find((a) => a.side === undefined && a !== main1 && a.name !== main1?.name);
  const assoc = (side: 1 | 2) => actors.filter((a) => a.side === side && a.associated).map((a) => a.name).join('; ');
  const code = (t: ActorType | undefined) => (t ? ACTOR_TYPE_OF_INTER.indexOf(t) + 1 : 0);
  const i1 = code(main1?.type);
  const i2 = code(main2?.type);
  const pair = [i1, i2].filter((x) => x > 0).sort((a, b) => a - b);
  const day = c.date?.start ?? '';
  const precision = c.datePrecision === 'day' ? '1' : c.datePrecision === 'week' || c.datePrecision === 'range' ? '2' : c.datePrecision ? '3' : '';
  const f = c.fatalities?.best;
  const fromAcled = (col: string, fallback: string) => raw[col] ?? fallback;
  return {
    data_id: fromAcled('data_id', ''),
    iso: fromAcled('iso', ''),
    event_id_cnty: c.acled ? c.acled.eventIdCnty : `MRS${ctx.claimId}`,
    event_id_no_cnty: fromAcled('event_id_no_cnty', String(ctx.claimId)),
    event_date: day ? formatAcledDate(day, style) : '',
    year: day.slice(0, 4),
    time_precision: precision,
    disorder_type: fromAcled('disorder_type', DISORDER[c.eventType ?? ''] ?? ''),
    event_type: c.eventType ?? '',
    sub_event_type: c.subEventType ?? '',
    actor1: main1?.name ?? '',
    assoc_actor_1: assoc(1),
    inter1: String(i1),
    actor2: main2?.name ?? '',
    assoc_actor_2: assoc(2),
    inter2: String(i2),
    // ACLED's own interaction code stands while the inter codes it was made from stand.
    interaction:
      raw.interaction !== undefined && inter(raw.inter1 ?? '') === i1 && inter(raw.inter2 ?? '') === i2
        ? raw.interaction
        : pair.length === 0 ? '' : pair.length === 1 ? `${pair[0]}0` : `${pair[0]}${pair[1]}`,
    civilian_targeting: fromAcled('civilian_targeting', c.eventType === 'Violence against civilians' || i2 === 7 ? 'Civilian targeting' : ''),
    region: fromAcled('region', ''),
    country: place ? ('countryName' in place && place.countryName ? place.countryName : (countryNameOf(place.country) ?? place.country)) : '',
    admin1: place?.admin1 ?? '',
    admin2: place?.admin2 ?? '',
    admin3: (place && 'admin3' in place ? place.admin3 : null) ?? '',
    location: place?.name ?? '',
    latitude: place?.lat === null || place?.lat === undefined ? '' : String(place.lat),
    longitude: place?.lon === null || place?.lon === undefined ? '' : String(place.lon),
    geo_precision: place ? String(place.geoPrecision) : '',
    source: fromAcled('source', ctx.outlet),
    source_scale: fromAcled('source_scale', ''),
    notes: fromAcled('notes', ctx.quotes),
    fatalities: f === null || f === undefined ? '' : String(f),
    tags: fromAcled('tags', ''),
    timestamp: fromAcled('timestamp', ctx.decidedAt ? String(Math.floor(Date.parse(ctx.decidedAt) / 1000)) : ''),
    iso3: fromAcled('iso3', ''),
  };
}

function countryNameOf(iso2: string): string | null {
  try {
    return countries().get(iso2)?.name ?? null;
  } catch {
    return null;
  }
}
