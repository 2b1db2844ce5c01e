import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { VersionedMemo } from './memo.js';

describe('VersionedMemo', () => {
  test('computes once per key and version, and again when the version moves', async () => {
    const memo = new VersionedMemo<string>(8);
    let runs = 0;
    const compute = (v: string) => async () => `${v}#${++runs}`;
    assert.equal(await memo.get('q', 'v1', compute('v1')), 'v1#1');
    assert.equal(await memo.get('q', 'v1', compute('v1')), 'v1#1');
    assert.equal(await memo.get('q', 'v2', compute('v2')), 'v2#2');
    // Going back is a change too: the old entries were dropped.
    assert.equal(await memo.get('q', 'v1', compute('v1')), 'v1#3');
  });

  test('callers asking while a value is computed share that computation', async () => {
    const memo = new VersionedMemo<number>(8);
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = async () => {
      runs++;
      await gate;
      return 42;
    };
    const both = Promise.all([memo.get('q', 'v', slow), memo.get('q', 'v', slow)]);
    release();
    assert.deepEqual(await both, [42, 42]);
    assert.equal(runs, 1);
  });

  test('a failed computation is not kept', async () => {
    const memo = new VersionedMemo<number>(8);
    await assert.rejects(memo.get('q', 'v', async () => Promise.reject(new Error('store down'))), /store down/);
    assert.equal(await memo.get('q', 'v', async () => 7), 7);
  });

  test('keeps at most maxEntries, dropping the least recently used', async () => {
    const memo = new VersionedMemo<string>(2);
    const value = (s: string) => async () => s;
    await memo.get('a', 'v', value('a1'));
    await memo.get('b', 'v', value('b1'));
    await memo.get('a', 'v', value('a2')); // a is now the most recent
    await memo.get('c', 'v', value('c1')); // evicts b
    assert.equal(memo.size, 2);
    assert.equal(await memo.get('a', 'v', value('a3')), 'a1');
    assert.equal(await memo.get('b', 'v', value('b2')), 'b2');
  });

  test('refuses a size that cannot hold anything', () => {
    assert.throws(() => new VersionedMemo(0), /maxEntries must be a positive integer, got 0/);
  });
});
