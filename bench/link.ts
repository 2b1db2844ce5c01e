// Linking bench: synthetic incidents and victim records (10k → 100k, 30% duplicates) timed and scored against their truth, plus the corpus scores.
// Alone: npx tsx bench/link.ts [--sizes 10000,30000,100000]
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { addDays } from '../src/domain/days.js';
import type { EventType } from '../src/domain/types.js';
import { evaluateCorpus } from '../src/link/corpus.js';
import { pairwise } from '../src/link/evaluate.js';
import { linkIncidents } from '../src/link/incidents.js';
import type { LinkIncident, LinkPlace, LinkVictim } from '../src/link/types.js';
import { linkVictims } from '../src/link/victims.js';
import { fmt, packageRoot, registerBench, renderTable, type BenchResult, type BenchRow } from './registry.js';

const SIZES = [10_000, 30_000, 100_000];
const TARGET_SECONDS_100K = 60;
/** Localities per province: enough that two events in one town on one day are rare, as in most of ACLED. */
const TOWNS = 100;

/** mulberry32: a small seeded generator, so every run links the same records. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface World {
  towns: { place: LinkPlace; admin: number }[][];
  adminPlace: LinkPlace[];
  /** Zipf weights: a few provinces carry most of the violence, as in ACLED. */
  adminWeights: number[];
}

export function makeWorld(r: () => number): World {
  const towns: World['towns'] = [];
  const adminPlace: LinkPlace[] = [];
  for (let c = 0; c < 20; c++) {
    const country = `C${String.fromCharCode(65 + c)}`;
    const lat0 = -30 + (c % 5) * 15;
    const lon0 = -60 + Math.floor(c / 5) * 40;
    for (let a = 0; a < 10; a++) {
      const lat = lat0 + (a % 4) * 1.2;
      const lon = lon0 + Math.floor(a / 4) * 1.2;
      const admin1 = `${country}-A${a}`;
      adminPlace.push({ name: admin1, country, admin1, admin2: null, lat, lon, geoPrecision: 3, featureCode: 'ADM1' });
      const list: World['towns'][number] = [];
      for (let t = 0; t < TOWNS; t++) {
        list.push({
          admin: adminPlace.length - 1,
          place: {
            name: `${admin1}-T${t}`,
            country,
            admin1,
            admin2: null,
            lat: lat + (r() - 0.5) * 1.0,
            lon: lon + (r() - 0.5) * 1.0,
            geoPrecision: 1,
            featureCode: 'PPL',
            geonameId: c * 10_000 + a * 100 + t,
          },
        });
      }
      towns.push(list);
    }
  }
  const adminWeights = adminPlace.map((_, i) => 1 / (1 + ((i * 7919) % 200)) ** 0.8);
  return { towns, adminPlace, adminWeights };
}

function pickWeighted(r: () => number, weights: number[], total: number): number {
  let x = r() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x <= 0) return i;
  }
  return weights.length - 1;
}

const TYPES: [EventType, number][] = [
  ['Battles', 0.35],
  ['Violence against civilians', 0.25],
  ['Explosions/Remote violence', 0.3],
  ['Protests', 0.05],
  ['Riots', 0.03],
  ['Strategic developments', 0.02],
];

/** Spelling noise of the kind transliteration makes: a vowel swapped, a letter doubled, an "al-" added. */
function respell(r: () => number, name: string): string {
  const ops = [
    (s: string) => s.replace(/e/, 'a'),
    (s: string) => s.replace(/u/, 'o'),
    (s: string) => s.replace(/ou/, 'u'),
    (s: string) => s.replace(/([bdfklmnrst])/, '$1$1'),
    (s: string) => s.replace(/a$/, 'ah'),
    (s: string) => (s.startsWith('al-') ? s.slice(3) : s),
  ];
  return ops[Math.floor(r() * ops.length)]!(name);
}

