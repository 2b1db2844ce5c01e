// Loads the lexicons in data/lexicons once and compiles each word list into one case-insensitive matcher.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActorType, Category, EventType, Evidence, Outcome, SubEventType } from '../domain/types.js';
import { packageRoot } from '../shared/package-root.js';
import { phraseAlternation } from './regex.js';

export interface PhraseMatch {
  start: number;
  end: number;
  text: string;
}

// Word edges for Latin-script text. Not the 'u' flag with \p{L}: that makes every lexicon pass about twice as slow.
const EDGE_BEFORE = '(?<![A-Za-z0-9\\u00C0-\\u024F])';
const EDGE_AFTER = '(?![A-Za-z0-9\\u00C0-\\u024F])';

const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
/** The characters EDGE_BEFORE and EDGE_AFTER keep from either side of a phrase. */
const isEdgeChar = (c: number): boolean => isAsciiLetter(c) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f);

/** One regex per word list, longest alternatives first so "shot dead" wins over "shot". */
export class PhraseSet {
  readonly pattern: RegExp;
  /**
   * The same regex behind a `\b`, which V8 checks at every position faster than the lookbehind (a pass over a report
   * takes 15-25% less time). When every phrase starts with an ASCII letter or digit, the lookbehind implies `\b` except
   * after "_" (a word character to `\b`, not to the lookbehind): so this one is used on text without "_".
   */
  private readonly atWordStart: RegExp;
  constructor(readonly phrases: readonly string[]) {
    const rest = `(?:${phraseAlternation(phrases)})${EDGE_AFTER}`;
    this.pattern = new RegExp(`${EDGE_BEFORE}${rest}`, 'gi');
    this.atWordStart = phrases.every((p) => /^[A-Za-z0-9]/.test(p)) ? new RegExp(`\\b${EDGE_BEFORE}${rest}`, 'gi') : this.pattern;
    this.lastWords = phrases.every((p) => /^[a-z]+(?: [a-z]+)*$/.test(p)) ? new Set(phrases.map((p) => p.slice(p.lastIndexOf(' ') + 1))) : null;
  }
  /**
   * The last words of the phrases, when every phrase is lower-case ASCII words joined by single spaces: a phrase that
   * ends where a text ends has its last word there, after a character that is no letter or digit.
   */
  private readonly lastWords: ReadonlySet<string> | null;
  /** False when no phrase can match ending exactly at the end of `text` (a quick look at its last word). */
  mayEndAtEnd(text: string): boolean {
    if (this.lastWords === null) return true;
    let start = text.length;
    while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
    if (start === text.length || (start > 0 && isEdgeChar(text.charCodeAt(start - 1)))) return false;
    return this.lastWords.has(text.slice(start).toLowerCase());
  }
  private regexFor(text: string): RegExp {
    return text.includes('_') ? this.pattern : this.atWordStart;
  }
  find(text: string, offset = 0): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    const re = this.firstMatch(text);
    for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
    return out;
  }
  /**
   * The regex for `text`, reset: `exec` it until null for every match, as `find` does. The shared regex, not matchAll:
   * matchAll clones the regex, which for a list of hundreds of phrases costs ~3 µs a call (more than matching a
   * sentence), and these sets are asked thousands of times per MB.
   */
  firstMatch(text: string): RegExp {
    const re = this.regexFor(text);
    re.lastIndex = 0;
    return re;
  }
  test(text: string): boolean {
    const re = this.regexFor(text);
    re.lastIndex = 0;
    return re.test(text);
  }
  private sticky: RegExp | null = null;
  /** Length of the phrase starting exactly at `index` (word edges as in `find`), or -1: one anchored try, not a scan. */
  lengthAt(text: string, index = 0): number {
    this.sticky ??= new RegExp(this.pattern.source, 'iy');
    this.sticky.lastIndex = index;
    const m = this.sticky.exec(text);
    return m ? m[0].length : -1;
  }
}

