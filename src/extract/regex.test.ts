// allMatches must give what String.matchAll gives, and leave the shared regex reusable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allMatches, endsWithCue, isRegexSpace } from './regex.js';

const plain = (ms: Iterable<RegExpMatchArray>): Array<[number | undefined, string]> => [...ms].map((m) => [m.index, m[0]]);

test('allMatches: the same matches as matchAll, including empty ones, under /u too', () => {
  const cases: Array<[RegExp, string]> = [
    [/\b\w+\b/g, 'two words, three words'],
    [/x*/g, 'axxb'],
    [/(?:)/gu, 'a😀b'],
    [/\p{Lu}\p{Ll}+/gu, 'Deir ez-Zor and Ḥamā'],
  ];
  for (const [re, text] of cases) assert.deepEqual(plain(allMatches(re, text)), plain(text.matchAll(re)), `${re} on ${text}`);
});

test('allMatches: the regex is reset before and after, so callers can nest uses of it', () => {
  const re = /\d+/g;
  re.lastIndex = 3;
  const outer = allMatches(re, '12 345 6');
  assert.deepEqual(outer.map((m) => m[0]), ['12', '345', '6']);
  assert.equal(re.lastIndex, 0);
  assert.deepEqual(outer.map((m) => allMatches(re, m[0]).length), [1, 1, 1]);
});

test('allMatches: a non-global regex is a caller error, not an endless loop', () => {
  assert.throws(() => allMatches(/a/, 'aaa'), /needs a global regex/);
});

test('isRegexSpace: exactly the characters /\\s/ matches', () => {
  for (let c = 0; c <= 0xffff; c++) assert.equal(isRegexSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});

test('endsWithCue: the same answer as the end-anchored cue regex it replaces', () => {
  const words = new Set(['in', 'near', 'and', 'neighbourhood']);
  const regex = (comma: boolean): RegExp => new RegExp(String.raw`(?:\b(?:in|near|and|neighbourhood)${comma ? '|,' : ''})\s+(?:the\s+)?$`, 'i');
  const texts = [
    'killed in ', 'killed IN  ', 'killed in the ', 'killed in The\u00a0', 'killed in the', 'killed in', 'killed bin ', 'killed _in ',
    'killed 2in ', 'in ', ' in the ', 'the ', 'in bathe ', 'in xthe ', 'Aleppo, ', 'Aleppo,the ', 'Aleppo, the ', 'the neighbourhood of ',
    'Neighbourhood\n', 'nearthe ', 'near\u2028the\u3000', 'and the the ', '', ' ', 'é in ', 'ſin ',
  ];
  for (const comma of [true, false]) {
    for (const text of texts) assert.equal(endsWithCue(text, words, comma), regex(comma).test(text), `${JSON.stringify(text)}, comma ${comma}`);
  }
});
