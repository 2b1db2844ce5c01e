// The reviewed-incidents list's filters against every engine: each filter, alone and combined, lists exactly the
// claims a plain reading of its description selects, in id order, across pages of any size.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { engines } from '../../test/support/engines.js';
import { fakeExtract } from '../../test/support/fake-extract.js';
import type { AppDeps } from './deps.js';
import { listIncidents, type IncidentFilter } from './read-models.js';

interface Place { name: string; aliases?: string[]; admin1: string | null; admin2: string | null; country: string | null }
interface Seeded { id: number; status: string; kind: string; cur: { date: { start: string; end: string } | null; places: Place[]; eventType: string; subEventType: string; actors: { name: string }[]; fatalities: { byCategory: Record<string, number> } } }

const PLACES: Place[] = [
  { name: 'Latakia', aliases: ['Al-Ladhiqiyah'], admin1: 'Latakia', admin2: 'Latakia', country: 'SY' },
  { name: 'Jableh', admin1: 'Latakia', admin2: 'Jableh', country: 'SY' },
  { name: 'Douma', admin1: 'Rif Dimashq', admin2: null, country: 'SY' },
  { name: 'Tripoli', admin1: 'North', admin2: null, country: 'LB' },
  { name: 'Kobani', aliases: ['Ayn al-Arab'], admin1: 'Aleppo', admin2: 'Ayn al-Arab', country: 'SY' },
];
const ACTORS = ['state forces', 'pro-Assad militias', 'Hay\'at Tahrir al-Sham', '100% Brigade'];
const STATUSES = ['confirmed', 'corrected', 'proposed', 'rejected'];

/** Claim i's current value: the places, dates, types, actors and categories vary with i, some only late in id order. */
function incidentValue(i: number): Seeded['cur'] {
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const late = i >= 240;
  return {
    date: i % 29 === 0 ? null : { start: day(i), end: day(i + (i % 3)) },
    places: late && i % 2 === 0 ? (i % 4 === 0 ? [PLACES[3]!] : [PLACES[3]!, PLACES[4]!]) : [PLACES[i % 3]!],
    eventType: i % 4 === 0 ? 'Battles' : 'Violence against civilians',
    subEventType: i % 4 === 0 ? 'Armed clash' : late ? 'Abduction/forced disappearance' : 'Attack',
    actors: [{ name: ACTORS[late ? 2 + (i % 2) : i % 2]! }],
    fatalities: { byCategory: late && i % 5 === 0 ? { nonStateFighters: 2, civilians: 0 } : i % 2 ? { civilians: 1 + (i % 4) } : { stateForces: 1, civilians: 0 } },
  };
}

async function seed(deps: AppDeps, n: number): Promise<Seeded[]> {
  const at = '2025-01-01T00:00:00.000Z';
  const body = 'outlet: Test Wire\npublished: 2025-01-01\nurl: https://t.test/1\n\nPeople were killed in an attack, the monitor said.\n';
  const [report] = await deps.store.query<{ id: number }>(
    `INSERT INTO reports (sha256, bytes, size, outlet, url, published, language, source, ingested_at, ingested_by)
     SELECT encode(sha256(b), 'hex'), b, octet_length(b), 'Test Wire', 'https://t.test/1', '2025-01-01', 'en', NULL, $2, 'test'
       FROM (SELECT convert_to($1, 'UTF8') AS b) x RETURNING id`,
    [body, at],
  );
  const [extraction] = await deps.store.query<{ id: number }>(
    `INSERT INTO extractions (report_id, extractor_version, warnings, created_at, created_by) VALUES ($1, 'test', '[]', $2, 'test') RETURNING id`,
    [report!.id, at],
  );
  const out: Seeded[] = [];
  for (let i = 0; i < n; i++) {
    const cur = incidentValue(i);
    const kind = i % 37 === 5 ? 'toll' : 'incident';
    const status = STATUSES[i % 11 === 3 ? 2 : i % 13 === 4 ? 3 : i % 7 === 1 ? 1 : 0]!;
    // A corrected claim lists by its correction: its extracted value names a place no filter below asks for.
    const data = status === 'corrected' ? { ...cur, places: [{ name: 'Elsewhere', admin1: 'Nowhere', admin2: null, country: 'XX' }], eventType: 'Protests', actors: [] } : cur;
    const [row] = await deps.store.query<{ id: number }>(
      `INSERT INTO claims (extraction_id, report_id, ref, kind, status, data, corrected, spans, rules, created_at, decided_at, decided_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '[{"start": 0, "end": 6}]', '[]', $8, $9, $10) RETURNING id`,
      [extraction!.id, report!.id, `c${i}`, kind, status, JSON.stringify(data), status === 'corrected' ? JSON.stringify(cur) : null, at, status === 'proposed' ? null : at, status === 'proposed' ? null : 'test'],
    );
    out.push({ id: Number(row!.id), status, kind, cur });
  }
  await deps.store.exec('ANALYZE');
  return out;
}

