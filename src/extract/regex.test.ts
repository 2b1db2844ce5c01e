// allMatches must give what String.matchAll gives, and leave the shared regex reusable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allMatches } from './regex.js';

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
