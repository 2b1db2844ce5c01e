// Toll coverage: which incidents a toll covers (area by admin containment, window, stated components, analysts'
// attach / detach) and how they add up to it. Tables over small records; the founding case through the extractor.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseReport } from '../domain/report-file.js';
import { extract } from '../extract/index.js';
import { recordsOf } from '../link/index.js';
import type { LinkPlace } from '../link/types.js';
import { packageRoot } from '../shared/package-root.js';
import { tollCoverage, tollOverrides, type CoverageToll, type TollDecision } from './coverage.js';
import { eventsOf, tally, type TallyIncident, type TallyToll } from './tally.js';

const built = existsSync(join(packageRoot(), 'build', 'gazetteer', 'lexicon.json'));

const town = (name: string, admin1: string, admin2: string | null = null): LinkPlace => ({ name, country: 'SY', admin1, admin2, lat: null, lon: null, geoPrecision: 1, featureCode: 'PPL' });
const province = (name: string): LinkPlace => ({ name, country: 'SY', admin1: name, admin2: null, lat: null, lon: null, geoPrecision: 3, featureCode: 'ADM1' });
const district = (name: string, admin1: string): LinkPlace => ({ name, country: 'SY', admin1, admin2: name, lat: null, lon: null, geoPrecision: 2, featureCode: 'ADM2' });
const day = (start: string, end = start) => ({ start, end });

function incident(id: string, best: number, place: LinkPlace, date = day('2025-03-07'), reportId = `r-${id}`): TallyIncident {
  return { id, reportId, outlet: `outlet ${id}`, date, places: [place], actors: [], fatalities: { low: best, best, high: best, qualifier: 'exact', byCategory: {} } as TallyIncident['fatalities'] };
}

function toll(id: string, best: number, places: LinkPlace[], date = day('2025-03-06', '2025-03-07'), opts: Partial<TallyToll> = {}): TallyToll {
  return { id, outlet: `outlet ${id}`, date, places, fatalities: { low: best, best, high: null, byCategory: {} } as unknown as TallyToll['fatalities'], qualifier: 'at_least', ...opts };
}

const exact = (t: TallyToll): TallyToll => ({ ...t, qualifier: 'exact', fatalities: { ...t.fatalities, high: t.fatalities.best } });

const SHIR = town('Al-Shir', 'Latakia');
const LATAKIA_CITY = town('Latakia', 'Latakia');
const JABLA = town('Jableh', 'Latakia', 'Jableh');
const BANIYAS = town('Baniyas', 'Tartus', 'Baniyas');

interface Row {
  name: string;
  toll: TallyToll;
  incidents: TallyIncident[];
  clusters?: string[][];
  decisions?: TollDecision[];
  covered: string[];
  sum: number;
  status: 'consistent' | 'exceeds';
  unexplained: number;
  detached?: string[];
}

