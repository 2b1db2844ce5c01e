// A filtered tally reads only the claims near its place and window: on a seeded record with towns, provinces,
// country-level places, ranges, tolls, victims, every review status and analysts' merges and splits, it must give
// what the tally over every counted claim gives, for many places, windows and groupings. Also the SQL place key
// (migration 4) against placeKey, and its area terms against areaTermsOf.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { engines } from '../../test/support/engines.js';
import { placeKey } from '../gazetteer/normalize.js';
import { insertLinkDecision } from '../store/links.js';
import type { Store } from '../store/store.js';
import type { AppDeps } from './deps.js';
import { listClusters, proposeLinks } from './link.js';
import { areaTermsOf } from './link-corpus.js';
import { listTollCoverageWith } from './toll-coverage.js';
import { tallyWith, type TallyInput, type TallyOutput } from './tally.js';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Towns (two pairs within a grid cell, across a provincial border), a province-level place, a place without
// coordinates, a country-level one, and a non-ASCII spelling.
const PLACES = [
  { name: 'Latakia', aliases: ['Al-Lattakia'], admin1: 'Latakia', lat: 35.53, lon: 35.79, featureCode: 'PPLA' },
  { name: 'Jableh', aliases: ['Jabla'], admin1: 'Latakia', lat: 35.36, lon: 35.92, featureCode: 'PPL' },
  { name: 'Baniyas', aliases: [], admin1: 'Tartus', lat: 35.18, lon: 35.95, featureCode: 'PPL' },
  { name: 'Tartus', aliases: ['Tartous'], admin1: 'Tartus', lat: 34.89, lon: 35.89, featureCode: 'PPLA' },
  { name: 'Latakia Governorate', aliases: ['Latakia'], admin1: 'Latakia', lat: 35.6, lon: 36.0, featureCode: 'ADM1', geoPrecision: 3 },
  { name: 'Qardaha', aliases: [], admin1: 'Latakia', lat: null, lon: null, featureCode: 'PPL' },
  { name: 'Syria', aliases: [], admin1: null, lat: null, lon: null, featureCode: 'PCLI', geoPrecision: 4 },
  { name: 'Ḥamāh', aliases: ['Hama'], admin1: 'Hama', lat: 35.13, lon: 36.75, featureCode: 'PPLA' },
];

const place = (k: number) => {
  const p = PLACES[k]!;
  return { geonameId: null, country: 'SY', admin2: null, geoPrecision: 1, role: 'event', spans: [], ...p };
};
const day = (n: number): string => new Date(Date.UTC(2025, 2, 1) + n * 86_400_000).toISOString().slice(0, 10);
const TYPES = ['Battles', 'Violence against civilians', 'Explosions/Remote violence'];
const NAMES = ['Ahmed Abu Salah', 'Ahmad Abusalah', 'Layla Hassan', 'Laila Hasan', 'Omar Khalil', 'Umar Khaleel'];

