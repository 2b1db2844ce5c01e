// Incident linking on hand-made records: duplicates link, nearby distinct events do not, chains are guarded, decisions are reversible.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterLinks } from './cluster.js';
import { incidentProposalsTouching, linkIncidents, scoreIncidentPair } from './incidents.js';
import type { LinkIncident, LinkPlace } from './types.js';

const place = (name: string, lat: number, lon: number, admin1: string, country = 'SY', geoPrecision: 1 | 2 | 3 = 1): LinkPlace => ({
  name,
  country,
  admin1,
  admin2: null,
  lat,
  lon,
  geoPrecision,
  featureCode: geoPrecision === 3 ? 'ADM1' : 'PPL',
});
const JABLEH = place('Jableh', 35.3621, 35.9276, 'Latakia');
const QARDAHA = place('Qardaha', 35.4564, 36.0591, 'Latakia');
const BANIYAS = place('Baniyas', 35.1819, 35.9487, 'Tartus');
const LATAKIA = place('Latakia', 35.5317, 35.7901, 'Latakia', 'SY', 3);

let n = 0;
function inc(over: Partial<LinkIncident>): LinkIncident {
  n++;
  return {
    id: `r${n}#i1`,
    reportId: `r${n}`,
    outlet: `outlet ${n}`,
    date: { start: '2025-03-07', end: '2025-03-07' },
    datePrecision: 'day',
    places: [JABLEH],
    eventType: 'Violence against civilians',
    actors: [],
    fatalities: { low: 31, best: 31, high: 31 },
    ...over,
  };
}

test('two reports of one massacre link, with reasons', () => {
  const a = inc({});
  const b = inc({ places: [{ ...JABLEH, name: 'Jablah' }], fatalities: { low: 30, best: 30, high: null } });
  const s = scoreIncidentPair(a, b);
  assert.ok('score' in s && s.score >= 2.4, JSON.stringify(s));
  assert.ok('reasons' in s && s.reasons.some((r) => r.includes('same day')));
});

const TABLE: Array<[string, Partial<LinkIncident>, Partial<LinkIncident>, boolean]> = [
  ['same town, same day, growing toll', {}, { fatalities: { low: 38, best: 38, high: 38 } }, true],
  ['"on Friday" vs a two-day range', {}, { date: { start: '2025-03-06', end: '2025-03-07' }, datePrecision: 'range' }, true],
  ['province-level report with the same figure', {}, { places: [LATAKIA] }, true],
  ['a town 16 km away the same day', {}, { places: [QARDAHA], fatalities: { low: 14, best: 14, high: 14 } }, false],
  ['another province the same day', {}, { places: [BANIYAS], fatalities: { low: 31, best: 31, high: 31 } }, false],
  ['same town two days later', {}, { date: { start: '2025-03-09', end: '2025-03-09' } }, false],
  ['same town, a protest', {}, { eventType: 'Strategic developments' }, false],
  ['same town, 31 vs 2 killed', {}, { fatalities: { low: 2, best: 2, high: 2 } }, false],
];

test('precision table: duplicates link, distinct nearby events do not', () => {
  for (const [name, x, y, expected] of TABLE) {
    const r = linkIncidents([inc(x), inc(y)]);
    assert.equal(r.proposals.length > 0, expected, `${name}: ${JSON.stringify(r.proposals[0] ?? scoreIncidentPair(inc(x), inc(y)))}`);
  }
});

test('incidents of one report are never merged, even through a third report', () => {
  // The founding case: one report tells the 52 executions and the 72 killed in clashes apart.
  const execs = inc({ id: 'k#i1', reportId: 'k', places: [LATAKIA], fatalities: { low: 52, best: 52, high: 52 }, date: { start: '2025-03-06', end: '2025-03-07' }, datePrecision: 'range' });
  const clashes = inc({ id: 'k#i2', reportId: 'k', places: [LATAKIA], eventType: 'Battles', fatalities: { low: 72, best: 72, high: 72 }, date: { start: '2025-03-06', end: '2025-03-07' }, datePrecision: 'range' });
  const other52 = inc({ places: [LATAKIA], fatalities: { low: 52, best: 52, high: 52 } });
  const other72 = inc({ places: [LATAKIA], eventType: 'Battles', fatalities: { low: 72, best: 72, high: 72 } });
  const r = linkIncidents([execs, clashes, other52, other72]);
  const withExecs = r.clusters.find((c) => c.members.includes('k#i1'))!;
  assert.ok(!withExecs.members.includes('k#i2'));
  assert.ok(withExecs.members.includes(other52.id));
});

