// Renders stored claims for a terminal: status, current values, and the quoted words of the source.
import type { ClaimView } from '../app/claim-view.js';
import type { ReportView } from '../app/claim-view.js';
import type { Fatalities } from '../domain/types.js';
import { formatFatalities } from './render.js';

const QUOTE_MAX = 200;

function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > QUOTE_MAX ? `${t.slice(0, QUOTE_MAX - 1)}…` : t;
}

function range(d: unknown): string {
  const r = d as { start?: string; end?: string } | null;
  if (!r?.start) return 'date unknown';
  return r.start === r.end ? r.start : `${r.start} – ${r.end}`;
}

function places(p: unknown): string {
  const list = Array.isArray(p) ? (p as { name?: string }[]) : [];
  return list.length ? list.map((x) => x.name).join('; ') : 'place unknown';
}

/** One line saying what the claim asserts, from its current (corrected or proposed) values. */
export function claimHeadline(c: ClaimView): string {
  const v = c.current;
  if (c.kind === 'victim') return `victim ${String(v.name)}${v.age != null ? `, aged ${String(v.age)}` : ''}${v.category ? ` (${String(v.category)})` : ''}`;
  const f = v.fatalities as Fatalities | undefined;
  const killed = f ? formatFatalities(f) : 'no figure';
  if (c.kind === 'toll') return `toll ${killed} — ${range(v.date)}, ${places(v.places)}`;
  return `${String(v.eventType)} / ${String(v.subEventType)} — killed ${killed}; ${range(v.date)}, ${places(v.places)}`;
}

export function renderClaim(c: ClaimView, indent = ''): string[] {
  const lines = [`${indent}${c.id} [${c.status}] ${claimHeadline(c)}`];
  for (const q of c.quotes) lines.push(`${indent}    “${clip(q.text)}” (${q.start}–${q.end})`);
  if (c.corrected) {
    const changed = Object.keys(c.corrected).filter((k) => JSON.stringify(c.corrected![k]) !== JSON.stringify(c.proposed[k]));
    lines.push(`${indent}    corrected: ${changed.map((k) => `${k} ${JSON.stringify(c.proposed[k])} → ${JSON.stringify(c.corrected![k])}`).join('; ')}`);
  }
  for (const r of c.reviews) lines.push(`${indent}    ${r.at} ${r.user} ${r.action}${r.comment ? `: ${r.comment}` : ''}`);
  if (c.rules.length) lines.push(`${indent}    rules: ${c.rules.join(', ')}`);
  return lines;
}

export function renderReportHeader(r: ReportView): string[] {
  return [
    `${r.id}  ${r.outlet}, published ${r.published} (${r.language})`,
    `    url      ${r.url}`,
    `    sha256   ${r.sha256} (${r.size} bytes)`,
    `    ingested ${r.ingestedAt} by ${r.ingestedBy}${r.source ? ` from ${r.source}` : ''}`,
  ];
}
