// The linking corpus harness (reads files, runs the extractor): gold and extracted records, scored against expected.json. Used by the test and the bench.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../domain/report-file.js';
import type { Category, EventType } from '../domain/types.js';
import { extract } from '../extract/index.js';
import { lookupName, toPlaceRef } from '../gazetteer/index.js';
import { tollCoverage, type CoverageStatus } from '../tally/coverage.js';
import { eventsOf, tally, type Tally, type TallyIncident, type TallyOptions, type TallyToll } from '../tally/tally.js';
import { pairwise, type PairwiseScore } from './evaluate.js';
import { recordsOf } from './from-extraction.js';
import { linkIncidents } from './incidents.js';
import { compareNames, nameTokens } from './names.js';
import type { LinkIncident, LinkPlace, LinkVictim } from './types.js';
import { linkVictims } from './victims.js';

interface GoldMention {
  file: string;
  date: [string, string];
  place: string;
  country: string;
  type: EventType;
  low: number | null;
  best: number | null;
  high: number | null;
  actors?: string[];
  victims?: string[];
  byCategory?: Partial<Record<Category, number>>;
}
interface GoldToll {
  file: string;
  date: [string, string];
  place: string;
  country: string;
  admin1?: boolean;
  low: number;
  best: number;
  high: number | null;
  qualifier: 'exact' | 'at_least' | 'at_most' | 'approx';
  /** The gold events inside the toll's area and window (what its coverage should list). */
  covers?: string[];
  coverage?: { sum: number; status: CoverageStatus; unexplained: number };
}
interface GoldRecord {
  file: string;
  name: string;
  age?: number;
  sex?: 'male' | 'female';
}
export interface Expected {
  incidents: { event: string; mentions: GoldMention[] }[];
  tolls: GoldToll[];
  persons: { person: string; records: GoldRecord[] }[];
  tallies: { about: string; query: TallyOptions; low: number; best: number; groups?: Record<string, { low: number; best: number }> }[];
}

export interface CorpusScores {
  reports: number;
  gold: { incidents: PairwiseScore; victims: PairwiseScore };
  extracted: { incidents: PairwiseScore; victims: PairwiseScore; incidentsFound: number; incidentsExpected: number; victimsFound: number; victimsExpected: number };
  tallies: { about: string; expected: { low: number; best: number; groups?: Record<string, { low: number; best: number }> }; got: Tally }[];
  /**
   * Toll coverage scored as (toll, incident mention) pairs against the gold `covers`: over the gold records, and over
   * the extractor's tolls and incidents (each matched to its gold toll by file and figure, and to its gold event as
   * above); the extracted recall is over the tolls it found, and `tollsFound` says how many that is.
   */
  tollCoverage: {
    gold: { precision: number; recall: number };
    extracted: { precision: number; recall: number; tollsFound: number; tollsExpected: number };
    /** Gold tolls whose sum, status and unexplained remainder over the gold records are as expected. */
    figures: { about: string; expected: { sum: number; status: CoverageStatus; unexplained: number }; got: { sum: number; status: CoverageStatus; unexplained: number } }[];
  };
}

/** A gold place name to a PlaceRef: the populated place of that name in the country, or its province when asked. */
function resolvePlace(name: string, country: string, admin1 = false): LinkPlace {
  const all = lookupName(name).filter((e) => e.country === country);
  const pick = admin1 ? all.find((e) => e.featureCode === 'ADM1') : all.filter((e) => e.featureCode.startsWith('PPL')).sort((a, b) => b.population - a.population)[0];
  const e = pick ?? all[0];
  if (!e) return { name, country, admin1: null, admin2: null, lat: null, lon: null, geoPrecision: 3 };
  return toPlaceRef(e, 'event', []);
}

export function readCorpus(dir: string): { files: string[]; expected: Expected } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  return { files, expected };
}

