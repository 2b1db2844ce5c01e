// Table-driven tests for the place recognizer's context rules: words that look like places but name a street, a
// building, a person or a home town, and places the gazetteer lacks that the sentence's frame still marks as places.
// Each rule has several differently worded sentences, so that it is the family of phrasings that is tested.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReport } from '../../domain/report-file.js';
import { extract } from '../index.js';
import { recognizePlaces } from './places.js';

interface Case {
  rule: string;
  sentence: string;
  hints?: string[];
  /** Surface texts that must be found as places, with what they must resolve to. */
  expect?: { text: string; name?: string; country?: string; admin1?: string | null; role?: 'event' | 'origin'; featureCode?: string }[];
  /** Surface words that must not be part of any place found. */
  absent?: string[];
}

const CASES: Case[] = [
  // A street, a square or a building named after a place is not that place.
  { rule: 'street', sentence: 'A gunman opened fire at a supermarket on Jefferson Avenue in Buffalo on Saturday.', expect: [{ text: 'Buffalo', country: 'US' }], absent: ['Jefferson'] },
  { rule: 'street', sentence: 'Two people were shot dead on Haifa Street in Baghdad on Monday.', expect: [{ text: 'Baghdad', country: 'IQ' }], absent: ['Haifa'] },
  { rule: 'street', sentence: 'The bomb went off near Lagos Road in Ibadan, police said.', expect: [{ text: 'Ibadan', country: 'NG' }], absent: ['Lagos'] },
  { rule: 'building', sentence: 'Militants stormed the Hadi Centre in Mogadishu, killing six.', expect: [{ text: 'Mogadishu', country: 'SO' }], absent: ['Centre'] },
  { rule: 'building', sentence: 'Shots were fired inside the Westgate Mall and the Kenya Centre in Nairobi.', expect: [{ text: 'Nairobi', country: 'KE' }], absent: ['Centre', 'Westgate'] },
  { rule: 'building', sentence: 'Gunmen stormed the Holey Artisan Bakery in Gulshan, Dhaka, on Friday.', hints: ['BD', 'US'], expect: [{ text: 'Dhaka', country: 'BD' }], absent: ['Holey'] },
  { rule: 'building', sentence: 'An officer of the Detective Branch was killed in Dhaka.', hints: ['BD', 'US'], expect: [{ text: 'Dhaka', country: 'BD' }], absent: ['Branch'] },
  // The French names of francophone countries' provinces locate the towns the gazetteer lacks.
  { rule: 'French province names', sentence: 'Soldiers clashed with gunmen in Rubare locality (Rutshuru, Nord-Kivu) on Friday.', expect: [{ text: 'Rubare', country: 'CD', admin1: 'North Kivu' }] },
  { rule: 'French province names', sentence: 'Boko Haram attacked Kolofata town (Mayo-Sava, Extreme-Nord) overnight.', expect: [{ text: 'Kolofata', country: 'CM', admin1: 'Far North' }] },
  // The last word of a longer capitalised name matches a town only in the report's own countries.
  { rule: 'name tail', sentence: 'Officers Rabiul Karim and Salauddin Khan died when gunmen opened fire in Dhaka.', hints: ['BD'], expect: [{ text: 'Dhaka', country: 'BD' }], absent: ['Khan'] },
  { rule: 'name tail', sentence: 'Protesters marched in Kypseli [coded to Athens-Central Athens] on Saturday.', hints: ['GR'], expect: [{ text: 'Athens', country: 'GR' }] },
  // A capitalised run that an age or a person's description follows is a person.
  { rule: 'age', sentence: 'Also killed were Geraldine Talley, 62; Margus Morrison, 52; and Roberta Drury, 32.', hints: ['US'], absent: ['Morrison', 'Roberta', 'Talley'] },
  { rule: 'age', sentence: 'Pearl Young, 77, ran a food pantry in Buffalo.', hints: ['US'], expect: [{ text: 'Buffalo', country: 'US' }], absent: ['Young'] },
  { rule: 'age', sentence: 'The dead included Ruth Whitfield, aged 86, and Heyward Patterson, 67, who drove neighbours.', hints: ['US'], absent: ['Whitfield', 'Patterson'] },
  { rule: 'person apposition', sentence: '"We were eating when the shooting started," said Hassan Ali, a student who was wounded.', hints: ['SO'], absent: ['Hassan'] },
  { rule: 'person apposition', sentence: 'Aaron Salter, a 55-year-old security guard, fired at the gunman.', hints: ['US'], absent: ['Salter'] },
  { rule: 'person apposition', sentence: 'Salim Marwa, a local farmer, was shot dead near Jos.', hints: ['NG'], expect: [{ text: 'Jos', country: 'NG' }], absent: ['Marwa'] },
  { rule: 'given name', sentence: 'Among the dead were Katherine Massey and Kelly Baker, who lived in Buffalo.', hints: ['US'], absent: ['Massey', 'Baker'] },
  { rule: 'given name', sentence: 'Witnesses said Amadou Kona was shot in Bamako.', hints: ['ML'], expect: [{ text: 'Bamako', country: 'ML' }], absent: ['Kona'] },
  { rule: 'given name', sentence: 'Gunmen killed three in Pedro Juan Caballero, near the border.', hints: ['PY'], expect: [{ text: 'Pedro Juan Caballero', country: 'PY' }] },
  { rule: 'rank', sentence: 'Constable Rakeshwar Singh Manhas of the CoBRA battalion remains missing.', hints: ['IN'], absent: ['Singh'] },
  { rule: 'rank', sentence: 'Inspector Morrison Jones was killed in Lagos on Friday.', hints: ['NG'], expect: [{ text: 'Lagos', country: 'NG' }], absent: ['Morrison'] },
  { rule: 'identified as', sentence: 'The victim was identified as Morrison Clarke by the police in Kingston.', hints: ['JM'], absent: ['Morrison'] },
  // Where the location itself is said after a cue, a role after it is the speaker, and the place stays.
  { rule: 'cued place before a speaker', sentence: 'Five people were killed in Deir ez-Zor, a resident said.', hints: ['SY'], expect: [{ text: 'Deir ez-Zor', country: 'SY' }] },
  { rule: 'cued place before a speaker', sentence: 'In Baniyas, 67-year-old Samir Haidar said armed groups killed two of his brothers.', hints: ['SY'], expect: [{ text: 'Baniyas', country: 'SY' }] },
  // Where a person comes from is an origin, and so is the unit that locates it.
  { rule: 'home town', sentence: 'The suspect, an 18-year-old man from Conklin, New York, surrendered to officers.', hints: ['US'], expect: [{ text: 'Conklin', role: 'origin' }, { text: 'New York', role: 'origin' }] },
  { rule: 'home town', sentence: 'A gunman from Kano killed three people in Jos.', hints: ['NG'], expect: [{ text: 'Kano', role: 'origin' }, { text: 'Jos', role: 'event' }] },
  { rule: 'home town', sentence: 'Police said the attacker, a 25-year-old woman from Homs, was arrested in Damascus.', hints: ['SY'], expect: [{ text: 'Homs', role: 'origin' }, { text: 'Damascus', role: 'event' }] },
  { rule: 'home town', sentence: 'Among the dead was a labourer from Lahore who was visiting relatives in Peshawar.', hints: ['PK'], expect: [{ text: 'Lahore', role: 'origin' }, { text: 'Peshawar', role: 'event' }] },
  { rule: 'home town', sentence: 'Ravi Kumar, 34, from Ludhiana in Punjab, was shot dead at the market in Srinagar.', hints: ['IN'], expect: [{ text: 'Ludhiana', role: 'origin' }, { text: 'Punjab', role: 'origin' }, { text: 'Srinagar', role: 'event' }] },
  { rule: 'home town', sentence: 'Omar Haddad, 40, a taxi driver in the capital from Zarqa, died of his wounds in Amman.', hints: ['JO'], expect: [{ text: 'Zarqa', role: 'origin' }, { text: 'Amman', role: 'event' }] },
  { rule: 'home town', sentence: 'Three tourists visiting from Kathmandu were among those killed in Pahalgam.', hints: ['IN', 'NP'], expect: [{ text: 'Kathmandu', role: 'origin' }, { text: 'Pahalgam', role: 'event' }] },
  { rule: 'home town', sentence: 'A businessman from Mombasa was killed in the blast in Nairobi.', hints: ['KE'], expect: [{ text: 'Mombasa', role: 'origin' }, { text: 'Nairobi', role: 'event' }] },
  { rule: 'taken from', sentence: 'Militants abducted three civilians from Bulo Burte on Monday.', hints: ['SO'], expect: [{ text: 'Bulo Burte', role: 'event' }] },
  { rule: 'taken from', sentence: 'Gunmen kidnapped 20 students from Kankara, Katsina state.', hints: ['NG'], expect: [{ text: 'Kankara', role: 'event' }] },
  { rule: 'part of a country', sentence: 'Gunmen killed seven police officers in northern Colombia on Thursday.', expect: [{ text: 'Colombia', featureCode: 'PCLI' }] },
  { rule: 'part of a country', sentence: 'Fighting flared again in eastern Chad, officials said.', expect: [{ text: 'Chad', featureCode: 'PCLI' }] },
  // A capital standing for its government is no place; a sea is not the province named after it.
  { rule: 'government metonym', sentence: "The raid was the deadliest of Washington's campaign against the militia in Yemen.", absent: ['Washington'] },
  { rule: 'government metonym', sentence: 'Moscow denied that its jets had struck the market in Idlib.', hints: ['SY', 'RU'], expect: [{ text: 'Idlib' }], absent: ['Moscow'] },
  { rule: 'government metonym', sentence: 'Shelling kills nine at a resort in Zakho; Baghdad blames Ankara', hints: ['IQ'], expect: [{ text: 'Zakho' }], absent: ['Baghdad'] },
  { rule: 'government metonym', sentence: 'Kyiv accuses Russian forces of shelling the market in Kherson.', hints: ['UA'], expect: [{ text: 'Kherson' }], absent: ['Kyiv'] },
  { rule: 'government metonym', sentence: "Kabul's government said 12 people died in the blast in Kunduz.", hints: ['AF'], expect: [{ text: 'Kunduz' }], absent: ['Kabul'] },
  { rule: 'sea', sentence: 'The group has attacked ships in the Red Sea since November.', absent: ['Red Sea'] },
  { rule: 'sea', sentence: 'Gunmen killed four fishermen off the coast of the Caspian Sea near Baku.', absent: ['Caspian Sea'] },
  // A demonym before a noun is an adjective of its country; "the X capital" is that country's capital.
  { rule: 'the X capital', sentence: 'MOGADISHU - Families in the Somali capital buried their dead after the attack on Mogadishu beach.', expect: [{ text: 'Somali capital', name: 'Mogadishu', country: 'SO' }] },
  { rule: 'the X capital', sentence: 'Gunmen stormed a hotel in the Afghan capital, Kabul, on Friday.', expect: [{ text: 'Afghan capital', name: 'Kabul', country: 'AF' }] },
  { rule: 'the X capital', sentence: 'A car bomb exploded in the Somali capital on Friday.', expect: [{ text: 'Somali capital', country: 'SO' }], absent: ['Somali region'] },
  { rule: 'demonym adjective', sentence: 'Two Somali soldiers and a Somali journalist died in Baidoa.', expect: [{ text: 'Baidoa', country: 'SO' }], absent: ['Somali'] },
  { rule: 'demonym adjective', sentence: 'Clashes broke out in the Somali region of Ethiopia.', expect: [{ text: 'Somali region', name: 'Somali', country: 'ET' }] },
  // Names the gazetteer lacks, which the sentence's frame marks as places, are kept unresolved, located where it says.
  {
    rule: 'shared locator',
    sentence: 'Seventy people were killed in Tchoma Bangou and thirty in Zaroumdareye, both in the Tondikiwindi commune of the Tillabéri region, near the border with Mali.',
    expect: [{ text: 'Tchoma Bangou', country: 'NE', admin1: 'Tillabéri' }, { text: 'Zaroumdareye', country: 'NE', admin1: 'Tillabéri' }],
  },
  {
    rule: 'shared locator',
    sentence: 'Gunmen killed 11 people in Kwari and four in Dangwala, all in Borno state.',
    hints: ['NG'],
    expect: [{ text: 'Kwari', country: 'NG', admin1: 'Borno' }, { text: 'Dangwala', country: 'NG', admin1: 'Borno' }],
  },
  {
    rule: 'a unit the gazetteer lacks locates a place it lacks',
    sentence: 'Troops killed 11 militants on Friday in Datu Hoffer Ampatuan, in Maguindanao del Sur province, near Marawi.',
    expect: [{ text: 'Datu Hoffer Ampatuan', country: 'PH' }, { text: 'Maguindanao del Sur province', country: 'PH', featureCode: 'ADM1' }],
  },
  {
    rule: 'a unit the gazetteer lacks locates a place it lacks',
    sentence: 'Five soldiers died when their convoy hit a mine in Tal Hamra, in Zubair district, Basra.',
    expect: [{ text: 'Tal Hamra', country: 'IQ' }, { text: 'Basra', country: 'IQ' }],
  },
  // The place that heads a dated entry, located by its province, is one place even when a word of it names a town abroad;
  // the same name later in the entry is that place too.
  {
    rule: 'entry head',
    sentence: '27 October 2024 - Barka Tolorom, Lac province. Militants attacked a military base at Barka Tolorom, in the islands area.',
    expect: [{ text: 'Barka Tolorom', country: 'TD', admin1: 'Lac' }],
    absent: ['Al Batinah South'],
  },
  {
    rule: 'entry head',
    sentence: '3 May 2023: Kuka Mairi, Borno state. Gunmen killed four farmers.',
    expect: [{ text: 'Kuka Mairi', country: 'NG', admin1: 'Borno' }],
  },
  // A place no unit locates lies in the country of the report's places, not of its demonyms.
  {
    rule: 'country of the places',
    sentence: 'Israeli drones and Israeli warplanes struck convoys near Al-Suwaidaa city, and later the ministry in Damascus.',
    expect: [{ text: 'Al-Suwaidaa', country: 'SY' }, { text: 'Damascus', country: 'SY' }],
  },
  // A namesake in another province than the one the sentence names is a place the gazetteer lacks, in that province.
  { rule: 'namesake by province', sentence: 'The attack on Bijapur district in Chhattisgarh killed 22 security personnel.', expect: [{ text: 'Bijapur district', country: 'IN', admin1: 'Chhattisgarh' }] },
  { rule: 'namesake by province', sentence: 'Maoists killed five jawans near Bijapur in Chhattisgarh on Saturday.', expect: [{ text: 'Bijapur', country: 'IN', admin1: 'Chhattisgarh' }] },
  // Not when the namesake lies in the province named, nor for a provincial seat, nor when two provinces are named.
  { rule: 'namesake by province', sentence: 'Gunmen killed three in Makurdi, Benue state, and two in Jos.', expect: [{ text: 'Makurdi', admin1: 'Benue' }, { text: 'Jos', admin1: 'Plateau' }] },
  { rule: 'namesake by province', sentence: 'Fighters fled from Gubio in Borno state to Damaturu in Yobe state.', expect: [{ text: 'Gubio', admin1: 'Borno' }] },
  { rule: 'namesake by province', sentence: 'Among the dead was a student originally from Qamishli who had moved to Latakia, Syria.', expect: [{ text: 'Qamishli', admin1: 'Al-Hasakah', role: 'origin' }, { text: 'Syria', role: 'event' }] },
  // One name, one place in a report: what one sentence shows of it holds for the headline too.
  {
    rule: 'namesake by province',
    sentence: 'Bijapur ambush: 22 killed. Maoists ambushed a team near Bijapur in Chhattisgarh on Saturday.',
    expect: [{ text: 'Bijapur', country: 'IN', admin1: 'Chhattisgarh' }],
    absent: ['Karnataka'],
  },
  // A border or road named by the two places it joins: each is a place near the event.
  { rule: 'route ends', sentence: 'Maoists ambushed a team on the Sukma-Bijapur border in Chhattisgarh.', expect: [{ text: 'Sukma', admin1: 'Chhattisgarh' }, { text: 'Bijapur', admin1: 'Chhattisgarh' }] },
  { rule: 'route ends', sentence: 'A bus was attacked on the Dhaka-Mymensingh highway on Friday.', expect: [{ text: 'Dhaka', country: 'BD' }, { text: 'Mymensingh', country: 'BD' }] },
  { rule: 'route ends', sentence: 'Gunmen set up a checkpoint on the Tripoli-Beirut road.', hints: ['LB'], expect: [{ text: 'Tripoli', country: 'LB' }, { text: 'Beirut', country: 'LB' }] },
  { rule: 'route ends', sentence: 'Farmers blocked the Pan-American highway and a Latin-American summit met.', absent: ['Pan', 'Latin'] },
];