/** Many word lists in one regex: one pass over the text finds every phrase and says which lists it belongs to. */
export class PhraseMap<T> {
  private readonly set: PhraseSet;
  private readonly payloads = new Map<string, T[]>();
  constructor(entries: Iterable<{ phrases: readonly string[]; payload: T }>) {
    const all: string[] = [];
    for (const { phrases, payload } of entries) {
      for (const p of phrases) {
        const key = p.toLowerCase();
        const list = this.payloads.get(key) ?? [];
        list.push(payload);
        this.payloads.set(key, list);
        all.push(p);
      }
    }
    this.set = new PhraseSet(all);
  }
  /** The set's matches with their payloads, built in one loop (no PhraseMatch per match mapped into a second object). */
  find(text: string, offset = 0): Array<PhraseMatch & { payloads: T[] }> {
    const out: Array<PhraseMatch & { payloads: T[] }> = [];
    const re = this.set.firstMatch(text);
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const matched = m[0];
      // Keys have single spaces: only a match with other whitespace needs it collapsed.
      const lower = matched.toLowerCase();
      const payloads = this.payloads.get(lower) ?? this.payloads.get(lower.replace(/\s+/g, ' ')) ?? [];
      out.push({ start: offset + m.index, end: offset + m.index + matched.length, text: matched, payloads });
    }
    return out;
  }
}

interface VictimLexiconFile {
  phrases: Record<string, Category | null>;
  words: Record<string, Category | null>;
  stateMarkers: string[];
  nonStateMarkers: string[];
  rankTitles: string[];
  courtesyTitles: string[];
  groupNounsAfterName: string[];
}
interface CasualtyLexiconFile {
  outcomes: Record<Outcome, string[]>;
  tollMarkers: string[];
  spreadMarkers: string[];
  subsetMarkers: string[];
  contrastMarkers: string[];
  negations: string[];
  codedFatalities: string[];
}
export interface EventTrigger {
  words: string[];
  eventType: EventType;
  subEventType: SubEventType;
  weight: number;
}

interface SourcesLexiconFile {
  reportingVerbs: string[];
  evidence: Array<{ words: string[]; kind: Evidence['kind'] }>;
  verifiers: string[];
  unverified: string[];
  disputeCues: string[];
}
export interface ActorEntry {
  words: string[];
  name: string;
  type: ActorType;
  country?: string;
}

function readLexicon<T>(name: string): T {
  return JSON.parse(readFileSync(join(packageRoot(), 'data', 'lexicons', name), 'utf8')) as T;
}

export interface Lexicons {
  victimPhrases: Map<string, Category | null>;
  victimWords: Map<string, Category | null>;
  victimNouns: PhraseSet;
  stateMarkers: PhraseSet;
  nonStateMarkers: PhraseSet;
  /** Police and army ranks written before a name ("Sgt.", "Chief Inspector"): not part of the name, and they say stateForces. */
  rankTitles: Set<string>;
  /** Titles written before a name that say nothing of the side ("Dr.", "Imam", "Rev."). */
  courtesyTitles: Set<string>;
  /** Words that, after a capitalised run, make it a group's or a place's name ("a Bayan Muna official"). */
  groupNounsAfterName: Set<string>;
  outcomes: Array<{ outcome: Outcome; set: PhraseSet }>;
  outcomeWord: Map<string, Outcome>;
  anyOutcome: PhraseSet;
  tollMarkers: PhraseSet;
  spreadMarkers: PhraseSet;
  subsetMarkers: PhraseSet;
  contrastMarkers: PhraseSet;
  negations: PhraseSet;
  codedFatalities: PhraseSet;
  triggers: PhraseMap<EventTrigger>;
  eventLabels: Map<string, [EventType, SubEventType]>;
  clashWords: PhraseSet;
  executionWords: PhraseSet;
  unarmedGroups: PhraseSet;
  armedTargets: PhraseSet;
  attackVerbs: PhraseSet;
  reportingVerbs: PhraseSet;
  evidence: Array<{ kind: Evidence['kind']; set: PhraseSet }>;
  /** Every evidence phrase of every kind: one pass says whether a sentence can hold evidence at all. */
  anyEvidence: PhraseSet;
  verifiers: PhraseSet;
  unverified: PhraseSet;
  disputeCues: PhraseSet;
  /** Dispute cues and "could not be verified" phrases together: a sentence with neither has no dispute. */
  anyDispute: PhraseSet;
  actors: PhraseMap<ActorEntry>;
}