/** The gold incidents, tolls and victims as linking records, with the true clusters. */
export function goldRecords(ex: Expected): {
  incidents: LinkIncident[];
  incidentTruth: string[][];
  tolls: TallyToll[];
  victims: LinkVictim[];
  personTruth: string[][];
} {
  const incidents: LinkIncident[] = [];
  const incidentTruth: string[][] = [];
  const byFileVictim = new Map<string, LinkIncident>();
  for (const ev of ex.incidents) {
    const ids: string[] = [];
    for (const m of ev.mentions) {
      const id = `${m.file}#gold-${ev.event}`;
      const rec: LinkIncident = {
        id,
        reportId: m.file,
        outlet: m.file,
        date: { start: m.date[0], end: m.date[1] },
        datePrecision: m.date[0] === m.date[1] ? 'day' : 'range',
        places: [resolvePlace(m.place, m.country)],
        eventType: m.type,
        actors: (m.actors ?? []).map((t) => ({ name: t, type: t as LinkIncident['actors'][number]['type'] })),
        fatalities: { low: m.low, best: m.best, high: m.high },
        victimNames: m.victims ?? [],
      };
      incidents.push(rec);
      ids.push(id);
      for (const v of m.victims ?? []) byFileVictim.set(`${m.file}|${v}`, rec);
      byFileVictim.set(`${m.file}|`, rec);
    }
    incidentTruth.push(ids);
  }
  const tolls: TallyToll[] = ex.tolls.map((t) => ({
    id: `${t.file}#gold-toll`,
    reportId: t.file,
    outlet: t.file,
    date: { start: t.date[0], end: t.date[1] },
    places: [resolvePlace(t.place, t.country, t.admin1)],
    fatalities: { low: t.low, best: t.best, high: t.high, byCategory: {} },
    qualifier: t.qualifier,
  }));
  const victims: LinkVictim[] = [];
  const personTruth: string[][] = [];
  for (const p of ex.persons) {
    const ids: string[] = [];
    for (const r of p.records) {
      const inc = byFileVictim.get(`${r.file}|${r.name}`) ?? byFileVictim.get(`${r.file}|`);
      const id = `${r.file}#gold-${r.name}`;
      victims.push({
        id,
        reportId: r.file,
        name: r.name,
        sex: r.sex ?? null,
        age: r.age ?? null,
        date: inc?.date ?? null,
        place: inc?.places[0] ?? null,
        incidentId: inc?.id ?? null,
      });
      ids.push(id);
    }
    personTruth.push(ids);
  }
  return { incidents, incidentTruth, tolls, victims, personTruth };
}

/** Runs the extractor on every corpus file and maps its incidents and victims onto the gold ones. */
export function extractedRecords(dir: string, files: string[], ex: Expected) {
  const incidents: LinkIncident[] = [];
  const victims: LinkVictim[] = [];
  const tolls: TallyToll[] = [];
  const incidentTruth: string[][] = [];
  const personTruth: string[][] = [];
  const perFile = new Map<string, ReturnType<typeof recordsOf>>();
  for (const f of files) {
    const x = extract(parseReport(readFileSync(join(dir, f), 'utf8')).report);
    const r = recordsOf(f, x);
    perFile.set(f, r);
    incidents.push(...r.incidents);
    victims.push(...r.victims);
    for (const t of x.tolls) {
      tolls.push({ id: `${f}#${t.id}`, reportId: f, outlet: x.report.outlet, date: t.date, places: t.places, fatalities: t.fatalities, qualifier: t.qualifier, components: t.components.map((c) => `${f}#${c}`) });
    }
  }
  // A gold mention takes the file's incident with the same best figure, else one at the same place.
  const used = new Set<string>();
  let found = 0;
  let expectedCount = 0;
  for (const ev of ex.incidents) {
    const ids: string[] = [];
    for (const m of ev.mentions) {
      expectedCount++;
      const cands = (perFile.get(m.file)?.incidents ?? []).filter((i) => !used.has(i.id));
      const key = nameTokens(m.place).join(' ');
      const hit =
        cands.find((i) => i.fatalities.best === m.best) ??
        cands.find((i) => i.places.some((p) => [p.name, ...(p.aliases ?? [])].some((n) => nameTokens(n).join(' ') === key)));
      if (hit) {
        used.add(hit.id);
        ids.push(hit.id);
        found++;
      }
    }
    incidentTruth.push(ids);
  }
  let vFound = 0;
  let vExpected = 0;
  for (const p of ex.persons) {
    const ids: string[] = [];
    for (const r of p.records) {
      vExpected++;
      const hit = (perFile.get(r.file)?.victims ?? []).find((v) => v.name === r.name || compareNames(nameTokens(v.name), nameTokens(r.name)).score >= 0.95);
      if (hit) {
        ids.push(hit.id);
        vFound++;
      }
    }
    personTruth.push(ids);
  }
  return { incidents, victims, tolls, incidentTruth, personTruth, found, expectedCount, vFound, vExpected };
}

