// Table-driven tests of the date recognizer: sentence and published date in, resolved mentions out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DatePrecision } from '../../domain/types.js';
import type { DateMention } from '../mentions.js';
import { framesClause, hasDateLabel, inViolenceClause, isAftermathDate, isLabelledDate, recognizeDates } from './dates.js';

/** text, first day, last day, kind, precision. */
type Expected = [string, string, string, DateMention['kind'], DatePrecision];

// 2025-03-08 is a Saturday.
const SAT = '2025-03-08';

const CASES: Array<[string, string, Expected[]]> = [
  // a part of the day before "of" leaves the date it qualifies
  ['The troops arrived by helicopter on the morning of 27 March 2022, a market day.', '2023-05-12', [['27 March 2022', '2022-03-27', '2022-03-27', 'point', 'day']]],
  ['Shelling on the night of 5 March killed two.', SAT, [['5 March', '2025-03-05', '2025-03-05', 'point', 'day']]],
  ['The convoy left on the evening of 2 March.', SAT, [['2 March', '2025-03-02', '2025-03-02', 'point', 'day']]],
  // a count after a month and a comma is no two-digit year
  ['In February, 79 inmates died in riots.', '2021-09-30', [['In February', '2021-02-01', '2021-02-28', 'period', 'month']]],
  ['On March 3, 45 people were killed.', SAT, [['On March 3', '2025-03-03', '2025-03-03', 'point', 'day']]],
  // a month of "last year" is that month a year back
  ['They were killed in March last year.', SAT, [['in March last year', '2024-03-01', '2024-03-31', 'period', 'month']]],
  ['Fighting in May of last year displaced thousands.', SAT, [['in May of last year', '2024-05-01', '2024-05-31', 'period', 'month']]],
  // a count of days inside a named month is a duration, not the days before publication
  ['Soldiers killed 300 people over five days in the town in March last year.', SAT, [['in March last year', '2024-03-01', '2024-03-31', 'period', 'month']]],
  ['Soldiers killed 30 people over two days in February.', SAT, [['in February', '2025-02-01', '2025-02-28', 'period', 'month']]],
  // weekdays resolve to the most recent one, never the next
  ['The monitor said on Sunday that the toll had risen.', SAT, [['on Sunday', '2025-03-02', '2025-03-02', 'point', 'day']]],
  ['Abdul Rahman said on Saturday the killing had not stopped.', SAT, [['on Saturday', SAT, SAT, 'point', 'day']]],
  ['Gunmen attacked the village on Friday.', SAT, [['on Friday', '2025-03-07', '2025-03-07', 'point', 'day']]],
  ['A student was hit by a stray bullet on Thursday night.', SAT, [['on Thursday night', '2025-03-06', '2025-03-06', 'point', 'day']]],
  ['An airstrike hit the neighbourhood late on Monday.', SAT, [['late on Monday', '2025-03-03', '2025-03-03', 'point', 'day']]],
  ['Drones struck the city early Tuesday, residents said.', SAT, [['early Tuesday', '2025-03-04', '2025-03-04', 'point', 'day']]],
  ['Aircraft bombed the village on Tuesday afternoon.', SAT, [['on Tuesday afternoon', '2025-03-04', '2025-03-04', 'point', 'day']]],
  ['The spokesman, speaking late on Tuesday night, denied it.', SAT, [['late on Tuesday night', '2025-03-04', '2025-03-04', 'point', 'day']]],
  ['The attackers arrived around 5 p.m. on Tuesday.', SAT, [['on Tuesday', '2025-03-04', '2025-03-04', 'point', 'day']]],
  ['Police said 4 were killed and 19 wounded on Monday.', SAT, [['on Monday', '2025-03-03', '2025-03-03', 'point', 'day']]],
  // a weekday with a possessive is that day
  ["The toll from Friday's bombing has risen to 31.", SAT, [["Friday's", '2025-03-07', '2025-03-07', 'point', 'day']]],
  ['Saturday’s strikes hit the market.', SAT, [['Saturday’s', SAT, SAT, 'point', 'day']]],
  // relative days
  ['Six people were killed yesterday in central Gaza.', SAT, [['yesterday', '2025-03-07', '2025-03-07', 'point', 'day']]],
  ['Shelling resumed last night, residents said.', SAT, [['last night', '2025-03-07', SAT, 'point', 'range']]],
  ['The bodies were found this morning.', SAT, [['this morning', SAT, SAT, 'point', 'day']]],
  // since
  ['Clashes since Thursday have killed 72 people.', SAT, [['since Thursday', '2025-03-06', SAT, 'since', 'day']]],
  ['Alawites have faced killings since December 8.', SAT, [['since December 8', '2024-12-08', SAT, 'since', 'day']]],
  ['At least 1,500 people have been killed since 6 March.', '2025-03-14', [['since 6 March', '2025-03-06', '2025-03-14', 'since', 'day']]],
  ['The RSF has besieged El Fasher since May 10, 2024.', '2025-04-12', [['since May 10, 2024', '2024-05-10', '2025-04-12', 'since', 'day']]],
  ['The war, which began in April 2023, has raged since April 2023.', '2025-04-12', [['in April 2023', '2023-04-01', '2023-04-30', 'period', 'month'], ['since April 2023', '2023-04-01', '2025-04-12', 'since', 'month']]],
  ["The worst violence since Assad's fall on December 8 shook the coast.", SAT, [["since Assad's fall on December 8", '2024-12-08', SAT, 'since', 'day']]],
  // "end of" moves a month to its last day (chrono's end-of-period refiner, run only for windows that hold the phrase)
  ['Fighting went on until the end of February, the monitor said.', SAT, [['end of February', '2025-02-28', '2025-02-28', 'point', 'day']]],
  ['Strikes in late February killed 12.', SAT, [['late February', '2025-02-01', '2025-02-28', 'period', 'month']]],
  // absolute dates
  ['The massacre took place on 7 March 2025 in Al-Shir.', '2025-03-10', [['on 7 March 2025', '2025-03-07', '2025-03-07', 'point', 'day']]],
  ['Witnesses described the events of March 7.', '2025-03-10', [['March 7', '2025-03-07', '2025-03-07', 'point', 'day']]],
  ['Around 9 May 2020 (as reported), troops raided the village.', '2020-05-13', [['Around 9 May 2020', '2020-05-09', '2020-05-09', 'point', 'day']]],
  ['Russia launched its invasion of Ukraine on Feb. 24.', '2022-07-29', [['on Feb. 24', '2022-02-24', '2022-02-24', 'point', 'day']]],
  ['The report is dated 2025-03-07.', SAT, [['2025-03-07', '2025-03-07', '2025-03-07', 'point', 'day']]],
  ['Residents recalled that gunmen struck on December 20.', SAT, [['on December 20', '2024-12-20', '2024-12-20', 'point', 'day']]],
  // "On 9 May 2020" is read without chrono; what sits next to it can make chrono read it differently, and the fast path
  // must then step aside: a range, an offset, a timezone, a time of day, a month that has no such day
  ['On 9 May 2020, IS fighters attacked a post.', '2020-05-12', [['On 9 May 2020', '2020-05-09', '2020-05-09', 'point', 'day']]],
  ['Security measures: On 6 May 2020, the governorship closed roads.', '2020-05-12', [['On 6 May 2020', '2020-05-06', '2020-05-06', 'point', 'day']]],
  ['On 1st May 2020, workers marched.', '2020-05-12', [['On 1st May 2020', '2020-05-01', '2020-05-01', 'point', 'day']]],
  ['Fighting raged from 8 to 9 May 2020 near the town.', '2020-05-12', [['8 to 9 May 2020', '2020-05-08', '2020-05-09', 'period', 'range']]],
  ['Two days before 9 May 2020 the army withdrew.', '2020-05-12', [['Two days before 9 May 2020', '2020-05-07', '2020-05-07', 'point', 'day']]],
  ['On 9 May 2020 - 3 days, gunmen attacked.', '2020-05-12', [['On 9 May 2020 - 3 days', '2020-05-06', '2020-05-06', 'point', 'day']]],
  ['Shelling hit the town on 9 May 2020 EAT, locals said.', '2020-05-12', [['on 9 May 2020 EAT', '2020-05-09', '2020-05-09', 'point', 'day']]],
  ['Shelling hit the town in the morning of 9 May 2020.', '2020-05-12', [['9 May 2020', '2020-05-09', '2020-05-09', 'point', 'day']]],
  ['On 31 June 2020, gunmen attacked.', '2020-05-12', []],
  // periods
  ['Security forces began an operation last week.', '2025-03-14', [['last week', '2025-03-03', '2025-03-09', 'period', 'week']]],
  ['Three attacks this week alone.', SAT, [['this week', '2025-03-03', SAT, 'period', 'week']]],
  ['The toll rose over the past few days.', SAT, [['over the past few days', '2025-03-05', SAT, 'period', 'range']]],
  ['Fighting has intensified in recent days.', SAT, [['in recent days', '2025-03-05', SAT, 'period', 'range']]],
  ['745 civilians were killed over two days.', SAT, [['over two days', '2025-03-07', SAT, 'period', 'range']]],
  ['Eleven people died in the past 24 hours.', SAT, [['in the past 24 hours', '2025-03-07', SAT, 'period', 'range']]],
  ['Protests spread over the weekend.', '2025-03-10', [['over the weekend', SAT, '2025-03-09', 'period', 'range']]],
  ['The UN documented 40 deaths last month.', SAT, [['last month', '2025-02-01', '2025-02-28', 'period', 'month']]],
  ['The offensive began in March 2025.', '2025-04-12', [['in March 2025', '2025-03-01', '2025-03-31', 'period', 'month']]],
  ['The junta took power in 2021.', '2023-04-12', [['in 2021', '2021-01-01', '2021-12-31', 'period', 'year']]],
  ["Assad's rule collapsed three months ago.", SAT, [['three months ago', '2024-12-01', '2024-12-31', 'point', 'month']]],
  // negatives: times, ages, durations, nouns, pronouns
  ['Residents said the attack happened at about 10 p.m. and again at 3pm.', SAT, []],
  ['The raid began at about 8 am that morning.', SAT, []],
  ['He spent over ten years in prison; his son, aged 47, was shot.', SAT, []],
  ['Thousands joined a protest march; the final figure may top 1,000.', SAT, []],
  ['May God have mercy on them, the sun rose over the ruins.', SAT, []],
  ['The killings went on over the following four days.', SAT, []],
];

