// Table-driven tests of the place refiner: a sentence in, the places kept (as the report spells them) and those dropped out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recognizePlaces } from '../stages/places.js';
import { splitSentences } from '../stages/sentences.js';
import { refinePlaces } from './places.js';

interface Case {
  text: string;
  /** Places kept, in order: the text as found and the name the claim will carry. */
  kept: Array<[string, string]>;
  /** Texts that must not survive as places (outlets, seats, datelines). */
  dropped: string[];
}

const CASES: Case[] = [
  // a place inside an outlet's name
  { text: 'The Sydney Morning Herald reported that two Australians were among the dead in Gaza.', kept: [['Gaza', 'Gaza']], dropped: ['Sydney'] },
  // an organisation's seat
  {
    text: 'The Syrian Observatory for Human Rights, which is based in London, said 52 men were killed in Latakia.',
    kept: [['Latakia', 'Latakia']],
    dropped: ['London'],
  },
  { text: 'The London-based monitor said clashes continued in Jableh.', kept: [['Jableh', 'Jableh']], dropped: ['London'] },
  // a newspaper named after a place, speaking
  { text: 'The Irrawaddy, however, reported that 12 villagers were killed in Sagaing.', kept: [['Sagaing', 'Sagaing']], dropped: ['Irrawaddy'] },
  // datelines say where the story was filed
  { text: 'ERBIL (Kurdistan24) – A drone struck a vehicle near Sulaymaniyah on Monday.', kept: [['Sulaymaniyah', 'Sulaymaniyah']], dropped: ['ERBIL'] },
  { text: 'KYIV - Russian missiles hit Kharkiv overnight.', kept: [['Kharkiv', 'Kharkiv']], dropped: ['KYIV'] },
  // names kept as written where the gazetteer knows that spelling (its own name becomes an alias)
  { text: 'Gunmen killed six people in Qamishli and Jableh.', kept: [['Qamishli', 'Qamishli'], ['Jableh', 'Jableh']], dropped: [] },
  { text: 'Fighting spread to Baniyas and Tartus.', kept: [['Baniyas', 'Baniyas'], ['Tartus', 'Tartus']], dropped: [] },
  { text: 'Clashes spread from Jableh to the rest of Latakia province.', kept: [['Jableh', 'Jableh'], ['Latakia province', 'Latakia']], dropped: [] },
  // a counted name before a person noun is a people or a clan, not a place; a place before "refugee camp" stays
  {
    text: 'The plane was shot down near Bardaale in Bay. Two Somali citizens and four Kenyan citizens died.',
    kept: [['Bardaale', 'Bardaale'], ['Bay', 'Bay']],
    dropped: ['Somali'],
  },
  { text: 'Soldiers stormed the Tulkarm refugee camp and two Tulkarm refugees were wounded.', kept: [['Tulkarm', 'Tulkarm']], dropped: [] },
  // a name the report gives a venue ("X mosque", "X church", "X market") is no settlement abroad, in any of its mentions
  {
    text: 'Gunmen killed 50 people at the Al Noor mosque in Christchurch. Most were shot at Al Noor.',
    kept: [['Christchurch', 'Christchurch']],
    dropped: ['Al Noor'],
  },
  { text: 'Gunmen stormed the Santa Rosa church in Kaduna and killed six worshippers.', kept: [['Kaduna', 'Kaduna']], dropped: ['Santa Rosa'] },
  { text: 'A suicide bomber struck the Victoria market in Maiduguri.', kept: [['Maiduguri', 'Maiduguri']], dropped: ['Victoria'] },
  // … but a town of the report's country stays, and so does a town under its own name
  { text: 'Traders from Aleppo were among the dead at the Baghdad market.', kept: [['Aleppo', 'Aleppo'], ['Baghdad', 'Baghdad']], dropped: [] },
  { text: 'Soldiers raided the Kabul hospital on Monday and killed two guards in Kabul.', kept: [['Kabul', 'Kabul'], ['Kabul', 'Kabul']], dropped: [] },
  // a place of an event long past, named to compare, is not where this one happened
  { text: 'Gunmen killed 147 people in Garissa, the deadliest attack since the 1998 bombing of the U.S. embassy in Nairobi.', kept: [['Garissa', 'Garissa']], dropped: ['Nairobi'] },
  { text: 'It was the worst attack in Kabul since March 2017, when gunmen stormed a hospital in Kandahar.', kept: [['Kabul', 'Kabul'], ['Kandahar', 'Kandahar']], dropped: [] },
  // a place that names an institution ("University of California") is not where anything happened
  { text: 'A student at the University of Texas was shot dead in Dhaka.', kept: [['Dhaka', 'Dhaka']], dropped: ['Texas'] },
  // where people fled or were taken to afterwards is not where anything happened to them
  {
    text: 'Insurgents attacked Palma in Cabo Delgado on Wednesday. Thousands of residents fled by boat to Pemba or on foot into the bush.',
    kept: [['Palma', 'Palma'], ['Cabo Delgado', 'Cabo Delgado']],
    dropped: ['Pemba'],
  },
  { text: 'Gunmen killed six people in Jableh. The wounded were rushed to Latakia.', kept: [['Jableh', 'Jableh']], dropped: ['Latakia'] },
  // a further leg of the same transfer is a destination too
  {
    text: 'Gunmen attacked a school in Kumba. The injured were taken to Kumba District Hospital and some later to Douala and Buea.',
    kept: [['Kumba', 'Kumba']],
    dropped: ['Douala', 'Buea'],
  },
  { text: 'Two soldiers died in Gao; the wounded were evacuated to Mopti, then flown on to Bamako.', kept: [['Gao', 'Gao']], dropped: ['Mopti', 'Bamako'] },
  { text: 'Families fled to the town of Tartus after the massacre in Baniyas.', kept: [['Baniyas', 'Baniyas']], dropped: ['Tartus'] },
  { text: 'Survivors of the shelling of Idlib sought refuge in Afrin.', kept: [['Idlib', 'Idlib']], dropped: ['Afrin'] },
  { text: 'Residents fleeing the fighting in Bakhmut arrived in Kramatorsk.', kept: [['Bakhmut', 'Bakhmut'], ['Kramatorsk', 'Kramatorsk']], dropped: [] },
  // the same town, not an outlet, when it is where something happened
  { text: 'A drone struck a car in Erbil on Monday, killing two men.', kept: [['Erbil', 'Erbil']], dropped: [] },
];