/** Scores linking on the gold records and on the extractor's, and runs the expected tallies over the gold. */
export function evaluateCorpus(dir: string): CorpusScores {
  const { files, expected } = readCorpus(dir);
  const gold = goldRecords(expected);
  const gInc = linkIncidents(gold.incidents);
  const gVic = linkVictims(gold.victims, { incidentCluster: clusterIndex(gInc.clusters) });
  const x = extractedRecords(dir, files, expected);
  const xInc = linkIncidents(x.incidents);
  const xVic = linkVictims(x.victims, { incidentCluster: clusterIndex(xInc.clusters) });
  const clusters = gInc.clusters.map((c) => c.members);
  const incidentsForTally = gold.incidents.map((i) => ({ ...i, fatalities: { ...i.fatalities, byCategory: {} } }));
  const tallies = expected.tallies.map((t) => ({
    about: t.about,
    expected: { low: t.low, best: t.best, ...(t.groups ? { groups: t.groups } : {}) },
    got: tally(incidentsForTally, gold.tolls, { ...t.query, clusters }),
  }));
  // Coverage over the gold records: mention ids are `${file}#gold-${event}`, so the event is in the id.
  const goldEvents = eventsOf(incidentsForTally, clusters);
  const goldPairs = (t: (typeof expected.tolls)[number], covered: readonly string[]) => ({
    got: covered.map((id) => id.slice(id.indexOf('#gold-') + 6)),
    want: expectedMentions(expected, t),
  });
  let gTp = 0;
  let gGot = 0;
  let gWant = 0;
  const figures: CorpusScores['tollCoverage']['figures'] = [];
  expected.tolls.forEach((t, k) => {
    const c = tollCoverage(gold.tolls[k]!, goldEvents);
    const { got, want } = goldPairs(t, c.events.flatMap((e) => e.incidents.map((i) => i.id)));
    gTp += got.filter((e) => (t.covers ?? []).includes(e)).length;
    gGot += got.length;
    gWant += want;
    if (t.coverage) figures.push({ about: t.file, expected: t.coverage, got: { sum: c.sum.best, status: c.status, unexplained: c.unexplained } });
  });
  // Coverage over the extractor's records: its tolls by file, its incidents by the gold event they were matched to.
  const eventOf = new Map<string, string>();
  expected.incidents.forEach((ev, k) => x.incidentTruth[k]!.forEach((id) => eventOf.set(id, ev.event)));
  const xEvents = eventsOf(
    x.incidents.map((i): TallyIncident => ({ ...i, fatalities: { ...i.fatalities, byCategory: {} } })),
    xInc.clusters.map((c) => c.members),
  );
  let xTp = 0;
  let xGot = 0;
  let xWant = 0;
  let tollsFound = 0;
  // Recall is over the tolls the extractor found (a toll it reads as an incident is its miss, counted in tollsFound).
  for (const t of expected.tolls) {
    const found = x.tolls.find((xt) => xt.reportId === t.file && xt.fatalities.best === t.best);
    if (!found) continue;
    tollsFound++;
    xWant += expectedMentions(expected, t);
    const covered = tollCoverage(found, xEvents).events.flatMap((e) => e.incidents.map((i) => i.id));
    xGot += covered.length;
    xTp += covered.filter((id) => (t.covers ?? []).includes(eventOf.get(id) ?? '')).length;
  }
  const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);
  return {
    reports: files.length,
    tollCoverage: {
      gold: { precision: ratio(gTp, gGot), recall: ratio(gTp, gWant) },
      extracted: { precision: ratio(xTp, xGot), recall: ratio(xTp, xWant), tollsFound, tollsExpected: expected.tolls.length },
      figures,
    },
    gold: { incidents: pairwise(clusters, gold.incidentTruth), victims: pairwise(gVic.clusters.map((c) => c.members), gold.personTruth) },
    extracted: {
      incidents: pairwise(xInc.clusters.map((c) => c.members), x.incidentTruth),
      victims: pairwise(xVic.clusters.map((c) => c.members), x.personTruth),
      incidentsFound: x.found,
      incidentsExpected: x.expectedCount,
      victimsFound: x.vFound,
      victimsExpected: x.vExpected,
    },
    tallies,
  };
}

/** How many incident mentions (reports) a gold toll's coverage should list: every mention of every event it covers. */
function expectedMentions(ex: Expected, t: Expected['tolls'][number]): number {
  return ex.incidents.filter((ev) => (t.covers ?? []).includes(ev.event)).reduce((n, ev) => n + ev.mentions.length, 0);
}

function clusterIndex(clusters: { id: string; members: string[] }[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of clusters) for (const id of c.members) m.set(id, c.id);
  return m;
}
