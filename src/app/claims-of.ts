// Turns an extraction into the rows the store keeps: one proposed claim per incident, toll and victim.
import type { Extraction } from '../domain/types.js';
import type { NewExtraction } from '../store/reports.js';

export function toNewExtraction(x: Extraction, version: string): NewExtraction {
  const claims = [...x.incidents, ...x.tolls, ...x.victims].map((c) => ({ ref: c.id, kind: c.kind, data: c, spans: c.spans, rules: c.rules }));
  return { version, warnings: x.warnings, claims };
}
