// Mentions: what the recognizer stages find in a report body, before assemblers group them into claims.
import type { DatePrecision, DayRange, PlaceRef, Qualifier, Span } from '../domain/types.js';

/** A count of people: "52", "fifty-two", "at least 124", "dozens", "5-7". */
export interface NumberMention {
  span: Span;
  text: string;
  /** The stated figure (for a range, its lower end; for a vague word, the ACLED convention). */
  value: number;
  low: number;
  /** null = open-ended ("at least", "more than"). */
  high: number | null;
  qualifier: Qualifier;
  /** A vague quantity ("dozens", "hundreds", "tens of thousands") coded by ACLED's convention. */
  vague: boolean;
  /** "several", "many", "a number of": a count with no usable figure (value is 0 then). */
  unspecified: boolean;
}

/** A date or period, resolved to inclusive days against the published date. */
export interface DateMention {
  span: Span;
  text: string;
  range: DayRange;
  precision: DatePrecision;
  /** point: "on Friday"; since: "since Thursday" (start → published); period: "last week", "March 2025". */
  kind: 'point' | 'since' | 'period';
}

export type PlaceContext = 'plain' | 'near' | 'origin' | 'countryside' | 'region';

/** A place name found in the text and resolved in the gazetteer. */
export interface PlaceMention {
  span: Span;
  text: string;
  place: PlaceRef;
  context: PlaceContext;
  /** How many gazetteer entries bore this name before context picked one. */
  candidates: number;
}

/** A sentence of the body with its offsets; paragraphs are numbered so stages can look around. */
export interface Sentence {
  index: number;
  paragraph: number;
  span: Span;
  text: string;
  /** The first line of the body (headline), section headings and caption lines ("Photo: …") are marked. */
  role: 'headline' | 'heading' | 'caption' | 'body';
  /** "ERBIL (Kurdistan24) –", "KYIV -": where the story was filed, not where anything happened. */
  dateline: Span | null;
}
