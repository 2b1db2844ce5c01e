// API throughput on loopback (autocannon): requests/s and p50/p99 latency for the incidents list and a tally over a
// store seeded with many reviewed incident claims. Part of `npm run bench` (bench name: http).
// MARSAD_BENCH_HTTP_N sets the incident count (default 100,000), MARSAD_BENCH_HTTP_SECONDS the duration of each run (10).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { defaultDeps } from '../src/app/deps.js';
import { addUser } from '../src/app/users.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { fmt, packageRoot, registerBench, type BenchRow } from './registry.js';

const N = Number(process.env.MARSAD_BENCH_HTTP_N ?? 100_000);
const SECONDS = Number(process.env.MARSAD_BENCH_HTTP_SECONDS ?? 10);
const PER_REPORT = 100;
const CONNECTIONS = 10;
/** An endpoint slower than this for one request is timed once, not loaded. */
const SLOW_MS = 2000;

/** 40 places in Syria's 14 governorates: filters by place select 1/40 of the incidents. */
const PLACES: [string, string, number, number][] = [
  ['Latakia', 'Latakia', 35.53, 35.79], ['Jableh', 'Latakia', 35.36, 35.92], ['Al-Haffah', 'Latakia', 35.6, 36.03], ['Qardaha', 'Latakia', 35.45, 36.06],
  ['Tartus', 'Tartus', 34.89, 35.89], ['Baniyas', 'Tartus', 35.18, 35.95], ['Safita', 'Tartus', 34.82, 36.12], ['Homs', 'Homs', 34.73, 36.72],
  ['Talkalakh', 'Homs', 34.67, 36.26], ['Al-Qusayr', 'Homs', 34.51, 36.58], ['Hama', 'Hama', 35.13, 36.75], ['Masyaf', 'Hama', 35.07, 36.34],
  ['Salamiyah', 'Hama', 35.01, 37.05], ['Idlib', 'Idlib', 35.93, 36.63], ['Saraqib', 'Idlib', 35.86, 36.8], ['Maarat al-Numan', 'Idlib', 35.64, 36.67],
  ['Aleppo', 'Aleppo', 36.2, 37.16], ['Manbij', 'Aleppo', 36.53, 37.95], ['Al-Bab', 'Aleppo', 36.37, 37.52], ['Afrin', 'Aleppo', 36.51, 36.87],
  ['Damascus', 'Damascus', 33.51, 36.29], ['Douma', 'Rif Dimashq', 33.57, 36.4], ['Jaramana', 'Rif Dimashq', 33.49, 36.35], ['Zabadani', 'Rif Dimashq', 33.72, 36.1],
  ['Daraa', 'Daraa', 32.62, 36.1], ['Busra al-Harir', 'Daraa', 32.84, 36.34], ['Suwayda', 'As-Suwayda', 32.71, 36.57], ['Shahba', 'As-Suwayda', 32.85, 36.63],
  ['Quneitra', 'Quneitra', 33.13, 35.82], ['Raqqa', 'Ar-Raqqah', 35.95, 39.01], ['Tabqa', 'Ar-Raqqah', 35.84, 38.55], ['Deir ez-Zor', 'Deir ez-Zor', 35.34, 40.14],
  ['Al-Mayadin', 'Deir ez-Zor', 35.02, 40.45], ['Al-Bukamal', 'Deir ez-Zor', 34.45, 40.92], ['Hasakah', 'Al-Hasakah', 36.5, 40.75], ['Qamishli', 'Al-Hasakah', 37.05, 41.23],
  ['Ras al-Ayn', 'Al-Hasakah', 36.85, 40.07], ['Kobani', 'Aleppo', 36.89, 38.35], ['Palmyra', 'Homs', 34.56, 38.27], ['Sheikh Maqsoud', 'Aleppo', 36.23, 37.16],
];

