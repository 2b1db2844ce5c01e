// The vocabulary of marsad: reports, mentions, claims and the warnings attached to them. No I/O here.

/** Half-open character offsets [start, end) into a report body. */
export interface Span {
  start: number;
  end: number;
}

/** A report as read from a file or a paste: metadata plus the body exactly as published. */
export interface Report {
  outlet: string;
  /** YYYY-MM-DD; the reference for relative dates ("on Friday"). */
  published: string;
  url: string;
  language: string;
  body: string;
}

/** An inclusive range of days, resolved against the report's published date. */
export interface DayRange {
  start: string;
  end: string;
}

export type DatePrecision = 'day' | 'range' | 'week' | 'month' | 'year';

export type Qualifier = 'exact' | 'at_least' | 'at_most' | 'approx';

export const CATEGORIES = ['civilians', 'stateForces', 'nonStateFighters', 'unknown'] as const;
export type Category = (typeof CATEGORIES)[number];
export type ByCategory = Partial<Record<Category, number>>;

export interface Fatalities {
  low: number | null;
  best: number | null;
  /** null = open-ended ("at least"). */
  high: number | null;
  byCategory: ByCategory;
}

/** ACLED geo precision: 1 town, 2 near/part of a region, 3 region. */
export type GeoPrecision = 1 | 2 | 3;

export interface PlaceRef {
  name: string;
  /** Spellings the gazetteer knows for this place (for matching across reports). */
  aliases: string[];
  geonameId: number | null;
  featureCode: string;
  country: string;
  admin1: string | null;
  admin2: string | null;
  lat: number | null;
  lon: number | null;
  geoPrecision: GeoPrecision;
  /** Where something happened, or where a victim came from ("originally from X"). */
  role: 'event' | 'origin';
  spans: Span[];
}

/** ACLED actor types (the `inter` codes 1–8). */
export const ACTOR_TYPES = [
  'stateForces',
  'rebelGroup',
  'politicalMilitia',
  'identityMilitia',
  'rioters',
  'protesters',
  'civilians',
  'externalForces',
] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export interface Actor {
  name: string;
  type: ActorType;
  spans: Span[];
}

export const EVENT_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Violence against civilians': ['Attack', 'Sexual violence', 'Abduction/forced disappearance'],
  'Explosions/Remote violence': [
    'Air/drone strike',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Suicide bomb',
    'Grenade',
    'Chemical weapon',
  ],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const;
export type EventType = keyof typeof EVENT_TYPES;
export type SubEventType = (typeof EVENT_TYPES)[EventType][number];

/** Who said it: "SOHR reported", "according to the governor". */
export interface Attribution {
  source: string;
  verb: string;
  spans: Span[];
}

/** What supports a claim: verified video, eyewitness accounts, hospital records. */
export interface Evidence {
  kind: 'video' | 'photo' | 'eyewitness' | 'official' | 'medical' | 'documentation' | 'other';
  verified: boolean;
  text: string;
  spans: Span[];
}

/** A party rejecting or minimising a claim ("authorities dismiss as isolated incidents"). */
export interface Dispute {
  party: string;
  text: string;
  spans: Span[];
}

/** One stated figure with its source, kept even when another figure wins as `best`. */
export interface ReportedFigure {
  value: number;
  low: number;
  high: number | null;
  qualifier: Qualifier;
  outcome: Outcome;
  category: Category | null;
  source: string | null;
  text: string;
  spans: Span[];
}

export type Outcome = 'killed' | 'injured' | 'missing' | 'arrested' | 'abducted';

/** Problems are data: a union told apart by `code`, rendered by the CLI or the UI. */
export type ExtractionWarning =
  | { code: 'parts_exceed_whole'; message: string; whole: number; parts: number; spans: Span[] }
  | { code: 'parts_below_whole'; message: string; whole: number; parts: number; spans: Span[] }
  | { code: 'conflicting_figures'; message: string; figures: number[]; spans: Span[] }
  | { code: 'unresolved_place'; message: string; text: string; spans: Span[] }
  | { code: 'place_from_dateline'; message: string; text: string; spans: Span[] }
  | { code: 'ambiguous_place'; message: string; text: string; candidates: string[]; spans: Span[] }
  | { code: 'unresolved_date'; message: string; spans: Span[] }
  | { code: 'vague_quantity'; message: string; text: string; spans: Span[] }
  | { code: 'disputed'; message: string; spans: Span[] };
export type WarningCode = ExtractionWarning['code'];

interface ClaimBase {
  /** Stable within one extraction: "i1", "t1", "v1". */
  id: string;
  spans: Span[];
  /** Names of the stages and rules that produced or changed the claim. */
  rules: string[];
  warnings: ExtractionWarning[];
}

export interface IncidentClaim extends ClaimBase {
  kind: 'incident';
  date: DayRange | null;
  datePrecision: DatePrecision;
  places: PlaceRef[];
  eventType: EventType;
  subEventType: SubEventType;
  actors: Actor[];
  fatalities: Fatalities;
  qualifier: Qualifier;
  injured: number | null;
  missing: number | null;
  arrested: number | null;
  figures: ReportedFigure[];
  attributions: Attribution[];
  evidence: Evidence[];
  disputes: Dispute[];
}

export interface TollClaim extends ClaimBase {
  kind: 'toll';
  fatalities: Fatalities;
  qualifier: Qualifier;
  places: PlaceRef[];
  date: DayRange | null;
  /** Ids of incident claims of the same report that this toll sums (in part). */
  components: string[];
  attributions: Attribution[];
}

export interface VictimClaim extends ClaimBase {
  kind: 'victim';
  name: string;
  sex: 'male' | 'female' | null;
  age: number | null;
  origin: string | null;
  occupation: string | null;
  category: Category;
  cause: string | null;
  date: DayRange | null;
  place: PlaceRef | null;
  /** The incident this person most probably died in, when the report lets us say. */
  incident: string | null;
}

export type Claim = IncidentClaim | TollClaim | VictimClaim;

export interface Extraction {
  report: Omit<Report, 'body'> & { bodyLength: number };
  incidents: IncidentClaim[];
  tolls: TollClaim[];
  victims: VictimClaim[];
  warnings: ExtractionWarning[];
}
