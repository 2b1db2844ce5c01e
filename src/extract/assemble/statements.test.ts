// Table-driven tests of statement folding: a sentence's figures in, "N killed (by category), M injured" statements out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ByCategory, Category, Qualifier } from '../../domain/types.js';
import { recognizeCasualties } from '../stages/casualties.js';
import { recognizeNumbers } from '../stages/numbers.js';
import { splitSentences } from '../stages/sentences.js';
import { statementsOf, type Statement } from './statements.js';

interface Expected {
  value: number;
  qualifier?: Qualifier;
  high?: number | null;
  category?: Category | null;
  byCategory: ByCategory;
  partsTotal?: number;
  injured?: number | null;
  missing?: number | null;
  subsetCategories?: Category[];
  rules?: string[];
}

const CASES: Array<{ text: string; statements: Expected[]; todo?: string }> = [
  // a single figure: the noun's category is the statement's, byCategory only where the noun says it
  { text: 'Security forces executed 52 Alawite men in the village.', statements: [{ value: 52, category: null, byCategory: {}, rules: ['casualty:verb-count'] }] },
  { text: 'Gunmen killed nine villagers near Homs.', statements: [{ value: 9, category: 'civilians', byCategory: { civilians: 9 } }] },
  // a list sharing one verb sums, split by category
  {
    text: 'In Jableh, four civilians and 28 pro-Assad militants lost their lives.',
    statements: [{ value: 32, qualifier: 'exact', high: 32, category: null, byCategory: { civilians: 4, nonStateFighters: 28 }, partsTotal: 0, rules: ['casualty:count-verb', 'casualty:sum-of-list'] }],
  },
  {
    text: 'At least four civilians and 28 pro-Assad militants lost their lives.',
    statements: [{ value: 32, qualifier: 'at_least', high: null, byCategory: { civilians: 4, nonStateFighters: 28 } }],
  },
  {
    text: 'The militia killed a man, three women and a child.',
    statements: [{ value: 5, byCategory: { unknown: 1, civilians: 4 } }],
  },
  // a subset of armed men in a count of no side is a stated part; a subset of civilians stays a hint
  { text: 'The explosion killed at least 26 people, 14 of them soldiers.', statements: [{ value: 26, byCategory: { stateForces: 14 }, partsTotal: 14 }] },
  { text: 'Forty people died in the fighting, twelve of whom were rebels.', statements: [{ value: 40, byCategory: { nonStateFighters: 12 }, partsTotal: 12 }] },
  { text: 'Thirty-one people were killed, nine of whom were children.', statements: [{ value: 31, byCategory: {}, partsTotal: 0, subsetCategories: ['civilians'] }] },
  // "including" parts split the whole: byCategory and partsTotal
  {
    text: 'Since Thursday, 72 more people have been killed, including 36 security personnel, 32 pro-Assad fighters, and four civilians.',
    statements: [{ value: 72, category: null, byCategory: { stateForces: 36, nonStateFighters: 32, civilians: 4 }, partsTotal: 72 }],
  },
  { text: 'The blast killed five people, including two children.', statements: [{ value: 5, byCategory: { civilians: 2 }, partsTotal: 2 }] },
  {
    text: 'Clashes killed 40 people, including 20 security personnel and 25 pro-Assad fighters.',
    statements: [{ value: 40, byCategory: { stateForces: 20, nonStateFighters: 25 }, partsTotal: 45 }],
  },
  // subsets are dropped: they add nothing to the count, only a hint of who died
  { text: 'Fighters killed ten villagers, six of them women.', statements: [{ value: 10, byCategory: { civilians: 10 }, subsetCategories: ['civilians'] }] },
  { text: 'Soldiers shot dead 12 villagers, a Buddhist monk among them.', statements: [{ value: 12, byCategory: { civilians: 12 }, subsetCategories: ['civilians'] }] },
  { text: 'The attack killed 40 people, among them 12 children.', statements: [{ value: 40, byCategory: {}, partsTotal: 0, subsetCategories: ['civilians'] }] },
  // injured and missing attach to the first statement, or stand alone with no deaths
  { text: 'The strike killed 9 soldiers and wounded 19 others.', statements: [{ value: 9, category: 'stateForces', byCategory: { stateForces: 9 }, injured: 19, missing: null }] },
  { text: 'The attack wounded 19 people.', statements: [{ value: 0, byCategory: {}, injured: 19, missing: null, rules: ['casualty:non-fatal'] }] },
  { text: 'Three fishermen are missing after the boat was shelled.', statements: [{ value: 0, byCategory: {}, injured: null, missing: 3 }] },
  // two verbs, two statements
  {
    text: 'Gunmen killed nine villagers near Homs, and soldiers later killed two gunmen in the hills.',
    statements: [{ value: 9, byCategory: { civilians: 9 } }, { value: 2, category: 'nonStateFighters', byCategory: { nonStateFighters: 2 } }],
  },
  // flags carried over from the figures
  { text: 'The latest deaths bring the total death toll to at least 124.', statements: [{ value: 124, qualifier: 'at_least', high: null, byCategory: {} }] },
  // nothing to fold
  { text: 'One video shows dozens of bodies lying in a courtyard.', statements: [] },
];

function statementsFor(text: string): Statement[] {
  const numbers = recognizeNumbers(text);
  return splitSentences(text).flatMap((s) => statementsOf(recognizeCasualties(text, s, numbers)));
}

/** Only the keys the case states are compared. */
function pick(st: Statement, e: Expected): Expected {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(e) as (keyof Expected)[]) {
    out[k] = k === 'rules' ? st.rules : st[k as keyof Statement];
  }
  return out as unknown as Expected;
}

for (const c of CASES) {
  test(`statements: ${c.text}`, c.todo ? { todo: c.todo } : {}, () => {
    const got = statementsFor(c.text);
    const trace = got.map((s) => `${s.value} ${JSON.stringify(s.byCategory)} parts=${s.partsTotal} injured=${s.injured}`).join('; ') || 'none';
    assert.equal(got.length, c.statements.length, trace);
    c.statements.forEach((e, i) => assert.deepEqual(pick(got[i]!, e), e, trace));
  });
}

test('statements: the flags of a toll, a back reference and a coded total survive folding', () => {
  const flags = (text: string) => statementsFor(text).map((s) => [s.value, s.cumulative, s.backReference, s.coded]);
  assert.deepEqual(flags('Shelling continued overnight, bringing the total death toll to at least 124.'), [[124, true, false, false]]);
  assert.deepEqual(flags('Speaking to Al Jazeera Arabic, a source said the 15 had died.'), [[15, false, true, false]]);
  assert.deepEqual(flags('Unknown fatalities coded as 10.'), [[10, false, false, true]]);
});
