// Table-driven tests of the event-trigger recognizer: a sentence in, the triggers found and their ACLED types out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventType } from '../../domain/types.js';
import { LABEL_WEIGHT, recognizeEventTriggers, type EventTriggerMention } from './events.js';

const EXP = 'Explosions/Remote violence';
const VAC = 'Violence against civilians';

/** trigger text, event type, sub-event type. */
type Trigger = [string, EventType, string];

interface Case {
  text: string;
  /** Triggers that must be found, with these types. */
  expect: Trigger[];
  /** Sub-event types (or event types) that must not be found at all. */
  absent?: string[];
  todo?: string;
}

const CASES: Case[] = [
  // fire on protesters is excessive force against protesters, even in a crowd of others; beside a protest it is not
  { text: 'Security forces opened fire on worshippers and protesters after Friday prayers.', expect: [['opened fire on', 'Protests', 'Excessive force against protesters']] },
  { text: 'Police fired on protesters in Khartoum, killing three.', expect: [['fired on', 'Protests', 'Excessive force against protesters']] },
  { text: 'Security men shot dead 4 protesters.', expect: [['shot dead', 'Protests', 'Excessive force against protesters']] },
  { text: 'Soldiers opened fire on a protest in Mandalay.', expect: [['opened fire on', 'Protests', 'Excessive force against protesters']] },
  { text: 'Gunmen shot dead two farmers near the protest camp.', expect: [['shot dead', VAC, 'Attack']], absent: ['Excessive force against protesters'] },
  { text: 'Gunmen opened fire on a bus carrying workers.', expect: [['opened fire on', VAC, 'Attack']], absent: ['Protests'] },
  // an aircraft that carries people is no air strike
  { text: 'The troops arrived by helicopter on the morning of 27 March 2022.', expect: [], absent: [EXP] },
  { text: 'Soldiers were flown in on military helicopters and landed at the market.', expect: [], absent: [EXP] },
  { text: 'A helicopter fired rockets at the village.', expect: [['helicopter', EXP, 'Air/drone strike']] },
  { text: 'Three people were killed by helicopter fire near the town.', expect: [['helicopter', EXP, 'Air/drone strike']] },
  // the month is no march: a capital inside a sentence is the month, at the start of one it may be the noun
  { text: 'Soldiers killed 300 people in Moura in March last year.', expect: [], absent: ['Protests'] },
  { text: 'The operation began on 27 March and ended on 31 March.', expect: [], absent: ['Protests'] },
  { text: 'Hundreds joined a march in Lagos on Monday.', expect: [['march', 'Protests', 'Peaceful protest']] },
  { text: 'March organisers said the rally was peaceful.', expect: [['March', 'Protests', 'Peaceful protest']] },
  // explosions / remote violence
  // plural suicide bombers and attacks are suicide bombs as much as one is
  { text: 'Two suicide bombers struck a crowded market in Maiduguri.', expect: [['suicide bombers', EXP, 'Suicide bomb']] },
  { text: 'A wave of suicide bombings hit the capital on Sunday.', expect: [['suicide bombings', EXP, 'Suicide bomb']] },
  { text: 'The attackers blew themselves up at the gate of the base.', expect: [['blew themselves up', EXP, 'Suicide bomb']] },
  { text: 'An Israeli air strike on a house in Khan Younis killed six people.', expect: [['air strike', EXP, 'Air/drone strike']] },
  { text: 'The drone strike hit a car on the coastal road.', expect: [['drone strike', EXP, 'Air/drone strike']] },
  { text: 'Artillery shelling hit the market on Tuesday.', expect: [['shelling', EXP, 'Shelling/artillery/missile attack']] },
  {
    text: 'Russian forces shelled the village overnight.',
    expect: [['shelled', EXP, 'Shelling/artillery/missile attack']],
    absent: [VAC],
  },
  { text: 'An IED exploded beside the road as the convoy passed.', expect: [['IED', EXP, 'Remote explosive/landmine/IED']] },
  { text: 'A roadside bomb killed two soldiers.', expect: [['roadside bomb', EXP, 'Remote explosive/landmine/IED']] },
  { text: 'A landmine explosion killed a shepherd.', expect: [['landmine', EXP, 'Remote explosive/landmine/IED']] },
  { text: 'A suicide bomber blew himself up at a checkpoint.', expect: [['suicide bomber', EXP, 'Suicide bomb']] },
  { text: 'Two suicide bombers struck a market in the north.', expect: [['suicide bombers', EXP, 'Suicide bomb']] },
  { text: 'Suicide attackers stormed the base at dawn.', expect: [['Suicide attackers', EXP, 'Suicide bomb']] },
  // "a strike on a house" is an air or drone strike; a labour strike is not
  { text: 'A strike on a house in Rafah killed four.', expect: [['A strike', EXP, 'Air/drone strike']] },
  { text: 'Another strike hit the same street an hour later.', expect: [['Another strike', EXP, 'Air/drone strike']] },
  { text: 'Teachers went on strike over unpaid wages.', expect: [['went on strike', 'Protests', 'Peaceful protest']], absent: ['Air/drone strike'] },
  { text: 'Detainees in the prison began a hunger strike.', expect: [], absent: ['Air/drone strike'] },
  { text: 'Dock workers staged a general strike on Monday.', expect: [], absent: ['Air/drone strike'] },
  // battles
  { text: 'Heavy clashes erupted between the army and the rebels.', expect: [['clashes', 'Battles', 'Armed clash']] },
  { text: 'Government forces recaptured the town from the rebels.', expect: [['recaptured', 'Battles', 'Government regains territory']] },
  // the target decides an attack: armed → battle, civilians → violence against civilians
  { text: 'Militants attacked an army post near the border.', expect: [['attacked', 'Battles', 'Armed clash']], absent: [VAC] },
  { text: 'Gunmen attacked a village and burned homes.', expect: [['attacked', VAC, 'Attack']], absent: ['Battles'] },
  // violence against civilians
  { text: 'Unknown gunmen abducted a priest on the road to the monastery.', expect: [['abducted', VAC, 'Abduction/forced disappearance']] },
  // protests and riots
  { text: 'Hundreds of people protested outside the governor\'s office.', expect: [['protested', 'Protests', 'Peaceful protest']] },
  { text: 'Rioters set fire to shops in the old town.', expect: [['Rioters', 'Riots', 'Violent demonstration'], ['set fire', 'Riots', 'Violent demonstration']] },
  { text: 'Demonstrators clashed with police, throwing stones.', expect: [['clashed with police', 'Riots', 'Violent demonstration']] },
  // a beating: by forces, violence against civilians; by a crowd, mob violence
  { text: 'Police officers beat and injured a journalist at the market.', expect: [['beat', VAC, 'Attack']], absent: ['Riots'] },
  { text: 'Villagers beat up four persons over an unpaid debt.', expect: [['beat up', 'Riots', 'Mob violence']], absent: [VAC] },
  { text: 'A suspected thief was beaten up by locals inside a bus terminal.', expect: [['beaten up', 'Riots', 'Mob violence']], absent: [VAC] },
  { text: 'A man was tied up and brutally beaten by police officers.', expect: [['beaten', VAC, 'Attack']], absent: ['Riots'] },
  // wounding with no death, gunfights, road blocks, property destruction and other strategic developments
  { text: 'Unidentified gunmen shot and injured the deacon of a church.', expect: [['shot and injured', VAC, 'Attack']] },
  { text: 'Residents reported that shoot-outs took place in two neighbourhoods.', expect: [['shoot-outs', 'Battles', 'Armed clash']] },
  { text: 'Workers blocked a highway to demand unpaid salaries.', expect: [['blocked', 'Protests', 'Peaceful protest']] },
  { text: 'Inhabitants built barricades and set them on fire.', expect: [['barricades', 'Riots', 'Violent demonstration'], ['set them on fire', 'Riots', 'Violent demonstration']] },
  { text: 'Unknown gunmen on motorbikes seized a vehicle in the town.', expect: [['seized', 'Strategic developments', 'Looting/property destruction']] },
  { text: 'Forces reportedly established new fortifications east of the city.', expect: [['fortifications', 'Strategic developments', 'Change to group/activity']] },
  // a bulletin label states the type and outweighs the words of the entry
  {
    text: 'Looting: On 9 May, armed men looted shops in the market.',
    expect: [['Looting', 'Strategic developments', 'Looting/property destruction']],
  },
];

