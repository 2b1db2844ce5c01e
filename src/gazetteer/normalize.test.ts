// Tests for the place-name normaliser: spellings that must meet, and the generic-suffix stripper.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeKey, stripGenericSuffix, isIndexableScript } from './normalize.js';

const SAME: [string, string][] = [
  ['Al-Shir', 'Ash Shir'],
  ['Al-Shir', 'Shir'],
  ['Al-Mukhtariya', 'Mukhtariyah'],
  ['Latakia', 'Lattakia'],
  ['Latakia’s', "Latakia's"],
  ['El Fasher', 'Al-Fasher'],
  ['Deir ez-Zor', 'Deir Zor'],
  ['Dar‘ā', "Dar'a"],
];
for (const [a, b] of SAME) test(`"${a}" and "${b}" share a key`, () => assert.equal(placeKey(a), placeKey(b)));

test('a lone article is kept, so "As" is not an empty key', () => assert.equal(placeKey('As'), 'as'));
test('different places keep different keys', () => assert.notEqual(placeKey('Beit Aana'), placeKey('Banyas')));

const SUFFIXES: [string, string][] = [
  ['Kirovohrad Oblast', 'Kirovohrad'],
  ['Benue State', 'Benue'],
  ['Sagaing Region', 'Sagaing'],
  ['Makurdi Local Government Area', 'Makurdi'],
  ['Damascus Governorate', 'Damascus'],
  ['Region', 'Region'],
];
for (const [a, b] of SUFFIXES) test(`stripGenericSuffix(${a}) = ${b}`, () => assert.equal(stripGenericSuffix(a), b));

test('only Latin and Arabic scripts are indexed', () => {
  assert.equal(isIndexableScript('Jableh'), true);
  assert.equal(isIndexableScript('جبلة'), true);
  assert.equal(isIndexableScript('Джабла'), false);
});