/** Batched SQL through the store: reports and extractions first, then incident claims 10,000 rows per statement. */
async function seed(store: Store, n: number): Promise<void> {
  const reports = Math.ceil(n / PER_REPORT);
  const at = '2025-01-01T00:00:00.000Z';
  await store.query(
    `INSERT INTO reports (id, sha256, bytes, size, outlet, url, published, language, source, ingested_at, ingested_by)
     SELECT i, encode(sha256(b), 'hex'), b, octet_length(b), 'Bench Wire', 'https://bench.test/' || i, p, 'en', NULL, $2, 'bench'
       FROM (SELECT i, p, convert_to('outlet: Bench Wire' || chr(10) || 'published: ' || p || chr(10) || 'url: https://bench.test/' || i || chr(10) || chr(10)
                    || 'Report ' || i || ': people were killed in an attack on the village, SOHR reported.' || chr(10), 'UTF8') AS b
               FROM (SELECT i, to_char(date '2024-01-01' + (i % 730), 'YYYY-MM-DD') AS p FROM generate_series(1, $1::int) i) d) r`,
    [reports, at],
  );
  await store.query(
    `INSERT INTO extractions (id, report_id, extractor_version, warnings, created_at, created_by) SELECT i, i, 'bench', '[]', $2, 'bench' FROM generate_series(1, $1::int) i`,
    [reports, at],
  );
  const places = PLACES.map(([name, admin1, lat, lon], k) => `(${k}, '${name.replace(/'/g, "''")}', '${admin1}', ${lat}, ${lon})`).join(', ');
  const BATCH = 10_000;
  for (let start = 0; start < n; start += BATCH) {
    await store.query(
      `WITH p(k, name, admin1, lat, lon) AS (VALUES ${places})
       INSERT INTO claims (extraction_id, report_id, ref, kind, status, data, spans, rules, created_at, decided_at, decided_by)
       SELECT 1 + g / ${PER_REPORT}, 1 + g / ${PER_REPORT}, 'i' || (g % ${PER_REPORT}), 'incident', 'confirmed',
              jsonb_build_object(
                'id', 'i' || (g % ${PER_REPORT}), 'kind', 'incident', 'spans', '[]'::jsonb, 'rules', '[]'::jsonb, 'warnings', '[]'::jsonb,
                'date', jsonb_build_object('start', d, 'end', d), 'datePrecision', 'day',
                'places', jsonb_build_array(jsonb_build_object('name', p.name, 'aliases', jsonb_build_array(p.name), 'geonameId', NULL, 'featureCode', 'PPL',
                  'country', 'SY', 'admin1', p.admin1, 'admin2', NULL, 'lat', p.lat, 'lon', p.lon, 'geoPrecision', 1, 'role', 'event', 'spans', '[]'::jsonb)),
                'eventType', CASE WHEN g % 3 = 0 THEN 'Battles' ELSE 'Violence against civilians' END,
                'subEventType', CASE WHEN g % 3 = 0 THEN 'Armed clash' ELSE 'Attack' END,
                'actors', jsonb_build_array(jsonb_build_object('name', CASE WHEN g % 2 = 0 THEN 'state forces' ELSE 'pro-Assad militias' END,
                  'type', CASE WHEN g % 2 = 0 THEN 'stateForces' ELSE 'politicalMilitia' END, 'spans', '[]'::jsonb)),
                'fatalities', jsonb_build_object('low', 1 + g % 20, 'best', 1 + g % 20, 'high', 1 + g % 20,
                  'byCategory', jsonb_build_object(CASE WHEN g % 3 = 0 THEN 'stateForces' ELSE 'civilians' END, 1 + g % 20)),
                'qualifier', 'exact', 'injured', NULL, 'missing', NULL, 'arrested', NULL, 'figures', '[]'::jsonb,
                'attributions', jsonb_build_array(jsonb_build_object('source', 'SOHR', 'verb', 'reported', 'spans', '[]'::jsonb)),
                'evidence', '[]'::jsonb, 'disputes', '[]'::jsonb),
              '[{"start": 0, "end": 40}]'::jsonb, '[]'::jsonb, $3, $3, 'bench'
         FROM (SELECT g, to_char(date '2024-01-01' + ((g / ${PER_REPORT}) % 730), 'YYYY-MM-DD') AS d FROM generate_series($1::int, $2::int) g) s
         JOIN p ON p.k = s.g % ${PLACES.length}`,
      [start, Math.min(n, start + BATCH) - 1, at],
    );
  }
  for (const t of ['reports', 'extractions']) await store.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), $1)`, [reports]);
  await store.exec('ANALYZE');
}

async function startChild(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(packageRoot, 'src', 'cli.ts'), 'serve', '--port', '0', '--data', dataDir], {
    cwd: packageRoot,
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /serving (http:\/\/\S+)\/api/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`marsad serve exited ${code}: ${out}`)));
  });
  return { url, child };
}

async function load(url: string, token: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: 60, headers: { authorization: `Bearer ${token}` } });
}

registerBench({
  name: 'http',
  title: `HTTP API on loopback (autocannon, ${CONNECTIONS} connections, ${SECONDS} s per endpoint, PGlite)`,
  async run(opts) {
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    const dir = await mkdtemp(join(tmpdir(), 'marsad-bench-http-'));
    let child: ChildProcess | null = null;
    try {
      const data = join(dir, 'data');
      const store = await openStore({ dataDir: data });
      const t0 = performance.now();
      await seed(store, N);
      const seedS = (performance.now() - t0) / 1000;
      const { token } = await addUser(await defaultDeps(store), { name: 'bench', role: 'viewer', by: null, operator: 'bench' });
      await store.close();
      notes.push(`${fmt.int(N)} confirmed incident claims in ${fmt.int(Math.ceil(N / PER_REPORT))} reports, seeded with batched INSERT … SELECT in ${seedS.toFixed(1)} s`);
      opts.log(`http: seeded ${N} incidents in ${seedS.toFixed(1)} s; starting marsad serve`);
      const started = await startChild(data);
      child = started.child;
      const runs: [string, string][] = [
        ['GET /api/incidents (first page, 50)', '/api/incidents'],
        ['GET /api/incidents?place=Latakia&from&to (filtered)', '/api/incidents?place=Latakia&from=2024-06-01&to=2024-12-31'],
        ['GET /api/tally?place=Latakia', '/api/tally?place=Latakia'],
        ['GET /api/tally?place=Latakia&from&to&by=day', '/api/tally?place=Latakia&from=2024-06-01&to=2024-12-31&by=day'],
      ];
      const once = async (path: string): Promise<number> => {
        const t = performance.now();
        const res = await fetch(started.url + path, { headers: { authorization: `Bearer ${token}` } });
        if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
        return performance.now() - t;
      };
      for (const [label, path] of runs) {
        // The first request after a change to the record computes; the tally route keeps its answer until the next
        // change (src/http/memo.ts), so the load run below measures what readers get between changes.
        const first = await once(path);
        rows.push({ metric: `${label}: first request`, value: fmt.ms(first) });
        const again = await once(path);
        if (again > SLOW_MS) {
          // Under load such an endpoint would only queue requests behind one another: report the single request.
          rows.push({ metric: `${label}: second request (load run skipped: over ${SLOW_MS / 1000} s)`, value: fmt.ms(again) });
          opts.log(`http: ${label}: ${fmt.ms(first)}, then ${fmt.ms(again)}; too slow for a load run`);
          continue;
        }
        opts.log(`http: ${label}: first request ${fmt.ms(first)}, second ${fmt.ms(again)}; load for ${SECONDS} s`);
        const r = await load(started.url + path, token, SECONDS);
        const bad = r.non2xx + r.errors + r.timeouts;
        rows.push({ metric: `${label}: requests/s`, value: fmt.rate(r.requests.average, 'req/s') });
        rows.push({ metric: `${label}: latency p50 / p99`, value: `${fmt.ms(r.latency.p50)} / ${fmt.ms(r.latency.p99)}` });
        if (bad) notes.push(`${label}: ${bad} failed requests (non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts})`);
      }
      notes.push('each request authenticates a viewer token (one SHA-256 lookup) and validates the response with zod');
      notes.push('a tally is computed on the first request after a change to the record (the audit head moves) and kept until the next one');
    } finally {
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child!.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    }
    return { rows, notes };
  },
});
