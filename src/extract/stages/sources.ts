// Source recognizers: who says so (attribution), what supports it (evidence) and who rejects it (disputes), per sentence.
import { allMatches, isRegexSpace, spaceRunStart } from '../regex.js';
import type { Attribution, Dispute, Evidence } from '../../domain/types.js';
import { lexicons, PhraseSet, type Lexicons } from '../lexicon.js';
import type { Sentence } from '../mentions.js';

export interface SentenceSources {
  sentence: number;
  attributions: Attribution[];
  evidence: Evidence[];
  disputes: Dispute[];
}

const ACCORDING_TO = /\baccording to\s+((?:the\s+)?[^,;.:"“]{2,70}?)(?=\s*(?:[,;.:"“]|$|\bwhich\b|\bwho\b|\bthat\b))/gi;
const ROLE_NOUNS = ['governor', 'police', 'army', 'military', 'ministry', 'monitor', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'source', 'sources',
  'resident', 'residents', 'witnesses', 'doctor', 'doctors', 'medics', 'rescuers', 'group', 'network', 'agency', 'committees', 'office', 'observatory', 'command', 'government', 'authorities'];
/** A role noun at a sentence start is capitalised ("Medics at the hospital said"); elsewhere it is not. */
const ROLE = `(?:${ROLE_NOUNS.map((r) => `[${r[0]!.toUpperCase()}${r[0]}]${r.slice(1)}`).join('|')})`;
const DETERMINER = String.raw`(?:[Tt]he|[Aa]n?)`;
// The subject right before a reporting verb: a capitalised run ("Syrian Observatory for Human Rights (SOHR)"), "the governor", or a role
// with a lower-case place after it ("medics at the hospital").
export const SUBJECT_BEFORE = new RegExp(
  String.raw`((?:(?:the|a|an|its|his|her)\s+)?(?:[A-Z][\p{L}'’.-]*|of|for|and|the|de|al-[\p{L}]+|[a-z][\p{L}-]*(?=\s+[A-Z]))(?:\s+(?:[A-Z][\p{L}'’.-]*|of|for|and|the|de|on|al-[\p{L}]+)){0,8}(?:\s*\([A-Z][A-Za-z]+\))?` +
    String.raw`|(?:${DETERMINER}\s+(?:[\p{L}-]+\s+){0,3})?${ROLE}(?:\s+(?:at|in|from|of|near)\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]+){0,2})\s*(?:,[^,]{0,60},\s*)?$`,
  'u',
);
/** SUBJECT_BEFORE as a global copy: `subjectBefore` starts its search past the words no subject can reach back to. */
const SUBJECT_BEFORE_FROM = new RegExp(SUBJECT_BEFORE.source, 'gu');
/**
 * The most whitespace runs a subject can hold: 14 in the role branch (a determiner and three words, then twice
 * "at the X Y Z"), 10 in the name branch (an article, nine words, a parenthesis). sources.test.ts compares the
 * search with the unbounded regex on subjects of that length, so a longer SUBJECT_BEFORE fails it until this is raised.
 */
const SUBJECT_MAX_SPACE_RUNS = 14;
/** Longest text between the commas of the aside SUBJECT_BEFORE allows after a subject (", a Britain-based monitor,"). */
const SUBJECT_ASIDE_MAX = 60;

/**
 * `SUBJECT_BEFORE.exec(text)`, without trying every start position of a long sentence: the regex is end-anchored,
 * and V8 runs it from each position in turn, each run reading to the end (quadratic in the sentence). No match can
 * start before `subjectSearchStart`, and SUBJECT_BEFORE does not look behind its start, so the search begins there.
 */
export function subjectBefore(text: string): RegExpExecArray | null {
  const re = SUBJECT_BEFORE_FROM;
  re.lastIndex = subjectSearchStart(text);
  const m = re.exec(text);
  re.lastIndex = 0;
  return m;
}

/**
 * The subject ends at the text's end or before an aside ", …, " that closes it; from either end it reaches back only
 * over letters, apostrophes, periods, hyphens, parentheses and at most SUBJECT_MAX_SPACE_RUNS whitespace runs.
 */
function subjectSearchStart(text: string): number {
  const end = spaceRunStart(text, text.length);
  let from = subjectReach(text, end);
  if (end >= 2 && text.charCodeAt(end - 1) === 44 /* , */) {
    const open = text.lastIndexOf(',', end - 2);
    if (open >= 0 && end - 2 - open <= SUBJECT_ASIDE_MAX) from = Math.min(from, subjectReach(text, spaceRunStart(text, open)));
  }
  return from;
}

/** How far back from `end` a subject ending there can start. */
function subjectReach(text: string, end: number): number {
  let i = end;
  let runs = 0;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (isRegexSpace(c)) {
      if (++runs > SUBJECT_MAX_SPACE_RUNS) break;
      i = spaceRunStart(text, i);
      continue;
    }
    if (!mayBeInSubject(c)) break;
    i--;
  }
  return i;
}

/** ASCII characters a subject holds (letters, ' . - ( )); any other character is allowed too, which only widens the search. */
function mayBeInSubject(c: number): boolean {
  if (c >= 128) return true;
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 46 || c === 45 || c === 40 || c === 41;
}

// "Hospital records seen by the outlet list 31 names": a reporting verb that is also a plural noun is the noun when a
// participle, a preposition or another verb follows it.
const NOUN_LIKE_VERBS = new Set(['records', 'reports', 'claims', 'documents', 'estimates', 'counts', 'states', 'report', 'claim', 'record', 'count', 'estimate']);
const NOUN_READING_AFTER = /^\s+(?:seen|obtained|shown|reviewed|released|published|compiled|kept|from|of|by|show|showed|shows|list|listed|lists|indicate|indicated|suggest|suggested|were|are|have|had)\b/i;

