// `marsad link --kind toll`, `attach` / `detach` / `undo --kind toll` and `show` of a toll as scripts call them: the
// built CLI on a temp data directory after `marsad ingest` of the founding example.
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
const ready = existsSync(join(root, 'dist', 'app', 'toll-coverage.js')) && existsSync(join(root, 'build', 'gazetteer', 'lexicon.json'));
const dir = await mkdtemp(join(tmpdir(), 'marsad-link-'));
after(() => rm(dir, { recursive: true, force: true }));

async function marsad(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [CLI, ...args, '--data', join(dir, 'data')], { cwd: root, env: { ...process.env, DATABASE_URL: '' }, maxBuffer: 8 << 20 });
  return stdout;
}

async function fails(...args: string[]): Promise<string> {
  try {
    await marsad(...args);
  } catch (err) {
    return String((err as { stderr?: string }).stderr);
  }
  throw new Error(`marsad ${args.join(' ')} succeeded`);
}

test('marsad link --kind toll: the founding toll of 124 covers the 52 and the 72; detach, attach and undo change it', { skip: !ready && 'run npm run build first', timeout: 240_000 }, async () => {
  assert.match(await marsad('ingest', join(root, 'examples', 'founding-latakia.txt')), /stored 1/);
  await marsad('user', 'add', 'alice', '--role', 'analyst');

  const text = await marsad('link', '--kind', 'toll', '--include-proposed');
  assert.match(text, /toll of at least 124; 2025-03-06 – 2025-03-07; Latakia\n {2}covers 72 \+ 52 = 124: consistent\n/);
  const out = JSON.parse(await marsad('link', 'tolls', '--include-proposed', '--json'));
  const toll = out.tolls.find((t: { figure: { best: number } }) => t.figure.best === 124);
  const [i72, i52] = toll.events.map((e: { incidents: { claim: string }[] }) => e.incidents[0]!.claim);
  assert.deepEqual([toll.coverage, toll.sum.best, toll.unexplained], ['consistent', 124, 0]);
  assert.deepEqual(out.orphaned, []);

  assert.match(await marsad('link', 'detach', toll.claim, i72, '--user', 'alice'), new RegExp(`toll ${toll.claim} incident ${i72}: automatic → detached by alice`));
  assert.match(await fails('link', 'detach', toll.claim, i72, '--user', 'alice'), /already detached/);
  assert.match(await fails('link', 'attach', i52, i72, '--user', 'alice'), /not a toll/);
  assert.match(await marsad('show', toll.claim), /covers 52 = 52: consistent, 72 unexplained \(known only from the toll\)\n.*\n {4}c\d+ detached\n {4}c\d+ detached by alice/);
  assert.match(await marsad('link', 'undo', toll.claim, i72, '--kind', 'toll', '--user', 'alice'), /detached → automatic/);
  const shown = JSON.parse(await marsad('show', toll.claim, '--json'));
  assert.equal(shown.coverage.sum.best, 124);
});
