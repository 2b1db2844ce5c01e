#!/usr/bin/env node
// Runs every *.test.ts under src/, test/ and bench/ with node:test + tsx (Node 20's --test takes no globs, so we list them).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROOTS = ['src', 'test', 'bench'];
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);

function findTests(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if (err.code === 'ENOENT') return out;
    throw err;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) findTests(path, out);
    } else if (e.isFile() && e.name.endsWith('.test.ts')) {
      out.push(relative(root, path));
    }
  }
  return out;
}

// Extra arguments narrow the run to files whose path contains one of them: `node scripts/run-tests.mjs report-file cli/`.
const filters = process.argv.slice(2);
const files = ROOTS.flatMap((r) => findTests(join(root, r), []))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (files.length === 0) {
  console.error(`run-tests: no *.test.ts files found${filters.length ? ` matching ${filters.join(', ')}` : ''}`);
  process.exit(1);
}

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
});
if (result.error) {
  console.error(`run-tests: cannot start node: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? (result.signal ? 1 : 0));