const TABLE: Row[] = [
  {
    name: 'a province toll covers the towns inside the province: 52 + 72 = 124, consistent',
    toll: toll('t', 124, [province('Latakia')]),
    incidents: [incident('a', 52, SHIR), incident('b', 72, LATAKIA_CITY)],
    covered: ['b', 'a'],
    sum: 124,
    status: 'consistent',
    unexplained: 0,
  },
  {
    name: 'a toll placed at a city named like its province is read as the province',
    toll: toll('t', 124, [LATAKIA_CITY]),
    incidents: [incident('a', 52, SHIR), incident('b', 72, JABLA)],
    covered: ['b', 'a'],
    sum: 124,
    status: 'consistent',
    unexplained: 0,
  },
  {
    name: 'incidents in a neighbouring governorate are not covered; what is not explained is the toll’s alone',
    toll: toll('t', 124, [province('Latakia')]),
    incidents: [incident('a', 52, SHIR), incident('c', 30, BANIYAS)],
    covered: ['a'],
    sum: 52,
    status: 'consistent',
    unexplained: 72,
  },
  {
    name: 'nested tolls: a district toll covers its district only, not the rest of the province',
    toll: toll('t', 38, [district('Jableh', 'Latakia')]),
    incidents: [incident('a', 52, SHIR), incident('j', 30, JABLA)],
    covered: ['j'],
    sum: 30,
    status: 'consistent',
    unexplained: 8,
  },
  {
    name: 'a toll whose window is wider than the incidents covers every incident inside it, and none outside',
    toll: toll('t', 200, [province('Latakia')], day('2025-03-01', '2025-03-31')),
    incidents: [incident('a', 52, SHIR, day('2025-03-07')), incident('b', 72, LATAKIA_CITY, day('2025-03-20')), incident('old', 9, SHIR, day('2025-02-27'))],
    covered: ['b', 'a'],
    sum: 124,
    status: 'consistent',
    unexplained: 76,
  },
  {
    name: 'two reports of one event merged count once (the lowest best), both named',
    toll: toll('t', 124, [province('Latakia')]),
    incidents: [incident('a', 52, SHIR), incident('a2', 55, SHIR), incident('b', 72, LATAKIA_CITY)],
    clusters: [['a', 'a2']],
    covered: ['b', 'a', 'a2'],
    sum: 124,
    status: 'consistent',
    unexplained: 0,
  },
  {
    name: 'an exact toll below the events inside it is exceeded: a conflict',
    toll: exact(toll('t', 100, [province('Latakia')])),
    incidents: [incident('a', 52, SHIR), incident('b', 72, LATAKIA_CITY)],
    covered: ['b', 'a'],
    sum: 124,
    status: 'exceeds',
    unexplained: 0,
  },
  {
    name: 'an "at least" toll below the events inside it is a floor they pass, not a conflict',
    toll: toll('t', 100, [province('Latakia')]),
    incidents: [incident('a', 52, SHIR), incident('b', 72, LATAKIA_CITY)],
    covered: ['b', 'a'],
    sum: 124,
    status: 'consistent',
    unexplained: 0,
  },
  {
    name: 'the incidents the toll’s report says it sums are covered wherever they are placed',
    toll: toll('t', 124, [], day('2025-03-05', '2025-03-07'), { components: ['a', 'c'] }),
    incidents: [incident('a', 52, SHIR), incident('c', 72, BANIYAS, day('2025-03-01'))],
    covered: ['c', 'a'],
    sum: 124,
    status: 'consistent',
    unexplained: 0,
  },
  {
    name: 'an analyst’s detach removes an incident inside the area; an attach adds one outside it',
    toll: toll('t', 124, [province('Latakia')]),
    incidents: [incident('a', 52, SHIR), incident('b', 72, LATAKIA_CITY), incident('c', 30, BANIYAS)],
    decisions: [
      { toll: 't', incident: 'b', verdict: 'detach' },
      { toll: 't', incident: 'c', verdict: 'attach' },
    ],
    covered: ['a', 'c'],
    sum: 82,
    status: 'consistent',
    unexplained: 42,
    detached: ['b'],
  },
  {
    name: 'an undo goes back to the automatic coverage',
    toll: toll('t', 124, [province('Latakia')]),
    incidents: [incident('a', 52, SHIR), incident('b', 72, LATAKIA_CITY), incident('c', 30, BANIYAS)],
    decisions: [
      { toll: 't', incident: 'b', verdict: 'detach' },
      { toll: 't', incident: 'c', verdict: 'attach' },
      { toll: 't', incident: 'b', verdict: 'undo' },
      { toll: 't', incident: 'c', verdict: 'undo' },
    ],
    covered: ['b', 'a'],
    sum: 124,
    status: 'consistent',
    unexplained: 0,
  },
  {
    name: 'a decision on another toll changes nothing here',
    toll: toll('t', 124, [province('Latakia')]),
    incidents: [incident('a', 52, SHIR), incident('b', 72, LATAKIA_CITY)],
    decisions: [{ toll: 'other', incident: 'b', verdict: 'detach' }],
    covered: ['b', 'a'],
    sum: 124,
    status: 'consistent',
    unexplained: 0,
  },
];

