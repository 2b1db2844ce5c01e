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
