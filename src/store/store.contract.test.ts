// The storage contract, run against every engine: migrations, byte-exact reports, atomicity, append-only rules, audit chain.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { engines } from '../../test/support/engines.js';
import { appendAudit, verifyChain } from './audit.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations.js';
import { insertExtractions, insertReports, getReport, findReportsBySha, type NewReport } from './reports.js';
import { sha256Hex } from './canonical-json.js';
import { COPY_CHUNK, nextIds } from './rows.js';
import { jsonParam, type Store } from './store.js';

const ctx = { at: '2025-03-08T10:00:00.000Z', actor: 'test' };

function report(text: string, extra: Partial<NewReport> = {}): NewReport {
  const bytes = Buffer.from(text, 'utf8');
  return { sha256: sha256Hex(bytes), bytes, outlet: 'Test', url: 'unknown', published: '2025-03-08', language: 'en', source: null, ...extra };
}

for (const engine of await engines()) {
  describe(`store contract: ${engine.name}`, { skip: engine.skip ?? false }, () => {
    let store: Store;
    before(async () => {
      store = await engine.fresh();
    });
    after(() => engine.teardown());

    test('migrations are recorded and re-running them applies nothing', async () => {
      const again = await migrate(store);
      assert.deepEqual(again.applied, []);
      const versions = MIGRATIONS.map((m) => m.version).sort((a, b) => a - b);
      assert.equal(again.current, versions[versions.length - 1]);
      const rows = await store.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(rows.map((r) => r.version), versions);
    });

    test('report bytes round-trip exactly, ids come back as numbers', async () => {
      const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x0d, 0x0a, 0xff, 0x00, 0xd8]);
      const r = { ...report('x'), bytes, sha256: sha256Hex(bytes) };
      const ids = await store.transaction((tx) => insertReports(tx, [r], ctx));
      const id = ids.get(r.sha256)!;
      assert.equal(typeof id, 'number');
      const row = await getReport(store, { id });
      assert.ok(row);
      assert.deepEqual(Buffer.from(row.bytes), bytes);
      assert.equal((await getReport(store, { shaPrefix: r.sha256.slice(0, 12) }))?.id, id);
    });

    test('the same bytes insert once; the unique sha256 decides, not a prior read', async () => {
      const r = report('same bytes twice');
      const first = await store.transaction((tx) => insertReports(tx, [r, r], ctx));
      const second = await store.transaction((tx) => insertReports(tx, [r], ctx));
      assert.equal(first.size, 1);
      assert.equal(second.size, 0);
      assert.equal((await findReportsBySha(store, [r.sha256])).size, 1);
    });

    test('a failing transaction leaves nothing behind', async () => {
      const r = report('half a report');
      await assert.rejects(
        store.transaction(async (tx) => {
          const ids = await insertReports(tx, [r], ctx);
          await insertExtractions(tx, [{ reportId: ids.get(r.sha256)!, extraction: { version: 'v', warnings: [], claims: [] } }], ctx);
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal((await findReportsBySha(store, [r.sha256])).size, 0);
    });

    test('extractions and claims are stored with jsonb data, spans and rules', async () => {
      const r = report('claims here');
      const stored = await store.transaction(async (tx) => {
        const ids = await insertReports(tx, [r], ctx);
        const claims = [
          { ref: 'i1', kind: 'incident' as const, data: { id: 'i1', list: [1, 'two', { three: 3 }], text: 'quote "x"' }, spans: [{ start: 0, end: 6 }], rules: ['a', 'b'] },
          { ref: 'v1', kind: 'victim' as const, data: { id: 'v1', name: 'Ḥasan' }, spans: [], rules: [] },
        ];
        return insertExtractions(tx, [{ reportId: ids.get(r.sha256)!, extraction: { version: 'v1', warnings: [{ code: 'x' }], claims } }], ctx);
      });
      assert.equal(stored[0]!.claimIds.length, 2);
      const rows = await store.query<{ ref: string; data: unknown; spans: unknown; rules: unknown; status: string }>(
        'SELECT ref, data, spans, rules, status FROM claims WHERE extraction_id = $1 ORDER BY id',
        [stored[0]!.extractionId],
      );
      assert.deepEqual(rows[0], { ref: 'i1', data: { id: 'i1', list: [1, 'two', { three: 3 }], text: 'quote "x"' }, spans: [{ start: 0, end: 6 }], rules: ['a', 'b'], status: 'proposed' });
      assert.deepEqual(rows[1]!.data, { id: 'v1', name: 'Ḥasan' });
    });

    test('copyRows stores awkward values exactly; nextIds hands out ascending ids the rows can use', async () => {
      const texts = ['plain', 'comma, "quoted", and\nnew line\r\n', '', '\\x00 not bytes', 'Ḥasan ان', '\\.', 'NULL'];
      const rows = texts.map((t, i) => {
        const bytes = Buffer.from([i, 0x00, 0xff, 0x0a, 0x22, 0x2c]);
        return { ...report(`copy ${i}`), bytes, sha256: sha256Hex(bytes), outlet: t, source: i % 2 ? null : t };
      });
      const ids = await store.transaction(async (tx) => {
        const ids = await nextIds(tx, 'reports', 'id', rows.length);
        await tx.copyRows(
          'reports',
          [{ name: 'id' }, { name: 'sha256' }, { name: 'bytes', cast: 'bytea' }, { name: 'size' }, { name: 'outlet' }, { name: 'url' }, { name: 'published' }, { name: 'language' }, { name: 'source' }, { name: 'ingested_at' }, { name: 'ingested_by' }],
          rows.map((r, i) => [ids[i], r.sha256, r.bytes, r.bytes.length, r.outlet, r.url, r.published, r.language, r.source, ctx.at, ctx.actor]),
        );
        await tx.copyRows(
          'extractions',
          [{ name: 'report_id' }, { name: 'extractor_version' }, { name: 'warnings', cast: 'jsonb' }, { name: 'created_at' }, { name: 'created_by' }],
          [[ids[0], 'v', JSON.stringify([{ code: 'x', text: 'a "b", c' }]), ctx.at, ctx.actor]],
        );
        return ids;
      });
      assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
      assert.equal(new Set(ids).size, rows.length);
      for (const [i, r] of rows.entries()) {
        const got = await getReport(store, { id: ids[i]! });
        assert.ok(got, `report ${i}`);
        assert.deepEqual(Buffer.from(got.bytes), r.bytes);
        assert.equal(got.outlet, r.outlet);
        assert.equal(got.source, r.source, `source ${i}: null stays null, "" stays ""`);
      }
      const [ext] = await store.query<{ warnings: unknown }>('SELECT warnings FROM extractions WHERE report_id = $1', [ids[0]]);
      assert.deepEqual(ext!.warnings, [{ code: 'x', text: 'a "b", c' }]);
      // The sequence moved past the ids taken: the next ordinary insert does not collide.
      const next = await store.transaction((tx) => insertReports(tx, [report('after copy')], ctx));
      assert.ok([...next.values()][0]! > ids[ids.length - 1]!);
    });

    test('copyRows outside a transaction, over several COPY chunks: nulls, tabs, line breaks, backslashes, unicode and jsonb come back exactly', async () => {
      await store.exec('CREATE TABLE copy_probe (id integer PRIMARY KEY, t text, j jsonb, b bytea, n bigint)');
      try {
        const texts = [null, '', 'tab\there\t', 'line\nbreak\r\n', 'back\\slash \\N \\. \\t end\\', '\\', '\\.', 'NULL', '"', ',', 'Ḥasan حسن 😀 \u2028 \u0001'];
        const jsons: unknown[] = [null, { a: 'tab\t "q" \\ 😀', nested: [1, 2.5, null, true] }, [1, 'x'], 'just a string', { 'ключ': 'حسن\n' }, 0];
        const n = COPY_CHUNK * 2 + 7;
        const want = Array.from({ length: n }, (_, i) => ({
          id: i, t: texts[i % texts.length]!, j: jsons[i % jsons.length]!, b: i % 3 ? Buffer.from([i & 0xff, 0x00, 0x5c, 0x0a, 0x09]) : null, n: i % 4 ? 2 ** 40 + i : null,
        }));
        await store.copyRows('copy_probe', [{ name: 'id' }, { name: 't' }, { name: 'j', cast: 'jsonb' }, { name: 'b', cast: 'bytea' }, { name: 'n' }], want.map((r) => [r.id, r.t, jsonParam(r.j), r.b, r.n]));
        const got = await store.query<{ id: number; t: string | null; j: unknown; b: Uint8Array | null; n: number | null }>('SELECT id, t, j, b, n FROM copy_probe ORDER BY id');
        assert.equal(got.length, n);
        for (const [i, r] of got.entries()) {
          const w = want[i]!;
          assert.deepEqual([r.id, r.t, r.j, r.b ? Buffer.from(r.b) : null, r.n], [w.id, w.t, w.j, w.b, w.n], `row ${i}`);
        }
        // It is COPY on both engines (not INSERTs): the server names the COPY line that broke a constraint.
        await assert.rejects(store.copyRows('copy_probe', [{ name: 'id' }], [[n], [n]]), (err: Error & { where?: string }) => /COPY copy_probe, line 2/.test(err.where ?? ''));
        const [after] = await store.query<{ count: number }>('SELECT count(*) AS count FROM copy_probe');
        assert.equal(after!.count, n, 'the failed COPY left nothing');
      } finally {
        await store.exec('DROP TABLE copy_probe');
      }
    });

    test('copyRows is all or nothing with its transaction, and a constraint it breaks is reported', async () => {
      const r = report('copied twice');
      const cols = [{ name: 'sha256' }, { name: 'bytes', cast: 'bytea' }, { name: 'size' }, { name: 'outlet' }, { name: 'url' }, { name: 'published' }, { name: 'language' }, { name: 'source' }, { name: 'ingested_at' }, { name: 'ingested_by' }];
      const row = [r.sha256, r.bytes, r.bytes.length, r.outlet, r.url, r.published, r.language, r.source, ctx.at, ctx.actor];
      await assert.rejects(store.transaction((tx) => tx.copyRows('reports', cols, [row, row])), /duplicate key|unique/);
      assert.equal((await findReportsBySha(store, [r.sha256])).size, 0);
    });

    test('reports, extractions and the audit log cannot be updated or deleted; claim data cannot change', async () => {
      const r = report('append only');
      const stored = await store.transaction(async (tx) => {
        const ids = await insertReports(tx, [r], ctx);
        const claims = [{ ref: 'i1', kind: 'incident' as const, data: { a: 1 }, spans: [], rules: [] }];
        return insertExtractions(tx, [{ reportId: ids.get(r.sha256)!, extraction: { version: 'v', warnings: [], claims } }], ctx);
      });
      await store.transaction((tx) => appendAudit(tx, [{ ...ctx, action: 'test', entity: 'report', entityId: '1', before: null, after: { a: 1 } }]));
      const { reportId, claimIds } = stored[0]!;
      const forbidden = /forbidden|only the review state/;
      await assert.rejects(store.query("UPDATE reports SET outlet = 'x' WHERE id = $1", [reportId]), forbidden);
      await assert.rejects(store.query('DELETE FROM reports WHERE id = $1', [reportId]), forbidden);
      await assert.rejects(store.query('DELETE FROM claims WHERE id = $1', [claimIds[0]]), forbidden);
      await assert.rejects(store.query(`UPDATE claims SET data = '{"a":2}' WHERE id = $1`, [claimIds[0]]), forbidden);
      await assert.rejects(store.query("UPDATE audit_log SET actor = 'x'"), forbidden);
      await assert.rejects(store.query('DELETE FROM audit_log'), forbidden);
      await assert.rejects(store.exec('TRUNCATE audit_log'), forbidden);
      await store.query("UPDATE claims SET status = 'rejected', decided_at = 'now', decided_by = 'x' WHERE id = $1", [claimIds[0]]);
    });

    test('the audit chain verifies, and a row altered in SQL is named', async () => {
      const s = await engine.fresh();
      const entry = (i: number) => ({ at: `2025-03-08T10:00:0${i}.000Z`, actor: 'alice', action: 'claim.confirm', entity: 'claim', entityId: String(i), before: { status: 'proposed', z: 1, a: [1, { y: 2, b: null }] }, after: { status: 'confirmed', n: 1.5 } });
      await s.transaction((tx) => appendAudit(tx, [entry(1), entry(2)]));
      await s.transaction((tx) => appendAudit(tx, [entry(3), entry(4), entry(5)]));
      const ok = await verifyChain(s);
      assert.equal(ok.entries, 5);
      assert.equal(ok.firstBreak, null);
      const seqs = (await s.query<{ seq: number }>('SELECT seq FROM audit_log ORDER BY seq')).map((r) => r.seq);
      // The trigger forbids this for everyone; a test (or an attacker with DDL rights) must switch it off first.
      await s.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await s.query(`UPDATE audit_log SET after = '{"status":"rejected","n":1.5}' WHERE seq = $1`, [seqs[2]]);
      const bad = await verifyChain(s);
      assert.equal(bad.entries, 2);
      assert.equal(bad.firstBreak?.seq, seqs[2]);
      assert.equal(bad.firstBreak?.reason, 'hash_mismatch');
    });

    test('a deleted audit row breaks the link of the next one', async () => {
      const s = await engine.fresh();
      const entry = (i: number) => ({ at: `2025-03-08T10:00:0${i}.000Z`, actor: 'a', action: 'x', entity: 'e', entityId: String(i), before: null, after: null });
      await s.transaction((tx) => appendAudit(tx, [entry(1), entry(2), entry(3)]));
      const seqs = (await s.query<{ seq: number }>('SELECT seq FROM audit_log ORDER BY seq')).map((r) => r.seq);
      await s.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await s.query('DELETE FROM audit_log WHERE seq = $1', [seqs[1]]);
      const bad = await verifyChain(s);
      assert.deepEqual([bad.firstBreak?.seq, bad.firstBreak?.reason], [seqs[2], 'broken_link']);
    });

    test('concurrent audit appends chain one after the other', async () => {
      const s = await engine.fresh();
      const entry = (i: number) => ({ at: ctx.at, actor: 'a', action: 'x', entity: 'e', entityId: String(i), before: null, after: { i } });
      await Promise.all(Array.from({ length: 8 }, (_, i) => s.transaction((tx) => appendAudit(tx, [entry(i)]))));
      const v = await verifyChain(s);
      assert.equal(v.entries, 8);
      assert.equal(v.firstBreak, null);
    });
  });
}
