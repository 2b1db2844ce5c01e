// The gazetteer at run time: a lazy singleton over build/gazetteer with name lookup and PlaceRef helpers.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeoPrecision, PlaceRef, Span } from '../domain/types.js';
import { FILES, type GazetteerEntry, isCountry, parseEntry } from './format.js';
import { LineFile } from './line-file.js';
import { placeKey } from './normalize.js';
import { packageRoot } from '../shared/package-root.js';

export type { GazetteerEntry } from './format.js';
export { placeKey, plainWordKey, foldText, stripGenericSuffix } from './normalize.js';

/** Raised when build/gazetteer is absent or unreadable. */
export class GazetteerMissingError extends Error {
  readonly code = 'gazetteer_missing';
  constructor(dir: string) {
    super(`gazetteer index not found at ${dir}: run \`npm run build\` (or \`npm run build:gazetteer\`) first`);
  }
}

export interface CountryInfo {
  iso2: string;
  name: string;
  variants: string[];
  demonyms: string[];
}

/**
 * The loaded index. Lines are kept as strings and parsed on demand: splitting is cheap, parsing
 * 230k entries is not, and a report touches only a few hundred of them.
 */
class Gazetteer {
  private readonly entryLines: LineFile;
  private readonly entryCache = new Map<number, GazetteerEntry>();
  private readonly keys: LineFile;
  private readonly admins = new Map<string, { name: string; entry: number }>();
  readonly countries = new Map<string, CountryInfo>();

  constructor(dir: string) {
    const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
    this.entryLines = new LineFile(join(dir, FILES.entries), join(dir, FILES.entriesIdx));
    this.keys = new LineFile(join(dir, FILES.keys), join(dir, FILES.keysIdx));
    for (const line of read(FILES.admins).split('\n')) {
      const [code = '', name = '', entry = ''] = line.split('\t');
      if (code) this.admins.set(code, { name, entry: Number(entry) });
    }
    for (const line of read(FILES.countries).split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [iso2 = '', name = '', variants = '', demonyms = ''] = line.split('\t');
      this.countries.set(iso2, { iso2, name, variants: list(variants), demonyms: list(demonyms) });
    }
  }

  entry(index: number): GazetteerEntry | undefined {
    let e = this.entryCache.get(index);
    if (!e) {
      const line = this.entryLines.line(index);
      if (line === undefined) return undefined;
      e = parseEntry(line, index);
      this.entryCache.set(index, e);
    }
    return e;
  }

  /** Entries whose key equals `key` (already folded by placeKey). */
  byKey(key: string): GazetteerEntry[] {
    const cached = this.keyCache.get(key);
    if (cached) return cached;
    const found = this.findKey(key);
    if (this.keyCache.size > 200_000) this.keyCache.clear();
    this.keyCache.set(key, found);
    return found;
  }

  private readonly keyCache = new Map<string, GazetteerEntry[]>();

  private findKey(key: string): GazetteerEntry[] {
    const i = this.keys.findByFirstField(Buffer.from(key, 'utf8'));
    if (i < 0) return [];
    const line = this.keys.line(i)!;
    const ids = line.slice(line.indexOf('\t') + 1).split(',');
    return ids.map((s) => this.entry(Number(s))).filter((e): e is GazetteerEntry => e !== undefined);
  }

  hasKey(key: string): boolean {
    return this.keys.findByFirstField(Buffer.from(key, 'utf8')) >= 0;
  }

  get size(): number {
    return this.entryLines.length;
  }

  admin(code: string): { name: string; entry: number } | undefined {
    return this.admins.get(code);
  }
}

const list = (s: string): string[] => s.split('|').map((x) => x.trim()).filter(Boolean);

let instance: Gazetteer | null = null;
let loadMs = 0;

/** build/gazetteer of this package (or MARSAD_GAZETTEER_DIR); throws a clear error when not built. */
export function gazetteerDir(): string {
  const dir = process.env.MARSAD_GAZETTEER_DIR ?? join(packageRoot(), 'build', 'gazetteer');
  if (!existsSync(join(dir, FILES.entries))) throw new GazetteerMissingError(dir);
  return dir;
}

