// A small deterministic extractor for storage tests: one incident, one toll and one victim per report, with real spans.
import type { Extraction, IncidentClaim, Report, TollClaim, VictimClaim } from '../../src/domain/types.js';

export function fakeExtract(report: Report): Extraction {
  const body = report.body;
  const m = /(\d+) (?:people|civilians) were killed/.exec(body);
  const n = m ? Number(m[1]) : 0;
  const span = m ? { start: m.index, end: m.index + m[0].length } : { start: 0, end: Math.min(10, body.length) };
  const fatalities = { low: n, best: n, high: n, byCategory: { civilians: n } };
  const incident: IncidentClaim = {
    kind: 'incident', id: 'i1', spans: [span], rules: ['fake.incident'], warnings: [],
    date: { start: report.published, end: report.published }, datePrecision: 'day', places: [],
    eventType: 'Violence against civilians', subEventType: 'Attack', actors: [], fatalities, qualifier: 'exact',
    injured: null, missing: null, arrested: null, figures: [], attributions: [], evidence: [], disputes: [],
  };
  const toll: TollClaim = { kind: 'toll', id: 't1', spans: [span], rules: ['fake.toll'], warnings: [], fatalities, qualifier: 'at_least', places: [], date: null, components: ['i1'], attributions: [] };
  const victim: VictimClaim = {
    kind: 'victim', id: 'v1', spans: [{ start: 0, end: Math.min(5, body.length) }], rules: ['fake.victim'], warnings: [],
    name: 'Test Person', sex: null, age: null, origin: null, occupation: null, category: 'civilians', cause: null, date: null, place: null, incident: 'i1',
  };
  return {
    report: { outlet: report.outlet, published: report.published, url: report.url, language: report.language, bodyLength: body.length },
    incidents: [incident], tolls: [toll], victims: [victim], warnings: [],
  };
}

export function reportText(i: number, killed = 3 + (i % 40)): string {
  return `outlet: Test Wire\npublished: 2025-03-${String(1 + (i % 28)).padStart(2, '0')}\nurl: https://example.test/${i}\n\nReport ${i}: ${killed} people were killed in an attack on the village.\n`;
}
