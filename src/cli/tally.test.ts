// `marsad tally` as scripts call it: the built CLI on a temp data directory after `marsad ingest` of the founding example.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { packageRoot } from '../shared/package-root.js';

const run = promisify(execFile);
const root = packageRoot();
const CLI = join(root, 'dist', 'cli.js');
const ready = existsSync(join(root, 'dist', 'cli', 'tally.js')) && existsSync(join(root, 'build', 'gazetteer', 'lexicon.json'));
const dir = await mkdtemp(join(tmpdir(), 'marsad-tally-'));
after(() => rm(dir, { recursive: true, force: true }));

async function marsad(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [CLI, ...args, '--data', join(dir, 'data')], { cwd: root, env: { ...process.env, DATABASE_URL: '' }, maxBuffer: 8 << 20 });
  return stdout;
}

const LATAKIA = ['--place', 'Latakia', '--from', '2025-03-06', '--to', '2025-03-07'];

test('marsad tally after marsad ingest: Latakia 6–7 March is 124, as text by category and as --json', { skip: !ready && 'run npm run build first (dist/cli/tally.js or the gazetteer is missing)', timeout: 180_000 }, async () => {
  assert.match(await marsad('ingest', join(root, 'examples', 'founding-latakia.txt')), /stored 1, duplicates 0, failed 0/);

  const text = await marsad('tally', '--include-proposed', '--by', 'category', ...LATAKIA);
  assert.match(text, /^total {2}low 124 {2}best 124/m);
  assert.match(text, /^stateForces {2}low 36 {2}best 36/m);
  assert.match(text, /incident c\d+ +r1 +Kurdistan24: 36 — best/);

  // Reviewed-only (the default) is covered in src/app/link.contract.test.ts; each CLI run here costs a PGlite open.
  const t = JSON.parse(await marsad('tally', '--json', '--include-proposed', ...LATAKIA));
  assert.deepEqual([t.low, t.best], [124, 124]);
  assert.ok(t.high >= 124);
  assert.equal(t.groups.length, 1);
  const g = t.groups[0];
  for (const k of ['key', 'low', 'best', 'high', 'sources']) assert.ok(k in g, `group has ${k}`);
  assert.deepEqual([g.key, g.low, g.best], ['all', 124, 124]);
  assert.ok(g.sources.length >= 2);
  for (const s of g.sources) {
    assert.equal(s.report, 'r1');
    assert.equal(s.outlet, 'Kurdistan24');
    assert.match(s.claim, /^c\d+$/);
    assert.ok('figure' in s);
  }
});
