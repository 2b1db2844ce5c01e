// Named-victim recognizer: a person's name said to be dead ("X was among the victims", "including the monk, X, aged 47").
import { allMatches, phraseAlternation, spaceRunStart } from '../regex.js';
import type { Category, Span, VictimClaim } from '../../domain/types.js';
import { lexicons, type Lexicons } from '../lexicon.js';
import type { PlaceMention, Sentence } from '../mentions.js';
import { SCALE_WORDS, TENS_WORDS, UNIT_WORDS } from './number-words.js';
import { recognizeAges } from './numbers.js';

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

/**
 * The words `part in UNIT_WORDS || part in TENS_WORDS || part in SCALE_WORDS` accepts, as a set: `in` with a fresh
 * string looks it up in V8's string table first. `in` also sees the inherited names ("constructor"), so they are kept.
 */
const NUMBER_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(UNIT_WORDS), ...Object.keys(TENS_WORDS), ...Object.keys(SCALE_WORDS), ...Object.getOwnPropertyNames(Object.prototype),
]);

/** "Thirteen Palestinians", "Twenty-Two Soldiers": a capitalised count at a sentence start is never a person's name. */
function isNumberWord(word: string): boolean {
  const lower = word.toLowerCase();
  // Each hyphen-separated part, without splitting: this is asked of every word of every capitalised run.
  for (let from = 0; ; ) {
    const hyphen = lower.indexOf('-', from);
    const part = hyphen < 0 ? lower.slice(from) : lower.slice(from, hyphen);
    if (!NUMBER_WORDS.has(part)) return false;
    if (hyphen < 0) return true;
    from = hyphen + 1;
  }
}
// A name after these words is someone spoken to or quoted ("told Reuters", "speaking to X"), not the subject of a death.
const SPEECH_BEFORE = /\b(?:to|with|from|speaking to|told|by)\s*,?\s*$/i;
// A title before a name: usually a speaker ("governor X said"), a victim only when the death is said of the name itself.
const TITLE = String.raw`(?:spokesman|spokeswoman|spokesperson|governor|president|minister|correspondent|chief|official|director(?:-general)?|adviser|advisor|leader|commander|general|head|heads|envoy|reporter|editor|secretary|mayor|ambassador|DSP)`;
const TITLE_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}-])((?:[\p{L}-]+\s+)?${TITLE})\s*,?\s*$`, 'iu');
const SPEAKER_AFTER = /^\s*(?:,[^,]{0,80},\s*)?(?:said|says|told|tells|added|wrote|recalls|recalled|speaks|spoke|explained|described)\b/i;
// The death must be said of the name itself: no other subject or reporting verb in between.
const DEATH_AFTER = /^(?:(?!\b(?:said|says|told|reported|adding|source|sources)\b)[^.;]){0,80}?\b(?:was|is|were)\s+(?:(?:also|later|reportedly|allegedly|fatally)\s+)?(?:(?:among|one\s+of)\s+(?:the\s+)?(?:victims|dead|those killed|casualties|people killed)(?!['’])|killed|shot dead|shot(?!\s+at\b)|executed|murdered|(?:found|pronounced|declared|confirmed)\s+dead|slain|beheaded|assassinated|martyred|gunned\s+down|lynched|(?:stabbed|beaten|hacked|burned|burnt|bludgeoned|tortured)\s+to\s+death|fatally\s+(?:stabbed|wounded|injured))\b|^(?:(?!\b(?:said|says|told|reported|adding|source|sources)\b)[^.;]){0,60}?\b(?:died|succumbed|lost (?:his|her) life|was (?:(?:also|later|reportedly)\s+)?killed)\b/i;
// "A, 20, a student at …, and his friend B, 19, also a student, were killed": a subject of two names, the verb after both.
const COORDINATED_DEATH_AFTER = /^(?:(?!\b(?:said|says|told|reported|adding|source|sources)\b)[^.;]){0,120}?,?\s+and\s+(?:(?:his|her|their)\s+[\p{Ll}-]+\s+)?\p{Lu}[^.;]{0,100}?\bwere\s+(?:(?:also|later|both|reportedly)\s+)?(?:killed|shot dead|executed|murdered|slain|among\s+(?:the\s+)?(?:victims|dead))\b/u;
// "… were among the dead, as was Concepcion Brizuela, a lawyer": one more name added to the dead just told.
const AS_WAS_AMONG_DEAD = /\b(?:among\s+(?:the\s+)?(?:dead|victims|killed|slain)|killed|died|dead)\s*,\s*as\s+(?:was|were)\s+$/i;
const INCLUDED_AMONG_DEAD = /\b(?:killed|dead|victims|died)\b[^.;]{0,40}\b(?:including|among them|among whom|such as)\s+(?:the\s+[\p{L}\s-]{1,30},\s*)?$/iu;
// "named as", "named the woman as", "identified the dead as X, 30, …; Y, 43, …; and Z": the name list after the dead.
const NAMED_AS = /\b(?:named|identified)\s+(?:(?:him|her|them|the\s+(?:[\p{L}-]+\s+){0,2}?(?:dead|victims?|woman|man|girl|boy|child|deceased|killed))\s+)?as\s+$/iu;
// "The suspect was identified as X": the attacker is named the same way as the dead.
const PERPETRATOR_NAMED_AS = /\b(?:suspect|gunman|shooter|attacker|assailant|perpetrator|bomber|killer)s?\b[^.;]{0,40}\b(?:named|identified)\s+(?:\w+\s+)?as\s+[^.]*$/i;
// "The army named the soldiers as A and B", "identified the two journalists as A": a plural noun of people named.
const NAMED_PEOPLE_AS = /\b(?:named|identified)\s+the\s+(?:[\p{Ll}\d-]+\s+){0,2}?([\p{Ll}-]+s)\s+as\s+(?:[^.]*?(?:[,;]\s*(?:and\s+)?|\s+and\s+)(?:(?:his|her|their)\s+[\p{Ll}-]+\s+)?)?$/u;
// "The slain soldiers were identified as A, B and C": the passive form, with the noun as subject.
const PEOPLE_NAMED_AS = /\b([\p{Ll}-]+s)\s+(?:were|are|have\s+been|had\s+been)\s+(?:named|identified)(?:\s+by\s+[^,.;:]{1,40}?)?\s+as\s+(?:[^.]*?(?:[,;]\s*(?:and\s+)?|\s+and\s+)(?:(?:his|her|their)\s+[\p{Ll}-]+\s+)?)?$/u;
// "The journalist, Hodan Abdullahi, 29, worked for …": a name in apposition to a noun the report has counted dead.
const DEFINITE_NOUN_BEFORE = /^\s*The\s+([\p{Ll}-]+),\s*$/u;
const NAMED_AS_LIST = /\b(?:named|identified)\s+(?:them|the\s+(?:dead|victims|deceased|killed))\s+as\s+[^.]*?(?:[,;]\s*(?:and\s+)?|\s+and\s+)(?:(?:his|her|their)\s+[\p{Ll}-]+\s+)?$/iu;
// "killed two senior Hamas officials, Yassin Rabia and Khaled Nagar": names in apposition to a counted object of a
// death verb.
const KILLED_APPOSITION = /\b(?:killed|killing|shot dead|executed|executing|assassinated|assassinating)\s+(?:two|three|four|five|six|both|\d{1,2})\s+((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+),\s*(?:(?:[A-Z][\p{L}'’-]+\s+){1,4}(?:,\s*)?(?:and\s+)?)?$/u;
// "The strike killed 14-year-old Yara Khatib", "gunmen shot dead Ahmed Saleh": the name is the object of the death verb.
// A capitalised run followed by a noun of people is a group's name, not a person's ("killed Boko Haram fighters").
const KILLED_OBJECT_BEFORE = /\b(?:kills|killed|killing|shot\s+dead|shoots\s+dead|murdered|executed|assassinated|beheaded|gunned\s+down)\s+(?:[\p{L}\d]+-year-old\s+)?$/u;
// "stabbed Ali Reza to death", "beat Ahmed Khalil, 17, to death".
const TO_DEATH_AFTER = /^\s*(?:,\s*\d{1,3}\s*,\s*)?to\s+death\b/i;
// "the body of Ahmed Saleh", "Ahmed Saleh's body was found", "the funeral of X", "the killing of X": the person is dead.
const BODY_OF_BEFORE = /\b(?:body|bodies|corpse|remains|funeral|burial|killing|murder|assassination|death|slaying|killers)\s+of\s+$/i;
// A run after a preposition of place is where it happened ("in New Grant, Princes Town, a man was shot").
const LOCATIVE_BEFORE = /\b(?:in|at|near|inside|outside|into|between|around|across|towards|within)\s+(?:the\s+)?$/i;
// Otherwise a death told after "a leader of X", "the son of X" is the head noun's, not X's.
const OF_BEFORE = /\bof\s+$/i;
const BODY_AFTER_POSSESSIVE = /^['’]s\s+(?:body|corpse|remains|funeral|burial)\b/i;
const NEXT_WORD = /^\s+([a-z][\p{L}-]*)/u;
const OCCUPATION = /^\s*,\s*(?:\d{1,3}\s*,\s*)?(?:a|an|the)\s+((?:[\p{L}-]+\s+){0,4}?[\p{L}-]+?)(?=\s+(?:originally|from|who|which|was|in|at|of|aged)\b|\s*[,.;])/iu;
const OCCUPATION_BEFORE = /\b(?:the|a|an)\s+([\p{L}-]+(?:\s+[\p{L}-]+){0,2}),\s*$/u;
const AGE = /(?:\baged\s+(\d{1,3})\b|\b(\d{1,3})-year-old\b|^\s*,\s*(?:(?:a|an|the)\s+[^,.;\d]{1,40},\s*)?(\d{1,3})\s*(?:,|[.;](?!\d)))/i;
const ORIGIN = /\b(?:originally from|a native of|hailing from|who came from|from the (?:town|city|village) of)\s+([A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){0,2})/u;
const CAUSES = ['stray bullet', 'sniper', 'shelling', 'air strike', 'airstrike', 'drone', 'missile', 'gunshot', 'gunfire', 'shot', 'executed', 'execution', 'explosion', 'landmine', 'stabbed', 'beaten', 'torture'];
const FEMALE = /\b(?:she|her|woman|mother|girl|wife|daughter|sister|niece|grandmother|nun)\b/i;
const MALE = /\b(?:he|his|him|man|father|boy|husband|son|brother|nephew|grandfather|monk|priest)\b/i;
// Frames that govern a list of the named dead: "Also killed were A, 62; B, 53; and C", "The victims include A and B",
// "Among the dead was A", "the names of the ten people killed: A, B, …", "The victims were identified as A, B".
const DEAD_LIST_HEAD = /\b(?:(?:also\s+)?(?:killed|dead|slain|died)(?:\s+(?:in|at|on|during|by)\s+(?:[\p{L}\d'’-]+\s+){0,4}?[\p{L}\d'’-]+)?\s+(?:were|was|are|is|include[ds]?|included)|(?:the\s+)?(?:dead|victims|deceased|slain|(?:those|people)\s+(?:killed|who\s+died))\s+(?:(?:were|are|have\s+been|had\s+been)\s+(?:named|identified)(?:\s+by\s+[^,.;:]{1,40}?)?\s+as|were|are|include[ds]?|included)|(?:killed|killing|shot\s+dead|executed|executing|murdered)\s+|among\s+(?:the\s+)?(?:dead|victims|slain|those\s+killed)\s+(?:were|are|was|is)(?:\s+also)?|(?:dead|victims|deceased|killed)\s*:|(?:names|identities)\s+of\s+[^.:]{0,60}:)\s*:?\s*/giu;
// A list goes on from item to item: the name follows a separator, the first one follows the frame itself.
// An item may name the person through a relation or an age first ("and her neighbour Sami Fares", "and 17-year-old X").
const LIST_SEPARATOR_BEFORE = /(?:[,;]\s*(?:and\s+)?|\s+and\s+)(?:(?:his|her|their|the)\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+)?,?\s+|\d{1,3}-year-old\s+)?$/u;
// A report that says the dead are being named ("Police released the names of the ten people killed", "Families began to
// name the dead", "as first victims are named") introduces profiles: "Ruth Whitfield, 86, had stopped at the store".
const NAMES_OR_IDENTIFIES = /nam|identi/i;
const ANNOUNCES_NAMED_DEAD = /\b(?:names|identities)\s+of\s+(?:the\s+)?(?:[\p{L}\d-]+\s+){0,3}?(?:victims|dead|killed|deceased)\b(?!['’])|\b(?:name|names|named|naming|identify|identifies|identified|identifying)\s+(?:all\s+)?(?:the\s+)?(?:[\p{L}\d-]+\s+){0,2}?(?:dead|victims|deceased|(?:people|persons|men|women|those)\s+(?:killed|who\s+died))\b(?!['’])|\b(?:victims|dead|deceased)\s+(?:(?:are|were|was|have\s+been|had\s+been|being)\s+)?(?:named|identified)\b/iu;
// A profile opens its sentence with the name and an age: "Pearl Young, 77, …", "Aaron Salter, a 55-year-old guard, …".
const PROFILE_AGE_AFTER = /^\s*,\s*(?:(?:a|an|the)\s+[^,.;]{1,50},\s*)?(?:\d{1,3}\s*[,;.]|(?:a|an)\s+(?:\d{1,3}|[\p{L}]+(?:-[\p{L}]+)?)-year-old\b)/iu;
const SENTENCE_OPENING = /^\s*(?:(?:and|also|but)\s*,?\s*)?$/i;
// "Three-year-old Mucad Ibrahim, the youngest victim, …": an apposition that calls the name a victim.
const VICTIM_APPOSITION = /^\s*,\s*(?:\d{1,3}\s*,\s*)?(?:(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,2}?(?:victim|fatality|of\s+the\s+(?:victims|dead|fatalities))|one\s+of\s+(?:the\s+)?(?:[\p{L}\d-]+\s+)?(?:victims|dead|those\s+killed|fatalities))\b(?!['’])/iu;
// What befell the name itself decides: "was among the wounded", "was injured", "survived" make a survivor, not a victim,
// unless a death is told first ("was killed and his wife was injured"). Relative clauses speak of someone else or of
// an earlier moment ("with her sister, who survived"; "who was wounded in March, died on Friday") and are skipped.
const WOUNDED_OUTCOME = /\b(?:among\s+(?:the\s+|those\s+)?(?:wounded|injured|survivors|hurt)|(?:was|were|is|are|been|and)\s+(?:(?!fatally|mortally)(?:also|later|\w+ly)\s+)?(?:wounded|injured|hurt|hospitali[sz]ed)|survived|escaped|unhurt|unharmed|is\s+recovering|in\s+(?:a\s+)?(?:critical|serious|stable)\s+condition)\b/i;
// "was wounded and later died of his injuries": the death comes to the same subject, so the wound is not the outcome.
const CHAINED_DEATH = /^[^.;]{0,60}?\b(?:and|but|before|then)\s+(?:\w+\s+){0,2}?(?:died|succumbed|passed\s+away)\b/i;
const FIRM_DEATH = /\b(?:killed|died|dead|slain|murdered|executed|lost\s+(?:his|her|their)\s+lives?|succumbed)\b/i;
const RELATIVE_CLAUSE = /\bwho\b[^,.;]*/gi;
// "Amir Khan, whose brother died, …": the death in a whose-clause is another person's.
const WHOSE_CLAUSE = /\bwhose\b[^,.;]*/gi;
// The attacker of a report that names the dead is named too: his sentence says what was done to him or by him.
const PERPETRATOR_AFTER = /\b(?:suspect(?:ed)?|accused|charged|arrested|detained|surrendered|pleaded|arraigned|indicted|convicted|sentenced|opened\s+fire)\b|^\s*,\s*the\s+(?:gunman|shooter|attacker|assailant|perpetrator)\b/i;
// Relatives and witnesses are named in such reports too: "Garnell Whitfield, 60, the son of one of the victims, spoke
// to reporters", "Amir Khan, 41, whose brother was killed, said …".
const RELATIVE_OR_SPEAKER_AFTER = /^\s*,[^.;]{0,12}?\b(?:the\s+|a\s+)?(?:[\p{L}-]+\s+)?(?:son|daughter|wife|husband|mother|father|brother|sister|nephew|niece|cousin|grandson|granddaughter|relative|friend|neighbou?r)\s+of\b|^\s*,[^.;]{0,12}?\bwhose\b|^\s*(?:,[^,.;]{0,80}){0,3},?\s*(?:said|says|told|tells|spoke|speaks|recalled|recalls|added|described)\b/iu;
const ADJECTIVES_TO_DROP = /^(?:(?:first|second|third|fourth|fifth)-year|young|local|former|retired|prominent|well-known)\s+/i;

/**
 * Given names are often also towns somewhere ("Hassan" in India, "Bello" in Colombia), so a run is a place, not a
 * name, only when one place covers all of it; a place word inside a longer run of names is part of the name.
 */
function isPlausibleName(name: string, places: PlaceMention[], span: Span): boolean {
  const words = name.split(/\s+/);
  if (words.some((w) => NOT_NAME_WORDS.has(w.toLowerCase()) || isNumberWord(w))) return false;
  // Most runs overlap no place: no array is made for them.
  let inside: PlaceMention[] | null = null;
  for (const p of places) if (p.span.start < span.end && span.start < p.span.end && p.context !== 'origin') (inside ??= []).push(p);
  if (inside === null) return true;
  if (inside.some((p) => p.span.start < span.start || p.span.end > span.end)) return false;
  // "Christina Langford Johnson": each word a village somewhere, but a place's name is one match, not three. A run
  // holding a province or a provincial seat ("Tijuana Baja California") is a place and its province, but places of
  // two countries are not one place ("Sofia Mendoza": a capital in Bulgaria, a provincial seat in Argentina).
  const majorPlace = (m: PlaceMention) => /^(?:ADM1|PCL\w*|PPLA|PPLC)$/.test(m.place.featureCode);
  if (inside.length > 1 && (!inside.some(majorPlace) || inside.some((p) => p.place.country !== inside[0]!.place.country))) return true;
  let covered = 0;
  for (const p of inside) covered += p.text.split(/\s+/).length;
  return covered < words.length;
}

/** True when the text after a name tells that this person was wounded or survived rather than died. */
function survivedFrom(after: string): boolean {
  const ownClause = after.replace(RELATIVE_CLAUSE, (m) => ' '.repeat(m.length));
  const wounded = WOUNDED_OUTCOME.exec(ownClause);
  if (!wounded) return false;
  const death = FIRM_DEATH.exec(ownClause);
  if (death && death.index < wounded.index) return false;
  return !CHAINED_DEATH.test(ownClause.slice(wounded.index + wounded[0].length));
}

/** True when the name is an item of a list governed by a frame of the dead, in the same sentence. */
function inListOfDead(before: string): boolean {
  let last: RegExpExecArray | undefined;
  for (const m of allMatches(DEAD_LIST_HEAD, before)) last = m;
  if (!last) return false;
  // "Among those killed were three members of the Cho family: A, 37, his wife B, …": the names follow the colon.
  const afterHead = before.slice(last.index + last[0].length);
  const items = afterHead.slice(afterHead.lastIndexOf(':') + 1).trimStart();
  // An item may open with a short description in apposition ("Among the dead were a nurse, Amal Haddad, and …"), but
  // not with a noun phrase that goes on ("killed a civilian in Goday, Shabelle Zone").
  return items === '' || (/^(?:\p{Lu}|(?:a|an|the)\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+)?,\s|\d{1,3}-year-old\s)/u.test(items) && !items.includes(':') && LIST_SEPARATOR_BEFORE.test(items));
}

// "his wife Cindy Cho", "Mangudadatu's wife, Genalyn Mangudadatu": a relation just before the name.
const RELATION_BEFORE = /(?:\b(?:his|her|their)|\p{L}['’]s)\s+([\p{Ll}-]+),?\s+$/u;
// A capitalised connective opening a sentence ("And Leila Darwish, 12, …") is not the first word of a name.
const LEADING_CONNECTIVES = new Set(['and', 'but', 'also', 'then']);

function namesPeopleCounted(before: string, lex: Lexicons): boolean {
  const noun = NAMED_PEOPLE_AS.exec(before)?.[1] ?? PEOPLE_NAMED_AS.exec(before)?.[1];
  return noun !== undefined && lex.victimWords.has(noun);
}

/** True when an earlier sentence tells the death of this noun of people ("killing two soldiers and a local journalist"). */
function isCountedDeadEarlier(noun: string | undefined, earlier: Sentence[], lex: Lexicons): boolean {
  if (!noun || !lex.victimWords.has(noun)) return false;
  const mention = new RegExp(String.raw`\b${noun}s?\b`, 'i');
  return earlier.some((s) => mention.test(s.text) && (FIRM_DEATH.test(s.text) || /\bkilling\b/i.test(s.text)));
}

interface TitledName {
  name: string;
  /** Characters dropped from the start of the run. */
  offset: number;
  /** Length of the abbreviated titles just before the run ("Sgt. "), which the frames before the name skip. */
  abbreviationLength: number;
  /** The ranks and titles, as written ("Chief Inspector"), or null. */
  title: string | null;
  isRank: boolean;
  age: number | null;
}

const NON_SPACE_RUN = /\S+/g;
// Both end-anchored, so V8 tries them at every position of the text before the name: each is asked only when the last
// characters before the spaces show it can match (a full stop, "-year-old").
const ABBREVIATED_TITLES_BEFORE = /(?:\b[A-Z][a-z]{1,5}\.\s*)+$/;
const AGE_PHRASE_BEFORE = /\b((?:\d{1,3}|[\p{L}]+(?:-[\p{L}]+)?)-year-old)\s+$/u;

/**
 * "Chief Inspector Arnon Zamora", "Sgt. Ali Musa", "Three-year-old Mucad Ibrahim": titles, ranks and an age phrase
 * written before a name are not part of it. Two words of the name are kept, as a name needs two.
 */
function splitTitles(run: string, before: string, lex: Lexicons): TitledName {
  // allMatches, not matchAll: matchAll copies the regex on every call, and this runs for every capitalised run.
  const words = allMatches(NON_SPACE_RUN, run);
  let kept = 0;
  let isRank = false;
  let age: number | null = null;
  const titleWords: string[] = [];
  // Abbreviated ranks end in a full stop, so they stay outside the run ("Lt. Col. " before it).
  const beforeEnd = spaceRunStart(before, before.length);
  let abbreviations = (before.charCodeAt(beforeEnd - 1) === 46 /* . */ ? ABBREVIATED_TITLES_BEFORE.exec(before)?.[0] : undefined) ?? '';
  const abbreviated = abbreviations.match(/[A-Z][a-z]+/g) ?? [];
  if (abbreviated.every((a) => lex.rankTitles.has(a.toLowerCase()) || lex.courtesyTitles.has(a.toLowerCase()))) {
    isRank = abbreviated.some((a) => lex.rankTitles.has(a.toLowerCase()));
    titleWords.push(...abbreviated);
  } else abbreviations = '';
  while (kept < words.length - 2) {
    const word = words[kept]![0];
    const lower = word.toLowerCase();
    const ageOfWord = recognizeAges(word)[0];
    if (ageOfWord && ageOfWord.text.length === word.length) age = ageOfWord.unit === 'year' ? ageOfWord.value : 0;
    else if (lex.rankTitles.has(lower)) isRank = true;
    // "Sisters Daniela Mendoza", "Farmer Ahmed Saleh": a noun of people opening a sentence describes the name.
    else if (!lex.courtesyTitles.has(lower) && !(kept === 0 && (LEADING_CONNECTIVES.has(lower) || lex.victimWords.has(lower)))) break;
    if (!ageOfWord && !LEADING_CONNECTIVES.has(lower) && !lex.victimWords.has(lower)) titleWords.push(word);
    kept++;
  }
  const ageBefore = beforeEnd < before.length && before.endsWith('-year-old', beforeEnd) ? AGE_PHRASE_BEFORE.exec(before)?.[1] : undefined;
  if (age === null && ageBefore) age = recognizeAges(ageBefore)[0]?.value ?? null;
  // "a retired police captain", "former Colonel": the rank no longer says which side.
  if (isRank && /\b(?:retired|former|ex-)\s*(?:[\p{L}-]+\s+){0,2}$/iu.test(before.slice(0, before.length - abbreviations.length))) isRank = false;
  const offset = kept === 0 ? 0 : words[kept]!.index;
  return { name: run.slice(offset), offset, abbreviationLength: abbreviations.length, title: titleWords.length > 0 ? titleWords.join(' ') : null, isRank, age };
}

function sexFrom(text: string): 'male' | 'female' | null {
  const f = FEMALE.exec(text);
  const m = MALE.exec(text);
  if (f && (!m || f.index < m.index)) return 'female';
  if (m) return 'male';
  return null;
}

/** The side a description says, by its last word that says one ("a police officer" → stateForces), or null. */
function categoryIn(description: string | null, lex: Lexicons): Category | null {
  if (!description) return null;
  const words = description.toLowerCase().split(/\s+/);
  for (let i = words.length - 1; i >= 0; i--) {
    const c = lex.victimWords.get(words[i]!);
    if (c) return c;
  }
  return null;
}

/**
 * "Two police officers were killed …: A, an assistant commissioner, and B": the side of the noun counted dead before the
 * colon (the last noun of people before the death word), which the list names.
 */
function listHeadCategory(before: string, lex: Lexicons): Category | null {
  const colon = before.lastIndexOf(':');
  if (colon < 0) return null;
  const head = before.slice(0, colon);
  const death = FIRM_DEATH.exec(head);
  if (!death) return null;
  const words = head.slice(0, death.index).toLowerCase().split(/[^\p{L}-]+/u);
  for (let i = words.length - 1; i >= 0; i--) {
    const c = lex.victimWords.get(words[i]!);
    if (c !== undefined) return c;
  }
  return null;
}

/**
 * A word each rule below needs in the name's own sentence: a death ("killed", "died", "to death", "fatally"), the dead
 * ("victims", "casualties", "body", "funeral") or a naming ("named as", "identified as", "the names of"). Matched
 * anywhere, not as whole words, and with the 'iu' flags, so it finds whatever the rules' regexes can find. In prefix-tree
 * form: a flat alternation of these words costs more than the rest of the stage on sentences without any.
 */
const VICTIM_RULE_WORD = new RegExp(phraseAlternation([
  'kill', 'dead', 'died', 'death', 'slain', 'slaying', 'shot', 'execut', 'murder', 'behead', 'assassin', 'martyr', 'gunned', 'lynch',
  'fatal', 'succumb', 'lost his life', 'lost her life', 'victim', 'casualt', 'deceased', 'bod', 'corpse', 'remains', 'funeral', 'burial',
  'named', 'names', 'identi',
]), 'iu');
// The two rules that need no such word: "The journalist, X, …" (the noun counted dead in an earlier sentence) and a
// profile after the report announced the names of the dead.
const OPENS_WITH_THE = /^\s*The\s/;

export function recognizeVictims(body: string, sentences: Sentence[], places: PlaceMention[], lex: Lexicons = lexicons()): VictimMention[] {
  const out: VictimMention[] = [];
  // Whether an earlier sentence announced the names of the dead. Such a sentence says "dead", "victims", "deceased",
  // "killed" or "died", so only sentences with a rule word are asked, and "nam" or "identi" is looked for first.
  let announced = false;
  sentences.forEach((s, idx) => {
    const ruleWord = VICTIM_RULE_WORD.test(s.text);
    const announcedBefore = announced;
    if (ruleWord && !announced) announced = NAMES_OR_IDENTIFIES.test(s.text) && ANNOUNCES_NAMED_DEAD.test(s.text);
    // Most sentences tell no death: no rule can make a victim of a name in them.
    if (!ruleWord && !announcedBefore && !OPENS_WITH_THE.test(s.text)) return;
    for (const m of allMatches(NAME, s.text)) {
      const runStart = s.span.start + m.index;
      const titled = splitTitles(m[0], body.slice(s.span.start, runStart), lex);
      const start = runStart + titled.offset;
      // "Ahmed Saleh's body": the possessive ending is not part of the name.
      const possessive = /['’]s$/.test(titled.name);
      const end = runStart + m[0].length - (possessive ? 2 : 0);
      const name = possessive ? titled.name.slice(0, -2) : titled.name;
      if (!isPlausibleName(name, places, { start, end })) continue;
      // The frames before a name ("Among the dead was", "killed") reach it across its titles ("Sgt. ", "Captain ").
      const before = body.slice(s.span.start, runStart - titled.abbreviationLength);
      const after = body.slice(end, s.span.end);
      // "Ahmed Saleh's son", "an Abu Sayyaf militant", "two Guardias Indigenas members": the run qualifies someone else.
      const nextWord = NEXT_WORD.exec(after)?.[1] ?? '';
      if ((possessive && !BODY_AFTER_POSSESSIVE.test(after)) || lex.victimWords.has(nextWord) || lex.groupNounsAfterName.has(nextWord)) continue;
      if (LOCATIVE_BEFORE.test(before)) continue;
      const ownClauses = after.replace(WHOSE_CLAUSE, (m) => ' '.repeat(m.length));
      const deathToldOfName = DEATH_AFTER.test(ownClauses) || COORDINATED_DEATH_AFTER.test(ownClauses);
      const includedAmongDead = INCLUDED_AMONG_DEAD.test(before);
      if (SPEECH_BEFORE.test(before) && !includedAmongDead) continue;
      if (SPEAKER_AFTER.test(after)) continue;
      const title = includedAmongDead ? null : TITLE_BEFORE.exec(before);
      const next = sentences[idx + 1];
      const opensSentence = SENTENCE_OPENING.test(body.slice(s.span.start, runStart));
      let rule: string | null = null;
      if (includedAmongDead) rule = 'victim-included-among-dead';
      else if (title) rule = deathToldOfName && !survivedFrom(after) ? 'victim-titled-death-phrase' : null;
      else if ((NAMED_AS.test(before) || NAMED_AS_LIST.test(before) || namesPeopleCounted(before, lex)) && !PERPETRATOR_NAMED_AS.test(before)) rule = 'victim-named-as';
      else if ((inListOfDead(before) || AS_WAS_AMONG_DEAD.test(before)) && !PERPETRATOR_NAMED_AS.test(before)) rule = 'victim-in-list-of-dead';
      else if (KILLED_APPOSITION.test(before)) rule = 'victim-apposition-to-killed';
      else if (KILLED_OBJECT_BEFORE.test(before) || TO_DEATH_AFTER.test(after)) rule = 'victim-object-of-killed';
      else if (possessive || BODY_OF_BEFORE.test(before)) rule = 'victim-body-or-funeral';
      else if (survivedFrom(after)) rule = null;
      else if (deathToldOfName && !OF_BEFORE.test(before)) rule = 'victim-death-phrase';
      else if (VICTIM_APPOSITION.test(after)) rule = 'victim-called-victim';
      else if (isCountedDeadEarlier(DEFINITE_NOUN_BEFORE.exec(before)?.[1], sentences.slice(0, idx), lex)) rule = 'victim-apposition-to-counted-dead';
      else if (announcedBefore && opensSentence && (PROFILE_AGE_AFTER.test(after) || titled.age !== null) && !PERPETRATOR_AFTER.test(after) && !RELATIVE_OR_SPEAKER_AFTER.test(after)) {
        rule = 'victim-profile-after-names-announced';
      }
      if (!rule) continue;
      // A pronoun in the next sentence ("She lost her life…") tells sex and often the cause.
      const nextText = next && /^(?:She|He)\b/.test(next.text) ? next.text : '';
      const apposition = rule === 'victim-apposition-to-killed' ? KILLED_APPOSITION.exec(before)![1]! : null;
      const occupationMatch = OCCUPATION.exec(after) ?? OCCUPATION_BEFORE.exec(before);
      // "the youngest victim" says what befell the name, not what the person did.
      const occupation = occupationMatch && rule !== 'victim-called-victim'
        ? occupationMatch[1]!.replace(ADJECTIVES_TO_DROP, '').trim()
        : title ? title[1]!.toLowerCase() : titled.title?.toLowerCase() ?? null;
      const ageMatch = AGE.exec(after.slice(0, 40));
      const context = `${after} ${nextText}`;
      const cause = CAUSES.find((c) => context.toLowerCase().includes(c)) ?? null;
      out.push({
        name,
        span: { start, end },
        sentence: s.index,
        // A semicolon closes the item of this name: "Geraldine Talley, 62; Andre Mackniel, 53, … for his son".
        // A relation just before the name says the most ("his wife Cindy Cho").
        sex: sexFrom(`${RELATION_BEFORE.exec(before)?.[1] ?? ''} ${occupation ?? ''} ${after.slice(0, 120).split(';')[0]} ${nextText}`),
        age: ageMatch ? Number(ageMatch[1] ?? ageMatch[2] ?? ageMatch[3]) : titled.age,
        origin: ORIGIN.exec(after)?.[1] ?? null,
        occupation,
        category: apposition && lex.nonStateMarkers.test(apposition.toLowerCase())
          ? 'nonStateFighters'
          : titled.isRank ? 'stateForces' : categoryIn(occupation ?? apposition, lex) ?? listHeadCategory(before, lex) ?? 'civilians',
        cause,
        evidenceSpans: nextText && next ? [next.span] : [],
        rule,
      });
    }
  });
  return out;
}