const show = (sentence: string, published: string) =>
  recognizeDates(sentence, published).map((m): Expected => [m.text, m.range.start, m.range.end, m.kind, m.precision]);

for (const [sentence, published, expected] of CASES) {
  test(`dates (${published}): ${sentence}`, () => {
    assert.deepEqual(show(sentence, published), expected);
  });
}

test('dates: spans are offsets into the text plus the offset', () => {
  const text = 'Clashes since Thursday killed 72.';
  const [m] = recognizeDates(text, SAT, 1000);
  assert.ok(m);
  assert.deepEqual(m.span, { start: 1008, end: 1022 });
  assert.equal(text.slice(m.span.start - 1000, m.span.end - 1000), 'since Thursday');
});

// "since X, when …": the when-clause tells what happened at X, so X is that event's time, not the start of a span.
const WHEN_CASES: Array<[string, string, Expected[]]> = [
  ['It was the deadliest attack since October 2022, when two car bombs killed 121.', '2024-08-04', [['October 2022', '2022-10-01', '2022-10-31', 'period', 'month']]],
  ['The worst massacre since March 2019, when gunmen killed 160 herders.', '2020-06-06', [['March 2019', '2019-03-01', '2019-03-31', 'period', 'month']]],
  ['No attack had killed as many since 14 June 2017, when a truck bomb exploded.', '2019-01-10', [['14 June 2017', '2017-06-14', '2017-06-14', 'point', 'day']]],
];
for (const [sentence, published, expected] of WHEN_CASES) {
  test(`dates, since … when (${published}): ${sentence}`, () => {
    assert.deepEqual(show(sentence, published), expected);
  });
}

