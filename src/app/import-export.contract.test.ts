// Imports and exports against every engine: ACLED round trip, idempotent re-import, audited updates, validation that
// imports nothing, --skip-bad-rows, formula neutralisation, victims lists, and JSON dump → restore → identical dump.
import assert from 'node:assert/strict';
import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { engines } from '../../test/support/engines.js';
import { synthCsv, synthHeader, synthLine } from '../../test/support/acled-synth.js';
import { packageRoot } from '../shared/package-root.js';
import { migratedTemplate, openPglite } from '../store/pglite.js';
import { verifyAudit } from './audit.js';
import type { AppDeps } from './deps.js';
import { exportRecords, type ExportInput } from './export.js';
import { importAcled } from './import-acled.js';
import { importJson } from './import-json.js';
import { importVictims, parseColumnMap } from './import-victims.js';

const SAMPLE = join(packageRoot(), '..', 'shared', 'data', 'acled-sample-rpanlilio-2020-04-05-global.csv');
const CODED = ['event_id_cnty', 'event_date', 'event_type', 'sub_event_type', 'actor1', 'inter1', 'actor2', 'inter2', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'time_precision', 'fatalities', 'notes', 'source'];
let clock = 0;
const now = () => new Date(Date.UTC(2025, 3, 1, 0, 0, 0, clock++)).toISOString();
const noExtract = () => {
  throw new Error('imports do not extract');
};

async function exportText(deps: AppDeps, input: Omit<ExportInput, 'out'>): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportRecords(deps, { ...input, out });
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

