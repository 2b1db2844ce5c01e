// Table-driven tests of the casualty recognizer: a sentence in, the figures it states out (value, outcome, category, role, group, flags).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Category, Outcome } from '../../domain/types.js';
import { recognizeCasualties, type CasualtyFigure, type FigureRole } from './casualties.js';
import { recognizeNumbers } from './numbers.js';
import { splitSentences } from './sentences.js';

/**
 * value, outcome, category, role, group (1 = the sentence's first list, 2 = the next…),
 * flags: 'i' implicit (no numeral), 'c' cumulative, 'b' back reference, 'k' coded total.
 */
type Fig = [number, Outcome, Category | null, FigureRole, number, string?];

interface Case {
  text: string;
  figures: Fig[];
  /** The rule of each figure, in order, where the case is about which rule fires. */
  rules?: string[];
  /** Extra checks on the figures (qualifier, bounds). */
  check?: (figures: CasualtyFigure[]) => void;
  todo?: string;
}

const CASES: Case[] = [
  // verb before the count
  { text: 'Security forces executed 52 Alawite men in the village on Friday.', figures: [[52, 'killed', null, 'whole', 1]], rules: ['verb-count'] },
  { text: 'A gunman opened fire on the crowd, killing three worshippers.', figures: [[3, 'killed', 'civilians', 'whole', 1]], rules: ['verb-count'] },
  // count before the verb
  { text: 'In the village, thirty-one people were killed.', figures: [[31, 'killed', null, 'whole', 1]], rules: ['count-verb'] },
  { text: 'Two gunmen were killed when troops returned fire.', figures: [[2, 'killed', 'nonStateFighters', 'whole', 1]], rules: ['count-verb'] },
  // a noun of two person words: the side from the modifier, the number from the head
  { text: 'On 7 May 2020, 2 civilian men were killed in an attack by ADF fighters.', figures: [[2, 'killed', 'civilians', 'whole', 1]] },
  { text: 'Unidentified gunmen killed a police officer attached to the Government House.', figures: [[1, 'killed', 'stateForces', 'whole', 1, 'i']] },
  { text: 'Security men shot dead 4 protesters.', figures: [[4, 'killed', 'civilians', 'whole', 1]] },
  // "the body of a man was found …": one dead, whatever was done with the body
  { text: 'In Bayeux, the body of a man was found floating by a river, with gunshot wounds.', figures: [[1, 'killed', null, 'whole', 1, 'i']] },
  // a head noun after three modifiers, and a determiner among another's modifiers starting its own count
  { text: 'A man armed with a knife stabbed a famous Kalsan TV journalist to death.', figures: [[1, 'killed', 'civilians', 'whole', 1, 'i']] },
  // what sits between the counted and their verb: a parenthesis, a bare "including", a relative clause
  { text: 'An attack on the checkpoint left 3 TMF fighters (including the director of the council) dead and 6 others injured.', figures: [[3, 'killed', 'nonStateFighters', 'whole', 1], [6, 'injured', null, 'whole', 2]] },
  { text: 'A former bodyguard who reportedly worked for prominent families was shot dead by gunmen.', figures: [[1, 'killed', null, 'whole', 1, 'i']] },
  { text: 'Four CPI-Maoist (CPI-M) cadres were killed in an exchange of fire.', figures: [[4, 'killed', null, 'whole', 1]] },
  // the last fate told is theirs
  { text: 'Three civilians were kidnapped and killed by militants in the city.', figures: [[3, 'killed', 'civilians', 'whole', 1]] },
  { text: 'Two traders were abducted and later executed.', figures: [[2, 'killed', 'civilians', 'whole', 1]] },
  // how many children a parent has is no count of the dead; the list goes on after it
  { text: 'A police officer, a father of three, was killed in Kano on Friday.', figures: [[1, 'killed', 'stateForces', 'whole', 1, 'i']] },
  { text: 'Gunmen killed a mother of five and her two sons.', figures: [[1, 'killed', 'civilians', 'whole', 1, 'i'], [2, 'killed', 'civilians', 'whole', 1]] },
  // the group the counted belong to sits between them and their verb
  { text: 'Two members of a local youth group were killed in Jos.', figures: [[2, 'killed', null, 'whole', 1]] },
  // their ages sit between the counted and their verb; a verb's object starts at a word edge ("killed as", not "killed a")
  { text: 'Seven children between the ages of nine and 12 were killed.', figures: [[7, 'killed', 'civilians', 'whole', 1]] },
  { text: 'Seven children killed and at least 12 injured in an attack on a school.', figures: [[7, 'killed', 'civilians', 'whole', 1], [12, 'injured', null, 'whole', 2]] },
  // a number inside the counted noun phrase is what they belong to, not a second count
  { text: 'Seven members of one family were shot dead near the camp.', figures: [[7, 'killed', 'civilians', 'whole', 1]] },
  { text: 'Gunmen killed 12 of the 20 passengers on the bus.', figures: [[12, 'killed', 'civilians', 'whole', 1]] },
  { text: 'Two of five brothers were killed in the strike.', figures: [[2, 'killed', 'civilians', 'whole', 1]] },
  { text: 'Militants killed three of the four soldiers at the post.', figures: [[3, 'killed', 'stateForces', 'whole', 1]] },
  // a list sharing one verb: wholes of one group
  {
    text: 'In Jableh, four civilians and 28 pro-Assad militants lost their lives.',
    figures: [[4, 'killed', 'civilians', 'whole', 1], [28, 'killed', 'nonStateFighters', 'whole', 1]],
  },
  {
    text: 'The militia killed a man, three women and a child.',
    figures: [[1, 'killed', null, 'whole', 1, 'i'], [3, 'killed', 'civilians', 'whole', 1], [1, 'killed', 'civilians', 'whole', 1, 'i']],
    rules: ['verb-count', 'list', 'list'],
  },
  {
    text: 'A mother and her three children died when the shell hit their home.',
    figures: [[1, 'killed', 'civilians', 'whole', 1, 'i'], [3, 'killed', 'civilians', 'whole', 1]],
  },
  // "including": parts of the whole before them; "72 more" are new deaths, not a cumulative toll
  {
    text: 'Since Thursday, 72 more people have been killed, including 36 security personnel, 32 pro-Assad fighters, and four civilians.',
    figures: [[72, 'killed', null, 'whole', 1], [36, 'killed', 'stateForces', 'part', 2], [32, 'killed', 'nonStateFighters', 'part', 2], [4, 'killed', 'civilians', 'part', 2]],
  },
  { text: 'The blast killed five people, including two children.', figures: [[5, 'killed', null, 'whole', 1], [2, 'killed', 'civilians', 'part', 2]] },
  // an unknown plural noun ending at an apposition
  {
    text: 'Thirteen Palestinians, including five children, were killed in an Israeli air strike on Tuesday.',
    figures: [[13, 'killed', null, 'whole', 1], [5, 'killed', 'civilians', 'part', 2]],
  },
  // subsets: "of them", "of whom", "among them", "among the casualties"
  { text: 'Fighters killed ten villagers, six of them women.', figures: [[10, 'killed', 'civilians', 'whole', 1], [6, 'killed', 'civilians', 'subset', 1]] },
  {
    text: 'Sixty civilians died in Banyas, ten of them women.',
    figures: [[60, 'killed', 'civilians', 'whole', 1], [10, 'killed', 'civilians', 'subset', 1]],
  },
  { text: 'Gunmen killed 25 villagers, nine of whom were children.', figures: [[25, 'killed', 'civilians', 'whole', 1], [9, 'killed', 'civilians', 'subset', 1]] },
  {
    text: 'Gunmen killed 25 people, nine of them children.',
    figures: [[25, 'killed', null, 'whole', 1], [9, 'killed', 'civilians', 'subset', 1]],
  },
  { text: 'The attack killed 40 people, among them 12 children.', figures: [[40, 'killed', null, 'whole', 1], [12, 'killed', 'civilians', 'subset', 2]] },
  {
    text: 'Soldiers shot dead 12 villagers, a Buddhist monk among them.',
    figures: [[12, 'killed', 'civilians', 'whole', 1], [1, 'killed', 'civilians', 'subset', 1, 'i']],
  },
  {
    text: 'Seven children and a pregnant woman were among the casualties.',
    figures: [[7, 'killed', 'civilians', 'subset', 1], [1, 'killed', 'civilians', 'subset', 1, 'i']],
  },
  // one person with no numeral
  { text: 'Insurgents ambushed the patrol and killed an officer.', figures: [[1, 'killed', 'stateForces', 'whole', 1, 'i']], rules: ['verb-count'] },
  { text: 'Both victims died on the way to hospital.', figures: [[2, 'killed', null, 'whole', 1, 'i']] },
  { text: 'A drug suspect was shot dead by police in Cebu City.', figures: [[1, 'killed', null, 'whole', 1, 'i']], check: (f) => assert.equal(f[0]!.noun, 'drug suspect') },
  { text: 'Unidentified gunmen assassinated an economic operator in Bunia.', figures: [[1, 'killed', null, 'whole', 1, 'i']], check: (f) => assert.equal(f[0]!.noun, 'economic operator') },
  // agents are not casualties
  { text: 'In Baniyas, a gunman was filmed executing a young man in the street.', figures: [[1, 'killed', null, 'whole', 1, 'i']], check: (f) => assert.equal(f[0]!.noun, 'young man') },
  // descriptions of evidence restate, they do not count
  { text: 'One video shows dozens of bodies lying in a courtyard.', figures: [] },
  // toll frames: cumulative
  {
    text: 'The latest deaths bring the total death toll to at least 124.',
    figures: [[124, 'killed', null, 'whole', 1, 'c']],
    rules: ['toll-frame'],
    check: (f) => assert.deepEqual([f[0]!.qualifier, f[0]!.low, f[0]!.high], ['at_least', 124, null]),
  },
  { text: 'Shelling continued overnight, bringing the total death toll to at least 124.', figures: [[124, 'killed', null, 'whole', 1, 'c']] },
  {
    text: 'The monitor put the number of civilians killed at 532.',
    figures: [[532, 'killed', 'civilians', 'whole', 1, 'c']],
  },
  // several events told together are the subject: their figure sums them
  { text: 'The three raids on the camps have left 75 people dead since Monday.', figures: [[75, 'killed', null, 'whole', 1, 'c']] },
  { text: 'Both ambushes killed 31 soldiers in ten days, the army said.', figures: [[31, 'killed', 'stateForces', 'whole', 1, 'c']] },
  { text: 'Taken together, the two suicide attacks killed more than 60 worshippers this month.', figures: [[60, 'killed', 'civilians', 'whole', 1, 'c']] },
  { text: 'Two attacks on the road killed 9 people on Friday.', figures: [[9, 'killed', null, 'whole', 1]] },
  { text: 'The civil war, now in its ninth year, has killed more than 350,000 people.', figures: [[350000, 'killed', null, 'whole', 1, 'c']] },
  { text: 'The Maoist insurgency in the state has so far killed 1,200 people.', figures: [[1200, 'killed', null, 'whole', 1, 'c']] },
  // a long frame that says it counts deaths; an updated count of one event is not cumulative
  { text: 'The number of worshippers killed when a grenade blast hit the mosque on Friday rose to 23, police said.', figures: [[23, 'killed', 'civilians', 'whole', 1]] },
  { text: 'The number of people dead after a car bomb went off outside the ministry has climbed to 31.', figures: [[31, 'killed', null, 'whole', 1]] },
  {
    text: 'The death toll from Saturday\'s bombings outside a girls\' school in the west of the capital has risen to 68, officials said.',
    figures: [[68, 'killed', null, 'whole', 1]],
    rules: ['toll-frame'],
  },
  { text: 'The number of people killed by a missile that hit a cafe during a wake in the village rose to 52 on Friday.', figures: [[52, 'killed', null, 'whole', 1]] },
  { text: 'The toll from the attack on the market rose to 19.', figures: [[19, 'killed', null, 'whole', 1]] },
  { text: 'The death toll from strikes across the territory since the war began has risen to 36,050.', figures: [[36050, 'killed', null, 'whole', 1, 'c']] },
  { text: 'The toll from the offensive in the north rose to 300.', figures: [[300, 'killed', null, 'whole', 1, 'c']] },
  // a figure that sums events already told is a toll over them; a single event's figure is not
  { text: 'Taken together, the three raids killed 27 villagers.', figures: [[27, 'killed', 'civilians', 'whole', 1, 'c']] },
  { text: 'Both bombings have now killed at least 61 people in a week, the ministry said.', figures: [[61, 'killed', null, 'whole', 1, 'c']] },
  { text: 'At least 33 people died in the two attacks on the camps, aid workers said.', figures: [[33, 'killed', null, 'whole', 1, 'c']] },
  { text: 'The twin ambushes combined killed 15 soldiers.', figures: [[15, 'killed', 'stateForces', 'whole', 1, 'c']] },
  { text: 'The attack on the two villages killed 15 farmers.', figures: [[15, 'killed', 'civilians', 'whole', 1]] },
  // a whole conflict's toll in the perfect tense is background
  { text: 'The rebellion, which erupted in 2012, has killed more than 20,000 people.', figures: [[20000, 'killed', null, 'whole', 1, 'c']] },
  { text: 'The war in the east has so far claimed some 6,000 lives.', figures: [[6000, 'killed', null, 'whole', 1, 'c']] },
  { text: 'More than 4,000 civilians have died since 2017 in the region, the UN says.', figures: [[4000, 'killed', 'civilians', 'whole', 1, 'c']] },
  { text: 'The fighting killed 12 rebels on Tuesday.', figures: [[12, 'killed', 'nonStateFighters', 'whole', 1]] },
  { text: 'The violence, which erupted on Friday, has killed 30 people.', figures: [[30, 'killed', null, 'whole', 1]] },
  { text: 'One of the two attacks killed 8 people at a checkpoint.', figures: [[8, 'killed', null, 'whole', 1]] },
  { text: 'Together with his brother, a farmer was killed by gunmen near the village.', figures: [[1, 'killed', 'civilians', 'whole', 1, 'i'], [1, 'killed', 'civilians', 'whole', 1, 'i']] },
  { text: 'A combined operation killed 20 militants in the hills.', figures: [[20, 'killed', 'nonStateFighters', 'whole', 1]] },
  // a count that rose from a figure given before it in the sentence is that event's latest count; the first is superseded
  { text: 'On Sunday officials said about 30 bodies had been found; on Monday the number of bodies recovered had climbed to 46.', figures: [[30, 'killed', null, 'whole', 1, 'b'], [46, 'killed', null, 'whole', 2]] },
  { text: 'Police first reported six deaths; the number rose to nine overnight.', figures: [[6, 'killed', null, 'whole', 1, 'b'], [9, 'killed', null, 'whole', 2]] },
  { text: 'Two soldiers were killed on Friday, and the number killed in the offensive rose to 300.', figures: [[2, 'killed', 'stateForces', 'whole', 1], [300, 'killed', null, 'whole', 2, 'c']] },
  // the count of people killed when one bomb went off, updated, is that event's count
  { text: 'The number of people killed when a car bomb exploded outside the hospital rose to 23 on Tuesday.', figures: [[23, 'killed', null, 'whole', 1]] },
  { text: 'Death toll in market bombing rises to 31.', figures: [[31, 'killed', null, 'whole', 1]] },
  { text: 'Death toll in army strikes rises to 310.', figures: [[310, 'killed', null, 'whole', 1, 'c']] },
  // a toll that had stood at a figure before is superseded
  { text: 'The toll in the town had stood at seven on Friday evening.', figures: [[7, 'killed', null, 'whole', 1, 'cb']] },
  // a modifier with digits before a one-person noun; kin words count people
  { text: 'Later, a 22-year-old man was shot dead by troops at the checkpoint.', figures: [[1, 'killed', null, 'whole', 1, 'i']] },
  {
    text: 'A missile attack early on Friday killed a 10-year-old boy and his grandmother.',
    figures: [[1, 'killed', 'civilians', 'whole', 1, 'i'], [1, 'killed', 'civilians', 'whole', 1, 'i']],
  },
  // a frame that counts things is no toll
  { text: 'The monitors observed a total of 57 shots involving heavy machineguns near the village.', figures: [] },
  { text: 'The total rose to 30 Palestinians.', figures: [[30, 'killed', null, 'whole', 1, 'c']] },
  // back references: a figure already given
  { text: 'Speaking to Al Jazeera Arabic, a source said the 15 had died.', figures: [[15, 'killed', null, 'whole', 1, 'b']] },
  { text: 'The new figure includes 52 previously reported fatalities.', figures: [[52, 'killed', null, 'whole', 1, 'b']] },
  // a coder's total
  { text: 'Unknown fatalities coded as 10.', figures: [[10, 'killed', null, 'whole', 1, 'k']], rules: ['coded-total'] },
  // a coder's note about events is no fatality count
  { text: 'Families from two villages (coded as two separate events) fled the fighting.', figures: [] },
  // non-fatal outcomes
  { text: 'The attack wounded 19 people.', figures: [[19, 'injured', null, 'whole', 1]] },
  { text: 'At least 40 people were injured in the blast.', figures: [[40, 'injured', null, 'whole', 1]] },
  { text: 'The strike killed 9 soldiers and wounded 19 others.', figures: [[9, 'killed', 'stateForces', 'whole', 1], [19, 'injured', null, 'whole', 2]] },
  { text: 'Police arrested 14 protesters in Mandalay.', figures: [[14, 'arrested', 'civilians', 'whole', 1]] },
  { text: 'Three fishermen are missing after the boat was shelled.', figures: [[3, 'missing', 'civilians', 'whole', 1]] },
  {
    text: 'Three fishermen went missing after their boat was shelled.',
    figures: [[3, 'missing', 'civilians', 'whole', 1]],
  },
  // bodies are dead; "killed and wounded" counts as killed
  { text: 'At least 12 bodies of young men had been brought in, the doctor said.', figures: [[12, 'killed', null, 'whole', 1]] },
  { text: 'The shelling killed and wounded 12 people.', figures: [[12, 'killed', null, 'whole', 1]] },
  // a campaign of months or years as the subject: its figure sums many events (a toll); a siege of days stays an event
  { text: 'The five-month battle to retake the city killed more than 1,100 people, most of them militants.', figures: [[1100, 'killed', null, 'whole', 1, 'c']] },
  { text: 'The decade-long war has killed at least 300,000 civilians.', figures: [[300000, 'killed', 'civilians', 'whole', 1, 'c']] },
  { text: 'Two years of fighting in the region have killed 4,000 people.', figures: [[4000, 'killed', null, 'whole', 1, 'c']] },
  { text: 'The months-long siege of the city has killed 2,000 people.', figures: [[2000, 'killed', null, 'whole', 1, 'c']] },
  { text: 'A three-day siege of the mall killed 67 people.', figures: [[67, 'killed', null, 'whole', 1]] },
  { text: 'Last month fighting killed 30 people in the town.', figures: [[30, 'killed', null, 'whole', 1]] },
  // a noun between commas after a count of one says who that one is; a list goes on with another count
  { text: 'Police said the body of one Maoist, a woman, had been recovered from the site.', figures: [[1, 'killed', 'nonStateFighters', 'whole', 1]] },
  { text: 'A soldier, a young conscript, was killed by a sniper.', figures: [[1, 'killed', 'stateForces', 'whole', 1, 'i']] },
  { text: 'Gunmen killed a man, a woman, and a child in the village.', figures: [[1, 'killed', null, 'whole', 1, 'i'], [1, 'killed', 'civilians', 'whole', 1, 'i'], [1, 'killed', 'civilians', 'whole', 1, 'i']] },
  // a name (and age) in apposition, and a compound noun with modifiers inside it
  { text: 'An Israeli police special forces officer, Chief Inspector Arnon Zamora, 36, was killed in the operation.', figures: [[1, 'killed', 'stateForces', 'whole', 1, 'i']] },
  { text: 'A local journalist, Ahmed Hassan, was shot dead on Monday.', figures: [[1, 'killed', 'civilians', 'whole', 1, 'i']] },
  { text: 'A border police officer was killed at the crossing.', figures: [[1, 'killed', 'stateForces', 'whole', 1, 'i']] },
  // an increment on a count already given
  { text: 'Searchers found the bodies of 17 more, bringing the toll to 22.', figures: [[17, 'killed', null, 'whole', 1], [22, 'killed', null, 'whole', 2, 'c']], check: (f) => assert.deepEqual(f.map((x) => x.increment), [true, false]) },
  { text: 'Another 6 bodies were found in a ravine on Saturday.', figures: [[6, 'killed', null, 'whole', 1]], check: (f) => assert.equal(f[0]!.increment, true) },
  { text: 'Officials said a further 12 people had died overnight.', figures: [[12, 'killed', null, 'whole', 1]], check: (f) => assert.equal(f[0]!.increment, true) },
  { text: 'An additional 40 people were killed in the shelling.', figures: [[40, 'killed', null, 'whole', 1]], check: (f) => assert.equal(f[0]!.increment, true) },
  // a field of a record, its label an outcome word; a range keeps its bounds
  { text: 'Deaths (min–max): 292–324', figures: [[292, 'killed', null, 'whole', 1]], rules: ['field-label'], check: (f) => assert.deepEqual([f[0]!.low, f[0]!.high], [292, 324]) },
  { text: 'Killed: 35-40', figures: [[35, 'killed', null, 'whole', 1]], rules: ['field-label'] },
  { text: 'Fatalities: 3', figures: [[3, 'killed', null, 'whole', 1]], rules: ['field-label'] },
  { text: 'Injured: over 200', figures: [[200, 'injured', null, 'whole', 1]], rules: ['field-label'] },
  { text: 'Target: 12 shops', figures: [] },
  { text: 'Death toll: 12', figures: [[12, 'killed', null, 'whole', 1]], rules: ['field-label'] },
  { text: 'Number of deaths: 7', figures: [[7, 'killed', null, 'whole', 1]], rules: ['field-label'] },
  { text: 'Civilians killed: 3', figures: [[3, 'killed', 'civilians', 'whole', 1]], rules: ['field-label'] },
  { text: 'Total killed: 40', figures: [[40, 'killed', null, 'whole', 1, 'c']], rules: ['field-label'] },
  // an earlier figure the report says was replaced is a step of the count's history (a back reference), not a toll
  { text: 'On Saturday night the ministry had given a toll of 210.', figures: [[210, 'killed', null, 'whole', 1, 'cb']] },
  { text: 'The count stood at 292 on 7 July; later counts by local officials went up to 324.', figures: [[292, 'killed', null, 'whole', 1, 'cb']] },
  { text: 'Police had earlier put the death toll at 12.', figures: [[12, 'killed', null, 'whole', 1, 'cb']] },
  { text: 'Earlier, the ministry put the toll at 210.', figures: [[210, 'killed', null, 'whole', 1, 'cb']] },
  { text: 'Initially, officials gave a toll of 12.', figures: [[12, 'killed', null, 'whole', 1, 'cb']] },
  { text: 'The ministry said the overall death toll had risen to 36,050.', figures: [[36050, 'killed', null, 'whole', 1, 'c']] },
  // an elliptical second count with a place of its own shares the first one's verb and noun, in a list of its own
  { text: 'Seventy people were killed in Tchoma Bangou and thirty in Zaroumdareye, both in the Tondikiwindi commune.', figures: [[70, 'killed', null, 'whole', 1], [30, 'killed', null, 'whole', 2]], rules: ['count-verb', 'elliptical'] },
  { text: 'Four soldiers were killed in Jableh and two in Baniyas on Friday when militants attacked checkpoints.', figures: [[4, 'killed', 'stateForces', 'whole', 1], [2, 'killed', 'stateForces', 'whole', 2]], rules: ['count-verb', 'elliptical'] },
  { text: 'Twelve people died at Kidal, while 5 at Gao, officials said.', figures: [[12, 'killed', null, 'whole', 1], [5, 'killed', null, 'whole', 2]], rules: ['count-verb', 'elliptical'] },
  { text: 'Five people were killed in Homs and 12 in 2019.', figures: [[5, 'killed', null, 'whole', 1]] },
  // members of an armed organisation are fighters; of other groups, the side stays unknown
  { text: 'Troops killed 11 members of the pro-IS Dawlah Islamiyah-Philippines group.', figures: [[11, 'killed', 'nonStateFighters', 'whole', 1]] },
  { text: 'Troops killed 11 members of an armed group.', figures: [[11, 'killed', 'nonStateFighters', 'whole', 1]] },
  { text: 'Soldiers killed five members of the Islamic State group.', figures: [[5, 'killed', 'nonStateFighters', 'whole', 1]] },
  { text: 'Gunmen killed four members of a farming cooperative.', figures: [[4, 'killed', null, 'whole', 1]] },
  // counts of things, not people
  { text: 'On Monday, 13 Russian missiles struck the city.', figures: [] },
  { text: 'A stray shell killed a cow in the village.', figures: [] },
];