function has(found: EventTriggerMention[], [text, eventType, sub]: Trigger): boolean {
  return found.some((t) => t.text === text && t.eventType === eventType && t.subEventType === sub);
}

for (const c of CASES) {
  test(`events: ${c.text}`, c.todo ? { todo: c.todo } : {}, () => {
    const found = recognizeEventTriggers(c.text);
    const trace = found.map((t) => `"${t.text}" ${t.eventType} / ${t.subEventType} (${t.weight})`).join('; ') || 'none';
    for (const e of c.expect) assert.ok(has(found, e), `expected "${e[0]}" ${e[1]} / ${e[2]}; found ${trace}`);
    for (const a of c.absent ?? []) assert.ok(!found.some((t) => t.subEventType === a || t.eventType === a), `no ${a} expected; found ${trace}`);
    if (c.expect.length === 0 && !c.absent) assert.deepEqual(found, []);
  });
}

test('events: a bulletin label outweighs every word trigger of its entry', () => {
  const found = recognizeEventTriggers('Looting: On 9 May, armed men looted shops in the market.');
  const label = found.find((t) => t.text === 'Looting')!;
  assert.equal(label.weight, LABEL_WEIGHT);
  assert.ok(found.filter((t) => t !== label).every((t) => t.weight < LABEL_WEIGHT));
});

test('events: a colon inside a sentence that names no event type is no label', () => {
  const found = recognizeEventTriggers('Residents: we heard gunfire all night.');
  assert.ok(!found.some((t) => t.weight === LABEL_WEIGHT));
});

test('events: overlapping triggers keep the longest ("suicide car bomb" over "car bomb")', () => {
  const found = recognizeEventTriggers('A suicide car bomb exploded at the gate of the base.');
  const first = found[0]!;
  assert.equal(first.subEventType, 'Suicide bomb');
  assert.ok(!found.some((t) => t !== first && t.span.start < first.span.end), 'no trigger overlaps the longest');
});
