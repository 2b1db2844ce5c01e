// The API over real HTTP on a loopback port: every endpoint × every role, hostile input, sessions, errors, OpenAPI, static UI.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fakeExtract, reportText } from '../../test/support/fake-extract.js';
import { engines, type EngineFactory } from '../../test/support/engines.js';
import type { AppDeps } from '../app/deps.js';
import { ingestReports } from '../app/ingest.js';
import { addUser } from '../app/users.js';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';
import { startServer, type RunningServer } from './server.js';

type Who = 'none' | 'viewer' | 'analyst' | 'admin';
const WHO: Who[] = ['none', 'viewer', 'analyst', 'admin'];

let clock = 0;
const now = () => new Date(Date.UTC(2025, 2, 8, 12, 0, clock++)).toISOString();
const pglite = (await engines()).find((e) => e.name === 'pglite') as EngineFactory;

interface Fixture {
  store: Store;
  deps: AppDeps;
  server: RunningServer;
  tokens: Record<Exclude<Who, 'none'>, string>;
  /** Claim ids of seeded reports, all proposed: [incident, toll, victim] per report (12 and 13 are the tolls test's). */
  claims: number[][];
}

async function fixture(opts: Parameters<typeof startServer>[1] = {}): Promise<Fixture> {
  const store = await pglite.fresh();
  const deps: AppDeps = { store, extract: fakeExtract, extractorVersion: 'test-1', now };
  const admin = await addUser(deps, { name: 'ada', role: 'admin', by: null, operator: 'local:test' });
  const analyst = await addUser(deps, { name: 'ana', role: 'analyst', by: 'ada' });
  const viewer = await addUser(deps, { name: 'vic', role: 'viewer', by: 'ada' });
  const out = await ingestReports(deps, { items: Array.from({ length: 14 }, (_, i) => ({ source: `s${i}`, bytes: Buffer.from(reportText(i)) })), actor: 'seed' });
  const claims = out.outcomes.map((o) => (o.status === 'stored' ? o.claimIds : []));
  const server = await startServer(deps, { port: 0, ...opts });
  return { store, deps, server, tokens: { admin: admin.token, analyst: analyst.token, viewer: viewer.token }, claims };
}

function call(f: Fixture, who: Who, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const h: Record<string, string> = { ...headers };
  if (who !== 'none') h.authorization = `Bearer ${f.tokens[who]}`;
  let payload: BodyInit | undefined;
  if (body !== undefined) {
    payload = typeof body === 'string' || body instanceof Uint8Array || body instanceof FormData ? (body as BodyInit) : JSON.stringify(body);
    if (!(body instanceof FormData)) h['content-type'] ??= 'application/json';
  }
  return fetch(f.server.url + path, { method, headers: h, body: payload });
}

async function json(res: Response): Promise<any> {
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return res.json();
}

const reportCount = async (store: Store) => Number((await store.query<{ n: number }>('SELECT count(*) AS n FROM reports'))[0]!.n);