const count = async (deps: AppDeps, table: string) => (await deps.store.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n;

for (const engine of await engines()) {
  describe(`imports and exports: ${engine.name}`, { skip: engine.skip ?? false }, () => {
    let dir: string;
    const fresh = async (): Promise<AppDeps> => ({ store: await engine.fresh(), extract: noExtract, extractorVersion: 'test', now });
    const file = async (name: string, text: string | Buffer) => {
      const path = join(dir, name);
      await writeFile(path, text);
      return path;
    };
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'marsad-io-'));
    });
    after(async () => {
      await engine.teardown();
      await rm(dir, { recursive: true, force: true });
    });

    test('ACLED sample: import, export --format acled reproduces every row\'s coded fields', { skip: existsSync(SAMPLE) ? false : `ACLED sample absent (${SAMPLE}); the data stays out of the repository` }, async () => {
      // PGlite (in memory: the same engine, 5× faster than a data directory) takes the whole file (5,071 rows); PostgreSQL its first 400 rows, to keep the suite fast.
      const deps: AppDeps = engine.name === 'pglite' ? { store: await openPglite(undefined, await migratedTemplate()), extract: noExtract, extractorVersion: 'test', now } : await fresh();
      let path = SAMPLE;
      if (engine.name !== 'pglite') {
        const lines = (await readFile(SAMPLE, 'utf8')).split('\n');
        path = await file('sample-head.csv', lines.slice(0, 401).join('\n') + '\n');
      }
      const strict = await importAcled(deps, { file: path, actor: 'tester' });
      const original = parse(await readFile(path)) as string[][];
      if (engine.name === 'pglite') {
        // The sample's last row is cut off mid-cell: the file fails validation and nothing is imported.
        assert.equal(strict.imported, false);
        assert.equal(await count(deps, 'claims'), 0);
        assert.ok(strict.problems.every((p) => p.text.startsWith(`${path}:5072: column `)), JSON.stringify(strict.problems));
        const out = await importAcled(deps, { file: path, actor: 'tester', skipBadRows: true });
        assert.deepEqual([out.imported, out.created, out.badRows], [true, 5070, 1]);
      } else assert.equal(strict.created, 400);
      const exported = parse(await exportText(deps, { format: 'acled' })) as string[][];
      const header = original[0]!;
      assert.deepEqual(exported[0], header);
      const back = new Map(exported.slice(1).map((r) => [`${r[0]}|${r[2]}`, r]));
      let checked = 0;
      for (const row of original.slice(1)) {
        if (row.length !== header.length || row[header.indexOf('location')] === '') continue; // the cut-off row
        const b = back.get(`${row[0]}|${row[2]}`);
        assert.ok(b, `row ${row[2]} exported`);
        for (const col of CODED) assert.equal(b[header.indexOf(col)], row[header.indexOf(col)], `${row[2]} ${col}`);
        assert.deepEqual(b, row); // every cell, in fact
        checked++;
      }
      assert.equal(checked, engine.name === 'pglite' ? 5070 : 400);
      assert.equal((await verifyAudit(deps)).ok, true);
      if (engine.name === 'pglite') await deps.store.close();
    });

    test('re-importing the same file changes nothing; a changed row supersedes the old claim, audited', async () => {
      const deps = await fresh();
      const path = await file('synth.csv', synthCsv(30));
      const first = await importAcled(deps, { file: path, actor: 'tester', batchSize: 7 });
      assert.deepEqual([first.created, first.updated, first.unchanged], [30, 0, 0]);
      const audit = (await verifyAudit(deps)).entries;
      const again = await importAcled(deps, { file: path, actor: 'tester' });
      assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 30]);
      assert.equal((await verifyAudit(deps)).entries, audit);
      assert.equal(await count(deps, 'claims'), 30);

      const changed = synthCsv(30).replace(/,SYN4,(.*),(\d+),1600000004,SYR/, (_m, mid: string) => `,SYN4,${mid},99,1600000004,SYR`);
      assert.notEqual(changed, synthCsv(30));
      const upd = await importAcled(deps, { file: await file('synth2.csv', changed), actor: 'tester' });
      assert.deepEqual([upd.created, upd.updated, upd.unchanged], [0, 1, 29]);
      const claims = await deps.store.query<{ id: number; status: string; data: { fatalities: { best: number } } }>("SELECT id, status, data FROM claims WHERE ref = 'SYN4' ORDER BY id");
      assert.deepEqual(claims.map((c) => [c.status, c.data.fatalities.best]), [['rejected', 0], ['confirmed', 99]]);
      const reviews = await deps.store.query<{ action: string; comment: string; user_name: string }>('SELECT action, comment, user_name FROM reviews WHERE claim_id = $1 ORDER BY id', [claims[0]!.id]);
      assert.deepEqual(reviews.map((r) => [r.action, r.user_name]), [['confirm', 'import:acled'], ['reject', 'import:acled']]);
      assert.match(reviews[1]!.comment, new RegExp(`superseded by c${claims[1]!.id}`));
      const entry = await deps.store.query<{ action: string; after: { changed: string[] } }>("SELECT action, after FROM audit_log WHERE action = 'import.acled.update'");
      assert.deepEqual(entry.map((e) => e.after.changed), [['fatalities']]);
      assert.equal((await verifyAudit(deps)).ok, true);
      const exported = parse(await exportText(deps, { format: 'acled' }), { columns: true }) as Record<string, string>[];
      assert.equal(exported.length, 30);
      assert.equal(exported.find((r) => r.event_id_cnty === 'SYN4')!.fatalities, '99');
    });

    test('batch boundaries: new, updated and unchanged rows share a batch; a bad row in the last batch stops everything', async () => {
      const deps = await fresh();
      const tables = ['reports', 'extractions', 'claims', 'reviews', 'imported_events', 'audit_log'];
      const counts = async () => Promise.all(tables.map((t) => count(deps, t)));
      const first = await importAcled(deps, { file: await file('b1.csv', synthCsv(10)), actor: 'tester', batchSize: 4 });
      assert.deepEqual([first.created, first.updated, first.unchanged], [10, 0, 0]);
      const auditBefore = await count(deps, 'audit_log');

      // Batches of 4 over 12 rows: SYN5 changed sits in the middle of the second batch, SYN10 and SYN11 are new in the third.
      const changed = synthCsv(12).replace(/,SYN5,(.*),(\d+),1600000005,SYR/, (_m, mid: string) => `,SYN5,${mid},77,1600000005,SYR`);
      const progress: [number, number][] = [];
      const upd = await importAcled(deps, { file: await file('b2.csv', changed), actor: 'tester', batchSize: 4, onProgress: (done, total) => progress.push([done, total]) });
      assert.deepEqual([upd.created, upd.updated, upd.unchanged], [2, 1, 9]);
      assert.deepEqual(progress, [[4, 12], [8, 12], [12, 12]]);
      const syn5 = await deps.store.query<{ status: string; best: number }>("SELECT status, (data->'fatalities'->>'best')::int AS best FROM claims WHERE ref = 'SYN5' ORDER BY id");
      assert.deepEqual(syn5.map((c) => [c.status, c.best]), [['rejected', 0], ['confirmed', 77]]);
      const actions = await deps.store.query<{ action: string; entity_id: string }>('SELECT action, entity_id FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log) ORDER BY seq');
      assert.deepEqual(actions.map((a) => a.action).sort(), ['import.acled.create', 'import.acled.create', 'import.acled.update']);
      assert.equal(await count(deps, 'audit_log'), auditBefore + 3);
      assert.equal((await verifyAudit(deps)).ok, true);

      // Rows 20…29 with the last one bad: it is in the third batch, long after the first two could have been written.
      const lines = Array.from({ length: 10 }, (_, i) => synthLine(20 + i));
      lines[9] = lines[9]!.replace(/,\d+-\w{3}-\d{2},/, ',31-Feb-20,');
      const badLast = await file('b3.csv', synthHeader() + lines.join(''));
      const before = await counts();
      const refused = await importAcled(deps, { file: badLast, actor: 'tester', batchSize: 4 });
      assert.equal(refused.imported, false);
      assert.match(refused.problems[0]!.text, /b3\.csv:11: column event_date/);
      assert.deepEqual(await counts(), before, 'nothing written: no report, claim, review, import row or audit entry');
      const skipped = await importAcled(deps, { file: badLast, actor: 'tester', batchSize: 4, skipBadRows: true });
      assert.deepEqual([skipped.imported, skipped.created, skipped.badRows], [true, 9, 1]);
      assert.equal(await count(deps, 'claims'), before[2]! + 9);
      assert.equal((await verifyAudit(deps)).ok, true);
    });

    test('a malformed file gets row-numbered errors and imports nothing; --skip-bad-rows imports the rest', async () => {
      const deps = await fresh();
      const good = (i: number) => synthLine(i);
      const cases: [string, string, RegExp][] = [
        ['bad-date.csv', synthHeader() + good(0) + good(1).replace(/,\d+-\w{3}-\d{2},/, ',31-Feb-20,') + good(2), /:3: column event_date: expected a date \(9-May-20, 21 March 2020 or 2020-03-21\), got "31-Feb-20"/],
        ['bad-type.csv', synthHeader() + good(0) + good(1) + good(2).replace(/,(\d+),1600000002,SYR/, ',many,1600000002,SYR'), /:4: column fatalities: expected a whole number of deaths \(or nothing\), got "many"/],
        ['wrong-count.csv', synthHeader() + good(0) + 'only,three,cells\n' + good(2), /:3: column \(row\): expected 31 cells, got 3/],
        ['big-cell.csv', synthHeader() + good(0) + good(1).replace('synthetic event number 1 ', 'x'.repeat(10 * 1024 * 1024)) + good(2), /:3: cell 28: expected at most 1\.0 MB, got 10\.0 MB/],
      ];
      for (const [name, text, message] of cases) {
        const path = await file(name, text);
        const before = await count(deps, 'claims');
        const out = await importAcled(deps, { file: path, actor: 'tester' });
        assert.equal(out.imported, false, name);
        assert.match(out.problems.map((p) => p.text).join('\n'), message);
        assert.ok(out.problems[0]!.text.startsWith(`${path}:`));
        assert.equal(await count(deps, 'claims'), before, `${name}: nothing imported`);
        const skip = await importAcled(deps, { file: path, actor: 'tester', skipBadRows: true });
        assert.equal(skip.badRows, 1, name);
        assert.equal(skip.created + skip.unchanged, 2, name);
      }
      // Unbalanced quotes: the opened cell swallows the rest; the rows before it are good.
      const quotes = await file('quotes.csv', synthHeader() + good(10) + good(11).replace('"On', '"On "x') + good(12) + '9,760,SYN99,"unclosed\n' + good(13));
      const q = await importAcled(deps, { file: quotes, actor: 'tester' });
      assert.equal(q.imported, false);
      assert.match(q.problems.map((p) => p.text).join('\n'), /quotes\.csv:3: misplaced quote \(unbalanced quotes\)/);
      assert.match(q.problems.map((p) => p.text).join('\n'), /quotes\.csv:5: (misplaced quote|a quoted cell opened)/);
      // Missing columns: the header names them; nothing can be read, even with --skip-bad-rows.
      const missing = await file('missing.csv', synthHeader().replace('event_date,', 'date,') + good(0));
      const m = await importAcled(deps, { file: missing, actor: 'tester', skipBadRows: true });
      assert.equal(m.imported, false);
      assert.match(m.problems[0]!.text, /missing\.csv:1: missing required column event_date/);
      // A duplicate event id with other values inside one file.
      const dup = await file('dup.csv', synthHeader() + good(20) + good(20).replace('Synthetic Wire', 'Another Wire'));
      const d = await importAcled(deps, { file: dup, actor: 'tester' });
      assert.match(d.problems[0]!.text, /dup\.csv:3: key SYN20 already appears on row 2 with other values/);
    });

    test('a key given again with other values is refused by row, 2 and 200,000 rows apart; problems stay in row order', async () => {
      const deps = await fresh();
      // 200,010 data rows, written streaming: SYN1 comes back changed 2 rows later, SYN5 200,000 rows later, and a bad
      // date between them must sit between the two conflicts in the problem list.
      const path = join(dir, 'far.csv');
      const out = createWriteStream(path);
      const write = async (s: string) => {
        if (!out.write(s)) await once(out, 'drain');
      };
      await write(synthHeader());
      const rows = 200_010;
      for (let i = 0; i < rows; i++) {
        // Data row n (the header is row 1) holds event i = n - 2, except the planted ones.
        const n = i + 2;
        if (n === 5) await write(synthLine(1).replace('Synthetic Wire', 'Another Wire'));
        else if (n === 9) await write(synthLine(i).replace(/,\d+-\w{3}-\d{2},/, ',31-Feb-20,'));
        else if (n === 7 + 200_000) await write(synthLine(5).replace('synthetic event number 5 ', 'event five '));
        else await write(synthLine(i));
      }
      out.end();
      await once(out, 'finish');
      const before = await count(deps, 'claims');
      const refused = await importAcled(deps, { file: path, actor: 'tester' });
      assert.equal(refused.imported, false);
      assert.equal(refused.rows, rows);
      assert.deepEqual([refused.problemCount, refused.badRows], [3, 3], JSON.stringify(refused.problems));
      assert.deepEqual(refused.problems.map((p) => [p.row, p.text.replace(/^.*far\.csv:/, '')]), [
        [5, '5: key SYN1 already appears on row 3 with other values (one file must give one version of an event)'],
        [9, '9: column event_date: expected a date (9-May-20, 21 March 2020 or 2020-03-21), got "31-Feb-20"'],
        [200_007, '200007: key SYN5 already appears on row 7 with other values (one file must give one version of an event)'],
      ]);
      assert.equal(await count(deps, 'claims'), before, 'nothing imported');
      // The kept problems are the first ones by row, whichever check found them; the count covers all.
      const capped = await importAcled(deps, { file: path, actor: 'tester', maxProblems: 2 });
      assert.deepEqual([capped.problemCount, capped.problems.map((p) => p.row)], [3, [5, 9]]);
      const scratch = await deps.store.query<{ n: number }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'import_scratch'");
      assert.equal(scratch[0]!.n, 0, 'the scratch tables are dropped');
    });

    test('a row repeating an earlier one identically counts as repeated; with --skip-bad-rows conflicts are left out', async () => {
      const deps = await fresh();
      const good = (i: number) => synthLine(i);
      const path = await file('repeats.csv', synthHeader() + good(0) + good(1) + good(0) + good(1).replace('Synthetic Wire', 'Another Wire') + good(2) + good(0) + good(1));
      const refused = await importAcled(deps, { file: path, actor: 'tester' });
      assert.equal(refused.imported, false);
      assert.deepEqual(refused.problems.map((p) => p.row), [5]);
      const first = await importAcled(deps, { file: path, actor: 'tester', skipBadRows: true });
      assert.deepEqual([first.imported, first.created, first.updated, first.unchanged, first.repeated, first.badRows], [true, 3, 0, 0, 3, 1]);
      const repeats = await file('repeats-only.csv', synthHeader() + good(0) + good(1) + good(0) + good(2) + good(1));
      const again = await importAcled(deps, { file: repeats, actor: 'tester' });
      assert.deepEqual([again.imported, again.created, again.unchanged, again.repeated, again.problemCount], [true, 0, 3, 2, 0]);
      assert.equal(await count(deps, 'claims'), 3);
    });

    test('2023 layout with "21 March 2020" dates round-trips; exported cells cannot start a formula', async () => {
      const deps = await fresh();
      const text = synthCsv(12, '2023').replace('Synthetic Actor 3,', '"=HYPERLINK(""http://evil.example"")",').replace('Synthetic Wire', '@SUM(1+1)');
      const path = await file('y2023.csv', text);
      const out = await importAcled(deps, { file: path, actor: 'tester' });
      assert.equal(out.created, 12, JSON.stringify(out.problems));
      const csv = await exportText(deps, { format: 'acled' });
      const rows = parse(csv) as string[][];
      const original = parse(text) as string[][];
      assert.deepEqual(rows[0], original[0]);
      assert.match(rows[1]![1]!, /^1 January 2020$/);
      const evil = rows.find((r) => r[0] === 'SYN3')!;
      assert.equal(evil[7], `'=HYPERLINK("http://evil.example")`);
      assert.equal(rows.find((r) => r[0] === 'SYN0')![25], "'@SUM(1+1)");
      assert.ok(rows.slice(1).every((r) => r.every((c) => !/^[=+@\t\r]/.test(c) && !/^-(?!\d+(\.\d+)?$)/.test(c))));
      for (const [i, r] of rows.slice(1).entries()) if (r[0] !== 'SYN3' && r[0] !== 'SYN0') assert.deepEqual(r, original[i + 1]);
      // The other formats: filters, GeoJSON points, UCDP categories.
      const geo = JSON.parse(await exportText(deps, { format: 'geojson', place: 'Yemen' })) as { type: string; features: { geometry: { coordinates: number[] } }[] };
      assert.equal(geo.type, 'FeatureCollection');
      assert.equal(geo.features.length, 4);
      assert.deepEqual(geo.features[0]!.geometry.coordinates, [44.0209, 13.5795]);
      const ucdp = parse(await exportText(deps, { format: 'ucdp' }), { columns: true }) as Record<string, string>[];
      assert.ok(ucdp.every((r) => ['1', '2', '3'].includes(r.type_of_violence!)));
      const vac = ucdp.find((r) => r.relid === 'SYN2')!;
      assert.deepEqual([vac.type_of_violence, vac.side_b, vac.deaths_civilians, vac.best], ['3', 'Civilians', '0', '0']);
      const flat = parse(await exportText(deps, { format: 'csv', from: '2020-01-03', to: '2020-01-05' }), { columns: true }) as Record<string, string>[];
      assert.deepEqual(flat.map((r) => r.date_start), ['2020-01-03', '2020-01-04', '2020-01-05']);
    });

    test('victims list with a column map becomes confirmed victim claims; bad rows are numbered', async () => {
      const deps = await fresh();
      const text = 'Full Name,Gender,Age,Date of death,Place of death,Status,Source\nShinda Adel Kisho,F,22,2025-03-07,Qamishli,civilian,SOHR\nAhmad Ali,m,,8 March 2025,Jableh,soldier,SANA\nNo Date,x,200,someday,,alien,\n';
      const path = await file('victims.csv', text);
      const map = parseColumnMap('name=Full Name,sex=Gender,date=Date of death,category=Status');
      const strict = await importVictims(deps, { file: path, actor: 'tester', columnMap: map });
      assert.equal(strict.imported, false);
      const msgs = strict.problems.map((p) => p.text).join('\n');
      for (const re of [/victims\.csv:4: column Gender: expected male, female/, /:4: column Age: expected a whole number/, /:4: column Date of death: expected a date/, /:4: column Status: expected civilian/]) assert.match(msgs, re);
      const out = await importVictims(deps, { file: path, actor: 'tester', columnMap: map, skipBadRows: true });
      assert.deepEqual([out.created, out.badRows], [2, 1]);
      const claims = await deps.store.query<{ status: string; decided_by: string; data: Record<string, unknown> }>("SELECT status, decided_by, data FROM claims WHERE kind = 'victim' ORDER BY id");
      assert.deepEqual(claims.map((c) => [c.status, c.decided_by, c.data.name, c.data.sex, c.data.category]), [
        ['confirmed', 'import:victims', 'Shinda Adel Kisho', 'female', 'civilians'],
        ['confirmed', 'import:victims', 'Ahmad Ali', 'male', 'stateForces'],
      ]);
      assert.deepEqual(claims[1]!.data.date, { start: '2025-03-08', end: '2025-03-08' });
      const again = await importVictims(deps, { file: path, actor: 'tester', columnMap: map, skipBadRows: true });
      assert.deepEqual([again.created, again.unchanged], [0, 2]);
    });

    test('JSON dump → empty store → import json → an identical dump', async () => {
      const deps = await fresh();
      await importAcled(deps, { file: await file('d1.csv', synthCsv(40)), actor: 'tester' });
      const changed = synthCsv(40).replace('synthetic event number 7 ', 'synthetic event number seven ');
      await importAcled(deps, { file: await file('d2.csv', changed), actor: 'tester' });
      await importVictims(deps, { file: await file('v.csv', 'name,sex,date\nA B,f,2025-01-02\n'), actor: 'tester' });
      const dump = await exportText(deps, { format: 'json' });
      const path = await file('dump.jsonl', dump);
      const target = await fresh();
      const restored = await importJson(target, path);
      assert.equal(restored.rows.claims, 42);
      const again = await exportText(target, { format: 'json' });
      const sorted = (s: string) => s.split('\n').sort().join('\n');
      assert.equal(sorted(again), sorted(dump));
      assert.equal(again, dump); // in fact, same order too
      assert.equal((await verifyAudit(target)).ok, true);
      // Sequences continue after the restored ids; a second restore into a store with data is refused.
      await importAcled(target, { file: await file('d3.csv', synthCsv(41)), actor: 'tester' });
      assert.equal((await verifyAudit(target)).ok, true);
      await assert.rejects(importJson(target, path), /not empty/);
      assert.ok(!dump.includes('"token_hash"') || /"tokenHashes":false/.test(dump));
    });
  });
}