test('the guard refuses a chain A–B–C when A and C are incompatible', () => {
  const { clusters, rejected } = clusterLinks(
    ['a', 'b', 'c'],
    [
      { a: 'a', b: 'b', score: 3, reasons: [] },
      { a: 'b', b: 'c', score: 2.5, reasons: [] },
    ],
    { compatible: (x, y) => ((x === 'a' && y === 'c') || (x === 'c' && y === 'a') ? 'dates 9 days apart' : null) },
  );
  assert.deepEqual(clusters.map((c) => c.members), [['a', 'b'], ['c']]);
  assert.match(rejected[0]!.rejectedBecause, /dates 9 days apart/);
});

test('reviewer decisions: split, merge, and undo are new objects, never edits', () => {
  const p = [{ a: 'a', b: 'b', score: 3, reasons: ['+1 same day'] }];
  const split = clusterLinks(['a', 'b', 'c'], p, { decisions: [{ a: 'a', b: 'b', verdict: 'split', by: 'analyst' }] });
  assert.equal(split.clusters.length, 3);
  const undone = clusterLinks(['a', 'b', 'c'], p, {
    decisions: [
      { a: 'a', b: 'b', verdict: 'split' },
      { a: 'b', b: 'a', verdict: 'undo' },
      { a: 'b', b: 'c', verdict: 'merge', by: 'analyst' },
    ],
  });
  assert.deepEqual(undone.clusters.map((c) => c.members), [['a', 'b', 'c']]);
  assert.ok(undone.clusters[0]!.links.some((l) => l.reasons[0]!.startsWith('merged by analyst')));
  assert.equal(p.length, 1);
});

test('blocking: distant and distinct records are never scored', () => {
  const many: LinkIncident[] = [];
  for (let i = 0; i < 200; i++) {
    const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-10`;
    many.push(inc({ date: { start: day, end: day }, places: [place(`T${i}`, 10 + (i % 20) * 2, 20 + Math.floor(i / 20) * 2, `A${i % 20}`, 'XX')] }));
  }
  const r = linkIncidents(many);
  assert.ok(r.stats.scoredPairs < 200 * 199 * 0.05, `scored ${r.stats.scoredPairs}`);
});

test('the proposals touching some records are those of the full run that touch them', () => {
  // A mixed day: duplicates in three towns, a province-level report, far dates, an oversized block (maxBlock 4).
  const towns = [JABLEH, QARDAHA, BANIYAS, LATAKIA];
  const records: LinkIncident[] = [];
  for (let k = 0; k < 40; k++) {
    const dayOf = `2025-03-${String(1 + (k % 9)).padStart(2, '0')}`;
    records.push(inc({ places: [towns[k % towns.length]!], date: { start: dayOf, end: dayOf }, fatalities: { low: 5 + (k % 4), best: 5 + (k % 4), high: null } }));
  }
  for (const maxBlock of [200, 4]) {
    const full = linkIncidents(records, { maxBlock }).proposals;
    assert.ok(full.length > 10, 'the fixture has proposals to compare');
    for (const touching of [new Set(records.filter((_, k) => k % 3 === 0).map((r) => r.id)), new Set([records[5]!.id]), new Set<string>()]) {
      const expected = full.filter((p) => touching.has(p.a) || touching.has(p.b)).map((p) => `${p.a}/${p.b}`).sort();
      const got = incidentProposalsTouching(records, touching, { maxBlock }).map(([a, b]) => `${a}/${b}`).sort();
      assert.deepEqual(got, expected, `maxBlock ${maxBlock}, ${touching.size} touched`);
    }
  }
});