let cached: Lexicons | undefined;

export function lexicons(): Lexicons {
  if (cached) return cached;
  const v = readLexicon<VictimLexiconFile>('victims.json');
  const c = readLexicon<CasualtyLexiconFile>('casualties.json');
  const e = readLexicon<{ triggers: EventTrigger[]; labels: Record<string, [EventType, SubEventType] | string>; clashWords: string[]; executionWords: string[]; unarmedGroups: string[]; armedTargets: string[]; attackVerbs: string[] }>('events.json');
  const src = readLexicon<SourcesLexiconFile>('sources.json');
  const a = readLexicon<{ actors: ActorEntry[] }>('actors.json');
  const outcomeWord = new Map<string, Outcome>();
  for (const [outcome, words] of Object.entries(c.outcomes) as Array<[Outcome, string[]]>) {
    for (const w of words) outcomeWord.set(w.toLowerCase(), outcome);
  }
  cached = {
    victimPhrases: new Map(Object.entries(v.phrases)),
    victimWords: new Map(Object.entries(v.words)),
    victimNouns: new PhraseSet([...Object.keys(v.phrases), ...Object.keys(v.words)]),
    stateMarkers: new PhraseSet(v.stateMarkers),
    nonStateMarkers: new PhraseSet(v.nonStateMarkers),
    rankTitles: new Set(v.rankTitles),
    courtesyTitles: new Set(v.courtesyTitles),
    groupNounsAfterName: new Set(v.groupNounsAfterName),
    outcomes: (Object.entries(c.outcomes) as Array<[Outcome, string[]]>).map(([outcome, words]) => ({ outcome, set: new PhraseSet(words) })),
    outcomeWord,
    anyOutcome: new PhraseSet(Object.values(c.outcomes).flat()),
    tollMarkers: new PhraseSet(c.tollMarkers),
    spreadMarkers: new PhraseSet(c.spreadMarkers),
    subsetMarkers: new PhraseSet(c.subsetMarkers),
    contrastMarkers: new PhraseSet(c.contrastMarkers),
    negations: new PhraseSet(c.negations),
    codedFatalities: new PhraseSet(c.codedFatalities),
    triggers: new PhraseMap(e.triggers.map((t) => ({ phrases: t.words, payload: t }))),
    eventLabels: new Map(Object.entries(e.labels).filter((kv): kv is [string, [EventType, SubEventType]] => Array.isArray(kv[1]))),
    clashWords: new PhraseSet(e.clashWords),
    executionWords: new PhraseSet(e.executionWords),
    unarmedGroups: new PhraseSet(e.unarmedGroups),
    armedTargets: new PhraseSet(e.armedTargets),
    attackVerbs: new PhraseSet(e.attackVerbs),
    reportingVerbs: new PhraseSet(src.reportingVerbs),
    evidence: src.evidence.map((ev) => ({ kind: ev.kind, set: new PhraseSet(ev.words) })),
    anyEvidence: new PhraseSet(src.evidence.flatMap((ev) => ev.words)),
    verifiers: new PhraseSet(src.verifiers),
    unverified: new PhraseSet(src.unverified),
    disputeCues: new PhraseSet(src.disputeCues),
    anyDispute: new PhraseSet([...src.disputeCues, ...src.unverified]),
    actors: new PhraseMap(a.actors.map((entry) => ({ phrases: entry.words, payload: entry }))),
  };
  return cached;
}
