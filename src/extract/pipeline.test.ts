// The founding example end to end: the report file read as the CLI reads it, extracted, and every claim checked against its words.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { decodeReportBytes, parseReport } from '../domain/report-file.js';
import type { DayRange, IncidentClaim, PlaceRef, Span } from '../domain/types.js';
import { extract } from './index.js';
import { recognizeNumbers } from './stages/numbers.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { report } = parseReport(decodeReportBytes(readFileSync(join(root, 'examples/founding-latakia.txt'))));
const body = report.body;
const result = extract(report);

const at = (s: Span): string => body.slice(s.start, s.end);
const overlaps = (a: DayRange | null, from: string, to: string): boolean => a !== null && a.start <= to && a.end >= from;
const fold = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’']/g, "'").toLowerCase();
const placeNamed = (places: PlaceRef[], name: string): PlaceRef | undefined => places.find((p) => fold(p.name) === fold(name));
/** The text states the figure, in digits ("124") or words ("four"). */
const states = (text: string, n: number): boolean => recognizeNumbers(text).some((m) => m.value === n || m.low === n);

function incidentOf(best: number): IncidentClaim {
  const found = result.incidents.filter((i) => i.fatalities.best === best);
  assert.equal(found.length, 1, `one incident of ${best}; incidents: ${result.incidents.map((i) => `${i.id}=${i.fatalities.best}`).join(', ')}`);
  return found[0]!;
}

test('founding example: an incident of 52 civilians executed in Al-Shir and Al-Mukhtariya (Latakia)', () => {
  const i = incidentOf(52);
  assert.equal(i.eventType, 'Violence against civilians');
  assert.equal(i.subEventType, 'Attack');
  for (const name of ['Al-Shir', 'Al-Mukhtariya']) {
    const p = placeNamed(i.places, name);
    assert.ok(p, `${name} among ${i.places.map((x) => x.name).join(', ')}`);
    assert.equal(p.admin1, 'Latakia');
    assert.equal(p.country, 'SY');
    assert.equal(p.role, 'event');
  }
  assert.equal(i.fatalities.byCategory.civilians, 52);
  assert.ok(overlaps(i.date, '2025-03-06', '2025-03-07'), `date ${JSON.stringify(i.date)}`);
});

test('founding example: an incident of 72 in the battles around Beit Aana, split 36 / 32 / 4', () => {
  const i = incidentOf(72);
  assert.equal(i.eventType, 'Battles');
  assert.equal(i.subEventType, 'Armed clash');
  assert.deepEqual(
    { stateForces: i.fatalities.byCategory.stateForces, nonStateFighters: i.fatalities.byCategory.nonStateFighters, civilians: i.fatalities.byCategory.civilians },
    { stateForces: 36, nonStateFighters: 32, civilians: 4 },
  );
  const beitAana = placeNamed(i.places, 'Beit Aana');
  assert.ok(beitAana, `Beit Aana among ${i.places.map((x) => x.name).join(', ')}`);
  assert.equal(beitAana.admin1, 'Latakia');
  assert.ok(overlaps(i.date, '2025-03-06', '2025-03-07'), `date ${JSON.stringify(i.date)}`);
  assert.ok(!i.warnings.some((w) => w.code === 'parts_exceed_whole' || w.code === 'parts_below_whole'), 'the parts sum to the whole');
});

test('founding example: no incident beyond those the gold allows (52, 72, and the optional 1 or unnumbered)', () => {
  const extra = result.incidents.filter((i) => ![52, 72, 1, null].includes(i.fatalities.best));
  assert.deepEqual(extra.map((i) => `${i.id}: ${i.fatalities.best}`), []);
});

test('founding example: a toll of at least 124 in Latakia, not counted as new deaths', () => {
  const toll = result.tolls.find((t) => t.fatalities.best === 124 && t.qualifier === 'at_least');
  assert.ok(toll, `tolls: ${result.tolls.map((t) => `${t.fatalities.best} ${t.qualifier}`).join(', ')}`);
  assert.equal(toll.fatalities.high, null, 'at least: open-ended');
  assert.ok(toll.places.some((p) => p.admin1 === 'Latakia'), 'in Latakia');
  assert.ok(!result.incidents.some((i) => i.fatalities.best === 124), 'the toll is not an incident');
});

