// `marsad ingest` as a child process: SIGKILL it midway, then the store is consistent and a re-run completes the rest.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openStore } from '../store/open.js';
import { verifyChain } from '../store/audit.js';
import { reportText } from '../../test/support/fake-extract.js';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
const FILES = 240;
const root = await mkdtemp(join(tmpdir(), 'marsad-kill-'));
after(() => rm(root, { recursive: true, force: true }));

function ingest(args: string[], killAfterStored?: number): Promise<{ code: number | null; signal: string | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'ingest', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '' } });
    let stdout = '';
    let stored = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      stored = (stdout.match(/^stored +r/gm) ?? []).length;
      if (killAfterStored !== undefined && stored >= killAfterStored && child.exitCode === null) child.kill('SIGKILL');
    });
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout }));
  });
}

test('an ingest killed midway leaves whole reports only, and a re-run completes the rest', { timeout: 120_000 }, async () => {
  const dir = join(root, 'reports');
  await mkdir(dir);
  for (let i = 0; i < FILES; i++) await writeFile(join(dir, `r${String(i).padStart(4, '0')}.txt`), reportText(i));
  const data = join(root, 'data');

  const killed = await ingest(['--data', data, '--batch', '10', dir], 40);
  assert.equal(killed.signal, 'SIGKILL', `the child should have been killed midway; it printed:\n${killed.stdout.slice(-500)}`);

  const store = await openStore({ dataDir: data });
  try {
    const counts = await store.query<{ reports: number; orphans: number; short: number }>(`
      SELECT (SELECT count(*) FROM reports) AS reports,
             (SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM extractions e WHERE e.report_id = r.id)) AS orphans,
             (SELECT count(*) FROM audit_log a WHERE a.action = 'report.ingest' AND (a.after->>'claims')::int <>
                (SELECT count(*) FROM claims c WHERE c.report_id = substr(a.entity_id, 2)::bigint)) AS short`);
    const c = counts[0]!;
    assert.ok(c.reports >= 40 && c.reports < FILES, `reports after the kill: ${c.reports}`);
    assert.equal(c.orphans, 0, 'a report without its extraction');
    assert.equal(c.short, 0, 'a report with fewer claims than its audit entry says');
    const audited = await store.query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'report.ingest'");
    assert.equal(audited[0]!.n, c.reports, 'every stored report has its audit entry, and no entry lacks its report');
    assert.equal((await verifyChain(store)).firstBreak, null);
  } finally {
    await store.close();
  }

  const rerun = await ingest(['--data', data, '--batch', '50', dir]);
  assert.equal(rerun.code, 0, rerun.stdout.slice(-500));
  const m = /stored (\d+), duplicates (\d+), failed 0/.exec(rerun.stdout);
  assert.ok(m, rerun.stdout.slice(-300));
  assert.equal(Number(m[1]) + Number(m[2]), FILES);
  assert.ok(Number(m[1]) > 0 && Number(m[2]) >= 40);

  const after = await openStore({ dataDir: data });
  try {
    const n = await after.query<{ n: number }>('SELECT count(*) AS n FROM reports');
    assert.equal(n[0]!.n, FILES);
    assert.equal((await verifyChain(after)).firstBreak, null);
  } finally {
    await after.close();
  }
});
