// The on-disk layout of build/gazetteer, shared by the builder and the loader so the two cannot drift.

/** Files written by scripts/build-gazetteer.ts. */
export const FILES = {
  /** One entry per line, see serializeEntry. Line number = entry index. */
  entries: 'entries.tsv',
  entriesIdx: 'entries.idx',
  /** Lookup key, tab, comma-separated entry indexes; sorted by key. */
  keys: 'keys.tsv',
  keysIdx: 'keys.idx',
  /** Admin unit code ("SY.02", "SY.02.169303") → display name and entry index. */
  admins: 'admins.tsv',
  /** ISO2, name, variants, demonyms (copied from data/gazetteer/countries.tsv). */
  countries: 'countries.tsv',
  /** Word lists of the place recognizer (copied from data/gazetteer/lexicon.json). */
  lexicon: 'lexicon.json',
  meta: 'meta.json',
} as const;

/** One gazetteer entry: a GeoNames place, an admin unit, a country or a supplement place. */
export interface GazetteerEntry {
  /** Line index in entries.tsv; stable within one build only. */
  index: number;
  /** GeoNames id, or null for synthetic entries (admin units, countries, supplement). */
  geonameId: number | null;
  name: string;
  /** GeoNames feature code: PPL*, ADM1, ADM2, ADM3, PCLI, CMP, PPLX, RGN. */
  featureCode: string;
  country: string;
  /** Admin codes as in GeoNames ("02", "169303"); for PS the governorate is the admin1 (ACLED). */
  admin1Code: string;
  admin2Code: string;
  lat: number;
  lon: number;
  population: number;
  supplement: boolean;
  /** Coordinates are approximate (supplement rows marked so by their editor). */
  approx: boolean;
  /** Latin- and Arabic-script spellings, the preferred name first. */
  names: string[];
}

export type EntryFields = Omit<GazetteerEntry, 'index'>;

const clean = (s: string): string => s.replace(/[\t\n|]/g, ' ');

export function serializeEntry(e: EntryFields): string {
  const flags = (e.supplement ? 's' : '') + (e.approx ? 'a' : '');
  return [
    e.geonameId ?? '',
    clean(e.name),
    e.featureCode,
    e.country,
    e.admin1Code,
    e.admin2Code,
    e.lat.toFixed(4),
    e.lon.toFixed(4),
    e.population,
    flags,
    e.names.map(clean).join('|'),
  ].join('\t');
}

export function parseEntry(line: string, index: number): GazetteerEntry {
  const f = line.split('\t');
  const flags = f[9] ?? '';
  return {
    index,
    geonameId: f[0] ? Number(f[0]) : null,
    name: f[1] ?? '',
    featureCode: f[2] ?? '',
    country: f[3] ?? '',
    admin1Code: f[4] ?? '',
    admin2Code: f[5] ?? '',
    lat: Number(f[6]),
    lon: Number(f[7]),
    population: Number(f[8]) || 0,
    supplement: flags.includes('s'),
    approx: flags.includes('a'),
    names: f[10] ? f[10].split('|') : [],
  };
}

/** Feature codes of administrative units. */
export const isAdminUnit = (code: string): boolean => /^ADM[1-5]$/.test(code);
export const isCountry = (code: string): boolean => code.startsWith('PCL');
