// Renders an extraction for a terminal: each claim with its numbers and the quoted words it came from.
import type { Extraction, Fatalities, PlaceRef, Report, Span, DayRange } from '../domain/types.js';

interface RenderOptions {
  color: boolean;
}

const QUOTE_MAX = 160;
// Report text is untrusted: escape sequences and control characters must not reach the terminal.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function quote(body: string, spans: Span[]): string {
  const span = spans[0];
  if (!span) return '';
  const text = terminalSafe(body.slice(span.start, span.end).replace(/\s+/g, ' ').trim());
  return text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text;
}

function formatRange(range: DayRange | null): string {
  if (!range) return 'date unknown';
  return range.start === range.end ? range.start : `${range.start} – ${range.end}`;
}

function formatPlaces(places: PlaceRef[]): string {
  const events = places.filter((p) => p.role === 'event');
  if (events.length === 0) return 'place unknown';
  return events
    .slice(0, 4)
    .map((p) => {
      const admin = [p.admin2, p.admin1, p.country].filter((x, i, a) => x && x !== p.name && a.indexOf(x) === i).join(', ');
      return terminalSafe(`${p.name}${admin ? ` (${admin})` : ''}`);
    })
    .join('; ');
}

export function formatFatalities(f: Fatalities): string {
  if (f.best === null) return 'no figure';
  const range = f.low === f.best && f.high === f.best ? `${f.best}` : `${f.best} (low ${f.low ?? '?'}, high ${f.high ?? 'open'})`;
  const parts = Object.entries(f.byCategory)
    .filter(([, n]) => n)
    .map(([k, n]) => `${k} ${n}`);
  return parts.length ? `${range} — ${parts.join(', ')}` : range;
}

export function renderExtraction(file: string, report: Report, x: Extraction, opts: RenderOptions): string {
  const bold = (s: string) => (opts.color ? `\x1b[1m${s}\x1b[0m` : s);
  const dim = (s: string) => (opts.color ? `\x1b[2m${s}\x1b[0m` : s);
  const lines: string[] = [bold(terminalSafe(`${file} — ${report.outlet}, ${report.published}`))];
  lines.push(`${x.incidents.length} incident(s), ${x.tolls.length} toll(s), ${x.victims.length} named victim(s)`);
  for (const inc of x.incidents) {
    lines.push('');
    lines.push(bold(`[${inc.id}] ${inc.eventType} / ${inc.subEventType}`));
    lines.push(`  when    ${formatRange(inc.date)}`);
    lines.push(`  where   ${formatPlaces(inc.places)}`);
    lines.push(`  killed  ${formatFatalities(inc.fatalities)}`);
    if (inc.injured) lines.push(`  injured ${inc.injured}`);
    if (inc.actors.length) lines.push(`  actors  ${inc.actors.map((a) => `${a.name} (${a.type})`).join('; ')}`);
    if (inc.attributions.length) lines.push(terminalSafe(`  source  ${inc.attributions.map((a) => a.source).join('; ')}`));
    if (inc.evidence.length) lines.push(terminalSafe(`  evidence ${inc.evidence.map((e) => e.text).join('; ')}`));
    if (inc.disputes.length) lines.push(terminalSafe(`  disputed ${inc.disputes.map((d) => `${d.party}: ${d.text}`).join('; ')}`));
    lines.push(dim(`  “${quote(report.body, inc.spans)}”`));
    for (const w of inc.warnings) lines.push(terminalSafe(`  ! ${w.code}: ${w.message}`));
  }
  for (const t of x.tolls) {
    lines.push('');
    lines.push(bold(`[${t.id}] toll ${t.qualifier === 'exact' ? '' : t.qualifier.replace('_', ' ') + ' '}${t.fatalities.best ?? '?'}`));
    lines.push(`  when    ${formatRange(t.date)}`);
    lines.push(`  where   ${formatPlaces(t.places)}`);
    if (t.components.length) lines.push(`  sums    ${t.components.join(', ')}`);
    lines.push(dim(`  “${quote(report.body, t.spans)}”`));
  }
  for (const v of x.victims) {
    lines.push('');
    const facts = [v.sex, v.age !== null ? `aged ${v.age}` : null, v.occupation, v.origin ? `from ${v.origin}` : null, v.category, v.cause]
      .filter(Boolean)
      .join(', ');
    lines.push(bold(terminalSafe(`[${v.id}] ${v.name}`)) + terminalSafe((facts ? ` — ${facts}` : '') + (v.incident ? ` (in ${v.incident})` : '')));
    lines.push(dim(`  “${quote(report.body, v.spans)}”`));
  }
  for (const w of x.warnings) lines.push(`! ${w.code}: ${w.message}`);
  return lines.join('\n');
}
