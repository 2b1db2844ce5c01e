// The review flow over HTTP with the real extractor, on every engine; and `marsad serve` started as a command.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { engines } from '../../test/support/engines.js';
import { defaultDeps } from '../app/deps.js';
import { addUser } from '../app/users.js';
import { startServer, type RunningServer } from './server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const founding = await readFile(join(root, 'examples', 'founding-latakia.txt'));

for (const engine of await engines()) {
  describe(`http review flow: ${engine.name}`, { skip: engine.skip ?? false }, () => {
    let server: RunningServer;
    const token: Record<string, string> = {};
    before(async () => {
      const deps = await defaultDeps(await engine.fresh());
      for (const [name, role] of [['ada', 'admin'], ['ana', 'analyst'], ['vic', 'viewer']] as const) token[role] = (await addUser(deps, { name, role, by: null, operator: 'local:test' })).token;
      server = await startServer(deps, { port: 0 });
    });
    after(async () => {
      await server?.close();
      await engine.teardown();
    });
    const get = async (role: string, path: string) => {
      const res = await fetch(server.url + path, { headers: { authorization: `Bearer ${token[role]}` } });
      assert.equal(res.status, 200, `${path}: ${res.status}`);
      return res.json() as Promise<any>;
    };
    const post = (role: string, path: string, body: unknown) =>
      fetch(server.url + path, { method: 'POST', headers: { authorization: `Bearer ${token[role]}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

    test('upload the founding example, review the 52 and the 72, and see them as a viewer, with the audit entry for the analyst', async () => {
      const form = new FormData();
      form.set('file', new Blob([founding], { type: 'text/plain' }), 'founding-latakia.txt');
      const up = await fetch(server.url + '/api/reports', { method: 'POST', headers: { authorization: `Bearer ${token.analyst}` }, body: form });
      assert.equal(up.status, 201);
      const stored = (await up.json()) as any;
      assert.ok(stored.claims.length >= 2);

      const report = await get('analyst', `/api/reports/${stored.report}`);
      assert.equal(report.report.outlet, 'Kurdistan24');
      const queue = await get('analyst', '/api/claims?status=proposed&kind=incident');
      const byBest = (n: number) => queue.items.find((c: any) => c.current.fatalities?.best === n);
      const c52 = byBest(52);
      const c72 = byBest(72);
      assert.ok(c52 && c72, `incidents of 52 and 72 in ${JSON.stringify(queue.items.map((c: any) => c.current.fatalities))}`);
      // Each value points at its words in the body.
      assert.ok(c52.quotes.some((q: any) => q.text.includes('52') && report.body.slice(q.start, q.end) === q.text));

      assert.equal((await get('viewer', '/api/incidents')).items.length, 0, 'nothing reviewed yet');
      // Asked before the review, the tally is kept (routes/links.ts); the review must make it stale.
      assert.equal((await get('viewer', '/api/tally?place=Latakia')).best, 0);
      assert.equal((await post('analyst', `/api/claims/${c52.id}/confirm`, { comment: 'SOHR, with video' })).status, 200);
      const corrected = await post('analyst', `/api/claims/${c72.id}/correct`, { patch: { qualifier: 'at_least' }, comment: 'since Thursday' });
      assert.equal(corrected.status, 200, JSON.stringify(await corrected.clone().json()));

      const seen = await get('viewer', '/api/incidents?place=Latakia');
      assert.deepEqual(seen.items.map((i: any) => i.id).sort(), [c52.id, c72.id].sort());
      const i52 = seen.items.find((i: any) => i.id === c52.id);
      assert.equal(i52.fatalities.best, 52);
      assert.equal(i52.sources[0].outlet, 'Kurdistan24');
      assert.ok(i52.sources[0].quotes.length > 0);
      assert.ok(i52.places.some((p: any) => p.lat !== null && Math.abs(p.lat - 35.5) < 0.5));
      assert.equal(seen.items.find((i: any) => i.id === c72.id).qualifier, 'at_least');
      assert.deepEqual((await get('viewer', '/api/incidents?place=Damascus')).items, []);
      assert.deepEqual((await get('viewer', '/api/incidents?to=2025-03-01')).items, []);
      assert.equal((await get('viewer', '/api/incidents?category=civilians')).items.length >= 1, true);

      const t = await get('viewer', '/api/tally?place=Latakia');
      assert.ok(t.best >= 52, JSON.stringify(t));
      assert.deepEqual(await get('viewer', '/api/tally?place=Latakia'), t, 'the same answer while nothing changes');

      const audit = await get('analyst', `/api/audit?entityId=${c72.id}`);
      assert.equal(audit.items.length, 1);
      assert.equal(audit.items[0].action, 'claim.correct');
      assert.equal(audit.items[0].actor, 'ana');
      assert.equal(audit.items[0].after.comment, 'since Thursday');
      assert.equal((await fetch(server.url + '/api/audit', { headers: { authorization: `Bearer ${token.viewer}` } })).status, 403);
      assert.equal((await get('viewer', '/api/audit/verify')).ok, true);
    });
  });
}

describe('marsad serve', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marsad-serve-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('starts on a free port, answers /api/health, stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli.ts'), 'serve', '--port', '0', '--data', join(dir, 'data'), '--public'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no start line: ${out}`)), 60_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /serving (http:\/\/\S+)\/api/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const health = (await (await fetch(url + '/api/health')).json()) as any;
      assert.deepEqual(health, { ok: true, engine: 'pglite', public: true });
      assert.equal((await fetch(url + '/api/incidents')).status, 200);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