export function syntheticIncidents(n: number, seed: number, w: World): { records: LinkIncident[]; truth: string[][] } {
  const r = rng(seed);
  const total = w.adminWeights.reduce((s, x) => s + x, 0);
  const base = Math.round(n * 0.7);
  const records: LinkIncident[] = [];
  const truth: string[][] = [];
  for (let e = 0; e < base; e++) {
    const admin = pickWeighted(r, w.adminWeights, total);
    const town = w.towns[admin]![Math.floor(r() * TOWNS)]!;
    const day = addDays('2025-01-01', Math.floor(r() * 365));
    let x = r();
    const type = TYPES.find(([, p]) => (x -= p) <= 0)?.[0] ?? 'Battles';
    const best = 1 + Math.floor(Math.exp(r() * 4));
    const rec: LinkIncident = {
      id: `e${e}r0`,
      reportId: `e${e}r0`,
      outlet: 'o0',
      date: { start: day, end: day },
      datePrecision: 'day',
      places: [town.place],
      eventType: type,
      actors: [{ name: 'army', type: r() < 0.5 ? 'stateForces' : 'rebelGroup' }],
      fatalities: { low: best, best, high: best },
    };
    records.push(rec);
    truth.push([rec.id]);
  }
  // 30% of all records re-tell an event already recorded, with the noise of another outlet.
  for (let d = records.length; d < n; d++) {
    const e = Math.floor(r() * base);
    const src = records[e]!;
    const rec: LinkIncident = { ...src, id: `e${e}r${d}`, reportId: `e${e}r${d}`, outlet: `o${d % 50}` };
    const q = r();
    if (q < 0.2) rec.date = { start: addDays(src.date!.start, r() < 0.5 ? -1 : 1), end: addDays(src.date!.start, r() < 0.5 ? -1 : 1) };
    else if (q < 0.4) rec.date = { start: addDays(src.date!.start, -1), end: src.date!.end };
    if (rec.date!.start > rec.date!.end) rec.date = { start: rec.date!.end, end: rec.date!.start };
    rec.datePrecision = rec.date!.start === rec.date!.end ? 'day' : 'range';
    const p = r();
    const place = src.places[0]!;
    if (p < 0.2) rec.places = [w.adminPlace[w.towns.findIndex((t) => t[0]!.place.admin1 === place.admin1)]!];
    else if (p < 0.5) rec.places = [{ ...place, name: respell(r, place.name), geonameId: null }];
    const b = src.fatalities.best!;
    const f = r();
    if (f < 0.3) rec.fatalities = { low: b, best: b, high: null };
    else if (f < 0.6) {
      const nb = Math.max(1, Math.round(b * (0.8 + r() * 0.5)));
      rec.fatalities = { low: nb, best: nb, high: nb };
    }
    if (r() < 0.15 && (src.eventType === 'Battles' || src.eventType === 'Violence against civilians'))
      rec.eventType = src.eventType === 'Battles' ? 'Violence against civilians' : 'Battles';
    records.push(rec);
    truth[e]!.push(rec.id);
  }
  return { records, truth };
}

const GIVEN_M = ['Muhammad', 'Ahmad', 'Ali', 'Omar', 'Yusuf', 'Hussein', 'Khalid', 'Ibrahim', 'Mahmoud', 'Hassan', 'Abd al-Rahman', 'Abu Bakr', 'Mustafa', 'Said', 'Adam', 'Musa', 'Isa', 'Bilal', 'Tariq', 'Walid', 'Samir', 'Rami', 'Nabil', 'Karim', 'Faisal', 'Jamal', 'Ziad', 'Anas', 'Hamza', 'Osama', 'Tun Aung', 'Kyaw', 'Zaw Min', 'Oleksandr', 'Serhiy', 'Andriy', 'Emeka', 'Chinedu', 'Usman', 'Abdullahi'];
const GIVEN_F = ['Fatima', 'Aisha', 'Maryam', 'Zainab', 'Nour', 'Huda', 'Rania', 'Layla', 'Amal', 'Salma', 'Hana', 'Reem', 'Dima', 'Khadija', 'Asma', 'Olena', 'Iryna', 'Khin', 'Aye Aye', 'Ngozi', 'Amina', 'Hauwa', 'Shinda', 'Rasha', 'Samar'];
const VARIANTS: Record<string, string[]> = {
  Muhammad: ['Mohammad', 'Mohammed', 'Mohamed', 'Muhammed'],
  Ahmad: ['Ahmed'],
  Yusuf: ['Youssef', 'Yousef'],
  Hussein: ['Husain', 'Hussain'],
  'Abd al-Rahman': ['Abdulrahman', 'Abdel Rahman'],
  Mahmoud: ['Mahmud'],
  Omar: ['Umar'],
  Said: ['Saeed'],
  Fatima: ['Fatimah', 'Fatma'],
  Aisha: ['Ayesha', 'Aysha'],
  Zainab: ['Zaynab', 'Zeinab'],
  Mustafa: ['Moustafa', 'Mostafa'],
  Khalid: ['Khaled'],
};
const SYL = ['ba', 'da', 'ha', 'ka', 'kha', 'la', 'ma', 'na', 'ra', 'sa', 'sha', 'ta', 'za', 'bi', 'di', 'ji', 'mi', 'ni', 'ri', 'si', 'bu', 'du', 'ku', 'mu', 'nu', 'ru', 'su', 'tu', 'wi', 'yo'];
const ENDS = ['r', 'n', 'd', 'l', 'm', 's', 'k', 'h', 'b', ''];

