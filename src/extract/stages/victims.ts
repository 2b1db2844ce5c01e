// Named-victim recognizer: a person's name said to be dead ("X was among the victims", "including the monk, X, aged 47").
import { allMatches } from '../regex.js';
import type { Category, Span, VictimClaim } from '../../domain/types.js';
import { lexicons, type Lexicons } from '../lexicon.js';
import type { PlaceMention, Sentence } from '../mentions.js';
import { SCALE_WORDS, TENS_WORDS, UNIT_WORDS } from './number-words.js';

/** What the text says of a named victim; the claim adds the date, place and incident from the assembled events. */
export interface VictimMention extends Pick<VictimClaim, 'name' | 'sex' | 'age' | 'origin' | 'occupation' | 'category' | 'cause'> {
  span: Span;
  sentence: number;
  evidenceSpans: Span[];
  rule: string;
}

const PARTICLE = String.raw`(?:al|el|as|ash|ad|ar|at|az|an|bin|ibn|bint|abu|abd|de|da|del|van|von|ul)`;
const NAME_TOKEN = String.raw`(?:[A-Z][\p{L}'’]+(?:-[A-Z]?[\p{L}'’]+)*|${PARTICLE}-[A-Z][\p{L}'’]+)`;
const NAME = new RegExp(String.raw`(?<![\p{L}-])${NAME_TOKEN}(?:\s+(?:${PARTICLE}\s+)?${NAME_TOKEN}){1,4}`, 'gu');
const NOT_NAME_WORDS = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'of', 'and', 'but', 'for', 'since', 'after', 'before', 'during', 'when', 'while', 'this', 'that', 'these',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'observatory', 'forces', 'force', 'ministry', 'network', 'council',
  'army', 'hospital', 'rights', 'committee', 'committees', 'brigade', 'division', 'agency', 'government', 'news', 'press', 'state', 'region',
  'province', 'district', 'township', 'city', 'village', 'town', 'camp', 'strip', 'nations', 'union', 'party', 'front', 'movement', 'group',
  'human', 'syrian', 'kurdish', 'reports', 'mass', 'security', 'police', 'defence', 'defense', 'health', 'civil', 'military', 'media', 'international',
  'organization', 'organisation', 'office', 'doctors', 'resistance', 'corps', 'infantry', 'junta', 'photo', 'image', 'caption', 'summary', 'student',
  'another', 'several', 'some', 'many', 'both', 'all', 'dozens', 'scores', 'hundreds',
]);