/** The date the test is about: its offsets in the sentence. */
const at = (sentence: string, phrase: string): [number, number] => {
  const start = sentence.indexOf(phrase);
  assert.ok(start >= 0, phrase);
  return [start, start + phrase.length];
};

// A field of a listing: the label alone before the date on its line.
const LABEL_CASES: Array<[string, string, boolean]> = [
  ['Date: 3 Jul 2016', '3 Jul 2016', true],
  ['Date of incident: 12 March 2021', '12 March 2021', true],
  ['When: late on Saturday night', 'late on Saturday night', true],
  ['Incident date: 2019-04-21', '2019-04-21', true],
  ['Date and time: 7 July 2016, late evening', '7 July 2016', true],
  ['Notes: the ministry updated its count on 7 July.', 'on 7 July', false],
  ['Update: the date of the attack was 3 July.', '3 July', false],
];
for (const [line, phrase, expected] of LABEL_CASES) {
  test(`dates, labelled field: ${line}`, () => {
    const [start] = at(line, phrase);
    assert.equal(hasDateLabel(line) && isLabelledDate(line, start), expected);
  });
}

// A date that opens the sentence, or that a when-clause follows, is the time of what the sentence tells.
const FRAME_CASES: Array<[string, string, boolean]> = [
  ['In May 2017, militants seized parts of Marawi.', 'In May 2017', true],
  ['On 3 March 2019, gunmen attacked the village.', 'On 3 March 2019', true],
  ['In 2015, a suicide bomber killed 30 worshippers.', 'In 2015', true],
  ['In early May 2017, militants overran the town.', 'early May 2017', true],
  ['It was the worst attack since October 2022, when two car bombs exploded.', 'October 2022', true],
  ['14 March 2023 - Kalehe, South Kivu province.', '14 March 2023', true],
  ['Night of 3 to 4 May 2021 - Solhan, Yagha province.', '3 to 4 May 2021', true],
  ['2 April: gunmen raided the market of Tillia.', '2 April', true],
  ['The town was attacked on 2 April - the third raid this year.', '2 April', false],
  ['It was the deadliest attack since the violence spread there in 2015.', 'in 2015', false],
  ['The group, founded in 2009, has killed thousands.', 'in 2009', false],
  ['The previous deadliest raid took place in May 2021 in Jacarezinho, where 28 people were killed.', 'May 2021', true],
  ['A similar massacre happened in 2019 in the same district.', '2019', true],
];
for (const [sentence, phrase, expected] of FRAME_CASES) {
  test(`dates, frames its clause: ${sentence}`, () => {
    assert.equal(framesClause(sentence, ...at(sentence, phrase)), expected);
  });
}

