// Event-trigger recognizer: words that say what kind of violence happened ("executed", "clashes", "air strike"), typed by ACLED.
import type { EventType, Span, SubEventType } from '../../domain/types.js';
import { lexicons, type Lexicons } from '../lexicon.js';

export interface EventTriggerMention {
  span: Span;
  text: string;
  eventType: EventType;
  subEventType: SubEventType;
  weight: number;
}

// In conflict reporting "a strike on a house" is an air or drone strike; "went on strike" and "hunger strike" are not.
const BARE_STRIKE = /(?<!\b(?:on|hunger|general|labour|labor|workers'?|sit-down|nationwide)\s)\b(?:a|the|another|separate|second|third|deadly|latest|israeli|russian|drone|missile|precision|this|that)\s+(?:separate\s+|second\s+|deadly\s+)?strikes?\b(?!\s+(?:action|by\s+workers|called|organi[sz]ed))/gi;

export function recognizeEventTriggers(body: string, lex: Lexicons = lexicons()): EventTriggerMention[] {
  const found: EventTriggerMention[] = [];
  for (const m of body.matchAll(BARE_STRIKE)) {
    found.push({ span: { start: m.index, end: m.index + m[0].length }, text: m[0], eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike', weight: 3 });
  }
  for (const t of lex.triggers) {
    for (const m of t.set.find(body)) {
      found.push({ span: { start: m.start, end: m.end }, text: m.text, eventType: t.eventType, subEventType: t.subEventType, weight: t.weight });
    }
  }
  // Longest match wins where triggers overlap ("suicide car bomb" over "car bomb" over "bomb").
  found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const kept: EventTriggerMention[] = [];
  for (const f of found) {
    const last = kept.at(-1);
    if (last && f.span.start < last.span.end) continue;
    kept.push(f);
  }
  return kept;
}