function figuresOf(text: string): CasualtyFigure[] {
  const numbers = recognizeNumbers(text);
  return splitSentences(text).flatMap((s) => recognizeCasualties(text, s, numbers));
}

/** Groups renumbered 1, 2, … in order of appearance, so the table does not depend on the counter's start. */
function shape(figures: CasualtyFigure[]): Fig[] {
  const groups = new Map<string, number>();
  return figures.map((f) => {
    const key = `${f.sentence}/${f.group}`;
    if (!groups.has(key)) groups.set(key, groups.size + 1);
    const flags = `${f.implicit ? 'i' : ''}${f.cumulative ? 'c' : ''}${f.backReference ? 'b' : ''}${f.coded ? 'k' : ''}`;
    return [f.value, f.outcome, f.category, f.role, groups.get(key)!, flags];
  });
}

for (const c of CASES) {
  test(`casualties: ${c.text}`, c.todo ? { todo: c.todo } : {}, () => {
    const figures = figuresOf(c.text);
    const trace = () => figures.map((f) => `${f.value} ${f.outcome} ${f.category} ${f.role} g${f.group} "${f.noun}" (${f.rule})`).join('; ') || 'none';
    assert.deepEqual(shape(figures), c.figures.map(([v, o, cat, r, g, flags]) => [v, o, cat, r, g, flags ?? '']), trace());
    if (c.rules) assert.deepEqual(figures.map((f) => f.rule), c.rules, trace());
    c.check?.(figures);
  });
}
