// Actor recognizer: armed groups, state forces, civilians named in the text, typed with ACLED's actor types.
import type { Actor } from '../../domain/types.js';
import { lexicons, type ActorEntry, type Lexicons } from '../lexicon.js';

export interface ActorMention extends Actor {
  /** ISO2 of the state whose forces these are, when the lexicon knows it. */
  country: string | null;
}

export function recognizeActors(body: string, lex: Lexicons = lexicons()): ActorMention[] {
  const found: Array<{ entry: ActorEntry; start: number; end: number }> = [];
  for (const m of lex.actors.find(body)) {
    const entry = m.payloads[0];
    if (entry) found.push({ entry, start: m.start, end: m.end });
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  // The mentions are built for the kept matches only.
  const kept: ActorMention[] = [];
  let lastEnd = -1;
  for (const { entry, start, end } of found) {
    if (start < lastEnd) continue;
    kept.push({ name: entry.name, type: entry.type, country: entry.country ?? null, spans: [{ start, end }] });
    lastEnd = end;
  }
  return kept;
}
