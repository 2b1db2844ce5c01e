// Person names in Latin script from Arabic and other languages: fold spellings together, compare token sets, key for blocking.

/** Arabic articles written before a name part ("al-Hassan", "el Sayed", "ash-Shami"). */
const ARTICLES = new Set(['al', 'el', 'ul', 'il', 'ash', 'as', 'ad', 'ar', 'at', 'az', 'an', 'ath', 'adh', 'ez', 'es', 'ed', 'et', 'en']);
/** Kinship connectors ("son/daughter of") that one source writes and another leaves out. */
const CONNECTORS = new Set(['ibn', 'bin', 'ben', 'bint', 'bent', 'ould', 'walad', 'wad']);
/** Prefixes that form one name with the next word: "Abd al-Rahman", "Abu Bakr", "Umm Kulthum". */
const BOUND_PREFIXES = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abu', 'abou', 'abo', 'umm', 'um', 'oum']);
/** Honorifics and titles are not part of the name (Arabic, English, Burmese U/Daw/Ko). */
const TITLES = new Set(['u', 'daw', 'ko', 'dr', 'doctor', 'sheikh', 'shaykh', 'sheik', 'haj', 'hajj', 'hajji', 'mr', 'mrs', 'ms', 'miss', 'sayyid', 'imam', 'father', 'sister']);

/**
 * One name token to its canonical spelling. The rules fold the usual transliteration choices of Arabic
 * (and French/English habits) together: o/u and e/a for the short vowels, ou/oo→u, ee/ei/ey/y→i (Ayesha/Aisha),
 * doubled letters (shadda) single, a final h (ta marbuta) dropped, and dj→j, q stays q (kept distinct
 * from k: Qasim ≠ Kasim is a real difference a reviewer should see, the key below still blocks them together).
 */
export function canonicalToken(t: string): string {
  let s = t;
  s = s.replace(/dj/g, 'j').replace(/ou/g, 'u').replace(/oo/g, 'u').replace(/ee/g, 'i').replace(/ph/g, 'f');
  s = s.replace(/([aeiou])ye/g, '$1i').replace(/ei|ey|ai(?=[^aeiou]|$)/g, 'ai');
  s = s.replace(/o/g, 'u').replace(/e/g, 'a');
  s = s.replace(/y(?=[^aeiou]|$)/g, 'i');
  s = s.replace(/(.)\1+/g, '$1');
  if (s.length > 3) s = s.replace(/h$/, '');
  return s;
}

const FOLD_CACHE = new Map<string, string[]>();

/**
 * A name to canonical tokens: lower case, no diacritics or ayn/hamza marks, hyphens split, articles,
 * connectors and titles dropped, "abd"/"abu" bound to the following part.
 */
