// PhraseSet matching: the prefix-tree regex must pick what a longest-first list of phrases picks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PhraseMap, PhraseSet } from './lexicon.js';

const texts = (set: PhraseSet, text: string): string[] => set.find(text).map((m) => m.text);

test('PhraseSet: the longest phrase at a position wins, a shorter one when the longer does not end on a word edge', () => {
  const set = new PhraseSet(['shot', 'shot dead', 'shot dead by', 'clashed with police', 'clashed with the police']);
  assert.deepEqual(texts(set, 'He was shot dead by police.'), ['shot dead by']);
  assert.deepEqual(texts(set, 'He was shot dead.'), ['shot dead']);
  assert.deepEqual(texts(set, 'He was shot deadly; shots rang out.'), ['shot']);
  assert.deepEqual(texts(set, 'Crowds clashed with the police, then clashed with police.'), ['clashed with the police', 'clashed with police']);
});

test('PhraseSet: case-insensitive, any whitespace between words, word edges on both sides', () => {
  const set = new PhraseSet(['Killed', 'air strike', 'strike']);
  assert.deepEqual(texts(set, 'KILLED in an Air\n  Strike; unkilled, strikes'), ['KILLED', 'Air\n  Strike']);
  assert.deepEqual(set.find('x killed', 10), [{ start: 12, end: 18, text: 'killed' }]);
});

test('PhraseSet: regex metacharacters in phrases are literal', () => {
  const set = new PhraseSet(['u.s. forces', 'rocket-propelled', '(rpg)']);
  assert.deepEqual(texts(set, 'U.S. forces fired rocket-propelled (RPG) grenades; uXs. forces'), ['U.S. forces', 'rocket-propelled', '(RPG)']);
});

test('PhraseMap: a match carries the payloads of every list the phrase is in', () => {
  const map = new PhraseMap([
    { phrases: ['shelling', 'air strike'], payload: 'explosion' },
    { phrases: ['air strike'], payload: 'air' },
  ]);
  assert.deepEqual(map.find('an  Air strike and shelling').map((m) => [m.text, m.payloads]), [['Air strike', ['explosion', 'air']], ['shelling', ['explosion']]]);
});

test('PhraseSet.lengthAt: only a phrase starting exactly there, at word edges', () => {
  const set = new PhraseSet(['killed', 'shot dead']);
  assert.equal(set.lengthAt('shot  dead by police'), 10);
  assert.equal(set.lengthAt('were killed'), -1);
  assert.equal(set.lengthAt('were killed', 5), 6);
  assert.equal(set.lengthAt('unkilled', 2), -1);
  assert.equal(set.lengthAt('killedx'), -1);
});

test('PhraseSet: a phrase after "_" or after an accented letter is found as the lookbehind alone decides', () => {
  const words = new PhraseSet(['killed', 'shot dead']);
  assert.deepEqual(texts(words, 'x_killed, ékilled, 9_shot dead'), ['killed', 'shot dead']);
  assert.equal(words.test('_killed'), true);
  assert.equal(words.test('Ékilled or xkilled'), false);
  assert.deepEqual(texts(new PhraseSet(['killed', '(rpg)']), 'x_killed, ékilled, _(RPG), x(RPG)'), ['killed', '(RPG)']);
});

test('PhraseSet.mayEndAtEnd: false only when no phrase can end where the text ends', () => {
  const set = new PhraseSet(['killed', 'shot dead', 'lost their lives']);
  for (const text of ['were killed', 'KILLED', 'he was shot  dead', 'x,dead', 'lost their lives']) assert.equal(set.mayEndAtEnd(text), true, text);
  for (const text of ['killed ', 'unkilled', '5killed', 'ékilled', 'shot', '']) assert.equal(set.mayEndAtEnd(text), false, text);
  assert.equal(new PhraseSet(['u.s. forces']).mayEndAtEnd('anything'), true);
});