/** The filters as the API describes them, read plainly over the seeded values. */
function expected(all: Seeded[], f: Omit<IncidentFilter, 'limit' | 'afterId'>): number[] {
  const lc = (s: string | null | undefined) => (s ?? '').toLowerCase();
  return all
    .filter((c) => c.kind === 'incident' && (c.status === 'confirmed' || c.status === 'corrected'))
    .filter(({ cur }) => {
      if (f.place !== undefined && !cur.places.some((p) => [p.name, p.admin1, p.admin2, p.country, ...(p.aliases ?? [])].some((v) => v !== null && lc(v) === lc(f.place)))) return false;
      if (f.from !== undefined && !(cur.date && cur.date.end >= f.from)) return false;
      if (f.to !== undefined && !(cur.date && cur.date.start <= f.to)) return false;
      if (f.type !== undefined && cur.eventType !== f.type && cur.subEventType !== f.type) return false;
      if (f.actor !== undefined && !cur.actors.some((a) => lc(a.name).includes(lc(f.actor)))) return false;
      if (f.category !== undefined && !((cur.fatalities.byCategory[f.category] ?? 0) > 0)) return false;
      return true;
    })
    .map((c) => c.id);
}

/** Every page of the list, following `next`. */
async function allPages(deps: AppDeps, f: Omit<IncidentFilter, 'limit' | 'afterId'>, limit: number): Promise<{ ids: number[]; pages: number }> {
  const ids: number[] = [];
  let afterId: number | undefined;
  let pages = 0;
  for (;;) {
    const page = await listIncidents(deps, { ...f, limit, ...(afterId === undefined ? {} : { afterId }) });
    pages++;
    ids.push(...page.items.map((i) => i.claimId));
    assert.ok(page.items.length <= limit);
    if (page.next === null) return { ids, pages };
    assert.equal(page.next, page.items[page.items.length - 1]!.claimId);
    afterId = page.next;
    assert.ok(pages < 500, 'the list pages on forever');
  }
}

const CASES: [string, Omit<IncidentFilter, 'limit' | 'afterId'>][] = [
  ['no filter', {}],
  ['a place name, another case', { place: 'lAtAkIa' }],
  ['a place alias', { place: 'ayn al-arab' }],
  ['a place given as admin1 (province)', { place: 'Rif Dimashq' }],
  ['a place given as admin2 (district)', { place: 'Jableh' }],
  ['a country code', { place: 'SY' }],
  ['a country code found only late in id order', { place: 'lb' }],
  ['from', { from: '2024-09-01' }],
  ['to', { to: '2024-02-10' }],
  ['from and to', { from: '2024-03-01', to: '2024-03-20' }],
  ['an event type', { type: 'Battles' }],
  ['a sub-event type found only late', { type: 'Abduction/forced disappearance' }],
  ['part of an actor name, another case', { actor: 'ASSAD' }],
  ['an actor part of two characters', { actor: 'st' }],
  ['an actor part with LIKE characters', { actor: '100%' }],
  ['an actor found only late', { actor: 'at tahrir' }],
  ['a category', { category: 'stateForces' }],
  ['a category with a zero count elsewhere', { category: 'nonStateFighters' }],
  ['place, dates, type, actor and category together', { place: 'Latakia', from: '2024-01-15', to: '2024-08-01', type: 'Attack', actor: 'militia', category: 'civilians' }],
  ['a place and dates matched only late in id order', { place: 'Kobani', from: '2024-09-01' }],
  ['a place matching nothing', { place: 'Atlantis' }],
  ['a type matching nothing', { type: 'Strategic development' }],
  ['an actor matching nothing', { actor: 'xyzzy' }],
  ['a category matching nothing', { category: 'unknown' }],
  ['filters each matching but not together', { place: 'Tripoli', type: 'Attack' }],
];

for (const engine of await engines()) {
  describe(`incidents list filters: ${engine.name}`, { skip: engine.skip ?? false }, () => {
    let deps: AppDeps;
    let all: Seeded[];
    before(async () => {
      deps = { store: await engine.fresh(), extract: fakeExtract, extractorVersion: 'test-1', now: () => '2025-01-01T00:00:00.000Z' };
      all = await seed(deps, 300);
    });
    after(() => engine.teardown());

    for (const [name, f] of CASES) {
      test(`${name}: the same claims in id order, on one page and across pages`, async () => {
        const want = expected(all, f);
        // One large page, then pages of 3: the keyset cursor must neither skip nor repeat a claim.
        const whole = await allPages(deps, f, 500);
        assert.deepEqual(whole.ids, want);
        const paged = await allPages(deps, f, 3);
        assert.deepEqual(paged.ids, want);
        assert.ok(paged.pages >= Math.ceil(want.length / 3));
        if (want.length === 0) assert.equal(whole.pages, 1);
      });
    }

    test('the seeded values make every case above select something other than everything or nothing, unless meant to', () => {
      const everything = expected(all, {}).length;
      for (const [name, f] of CASES) {
        const n = expected(all, f).length;
        if (/nothing|not together/.test(name)) assert.equal(n, 0, name);
        else if (name !== 'no filter') assert.ok(n > 0 && n < everything, `${name}: ${n} of ${everything}`);
      }
    });

    test('an item carries its corrected value and its source quote', async () => {
      const corrected = all.find((c) => c.status === 'corrected' && c.kind === 'incident')!;
      const page = await listIncidents(deps, { afterId: corrected.id - 1, limit: 1 });
      const item = page.items[0]!;
      assert.equal(item.claimId, corrected.id);
      assert.equal(item.status, 'corrected');
      assert.deepEqual(item.places.map((p) => p.name), corrected.cur.places.map((p) => p.name));
      assert.equal(item.sources[0]!.quotes[0]!.text, 'People');
    });
  });
}