/** "Thirteen Palestinians", "Twenty-Two Soldiers": a capitalised count at a sentence start is never a person's name. */
function isNumberWord(word: string): boolean {
  return word.toLowerCase().split('-').every((part) => part in UNIT_WORDS || part in TENS_WORDS || part in SCALE_WORDS);
}
/** "Three" → 3, "Twenty-one" → 21: a number written in words below a hundred. */
function numberWordValue(word: string): number {
  return word.toLowerCase().split('-').reduce((sum, part) => sum + (UNIT_WORDS[part] ?? TENS_WORDS[part] ?? 0), 0);
}
// A name after these words is someone spoken to or quoted ("told Reuters", "speaking to X"), not the subject of a death.
const SPEECH_BEFORE = /\b(?:to|with|from|speaking to|told|by)\s*,?\s*$/i;
// A title before a name: usually a speaker ("governor X said"), a victim only when the death is said of the name itself.
const TITLE = String.raw`(?:spokesman|spokeswoman|spokesperson|governor|president|minister|correspondent|chief|official|director(?:-general)?|adviser|advisor|leader|commander|general|head|heads|envoy|reporter|editor|secretary|mayor|ambassador|DSP)`;
const TITLE_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}-])((?:[\p{L}-]+\s+)?${TITLE})\s*,?\s*$`, 'iu');
const SPEAKER_AFTER = /^\s*(?:,[^,]{0,80},\s*)?(?:said|says|told|tells|added|wrote|recalls|recalled|speaks|spoke|explained|described)\b/i;
// The death must be said of the name itself: no other subject or reporting verb in between.
const DEATH_AFTER = /^(?:(?!\b(?:said|says|told|reported|adding|source|sources)\b)[^.;]){0,80}?\b(?:was|is|were)\s+(?:among\s+(?:the\s+)?(?:victims|dead|those killed|casualties)|killed|shot dead|shot|executed|murdered|found dead|slain|beheaded|assassinated)\b|^(?:(?!\b(?:said|says|told|reported|adding|source|sources)\b)[^.;]){0,60}?\b(?:died|lost (?:his|her) life|was killed)\b/i;
const INCLUDED_AMONG_DEAD = /\b(?:killed|dead|victims|died)\b[^.;]{0,40}\b(?:including|among them|among whom|such as)\s+(?:the\s+[\p{L}\s-]{1,30},\s*)?$/iu;
// "named as", "named the woman as", "identified the dead as X, 30, …; Y, 43, …; and Z": the name list after the dead.
const NAMED_AS = /\b(?:named|identified)\s+(?:(?:him|her|them|the\s+(?:[\p{L}-]+\s+){0,2}?(?:dead|victims?|woman|man|girl|boy|child|deceased|killed))\s+)?as\s+$/iu;
const NAMED_AS_LIST = /\b(?:named|identified)\s+(?:them|the\s+(?:dead|victims|deceased|killed))\s+as\s+[^.]*?(?:[,;]\s*(?:and\s+)?|\s+and\s+)$/iu;
// "killed two senior Hamas officials, Yassin Rabia and Khaled Nagar": names in apposition to a counted object of a
// death verb.
const KILLED_APPOSITION = /\b(?:killed|killing|shot dead|executed|executing|assassinated|assassinating)\s+(?:two|three|four|five|six|both|\d{1,2})\s+((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+),\s*(?:(?:[A-Z][\p{L}'’-]+\s+){1,4}(?:,\s*)?(?:and\s+)?)?$/u;
// "X, the youngest victim,", "X, one of the dead": the name set in apposition to the victims.
const VICTIM_APPOSITION = /^\s*,\s*(?:the|one of the|another of the|among the)\s+(?:(?:youngest|oldest|eldest|first|last|latest|tenth)\s+)?(?:(?:of\s+the\s+)?(?:victims?|dead|deceased|fatalit(?:y|ies)|those killed))\b/i;
// "Three-year-old Mucad Ibrahim": an age phrase before a name is its age, not a part of it.
const LEADING_AGE = /^([A-Z][a-z]+(?:-[a-z]+)?)-(?:year|month)-old\s+/;
const OCCUPATION = /^\s*,\s*(?:a|an|the)\s+((?:[\p{L}-]+\s+){0,4}?[\p{L}-]+?)(?=\s+(?:originally|from|who|which|was|in|at|of|aged)\b|\s*[,.;])/iu;
const OCCUPATION_BEFORE = /\b(?:the|a|an)\s+([\p{L}-]+(?:\s+[\p{L}-]+){0,2}),\s*$/u;
const AGE = /(?:\baged\s+(\d{1,3})\b|\b(\d{1,3})-year-old\b|^\s*,\s*(\d{1,3})\s*(?:,|[.;](?!\d)))/i;
const ORIGIN = /\b(?:originally from|a native of|hailing from|who came from|from the (?:town|city|village) of)\s+([A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){0,2})/u;
const CAUSES = ['stray bullet', 'sniper', 'shelling', 'air strike', 'airstrike', 'drone', 'missile', 'gunshot', 'gunfire', 'shot', 'executed', 'execution', 'explosion', 'landmine', 'stabbed', 'beaten', 'torture'];
const FEMALE = /\b(?:she|her|woman|mother|girl|wife|daughter|sister|niece|grandmother|nun)\b/i;
const MALE = /\b(?:he|his|him|man|father|boy|husband|son|brother|nephew|grandfather|monk|priest)\b/i;
const ADJECTIVES_TO_DROP = /^(?:(?:first|second|third|fourth|fifth)-year|young|local|former|retired|prominent|well-known)\s+/i;

/**
 * Given names are often also towns somewhere ("Hassan" in India, "Bello" in Colombia), so a run is a place, not a
 * name, only when one place covers all of it; a place word inside a longer run of names is part of the name.
 */
function isPlausibleName(name: string, places: PlaceMention[], span: Span): boolean {
  const words = name.split(/\s+/);
  if (words.some((w) => NOT_NAME_WORDS.has(w.toLowerCase()) || isNumberWord(w))) return false;
  const inside = places.filter((p) => p.span.start < span.end && span.start < p.span.end && p.context !== 'origin');
  if (inside.length === 0) return true;
  if (inside.some((p) => p.span.start < span.start || p.span.end > span.end)) return false;
  // "Christina Langford Johnson": each word a village somewhere, but a place's name is one match, not three. A run
  // holding a province or a provincial seat ("Tijuana Baja California") is a place and its province.
  const majorPlace = (m: PlaceMention) => /^(?:ADM1|PCL\w*|PPLA|PPLC)$/.test(m.place.featureCode);
  if (inside.length > 1 && !inside.some(majorPlace)) return true;
  let covered = 0;
  for (const p of inside) covered += p.text.split(/\s+/).length;
  return covered < words.length;
}

function sexFrom(text: string): 'male' | 'female' | null {
  const f = FEMALE.exec(text);
  const m = MALE.exec(text);
  if (f && (!m || f.index < m.index)) return 'female';
  if (m) return 'male';
  return null;
}

function categoryFor(occupation: string | null, lex: Lexicons): Category {
  if (!occupation) return 'civilians';
  const words = occupation.toLowerCase().split(/\s+/);
  for (let i = words.length - 1; i >= 0; i--) {
    const c = lex.victimWords.get(words[i]!);
    if (c) return c;
  }
  return 'civilians';
}

export function recognizeVictims(body: string, sentences: Sentence[], places: PlaceMention[], lex: Lexicons = lexicons()): VictimMention[] {
  const out: VictimMention[] = [];
  sentences.forEach((s, idx) => {
    for (const m of allMatches(NAME, s.text)) {
      const leadingAge = LEADING_AGE.exec(m[0]);
      const agePrefix = leadingAge && isNumberWord(leadingAge[1]!) ? leadingAge : null;
      const start = s.span.start + m.index + (agePrefix ? agePrefix[0].length : 0);
      const end = s.span.start + m.index + m[0].length;
      const name = body.slice(start, end);
      if (!/\s/.test(name)) continue;
      if (!isPlausibleName(name, places, { start, end })) continue;
      const before = body.slice(s.span.start, start);
      const after = body.slice(end, s.span.end);
      const includedAmongDead = INCLUDED_AMONG_DEAD.test(before);
      if (SPEECH_BEFORE.test(before) && !includedAmongDead) continue;
      if (SPEAKER_AFTER.test(after)) continue;
      const title = includedAmongDead ? null : TITLE_BEFORE.exec(before);
      const next = sentences[idx + 1];
      let rule: string | null = null;
      if (includedAmongDead) rule = 'victim-included-among-dead';
      else if (title) rule = DEATH_AFTER.test(after) ? 'victim-titled-death-phrase' : null;
      else if (NAMED_AS.test(before) || NAMED_AS_LIST.test(before)) rule = 'victim-named-as';
      else if (KILLED_APPOSITION.test(before)) rule = 'victim-apposition-to-killed';
      else if (DEATH_AFTER.test(after)) rule = 'victim-death-phrase';
      else if (VICTIM_APPOSITION.test(after)) rule = 'victim-apposition-to-victims';
      if (!rule) continue;
      // A pronoun in the next sentence ("She lost her life…") tells sex and often the cause.
      const nextText = next && /^(?:She|He)\b/.test(next.text) ? next.text : '';
      const apposition = rule === 'victim-apposition-to-killed' ? KILLED_APPOSITION.exec(before)![1]! : null;
      const occupationMatch = (VICTIM_APPOSITION.test(after) ? null : OCCUPATION.exec(after)) ?? OCCUPATION_BEFORE.exec(before);
      const occupation = occupationMatch ? occupationMatch[1]!.replace(ADJECTIVES_TO_DROP, '').trim() : title ? title[1]!.toLowerCase() : null;
      const ageMatch = AGE.exec(after.slice(0, 40));
      const context = `${after} ${nextText}`;
      const cause = CAUSES.find((c) => context.toLowerCase().includes(c)) ?? null;
      out.push({
        name,
        span: { start, end },
        sentence: s.index,
        sex: sexFrom(`${occupation ?? ''} ${after.slice(0, 120)} ${nextText}`),
        age: agePrefix ? numberWordValue(agePrefix[1]!) : ageMatch ? Number(ageMatch[1] ?? ageMatch[2] ?? ageMatch[3]) : null,
        origin: ORIGIN.exec(after)?.[1] ?? null,
        occupation,
        category: apposition && lex.nonStateMarkers.test(apposition.toLowerCase()) ? 'nonStateFighters' : categoryFor(occupation ?? apposition, lex),
        cause,
        evidenceSpans: nextText && next ? [next.span] : [],
        rule,
      });
    }
  });
  return out;
}
