// UCDP GED's CSV columns from an incident claim. The mapping (also in the README section):
// - type_of_violence: 1 state-based when a state (or external state force) is a party to a battle or remote violence,
//   3 one-sided for violence against civilians (side_b "Civilians"), 2 non-state otherwise. Protests, riots and
//   strategic developments are not organised violence in GED's sense and are not exported.
// - side_a is the state side for type 1 (the first state actor), the perpetrator for type 3, actor 1 for type 2.
// - deaths: stateForces → the column of the side that is the state (deaths_a or deaths_b), nonStateFighters → the
//   column of the one non-state armed side (deaths_unknown when both or neither are), civilians → deaths_civilians,
//   unknown and whatever the categories leave of `best` → deaths_unknown (for one-sided violence → deaths_civilians,
//   the victims of one-sided violence being civilians by GED's definition).
// - best/low/high: ours; an open-ended high (null, "at least") is written as best, GED having no open bound.
// - where_prec (GED 1 exact place … 4 admin-1 … 6 country) from the ACLED geo precision: 1→1, 2→2, 3→4 (3 when only
//   admin2 is known). date_prec (1 day, 2 two to six days, 3 week, 4 month, 5 longer) from our date precision and the
//   length of the range. event_clarity 1 when both are exact (day, place), 2 otherwise.
import type { ActorType, Category } from '../domain/types.js';

export const UCDP_COLUMNS = [
  'id', 'relid', 'year', 'active_year', 'code_status', 'type_of_violence', 'conflict_name', 'dyad_name', 'side_a', 'side_b',
  'number_of_sources', 'source_article', 'source_office', 'source_date', 'source_headline', 'source_original', 'where_prec',
  'where_coordinates', 'where_description', 'adm_1', 'adm_2', 'latitude', 'longitude', 'geom_wkt', 'country', 'region',
  'event_clarity', 'date_prec', 'date_start', 'date_end', 'deaths_a', 'deaths_b', 'deaths_civilians', 'deaths_unknown', 'best',
  'high', 'low',
] as const;

const VIOLENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);
const STATE: readonly ActorType[] = ['stateForces', 'externalForces'];
const ARMED_NON_STATE: readonly ActorType[] = ['rebelGroup', 'politicalMilitia', 'identityMilitia'];

interface ActorLike {
  name: string;
  type: ActorType;
  side?: 1 | 2;
  associated?: boolean;
}

export interface UcdpInput {
  claimId: number;
  key: string | null;
  eventType?: string;
  date?: { start: string; end: string } | null;
  datePrecision?: string;
  places?: { name: string; admin1: string | null; admin2: string | null; lat: number | null; lon: number | null; geoPrecision: number; countryName?: string; country: string; role?: string }[];
  actors?: ActorLike[];
  fatalities?: { low: number | null; best: number | null; high: number | null; byCategory: Partial<Record<Category, number>> };
  region: string;
  outlet: string;
  url: string;
  published: string;
}

/** null: not an event of organised violence, not exported. */
export function ucdpCells(c: UcdpInput): (string | number | null)[] | null {
  if (!c.eventType || !VIOLENT.has(c.eventType)) return null;
  const actors = (c.actors ?? []).filter((a) => !a.associated);
  const state = actors.find((a) => STATE.includes(a.type));
  let type: 1 | 2 | 3;
  let sideA: ActorLike | undefined;
  let sideB: ActorLike | { name: string; type: ActorType } | undefined;
  if (c.eventType === 'Violence against civilians' || actors.some((a) => a.type === 'civilians' && a.side === 2)) {
    type = 3;
    sideA = actors.find((a) => a.type !== 'civilians') ?? actors[0];
    sideB = { name: 'Civilians', type: 'civilians' };
  } else if (state) {
    type = 1;
    sideA = state;
    sideB = actors.find((a) => a !== state && a.type !== 'civilians');
  } else {
    type = 2;
    sideA = actors[0];
    sideB = actors.find((a) => a !== sideA && a.name !== sideA?.name);
  }
  const f = c.fatalities ?? { low: null, best: null, high: null, byCategory: {} };
  const by = f.byCategory ?? {};
  const deaths = { a: 0, b: 0, civilians: by.civilians ?? 0, unknown: by.unknown ?? 0 };
  const isState = (x: { type: ActorType } | undefined) => !!x && STATE.includes(x.type);
  const isArmed = (x: { type: ActorType } | undefined) => !!x && ARMED_NON_STATE.includes(x.type);
  if (by.stateForces) {
    if (isState(sideA)) deaths.a += by.stateForces;
    else if (isState(sideB)) deaths.b += by.stateForces;
    else deaths.unknown += by.stateForces;
  }
  if (by.nonStateFighters) {
    const a = isArmed(sideA);
    const b = isArmed(sideB);
    if (a && !b) deaths.a += by.nonStateFighters;
    else if (b && !a) deaths.b += by.nonStateFighters;
    else deaths.unknown += by.nonStateFighters;
  }
  const best = f.best;
  const rest = best === null ? 0 : Math.max(0, best - (deaths.a + deaths.b + deaths.civilians + deaths.unknown));
  if (type === 3) deaths.civilians += rest;
  else deaths.unknown += rest;
  const place = c.places?.find((p) => p.role === 'event') ?? c.places?.[0];
  const wherePrec = !place ? 6 : place.geoPrecision === 1 ? 1 : place.geoPrecision === 2 ? 2 : place.admin1 ? 4 : 3;
  const days = c.date ? Math.round((Date.parse(c.date.end) - Date.parse(c.date.start)) / 86_400_000) + 1 : null;
  const datePrec =
    c.datePrecision === 'day' && days === 1 ? 1 : c.datePrecision === 'month' ? 4 : c.datePrecision === 'year' ? 5 : days === null ? 5 : days <= 1 ? 1 : days <= 6 ? 2 : days <= 7 ? 3 : days <= 31 ? 4 : 5;
  const clarity = datePrec === 1 && wherePrec === 1 ? 1 : 2;
  const high = f.high ?? best;
  const low = f.low ?? best;
  const sideAName = sideA?.name ?? '';
  const sideBName = sideB?.name ?? '';
  return [
    c.claimId,
    c.key ?? `marsad-c${c.claimId}`,
    c.date?.start.slice(0, 4) ?? '',
    '',
    'Clear',
    type,
    type === 3 ? `${sideAName} - Civilians` : [sideAName, sideBName].filter(Boolean).join(' - '),
    [sideAName, sideBName].filter(Boolean).join(' - '),
    sideAName,
    sideBName,
    1,
    [c.outlet, c.url !== 'unknown' ? c.url : ''].filter(Boolean).join(' '),
    c.outlet,
    c.published,
    '',
    c.outlet,
    wherePrec,
    place ? [place.name, place.admin2, place.admin1].filter(Boolean).join(', ') : '',
    '',
    place?.admin1 ?? '',
    place?.admin2 ?? '',
    place?.lat ?? '',
    place?.lon ?? '',
    place && place.lat !== null && place.lon !== null ? `POINT (${place.lon} ${place.lat})` : '',
    place ? (place.countryName ?? place.country) : '',
    c.region,
    clarity,
    datePrec,
    c.date?.start ?? '',
    c.date?.end ?? '',
    deaths.a,
    deaths.b,
    deaths.civilians,
    deaths.unknown,
    best ?? '',
    high ?? '',
    low ?? '',
  ];
}
