// Successors across a re-extraction: the same value (kind and key fields, as extracted or as corrected) with the most
// shared text; anything else has no successor.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchSuccessors, type SuccessorCandidate } from './successors.js';

const span = (start: number, end: number) => ({ start, end });
const incident = (id: string, best: number, start: string, spans = [span(0, 10)], corrected: Record<string, unknown> | null = null): SuccessorCandidate<string> => ({
  id,
  kind: 'incident',
  data: { fatalities: { best }, date: { start, end: start } },
  corrected,
  spans,
});
const victim = (id: string, name: string, spans = [span(50, 60)]): SuccessorCandidate<string> => ({ id, kind: 'victim', data: { name }, spans });

const TABLE: { name: string; earlier: SuccessorCandidate<string>[]; fresh: SuccessorCandidate<string>[]; expected: Record<string, string> }[] = [
  {
    name: 'the same claims read again succeed each other one to one',
    earlier: [incident('o1', 52, '2025-03-06', [span(0, 40)]), incident('o2', 72, '2025-03-06', [span(100, 140)]), victim('o3', 'Shinda Adel Kisho')],
    fresh: [incident('n1', 52, '2025-03-06', [span(0, 40)]), incident('n2', 72, '2025-03-06', [span(100, 140)]), victim('n3', 'Shinda Adel Kisho')],
    expected: { o1: 'n1', o2: 'n2', o3: 'n3' },
  },
  {
    name: 'spans that moved still match when the key fields are unique',
    earlier: [incident('o1', 52, '2025-03-06', [span(0, 40)])],
    fresh: [incident('n1', 52, '2025-03-06', [span(300, 340)])],
    expected: { o1: 'n1' },
  },
  {
    name: 'a different figure or day is a different value: no successor',
    earlier: [incident('o1', 52, '2025-03-06'), incident('o2', 72, '2025-03-06')],
    fresh: [incident('n1', 50, '2025-03-06'), incident('n2', 72, '2025-03-05')],
    expected: {},
  },
  {
    name: 'a claim corrected to what the new extractor now reads has the new claim as successor',
    earlier: [incident('o1', 50, '2025-03-06', [span(0, 40)], { fatalities: { best: 52 } })],
    fresh: [incident('n1', 52, '2025-03-06', [span(0, 40)])],
    expected: { o1: 'n1' },
  },
  {
    name: 'two equal candidates: the one with overlapping text wins; without overlap, neither is guessed',
    earlier: [incident('o1', 12, '2025-06-03', [span(0, 20)]), incident('o2', 12, '2025-06-03', [span(500, 520)])],
    fresh: [incident('n1', 12, '2025-06-03', [span(5, 25)]), incident('n2', 12, '2025-06-03', [span(900, 920)])],
    expected: { o1: 'n1' },
  },
  {
    name: 'kinds never cross and a victim is matched by its folded name',
    earlier: [victim('o1', 'Ahmed Abu-Salah'), incident('o2', 1, '2025-06-03', [span(50, 60)])],
    fresh: [victim('n1', 'ahmed abu salah')],
    expected: { o1: 'n1' },
  },
];

for (const row of TABLE) {
  test(`successors: ${row.name}`, () => {
    assert.deepEqual(Object.fromEntries(matchSuccessors(row.earlier, row.fresh)), row.expected);
  });
}