function familyNames(r: () => number, n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    const k = 2 + Math.floor(r() * 2);
    let s = '';
    for (let i = 0; i < k; i++) s += SYL[Math.floor(r() * SYL.length)];
    s += ENDS[Math.floor(r() * ENDS.length)];
    out.add((r() < 0.3 ? 'al-' : '') + s[0]!.toUpperCase() + s.slice(1));
  }
  return [...out];
}

export function syntheticVictims(n: number, seed: number, w: World): { records: LinkVictim[]; truth: string[][] } {
  const r = rng(seed);
  const families = familyNames(r, 4000);
  const total = w.adminWeights.reduce((s, x) => s + x, 0);
  const base = Math.round(n * 0.7);
  const records: LinkVictim[] = [];
  const truth: string[][] = [];
  for (let p = 0; p < base; p++) {
    const female = r() < 0.25;
    const pool = female ? GIVEN_F : GIVEN_M;
    // Given names are Zipf-like: Muhammad and Fatima are far commoner than the rest.
    const given = pool[Math.min(pool.length - 1, Math.floor(pool.length * r() ** 2.5))]!;
    const father = r() < 0.6 ? GIVEN_M[Math.min(GIVEN_M.length - 1, Math.floor(GIVEN_M.length * r() ** 2.5))]! : null;
    const family = families[Math.floor(r() * families.length)]!;
    const admin = pickWeighted(r, w.adminWeights, total);
    const town = w.towns[admin]![Math.floor(r() * TOWNS)]!;
    const day = addDays('2025-01-01', Math.floor(r() * 365));
    const rec: LinkVictim = {
      id: `p${p}r0`,
      reportId: `p${p}r0`,
      name: [given, father, family].filter(Boolean).join(' '),
      sex: r() < 0.9 ? (female ? 'female' : 'male') : null,
      age: r() < 0.6 ? 5 + Math.floor(r() * 70) : null,
      date: { start: day, end: day },
      place: town.place,
    };
    records.push(rec);
    truth.push([rec.id]);
  }
  for (let d = records.length; d < n; d++) {
    const p = Math.floor(r() * base);
    const src = records[p]!;
    let parts = src.name.split(' ');
    // Another list's spelling: a known variant of a given name, a respelled family name, a dropped middle name, a reordering.
    parts = parts.map((t) => (VARIANTS[t] && r() < 0.6 ? VARIANTS[t]![Math.floor(r() * VARIANTS[t]!.length)]! : t));
    if (r() < 0.4) parts[parts.length - 1] = respell(r, parts[parts.length - 1]!);
    if (parts.length > 2 && r() < 0.3) parts.splice(1, 1);
    if (r() < 0.1) parts = [parts[parts.length - 1]!, ...parts.slice(0, -1)];
    const rec: LinkVictim = {
      ...src,
      id: `p${p}r${d}`,
      reportId: `p${p}r${d}`,
      name: parts.join(' '),
      sex: r() < 0.7 ? src.sex : null,
      age: src.age != null && r() < 0.7 ? src.age + (r() < 0.3 ? 1 : 0) : null,
      date: r() < 0.2 ? { start: addDays(src.date!.start, 1), end: addDays(src.date!.start, 1) } : src.date,
      place: r() < 0.2 ? null : src.place,
    };
    records.push(rec);
    truth[p]!.push(rec.id);
  }
  return { records, truth };
}

