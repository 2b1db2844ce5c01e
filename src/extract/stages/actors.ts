// Actor recognizer: armed groups, state forces, civilians named in the text, typed with ACLED's actor types.
import type { Actor } from '../../domain/types.js';
import { lexicons, type Lexicons } from '../lexicon.js';

export interface ActorMention extends Actor {
  /** ISO2 of the state whose forces these are, when the lexicon knows it. */
  country: string | null;
}

export function recognizeActors(body: string, lex: Lexicons = lexicons()): ActorMention[] {
  const found: Array<ActorMention & { length: number }> = [];
  for (const m of lex.actors.find(body)) {
    const entry = m.payloads[0];
    if (entry) found.push({ name: entry.name, type: entry.type, country: entry.country ?? null, spans: [{ start: m.start, end: m.end }], length: m.end - m.start });
  }
  found.sort((a, b) => a.spans[0]!.start - b.spans[0]!.start || b.length - a.length);
  const kept: ActorMention[] = [];
  let lastEnd = -1;
  for (const { length: _length, ...actor } of found) {
    if (actor.spans[0]!.start < lastEnd) continue;
    kept.push(actor);
    lastEnd = actor.spans[0]!.end;
  }
  return kept;
}