async function seed(store: Store, r: () => number): Promise<void> {
  const at = '2025-06-01T00:00:00.000Z';
  const int = (n: number) => Math.floor(r() * n);
  await store.query("INSERT INTO users (name, role, token_hash, created_at, created_by) VALUES ('alice', 'analyst', repeat('a', 64), $1, 'test')", [at]);
  const statuses = ['confirmed', 'confirmed', 'confirmed', 'proposed', 'rejected', 'corrected'];
  const incidentIds: number[] = [];
  const victimIds: number[] = [];
  for (let rep = 1; rep <= 90; rep++) {
    const published = day(int(60));
    await store.query(
      `INSERT INTO reports (sha256, bytes, size, outlet, url, published, language, source, ingested_at, ingested_by)
       VALUES (encode(sha256($1::bytea), 'hex'), $1::bytea, octet_length($1::bytea), $2, 'unknown', $3, 'en', NULL, $4, 'test')`,
      [Buffer.from(`report ${rep}`), `Outlet ${rep % 7}`, published, at],
    );
    // Some reports were re-extracted: the claims of the current extraction count, the others not.
    const extractions = rep % 9 === 0 ? 2 : 1;
    for (let x = 1; x <= extractions; x++) {
      const [e] = await store.query<{ id: number }>("INSERT INTO extractions (report_id, extractor_version, created_at, created_by) VALUES ($1, 'test', $2, 'test') RETURNING id", [rep, at]);
      const claims: [string, string, string, unknown][] = [];
      const ni = 1 + int(3);
      for (let i = 1; i <= ni; i++) {
        const start = int(60);
        const long = r() < 0.1;
        const best = 1 + int(r() < 0.2 ? 80 : 12);
        const ps = [place(int(PLACES.length))];
        if (r() < 0.15) ps.push(place(int(PLACES.length)));
        claims.push([`i${i}`, 'incident', statuses[int(statuses.length)]!, {
          id: `i${i}`, kind: 'incident',
          date: r() < 0.05 ? null : { start: day(start), end: day(start + (long ? 1 + int(80) : r() < 0.2 ? 1 : 0)) },
          datePrecision: long ? 'range' : r() < 0.2 ? 'approximate' : 'day',
          places: ps, eventType: TYPES[int(TYPES.length)], actors: [{ name: 'state forces', type: r() < 0.5 ? 'stateForces' : 'politicalMilitia' }],
          fatalities: { low: best - int(2) > 0 ? best - int(2) : best, best, high: r() < 0.2 ? null : best + int(5), byCategory: { civilians: Math.floor(best / 2) } },
          qualifier: 'exact', figures: [{ value: best, outcome: 'killed' }],
        }]);
      }
      if (r() < 0.35) {
        const start = int(60);
        claims.push(['t1', 'toll', statuses[int(statuses.length)]!, {
          id: 't1', kind: 'toll', date: { start: day(start), end: day(start + int(10)) }, places: [place(int(PLACES.length))],
          fatalities: { low: 20 + int(60), best: 20 + int(60), high: null, byCategory: {} }, qualifier: 'at_least', components: [],
        }]);
      }
      const nv = int(3);
      for (let v = 1; v <= nv; v++) {
        // A victim tied to an incident died on its date (a limit of the filtered read: see loadScopedCorpus).
        const incident = r() < 0.6 ? 1 + int(ni) : null;
        const own = incident !== null ? ((claims[incident - 1]![3] as { date: { start: string } | null }).date?.start ?? null) : day(int(60));
        claims.push([`v${v}`, 'victim', statuses[int(statuses.length)]!, {
          id: `v${v}`, kind: 'victim', name: NAMES[int(NAMES.length)], sex: r() < 0.5 ? 'male' : null, age: r() < 0.5 ? 30 + int(3) : null,
          category: 'civilians', date: r() < 0.2 || own === null ? null : { start: own, end: own }, place: r() < 0.2 ? null : place(int(PLACES.length)),
          incident: incident !== null ? `i${incident}` : null,
        }]);
      }
      for (const [ref, kind, status, data] of claims) {
        const corrected = status === 'corrected' ? JSON.stringify({ ...(data as object), ...(kind === 'incident' ? { fatalities: { low: 3, best: 4, high: 5, byCategory: {} } } : {}) }) : null;
        const [c] = await store.query<{ id: number }>(
          `INSERT INTO claims (extraction_id, report_id, ref, kind, status, data, corrected, created_at, decided_at, decided_by)
           VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7::text::jsonb, $8, CASE WHEN $5 = 'proposed' THEN NULL ELSE $8 END, CASE WHEN $5 = 'proposed' THEN NULL ELSE 'alice' END) RETURNING id`,
          [e!.id, rep, ref, kind, status, JSON.stringify(data), corrected, at],
        );
        (kind === 'incident' ? incidentIds : kind === 'victim' ? victimIds : []).push(c!.id);
      }
    }
  }
  // Analysts' decisions: merges far apart in time and place, splits, an undone merge.
  for (const [ids, kind] of [[incidentIds, 'incident'], [victimIds, 'victim']] as const) {
    for (let k = 0; k < 12; k++) {
      const a = ids[int(ids.length)]!;
      const b = ids[int(ids.length)]!;
      if (a === b) continue;
      const [x, y] = a < b ? [a, b] : [b, a];
      const verdict = k % 4 === 3 ? 'split' : 'merge';
      await insertLinkDecision(store, { kind, a: x, b: y, verdict, user_name: 'alice', at, comment: null });
      if (k % 5 === 4) await insertLinkDecision(store, { kind, a: x, b: y, verdict: 'undo', user_name: 'alice', at, comment: null });
    }
  }
}

/** The result without `counted.mergedEvents`, which a filtered tally counts among the claims it read. */
const comparable = (t: TallyOutput) => ({ ...t, counted: { ...t.counted, mergedEvents: 0 } });