/** Wall and CPU seconds: on a shared machine the CPU time is the one that says what one core needs. */
function time<T>(f: () => T): { value: T; seconds: number; cpu: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = f();
  const c = process.cpuUsage(c0);
  return { value, seconds: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

export async function measure(sizes = SIZES, log: (l: string) => void = () => {}): Promise<BenchResult> {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const world = makeWorld(rng(7));
  let first: { n: number; s: number } | null = null;
  for (const n of sizes) {
    log(`link: generating ${n} incidents and ${n} victims`);
    const inc = syntheticIncidents(n, 11 + n, world);
    const vic = syntheticVictims(n, 23 + n, world);
    log(`link: linking ${n} incidents`);
    const li = time(() => linkIncidents(inc.records));
    log(`link: linking ${n} victims`);
    const lv = time(() => linkVictims(vic.records));
    const si = pairwise(li.value.clusters.map((c) => c.members), inc.truth);
    const sv = pairwise(lv.value.clusters.map((c) => c.members), vic.truth);
    const k = `${n / 1000}k`;
    const both = li.seconds + lv.seconds;
    const bothCpu = li.cpu + lv.cpu;
    rows.push({ metric: `${k} incidents: time (wall / cpu)`, value: `${li.seconds.toFixed(2)} / ${li.cpu.toFixed(2)} s` });
    rows.push({ metric: `${k} incidents: scored pairs (of ${fmt.int((n * (n - 1)) / 2)})`, value: fmt.int(li.value.stats.scoredPairs) });
    rows.push({ metric: `${k} incidents: pairwise P / R`, value: `${si.precision.toFixed(3)} / ${si.recall.toFixed(3)}` });
    rows.push({ metric: `${k} victims: time (wall / cpu)`, value: `${lv.seconds.toFixed(2)} / ${lv.cpu.toFixed(2)} s` });
    rows.push({ metric: `${k} victims: scored pairs`, value: fmt.int(lv.value.stats.scoredPairs) });
    rows.push({ metric: `${k} victims: pairwise P / R`, value: `${sv.precision.toFixed(3)} / ${sv.recall.toFixed(3)}` });
    if (n === 100_000) rows.push({ metric: '100k incidents + 100k victims (wall)', value: `${both.toFixed(1)} s`, target: `< ${TARGET_SECONDS_100K} s`, ok: both < TARGET_SECONDS_100K });
    if (!first) first = { n, s: bothCpu };
    else rows.push({ metric: `growth ${first.n / 1000}k → ${k} (cpu-time ratio / size ratio)`, value: `${(bothCpu / first.s).toFixed(1)} / ${(n / first.n).toFixed(1)}` });
  }
  log('link: corpus');
  const c = evaluateCorpus(join(packageRoot, 'test', 'corpus', 'linking'));
  const pr = (s: { precision: number; recall: number }) => `${s.precision.toFixed(3)} / ${s.recall.toFixed(3)}`;
  const ok = (s: { precision: number; recall: number }) => s.precision >= 0.95 && s.recall >= 0.9;
  rows.push({ metric: `corpus (${c.reports} reports), gold incidents: P / R`, value: pr(c.gold.incidents), target: '≥ 0.95 / ≥ 0.90', ok: ok(c.gold.incidents) });
  rows.push({ metric: 'corpus, gold victims: P / R', value: pr(c.gold.victims), target: '≥ 0.95 / ≥ 0.90', ok: ok(c.gold.victims) });
  rows.push({ metric: 'corpus, extracted incidents: P / R', value: pr(c.extracted.incidents), target: '≥ 0.95 / ≥ 0.90', ok: ok(c.extracted.incidents) });
  rows.push({ metric: 'corpus, extracted victims: P / R', value: pr(c.extracted.victims), target: '≥ 0.95 / ≥ 0.90', ok: ok(c.extracted.victims) });
  rows.push({ metric: 'corpus, gold toll coverage: P / R', value: pr(c.tollCoverage.gold), target: '≥ 0.95 / ≥ 0.90', ok: ok(c.tollCoverage.gold) });
  rows.push({ metric: 'corpus, extracted toll coverage: P / R', value: pr(c.tollCoverage.extracted), target: '≥ 0.95 / ≥ 0.90', ok: ok(c.tollCoverage.extracted) });
  const sums = c.tollCoverage.figures.filter((f) => f.got.sum === f.expected.sum && f.got.status === f.expected.status && f.got.unexplained === f.expected.unexplained).length;
  rows.push({ metric: 'corpus, toll sums and statuses matched', value: `${sums} / ${c.tollCoverage.figures.length}` });
  const tallyOk = c.tallies.filter((t) => t.got.low === t.expected.low && t.got.best === t.expected.best).length;
  rows.push({ metric: 'corpus, expected tallies matched', value: `${tallyOk} / ${c.tallies.length}` });
  notes.push(`synthetic: 20 countries × 10 provinces × ${TOWNS} towns, Zipf-weighted provinces, dates over 2025; 30% of records re-tell an earlier one with shifted dates, province-only places, respelled names, changed or open-ended figures, Battles↔VAC swaps`);
  notes.push('victims: 4,000 generated family names, Zipf given names, variants (Mohammad/Muhammad…), dropped middle names, reordering, ages ±1, dates +1 day');
  notes.push(`corpus extractor coverage: ${c.extracted.incidentsFound}/${c.extracted.incidentsExpected} gold incidents, ${c.extracted.victimsFound}/${c.extracted.victimsExpected} gold victim records, ${c.tollCoverage.extracted.tollsFound}/${c.tollCoverage.extracted.tollsExpected} gold tolls found`);
  return { rows, notes };
}

registerBench({ name: 'link', title: 'incident and victim linking (synthetic 10k–100k, corpus)', run: (opts) => measure(SIZES, opts.log) });

/** Prints the table; what `npx tsx bench/link.ts` runs. */
export async function run(): Promise<void> {
  const argv = process.argv;
  const i = argv.indexOf('--sizes');
  const sizes = i >= 0 ? argv[i + 1]!.split(',').map(Number) : SIZES;
  const result = await measure(sizes, (l) => process.stderr.write(`${l}\n`));
  console.log(renderTable({ name: 'link', title: 'incident and victim linking', run: async () => result }, result));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
