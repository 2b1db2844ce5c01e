// Table-driven tests of claim assembly, through extract(): a short report and its published date in, incident / toll / victim claims out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Extraction, IncidentClaim, WarningCode } from '../../domain/types.js';
import { extract } from '../index.js';

/** Published on a Sunday: "on Friday" is 2025-03-07, "on Wednesday" 2025-03-05, "since Thursday" 2025-03-06 → 2025-03-09. */
const SUNDAY = '2025-03-09';

function run(body: string, published = SUNDAY): Extraction {
  return extract({ outlet: 'Test Wire', published, url: 'unknown', language: 'en', body });
}

const fold = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const names = (i: { places: { name: string }[] }): string[] => i.places.map((p) => p.name);
const codes = (i: { warnings: { code: WarningCode }[] }): WarningCode[] => i.warnings.map((w) => w.code);
const trace = (r: Extraction): string => JSON.stringify({
  incidents: r.incidents.map((i) => ({ id: i.id, date: i.date, places: names(i), type: `${i.eventType} / ${i.subEventType}`, f: i.fatalities, w: codes(i) })),
  tolls: r.tolls.map((t) => ({ places: names(t), f: t.fatalities, q: t.qualifier, date: t.date })),
  victims: r.victims.map((v) => ({ name: v.name, category: v.category, incident: v.incident })),
});

function only(r: Extraction): IncidentClaim {
  assert.equal(r.incidents.length, 1, trace(r));
  return r.incidents[0]!;
}

function withBest(r: Extraction, best: number | null): IncidentClaim {
  const found = r.incidents.filter((i) => i.fatalities.best === best);
  assert.equal(found.length, 1, `one incident of ${best}: ${trace(r)}`);
  return found[0]!;
}

// A longer story (more than a bulletin's five sentences), so a figure without a town of its own is not taken for the report's one event.
const LONG_LEAD = [
  'Government forces pushed into the coastal hills on Friday after an ambush on a patrol.',
  '',
  'In the village of Al-Mukhtariya, gunmen executed 21 men on Friday, residents said. Survivors said the gunmen went from house to house.',
  '',
  'The interior ministry said it had sent reinforcements. It promised an investigation.',
  '',
].join('\n');

interface Case {
  name: string;
  body: string;
  published?: string;
  check: (r: Extraction) => void;
  todo?: string;
}

