// Event-trigger recognizer: words that say what kind of violence happened ("executed", "clashes", "air strike"), typed by ACLED.
import { allMatches } from '../regex.js';
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
// The word edge before the lookbehind: the cheap test fails first at most positions (the two assertions commute).
const BARE_STRIKE = /\b(?<!\b(?:on|hunger|general|labour|labor|workers'?|sit-down|nationwide)\s)(?:a|the|another|separate|second|third|deadly|latest|israeli|russian|drone|missile|precision|this|that)\s+(?:separate\s+|second\s+|deadly\s+)?strikes?\b(?!\s+(?:action|by\s+workers|called|organi[sz]ed))/gi;
const STRIKE_WORD = /strike/i;
// Every BEATING or BARE_STRIKE match holds one of these: one pass finds that most reports hold neither.
const BEATING_OR_STRIKE = /beat|flogged|whipped|strike/i;

// A beating is violence against civilians when forces do it and mob violence when a crowd does ("villagers beat up a thief").
const BEATING = /\b(?:beat|beats|beaten|flogged|whipped)(?:\s+up)?\b/gi;
const PASSIVE_AGENT = /^\s+(?:and\s+[\p{L}-]+\s+)?by\s+([^.,;]{1,40})/iu;
const ARMED_AGENT = /\b(?:police|policemen|policeman|officers?|soldiers?|troops|forces|guards?|gendarmes?|gendarmerie|militias?|militiamen|militants|gunmen|army|military|paramilitar\w*|security|troopers)\b/i;

function beatingType(body: string, start: number, end: number, lex: Lexicons): Pick<EventTriggerMention, 'eventType' | 'subEventType'> {
  const passive = PASSIVE_AGENT.exec(body.slice(end, end + 60));
  const sentenceStart = Math.max(body.lastIndexOf('.', start) + 1, start - 80);
  const agent = passive ? passive[1]! : body.slice(sentenceStart, start);
  const mob = lex.unarmedGroups.test(agent) && !ARMED_AGENT.test(agent);
  return mob ? { eventType: 'Riots', subEventType: 'Mob violence' } : { eventType: 'Violence against civilians', subEventType: 'Attack' };
}

// "in March last year", "on 27 March": the protest noun is lower-case inside a sentence; a capital there is the month.
function isMonthMarch(body: string, start: number, text: string): boolean {
  if (text !== 'March') return false;
  return !/(?:^|[.!?:\n"“‘'])\s*$/.test(body.slice(Math.max(0, start - 4), start));
}

// The object of the verb, not a place beside it ("shot two farmers near the protest camp").
const PROTESTERS = /^(?:\s+(?!(?:near|at|in|on|outside|inside|from|of|by|after|before|during|behind)\b)[\p{L}\d-]+){0,4}?\s+(?:protesters|protestors|demonstrators|marchers|(?:a|the)\s+(?:protest|demonstration|rally|march|sit-in))\b/iu;
/** The 60 characters after `end`, up to the first full stop or semicolon: `split(/[.;]/)[0]` without the array. */
function clauseAfter(body: string, end: number): string {
  const window = body.slice(end, end + 60);
  const dot = window.indexOf('.');
  const semicolon = window.indexOf(';');
  const stop = dot < 0 ? semicolon : semicolon < 0 ? dot : Math.min(dot, semicolon);
  return stop < 0 ? window : window.slice(0, stop);
}
const EXCESSIVE_FORCE = { eventType: 'Protests', subEventType: 'Excessive force against protesters', weight: 3 } as const;

// "The troops arrived by helicopter": an aircraft that carries people there is no air strike.
const AIRCRAFT = /^(?:helicopters?|planes?|aircraft|drones?)$/i;
const CARRIED_BY = /\b(?:arrived|arriving|arrive|landed|landing|flown|flew|airlifted|evacuated|transported|ferried|brought|came|deployed|dropped)\s+(?:[\p{L}-]+\s+){0,3}?(?:by|aboard|on board|in|on)\s+(?:an?\s+|the\s+|military\s+|army\s+)*$/iu;
function isTransport(body: string, start: number, text: string): boolean {
  return AIRCRAFT.test(text) && CARRIED_BY.test(body.slice(Math.max(0, start - 60), start));
}

// "Looting: On 9 May …": a monitor's bulletin line that opens with the event type.
const LABEL = /^[ \t]*([A-Za-z][A-Za-z /-]{2,40}):[ \t]/gm;
/** Labels state the type outright, so they outweigh every word trigger. */
export const LABEL_WEIGHT = 10;

export function recognizeEventTriggers(body: string, lex: Lexicons = lexicons()): EventTriggerMention[] {
  const found: EventTriggerMention[] = [];
  // Every label ends in a colon: most reports hold none.
  for (const m of body.includes(':') ? allMatches(LABEL, body) : []) {
    const type = lex.eventLabels.get(m[1]!.trim().toLowerCase());
    if (type) found.push({ span: { start: m.index, end: m.index + m[0].length }, text: m[1]!, eventType: type[0], subEventType: type[1], weight: LABEL_WEIGHT });
  }
  // "attacked an army post" is a battle; "attacked a village" is violence against civilians: the target decides.
  // Fire on protesters is ACLED's "excessive force against protesters", a kind of protest, whoever else was in the crowd.
  for (const m of lex.attackVerbs.find(body)) {
    const target = clauseAfter(body, m.end);
    if (PROTESTERS.test(target)) {
      found.push({ span: { start: m.start, end: m.end }, text: m.text, ...EXCESSIVE_FORCE });
      continue;
    }
    const armed = lex.armedTargets.test(target);
    found.push({ span: { start: m.start, end: m.end }, text: m.text, eventType: armed ? 'Battles' : 'Violence against civilians', subEventType: armed ? 'Armed clash' : 'Attack', weight: 1 });
  }
  const beatingOrStrike = BEATING_OR_STRIKE.test(body);
  for (const m of beatingOrStrike ? allMatches(BEATING, body) : []) {
    const end = m.index + m[0].length;
    found.push({ span: { start: m.index, end }, text: m[0], ...beatingType(body, m.index, end, lex), weight: 2 });
  }
  // Every match holds "strike": a search for the word is cheaper than trying the determiners at every word edge.
  for (const m of beatingOrStrike && STRIKE_WORD.test(body) ? allMatches(BARE_STRIKE, body) : []) {
    found.push({ span: { start: m.index, end: m.index + m[0].length }, text: m[0], eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike', weight: 3 });
  }
  for (const m of lex.triggers.find(body)) {
    if (isMonthMarch(body, m.start, m.text) || isTransport(body, m.start, m.text)) continue;
    const onProtesters = PROTESTERS.test(clauseAfter(body, m.end));
    for (const t of m.payloads) {
      if (onProtesters && t.eventType === 'Violence against civilians' && t.subEventType === 'Attack') found.push({ span: { start: m.start, end: m.end }, text: m.text, ...EXCESSIVE_FORCE });
      else found.push({ span: { start: m.start, end: m.end }, text: m.text, eventType: t.eventType, subEventType: t.subEventType, weight: t.weight });
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
