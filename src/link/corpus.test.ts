// The linking corpus (test/corpus/linking): pairwise precision and recall of incident links and person clusters, and the expected tallies.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../shared/package-root.js';
import { evaluateCorpus } from './corpus.js';

const DIR = join(packageRoot(), 'test', 'corpus', 'linking');
const built = existsSync(join(packageRoot(), 'build', 'gazetteer', 'lexicon.json'));
const scores = built ? evaluateCorpus(DIR) : null;
const fmt = (s: { precision: number; recall: number }) => `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)}`;

test('the corpus has at least 30 reports', { skip: !built && 'gazetteer not built' }, () => {
  assert.ok(scores!.reports >= 30);
});

test('linking the gold incidents and victims meets the targets (P ≥ 0.95, R ≥ 0.90)', { skip: !built && 'gazetteer not built' }, () => {
  const { incidents, victims } = scores!.gold;
  assert.ok(incidents.precision >= 0.95 && incidents.recall >= 0.9, `incidents ${fmt(incidents)}`);
  assert.ok(victims.precision >= 0.95 && victims.recall >= 0.9, `victims ${fmt(victims)}`);
});

test('linking the extractor’s output meets the incident targets; victims are bounded by what it finds', { skip: !built && 'gazetteer not built' }, () => {
  const x = scores!.extracted;
  assert.ok(x.incidents.precision >= 0.95 && x.incidents.recall >= 0.9, `incidents ${fmt(x.incidents)}`);
  // The extractor misses two victim names and misdates one (see src/link/README.md): precision must hold, recall is its.
  assert.ok(x.victims.precision >= 0.95, `victims ${fmt(x.victims)}`);
  assert.ok(x.victims.recall >= 0.7, `victims ${fmt(x.victims)}`);
});

test('expected tallies over the linked gold incidents', { skip: !built && 'gazetteer not built' }, () => {
  for (const t of scores!.tallies) {
    assert.equal(t.got.low, t.expected.low, `${t.about}: low`);
    assert.equal(t.got.best, t.expected.best, `${t.about}: best`);
    for (const [key, g] of Object.entries(t.expected.groups ?? {})) {
      const got = t.got.groups.find((x) => x.key === key);
      assert.ok(got, `${t.about}: group ${key}`);
      assert.equal(got.low, g.low, `${t.about}: ${key} low`);
      assert.equal(got.best, g.best, `${t.about}: ${key} best`);
    }
  }
});

test('toll coverage: each corpus toll covers the events inside its province and window, and adds up as expected', { skip: !built && 'gazetteer not built' }, () => {
  const c = scores!.tollCoverage;
  assert.deepEqual([c.gold.precision, c.gold.recall], [1, 1], JSON.stringify(c.gold));
  // sy-10 is a two-sentence bulletin whose single figure the extractor keeps as an incident (docs/design-notes.md).
  assert.ok(c.extracted.tollsFound >= 1, `${c.extracted.tollsFound} / ${c.extracted.tollsExpected} tolls found`);
  assert.ok(c.extracted.precision >= 0.95 && c.extracted.recall >= 0.9, fmt(c.extracted));
  assert.ok(c.figures.length >= 2);
  for (const f of c.figures) assert.deepEqual(f.got, { sum: f.expected.sum, status: f.expected.status, unexplained: f.expected.unexplained }, f.about);
});