// The day of a burial, a statement or a release of names is the aftermath's; the day of the killing clause is the event's.
const AFTERMATH_CASES: Array<[string, string, boolean]> = [
  ['Families buried their dead on Sunday after militants attacked the beach late on Friday.', 'on Sunday', true],
  ['Families buried their dead on Sunday after militants attacked the beach late on Friday.', 'late on Friday', false],
  ['Police on Sunday released the names of those killed on Saturday afternoon.', 'on Sunday', true],
  ['Police on Sunday released the names of those killed on Saturday afternoon.', 'on Saturday afternoon', false],
  ['Mourners held a funeral on Tuesday for the six men shot dead on Monday.', 'on Tuesday', true],
  ['Mourners held a funeral on Tuesday for the six men shot dead on Monday.', 'on Monday', false],
  ['The president visited the wounded on Thursday, a day after the blast.', 'on Thursday', true],
  ['The army on Monday announced that troops had killed 11 militants.', 'on Monday', true],
  ['Mourners on Sunday buried the victims of Friday’s attack on the market.', 'on Sunday', true],
  ['Mourners on Sunday buried the victims of Friday’s attack on the market.', 'Friday’s', false],
  ['Thousands attended the funerals of the victims of the bombing on Saturday.', 'on Saturday', false],
  ['Mourners gathered in Homs on Sunday for the funerals of nine people killed in shelling late on Friday.', 'on Sunday', true],
  ['Mourners gathered in Homs on Sunday for the funerals of nine people killed in shelling late on Friday.', 'late on Friday', false],
  ['Hundreds marched on Saturday to mourn 14 protesters shot dead by police on Thursday.', 'on Saturday', true],
  ['At a vigil on Monday, relatives named the five men killed on Friday.', 'on Monday', true],
  ['A suicide bomber struck a funeral in the town on Friday, a week after the mayor’s killing.', 'on Friday', false],
  ['On Sunday, police released the names of six people killed on Friday.', 'On Sunday', true],
  ['On Sunday the interior ministry announced that 20 soldiers had died on Thursday.', 'On Sunday', true],
  ['On Sunday, gunmen killed six people and relatives buried them the next day.', 'On Sunday', false],
  ['Police said gunmen attacked the village on Friday.', 'on Friday', false],
  ['Gunmen on Friday attacked a market in the town.', 'on Friday', false],
  ['Soldiers dug up more bodies on Wednesday, bringing to 57 the number killed in the ambush.', 'on Wednesday', true],
  ['Rescuers recovered 12 bodies on Sunday after the strike on Friday.', 'on Sunday', true],
];
for (const [sentence, phrase, expected] of AFTERMATH_CASES) {
  test(`dates, aftermath "${phrase}": ${sentence}`, () => {
    assert.equal(isAftermathDate(sentence, ...at(sentence, phrase)), expected);
  });
}

