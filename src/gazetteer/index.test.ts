// Tests for the runtime gazetteer API over the built index (run `npm run build:gazetteer` first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admin1Name, countryName, distanceKm, gazetteer, getById, lookupName, toPlaceRef } from './index.js';

// Load time is a speed target: `npm run bench -- extract` prints it (first call); tests check only that it loads.
test('the index built at build time loads, with every cities500 place and admin unit', () => {
  assert.ok(gazetteer().size > 200_000, `${gazetteer().size} entries`);
});

test('lookupName finds every spelling, supplement villages included', () => {
  for (const n of ['Latakia', 'Lattakia', 'Al-Shir', 'Ash Shir', 'Beit Aana', 'Bayt Ana', 'Banyas', 'Kropyvnytskyi', 'Khan Younis', 'Tse-Haaga', 'Nyaung Kone']) {
    assert.ok(lookupName(n).length > 0, n);
  }
  assert.deepEqual(lookupName('Al-Shir').map((e) => e.country), ['SY']);
});

test('admin units are entries, named without generic suffixes and with ACLED spellings', () => {
  const kiro = lookupName('Kirovohrad').find((e) => e.featureCode === 'ADM1')!;
  assert.equal(kiro.name, 'Kirovohrad');
  assert.ok(lookupName('Idleb').some((e) => e.featureCode === 'ADM1' && e.country === 'SY'));
  assert.ok(lookupName('North Darfur').some((e) => e.featureCode === 'ADM1' && e.name === 'North Darfur'));
  assert.equal(admin1Name('SY', '02'), 'Latakia');
  assert.equal(admin1Name('PS', 'GZ.11184609'), 'Gaza');
});

test('toPlaceRef fills the contract', () => {
  const e = lookupName('Al-Mukhtariya')[0]!;
  const ref = toPlaceRef(e, 'event', [{ start: 0, end: 13 }]);
  assert.equal(ref.admin1, 'Latakia');
  assert.equal(ref.country, 'SY');
  assert.equal(ref.geoPrecision, 1);
  assert.ok(ref.aliases.includes('Mukhtariyah'));
});

test('getById, countryName, distanceKm', () => {
  assert.equal(getById(173576)?.name, 'Latakia');
  assert.equal(countryName('MM'), 'Myanmar');
  const d = distanceKm({ lat: 35.52, lon: 35.79 }, { lat: 35.36, lon: 35.92 });
  assert.ok(d > 15 && d < 30, String(d));
});