/** Loads the index once; later calls return the same instance. */
export function gazetteer(): Gazetteer {
  if (!instance) {
    const dir = gazetteerDir();
    const t0 = performance.now();
    instance = new Gazetteer(dir);
    loadMs = performance.now() - t0;
  }
  return instance;
}

/** Milliseconds the last load took (0 before the first load). */
export const gazetteerLoadMs = (): number => loadMs;

/** All entries bearing this name in any known spelling. */
export function lookupName(name: string): GazetteerEntry[] {
  const key = placeKey(name);
  return key ? gazetteer().byKey(key) : [];
}

/** Lookup by an already folded key (the recognizer folds once per candidate). */
export const lookupKey = (key: string): GazetteerEntry[] => gazetteer().byKey(key);
export const hasKey = (key: string): boolean => gazetteer().hasKey(key);

/** A GeoNames id, or an entry index as "#123" for entries without one. */
export function getById(id: number | string): GazetteerEntry | undefined {
  const g = gazetteer();
  if (typeof id === 'string' && id.startsWith('#')) return g.entry(Number(id.slice(1)));
  return findByGeonameId(Number(id));
}

const geonameIndex = new Map<number, number>();
function findByGeonameId(id: number): GazetteerEntry | undefined {
  const g = gazetteer();
  if (geonameIndex.size === 0) {
    // Built on first use only: most callers never look up by id.
    for (let i = 0; i < g.size; i++) {
      const e = g.entry(i);
      if (!e) continue;
      if (e.geonameId !== null) geonameIndex.set(e.geonameId, i);
    }
  }
  const i = geonameIndex.get(id);
  return i === undefined ? undefined : g.entry(i);
}

/** Admin1 display name ("Latakia", "Kirovohrad", "North Darfur"); null when unknown. */
export function admin1Name(country: string, code: string): string | null {
  if (!code) return null;
  return gazetteer().admin(`${country}.${code}`)?.name ?? null;
}

export function admin2Name(country: string, admin1: string, admin2: string): string | null {
  if (!admin2) return null;
  return gazetteer().admin(`${country}.${admin1}.${admin2}`)?.name ?? null;
}

/** The entry of an admin unit, by codes. */
export function adminEntry(country: string, admin1: string, admin2 = ''): GazetteerEntry | undefined {
  const a = gazetteer().admin(admin2 ? `${country}.${admin1}.${admin2}` : `${country}.${admin1}`);
  return a ? gazetteer().entry(a.entry) : undefined;
}

/** Word lists of the place recognizer, lower-cased into sets. */
export interface RecognizerLexicon {
  stopwords: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  givenNames: ReadonlySet<string>;
  orgNouns: ReadonlySet<string>;
}

let lexiconCache: RecognizerLexicon | null = null;
export function recognizerLexicon(): RecognizerLexicon {
  if (!lexiconCache) {
    const dir = gazetteerDir();
    const raw = JSON.parse(readFileSync(join(dir, FILES.lexicon), 'utf8')) as Record<string, string[]>;
    const set = (k: string): Set<string> => new Set((raw[k] ?? []).map((w) => w.toLowerCase()));
    lexiconCache = { stopwords: set('stopwords'), titles: set('titles'), givenNames: set('givenNames'), orgNouns: set('orgNouns') };
  }
  return lexiconCache;
}

export function countryName(iso2: string): string | null {
  return gazetteer().countries.get(iso2)?.name ?? null;
}

export function countries(): ReadonlyMap<string, CountryInfo> {
  return gazetteer().countries;
}

/** Preferred name of the admin unit an entry lies in, via its own record for units themselves. */
function entryAdmin1(e: GazetteerEntry): string | null {
  if (isCountry(e.featureCode)) return null;
  return admin1Name(e.country, e.admin1Code);
}

/** Default ACLED precision of an entry: a town 1, a district 2, a province or country 3. */
export function defaultPrecision(e: GazetteerEntry): GeoPrecision {
  if (e.featureCode === 'ADM1' || e.featureCode === 'RGN' || isCountry(e.featureCode)) return 3;
  if (e.featureCode === 'ADM2' || e.featureCode === 'ADM3') return 2;
  return 1;
}