for (const engine of await engines()) {
  describe(`filtered tallies read less and count the same: ${engine.name}`, { skip: engine.skip ?? false }, () => {
    let deps: AppDeps;
    before(async () => {
      const store = await engine.fresh();
      deps = { store, extract: () => { throw new Error('not used'); }, extractorVersion: 'test', now: () => '2025-06-10T00:00:00.000Z' };
      await seed(store, rng(4));
    });
    after(() => engine.teardown());

    test('every place, window and grouping: the scoped tally equals the full one', async () => {
      const places = [undefined, 'Latakia', 'Jabla', 'al lattakia', 'Tartus', 'Hama', 'Syria', 'Qardaha', 'Nowhere'];
      const windows: [string | undefined, string | undefined][] = [[undefined, undefined], [day(10), day(16)], [day(0), day(29)], [day(20), undefined], [undefined, day(5)], [day(33), day(33)]];
      let compared = 0;
      for (const p of places) {
        for (const [from, to] of windows) {
          for (const includeProposed of [false, true]) {
            for (const by of [undefined, 'category', 'admin1', 'day'] as const) {
              if (by && (p !== 'Latakia' || from === undefined)) continue;
              const q: TallyInput = { place: p, from, to, by, includeProposed };
              const full = await tallyWith(deps, q, 'full');
              const scoped = await tallyWith(deps, q, 'scoped');
              assert.deepEqual(comparable(scoped), comparable(full), JSON.stringify(q));
              if (!includeProposed) assert.equal(scoped.counted.mergedEvents, full.counted.mergedEvents, 'merges are read wherever they are');
              compared++;
            }
          }
        }
      }
      assert.ok(compared > 100);
    });

    test('the toll coverage listing reads around the tolls\' windows and lists what the full read lists', async () => {
      for (const includeProposed of [false, true]) {
        const full = await listTollCoverageWith(deps, { includeProposed }, 'full');
        assert.ok(full.tolls.length > 5 && full.tolls.some((t) => t.events.length > 0), 'the seeded tolls cover events');
        assert.deepEqual(await listTollCoverageWith(deps, { includeProposed }, 'scoped'), full);
        const some = full.tolls.filter((_, k) => k % 3 === 0).map((t) => t.claim);
        assert.deepEqual(await listTollCoverageWith(deps, { includeProposed, tolls: some }, 'scoped'), await listTollCoverageWith(deps, { includeProposed, tolls: some }, 'full'));
      }
    });

    test('the SQL place terms fold names as placeKey does (ASCII), and mark other scripts', async () => {
      const names = ['Latakia', 'Al-Lattakia', 'al Lattakia', "Ma'arrat al-Nu'man", 'Deir ez-Zor', 'Khan  Yunis', 'As', 'An Nabk', 'Shah', 'Sheikh Maqsoud', 'Kirovohrad Oblast', 'A-B`C', '', '  ', 'Ḥamāh', 'Hama '];
      for (const n of names) {
        const [row] = await deps.store.query<{ terms: string[] }>(
          `SELECT marsad_place_terms(jsonb_build_object('places', jsonb_build_array(jsonb_build_object('name', $1::text)))) AS terms`,
          [n],
        );
        const expected = /[^\x01-\x7f]/.test(n) ? '*' : placeKey(n);
        assert.deepEqual(row!.terms, [`k:${expected}`], n);
      }
    });

    test('the area terms worked out in TypeScript are those of the SQL function (a:, g:, c:)', async () => {
      const docs: Record<string, unknown>[] = [
        { places: PLACES.map((_, k) => place(k)) },
        { places: [{ name: 'X', country: 'SY', admin1: '', lat: -0.1, lon: 179.99 }, { name: 'Y', admin1: 'Idlib', lat: 35.93 }] },
        { places: [{ name: 'Z', country: null, admin1: 'Homs', lat: '34.7', lon: 36.7 }, { name: 'W', country: 'UA' }, { name: 'V' }, 'not a place', null] },
        { places: [{ name: 'N', country: 7, admin1: 'Some Oblast', lat: 48.123456789012345, lon: 35.000000000000001 }] },
        { place: { name: 'Jableh', country: 'SY', admin1: 'Latakia', lat: 35.36, lon: 35.92 } },
        { place: [{ name: 'not an object' }] },
        { places: 'nowhere' },
        {},
      ];
      // As stored: jsonb keeps every digit of a number, which the database and JSON.parse must round alike.
      const texts = [...docs.map((d) => JSON.stringify(d)), '{"places":[{"name":"P","country":"SY","lat":35.2499999999999999999,"lon":-0.0000000000000000001}]}'];
      for (const text of texts) {
        const [row] = await deps.store.query<{ terms: string[] }>('SELECT marsad_place_terms($1::text::jsonb) AS terms', [text]);
        assert.deepEqual(areaTermsOf(JSON.parse(text) as Record<string, unknown>), row!.terms.filter((t) => !t.startsWith('k:')), text);
      }
    });

    test('proposals and clusters take the same filters and agree with the full listing inside them', async () => {
      const all = await proposeLinks(deps, { kind: 'incident', includeProposed: true });
      const some = await proposeLinks(deps, { kind: 'incident', includeProposed: true, place: 'Latakia', from: day(10), to: day(16) });
      assert.ok(some.records <= all.records);
      const key = (p: { a: string; b: string }) => `${p.a}/${p.b}`;
      const full = new Map(all.pairs.map((p) => [key(p), p]));
      for (const p of some.pairs) assert.deepEqual(p, full.get(key(p)), key(p));
      const clusters = await listClusters(deps, { kind: 'incident', place: 'Latakia', from: day(10), to: day(16) });
      assert.ok(clusters.clusters.length <= (await listClusters(deps, { kind: 'incident' })).clusters.length);
    });
  });
}