export function nameTokens(name: string): string[] {
  const cached = FOLD_CACHE.get(name);
  if (cached) return cached;
  const raw = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`ʿʾ‘]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i]!;
    if (TITLES.has(t) || CONNECTORS.has(t)) continue;
    if (ARTICLES.has(t) && i < raw.length - 1) continue;
    // Written solid: "Alhassan", "Elsayed" — the article is dropped when a real name part remains.
    const solid = /^(al|el)(.{3,})$/.exec(t);
    if (solid && i > 0) t = solid[2]!;
    if (BOUND_PREFIXES.has(t) && i < raw.length - 1) {
      let j = i + 1;
      if (ARTICLES.has(raw[j]!) && j < raw.length - 1) j++;
      const stem = t.startsWith('ab') && t !== 'abu' && t !== 'abou' && t !== 'abo' ? 'abd' : t.startsWith('ab') ? 'abu' : 'um';
      out.push(canonicalToken(stem + raw[j]!));
      i = j;
      continue;
    }
    // "Abdulrahman", "Abdelkader" written solid: the same canonical form as "Abd al-Rahman".
    const solidAbd = /^abd(?:ul|el|al|ol|u|e)?(.{3,})$/.exec(t);
    if (solidAbd) t = `abd${solidAbd[1]!}`;
    out.push(canonicalToken(t));
  }
  if (FOLD_CACHE.size > 500_000) FOLD_CACHE.clear();
  FOLD_CACHE.set(name, out);
  return out;
}

/**
 * A blocking key for a token: its consonant skeleton with sound-alike letters merged (q/k/c, z/s, p/b, v/f,
 * w/u, j/g after "dj"), the first letter kept, vowels and h dropped, at most four letters. Double metaphone
 * is tuned to English spelling and splits Qasim/Kassem; this is tuned to transliterated Arabic.
 */
export function phoneticKey(token: string): string {
  let s = token
    .replace(/kh/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/sh|ch/g, 'x')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/[qck]/g, 'k')
    .replace(/z/g, 's')
    .replace(/p/g, 'b')
    .replace(/v/g, 'f')
    .replace(/w/g, 'u');
  const first = /^[aeiou]/.test(s) ? 'a' : s[0] ?? '';
  s = s.slice(1).replace(/[aeiouyh]/g, '').replace(/(.)\1+/g, '$1');
  return (first + s).slice(0, 4);
}

/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 letters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  // Scratch buffers reused across calls: this runs millions of times and allocation drove the GC.
  if (la > SCRATCH_A.length || lb > SCRATCH_B.length) return jaroWinklerAlloc(a, b, range);
  const ma = SCRATCH_A.fill(0, 0, la);
  const mb = SCRATCH_B.fill(0, 0, lb);
  return jaroCore(a, b, range, ma, mb);
}

const SCRATCH_A = new Uint8Array(64);
const SCRATCH_B = new Uint8Array(64);

function jaroWinklerAlloc(a: string, b: string, range: number): number {
  return jaroCore(a, b, range, new Uint8Array(a.length), new Uint8Array(b.length));
}

function jaroCore(a: string, b: string, range: number, ma: Uint8Array, mb: Uint8Array): number {
  const la = a.length;
  const lb = b.length;
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    for (let j = lo; j <= hi; j++) {
      if (mb[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      ma[i] = 1;
      mb[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

export interface NameMatch {
  /** Mean best similarity of the shorter name's tokens, in [0, 1]. */
  score: number;
  /** Tokens of the shorter name that found a partner (≥ 0.88). */
  matched: number;
  /** Tokens in the longer name left without a partner (a middle name one source omits). */
  extra: number;
  sameOrder: boolean;
}

/**
 * Compares token lists allowing a different order and missing parts: each token of the shorter name takes
 * its best unused partner in the longer one. The first token (the given name) must find a partner, or the
 * score is capped: sharing only a family name is not evidence of being one person.
 */
export function compareNames(a: readonly string[], b: readonly string[]): NameMatch {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (s.length === 0) return { score: 0, matched: 0, extra: l.length, sameOrder: false };
  const used = new Uint8Array(l.length);
  let total = 0;
  let matched = 0;
  let lastIdx = -1;
  let sameOrder = true;
  let firstOk = false;
  for (let i = 0; i < s.length; i++) {
    let best = 0;
    let bestJ = -1;
    for (let j = 0; j < l.length; j++) {
      if (used[j]) continue;
      const sim = jaroWinkler(s[i]!, l[j]!);
      if (sim > best) {
        best = sim;
        bestJ = j;
      }
    }
    if (bestJ >= 0 && best >= 0.88) {
      used[bestJ] = 1;
      matched++;
      if (bestJ < lastIdx) sameOrder = false;
      lastIdx = bestJ;
      if (i === 0) firstOk = true;
    }
    total += best;
  }
  // Given names can stand first or last ("Kisho Shinda" on a list sorted by family name): accept either end.
  if (!firstOk && s.length > 1 && l.length > 1) firstOk = jaroWinkler(s[0]!, l[l.length - 1]!) >= 0.88 || jaroWinkler(s[s.length - 1]!, l[0]!) >= 0.88;
  let score = total / s.length;
  if (!firstOk) score = Math.min(score, 0.7);
  return { score, matched, extra: l.length - matched, sameOrder };
}
