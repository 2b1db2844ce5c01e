// Tests for the pure gazetteer build helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adminUnitEntry, buildKeyIndex, indexableNames, parseCitiesLine, supplementEntry, weightedCentroid, type RawPlace } from './build.js';

const row = (f: Partial<Record<number, string>>): string => Array.from({ length: 19 }, (_, i) => f[i] ?? '').join('\t');

test('parseCitiesLine reads a cities500 row', () => {
  const p = parseCitiesLine(row({ 0: '173576', 1: 'Latakia', 2: 'Latakia', 3: 'Lattakia,LTK', 4: '35.5', 5: '35.8', 7: 'PPLA', 8: 'SY', 10: '02', 14: '340181' }))!;
  assert.equal(p.id, 173576);
  assert.equal(p.admin1Code, '02');
  assert.deepEqual(indexableNames(p.names), ['Latakia', 'Lattakia']);
});

test('PS governorates are promoted to admin1 (ACLED convention)', () => {
  const p = parseCitiesLine(row({ 0: '1', 1: 'Gaza', 7: 'PPLA', 8: 'PS', 10: 'GZ', 11: '11184609', 4: '31.5', 5: '34.4' }))!;
  assert.equal(p.admin1Code, 'GZ.11184609');
  assert.equal(p.admin2Code, '');
});

test('indexableNames drops codes, other scripts, machine romanisations and duplicates', () => {
  assert.deepEqual(indexableNames(['Idlib', 'IDL', 'idlib', 'Ідліб', 'إدلب', 'yi de li bo', 'SY-12']), ['Idlib', 'إدلب']);
});

const place = (over: Partial<RawPlace>): RawPlace => ({
  id: 1, name: 'X', names: ['X'], lat: 0, lon: 0, featureCode: 'PPL', country: 'UA', admin1Code: '10', admin2Code: '', population: 0, ...over,
});

test('an admin unit sits at its capital, is named without "Oblast" and borrows the capital spellings when they match', () => {
  const capital = place({ name: 'Kropyvnytskyy', names: ['Kropyvnytskyy', 'Kirovohrad', 'Kirovograd'], featureCode: 'PPLA', lat: 48.5, lon: 32.3, population: 200000 });
  const e = adminUnitEntry({ code: 'UA.10', rawName: 'Kirovohrad Oblast', level: 1, places: [capital, place({ lat: 48, lon: 31 })], aliases: ['Kirovohradska'] })!;
  assert.equal(e.name, 'Kirovohrad');
  assert.equal(e.featureCode, 'ADM1');
  assert.deepEqual([e.lat, e.lon], [48.5, 32.3]);
  assert.ok(e.names.includes('Kirovohrad Oblast') && e.names.includes('Kirovohradska') && e.names.includes('Kropyvnytskyy'));
});

test('a unit without capital sits at the population-weighted centroid', () => {
  const c = weightedCentroid([{ lat: 0, lon: 0, population: 3 }, { lat: 4, lon: 4, population: 1 }])!;
  assert.deepEqual(c, { lat: 1, lon: 1 });
});

test('supplement rows become entries and a malformed row fails the build', () => {
  const e = supplementEntry({ key: 'x', name: 'Al-Shir', aliases: 'Ash Shir|Shir', featureCode: 'PPL', country: 'SY', admin1: '02', admin2: '', lat: '35.6', lon: '35.9', approx: 'yes' });
  assert.equal(e.approx, true);
  assert.equal(e.supplement, true);
  assert.throws(() => supplementEntry({ key: 'y', name: 'Nowhere', country: 'SY', lat: 'x', lon: '1' }));
});

test('buildKeyIndex groups spellings under sorted keys', () => {
  const { keys, postings } = buildKeyIndex([
    { ...supplementEntry({ name: 'Al-Shir', aliases: 'Ash Shir', country: 'SY', lat: '1', lon: '1' }) },
    { ...supplementEntry({ name: 'Shir', country: 'IR', lat: '1', lon: '1' }) },
  ]);
  assert.deepEqual(keys, ['shir']);
  assert.deepEqual(postings, ['0,1']);
});
