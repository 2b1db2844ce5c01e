// Lexicon of the number recognizer: number words, vague quantities, qualifiers and measure nouns (English).
import type { Qualifier } from '../../domain/types.js';

export const UNIT_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};

export const TENS_WORDS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Multipliers inside a number phrase: "two hundred", "a dozen", "1.5 million". */
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  dozen: 12, hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000,
};

/** Fixed phrases that name an exact small count. */
export const PHRASE_NUMBERS: Readonly<Record<string, number>> = {
  'half a dozen': 6, 'a couple': 2, 'a pair': 2,
};

/**
 * Vague plurals coded by ACLED's convention (tens = 10, dozens = 12, hundreds = 100). ACLED gives no
 * figure for "scores"; one score is twenty, so we code it 20, as "dozens" is coded as one dozen.
 * "tens" and "scores" only count when followed by "of": "settle scores" is not a quantity.
 */
export const VAGUE_PHRASES: Readonly<Record<string, number>> = {
  'tens of thousands': 10_000,
  'hundreds of thousands': 100_000,
  'tens of millions': 10_000_000,
  'hundreds of millions': 100_000_000,
  tens: 10,
  scores: 20,
  dozens: 12,
  hundreds: 100,
  thousands: 1_000,
  millions: 1_000_000,
};

/** "several hundred", "a few dozen": a vague count coded as one unit of the scale. */
export const VAGUE_MODIFIERS = ['several', 'a few', 'few', 'many'] as const;

/** Quantity words with no usable figure: value 0, `unspecified`. */
export const UNSPECIFIED_PHRASES = [
  'several', 'many', 'numerous', 'multiple', 'countless', 'a number of', 'a few', 'a handful of',
  'a large number of', 'large numbers of', 'an unknown number of', 'an unspecified number of',
  'an undisclosed number of', 'a significant number of', 'some',
] as const;

/** Qualifiers written before the figure. FORMAT.md fixes the mapping of the common ones. */
export const PREFIX_QUALIFIERS: Readonly<Record<string, Qualifier>> = {
  'at least': 'at_least',
  'at the very least': 'at_least',
  'no fewer than': 'at_least',
  'not fewer than': 'at_least',
  'no less than': 'at_least',
  'not less than': 'at_least',
  'a minimum of': 'at_least',
  'more than': 'at_least',
  'well over': 'at_least',
  'just over': 'at_least',
  'over': 'at_least',
  'upwards of': 'at_least',
  'in excess of': 'at_least',
  'up to': 'at_most',
  'as many as': 'at_most',
  'nearly': 'at_most',
  'almost': 'at_most',
  'close to': 'at_most',
  'no more than': 'at_most',
  'not more than': 'at_most',
  'at most': 'at_most',
  'just under': 'at_most',
  'under': 'at_most',
  'fewer than': 'at_most',
  'less than': 'at_most',
  'about': 'approx',
  'around': 'approx',
  'some': 'approx',
  'roughly': 'approx',
  'approximately': 'approx',
  'an estimated': 'approx',
  'estimated': 'approx',
  'an approximate': 'approx',
  'circa': 'approx',
};

/** Qualifiers written after the figure: "20 or more", "20-odd", "20+". */
export const SUFFIX_QUALIFIERS: Readonly<Record<string, Qualifier>> = {
  'or more': 'at_least',
  '+': 'at_least',
  plus: 'at_least',
  'or so': 'approx',
  odd: 'approx',
};

/** Nouns that make a preceding number a measure, a duration or a time, not a count of people. */
export const MEASURE_NOUNS = [
  'years?', 'yrs?', 'months?', 'weeks?', 'days?', 'nights?', 'hours?', 'hrs?', 'minutes?', 'mins?',
  'seconds?', 'decades?', 'centuries', 'century', 'times', "o'clock", 'km', 'kms', 'kilomet(?:er|re)s?',
  'met(?:er|re)s?', 'm', 'cm', 'mm', 'miles?', 'feet', 'foot', 'ft', 'yards?', 'kg', 'kilos?',
  'kilograms?', 'grams?', 'tons?', 'tonnes?', 'litres?', 'liters?', 'acres?', 'hectares?',
  'square', 'sq', 'degrees?', 'dollars?', 'euros?', 'pounds?', 'usd', 'eur', 'percent', 'per\\s*cent',
  'percentage', 'storeys?', 'stories', 'floors?', 'mph', 'kph', 'calibre', 'caliber',
] as const;

export const MONTH_NAMES =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

/** Capitalised words after which a number is a name or an identifier ("Resolution 2254"). */
export const IDENTIFIER_WORDS = [
  'Resolution', 'Article', 'Route', 'Highway', 'Road', 'Street', 'Brigade', 'Division', 'Battalion',
  'Regiment', 'Unit', 'No', 'No\\.', 'Nos\\.', 'Number', 'Flight', 'Room', 'Block', 'Building',
  'Sector', 'Zone', 'Camp', 'Gate', 'Chapter', 'Section', 'Paragraph', 'Page', 'Phase', 'Level',
  'Model', 'Mark', 'Mk', 'Type', 'Series', 'Version', 'Squadron', 'Corps', 'Channel', 'Radio', 'TV',
  'Apartment', 'Plot', 'District', 'Station', 'Platform', 'Terminal', 'Hall', 'Ward', 'Kilometre',
  'Kilometer', 'Checkpoint', 'Hangar', 'Bus', 'Line', 'Decree', 'Law', 'Protocol', 'Group',
] as const;