for (const row of TABLE) {
  test(`coverage: ${row.name}`, () => {
    const events = eventsOf(row.incidents, row.clusters);
    const c = tollCoverage(row.toll, events, tollOverrides(row.decisions ?? []));
    assert.deepEqual(c.events.flatMap((e) => e.incidents.map((i) => i.id)), row.covered);
    assert.equal(c.sum.best, row.sum);
    assert.equal(c.status, row.status);
    assert.equal(c.unexplained, row.unexplained);
    assert.deepEqual(c.detached, row.detached ?? []);
  });
}

test('coverage: the toll’s own report’s incidents come first', () => {
  const t: CoverageToll = { ...toll('t', 124, [province('Latakia')]), reportId: 'mine' };
  const c = tollCoverage(t, eventsOf([incident('big', 90, SHIR, day('2025-03-07'), 'other'), incident('small', 5, LATAKIA_CITY, day('2025-03-07'), 'mine')], undefined));
  assert.deepEqual(c.events.map((e) => [e.incidents[0]!.id, e.incidents[0]!.ownReport]), [['small', true], ['big', false]]);
});

test('the tally reads the same coverage: a detached incident no longer keeps a toll from raising the low', () => {
  const incidents = [incident('a', 52, SHIR), incident('b', 72, LATAKIA_CITY)];
  const tolls = [toll('t', 124, [province('Latakia')])];
  const q = { place: 'Latakia', from: '2025-03-06', to: '2025-03-07' };
  const plain = tally(incidents, tolls, q);
  assert.equal(plain.low, 124);
  assert.deepEqual(plain.groups[0]!.sources.find((s) => s.kind === 'toll')?.covers?.sort(), ['a', 'b']);
  // With b detached the toll covers 52 and lifts the low by 72 over b's 72: the events and the toll count once each.
  const detached = tally(incidents, tolls, { ...q, tollOverrides: tollOverrides([{ toll: 't', incident: 'b', verdict: 'detach' }]) });
  assert.deepEqual(detached.groups[0]!.sources.find((s) => s.kind === 'toll')?.covers, ['a']);
  assert.equal(detached.low, 52 + 72 + 72);
});

test('founding example: the Latakia toll of 124 covers the 52 and the 72 of its own report, consistent', { skip: !built && 'gazetteer not built' }, () => {
  const text = readFileSync(join(packageRoot(), 'examples', 'founding-latakia.txt'), 'utf8');
  const x = extract(parseReport(text).report);
  const { incidents } = recordsOf('founding', x);
  const tallyIncidents: TallyIncident[] = incidents.map((r, k) => ({ ...r, fatalities: x.incidents[k]!.fatalities }));
  const t124 = x.tolls.find((t) => t.fatalities.best === 124)!;
  const c = tollCoverage(
    { id: 'toll', reportId: 'founding', date: t124.date, places: t124.places, fatalities: t124.fatalities, components: t124.components.map((id) => `founding#${id}`) },
    eventsOf(tallyIncidents, undefined),
  );
  assert.deepEqual(c.events.map((e) => e.best).sort((a, b) => a - b), [52, 72]);
  assert.ok(c.events.every((e) => e.incidents.every((i) => i.ownReport)));
  assert.deepEqual([c.sum.best, c.status, c.unexplained, c.excess], [124, 'consistent', 0, 0]);
  // Without the stated components, the area and window alone cover the same two.
  const byArea = tollCoverage({ id: 'toll', date: t124.date, places: t124.places, fatalities: t124.fatalities }, eventsOf(tallyIncidents, undefined));
  assert.deepEqual(byArea.events.flatMap((e) => e.incidents.map((i) => i.reason)), ['contained', 'contained']);
  assert.equal(byArea.sum.best, 124);
});
