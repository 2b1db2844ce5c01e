// Table-driven tests of one refiner rule: the territory of an authority that speaks ("the Gaza health ministry said") is
// not a place of the event when the sentence names another place, and stays the only clue when it names none.
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
