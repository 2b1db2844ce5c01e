// Folds place names to lookup keys so that spellings of one name meet ("Al-Shir", "Ash Shir", "Shir").

/** Arabic article variants, as tokens ("al", "ash") — dropped anywhere in a name. */
const ARTICLES = new Set(['al', 'el', 'ash', 'as', 'ad', 'ar', 'at', 'az', 'an', 'ath', 'adh', 'ez', 'es', 'ed', 'et', 'en', 'ul']);

/** Generic words for administrative units, stripped from the end of unit names ("Kirovohrad Oblast"). */
export const GENERIC_SUFFIXES = [
  'local government area',
  'governorate',
  'municipality',
  'prefecture',
  'department',
  'province',
  'township',
  'district',
  'division',
  'region',
  'oblast',
  'county',
  'state',
  'raion',
  'rayon',
  'lga',
];

const SUFFIX_RE = new RegExp(`[\\s-]+(?:${GENERIC_SUFFIXES.join('|')})$`, 'i');

/** "Kirovohrad Oblast" → "Kirovohrad"; names that are only a generic word are kept whole. */
export function stripGenericSuffix(name: string): string {
  const stripped = name.replace(SUFFIX_RE, '').trim();
  return stripped.length > 0 ? stripped : name;
}

/** Lower-case, strip diacritics and apostrophes; every other non-alphanumeric run becomes one space. */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`ʿʾ‘]/g, '')
    .replace(/[^a-z0-9\u0600-\u06ff]+/g, ' ')
    .trim();
}

/**
 * The lookup key: folded tokens without articles, doubled letters squeezed and a final "h" dropped
 * per token — the same equivalences as the scorer's normPlace, so keys that meet here also meet there.
 */
export function placeKey(s: string): string {
  // The same capitalised words recur in every report ("On", "May", "Province"): fold each spelling once.
  let key = keyMemo.get(s);
  if (key === undefined) {
    if (keyMemo.size >= KEY_MEMO_LIMIT) keyMemo.clear();
    key = computePlaceKey(s);
    keyMemo.set(s, key);
  }
  return key;
}

const keyMemo = new Map<string, string>();
/** Bounds the memo's memory (a few MB) on corpora with endless distinct names. */
const KEY_MEMO_LIMIT = 50_000;

function computePlaceKey(s: string): string {
  // Fast path for the common case, a plain ASCII word: no Unicode normalisation needed.
  if (/^[A-Za-z]+$/.test(s)) return squeezeToken(s.toLowerCase());
  const tokens = foldText(s).split(' ');
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === '') continue;
    // An article is dropped only when a word follows it ("Al Shir"), never a lone "As" or "An".
    if (ARTICLES.has(t) && i < tokens.length - 1) continue;
    out.push(squeezeToken(t));
  }
  return out.join(' ');
}

/**
 * placeKey(word) when it is the word's lower-case form itself (`lower`): ASCII letters, none doubled, no final "h" to
 * drop; null otherwise. The recognizer asks it of every capitalised word, and reading a few characters is cheaper than
 * hashing a freshly sliced word for the memo.
 */
export function plainWordKey(word: string, lower: string): string | null {
  const n = word.length;
  if (n === 0 || lower.length !== n) return null;
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return null;
    if (i > 0 && (c | 32) === (word.charCodeAt(i - 1) | 32)) return null;
  }
  if (n > 2 && (word.charCodeAt(n - 1) | 32) === 104 /* h */) return null;
  return lower;
}

function squeezeToken(t: string): string {
  let s = t.replace(/(.)\1+/g, '$1');
  if (s.length > 2 && s.endsWith('h')) s = s.slice(0, -1);
  return s;
}

/** True when a name is written in Latin or Arabic script only (the scripts we index). */
export function isIndexableScript(name: string): boolean {
  return /^[\p{Script=Latin}\p{Script=Arabic}\p{M}\d\s'’`ʿʾ‘.,()\-/]+$/u.test(name) && /\p{L}/u.test(name);
}
