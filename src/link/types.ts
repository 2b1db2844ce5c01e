// What linking reads and writes: slim records (so the store, the bench and the corpus can all feed it) and proposals as data.
import type { Actor, DatePrecision, DayRange, EventType, Fatalities, PlaceRef } from '../domain/types.js';

/** The fields of a PlaceRef that linking looks at; a full PlaceRef fits. */
export type LinkPlace = Pick<PlaceRef, 'name' | 'country' | 'admin1' | 'admin2' | 'lat' | 'lon' | 'geoPrecision'> &
  Partial<Pick<PlaceRef, 'aliases' | 'geonameId' | 'featureCode' | 'role'>>;

/** One incident as one report tells it. */
export interface LinkIncident {
  /** Unique across all inputs (the store's claim id, or "file#i1"). */
  id: string;
  /** Incidents of one report are never the same event: the extractor already kept them apart. */
  reportId: string;
  outlet: string;
  date: DayRange | null;
  datePrecision: DatePrecision;
  places: LinkPlace[];
  eventType: EventType;
  actors: Pick<Actor, 'name' | 'type'>[];
  fatalities: Pick<Fatalities, 'low' | 'best' | 'high'>;
  /** Every killed-figure the report states for it (conflicting sources, "previously reported"). */
  figures?: number[];
  /** Names of the victims the report ties to this incident. */
  victimNames?: string[];
}

/** One named victim as one report or list gives them. */
export interface LinkVictim {
  id: string;
  reportId: string;
  name: string;
  sex: 'male' | 'female' | null;
  age: number | null;
  date: DayRange | null;
  place: LinkPlace | null;
  /** The incident record this person died in, when the report says. */
  incidentId?: string | null;
}

/** A scored candidate pair. `reasons` are short human sentences a reviewer reads. */
export interface LinkProposal {
  a: string;
  b: string;
  score: number;
  reasons: string[];
}

/** A proposal the clustering refused, with why (so a reviewer can see near misses). */
export interface RejectedLink extends LinkProposal {
  rejectedBecause: string;
}

/**
 * A reviewer's decision. Decisions are appended, never edited: an undo is a later decision for the
 * same pair, and the latest one wins.
 */
export interface LinkDecision {
  a: string;
  b: string;
  /** merge = same event/person (must-link); split = different (cannot-link); undo = back to the proposal. */
  verdict: 'merge' | 'split' | 'undo';
  by?: string;
  at?: string;
}

/** A cluster and the explicit links that made it; nothing in the inputs is changed by clustering. */
export interface Cluster {
  /** The smallest member id: stable while the membership is. */
  id: string;
  members: string[];
  links: LinkProposal[];
}

export interface LinkResult {
  proposals: LinkProposal[];
  clusters: Cluster[];
  rejected: RejectedLink[];
  stats: { records: number; blocks: number; candidatePairs: number; scoredPairs: number; proposals: number };
}
