// Table-driven tests of the number recognizer: sentence in, expected mentions out (text, value, bounds, qualifier).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Qualifier } from '../../domain/types.js';
import { recognizeAges, recognizeNumbers } from './numbers.js';

/** text, value, low, high, qualifier, flags: 'v' vague, 'u' unspecified. */
type Expected = [string, number, number, number | null, Qualifier, ('v' | 'u')?];

const CASES: Array<[string, Expected[]]> = [
  // digits
  ['The death toll has climbed to 1,018, the monitor said.', [['1,018', 1018, 1018, 1018, 'exact']]],
  ['The ministry put the toll at more than 29,683.', [['more than 29,683', 29683, 29683, null, 'at_least']]],
  ['Gunmen killed 52 people in the village.', [['52', 52, 52, 52, 'exact']]],
  ['the attack killed at least 13 civilians and wounded 19', [['at least 13', 13, 13, null, 'at_least'], ['19', 19, 19, 19, 'exact']]],
  // words
  ['Sixty civilians died in Banyas, ten of them women.', [['Sixty', 60, 60, 60, 'exact'], ['ten', 10, 10, 10, 'exact']]],
  ['In the village, thirty-one people were killed.', [['thirty-one', 31, 31, 31, 'exact']]],
  ['fifty-two bodies were recovered', [['fifty-two', 52, 52, 52, 'exact']]],
  ['one hundred and twenty people fled', [['one hundred and twenty', 120, 120, 120, 'exact']]],
  ['a hundred soldiers and a thousand volunteers', [['a hundred', 100, 100, 100, 'exact'], ['a thousand', 1000, 1000, 1000, 'exact']]],
  ['1.5 million people and two million others', [['1.5 million', 1_500_000, 1_500_000, 1_500_000, 'exact'], ['two million', 2_000_000, 2_000_000, 2_000_000, 'exact']]],
  ['a dozen men, a couple of women and half a dozen guards', [['a dozen', 12, 12, 12, 'exact'], ['a couple', 2, 2, 2, 'exact'], ['half a dozen', 6, 6, 6, 'exact']]],
  ['one of the gunmen was killed', [['one', 1, 1, 1, 'exact']]],
  ['A man and a child were killed.', []],
  // vague quantities (ACLED)
  ['Dozens were killed and hundreds wounded.', [['Dozens', 12, 12, null, 'approx', 'v'], ['hundreds', 100, 100, null, 'approx', 'v']]],
  ['The war has killed tens of thousands of people.', [['tens of thousands', 10_000, 10_000, null, 'approx', 'v']]],
  ['hundreds of thousands displaced and tens of people missing', [['hundreds of thousands', 100_000, 100_000, null, 'approx', 'v'], ['tens', 10, 10, null, 'approx', 'v']]],
  ['scores of bodies, as militias settle scores', [['scores', 20, 20, null, 'approx', 'v']]],
  ['at least dozens of people', [['at least dozens', 12, 12, null, 'at_least', 'v']]],
  ['several hundred protesters', [['several hundred', 100, 100, null, 'approx', 'v']]],
  // unspecified
  ['several people were hurt and a number of homes burned', [['several', 0, 0, null, 'approx', 'u'], ['a number of', 0, 0, null, 'approx', 'u']]],
  ['some bodies were still alight, and some 20 wounded', [['some', 0, 0, null, 'approx', 'u'], ['some 20', 20, 20, 20, 'approx']]],
  // qualifiers
  ['no fewer than 6, over 9, upwards of 10, in excess of 11', [['no fewer than 6', 6, 6, null, 'at_least'], ['over 9', 9, 9, null, 'at_least'], ['upwards of 10', 10, 10, null, 'at_least'], ['in excess of 11', 11, 11, null, 'at_least']]],
  ['12+ people and 13 or more others', [['12+', 12, 12, null, 'at_least'], ['13 or more', 13, 13, null, 'at_least']]],
  ['up to 5, as many as 6, nearly 7, almost 8', [['up to 5', 5, 5, 5, 'at_most'], ['as many as 6', 6, 6, 6, 'at_most'], ['nearly 7', 7, 7, 7, 'at_most'], ['almost 8', 8, 8, 8, 'at_most']]],
  ['about 11, around twelve, roughly 13, an estimated 15', [['about 11', 11, 11, 11, 'approx'], ['around twelve', 12, 12, 12, 'approx'], ['roughly 13', 13, 13, 13, 'approx'], ['an estimated 15', 15, 15, 15, 'approx']]],
  ['more than a million civilians remain', [['more than a million', 1_000_000, 1_000_000, null, 'at_least']]],
  // ranges
  ['5-7 people and 5 to 7 others', [['5-7', 5, 5, 7, 'approx'], ['5 to 7', 5, 5, 7, 'approx']]],
  ['between 20 and 30 fighters, five or six men, 20-odd men', [['between 20 and 30', 20, 20, 30, 'approx'], ['five or six', 5, 5, 6, 'approx'], ['20-odd', 20, 20, 20, 'approx']]],
  ['the toll rose from 52 to 72', [['52', 52, 52, 52, 'exact'], ['72', 72, 72, 72, 'exact']]],
  // the figures' own offsets, past a qualifier and uneven spaces: each text is its figure alone
  ['the toll rose from about  52 to 72', [['52', 52, 52, 52, 'exact'], ['72', 72, 72, 72, 'exact']]],
  ['rose from nearly\u00a0fifty to  sixty-two', [['fifty', 50, 50, 50, 'exact'], ['sixty-two', 62, 62, 62, 'exact']]],
  ['between 3 and\n 15 May', []],
  // negatives: years, dates, times, percentages, ages, ordinals, distances, names, durations
  ['The war began in April 2023; the junta took power in 2021 and fighting resumed since 2011.', []],
  ['Fighting has raged since May 10, 2024, and resumed on 9 May 2020.', []],
  ['It began on Feb. 24 and again on 7 March 2025.', []],
  ['The attack happened at about 10 p.m. and again at 3pm, and at 8 am that morning.', []],
  ['Prices rose 10% and turnout fell 10 per cent.', []],
  ['A 47-year-old man, aged 47, was shot.', []],
  // both ends of an age span; a count joined to an age by "and" stays a count
  ['Seven children between the ages of nine and 12 were killed.', [['Seven', 7, 7, 7, 'exact']]],
  ['Three pupils aged between 8 and 11 died.', [['Three', 3, 3, 3, 'exact']]],
  ['A woman aged 45 and two children were shot.', [['two', 2, 2, 2, 'exact']]],
  ['Two boys aged 10 and 14 died.', [['Two', 2, 2, 2, 'exact']]],
  ['His son Talha Naeem, 21, also died, and Omar Saleh, 34, later succumbed.', []],
  // an age set off by commas after a name, before a singular verb or a description of the person
  ['Ahmad Abusalah, 42, was killed; Olena Kovalenko, 67, a retired teacher, died.', []],
  // a count after a place name in commas stays a count
  ['The dead by town: Douma, 12, and Harasta, 7.', [['12', 12, 12, 12, 'exact'], ['7', 7, 7, 7, 'exact']]],
  ['In Khan Yunis, 42, were killed.', [['42', 42, 42, 42, 'exact']]],
  ['the 6th brigade and first-year students', []],
  ['The munition landed dozens of metres away, 10km from the town.', []],
  ['Kurdistan24 said Su-24 jets and a Shahed-136 hit Route 5; Resolution 2254 applies.', []],
  ['He spent over ten years in prison and three months ago was freed.', []],
  ['Nobody was hurt; no one was arrested. A two-storey house, a 3-2 win, at 10:30, $5 million.', []],
];

