// How people name stored things: r12 for a report, c345 for a claim, or a report's SHA-256 prefix.
import { MarsadError } from '../domain/errors.js';

export const reportRef = (id: number) => `r${id}`;
export const claimRef = (id: number) => `c${id}`;
export const extractionRef = (id: number) => `x${id}`;

export type ParsedRef = { kind: 'report'; id: number } | { kind: 'claim'; id: number } | { kind: 'sha'; prefix: string };

export function parseRef(text: string): ParsedRef {
  const s = text.trim();
  const m = /^([rRcC])(\d{1,15})$/.exec(s);
  if (m) return { kind: m[1]!.toLowerCase() === 'r' ? 'report' : 'claim', id: Number(m[2]) };
  if (/^[0-9a-fA-F]{8,64}$/.test(s)) return { kind: 'sha', prefix: s.toLowerCase() };
  throw new MarsadError('invalid_input', `"${text}" names nothing: use r12 for a report, c12 for a claim, or 8+ hex digits of a report's SHA-256`);
}

export function parseClaimId(text: string): number {
  const ref = /^\d+$/.test(text.trim()) ? { kind: 'claim' as const, id: Number(text) } : parseRef(text);
  if (ref.kind !== 'claim') throw new MarsadError('invalid_input', `"${text}" is not a claim id (c12)`);
  return ref.id;
}

export function parseReportId(text: string): number {
  const ref = /^\d+$/.test(text.trim()) ? { kind: 'report' as const, id: Number(text) } : parseRef(text);
  if (ref.kind !== 'report') throw new MarsadError('invalid_input', `"${text}" is not a report id (r12)`);
  return ref.id;
}