// A long-past month or year in the clause of a violence verb is that violence's time; in another clause, background.
const VIOLENCE_CLAUSE_CASES: Array<[string, string, boolean]> = [
  ['Two car bombs killed 587 people in Mogadishu in October 2017.', 'in October 2017', true],
  ['Her brother was shot dead by soldiers in March 2019.', 'in March 2019', true],
  ['Gunmen attacked the church during Easter 2019, killing 250.', '2019', true],
  ['It was the deadliest attack since the violence spread there in 2015.', 'in 2015', false],
  ['The group, founded in 2009, has killed thousands.', 'in 2009', false],
  ['The war, which began in March 2011, has killed half a million people.', 'in March 2011', false],
  ['A similar attack in March 2019 killed 20 people at a hotel.', 'in March 2019', true],
  ['The insurgency that began in 2009 has killed 35,000 people.', 'in 2009', false],
  ['Fighting since 2011 has killed half a million people.', 'since 2011', false],
];
for (const [sentence, phrase, expected] of VIOLENCE_CLAUSE_CASES) {
  test(`dates, in the violence clause "${phrase}": ${sentence}`, () => {
    assert.equal(inViolenceClause(sentence, ...at(sentence, phrase)), expected);
  });
}

// "between X and Y": one range; the first point borrows the month and year of the second when it names none.
const BETWEEN_CASES: Array<[string, string, Expected[]]> = [
  ['The battle between May and October 2017 killed 1,100 people.', '2023-12-04', [['between May and October 2017', '2017-05-01', '2017-10-31', 'period', 'range']]],
  ['Gunmen attacked three villages between 3 and 5 July 2016.', '2016-07-10', [['between 3 and 5 July 2016', '2016-07-03', '2016-07-05', 'period', 'range']]],
  ['The raids took place between July 3 and July 5, 2016.', '2016-07-10', [['between July 3 and July 5, 2016', '2016-07-03', '2016-07-05', 'period', 'range']]],
  ['At least 40 died between December and February.', '2024-08-04', [['between December and February', '2023-12-01', '2024-02-29', 'period', 'range']]],
  ['Between 30 and 50 people were killed in July 2016.', '2016-08-04', [['in July 2016', '2016-07-01', '2016-07-31', 'period', 'month']]],
  // "October of 2022" is a month, not the year 2022
  ['In October of 2022, two car bombs exploded.', '2024-08-04', [['In October of 2022', '2022-10-01', '2022-10-31', 'period', 'month']]],
];
for (const [sentence, published, expected] of BETWEEN_CASES) {
  test(`dates, between (${published}): ${sentence}`, () => {
    assert.deepEqual(show(sentence, published), expected);
  });
}