test('founding example: the victim Shinda Adel Kisho, female, from Qamishli, a civilian', () => {
  const v = result.victims.find((x) => x.name === 'Shinda Adel Kisho');
  assert.ok(v, `victims: ${result.victims.map((x) => x.name).join(', ')}`);
  assert.equal(v.sex, 'female');
  assert.equal(v.origin, 'Qamishli');
  assert.equal(v.category, 'civilians');
  // "originally from Qamishli" is where she came from, not where she died.
  assert.notEqual(v.place?.name, 'Qamishli');
  for (const i of result.incidents) assert.ok(!placeNamed(i.places.filter((p) => p.role === 'event'), 'Qamishli'), `${i.id} placed in Qamishli`);
});

test('founding example: every incident, toll and victim has non-empty spans inside the body', () => {
  for (const c of [...result.incidents, ...result.tolls, ...result.victims]) {
    assert.ok(c.spans.length > 0, `${c.id} has no span`);
    for (const s of c.spans) {
      assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${c.id} span ${JSON.stringify(s)}`);
      assert.ok(s.start >= 0 && s.end <= body.length && s.start < s.end, `${c.id} span ${JSON.stringify(s)} outside a body of ${body.length}`);
      assert.ok(at(s).trim().length > 0, `${c.id} span ${JSON.stringify(s)} is blank`);
    }
  }
});

test('founding example: every span says what its claim says', () => {
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => void (ok || problems.push(what));
  const words = (s: Span): boolean => !/[\p{L}\p{N}]/u.test(body[s.start - 1] ?? ' ') || !/[\p{L}\p{N}]/u.test(body[s.start] ?? ' ');
  const cut = (s: Span): boolean => /[\p{L}\p{N}]/u.test(body[s.end - 1] ?? '') && /[\p{L}\p{N}]/u.test(body[s.end] ?? '');

  for (const c of [...result.incidents, ...result.tolls, ...result.victims]) {
    for (const s of c.spans) check(words(s) && !cut(s), `${c.id}: span ${JSON.stringify(at(s))} cuts a word`);
  }
  for (const c of [...result.incidents, ...result.tolls]) {
    const best = c.fatalities.best;
    if (best !== null) {
      const parts = Object.values(c.fatalities.byCategory).filter((n): n is number => typeof n === 'number');
      const stated = c.spans.some((s) => states(at(s), best)) || (parts.length > 1 && parts.every((n) => c.spans.some((s) => states(at(s), n))));
      check(stated, `${c.id}: no span states ${best} (${c.spans.map((s) => JSON.stringify(at(s))).join(' | ')})`);
    }
    for (const p of c.places) {
      for (const s of p.spans) check([p.name, ...p.aliases].some((n) => fold(n) === fold(at(s))), `${c.id}: place ${p.name} spans ${JSON.stringify(at(s))}`);
    }
    for (const a of c.attributions) {
      const text = a.spans.map(at).join(' ');
      check(text.includes(a.verb) && (text.includes(a.source) || a.source.includes(text)), `${c.id}: attribution ${a.source} ${a.verb} spans ${JSON.stringify(text)}`);
    }
  }
  for (const i of result.incidents) {
    for (const f of i.figures) {
      check(f.text === f.spans.map(at).join(' … '), `${i.id}: figure text ${JSON.stringify(f.text)} vs spans ${JSON.stringify(f.spans.map(at))}`);
      check(f.spans.length > 0 && states(at(f.spans[0]!), f.value), `${i.id}: figure ${f.value} spans ${JSON.stringify(f.spans.map(at))}`);
      check(f.spans.every((fs) => i.spans.some((s) => s.start <= fs.start && fs.end <= s.end)), `${i.id}: figure ${f.value} outside the incident's spans`);
    }
    for (const e of [...i.evidence, ...i.disputes]) {
      check(e.spans.length > 0 && e.spans.map(at).join(' … ') === e.text, `${i.id}: ${JSON.stringify(e.text)} vs ${JSON.stringify(e.spans.map(at))}`);
    }
  }
  for (const v of result.victims) {
    check(v.spans.some((s) => at(s) === v.name), `${v.id}: no span reads ${JSON.stringify(v.name)}`);
    if (v.place) for (const s of v.place.spans) check([v.place.name, ...v.place.aliases].some((n) => fold(n) === fold(at(s))), `${v.id}: place ${v.place.name} spans ${JSON.stringify(at(s))}`);
  }
  for (const w of result.warnings) for (const s of w.spans) check(s.start >= 0 && s.end <= body.length && s.start <= s.end, `warning ${w.code} span ${JSON.stringify(s)}`);
  assert.deepEqual(problems, []);
});
