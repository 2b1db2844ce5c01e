// Listings of records ("Date: 3 Jul 2016 / Place: Karrada / Deaths (min–max): 292–324"): a database entry or a
// bulletin's form, where a figure in "Deaths:" happened on "Date:" at "Place:". One definition of a field line and of
// the record it belongs to, for the figures, places and dates that assembly gives an event.
import type { Sentence } from '../mentions.js';

// "Date: 3 Jul 2016", "Place: Karrada district", "Deaths (min–max): 292–324": one labelled field of a record.
const FIELD_LINE = /^(\p{Lu}[\p{L}\p{N} '’\/-]{0,30}?)\s*(?:\([^)]{0,20}\))?\s*:\s+\S/u;

/** The label of a field line ("deaths" of "Deaths (min–max): 292–324"), or null for prose. */
function fieldLabel(text: string): string | null {
  // Most lines hold no colon at all: a search for one is cheaper than trying the label's every length.
  const m = text.includes(':') ? FIELD_LINE.exec(text) : null;
  return m ? m[1]!.toLowerCase() : null;
}

export const isFieldLine = (text: string): boolean => text.includes(':') && FIELD_LINE.test(text);

/**
 * The other fields of the record a field line belongs to: the run of field lines around it, up to a label seen twice,
 * which opens the next record. Empty for a sentence of prose.
 */
export function recordFields(sentences: readonly Sentence[], own: number): number[] {
  const labelOf = (i: number): string | null => (sentences[i] ? fieldLabel(sentences[i]!.text) : null);
  const ownLabel = labelOf(own);
  if (ownLabel === null) return [];
  const labels = new Set([ownLabel]);
  const fields: number[] = [];
  for (const step of [-1, 1]) {
    for (let i = own + step; ; i += step) {
      const label = labelOf(i);
      if (label === null || labels.has(label)) break;
      labels.add(label);
      fields.push(i);
    }
  }
  return fields;
}