const SPEAKER_ROLE = new RegExp(`\\b(?:${[...ROLE_NOUNS, 'witness', 'medic', 'rescuer'].join('|')})`, 'i');

// "…, which Washington says …": a relative word before the speaker's name is not part of it.
function clean(source: string): string {
  return source.replace(/\s+/g, ' ').replace(/^(?:(?:which|who|whom|that|where|while|as|and|but)\s+)?(?:(?:the|a|an)\s+)?/i, '').trim();
}

/** `verbs`: whether the sentence may hold a reporting verb (false when a search of all source phrases found none). */
function attributionsIn(body: string, s: Sentence, lex: Lexicons, verbs: boolean): Attribution[] {
  const found: Attribution[] = [];
  for (const m of allMatches(ACCORDING_TO, s.text)) {
    const start = s.span.start + m.index;
    found.push({ source: clean(m[1]!), verb: 'according to', spans: [{ start, end: start + m[0].length }] });
  }
  if (!verbs) return found;
  for (const v of lex.reportingVerbs.find(s.text, s.span.start)) {
    if (NOUN_LIKE_VERBS.has(v.text.toLowerCase()) && NOUN_READING_AFTER.test(body.slice(v.end, s.span.end))) continue;
    const before = body.slice(s.span.start, v.start);
    const subject = subjectBefore(before);
    // A name (a capital letter) or a role: "and announced" after another clause's subject names nobody.
    if (!subject || !(/[A-Z]/.test(subject[1]!) || SPEAKER_ROLE.test(subject[1]!))) continue;
    const source = clean(subject[1]!);
    if (source.length < 2 || /^(?:He|She|They|It|We|I)$/.test(source)) continue;
    const start = v.start - subject[0].length;
    found.push({ source, verb: v.text.toLowerCase(), spans: [{ start, end: v.end }] });
  }
  return found;
}

function evidenceIn(s: Sentence, lex: Lexicons): Evidence[] {
  // Most sentences name no evidence: one pass over all kinds' phrases instead of one per kind and the verifier lists.
  if (!lex.anyEvidence.test(s.text)) return [];
  const verified = lex.verifiers.test(s.text) && !lex.unverified.test(s.text);
  // "could not be independently verified" says there is no evidence; its "verified" is none.
  const denials = lex.unverified.find(s.text, s.span.start);
  const out: Evidence[] = [];
  for (const { kind, set } of lex.evidence) {
    for (const m of set.find(s.text, s.span.start)) {
      if (out.some((e) => e.spans[0]!.start < m.end && m.start < e.spans[0]!.end)) continue;
      if (denials.some((d) => d.start < m.end && m.start < d.end)) continue;
      out.push({ kind, verified, text: m.text, spans: [{ start: m.start, end: m.end }] });
    }
  }
  return out;
}

function disputesIn(body: string, s: Sentence, lex: Lexicons): Dispute[] {
  if (!lex.anyDispute.test(s.text)) return [];
  const out: Dispute[] = [];
  for (const cue of lex.disputeCues.find(s.text, s.span.start)) {
    const subject = subjectBefore(body.slice(s.span.start, cue.start));
    const party = subject ? clean(subject[1]!) : /\b(authorities|officials|government|military|army|police)\b/i.exec(s.text)?.[1] ?? 'unnamed party';
    out.push({ party, text: body.slice(cue.start, Math.min(s.span.end, cue.end + 60)).replace(/\s+/g, ' ').trim(), spans: [{ start: s.span.start, end: s.span.end }] });
    break;
  }
  for (const m of lex.unverified.find(s.text, s.span.start)) {
    out.push({ party: 'the outlet', text: m.text, spans: [{ start: m.start, end: m.end }] });
  }
  return out;
}

/**
 * Phrase sets that match a sentence exactly when one of their parts does: two sentences in three name no reporting
 * verb, evidence or dispute, and nearly all name neither evidence nor a dispute, so one search rules them all out.
 */
interface SourceCues {
  /** Reporting verbs, evidence and disputes. */
  any: PhraseSet;
  /** Evidence and disputes. */
  evidenceOrDispute: PhraseSet;
}
const sourceCueSets = new WeakMap<Lexicons, SourceCues>();
function sourceCues(lex: Lexicons): SourceCues {
  let cues = sourceCueSets.get(lex);
  if (!cues) {
    const evidenceOrDispute = [...lex.anyEvidence.phrases, ...lex.anyDispute.phrases];
    cues = { any: new PhraseSet([...lex.reportingVerbs.phrases, ...evidenceOrDispute]), evidenceOrDispute: new PhraseSet(evidenceOrDispute) };
    sourceCueSets.set(lex, cues);
  }
  return cues;
}

export function recognizeSources(body: string, sentence: Sentence, lex: Lexicons = lexicons()): SentenceSources {
  const cues = sourceCues(lex);
  const any = cues.any.test(sentence.text);
  const either = any && cues.evidenceOrDispute.test(sentence.text);
  return {
    sentence: sentence.index,
    attributions: attributionsIn(body, sentence, lex, any),
    evidence: either ? evidenceIn(sentence, lex) : [],
    disputes: either ? disputesIn(body, sentence, lex) : [],
  };
}

/** Sources are read only for the sentences that claims quote, and each sentence once. */
export function lazySources(body: string, sentences: Sentence[], lex: Lexicons = lexicons()): (sentence: number) => SentenceSources {
  const memo = new Map<number, SentenceSources>();
  return (i) => {
    let found = memo.get(i);
    if (!found) {
      found = recognizeSources(body, sentences[i]!, lex);
      memo.set(i, found);
    }
    return found;
  };
}