function refined(text: string) {
  return refinePlaces(recognizePlaces(text), text, splitSentences(text));
}

for (const c of CASES) {
  test(`places refined: ${c.text}`, () => {
    const got = refined(c.text);
    assert.deepEqual(got.map((p) => [p.text, p.place.name]), c.kept);
    for (const d of c.dropped) assert.ok(!got.some((p) => p.text === d), `${d} should be dropped`);
  });
}

test('places refined: the gazetteer name stays among the aliases when the written spelling wins', () => {
  const [qamishli] = refined('Gunmen killed six people in Qamishli.');
  assert.ok(qamishli);
  assert.equal(qamishli.place.name, 'Qamishli');
  assert.equal(qamishli.place.country, 'SY');
  assert.equal(qamishli.place.admin1, 'Al-Hasakah');
  assert.ok(qamishli.place.aliases.includes('Al Qāmishlī'), qamishli.place.aliases.slice(0, 5).join(', '));
});

test('places refined: the outlet and dateline places exist before refining (the refiner is what drops them)', () => {
  const raw = (text: string) => recognizePlaces(text).map((p) => p.text);
  assert.ok(raw('The Sydney Morning Herald reported that two Australians were among the dead in Gaza.').includes('Sydney'));
  assert.ok(raw('ERBIL (Kurdistan24) – A drone struck a vehicle near Sulaymaniyah on Monday.').includes('ERBIL'));
  assert.ok(raw('The Irrawaddy, however, reported that 12 villagers were killed in Sagaing.').includes('Irrawaddy'));
});
