// Table-driven tests for the place recognizer: sentences in the style of the dev reports → expected places.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectCountries, recognizePlaces } from './places.js';
import type { PlaceContext } from '../mentions.js';

interface Expect {
  text?: string;
  name: string;
  admin1?: string | null;
  country: string;
  context?: PlaceContext;
  role?: 'event' | 'origin';
  precision?: 1 | 2 | 3;
  featureCode?: string;
}

const CASES: { sentence: string; hints?: string[]; expect: Expect[]; absent?: string[] }[] = [
  // a faith or a people before a settlement noun says who lives there, not where; a named community stays a place
  {
    sentence: 'Gunmen ambushed three vehicles carrying members of a Mormon community in the northern Mexican state of Sonora.',
    expect: [{ name: 'Sonora', country: 'MX' }],
    absent: ['Mormon'],
  },
  { sentence: 'Three women from Mormon community killed in ambush in Sonora, Mexico', expect: [{ name: 'Sonora', country: 'MX' }], absent: ['Mormon'] },
  { sentence: 'Gunmen attacked a Fulani settlement near Mopti on Sunday.', expect: [{ name: 'Mopti', country: 'ML' }], absent: ['Fulani'] },
  { sentence: 'Members of the Yazidi community fled Sinjar in Iraq.', expect: [], absent: ['Yazidi'] },
  { sentence: 'Pro-Houthi forces fired shells at An Najar village in Qaniyah area (Mahliyah, Marib), Yemen.', expect: [{ name: 'Najar', country: 'YE' }] },
  { sentence: 'Herders attacked the Kwata community in Benue, Nigeria.', expect: [{ name: 'Kwata', country: 'NG' }, { name: 'Benue', country: 'NG' }] },
  {
    sentence: 'Gunmen executed dozens of men in the towns of Al-Shir and Al-Mukhtariya in Latakia’s countryside, Syria, on Friday.',
    expect: [
      { name: 'Al-Shir', admin1: 'Latakia', country: 'SY', context: 'plain', precision: 1 },
      { name: 'Al-Mukhtariya', admin1: 'Latakia', country: 'SY' },
      { name: 'Latakia', admin1: 'Latakia', country: 'SY', context: 'countryside', precision: 2 },
    ],
  },
  {
    sentence: 'Among the dead was a student originally from Qamishli who had moved to Latakia, Syria.',
    expect: [
      { name: 'Al Qāmishlī', country: 'SY', context: 'origin', role: 'origin' },
      { name: 'Latakia', country: 'SY', featureCode: 'PPLA' },
    ],
  },
  {
    sentence: 'The fighting began in Beit Aana, the hometown of Suhail al-Hassan, in Syria.',
    expect: [{ name: 'Beit Aana', admin1: 'Latakia', country: 'SY' }],
    absent: ['Suhail', 'Hassan'],
  },
  {
    sentence: 'Clashes spread from Jableh to the rest of Latakia province, the Syrian monitor said.',
    expect: [
      { name: 'Jablah', admin1: 'Latakia', country: 'SY' },
      { text: 'Latakia province', name: 'Latakia', country: 'SY', context: 'region', precision: 3, featureCode: 'ADM1' },
    ],
  },
  {
    sentence: 'Sixty civilians died in the city of Banyas and others in Al-Sanawbar in the countryside of Jableh, Syria.',
    expect: [
      { name: 'Bāniyās', admin1: 'Tartus', country: 'SY' },
      { name: 'Al-Sanawbar', country: 'SY' },
      { name: 'Jablah', country: 'SY', context: 'countryside' },
    ],
  },
  {
    sentence: 'Drones struck El Fasher, the capital of North Darfur State, Sudan, and the Zamzam camp close to El Fasher.',
    expect: [
      { name: 'El Fasher', admin1: 'North Darfur', country: 'SD' },
      { text: 'North Darfur State', name: 'North Darfur', country: 'SD', context: 'region', precision: 3 },
      { name: 'Zamzam camp', admin1: 'North Darfur', country: 'SD' },
      { name: 'El Fasher', country: 'SD', context: 'near', precision: 2 },
    ],
  },
  {
    sentence: "Missiles hit an airfield in Ukraine's central Kirovohrad region, governor Andriy Raikovych said; part of Kropyvnytskyi lost power.",
    expect: [
      { name: 'Ukraine', country: 'UA', precision: 3 },
      { text: 'Kirovohrad region', name: 'Kirovohrad', admin1: 'Kirovohrad', country: 'UA', context: 'region' },
      { name: 'Kropyvnytskyy', admin1: 'Kirovohrad', country: 'UA', context: 'plain' },
    ],
    absent: ['Andriy', 'Raikovych'],
  },
  {
    sentence: 'A missile struck a bus stop in Mykolaiv, Ukraine; later shells fell on Sloviansk in Donetsk region.',
    expect: [
      { name: 'Mykolayiv', admin1: 'Mykolaiv', country: 'UA' },
      { name: 'Sloviansk', admin1: 'Donetsk', country: 'UA' },
      { text: 'Donetsk region', name: 'Donetsk', country: 'UA', context: 'region' },
    ],
  },
  {
    sentence: 'Gunmen killed seven people in Abagana, a community near Makurdi, the capital of Benue State.',
    expect: [
      { name: 'Abagana', admin1: 'Benue', country: 'NG' },
      { name: 'Makurdi', admin1: 'Benue', country: 'NG', context: 'near' },
      { text: 'Benue State', name: 'Benue', country: 'NG', context: 'region' },
    ],
  },
  {
    sentence: 'Attackers raided Tse-Haaga village in Mbabai, Guma Local Government Area of Benue State, Nigeria.',
    expect: [
      { name: 'Tse-Haaga', admin1: 'Benue', country: 'NG' },
      { text: 'Guma Local Government Area', name: 'Guma', admin1: 'Benue', country: 'NG', context: 'region', precision: 2 },
    ],
  },
  {
    sentence: 'In Gaza City an airstrike hit the Tufah neighborhood; another strike west of Khan Younis killed four, Palestinian officials said.',
    expect: [
      { name: 'Gaza', admin1: 'Gaza', country: 'PS', featureCode: 'PPLA' },
      { name: 'Tufah', admin1: 'Gaza', country: 'PS' },
      { name: 'Khān Yūnis', admin1: 'Khan Yunis', country: 'PS', context: 'near', precision: 2 },
    ],
  },
  {
    sentence: 'The wounded were taken to al-Awda Hospital in Nuseirat, in the central Gaza Strip.',
    expect: [{ name: 'Nuseirat camp', admin1: 'Deir al-Balah', country: 'PS' }],
  },
  {
    sentence: 'Junta aircraft bombed a village in Pale Township, Sagaing Region, Myanmar; Nyaung Kone lies southwest of Pale town.',
    expect: [
      { text: 'Pale Township', name: 'Pale Township', admin1: 'Sagaing', country: 'MM', context: 'region' },
      { text: 'Sagaing Region', name: 'Sagaing', country: 'MM', context: 'region', precision: 3 },
      { name: 'Nyaung Kone', admin1: 'Sagaing', country: 'MM' },
      { name: 'Pale', admin1: 'Sagaing', country: 'MM', context: 'near', featureCode: 'PPLA3' },
    ],
    absent: ['Kyaw'],
  },
  {
    sentence: 'A PDF office was opening at Pazi Gyi village, spokesman Kyaw Myint Tun told reporters.',
    hints: ['MM'],
    expect: [{ name: 'Pazi Gyi', admin1: 'Sagaing', country: 'MM' }],
    absent: ['Kyaw', 'Myint', 'Tun'],
  },
  // A direction before a name means the region; "northern X" may be a unit of its own.
  {
    sentence: 'Shelling was reported across southern Gaza, while tanks pushed into northern Gaza.',
    expect: [
      { text: 'Gaza', name: 'Gaza Strip', country: 'PS', featureCode: 'RGN' },
      { text: 'northern Gaza', name: 'North Gaza', country: 'PS', featureCode: 'ADM1' },
    ],
  },
  // Places the gazetteer lacks but syntax marks: named as written, located by the unit that follows.
  {
    sentence: 'Rebels shelled Qaryat Zumrud (Maarat al-Numan, Idlib) and later entered the village of Dardara, Syria.',
    expect: [
      { name: 'Qaryat Zumrud', admin1: 'Idlib', country: 'SY', precision: 2 },
      { name: 'Dardara', country: 'SY', precision: 3 },
    ],
  },
  {
    sentence: 'Soldiers came under fire near Verkhnokamianka, Donetsk, Ukraine.',
    expect: [{ name: 'Verkhnokamianka', admin1: 'Donetsk', country: 'UA', context: 'near', precision: 2 }],
  },
  {
    sentence: 'Fighting reached Yarmaung village in Sagaing Region, Myanmar.',
    expect: [{ name: 'Yarmaung', admin1: 'Sagaing', country: 'MM' }],
  },
  // A place the gazetteer lacks, introduced by an apposition that says what and where it is.
  {
    sentence: 'Soldiers burned homes in Kwanyibeh, a remote village in Cameroon’s North-West region, residents said.',
    expect: [{ name: 'Kwanyibeh', admin1: 'North-West', country: 'CM' }],
  },
  {
    sentence: 'A drone hit a market in Adi Welwalo, in the north-west of Ethiopia’s Tigray region, on Friday.',
    expect: [{ name: 'Adi Welwalo', admin1: 'Tigray', country: 'ET' }],
  },
  {
    sentence: 'Gunmen shot Musa Danladi, a farmer in Kaduna State, on Friday.',
    expect: [],
    absent: ['Musa', 'Danladi'],
  },
  // A small namesake abroad is dropped in a report about other countries; a surname is never a place.
  {
    sentence: 'Protesters in Syria chanted against the sect of Assad and against Bashar al-Assad.',
    expect: [{ name: 'Syria', country: 'SY' }],
    absent: ['Assad', 'Bashar'],
  },
  // Negative cases: people, organisations, weekdays and headline words are not places.
  {
    sentence: 'President Bashar al-Assad met Rami Abdul Rahman on Monday in March, Reports said, as Security forces massed.',
    expect: [],
    absent: ['Bashar', 'Rami', 'Monday', 'March', 'Reports', 'Security'],
  },
  {
    sentence: 'Israeli Airstrike on Damascus Targets Kills 5',
    expect: [{ text: 'Damascus', name: 'Damascus', country: 'SY' }],
    absent: ['Targets', 'Kills'],
  },
  {
    sentence: 'The bodies were taken to Nasser Hospital, the Gaza Health Ministry said.',
    hints: ['PS'],
    expect: [],
    absent: ['Nasser'],
  },
  {
    // a lower-case word that names a property of every object ("constructor") before a name is no direction
    sentence: 'A local constructor Ahmed Saleh was killed in Homs on Friday.',
    expect: [{ text: 'Homs', name: 'Homs', country: 'SY' }],
  },
];