describe('http api: pglite', () => {
  let f: Fixture;
  before(async () => {
    f = await fixture();
  });
  after(async () => {
    await f.server.close();
    await pglite.teardown();
  });

  test('every endpoint × every role: 401 without credentials, 403 for a role too low, success otherwise', async () => {
    const claimOf = (who: Who, k: number) => f.claims[WHO.indexOf(who)]![k]!;
    type Row = { method: string; path: string; route?: string; body?: (who: Who) => unknown; expect: Record<Who, number> };
    const rows: Row[] = [
      { method: 'GET', path: '/api/health', expect: { none: 200, viewer: 200, analyst: 200, admin: 200 } },
      { method: 'GET', path: '/api/openapi.json', expect: { none: 200, viewer: 200, analyst: 200, admin: 200 } },
      { method: 'GET', path: '/api/me', expect: { none: 401, viewer: 200, analyst: 200, admin: 200 } },
      { method: 'POST', path: '/api/users', body: (w) => ({ name: `new-${w}`, role: 'viewer' }), expect: { none: 401, viewer: 403, analyst: 403, admin: 201 } },
      { method: 'GET', path: '/api/users', expect: { none: 401, viewer: 403, analyst: 403, admin: 200 } },
      { method: 'POST', path: '/api/reports', body: (w) => ({ text: `From ${w}: 4 people were killed in a raid.`, published: '2025-03-05', outlet: 'Wire' }), expect: { none: 401, viewer: 403, analyst: 201, admin: 201 } },
      { method: 'GET', path: '/api/reports', expect: { none: 401, viewer: 403, analyst: 200, admin: 200 } },
      { method: 'GET', path: '/api/reports/r1', route: '/api/reports/:id', expect: { none: 401, viewer: 403, analyst: 200, admin: 200 } },
      { method: 'GET', path: '/api/claims', expect: { none: 401, viewer: 200, analyst: 200, admin: 200 } },
      { method: 'GET', path: '/api/claims?status=proposed', expect: { none: 401, viewer: 403, analyst: 200, admin: 200 } },
      { method: 'GET', path: `/api/claims/c${f.claims[11]![0]}`, route: '/api/claims/:id', expect: { none: 401, viewer: 404, analyst: 200, admin: 200 } },
      { method: 'POST', path: 'confirm', route: '/api/claims/:id/confirm', body: () => ({ comment: 'ok' }), expect: { none: 401, viewer: 403, analyst: 200, admin: 200 } },
      { method: 'POST', path: 'correct', route: '/api/claims/:id/correct', body: () => ({ patch: { fatalities: { best: 5, low: 5, high: 5 } } }), expect: { none: 401, viewer: 403, analyst: 200, admin: 200 } },
      { method: 'POST', path: 'reject', route: '/api/claims/:id/reject', body: () => ({}), expect: { none: 401, viewer: 403, analyst: 200, admin: 200 } },
      { method: 'GET', path: '/api/incidents', expect: { none: 401, viewer: 200, analyst: 200, admin: 200 } },
      { method: 'GET', path: '/api/tally?by=category', route: '/api/tally', expect: { none: 401, viewer: 200, analyst: 200, admin: 200 } },
      { method: 'GET', path: '/api/tally?includeProposed=true', route: '/api/tally', expect: { none: 401, viewer: 403, analyst: 200, admin: 200 } },
      { method: 'GET', path: '/api/links/incident', route: '/api/links/:kind', expect: { none: 401, viewer: 403, analyst: 200, admin: 200 } },
      { method: 'GET', path: '/api/links/victim/clusters', route: '/api/links/:kind/clusters', expect: { none: 401, viewer: 403, analyst: 200, admin: 200 } },
      { method: 'POST', path: '/api/links/incident/decisions', route: '/api/links/:kind/decisions', body: (w) => ({ a: `c${f.claims[6]![0]}`, b: `c${f.claims[w === 'admin' ? 8 : 7]![0]}`, verdict: 'merge' }), expect: { none: 401, viewer: 403, analyst: 201, admin: 201 } },
      { method: 'GET', path: '/api/tolls', expect: { none: 401, viewer: 200, analyst: 200, admin: 200 } },
      { method: 'GET', path: '/api/tolls?includeProposed=true', route: '/api/tolls', expect: { none: 401, viewer: 403, analyst: 200, admin: 200 } },
      // Each role attaches another incident to the toll of report 9, so the second write is not a repeat (409).
      { method: 'POST', path: `/api/tolls/c${f.claims[9]![1]}/decisions`, route: '/api/tolls/:id/decisions', body: (w) => ({ incident: `c${f.claims[w === 'admin' ? 10 : 9]![0]}`, verdict: 'attach' }), expect: { none: 401, viewer: 403, analyst: 201, admin: 201 } },
      { method: 'GET', path: '/api/decisions/orphaned', expect: { none: 401, viewer: 403, analyst: 200, admin: 200 } },
      { method: 'GET', path: '/api/export/acled', route: '/api/export/:format', expect: { none: 401, viewer: 200, analyst: 200, admin: 200 } },
      { method: 'GET', path: '/api/export/geojson?includeProposed=true', route: '/api/export/:format', expect: { none: 401, viewer: 403, analyst: 200, admin: 200 } },
      { method: 'GET', path: '/api/export/json', route: '/api/export/:format', expect: { none: 401, viewer: 403, analyst: 403, admin: 200 } },
      { method: 'GET', path: '/api/audit', expect: { none: 401, viewer: 403, analyst: 200, admin: 200 } },
      { method: 'GET', path: '/api/audit/verify', expect: { none: 401, viewer: 200, analyst: 200, admin: 200 } },
      { method: 'POST', path: '/api/login', body: () => ({ token: 'mrs_wrong' }), expect: { none: 401, viewer: 401, analyst: 401, admin: 401 } },
      { method: 'POST', path: '/api/logout', expect: { none: 200, viewer: 200, analyst: 200, admin: 200 } },
    ];
    // Decisions act on claims no other row touches: confirm the incident and reject the toll of the role's report,
    // correct the incident of the role's fifth report.
    const decided = (action: string, who: Who) => (action === 'correct' ? f.claims[WHO.indexOf(who) + 4]![0]! : claimOf(who, action === 'confirm' ? 0 : 1));
    const failures: string[] = [];
    for (const row of rows) {
      for (const who of WHO) {
        const path = ['confirm', 'correct', 'reject'].includes(row.path) ? `/api/claims/c${decided(row.path, who)}/${row.path}` : row.path;
        const res = await call(f, who, row.method, path, row.body?.(who));
        // Exports stream files; everything else, errors included, is JSON.
        const body = res.status === 200 && path.startsWith('/api/export/') ? { file: await res.text() } : await json(res);
        if (res.status !== row.expect[who]) failures.push(`${row.method} ${path} as ${who}: ${res.status} ${JSON.stringify(body).slice(0, 200)} (expected ${row.expect[who]})`);
        if (res.status >= 400) assert.equal(typeof body.error?.code, 'string');
      }
    }
    assert.deepEqual(failures, []);
    // The table covers every mounted route: a new endpoint needs a row here.
    const covered = new Set(rows.map((r) => `${r.method} ${r.route ?? r.path.split('?')[0]}`));
    const mounted = createApp(f.deps).routes.map((r) => `${r.method.toUpperCase()} ${r.path}`);
    assert.deepEqual(mounted.filter((m) => !covered.has(m)), []);
  });

  test('exports stream the file the CLI writes: ACLED columns for a reader, as an attachment', async () => {
    const res = await call(f, 'viewer', 'GET', '/api/export/acled');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="marsad-acled\.csv"/);
    const header = (await res.text()).split('\n')[0]!;
    assert.ok(header.includes('event_id_cnty') && header.includes('fatalities'), header);
  });

  test('a viewer sees reviewed claims only, with restricted fields withheld and no reviewer names', async () => {
    const [, , victim] = f.claims[8]!;
    assert.equal((await call(f, 'analyst', 'POST', `/api/claims/c${victim}/confirm`, {})).status, 200);
    const seen = await json(await call(f, 'viewer', 'GET', `/api/claims/c${victim}`));
    assert.equal(seen.claim.status, 'confirmed');
    assert.equal(seen.claim.current.name, null);
    assert.deepEqual(seen.claim.quotes, []);
    assert.equal(seen.claim.proposed, null);
    assert.equal(seen.claim.decidedBy, null);
    assert.deepEqual(seen.claim.reviews, []);
    assert.ok(seen.claim.restricted.includes('name'));
    assert.equal(seen.report.ingestedBy, null);
    assert.ok(!JSON.stringify(seen).includes('Test Person'));
    const full = await json(await call(f, 'analyst', 'GET', `/api/claims/c${victim}`));
    assert.equal(full.claim.current.name, 'Test Person');
    const page = await json(await call(f, 'viewer', 'GET', '/api/claims?kind=victim&status=confirmed'));
    assert.ok(page.items.length >= 1);
    assert.ok(page.items.every((c: any) => c.current.name === null && ['confirmed', 'corrected'].includes(c.status)));
    assert.equal(page.counts.proposed, undefined);
    assert.equal((await call(f, 'viewer', 'GET', '/api/claims?status=rejected')).status, 403);
  });

  test('tolls: every reader sees the coverage of a reviewed toll; analysts detach, undo and attach, audited; viewers see no authors and nothing unreviewed', async () => {
    // Report 12: its toll and incident reviewed; the fake toll has no place or window, so it covers every reviewed incident.
    const [inc, toll] = f.claims[12]!.map((c) => `c${c}`) as [string, string];
    const unreviewed = `c${f.claims[13]![0]}`;
    for (const c of [inc, toll]) assert.equal((await call(f, 'analyst', 'POST', `/api/claims/${c}/confirm`, {})).status, 200);
    const tollOf = async (who: Who, query = '') => {
      const out = await json(await call(f, who, 'GET', `/api/tolls?toll=${toll}${query}`));
      assert.equal(out.tolls.length, 1, JSON.stringify(out));
      return out.tolls[0];
    };
    const covered = (t: any): string[] => t.events.flatMap((e: any) => e.incidents.map((i: any) => i.claim));
    const before = await tollOf('viewer');
    assert.equal(before.claim, toll);
    assert.ok(covered(before).includes(inc), JSON.stringify(before));
    assert.equal(before.events.find((e: any) => e.incidents.some((i: any) => i.claim === inc)).incidents.find((i: any) => i.claim === inc).reason, 'component');
    assert.equal(before.sum.best, before.events.reduce((s: number, e: any) => s + e.best, 0));
    // The tally lists the same incidents under the toll it counts (covers was once stripped by the response schema).
    const tally = await json(await call(f, 'viewer', 'GET', '/api/tally'));
    const source = tally.groups.flatMap((g: any) => g.sources).find((x: any) => x.claim === toll);
    assert.ok(source?.covers?.includes(inc), JSON.stringify(tally.groups.map((g: any) => g.sources)));

    const decide = (who: Who, incident: string, verdict: string, comment?: string) => call(f, who, 'POST', `/api/tolls/${toll}/decisions`, { incident, verdict, ...(comment ? { comment } : {}) });
    const detached = await decide('analyst', inc, 'detach', 'a separate attack, not in this toll');
    assert.equal(detached.status, 201);
    assert.deepEqual({ ...(await json(detached)), id: 0, at: '' }, { id: 0, toll: toll, incident: inc, verdict: 'detach', previous: null, by: 'ana', at: '' });
    assert.equal((await decide('analyst', inc, 'detach')).status, 409, 'already detached');
    assert.equal((await decide('viewer', inc, 'undo')).status, 403);
    const audit = await json(await call(f, 'analyst', 'GET', `/api/audit?entity=toll_link&entityId=${toll}/${inc}`));
    assert.deepEqual(audit.items.map((e: any) => [e.action, e.actor, e.after.comment]), [['toll.detach', 'ana', 'a separate attack, not in this toll']]);

    // The viewer sees the detach, not who made it or why; the analyst sees both.
    const seen = await tollOf('viewer');
    assert.ok(!covered(seen).includes(inc));
    assert.deepEqual(seen.detached, [inc]);
    assert.deepEqual(seen.decisions.map((d: any) => [d.incident, d.verdict, d.by, d.comment]), [[inc, 'detach', null, null]]);
    assert.deepEqual((await tollOf('analyst')).decisions.map((d: any) => [d.by, d.comment]), [['ana', 'a separate attack, not in this toll']]);
    const claim = await json(await call(f, 'viewer', 'GET', `/api/claims/${toll}`));
    assert.deepEqual(claim.coverage.detached, [inc]);
    assert.equal(claim.coverage.decisions[0].by, null);
    assert.ok(!JSON.stringify(claim).includes('separate attack'));
    assert.deepEqual((await json(await call(f, 'viewer', 'GET', `/api/tolls?incident=${inc}`))).tolls.filter((t: any) => t.claim === toll), []);

    const undone = await decide('admin', inc, 'undo');
    assert.equal(undone.status, 201);
    assert.equal((await json(undone)).previous, 'detach');
    assert.equal((await decide('admin', inc, 'undo')).status, 409, 'nothing left to undo');
    assert.ok(covered(await tollOf('viewer')).includes(inc));

    // An unreviewed incident attached to the toll counts for analysts asking for proposed data, never for viewers.
    assert.equal((await decide('analyst', unreviewed, 'attach')).status, 201);
    const withProposed = await tollOf('analyst', '&includeProposed=true');
    assert.equal(withProposed.events.flatMap((e: any) => e.incidents).find((i: any) => i.claim === unreviewed)?.reason, 'attached');
    const viewer = await json(await call(f, 'viewer', 'GET', `/api/tolls?toll=${toll}`));
    assert.ok(!JSON.stringify(viewer).includes(`"${unreviewed}"`), 'the unreviewed incident is not named to a viewer');
    assert.equal(viewer.orphaned, null);
    assert.deepEqual((await json(await call(f, 'viewer', 'GET', `/api/tolls?incident=${unreviewed}`))).tolls, []);
    assert.equal((await call(f, 'viewer', 'GET', `/api/claims/${unreviewed}`)).status, 404);

    // Bad input: a claim that is not a toll, an id that is not one, a verdict from another vocabulary.
    assert.equal((await json(await call(f, 'analyst', 'POST', `/api/tolls/${inc}/decisions`, { incident: unreviewed, verdict: 'attach' }))).error.code, 'invalid_input');
    assert.equal((await call(f, 'analyst', 'POST', `/api/tolls/${toll}/decisions`, { incident: 'r1', verdict: 'attach' })).status, 400);
    assert.equal((await call(f, 'analyst', 'POST', `/api/tolls/${toll}/decisions`, { incident: inc, verdict: 'merge' })).status, 400);
    assert.equal((await call(f, 'analyst', 'GET', '/api/tolls?toll=x1')).status, 400);
    assert.equal((await call(f, 'analyst', 'POST', '/api/tolls/c999999/decisions', { incident: inc, verdict: 'attach' })).status, 404);
    assert.deepEqual((await json(await call(f, 'analyst', 'GET', '/api/decisions/orphaned'))).items, [], 'nothing was re-extracted');
  });

  test('hostile text is stored and returned as JSON data, never as HTML', async () => {
    const text = 'Attack: <script>alert("x")</script><img src=x onerror=alert(1)> 7 people were killed in the town.';
    const res = await call(f, 'analyst', 'POST', '/api/reports', { text, published: '2025-03-01', outlet: 'Wire <b>' });
    assert.equal(res.status, 201);
    const { report } = await json(res);
    const got = await call(f, 'analyst', 'GET', `/api/reports/${report}`);
    assert.equal(got.headers.get('content-type'), 'application/json');
    assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
    assert.match(got.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const body = await got.json();
    assert.equal(body.body, text);
    assert.equal(body.report.outlet, 'Wire <b>');
    const again = await call(f, 'analyst', 'POST', '/api/reports', { text, published: '2025-03-01', outlet: 'Wire <b>' });
    assert.equal(again.status, 200);
    assert.equal((await again.json()).status, 'duplicate');
  });

  test('a 20 MB upload is refused with 413 and nothing is stored', async () => {
    const before = await reportCount(f.store);
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x61);
    const raw = await call(f, 'analyst', 'POST', '/api/reports?published=2025-03-01&outlet=Big', big, { 'content-type': 'text/plain' });
    assert.equal(raw.status, 413);
    assert.equal((await json(raw)).error.code, 'payload_too_large');
    const form = new FormData();
    form.set('file', new Blob([big]), 'big.txt');
    form.set('published', '2025-03-01');
    const multi = await call(f, 'analyst', 'POST', '/api/reports', form);
    assert.equal(multi.status, 413);
    // Over the JSON limit (1 MB) on a JSON endpoint.
    const fat = await call(f, 'admin', 'POST', '/api/users', JSON.stringify({ name: 'x', role: 'viewer', pad: 'y'.repeat(2 * 1024 * 1024) }));
    assert.equal(fat.status, 413);
    assert.equal(await reportCount(f.store), before);
  });

  test('bad bodies get a 4xx with a stable code', async () => {
    const cases: [string, string, BodyInit, Record<string, string>, number, string][] = [
      ['POST', '/api/users', '{"name": "x",', {}, 400, 'invalid_json'],
      ['POST', '/api/reports', '{"text": ', {}, 400, 'invalid_json'],
      ['POST', '/api/users', JSON.stringify({ name: 'x', role: 'boss' }), {}, 400, 'invalid_input'],
      ['POST', '/api/users', JSON.stringify({ name: 'x', role: 'viewer', extra: 1 }), {}, 400, 'invalid_input'],
      ['POST', '/api/users', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type'],
      ['POST', '/api/reports', '<xml/>', { 'content-type': 'application/xml' }, 415, 'unsupported_media_type'],
      ['POST', '/api/reports', JSON.stringify({ text: 'x', published: '2025-02-30', outlet: 'W' }), {}, 400, 'invalid_input'],
      ['POST', '/api/reports', JSON.stringify({ text: 'x', published: '2025-02-03', outlet: 'W\nurl: evil' }), {}, 400, 'invalid_input'],
      ['POST', '/api/reports', new Uint8Array([0x61, 0, 0x62]), { 'content-type': 'application/octet-stream' }, 415, 'binary_input'],
      ['POST', '/api/reports', 'no header, no date', { 'content-type': 'text/plain' }, 400, 'missing_published'],
      ['POST', '/api/reports', new Uint8Array([0x61, 0xff, 0xfe]), { 'content-type': 'text/plain' }, 400, 'invalid_utf8'],
      ['POST', '/api/claims/zzz/confirm', '{}', {}, 400, 'invalid_input'],
      ['POST', '/api/claims/c999999/confirm', '{}', {}, 404, 'not_found'],
      ['POST', `/api/claims/c${f.claims[9]![0]}/confirm`, JSON.stringify({ patch: { injured: 3 } }), {}, 400, 'invalid_input'],
      ['GET', '/api/incidents?from=yesterday', '', {}, 400, 'invalid_input'],
      ['GET', '/api/nothing-here', '', {}, 404, 'not_found'],
    ];
    for (const [method, path, body, headers, status, code] of cases) {
      const res = await call(f, 'admin', method, path, method === 'GET' ? undefined : body, headers);
      const out = await json(res);
      assert.equal(res.status, status, `${method} ${path}: ${JSON.stringify(out)}`);
      assert.equal(out.error.code, code, `${method} ${path}`);
      assert.ok(!/\bat .*\.(ts|js):\d+/.test(JSON.stringify(out)), 'no stack trace');
    }
    const c = f.claims[10]![0]!;
    assert.equal((await call(f, 'analyst', 'POST', `/api/claims/c${c}/reject`, {})).status, 200);
    const twice = await call(f, 'analyst', 'POST', `/api/claims/c${c}/confirm`, {});
    assert.equal(twice.status, 409);
    assert.equal((await twice.json()).error.code, 'conflict');
    assert.equal((await call(f, 'analyst', 'POST', `/api/claims/c${c}/confirm`, { redecide: true })).status, 200);
    assert.equal((await call(f, 'admin', 'POST', '/api/users', { name: 'ana', role: 'viewer' })).status, 409);
    assert.equal((await call(f, 'none', 'GET', '/api/me', undefined, { authorization: 'Basic abc' })).status, 401);
    assert.equal((await call(f, 'none', 'GET', '/api/me', undefined, { authorization: 'Bearer mrs_nope' })).status, 401);
  });

  test('an unexpected failure is a 500 with code internal and no stack trace or message', async () => {
    const broken: AppDeps = { ...f.deps, store: { ...f.store, query: async () => Promise.reject(new Error('secret detail at db.ts:12')) } as Store };
    const { app } = createApp(broken, { publicMode: true });
    const original = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      const res = await app.request('/api/incidents');
      assert.equal(res.status, 500);
      const body = await res.json();
      assert.deepEqual(body, { error: { code: 'internal', message: 'internal error' } });
    } finally {
      process.stderr.write = original;
    }
  });

  test('login sets an HttpOnly SameSite=Strict session cookie; it authenticates, refuses foreign origins on writes, and logs out', async () => {
    const res = await call(f, 'none', 'POST', '/api/login', { token: f.tokens.analyst });
    assert.equal(res.status, 200);
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, /marsad_session=/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const jar = { cookie: cookie.split(';')[0]! };
    assert.deepEqual(await json(await call(f, 'none', 'GET', '/api/me', undefined, jar)), { name: 'ana', role: 'analyst', via: 'session' });
    const c = f.claims[11]![1]!;
    const foreign = await call(f, 'none', 'POST', `/api/claims/c${c}/confirm`, {}, { ...jar, origin: 'https://evil.example' });
    assert.equal(foreign.status, 403);
    const same = await call(f, 'none', 'POST', `/api/claims/c${c}/confirm`, {}, { ...jar, origin: f.server.url });
    assert.equal(same.status, 200);
    assert.equal((await call(f, 'none', 'POST', '/api/logout', undefined, jar)).status, 200);
    assert.equal((await call(f, 'none', 'GET', '/api/me', undefined, jar)).status, 401);
  });

  test('/api/openapi.json describes every mounted route with its parameters and error shape', async () => {
    const doc = await json(await call(f, 'none', 'GET', '/api/openapi.json'));
    assert.equal(doc.openapi, '3.1.0');
    const { app, routes } = createApp(f.deps);
    for (const r of routes) {
      const op = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method];
      assert.ok(op, `${r.method} ${r.path} is in the document`);
      assert.ok(op.responses[String(r.status ?? 200)], `${r.method} ${r.path} has its success response`);
    }
    // And hono has no API route the list does not know of.
    const honoRoutes = new Set(app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${r.path}`));
    assert.deepEqual([...honoRoutes].filter((h) => !routes.some((r) => `${r.method} ${r.path}` === h)), []);
    assert.ok(doc.components.schemas.Error);
    assert.ok(doc.components.schemas.Claim);
    const params = doc.paths['/api/incidents'].get.parameters.map((p: any) => p.name);
    for (const p of ['place', 'from', 'to', 'type', 'actor', 'category', 'after', 'limit']) assert.ok(params.includes(p), p);
    // Every $ref resolves.
    const refs = JSON.stringify(doc).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const ref of refs) assert.ok(doc.components.schemas[ref.split('/').pop()!.replace('"', '')], ref);
  });
});

describe('http api: login rate limit, public mode, web UI', () => {
  let f: Fixture;
  let web: string;
  before(async () => {
    web = await mkdtemp(join(tmpdir(), 'marsad-web-'));
    await writeFile(join(web, 'index.html'), '<!doctype html><title>marsad</title><script type="module" src="/app.js"></script>');
    await writeFile(join(web, 'app.js'), 'console.log(1)');
    f = await fixture({ publicMode: true, loginLimit: { max: 3, windowMs: 60_000 }, webDir: web });
  });
  after(async () => {
    await f.server.close();
    await pglite.teardown();
    await rm(web, { recursive: true, force: true });
  });

  test('the 4th login attempt within the window is refused with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(f, 'none', 'POST', '/api/login', { token: i === 1 ? f.tokens.viewer : 'mrs_guess' })).status);
    assert.deepEqual(statuses, [401, 200, 401, 429]);
    const res = await call(f, 'none', 'POST', '/api/login', { token: f.tokens.viewer });
    assert.equal(res.status, 429);
    assert.equal((await res.json()).error.code, 'rate_limited');
    assert.ok(Number(res.headers.get('retry-after')) > 0);
  });

  test('--public: anyone reads reviewed data; proposed claims, reports and writes still need a user', async () => {
    const c = f.claims[0]![0]!;
    assert.equal((await call(f, 'analyst', 'POST', `/api/claims/c${c}/confirm`, {})).status, 200);
    const page = await json(await call(f, 'none', 'GET', '/api/incidents'));
    assert.deepEqual(page.items.map((i: any) => i.id), [`c${c}`]);
    assert.deepEqual(await json(await call(f, 'none', 'GET', '/api/me')), { name: null, role: 'public', via: 'public' });
    assert.equal((await call(f, 'none', 'GET', `/api/claims/c${c}`)).status, 200);
    assert.equal((await call(f, 'none', 'GET', `/api/claims/c${f.claims[1]![0]}`)).status, 404);
    assert.equal((await call(f, 'none', 'GET', '/api/claims?status=proposed')).status, 403);
    assert.equal((await call(f, 'none', 'GET', '/api/reports')).status, 401);
    assert.equal((await call(f, 'none', 'GET', '/api/audit')).status, 401);
    assert.equal((await call(f, 'none', 'POST', `/api/claims/c${f.claims[1]![0]}/confirm`, {})).status, 401);
    assert.equal((await call(f, 'none', 'POST', '/api/reports', { text: '1 person was killed', published: '2025-01-01', outlet: 'x' })).status, 401);
    assert.equal((await call(f, 'viewer', 'POST', '/api/users', { name: 'z', role: 'admin' })).status, 403);
    // Tolls: the public reads reviewed coverage only; proposed data, decisions and orphans need a user.
    const tolls = await json(await call(f, 'none', 'GET', '/api/tolls'));
    assert.deepEqual(tolls.tolls, [], 'no toll is reviewed');
    assert.equal(tolls.orphaned, null);
    const unreviewed = `c${f.claims[0]![1]}`;
    assert.equal((await call(f, 'none', 'GET', `/api/claims/${unreviewed}`)).status, 404);
    assert.ok((await json(await call(f, 'analyst', 'GET', `/api/tolls?includeProposed=1&toll=${unreviewed}`))).tolls.length === 1);
    assert.equal((await call(f, 'none', 'GET', '/api/tolls?includeProposed=true')).status, 403);
    assert.equal((await call(f, 'none', 'GET', '/api/decisions/orphaned')).status, 401);
    assert.equal((await call(f, 'none', 'POST', `/api/tolls/${unreviewed}/decisions`, { incident: `c${c}`, verdict: 'detach' })).status, 401);
    assert.equal((await call(f, 'viewer', 'POST', `/api/tolls/${unreviewed}/decisions`, { incident: `c${c}`, verdict: 'detach' })).status, 403);
  });

  test('the UI is served with a strict CSP; unknown paths get index.html; nothing leaves the root', async () => {
    const index = await fetch(f.server.url + '/');
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /text\/html/);
    const csp = index.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|https?:/);
    const js = await fetch(f.server.url + '/app.js');
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    assert.equal(await js.text(), 'console.log(1)');
    for (const p of ['/review/c12', '/..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await fetch(f.server.url + p);
      assert.equal(res.status, 200, p);
      assert.match(await res.text(), /<title>marsad<\/title>/, p);
    }
    const api = await fetch(f.server.url + '/api/unknown');
    assert.equal(api.status, 404);
    assert.equal((await api.json()).error.code, 'not_found');
  });
});
