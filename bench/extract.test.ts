// Smoke test of the bench machinery: the extract bench runs on a tiny corpus and prints every row (no timing asserted).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot, registeredBenches, renderTable } from './registry.js';

test('the extract bench runs on the founding example alone and reports every metric', async () => {
  process.env.MARSAD_DEV_DIR = join(packageRoot, 'examples');
  process.env.MARSAD_ACLED_CSV = join(packageRoot, 'no-such-dir/acled.csv');
  await import('./extract.js');
  const bench = registeredBenches().find((b) => b.name === 'extract');
  assert.ok(bench, 'registered on import');
  const result = await bench.run({ root: packageRoot, targetMB: 0.01, spawnRuns: 1, log: () => undefined });
  const table = renderTable(bench, result);
  for (const metric of ['steady state', 'reports/s', 'chrono-node alone', 'ratio marsad / chrono-node', 'peak RSS', 'peak heapUsed', 'start-up']) {
    assert.match(table, new RegExp(metric.replace(/[/]/g, '\\/')), `${metric} missing from\n${table}`);
  }
  assert.match(table, /ACLED notes skipped: .*not found/);
  assert.match(table, /≥ 2 MB\/s/);
  assert.doesNotMatch(table, /exited/, 'the CLI start-up run succeeded');
});
