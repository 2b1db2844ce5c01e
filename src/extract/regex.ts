// Regex helpers for the recognizers' hot loops.

/**
 * Every match of a global regex, as `text.matchAll(re)` gives them, but run on `re` itself: matchAll copies the
 * regex on every call, which costs more than matching a short sentence. All matches are collected before the
 * caller sees any, so a caller may use the same regex again while it loops over them.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global regex, got /${re.source}/${re.flags}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match would match again at the same index: step over it as matchAll does (by code point under /u).
    if (m[0] === '') re.lastIndex = nextIndex(text, re.lastIndex, re.unicode);
  }
  re.lastIndex = 0;
  return out;
}

function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  return c >= 0xd800 && c <= 0xdbff ? index + 2 : index + 1;
}

/** The characters `\s` matches (WhiteSpace and LineTerminator of ECMAScript). */
export function isRegexSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isAsciiWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** Where the run of `\s` that ends at `end` starts (`end` itself when there is none). */
export function spaceRunStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && isRegexSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

/**
 * The same answer as `/(?:\b(?:w1|w2|…)|,)\s+(?:the\s+)?$/i.test(text)` for lower-case ASCII cue words (without the comma
 * branch when `comma` is false), read backwards from the end. V8 tries an end-anchored regex at every start position;
 * this looks at the last word or two only.
 */
export function endsWithCue(text: string, words: ReadonlySet<string>, comma: boolean): boolean {
  const end = spaceRunStart(text, text.length);
  if (end === text.length) return false;
  if (cueEndsAt(text, end, words, comma)) return true;
  // "in the ": the article, then the cue before it.
  if (end < 3 || text.slice(end - 3, end).toLowerCase() !== 'the') return false;
  const beforeThe = spaceRunStart(text, end - 3);
  return beforeThe < end - 3 && cueEndsAt(text, beforeThe, words, comma);
}

/** Whether a cue word (a whole ASCII word: `\b` before it) or a comma ends at `end`. */
function cueEndsAt(text: string, end: number, words: ReadonlySet<string>, comma: boolean): boolean {
  if (comma && end > 0 && text.charCodeAt(end - 1) === 44 /* , */) return true;
  let start = end;
  while (start > 0 && isAsciiWordChar(text.charCodeAt(start - 1))) start--;
  return start < end && words.has(text.slice(start, end).toLowerCase());
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** A phrase ends here. */
  end: boolean;
}

/**
 * The phrases as one regex in prefix-tree form ("clashed\s+with\s+(?:police|the\s+police)"): the regex engine
 * follows one branch per character instead of trying hundreds of alternatives at every position (3× faster on
 * the event triggers). Longer continuations come before a phrase's end, so at a position it still matches the
 * longest phrase whose end is a word edge, as a longest-first flat alternation did. A space matches any whitespace.
 */
export function phraseAlternation(phrases: Iterable<string>): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const phrase of new Set([...phrases].map((p) => p.toLowerCase()))) {
    let node = root;
    for (const c of phrase) {
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map(), end: false };
        node.next.set(c, child);
      }
      node = child;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    const branches = [...node.next].map(([c, child]) => (c === ' ' ? '\\s+' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) + emit(child));
    if (branches.length === 0) return '';
    if (branches.length === 1 && !node.end) return branches[0]!;
    return `(?:${branches.join('|')}${node.end ? '|' : ''})`;
  };
  return emit(root);
}
