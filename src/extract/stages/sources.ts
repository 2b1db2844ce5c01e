// Source recognizers: who says so (attribution), what supports it (evidence) and who rejects it (disputes), per sentence.
import type { Attribution, Dispute, Evidence } from '../../domain/types.js';
import { lexicons, type Lexicons } from '../lexicon.js';
import type { Sentence } from '../mentions.js';

export interface SentenceSources {
  sentence: number;
  attributions: Attribution[];
  evidence: Evidence[];
  disputes: Dispute[];
}

const ACCORDING_TO = /\baccording to\s+((?:the\s+)?[^,;.:"“]{2,70}?)(?=\s*(?:[,;.:"“]|$|\bwhich\b|\bwho\b|\bthat\b))/gi;
// The subject right before a reporting verb: a capitalised run ("Syrian Observatory for Human Rights (SOHR)") or "the governor".
const SUBJECT_BEFORE = /((?:(?:the|a|an|its|his|her)\s+)?(?:[A-Z][\p{L}'’.-]*|of|for|and|the|de|al-[\p{L}]+|[a-z][\p{L}-]*(?=\s+[A-Z]))(?:\s+(?:[A-Z][\p{L}'’.-]*|of|for|and|the|de|on|al-[\p{L}]+)){0,8}(?:\s*\([A-Z][A-Za-z]+\))?|(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,3}(?:governor|police|army|military|ministry|monitor|spokesman|spokeswoman|spokesperson|official|officials|source|sources|residents?|witnesses|doctor|medics|group|network|agency|committees|office|observatory|command|government|authorities))\s*(?:,[^,]{0,60},\s*)?$/u;

function clean(source: string): string {
  return source.replace(/\s+/g, ' ').replace(/^(?:the|a|an)\s+/i, '').trim();
}

function attributionsIn(body: string, s: Sentence, lex: Lexicons): Attribution[] {
  const found: Attribution[] = [];
  for (const m of s.text.matchAll(ACCORDING_TO)) {
    const start = s.span.start + m.index;
    found.push({ source: clean(m[1]!), verb: 'according to', spans: [{ start, end: start + m[0].length }] });
  }
  for (const v of lex.reportingVerbs.find(s.text, s.span.start)) {
    const before = body.slice(s.span.start, v.start);
    const subject = SUBJECT_BEFORE.exec(before);
    if (!subject || !/[A-Z]|governor|police|army|monitor|official|source|resident|witness|medic|doctor|ministry|group|agency|authorities/i.test(subject[1]!)) continue;
    const source = clean(subject[1]!);
    if (source.length < 2 || /^(?:He|She|They|It|We|I)$/.test(source)) continue;
    const start = v.start - subject[0].length;
    found.push({ source, verb: v.text.toLowerCase(), spans: [{ start, end: v.end }] });
  }
  return found;
}

function evidenceIn(s: Sentence, lex: Lexicons): Evidence[] {
  const verified = lex.verifiers.test(s.text) && !lex.unverified.test(s.text);
  const out: Evidence[] = [];
  for (const { kind, set } of lex.evidence) {
    for (const m of set.find(s.text, s.span.start)) {
      if (out.some((e) => e.spans[0]!.start < m.end && m.start < e.spans[0]!.end)) continue;
      out.push({ kind, verified, text: m.text, spans: [{ start: m.start, end: m.end }] });
    }
  }
  return out;
}

function disputesIn(body: string, s: Sentence, lex: Lexicons): Dispute[] {
  const out: Dispute[] = [];
  for (const cue of lex.disputeCues.find(s.text, s.span.start)) {
    const subject = SUBJECT_BEFORE.exec(body.slice(s.span.start, cue.start));
    const party = subject ? clean(subject[1]!) : /\b(authorities|officials|government|military|army|police)\b/i.exec(s.text)?.[1] ?? 'unnamed party';
    out.push({ party, text: body.slice(cue.start, Math.min(s.span.end, cue.end + 60)).replace(/\s+/g, ' ').trim(), spans: [{ start: s.span.start, end: s.span.end }] });
    break;
  }
  for (const m of lex.unverified.find(s.text, s.span.start)) {
    out.push({ party: 'the outlet', text: m.text, spans: [{ start: m.start, end: m.end }] });
  }
  return out;
}

export function recognizeSources(body: string, sentence: Sentence, lex: Lexicons = lexicons()): SentenceSources {
  return {
    sentence: sentence.index,
    attributions: attributionsIn(body, sentence, lex),
    evidence: evidenceIn(sentence, lex),
    disputes: disputesIn(body, sentence, lex),
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