const show = (sentence: string) =>
  recognizeNumbers(sentence).map((m): Expected => {
    const flag = m.vague ? 'v' : m.unspecified ? 'u' : undefined;
    const row: Expected = [m.text, m.value, m.low, m.high, m.qualifier];
    if (flag) row.push(flag);
    return row;
  });

for (const [sentence, expected] of CASES) {
  test(`numbers: ${sentence}`, () => {
    assert.deepEqual(show(sentence), expected);
  });
}

test('numbers: spans are offsets into the text plus the offset', () => {
  const text = 'Gunmen killed at least five people.';
  const [m] = recognizeNumbers(text, 100);
  assert.ok(m);
  assert.deepEqual(m.span, { start: 114, end: 127 });
  assert.equal(text.slice(m.span.start - 100, m.span.end - 100), 'at least five');
});

test('numbers: mentions are sorted and do not overlap', () => {
  const ms = recognizeNumbers('at least 5 were killed, 3 to 4 hurt, dozens missing, 1,000 fled');
  for (let i = 1; i < ms.length; i++) assert.ok((ms[i - 1]?.span.end ?? 0) <= (ms[i]?.span.start ?? 0));
});

test('ages: aged N, N-year-old, N years old, N-month-old', () => {
  const ages = recognizeAges('Ali, aged 47, a 22-year-old student, a boy five years old and an eight-month-old girl');
  assert.deepEqual(
    ages.map((a) => [a.text, a.value, a.unit]),
    [['aged 47', 47, 'year'], ['22-year-old', 22, 'year'], ['five years old', 5, 'year'], ['eight-month-old', 8, 'month']],
  );
});