const MAX_ALIASES = 30;

/**
 * What a PlaceRef copies of an entry beyond its fields, built once per entry (the same places recur in every report)
 * and kept in one memo, so a mention costs one lookup: its Latin spellings (preferred first, de-duplicated, capped),
 * the same lower-cased (a spelling from the text is checked without lower-casing every alias each time) and the names
 * of the units it lies in.
 */
interface RefFacts {
  names: string[];
  /** The same as a set: a spelling is checked by one lookup, not compared with every name. */
  nameSet: ReadonlySet<string>;
  lowerNames: ReadonlySet<string>;
  admin1: string | null;
  admin2: string | null;
}
/** By entry index, in an array as long as the gazetteer (bounded by it): a number indexes cheaper than it hashes. */
const refMemo: (RefFacts | null)[] = [];
function refFacts(e: GazetteerEntry): RefFacts {
  if (refMemo.length === 0) for (let i = gazetteer().size; i > 0; i--) refMemo.push(null);
  let facts = refMemo[e.index];
  if (!facts) {
    const names = latinNames(e);
    facts = { names, nameSet: new Set(names), lowerNames: new Set(names.map((n) => n.toLowerCase())), admin1: entryAdmin1(e), admin2: admin2Name(e.country, e.admin1Code, e.admin2Code) };
    if (e.index < refMemo.length) refMemo[e.index] = facts;
  }
  return facts;
}
function latinNames(e: GazetteerEntry): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of [e.name, ...e.names]) {
    if (!/\p{Script=Latin}/u.test(n)) continue;
    const k = n.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(n);
    if (out.length >= MAX_ALIASES) break;
  }
  return out;
}

/** The PlaceRef contract for an entry; `extraAliases` adds spellings seen in the text. */
export function toPlaceRef(
  e: GazetteerEntry,
  role: PlaceRef['role'],
  spans: Span[],
  precision: GeoPrecision = defaultPrecision(e),
  extraAliases: string[] = [],
): PlaceRef {
  const facts = refFacts(e);
  const base = facts.names;
  // A loop, not a filter: the recognizer passes one spelling per mention, mostly a known one.
  let extra: string[] | null = null;
  // A spelling among the names as written is known without lower-casing it.
  for (const n of extraAliases) if (!facts.nameSet.has(n) && !facts.lowerNames.has(n.toLowerCase())) (extra ??= []).push(n);
  const aliases = extra ? [base[0]!, ...extra, ...base.slice(1)].slice(0, MAX_ALIASES) : base;
  return {
    name: e.name,
    aliases,
    geonameId: e.geonameId,
    featureCode: e.featureCode,
    country: e.country,
    admin1: facts.admin1,
    admin2: facts.admin2,
    lat: e.lat,
    lon: e.lon,
    geoPrecision: precision,
    role,
    spans,
  };
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A place the text names with certainty but the gazetteer lacks ("in the village of X",
 * "X (Y, Z)"): named as written, located by the unit or place that anchors it (geoPrecision 2,
 * as ACLED codes a place known only to lie within a district or province),
 * or by its country alone (no coordinates, precision 3) when nothing nearer is known.
 */
export function unresolvedPlaceRef(
  name: string,
  anchor: GazetteerEntry | null,
  country: string,
  role: PlaceRef['role'],
  spans: Span[],
  featureCode = 'PPL',
): PlaceRef {
  const a = anchor && anchor.country === country && !isCountry(anchor.featureCode) ? anchor : null;
  return {
    name,
    aliases: [name],
    geonameId: null,
    featureCode,
    country,
    // The anchor's unit names as its own PlaceRef has them (memoised: the same anchors recur).
    admin1: a ? refFacts(a).admin1 : null,
    admin2: a ? (a.featureCode === 'ADM2' ? a.name : refFacts(a).admin2) : null,
    lat: a ? a.lat : null,
    lon: a ? a.lon : null,
    geoPrecision: a ? 2 : 3,
    role,
    spans,
  };
}
