// Victim record linkage on hand-made records: transliterations meet, namesakes with a conflicting age, sex or date stay apart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LinkVictim } from './types.js';
import { linkVictims, scoreVictimPair } from './victims.js';

const JABLEH = { name: 'Jableh', country: 'SY', admin1: 'Latakia', admin2: null, lat: 35.3621, lon: 35.9276, geoPrecision: 1 as const };
let n = 0;
const v = (name: string, over: Partial<LinkVictim> = {}): LinkVictim => ({
  id: `v${++n}`,
  reportId: `r${n}`,
  name,
  sex: null,
  age: null,
  date: { start: '2025-03-07', end: '2025-03-07' },
  place: JABLEH,
  ...over,
});

const TABLE: Array<[string, LinkVictim, LinkVictim, boolean]> = [
  ['Mohammad/Muhammad, a missing middle name', v('Mohammad Ali Darwish', { age: 34 }), v('Muhammad Darwish'), true],
  ['name order on a list', v('Hassan Mohamed al-Khatib'), v('al-Khatib Hassan Mohammed'), true],
  ['age within two years', v('Ahmed Abu Salah', { age: 41 }), v('Ahmad Abusalah', { age: 42 }), true],
  ['namesake, age far apart', v('Ahmad Abu Salah', { age: 41 }), v('Ahmad Abu Salah', { age: 17 }), false],
  ['sex conflict', v('Nour Hassan', { sex: 'female' }), v('Nour Hassan', { sex: 'male' }), false],
  ['namesake a month later', v('Rami Yousef'), v('Rami Youssef', { date: { start: '2025-04-09', end: '2025-04-09' } }), false],
  ['common two-part name with no other evidence', v('Muhammad Ahmad', { date: null, place: null }), v('Mohammed Ahmed', { date: null, place: null }), false],
  ['different given name', v('Mahmoud Darwish'), v('Mohammad Darwish'), false],
];

test('victim pair table', () => {
  for (const [name, a, b, expected] of TABLE) {
    const r = linkVictims([a, b]);
    assert.equal(r.proposals.length > 0, expected, `${name}: ${JSON.stringify(scoreVictimPair(a, b))}`);
  }
});

test('one source never lists one person twice, unless told it may', () => {
  const a = v('Khin Myo Win', { reportId: 'list' });
  const b = v('Khin Myo Win', { reportId: 'list' });
  assert.equal(linkVictims([a, b]).proposals.length, 0);
  assert.equal(linkVictims([a, b], { distinctWithinSource: false }).proposals.length, 1);
});

test('a person cluster keeps its evidence', () => {
  const r = linkVictims([v('Shinda Adel Kisho', { sex: 'female' }), v('Shinda Kisho', { sex: 'female' }), v('Shindah Kisho')]);
  assert.equal(r.clusters.length, 1);
  assert.ok(r.clusters[0]!.links.every((l) => l.reasons.length > 0));
});