// A name once marked as a place the gazetteer lacks is that place where it stands alone later in the report.
const LATER_MENTIONS: Array<[string, string, number]> = [
  ['Gunmen raided the village of Tinzawaten Gare in Mali. Residents of Tinzawaten Gare fled to the hills.', 'Tinzawaten Gare', 2],
  ['Militants attacked the town of Kounbeli in Burkina Faso at dawn. Soldiers later returned to Kounbeli, officials said.', 'Kounbeli', 2],
  ['A drone struck the village of Bakhsou in Niger on Monday. On Tuesday Bakhsou was struck again.', 'Bakhsou', 2],
];
for (const [text, name, count] of LATER_MENTIONS) {
  test(`places, a name marked once is a place later on: ${name}`, () => {
    const found = recognizePlaces(text).filter((f) => f.text === name);
    assert.equal(found.length, count, found.map((f) => f.text).join(', '));
  });
}

for (const c of CASES) {
  test(c.sentence.slice(0, 70), () => {
    const found = recognizePlaces(c.sentence, c.hints ? { countryHints: c.hints } : {});
    for (const e of c.expect) {
      const m = found.find((f) => f.place.name === e.name && (!e.text || f.text === e.text) && (!e.context || f.context === e.context));
      assert.ok(m, `expected ${e.name}${e.context ? ` (${e.context})` : ''}; got ${found.map((f) => `${f.text}→${f.place.name}/${f.context}`).join(', ')}`);
      assert.equal(m.place.country, e.country);
      if (e.admin1 !== undefined) assert.equal(m.place.admin1, e.admin1);
      if (e.role) assert.equal(m.place.role, e.role);
      if (e.precision) assert.equal(m.place.geoPrecision, e.precision);
      if (e.featureCode) assert.equal(m.place.featureCode, e.featureCode);
      assert.equal(c.sentence.slice(m.span.start, m.span.end), m.text);
    }
    for (const word of c.absent ?? []) {
      assert.ok(!found.some((f) => f.text.includes(word)), `${word} must not be a place; got ${found.map((f) => f.text).join(', ')}`);
    }
  });
}

test('detectCountries counts names, demonyms and admin1 units', () => {
  const d = detectCountries('Syrian forces entered Latakia. In Syria, the Ukrainian envoy said nothing.');
  assert.equal(d[0]?.country, 'SY');
  assert.equal(d[0]?.count, 3);
  assert.ok(d.some((x) => x.country === 'UA'));
});