const CASES: Case[] = [
  // conflicting accounts: best is the lowest, high the highest, and a warning
  {
    name: 'conflicting accounts of one attack',
    body: 'Gunmen opened fire on a wedding party in the town of Jableh on Friday, killing four people, police said. However, a relative of the groom gave a different account, saying seven people were killed.',
    check: (r) => {
      const i = only(r);
      assert.deepEqual([i.fatalities.low, i.fatalities.best, i.fatalities.high], [4, 4, 7]);
      assert.ok(codes(i).includes('conflicting_figures'), codes(i).join(','));
      assert.deepEqual(i.figures.map((f) => f.value).sort((a, b) => a - b), [4, 7]);
      assert.deepEqual(names(i), ['Jableh']);
    },
  },
  {
    name: 'conflicting accounts in one sentence joined by "while"',
    body: 'Gunmen opened fire on a wedding party in the town of Jableh on Friday. Police said four people were killed, while a resident told the outlet that seven had died.',
    check: (r) => {
      const i = only(r);
      assert.deepEqual([i.fatalities.best, i.fatalities.high], [4, 7]);
      assert.ok(codes(i).includes('conflicting_figures'), codes(i).join(','));
    },
  },
  // a breakdown given in later sentences
  {
    name: 'a total, then who died in the following sentences',
    body: 'An explosion at a fuel depot in Kramatorsk on Saturday, killing three people, regional governor Vadym Filashkin said. Two security guards died at the scene. One Ukrainian soldier also died in hospital.',
    check: (r) => {
      const i = only(r);
      assert.equal(i.fatalities.best, 3);
      assert.deepEqual(i.fatalities.byCategory, { civilians: 2, stateForces: 1 });
      assert.equal(i.eventType, 'Explosions/Remote violence');
      assert.deepEqual(i.date, { start: '2025-03-08', end: '2025-03-08' });
      assert.ok(!codes(i).includes('conflicting_figures'), 'the later counts are parts, not other accounts');
    },
  },
  // parts that do not add up
  {
    name: 'parts exceed the whole',
    body: 'Clashes in Jableh on Friday killed 40 people, including 20 security personnel and 25 pro-Assad fighters.',
    check: (r) => {
      const i = only(r);
      assert.equal(i.fatalities.best, 40);
      assert.ok(codes(i).includes('parts_exceed_whole'), codes(i).join(','));
      assert.equal(i.eventType, 'Battles');
    },
  },
  {
    name: 'parts below the whole: the rest is unknown',
    body: 'Clashes in Jableh on Friday killed 40 people, including 12 security personnel and 10 pro-Assad fighters.',
    check: (r) => {
      const i = only(r);
      assert.ok(codes(i).includes('parts_below_whole'), codes(i).join(','));
      assert.deepEqual(i.fatalities.byCategory, { stateForces: 12, nonStateFighters: 10, unknown: 18 });
    },
  },
  {
    name: 'parts that add up raise no warning',
    body: 'Clashes in Jableh on Friday killed 40 people, including 22 security personnel and 18 pro-Assad fighters.',
    check: (r) => {
      const i = only(r);
      assert.deepEqual(i.fatalities.byCategory, { stateForces: 22, nonStateFighters: 18 });
      assert.ok(!codes(i).some((c) => c === 'parts_exceed_whole' || c === 'parts_below_whole'), codes(i).join(','));
    },
  },
  // tolls, not incidents
  {
    name: 'a figure with no place in a longer story is a toll',
    body: `${LONG_LEAD}At least 340 civilians have been killed since Thursday, the monitor said. Aid groups warned of shortages.`,
    check: (r) => {
      assert.deepEqual(r.incidents.map((i) => i.fatalities.best), [21], trace(r));
      assert.equal(r.tolls.length, 1, trace(r));
      const [t] = r.tolls;
      assert.deepEqual([t!.fatalities.best, t!.qualifier], [340, 'at_least']);
      assert.deepEqual(t!.date, { start: '2025-03-06', end: SUNDAY });
    },
  },
  {
    name: 'a figure over several provinces is a toll',
    body: `${LONG_LEAD}Across the provinces of Latakia, Tartus and Hama, at least 340 civilians have been killed since Thursday, the monitor said. Aid groups warned of shortages.`,
    check: (r) => {
      assert.deepEqual(r.incidents.map((i) => i.fatalities.best), [21], trace(r));
      const t = r.tolls.find((x) => x.fatalities.best === 340);
      assert.ok(t, trace(r));
      assert.deepEqual(new Set(t.places.map((p) => p.admin1)), new Set(['Latakia', 'Tartus', 'Hama']));
    },
  },
  {
    name: 'the provinces of a toll are not the places of the incident told before it',
    body: `${LONG_LEAD}Across the provinces of Latakia, Tartus and Hama, at least 340 civilians have been killed since Thursday, the monitor said. Aid groups warned of shortages.`,
    check: (r) => {
      const i = withBest(r, 21);
      assert.ok(!i.places.some((p) => p.admin1 === 'Hama' || p.admin1 === 'Tartus'), names(i).join(', '));
    },
  },
  {
    name: 'a cumulative toll frame is a toll even beside an incident',
    body: 'Gunmen killed nine villagers in Jableh on Friday, bringing the total death toll in the province to at least 124, the monitor said.',
    check: (r) => {
      assert.ok(r.tolls.some((t) => t.fatalities.best === 124 && t.qualifier === 'at_least'), trace(r));
      assert.ok(!r.incidents.some((i) => i.fatalities.best === 124), trace(r));
      assert.equal(withBest(r, 9).fatalities.byCategory.civilians, 9);
    },
  },
  // "Retaliation followed": a second incident in the same place
  {
    name: 'retaliation is a separate incident in the same place',
    body: 'Gunmen killed a police officer at a checkpoint in Kidal on Tuesday. Retaliation followed, and soldiers killed three suspected militants in the town the same night.',
    check: (r) => {
      assert.equal(r.incidents.length, 2, trace(r));
      const [first, second] = r.incidents;
      assert.deepEqual([first!.fatalities.best, second!.fatalities.best], [1, 3]);
      assert.deepEqual(first!.fatalities.byCategory, { stateForces: 1 });
      assert.deepEqual(second!.fatalities.byCategory, { nonStateFighters: 3 });
      assert.deepEqual(names(first!), ['Kidal']);
      assert.deepEqual(names(second!), ['Kidal']);
      assert.deepEqual(first!.date, { start: '2025-03-04', end: '2025-03-04' });
    },
  },
  // a past month in the event's sentence is dated by the story's days inside it; a publication day dates nothing
  {
    name: 'the days the story gives inside "March last year" date the event, not the day the report was published',
    body: 'Troops killed 40 people over three days in the town of Moura in March last year, according to a report by UN investigators published on Friday.\n\nThe troops arrived on the morning of 27 March 2022 and left on 31 March, the report said.',
    published: '2023-05-12',
    check: (r) => assert.deepEqual(only(r).date, { start: '2022-03-27', end: '2022-03-27' }),
  },
  {
    name: 'a day inside a past month of the event sentence dates the event',
    body: 'Gunmen killed nine villagers in Jableh in January last year, a rights group said in a report released on Tuesday.\n\nThe gunmen entered the village on 14 January 2024, survivors said.',
    check: (r) => assert.deepEqual(only(r).date, { start: '2024-01-14', end: '2024-01-14' }),
  },
  {
    name: 'a background year stays background when the story names no day inside it',
    body: 'Gunmen killed 12 people in Jableh on Friday, the deadliest attack since the fighting began in March 2021.\n\nOn 3 March 2021 the first clashes broke out in the hills.',
    check: (r) => assert.deepEqual(only(r).date, { start: '2025-03-07', end: '2025-03-07' }),
  },
  // an attack on a town that the story says was taken is a fight for territory; an attack on people there is not
  {
    name: 'an attack on a town that insurgents then took is a non-state actor overtaking territory',
    body: 'Dozens of people have been killed since insurgents attacked the town of Palma in Cabo Delgado province on Wednesday, the government said on Sunday. The Islamic State group said its fighters had taken control of the town.',
    published: '2021-03-29',
    check: (r) => assert.equal(only(r).subEventType, 'Non-state actor overtakes territory', trace(r)),
  },
  {
    name: 'militants who stormed a district capital and seized control of it overtake territory',
    body: 'Militants stormed the district capital of Kunduz on Monday and seized control of its centre; 20 people were killed, officials said.',
    check: (r) => assert.equal(only(r).eventType, 'Battles', trace(r)),
  },
  {
    name: 'civilians killed when gunmen attacked a village stay violence against civilians, even if the gunmen held it',
    body: 'Gunmen attacked the village of Kwata in Benue on Sunday and killed 12 villagers before they took control of the area, residents said.',
    check: (r) => assert.equal(only(r).eventType, 'Violence against civilians', trace(r)),
  },
  // a raid on the people that also killed a few armed defenders is violence against civilians; a fight stays a battle
  {
    name: 'villagers outnumbering the militiamen killed in a raid: violence against civilians',
    body: 'Armed bandits raided the village of Kadawa in Zamfara state on Friday and killed 35 residents and four local militiamen, police said.',
    check: (r) => assert.equal(only(r).eventType, 'Violence against civilians', trace(r)),
  },
  {
    name: 'civilians and a few soldiers guarding a village killed in an attack: violence against civilians',
    body: 'Jihadists attacked Kadawa in Zamfara state on Friday, killing 30 civilians and two soldiers guarding the village.',
    check: (r) => assert.equal(only(r).eventType, 'Violence against civilians', trace(r)),
  },
  {
    name: 'more soldiers than civilians killed in an ambush: a battle',
    body: 'Jihadists ambushed an army convoy near Kadawa in Zamfara state on Friday, killing five soldiers and two civilians.',
    check: (r) => assert.equal(only(r).eventType, 'Battles', trace(r)),
  },
  {
    name: 'civilians killed in clashes between armed sides: a battle whatever the split',
    body: 'Twelve civilians and two soldiers were killed on Friday in clashes between the army and jihadists in Kadawa, Zamfara state.',
    check: (r) => assert.equal(only(r).eventType, 'Battles', trace(r)),
  },
  // a wire story filed from the scene names the town only in its dateline; a capital's dateline says nothing of the scene
  {
    name: 'an event placed only in its country takes the dateline town in that country, with a warning',
    body: 'MANDERA, Kenya - Gunmen stormed a quarry in northeastern Kenya on Tuesday, killing 36 workers, police said.',
    published: '2014-12-03',
    check: (r) => {
      assert.deepEqual(only(r).places.map((p) => p.name), ['Mandera'], trace(r));
      assert.ok(only(r).warnings.some((w) => w.code === 'place_from_dateline'), trace(r));
    },
  },
  {
    name: 'a capital in the dateline is where the correspondent is, not the event',
    body: 'BAMAKO, Mali - Gunmen killed 36 villagers in central Mali on Tuesday, officials said.',
    published: '2019-06-12',
    check: (r) => assert.ok(r.incidents.every((i) => !i.places.some((p) => p.name === 'Bamako')), trace(r)),
  },
  // the attackers' own dead, told after their victims' count, are not among the victims
  {
    name: 'attackers killed by security forces do not add to or break down the victims count',
    body: 'Gunmen stormed a college in Garissa on Thursday, killing at least 147 people. The siege ended when security forces killed the four attackers, the minister said.',
    published: '2015-04-03',
    check: (r) => {
      assert.equal(only(r).fatalities.best, 147, trace(r));
      assert.equal(only(r).fatalities.byCategory.nonStateFighters, undefined, trace(r));
    },
  },
  // a vague figure said at a place of the event's area is a word for the count already given, not a rival account
  {
    name: 'dozens of bodies carried out at a place of the event do not compete with its count',
    body: 'The death toll from the police operation in Rio de Janeiro rose to 121 on Wednesday, four of them police officers, the state government said. On Wednesday morning residents carried dozens of bodies out of a hillside in Rio de Janeiro.',
    published: '2025-10-29',
    check: (r) => {
      assert.equal(only(r).fatalities.best, 121, trace(r));
      assert.equal(only(r).fatalities.byCategory.stateForces, 4, trace(r));
    },
  },
  // a running count inside a bulletin's dated entry is that entry's event, not a toll over others
  {
    name: "a monitor's running count inside a dated entry is the entry's event count",
    body: 'Tuesday 4 April 2017 - Khan Shaykhun, southern countryside of Idlib: Warplanes carried out raids on the town. The documentation now stands at 86 civilians killed, among them 30 children.',
    published: '2017-04-08',
    check: (r) => {
      assert.equal(only(r).fatalities.best, 86, trace(r));
      assert.equal(r.tolls.length, 0, trace(r));
    },
  },
  // one part of the breakdown told again by its own source is neither a rival account nor more dead
  {
    name: 'a part of the breakdown restated later does not compete with the total',
    body: 'Forty-four police commandos, 18 rebel fighters and five civilians died in fighting in Mamasapano, Maguindanao, on Sunday. The rebels said 18 of their members were killed. Officials said five civilians died in the crossfire.',
    published: '2015-01-29',
    check: (r) => {
      assert.equal(only(r).fatalities.best, 67, trace(r));
      assert.deepEqual(only(r).fatalities.byCategory, { stateForces: 44, nonStateFighters: 18, civilians: 5 }, trace(r));
    },
  },
  // a toll put on the one event the sentence tells is its count
  {
    name: 'a death toll put on the twin bombings the sentence tells is their count, not a toll',
    body: 'ANKARA - The prime minister said Islamic State was the main suspect in the twin suicide bombings that tore through a peace rally in Ankara on Saturday, as the government put the death toll at 97.',
    published: '2015-10-12',
    check: (r) => {
      assert.equal(only(r).fatalities.best, 97, trace(r));
      assert.equal(r.tolls.length, 0, trace(r));
    },
  },
  // a figure told after "a week after" is of the earlier event
  {
    name: 'a vague figure of an earlier event told after "a week after" is not the event\'s',
    body: 'An air strike hit a bus in the market of Dahyan, Sa\'ada, on 9 August, killing 51 civilians. The incident comes a week after attacks on 2 August in Al Hudaydah, in which dozens of civilians were reported killed.',
    published: '2018-08-12',
    check: (r) => assert.equal(r.incidents.find((i) => i.fatalities.best === 51)?.date?.start, '2018-08-09', trace(r)),
  },
  // people without arms clashing with the state's forces riot; heavy weapons fired beside small arms are a battle
  {
    name: 'youths who clash with the police riot',
    body: 'On 5 May 2020, several youths demonstrated and clashed with the police forces in Coyah town, Kindia, over a power cut.',
    published: '2020-05-10',
    check: (r) => assert.deepEqual([only(r).eventType, only(r).subEventType], ['Riots', 'Violent demonstration'], trace(r)),
  },
  {
    name: 'a clash between two groups over land is mob violence',
    body: 'On 27 April 2020, a clash between two groups over a land dispute occurred in Farrukhabad town. Seven people were injured.',
    published: '2020-05-10',
    check: (r) => assert.deepEqual([only(r).eventType, only(r).subEventType], ['Riots', 'Mob violence'], trace(r)),
  },
  {
    name: 'market vendors who fight police officers are mob violence',
    body: 'On 29 April 2020, market vendors clashed with police officers at the Jan Meda market grounds in Addis Ababa.',
    published: '2020-05-10',
    check: (r) => assert.deepEqual([only(r).eventType, only(r).subEventType], ['Riots', 'Mob violence'], trace(r)),
  },
  {
    name: 'a demonstration whose protesters set tires on fire is a violent demonstration',
    body: "On 7 May 2020, a demonstration took place in Dar'a city against the arrest of a young man. Rioters blocked the road and set rubber tires on fire.",
    published: '2020-05-10',
    check: (r) => assert.deepEqual([only(r).eventType, only(r).subEventType], ['Riots', 'Violent demonstration'], trace(r)),
  },
  {
    name: 'riots named as the cause of a protest do not make it violent',
    body: 'On 8 May 2020, residents held a demonstration in Batumi against the detention of 6 people involved in riots.',
    published: '2020-05-10',
    check: (r) => assert.equal(only(r).eventType, 'Protests', trace(r)),
  },
  {
    name: 'mortars and small arms fired at positions are an armed clash',
    body: 'On 5 May 2020, the rebel forces fired 82mm mortars, grenade launchers and small arms at the government positions near Avdiivka, Donetsk.',
    published: '2020-05-10',
    check: (r) => assert.deepEqual([only(r).eventType, only(r).subEventType], ['Battles', 'Armed clash'], trace(r)),
  },
  {
    name: 'mortars alone are shelling',
    body: 'On 5 May 2020, the rebel forces fired 82mm mortars at the government positions near Avdiivka, Donetsk.',
    published: '2020-05-10',
    check: (r) => assert.equal(only(r).eventType, 'Explosions/Remote violence', trace(r)),
  },
  // a fight between rival gangs is an armed clash, even where the report calls it a riot
  {
    name: 'a prison riot between rival gangs with guns is an armed clash',
    body: 'The number of inmates killed in a fight between rival gangs at a prison in Guayaquil has risen to 118, authorities said on Thursday. The riot broke out on Tuesday when prisoners attacked another wing with guns and knives.',
    published: '2021-09-30',
    check: (r) => {
      assert.equal(only(r).eventType, 'Battles', trace(r));
      assert.equal(only(r).fatalities.best, 118, trace(r));
    },
  },
  // a subset of soldiers in a count of people is a stated part; the rest is unknown
  {
    name: 'a count of people with a subset of soldiers splits into soldiers and unknown, beside a headline of the same count',
    body: 'Bomb kills 20 at Kandahar bus station\nA bomb exploded at the bus station in Kandahar on Friday, killing at least 20 people, eight of them soldiers, officials said.',
    check: (r) => assert.deepEqual(withBest(r, 20).fatalities.byCategory, { stateForces: 8, unknown: 12 }, trace(r)),
  },
  {
    name: 'a count of people including police officers splits into police and unknown',
    body: 'A suicide bomber killed 17 people, including five police officers, at a checkpoint in Kandahar on Friday.',
    check: (r) => assert.deepEqual(withBest(r, 17).fatalities.byCategory, { stateForces: 5, unknown: 12 }, trace(r)),
  },
  // a later clause with its own subject and event ("and a car bomb exploded in Y") does not give the figure its place
  {
    name: 'the place of a second event told in the same sentence is not the first figure\'s',
    body: 'Nine soldiers were killed when their convoy was ambushed in northern Mali and a car bomb exploded near a market in the city of Gao, killing four civilians, on Friday. The convoy was travelling to Menaka, in the region of Menaka, when it was attacked, the army said.',
    published: '2025-03-09',
    check: (r) => {
      const i = withBest(r, 9);
      assert.ok(!names(i).includes('Gao'), trace(r));
    },
  },
  {
    name: 'a place in the figure\'s own clause stays',
    body: 'Six people were killed when a car bomb exploded near a market in the city of Gao on Friday, and the army said it had arrested two suspects.',
    published: '2025-03-09',
    check: (r) => assert.ok(names(withBest(r, 6)).includes('Gao'), trace(r)),
  },
  // a smaller figure from another source, not given as a share, is a competing account: the lowest is best
  {
    name: 'another source\'s lower figure given as parts ("a woman and four children") competes with the first',
    body: 'Up to 22 civilians were killed on Friday in Ngarbuh, a village in the North-West region, the United Nations said on Monday.\n\nThe army said the deaths were an accident: a woman and four children died when fuel containers exploded.',
    published: '2020-02-18',
    check: (r) => assert.deepEqual([only(r).fatalities.best, only(r).fatalities.high], [5, 22]),
  },
  {
    name: 'residents\' lower count competes with the police figure',
    body: 'Police said 12 people were killed in Jableh on Friday. Residents said seven people died in the attack.',
    check: (r) => assert.deepEqual([only(r).fatalities.best, only(r).fatalities.high], [7, 12]),
  },
  {
    name: 'another source\'s share of the dead ("seven of them") is no competing count',
    body: 'Police said 12 people were killed in Jableh on Friday. Residents said seven of them were children.',
    check: (r) => assert.equal(only(r).fatalities.best, 12),
  },
  {
    name: 'the same speaker named in full, then by surname, is one source: the smaller count details the event',
    body: 'Missiles kill three in Kropyvnytskyi, governor says\nMissiles struck an airfield in Kropyvnytskyi on Saturday, killing three people, regional governor Andriy Raikovych said. Raikovych said two security guards died at a substation.',
    check: (r) => assert.equal(only(r).fatalities.best, 3),
  },
  {
    name: 'fighters the other side says it killed are other dead, not a lower count of the victims',
    body: 'An air strike set fire to tents in Rafah late on Sunday, killing at least 45 people, the health ministry said. The military said it had killed two Hamas militants in the strike.',
    check: (r) => assert.ok(r.incidents.some((i) => i.fatalities.best === 45), trace(r)),
  },
  {
    name: 'the same source\'s smaller count details the event',
    body: 'Police said 12 people were killed in Jableh on Friday. Police said nine died on the spot.',
    check: (r) => assert.deepEqual([only(r).fatalities.best, only(r).fatalities.high], [12, 12]),
  },
  // a share of an earlier count that died on another day in an act of its own is an incident of its own
  {
    name: 'a share of the dead killed on another day in an ambush of its own is its own incident, at the same place',
    body: 'Dozens of people have been killed since insurgents attacked the town of Palma in Cabo Delgado province on Wednesday, the government said on Sunday.\n\nSeven of them died on Friday when a convoy of vehicles trying to escape from a hotel was ambushed, a spokesman said.',
    published: '2021-03-29',
    check: (r) => {
      assert.equal(r.incidents.length, 2, trace(r));
      const share = withBest(r, 7);
      assert.deepEqual(share.date, { start: '2021-03-26', end: '2021-03-26' });
      assert.deepEqual(names(share), names(withBest(r, 12)));
    },
  },
  {
    name: 'a share that died later in hospital, with no act of its own, stays a detail of the event',
    body: 'Gunmen killed twelve villagers in Jableh on Friday, residents said.\n\nFive of them died in hospital on Saturday, a doctor said.',
    check: (r) => assert.equal(only(r).fatalities.best, 12),
  },
  {
    name: 'a share on the same day as the whole stays a detail of the event',
    body: 'Gunmen killed twelve villagers in Jableh on Friday, residents said.\n\nFive of them were shot on Friday as they fled, a survivor said.',
    check: (r) => assert.equal(only(r).fatalities.best, 12),
  },
  // "another body" raises the same event's toll; "another attack" is a new event
  {
    name: 'a figure repeated after "another body was found" stays one incident',
    body: 'A gunman killed 12 people at a mosque in Jableh on Friday, police said, after the toll rose by one when officers found another body in the building. Residents said the gunman fled in a car.',
    check: (r) => assert.equal(only(r).fatalities.best, 12),
  },
  {
    name: '"another body" beside the figure of the same sentence is one more death of that event, not an incident',
    body: 'Jableh mourns 12 killed in mosque attack\nA gunman killed 12 people at a mosque in Jableh on Friday, police said, after rescuers recovered another body from the river on Sunday.',
    check: (r) => assert.equal(only(r).fatalities.best, 12),
  },
  {
    name: '"another attack" still opens a second incident',
    body: 'Gunmen killed four people in Jableh on Friday. In another attack, gunmen killed four people in Baniyas on Saturday.',
    check: (r) => assert.equal(r.incidents.length, 2, trace(r)),
  },
  // an event with no figure in a short bulletin
  {
    name: 'a bulletin entry with a label and no figure',
    body: 'Looting: On 7 March, armed men looted shops in Jableh.',
    check: (r) => {
      const i = only(r);
      assert.deepEqual([i.fatalities.low, i.fatalities.best, i.fatalities.high], [null, null, null]);
      assert.deepEqual([i.eventType, i.subEventType], ['Strategic developments', 'Looting/property destruction']);
      assert.deepEqual(i.date, { start: '2025-03-07', end: '2025-03-07' });
      assert.deepEqual(names(i), ['Jableh']);
    },
  },
  {
    name: 'a protest with no figure',
    body: 'On 8 March, protesters gathered in front of the governorate building in Jableh to demand the release of detainees.',
    check: (r) => {
      const i = only(r);
      assert.equal(i.fatalities.best, null);
      assert.deepEqual([i.eventType, i.subEventType], ['Protests', 'Peaceful protest']);
      assert.deepEqual(i.date, { start: '2025-03-08', end: '2025-03-08' });
    },
  },
  // a dateline names where the story was filed
  {
    name: 'the dateline place is not the incident\'s place',
    body: 'ERBIL (Kurdistan24) – A Turkish drone strike killed two fighters in the village of Sidakan on Friday.',
    check: (r) => {
      const i = only(r);
      assert.ok(names(i).some((n) => fold(n) === 'sidakan'), names(i).join(', '));
      assert.ok(!names(i).some((n) => fold(n) === 'erbil'), names(i).join(', '));
      assert.deepEqual([i.eventType, i.subEventType], ['Explosions/Remote violence', 'Air/drone strike']);
      assert.deepEqual(i.fatalities.byCategory, { nonStateFighters: 2 });
    },
  },
  // dates
  {
    name: '"on Friday" is the Friday before publication',
    body: 'Soldiers killed nine villagers in Jableh on Friday.',
    check: (r) => assert.deepEqual(only(r).date, { start: '2025-03-07', end: '2025-03-07' }),
  },
  {
    name: '"on Friday" in a report published on a Tuesday',
    body: 'Soldiers killed nine villagers in Jableh on Friday.',
    published: '2025-03-11',
    check: (r) => assert.deepEqual(only(r).date, { start: '2025-03-07', end: '2025-03-07' }),
  },
  {
    name: '"since Thursday" is a range ending on the published date',
    body: 'Since Thursday, clashes in Jableh have killed 72 people, the monitor said.',
    check: (r) => {
      const i = only(r);
      assert.deepEqual(i.date, { start: '2025-03-06', end: SUNDAY });
      assert.equal(i.datePrecision, 'range');
    },
  },
  {
    name: '"said on Saturday" is when it was said, not when it happened',
    body: 'Gunmen killed five people in Baniyas on Wednesday, the interior ministry said on Saturday.',
    check: (r) => assert.deepEqual(only(r).date, { start: '2025-03-05', end: '2025-03-05' }),
  },
  {
    name: 'with no date, the default window of the days before publication',
    body: 'Gunmen killed five people in Baniyas, the interior ministry said.',
    check: (r) => assert.deepEqual(only(r).date, { start: '2025-03-07', end: SUNDAY }),
  },
  // which date is the event's: the killing clause's, not the burial's or the statement's
  {
    name: 'the day of the attack, not the day of the burial ("buried … on Sunday after … attacked late on Friday")',
    body: 'Families in Jableh buried their dead on Sunday after gunmen attacked the market late on Friday, killing 12 people, police said.',
    check: (r) => assert.deepEqual(withBest(r, 12).date, { start: '2025-03-07', end: '2025-03-07' }),
  },
  {
    name: 'the day of the killing, not the day the names were released',
    body: 'Police on Saturday released the names of the six people killed in Baniyas on Wednesday afternoon.',
    check: (r) => assert.deepEqual(withBest(r, 6).date, { start: '2025-03-05', end: '2025-03-05' }),
  },
  {
    name: 'a funeral held on one day for those shot dead the day before',
    body: 'Hundreds held a funeral in Jableh on Saturday for the four farmers shot dead by gunmen on Friday.',
    check: (r) => assert.deepEqual(withBest(r, 4).date, { start: '2025-03-07', end: '2025-03-07' }),
  },
  // a month long past that frames the sentence or paragraph dates its event
  {
    name: '"In October 2024, …" dates the event of its sentence',
    body: 'In October 2024, a car bomb killed 20 people in Jableh.',
    check: (r) => assert.deepEqual(withBest(r, 20).date, { start: '2024-10-01', end: '2024-10-31' }),
  },
  {
    name: '"since October 2024, when …" dates the event of the when-clause',
    body: 'It was the deadliest attack in Jableh since October 2024, when a car bomb killed 20 people near the port.',
    check: (r) => assert.deepEqual(withBest(r, 20).date, { start: '2024-10-01', end: '2024-10-31' }),
  },
  {
    name: 'a month long past in the clause of the killing dates it; one in a "since" clause does not',
    body: 'A car bomb killed 20 people in Jableh in October 2024.\n\nGunmen killed five people in Baniyas, where the army has kept a base since it took the town in 2012.',
    check: (r) => {
      assert.deepEqual(withBest(r, 20).date, { start: '2024-10-01', end: '2024-10-31' });
      assert.deepEqual(withBest(r, 5).date, { start: '2025-03-07', end: SUNDAY });
    },
  },
  {
    name: 'a date opening the paragraph dates the event told in the next sentence',
    body: 'In January 2024, rebels seized parts of Jableh. The battle to retake the town killed 300 people.\n\nOn Friday, gunmen killed five people in Baniyas.\n\n' +
      'In late August 2024, militants overran Homs. Fighting there killed 40 people, the monitor said.',
    check: (r) => {
      assert.deepEqual(withBest(r, 300).date, { start: '2024-01-01', end: '2024-01-31' });
      assert.deepEqual(withBest(r, 40).date, { start: '2024-08-01', end: '2024-08-31' });
    },
  },
  // a background event in a later part of the story does not date the event
  {
    name: '"killed two fighters last week" in a later sentence does not date the attack',
    body: 'Seventy people were killed in Jableh, officials said. The gunmen arrived on motorbikes on Saturday. Residents said the attack was revenge after villagers killed two fighters last week.',
    check: (r) => assert.deepEqual(withBest(r, 70).date, { start: '2025-03-08', end: '2025-03-08' }),
  },
  // a listing's labelled date field dates every line of its record
  {
    name: 'labelled fields: "Date:" and "When:" lines date their records',
    body: 'Incidents recorded this week\n\nDate: 4 Mar 2025\nPlace: Jableh\nNotes: Gunmen killed seven civilians in a raid on the town.\n\nWhen: Thursday\nPlace: Baniyas\nNotes: A roadside bomb killed three soldiers on the coast road.',
    check: (r) => {
      assert.deepEqual(withBest(r, 7).date, { start: '2025-03-04', end: '2025-03-04' });
      assert.deepEqual(withBest(r, 3).date, { start: '2025-03-06', end: '2025-03-06' });
    },
  },
  {
    name: 'labelled fields: "Date of incident:" after the place line',
    body: 'Monitoring update\n\nPlace: Jableh\nDate of incident: 2 March 2025\nNotes: Four shepherds were shot dead. The health ministry confirmed the toll on 5 March.',
    check: (r) => assert.deepEqual(withBest(r, 4).date, { start: '2025-03-02', end: '2025-03-02' }),
  },
  {
    name: 'a "Date:" line over a story that is no listing is its publication, not the event\'s date',
    body: 'Gunmen attack village\nDate: 9 March 2025\nGunmen killed five people in Baniyas on Friday.',
    check: (r) => assert.deepEqual(withBest(r, 5).date, { start: '2025-03-07', end: '2025-03-07' }),
  },
  // victims linked to the incident of their category and date
  {
    name: 'a civilian victim goes with the civilians\' incident',
    body: 'Soldiers killed nine villagers in Jableh on Friday.\n\nIn a separate attack on Wednesday, gunmen shot dead two policemen at a checkpoint in Baniyas.\n\nOne of the villagers, Samir Haddad Khoury, was killed inside his shop, his cousin said.',
    check: (r) => {
      const villagers = withBest(r, 9);
      withBest(r, 2);
      assert.equal(r.victims.length, 1, trace(r));
      const [v] = r.victims;
      assert.deepEqual([v!.name, v!.category, v!.sex, v!.incident], ['Samir Haddad Khoury', 'civilians', 'male', villagers.id]);
      assert.deepEqual(v!.date, { start: '2025-03-07', end: '2025-03-07' });
    },
  },
  {
    name: 'a policeman victim goes with the policemen\'s incident',
    body: 'Soldiers killed nine villagers in Jableh on Friday.\n\nIn a separate attack on Wednesday, gunmen shot dead two policemen at a checkpoint in Baniyas.\n\nOne of the policemen, Yusuf Karim Abbas, was killed as he tried to close the gate, his brother said.',
    check: (r) => {
      const police = withBest(r, 2);
      assert.deepEqual(police.fatalities.byCategory, { stateForces: 2 });
      assert.equal(r.victims.length, 1, trace(r));
      const [v] = r.victims;
      assert.deepEqual([v!.name, v!.category, v!.incident], ['Yusuf Karim Abbas', 'stateForces', police.id]);
      assert.deepEqual(v!.date, { start: '2025-03-05', end: '2025-03-05' });
    },
  },
  // the scene set by an earlier sentence is all of that sentence's places, not its last two
  {
    name: 'a figure with no place of its own happened where the story set the scene',
    body: 'Headline\nOn Friday, a land dispute in the village of Al-Mukhtariya, near Jableh (Latakia), turned violent. At least two people were stabbed. One person was killed and four others wounded.',
    check: (r) => {
      const i = withBest(r, 1);
      assert.ok(names(i).includes('Jableh'), names(i).join(','));
      assert.ok(names(i).includes('Al-Mukhtariya'), names(i).join(','));
    },
  },
  // an event with no figure and no trigger word: the wounded or the coder's total say something happened
  {
    name: 'people wounded with no trigger word make an event',
    body: 'On 6 May 2020, in Dangriga, Stann Creek, three people were wounded outside a bar.',
    published: '2020-05-06',
    check: (r) => {
      const i = only(r);
      assert.equal(i.injured, 3);
      assert.ok(names(i).includes('Dangriga'), names(i).join(','));
      assert.equal(i.fatalities.best, null);
      assert.equal(i.eventType, 'Violence against civilians');
    },
  },
  {
    name: 'a coder\'s total with no trigger word is the figure of the note\'s event',
    body: 'Around 8 May 2020 (as reported), in Zapopan, Jalisco, eight bags were found in a ravine. Unknown fatalities coded as 3.',
    published: '2020-05-08',
    check: (r) => {
      const i = only(r);
      assert.equal(i.fatalities.best, 3);
      assert.ok(names(i).includes('Zapopan'), names(i).join(','));
    },
  },
  // a bare year long past in the event's sentence is background, not the event's date
  {
    name: 'a background year in the event sentence does not date the event',
    body: 'Gunmen killed at least 40 people in a raid on Jableh, officials said, the deadliest attack since the violence began in 2015.\n\nThe attackers struck late on Friday night, residents said.',
    check: (r) => {
      const i = withBest(r, 40);
      assert.deepEqual(i.date, { start: '2025-03-07', end: '2025-03-07' });
    },
  },
  // the day a count was updated is not the day of the event
  {
    name: 'a toll updated on a later day keeps the event on its own day',
    body: 'The number of people killed by a missile that hit a market in Jableh rose to 52 on Saturday, officials said.\n\nThe missile struck on Friday afternoon as shoppers gathered.',
    check: (r) => {
      const i = withBest(r, 52);
      assert.deepEqual(i.date, { start: '2025-03-07', end: '2025-03-07' });
    },
  },
  // a place the gazetteer has no province for does not make a figure regional
  {
    name: 'a neighbourhood without a province beside its city is still one place',
    body: 'An air strike set fire to tents in the Tal al-Sultan area of Rafah late on Sunday, killing at least 45 people, the Gaza Health Ministry said.',
    published: '2024-05-27',
    check: (r) => {
      const i = withBest(r, 45);
      assert.ok(names(i).includes('Rafah'), names(i).join(','));
    },
  },
  // an updated count of one event is the event's figure, not a toll
  {
    name: 'a toll risen for one event stays the incident\'s figure',
    body: 'The death toll from Friday\'s bombing at a market in Jableh has risen to 31, the health ministry said on Sunday.',
    check: (r) => {
      const i = only(r);
      assert.equal(i.fatalities.best, 31);
      assert.deepEqual(i.date, { start: '2025-03-07', end: '2025-03-07' });
      assert.equal(r.tolls.length, 0, trace(r));
    },
  },
  // a town word inside a victim's name is no place of the event
  {
    name: 'a victim named with a town word',
    body: 'Armed bandits killed 15 villagers in an attack on a village in Maru, Zamfara State, on Friday, police said. Musa Ibrahim Bello, a farmer, was among the dead.',
    check: (r) => {
      const i = only(r);
      assert.ok(!names(i).includes('Bello'), names(i).join(','));
      assert.equal(r.victims[0]?.name, 'Musa Ibrahim Bello');
      assert.equal(r.victims[0]?.incident, i.id);
    },
  },
  // an increment stated with the updated count is a step of the event's count, not a conflicting figure
  {
    name: 'the bodies of N more, bringing the toll to the event\'s count',
    body: 'Twelve soldiers were killed when militants ambushed a convoy near Kidal on Saturday, the army said. Rescuers found the bodies of eight more on Sunday, bringing the toll to 12.',
    check: (r) => {
      const i = only(r);
      assert.equal(i.fatalities.best, 12);
      assert.ok(!codes(i).includes('conflicting_figures'), codes(i).join(','));
    },
  },
  {
    name: 'the bodies of N more, with the updated count in a later sentence',
    body: 'Twenty-two soldiers were killed when rebels ambushed a patrol near Kidal on Saturday, the army said. Five soldiers were confirmed dead on Saturday evening. Search teams found the bodies of 17 more on Sunday. The toll now stands at 22.',
    check: (r) => {
      const i = only(r);
      assert.equal(i.fatalities.best, 22);
      assert.ok(!codes(i).includes('conflicting_figures'), codes(i).join(','));
    },
  },
  {
    name: 'another N, raising the death toll to the event\'s count',
    body: 'Militants killed 20 villagers in Jableh on Friday. Another 6 bodies were found in a ravine on Saturday, raising the death toll to 20.',
    check: (r) => {
      assert.equal(only(r).fatalities.best, 20);
    },
  },
  // the dead of another side of the same event are not among its count: they add to it
  {
    name: 'one fighter\'s body recovered beside a count of soldiers',
    body: 'Twenty-two soldiers were killed when rebels ambushed a patrol near Kidal on Saturday. The body of one rebel was recovered from the site.',
    check: (r) => {
      const i = only(r);
      assert.equal(i.fatalities.best, 23);
      assert.deepEqual(i.fatalities.byCategory, { stateForces: 22, nonStateFighters: 1 });
    },
  },
  {
    name: 'a soldier of another people killed in the same operation',
    body: 'The health ministry said 40 Palestinians were killed in an Israeli raid on Jenin on Friday. An Israeli soldier was also killed in the operation, the army said.',
    check: (r) => {
      const i = only(r);
      assert.equal(i.fatalities.best, 41);
      assert.equal(i.fatalities.byCategory.stateForces, 1);
    },
  },
  {
    name: 'more dead of the same side are not added',
    body: 'Twelve soldiers were killed in an ambush near Kidal on Friday. Two soldiers also died in hospital.',
    check: (r) => {
      assert.equal(only(r).fatalities.best, 12);
    },
  },
  // a record of labelled fields: the figure in "Killed:" happened on its "Date:" at its "Place:"
  {
    name: 'two records of labelled fields',
    body: ['Incidents recorded this week.', '', 'Date: 4 March 2025', 'Place: the town of Jableh, Latakia province', 'Weapons: car bomb', 'Killed: 12–15', 'Injured: 30', '',
      'Date: 6 March 2025', 'Place: Homs city', 'Weapons: gunmen', 'Deaths: 4', ''].join('\n'),
    check: (r) => {
      assert.equal(r.incidents.length, 2, trace(r));
      const [first, second] = [withBest(r, 12), withBest(r, 4)];
      assert.deepEqual([first.date, names(first)[0], first.fatalities.high, first.injured], [{ start: '2025-03-04', end: '2025-03-04' }, 'Jableh', 15, 30]);
      assert.deepEqual([second.date, names(second)[0]], [{ start: '2025-03-06', end: '2025-03-06' }, 'Homs']);
    },
  },
  // a figure that points back at an event told right before it, in another place, is that event's
  {
    name: 'a count "in the strikes" after a strike elsewhere',
    body: 'Gunmen executed 12 men in the village of Al-Mukhtariya on Friday, residents said.\nIn Homs, warplanes struck an army depot on Saturday. The health ministry said two people were killed in the strikes.',
    check: (r) => {
      assert.equal(r.incidents.length, 2, trace(r));
      assert.ok(names(withBest(r, 2)).includes('Homs'), trace(r));
      assert.ok(!names(withBest(r, 12)).includes('Homs'), trace(r));
    },
  },
  {
    name: 'a count right after a sentence that opens on another place',
    body: 'Gunmen executed 12 men in the village of Al-Mukhtariya on Friday, residents said. In Homs, warplanes struck an army depot on Saturday. Two people were killed and five wounded, the ministry said.',
    check: (r) => {
      assert.equal(r.incidents.length, 2, trace(r));
      assert.deepEqual([names(withBest(r, 2)), withBest(r, 2).injured], [['Homs'], 5]);
    },
  },
  {
    name: 'a count "in the attack" in the same place stays a detail',
    body: 'Gunmen executed 12 men in the village of Al-Mukhtariya on Friday, residents said. Two of the gunmen were wounded in the attack.',
    check: (r) => {
      assert.equal(only(r).fatalities.best, 12);
    },
  },
  // a headline's vague figure summarises the body's event: no event of its own
  {
    name: 'dozens in the headline, a precise count in the body',
    body: 'Militants kill dozens in raid on Jableh market\n\nMilitants on motorbikes attacked the market in Jableh on Friday, firing on shoppers. The health ministry said 38 people were killed. The army said it was hunting the attackers.',
    check: (r) => {
      const i = only(r);
      assert.equal(i.fatalities.best, 38);
    },
  },
  {
    name: 'scores in the headline, two places in the body',
    body: 'Rockets kill scores in Baniyas\n\nRockets hit a bus station in Baniyas on Friday, killing at least 27 people, the governor said. Hospitals in Baniyas received scores of wounded overnight.',
    check: (r) => {
      assert.deepEqual(r.incidents.map((i) => i.fatalities.best), [27], trace(r));
    },
  },
  // a figure summing events told one by one is a toll over them
  {
    name: 'the two attacks together are a toll',
    body: 'Gunmen killed 11 villagers in Jableh on Friday, residents said. On Saturday, a car bomb killed nine people at a checkpoint in Baniyas, police said. Together, the two attacks killed 20 people in two days.',
    check: (r) => {
      assert.deepEqual(r.incidents.map((i) => i.fatalities.best).sort((a, b) => (a ?? 0) - (b ?? 0)), [9, 11], trace(r));
      assert.ok(r.tolls.some((t) => t.fatalities.best === 20), trace(r));
    },
  },
  // a whole conflict's toll is background
  {
    name: 'an insurgency\'s toll since it began is no incident',
    body: `${LONG_LEAD}The insurgency, which began in 2011, has killed hundreds of thousands of people.`,
    check: (r) => {
      assert.deepEqual(r.incidents.map((i) => i.fatalities.best), [21], trace(r));
    },
  },
  // a count that rose in the sentence of its first figure is the event's
  {
    name: 'a count that rose overnight is the event\'s figure',
    body: 'Gunmen attacked the village of Al-Mukhtariya on Friday night, going from house to house. On Saturday officials said about 20 bodies had been found; on Sunday the number of bodies recovered had risen to 33.',
    check: (r) => {
      const i = only(r);
      assert.equal(i.fatalities.best, 33);
      assert.ok(!r.tolls.some((t) => t.fatalities.best === 33), trace(r));
    },
  },
  {
    name: 'a count that rose in the next sentence is the event\'s figure',
    body: 'Gunmen attacked the village of Al-Mukhtariya on Friday night and killed 20 people, residents said. By Sunday the number of dead had risen to 33, the governor said.',
    check: (r) => {
      const i = only(r);
      assert.equal(i.fatalities.best, 33);
      assert.deepEqual(i.date, { start: '2025-03-07', end: '2025-03-07' });
      assert.ok(!r.tolls.some((t) => t.fatalities.best === 33), trace(r));
    },
  },
  {
    name: 'a toll that rose over the province stays a toll',
    body: 'Gunmen killed 20 people in the village of Al-Mukhtariya on Friday, residents said. The death toll in the province has risen to 140, the monitor said.',
    check: (r) => {
      assert.deepEqual(r.incidents.map((i) => i.fatalities.best), [20], trace(r));
      assert.ok(r.tolls.some((t) => t.fatalities.best === 140), trace(r));
    },
  },
  // a superseded figure of the same event is no toll
  {
    name: 'an earlier toll the ministry had given',
    body: 'The health ministry said 40 people were killed in an air strike on Jableh on Saturday. On Saturday night the ministry had given a toll of 25.',
    check: (r) => {
      assert.equal(only(r).fatalities.best, 40);
      assert.equal(r.tolls.length, 0, trace(r));
    },
  },
  // "70 were killed in X and 30 in Y": two incidents, each in its own place
  {
    name: 'an elliptical second figure with its own place is an incident of its own',
    body: 'Four soldiers were killed in Jableh and two in Baniyas on Friday when militants attacked checkpoints.',
    check: (r) => {
      assert.equal(r.incidents.length, 2, trace(r));
      assert.deepEqual(names(withBest(r, 4)), ['Jableh']);
      assert.deepEqual(names(withBest(r, 2)), ['Baniyas']);
    },
  },
  {
    name: 'a count from last week is not a breakdown of this week\'s attack',
    body: 'Gunmen killed 30 villagers in Jableh on Friday, officials said. Residents said the attack could be revenge after villagers killed two gunmen last week.',
    check: (r) => {
      const i = withBest(r, 30);
      assert.deepEqual(i.date, { start: '2025-03-07', end: '2025-03-07' });
      assert.deepEqual(i.fatalities.byCategory, { civilians: 30 });
    },
  },
  // dated entries: a breakdown dated on other days than the rest of its event is an event of its own
  ...([
    ['Summary: two raids on the village of Kafr Nabudah this week; officials say 40 bodies were recovered after the second.', '3 March 2025 - Kafr Nabudah, Hama province. Gunmen attacked the police station in Kafr Nabudah. Six policemen were killed in the fighting, officials said.', 'Night of 5 to 6 March 2025 - Kafr Nabudah, Hama province. Gunmen entered the village and shot residents. On 6 March officials said 40 bodies had been found.', '2025-03-03', 6, 40],
    ['Overview: two attacks on the town of Jableh in one week; the mayor says 25 people died in the second one.', '2 March 2025 - Jableh, Latakia province. Militants stormed an army checkpoint in Jableh. Three soldiers were killed in the clashes, the army said.', '6 March 2025 - Jableh, Latakia province. Militants returned and killed civilians in the market. On 6 March the mayor said 25 people had been killed.', '2025-03-02', 3, 25],
  ] as const).map(([summary, first, second, firstDay, firstBest, secondBest]): Case => ({
    name: `a breakdown dated on another day than its event: ${firstBest} and ${secondBest}`,
    body: [summary, '', first, '', second].join('\n'),
    check: (r) => {
      assert.equal(r.incidents.length, 2, trace(r));
      assert.deepEqual(withBest(r, firstBest).date, { start: firstDay, end: firstDay });
      assert.ok(withBest(r, secondBest).date!.end > firstDay, trace(r));
    },
  })),
  // an earlier count that the same sentence raises ("had risen to 79") is a step of the event's count, not a rival account
  ...([
    ['Gunmen killed villagers in the town of Jableh on Friday. The mayor first said 30 people were killed.', 'On Saturday officials said about 20 bodies had been found; on Sunday they said the number had risen to 30.', 30],
    ['Militants attacked the town of Baniyas on Friday, killing 44 people, officials said.', 'Rescuers had recovered 12 bodies by Friday night, and the toll later rose to 44.', 44],
  ] as const).map(([lead, update, best]): Case => ({
    name: `an earlier count raised in the same sentence: ${best}`,
    body: `${lead} ${update}`,
    check: (r) => {
      const i = only(r);
      assert.equal(i.fatalities.best, best);
      assert.ok(!codes(i).includes('conflicting_figures'), codes(i).join(','));
    },
  })),
  // a vague figure ("dozens", "hundreds") and a precise count of the same event: one incident, the precise count
  ...([
    ['Gunmen kill dozens in raid on Jableh market\n\nGunmen opened fire in the market of Jableh on Friday. Police said 38 people were killed.', 38],
    ['Air strikes kill scores in Baniyas\n\nWarplanes struck a residential block in Baniyas on Friday, killing 61 people, rescuers said.', 61],
    ['Militants stormed the village of Al-Mukhtariya on Friday, killing 27 people, officials said. A hospital in the area received dozens of bodies overnight, a nurse said.', 27],
  ] as const).map(([body, best]): Case => ({
    name: `a vague figure beside a precise count: ${best}`,
    body,
    check: (r) => {
      const i = only(r);
      assert.equal(i.fatalities.best, best);
    },
  })),
];

for (const c of CASES) {
  test(`claims: ${c.name}`, c.todo ? { todo: c.todo } : {}, () => {
    const r = run(c.body, c.published);
    try {
      c.check(r);
    } catch (err) {
      if (err instanceof assert.AssertionError) err.message += `\n${trace(r)}`;
      throw err;
    }
  });
}

test('claims: every incident span lies inside the body and the warnings are gathered at the top', () => {
  const body = 'Clashes in Jableh on Friday killed 40 people, including 20 security personnel and 25 pro-Assad fighters.';
  const r = run(body);
  for (const i of r.incidents) for (const s of i.spans) assert.ok(s.start >= 0 && s.end <= body.length && s.start < s.end);
  assert.deepEqual(r.warnings.map((w) => w.code), r.incidents.flatMap((i) => codes(i)));
});
