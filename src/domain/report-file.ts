// Reads the report file format of FORMAT.md (a `key: value` header, a blank line, the body) from raw bytes.
import { MarsadError } from './errors.js';
import type { Report } from './types.js';

export const MAX_REPORT_BYTES = 16 * 1024 * 1024;

const HEADER_KEYS = new Set(['outlet', 'published', 'url', 'language']);
const HEADER_LINE = /^([A-Za-z][A-Za-z_-]*):[ \t]*(.*)$/;

export interface ReportDefaults {
  outlet?: string;
  published?: string;
  url?: string;
  language?: string;
}

/** `truncated`: reading stopped at the limit, so the size is a lower bound. */
export function reportTooLarge(size: number, truncated = false, maxBytes = MAX_REPORT_BYTES): MarsadError {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new MarsadError('report_too_large', `the report is ${truncated ? 'over ' : ''}${mb(size)} MB; the limit is ${mb(maxBytes)} MB per report`);
}

/** Decodes bytes as UTF-8, refusing empty, binary, over-large and malformed input with a specific error. */
export function decodeReportBytes(bytes: Uint8Array, maxBytes = MAX_REPORT_BYTES): string {
  if (bytes.length === 0) throw new MarsadError('empty_report', 'the file is empty');
  if (bytes.length > maxBytes) throw reportTooLarge(bytes.length, false, maxBytes);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new MarsadError('binary_input', `binary data (a NUL byte at offset ${nul}); expected UTF-8 text`, lineAt(bytes, nul));
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new MarsadError('invalid_utf8', `invalid UTF-8 at byte ${at}; expected UTF-8 text`, lineAt(bytes, at));
  }
}

/** Validates a YYYY-MM-DD calendar date (rejects 2025-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/**
 * Parses a report. With a header block, its keys win over `defaults`; without one (plain text), the whole text is
 * the body and `defaults.published` is required. Returns the body offset so spans can be mapped back to the file.
 */
export function parseReport(text: string, defaults: ReportDefaults = {}): { report: Report; bodyOffset: number } {
  const header: Record<string, string> = {};
  let bodyOffset = 0;
  const lines = text.split('\n');
  const firstKey = HEADER_LINE.exec(lines[0]!.replace(/\r$/, ''))?.[1]?.toLowerCase();
  const looksLikeHeader = lines.length > 1 && firstKey !== undefined && HEADER_KEYS.has(firstKey);
  if (looksLikeHeader) {
    let offset = 0;
    let i = 0;
    for (; i < lines.length; i++) {
      const raw = lines[i]!;
      const line = raw.replace(/\r$/, '');
      offset += raw.length + 1;
      if (line.trim() === '') break;
      const m = HEADER_LINE.exec(line);
      if (!m) throw new MarsadError('bad_header', `header line ${i + 1} is not "key: value" (got ${JSON.stringify(line.slice(0, 60))}); a blank line must separate the header from the body`, i + 1);
      const key = m[1]!.toLowerCase();
      if (!HEADER_KEYS.has(key)) throw new MarsadError('bad_header', `unknown header key "${key}" on line ${i + 1}; expected one of ${[...HEADER_KEYS].join(', ')}`, i + 1);
      header[key] = m[2]!.trim();
    }
    if (i === lines.length) throw new MarsadError('bad_header', 'the header is not followed by a blank line and a body', lines.length);
    bodyOffset = Math.min(offset, text.length);
  }
  const published = header.published ?? defaults.published;
  if (!published) throw new MarsadError('missing_published', 'no published date: add a "published: YYYY-MM-DD" header line or pass --published');
  if (!isCalendarDate(published)) {
    const line = header.published ? lines.findIndex((l) => l.startsWith('published:')) + 1 : undefined;
    throw new MarsadError('bad_date', `published date "${published}" is not a real calendar date in YYYY-MM-DD form`, line);
  }
  const body = text.slice(bodyOffset);
  if (body.trim() === '') throw new MarsadError('empty_report', 'the report has no body text');
  return {
    report: {
      outlet: header.outlet ?? defaults.outlet ?? 'unknown',
      published,
      url: header.url ?? defaults.url ?? 'unknown',
      language: header.language ?? defaults.language ?? 'en',
      body,
    },
    bodyOffset,
  };
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest prefix that fails to decode (stream: true tolerates a cut sequence at the end).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  // lo is where decoding first fails; if a character that started before it is left incomplete, name its lead byte.
  let k = lo - 1;
  while (k >= 0 && k > lo - 4 && (bytes[k]! & 0xc0) === 0x80) k--;
  const lead = bytes[k] ?? 0;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return k >= 0 && length > 1 && k + length > lo ? k : lo;
}
