// Table-driven tests of two refiner rules: the territory of an authority that speaks ("the Gaza health ministry said") is
// not a place of the event when the sentence names another place, and stays the only clue when it names none; and so
// for the town the casualties were brought to.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recognizePlaces } from '../stages/places.js';
import { splitSentences } from '../stages/sentences.js';
import { refinePlaces } from './places.js';

const CASES: { text: string; hints: string[]; kept: string[]; dropped: string[] }[] = [
  { text: 'The Gaza health ministry said 274 people were killed in Nuseirat on Saturday.', hints: ['PS'], kept: ['Nuseirat'], dropped: ['Gaza'] },
  { text: 'Gaza health ministry says 274 killed in Nuseirat as Israel frees four hostages', hints: ['PS'], kept: ['Nuseirat'], dropped: ['Gaza'] },
  { text: 'Borno state government officials said gunmen killed 12 farmers in Gwoza.', hints: ['NG'], kept: ['Gwoza'], dropped: ['Borno'] },
  { text: 'The Tigray regional government said drones struck Mekele on Friday.', hints: ['ET'], kept: ['Mekele'], dropped: ['Tigray'] },
  // No other place in the sentence: the authority's territory is all there is.
  { text: 'The Borno government said 12 people were killed on Friday.', hints: ['NG'], kept: ['Borno'], dropped: [] },
  // A place followed by a verb and an organisation noun is not an authority's name.
  { text: 'A suicide bomber in Kabul killed officials at the ministry, police in Herat said.', hints: ['AF'], kept: ['Kabul', 'Herat'], dropped: [] },
];

for (const c of CASES) {
  test(`authority territory: ${c.text.slice(0, 60)}`, () => {
    const kept = refinePlaces(recognizePlaces(c.text, { countryHints: c.hints }), c.text, splitSentences(c.text)).map((p) => p.text);
    for (const k of c.kept) assert.ok(kept.includes(k), `${k} must stay; kept ${kept.join(', ')}`);
    for (const d of c.dropped) assert.ok(!kept.includes(d), `${d} must go; kept ${kept.join(', ')}`);
  });
}

// The same for where the casualties were brought: not a place of the event when the report names another.
const DESTINATIONS: { text: string; hints: string[]; kept: string[]; dropped: string[] }[] = [
  { text: 'Seventy were killed in Tchoma Bangou, in the Tillabéri region. The wounded were taken to hospitals in Ouallam and Niamey.', hints: ['NE'], kept: ['Tillabéri region'], dropped: ['Ouallam', 'Niamey'] },
  { text: 'Five died in Kidal; two injured were transferred to a medical centre in Tessalit.', hints: ['ML'], kept: ['Kidal'], dropped: ['Tessalit'] },
  { text: 'A blast in Mardan killed four, and the wounded were rushed to Peshawar.', hints: ['PK'], kept: ['Mardan'], dropped: ['Peshawar'] },
  // The only place of the report stays: it is the nearest clue to where it happened.
  { text: 'The injured were taken to Burco for treatment.', hints: ['SO'], kept: ['Burco'], dropped: [] },
];

for (const c of DESTINATIONS) {
  test(`destination: ${c.text.slice(0, 60)}`, () => {
    const kept = refinePlaces(recognizePlaces(c.text, { countryHints: c.hints }), c.text, splitSentences(c.text)).map((p) => p.text);
    for (const k of c.kept) assert.ok(kept.includes(k), `${k} must stay; kept ${kept.join(', ')}`);
    for (const d of c.dropped) assert.ok(!kept.includes(d), `${d} must go; kept ${kept.join(', ')}`);
  });
}