for (const c of CASES) {
  test(`places in context (${c.rule}): ${c.sentence.slice(0, 60)}`, () => {
    const found = recognizePlaces(c.sentence, c.hints ? { countryHints: c.hints } : {});
    const got = found.map((f) => `${f.text}→${f.place.name}/${f.place.country}/${f.place.role}`).join(', ');
    for (const e of c.expect ?? []) {
      const m = found.find((f) => f.text === e.text);
      assert.ok(m, `expected ${e.text}; got ${got}`);
      if (e.name) assert.equal(m.place.name, e.name, got);
      if (e.country) assert.equal(m.place.country, e.country, got);
      if (e.admin1 !== undefined) assert.equal(m.place.admin1, e.admin1, got);
      if (e.role) assert.equal(m.place.role, e.role, got);
      if (e.featureCode) assert.equal(m.place.featureCode, e.featureCode, got);
      assert.equal(c.sentence.slice(m.span.start, m.span.end), m.text, 'the span is the provenance of the text');
    }
    for (const word of c.absent ?? []) {
      assert.ok(!found.some((f) => f.text.includes(word) || f.place.admin1 === word), `${word} must not be a place; got ${got}`);
    }
  });
}

/** Whole reports: the first place of the incident is the most specific place of the event clause. */
const RANKING: { rule: string; published: string; body: string; first: string }[] = [
  {
    rule: 'a hamlet the gazetteer lacks before the province in apposition',
    published: '2021-05-25',
    body: 'Sixteen people were killed late on Sunday in San Miguel del Ene, a hamlet in the district of Vizcatán del Ene, in the province of Satipo in Peru\'s Junín region, the army said.',
    first: 'San Miguel del Ene',
  },
  {
    rule: 'a village the gazetteer lacks before the province seat named as the unit',
    published: '2023-03-10',
    body: 'Gunmen killed nine farmers on Wednesday in Kpakpa, a village in the state of Kaduna, Nigeria, police said.',
    first: 'Kpakpa',
  },
  {
    rule: 'the town of an unknown name before the town the survivors fled to',
    published: '2021-03-28',
    body: 'At least 12 people were killed on Wednesday when insurgents attacked the town of Palmira in Mozambique\'s Cabo Delgado province. Thousands fled by boat to Pemba.',
    first: 'Palmira',
  },
];

for (const c of RANKING) {
  test(`place ranking (${c.rule})`, () => {
    const { report } = parseReport(`outlet: test\npublished: ${c.published}\nurl: unknown\n\n${c.body}\n`);
    const incidents = extract(report).incidents;
    const names = incidents.map((i) => i.places.map((p) => p.name).join(' > ')).join(' | ');
    assert.ok(incidents.length > 0 && incidents[0]!.places[0]?.name === c.first, `expected ${c.first} first; got ${names}`);
  });
}
