// A report's text with every extracted value marked at its span. Text is rendered as text nodes, never as HTML.
import type { Claim, Span } from './api.js';

export type MarkType = 'figure' | 'victim' | 'place' | 'actor' | 'source';
const PRIORITY: MarkType[] = ['figure', 'victim', 'place', 'actor', 'source'];

export interface ValueMark extends Span {
  claim: string;
  type: MarkType;
  label: string;
}

const valid = (s: Span, len: number) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= len && s.start < s.end;

/** The value marks of one claim: its figures, places, actors, sources; a toll's number or a victim's name found in its quotes. */
export function marksOf(c: Claim, body: string): ValueMark[] {
  const out: ValueMark[] = [];
  const add = (spans: Span[] | undefined, type: MarkType, label: string) => {
    for (const s of spans ?? []) if (valid(s, body.length)) out.push({ start: s.start, end: s.end, claim: c.id, type, label });
  };
  const d = c.current;
  for (const f of d.figures ?? []) add(f.spans, 'figure', `${c.id}: ${f.value} ${f.outcome}${f.source ? ` (${f.source})` : ''}`);
  if (!d.figures?.length && c.kind === 'toll') {
    // A toll carries its sentence, not the number's own span: find the number in it (as read, and as corrected).
    const numbers = new Set([c.proposed?.fatalities?.best, d.fatalities?.best].filter((n): n is number => typeof n === 'number').map(String));
    for (const n of numbers)
      for (const q of c.quotes) {
        const re = new RegExp(`(?<![\\d.,])${n}(?![\\d])`, 'g');
        for (const m of q.text.matchAll(re)) add([{ start: q.start + m.index, end: q.start + m.index + n.length }], 'figure', `${c.id}: toll ${d.fatalities?.best ?? n}`);
      }
  }
  if (c.kind === 'victim') {
    const name = d.name;
    const named = name ? c.quotes.filter((q) => q.text === name) : [];
    add(named.length ? named : c.quotes.slice(0, 1), 'victim', `${c.id}: victim ${name ?? ''}`);
  }
  for (const p of d.places ?? []) add(p.spans, 'place', `${c.id}: place ${p.name}`);
  for (const a of d.actors ?? []) add(a.spans, 'actor', `${c.id}: actor ${a.name}`);
  for (const a of d.attributions ?? []) add(a.spans, 'source', `${c.id}: source ${a.source}`);
  return out;
}

interface Props {
  body: string;
  claims: Claim[];
  selected: string | null;
  onSelect: (claimId: string) => void;
}

export function HighlightedText({ body, claims, selected, onSelect }: Props) {
  const marks = claims.flatMap((c) => marksOf(c, body));
  const status = new Map(claims.map((c) => [c.id, c.status]));
  const quotes = claims.find((c) => c.id === selected)?.quotes.filter((q) => valid(q, body.length)) ?? [];
  const cuts = new Set<number>([0, body.length]);
  for (const m of [...marks, ...quotes]) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);

  // Elementary pieces between cuts, then neighbours that look the same joined, so a value stays one element.
  const pieces: { text: string; inQuote: boolean; top: ValueMark | null; ids: string[] }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const inQuote = quotes.some((q) => q.start <= a && q.end >= b);
    const over = marks.filter((m) => m.start <= a && m.end >= b);
    // The selected claim's mark on top, then the most telling kind of value.
    over.sort((x, y) => Number(y.claim === selected) - Number(x.claim === selected) || PRIORITY.indexOf(x.type) - PRIORITY.indexOf(y.type));
    const top = over[0] ?? null;
    const ids = [...new Set(over.map((m) => m.claim))];
    const last = pieces[pieces.length - 1];
    if (last && last.inQuote === inQuote && last.top === top && last.ids.join() === ids.join()) last.text += body.slice(a, b);
    else pieces.push({ text: body.slice(a, b), inQuote, top, ids });
  }
  const labels = (ids: string[], top: ValueMark) => marks.filter((m) => ids.includes(m.claim) && m.start < top.end && m.end > top.start).map((m) => m.label);

  const parts = pieces.map(({ text, inQuote, top, ids }) => {
    if (!top) return inQuote ? <span class="in-quote">{text}</span> : text;
    return (
      <mark
        class={`hl hl-${top.type} st-${status.get(top.claim) ?? 'proposed'}${ids.includes(selected ?? '') ? ' sel' : ''}${inQuote ? ' in-quote' : ''}`}
        data-claim={top.claim}
        data-claims={ids.join(' ')}
        data-type={top.type}
        title={[...new Set(labels(ids, top))].join('\n')}
        onClick={() => {
          // Clicking again where several claims meet goes through them in turn.
          const at = selected ? ids.indexOf(selected) : -1;
          onSelect(at >= 0 ? ids[(at + 1) % ids.length]! : top.claim);
        }}
      >
        {text}
      </mark>
    );
  });
  return <div class="report-text">{parts}</div>;
}
