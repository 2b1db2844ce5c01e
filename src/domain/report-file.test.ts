// Table tests for the report file reader: header variants, encodings and every refusal with its stable code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MarsadError, type MarsadErrorCode } from './errors.js';
import { decodeReportBytes, isCalendarDate, MAX_REPORT_BYTES, parseReport, type ReportDefaults } from './report-file.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

/** Reads a file's bytes the way the CLI does: decode, then parse. */
const read = (input: Uint8Array, defaults: ReportDefaults = {}) => parseReport(decodeReportBytes(input), defaults);

function refuses(fn: () => unknown, code: MarsadErrorCode, more: { line?: number; message?: RegExp } = {}): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof MarsadError, `expected a MarsadError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    if ('line' in more) assert.equal(err.line, more.line, `line of: ${err.message}`);
    if (more.message) assert.match(err.message, more.message);
    return true;
  });
}

const BODY = 'Clashes in Latakia\nSecurity forces killed 52 men on Friday.\n';

const accepted: Array<{ name: string; file: string; defaults?: ReportDefaults; outlet: string; published: string; url: string; language: string; body: string }> = [
  { name: 'the FORMAT.md header', file: `outlet: Kurdistan24\npublished: 2025-03-07\nurl: unknown\n\n${BODY}`, outlet: 'Kurdistan24', published: '2025-03-07', url: 'unknown', language: 'en', body: BODY },
  { name: 'keys in another order, with language', file: `published: 2025-03-07\nlanguage: ar\nurl: https://example.org/a?b=c:d\noutlet: SANA\n\n${BODY}`, outlet: 'SANA', published: '2025-03-07', url: 'https://example.org/a?b=c:d', language: 'ar', body: BODY },
  { name: 'only published; the rest defaults', file: `published: 2025-03-07\n\n${BODY}`, outlet: 'unknown', published: '2025-03-07', url: 'unknown', language: 'en', body: BODY },
  { name: 'no space, tabs and trailing blanks around values', file: `outlet:\tReuters  \npublished:2025-03-07 \n\n${BODY}`, outlet: 'Reuters', published: '2025-03-07', url: 'unknown', language: 'en', body: BODY },
  { name: 'the header wins over the flags', file: `outlet: AFP\npublished: 2025-03-07\n\n${BODY}`, defaults: { outlet: 'flag', published: '2024-01-01' }, outlet: 'AFP', published: '2025-03-07', url: 'unknown', language: 'en', body: BODY },
  { name: 'several blank lines: the body starts after the first', file: `published: 2025-03-07\n\n\n${BODY}`, outlet: 'unknown', published: '2025-03-07', url: 'unknown', language: 'en', body: `\n${BODY}` },
  { name: 'plain text with --published and --outlet', file: BODY, defaults: { published: '2025-03-07', outlet: 'paste' }, outlet: 'paste', published: '2025-03-07', url: 'unknown', language: 'en', body: BODY },
  { name: 'plain text whose first line has a colon', file: `Syria: 52 killed\n${BODY}`, defaults: { published: '2025-03-07' }, outlet: 'unknown', published: '2025-03-07', url: 'unknown', language: 'en', body: `Syria: 52 killed\n${BODY}` },
  { name: 'CRLF line ends: header values clean, body byte-exact', file: `outlet: AP\r\npublished: 2025-03-07\r\n\r\nLine one.\r\nLine two.\r\n`, outlet: 'AP', published: '2025-03-07', url: 'unknown', language: 'en', body: 'Line one.\r\nLine two.\r\n' },
  { name: 'a UTF-8 byte order mark is dropped', file: `\uFEFFoutlet: AP\npublished: 2025-03-07\n\n${BODY}`, outlet: 'AP', published: '2025-03-07', url: 'unknown', language: 'en', body: BODY },
  { name: 'BOM and CRLF together', file: `\uFEFFpublished: 2025-03-07\r\n\r\nسوريا: Arabic and “curly quotes” survive.\r\n`, outlet: 'unknown', published: '2025-03-07', url: 'unknown', language: 'en', body: 'سوريا: Arabic and “curly quotes” survive.\r\n' },
  { name: 'leap day', file: `published: 2024-02-29\n\n${BODY}`, outlet: 'unknown', published: '2024-02-29', url: 'unknown', language: 'en', body: BODY },
];

for (const c of accepted) {
  test(`reads: ${c.name}`, () => {
    const text = decodeReportBytes(utf8(c.file));
    const { report, bodyOffset } = parseReport(text, c.defaults);
    assert.deepEqual(report, { outlet: c.outlet, published: c.published, url: c.url, language: c.language, body: c.body });
    // Spans are offsets into the body; bodyOffset maps them back into the decoded file.
    assert.equal(text.slice(bodyOffset), report.body);
  });
}

const refused: Array<{ name: string; input: Uint8Array; defaults?: ReportDefaults; code: MarsadErrorCode; line?: number; message?: RegExp }> = [
  { name: 'empty file', input: new Uint8Array(0), code: 'empty_report' },
  { name: 'header and blank line, no body', input: utf8('outlet: X\npublished: 2025-03-07\n\n'), code: 'empty_report' },
  { name: 'body of blank lines only', input: utf8('published: 2025-03-07\n\n  \n\t\n'), code: 'empty_report' },
  { name: 'whitespace-only plain text', input: utf8(' \n \n'), defaults: { published: '2025-03-07' }, code: 'empty_report' },
  { name: 'missing published in the header', input: utf8(`outlet: X\nurl: unknown\n\n${BODY}`), code: 'missing_published', message: /--published/ },
  { name: 'plain text without --published', input: utf8(BODY), code: 'missing_published' },
  { name: 'impossible date 2025-02-30', input: utf8(`outlet: X\npublished: 2025-02-30\n\n${BODY}`), code: 'bad_date', line: 2, message: /2025-02-30/ },
  { name: 'impossible date after CRLF lines', input: utf8(`outlet: X\r\nurl: unknown\r\npublished: 2025-13-01\r\n\r\n${BODY}`), code: 'bad_date', line: 3 },
  { name: 'not a leap year: 2025-02-29', input: utf8(`published: 2025-02-29\n\n${BODY}`), code: 'bad_date', line: 1 },
  { name: 'date in words', input: utf8(`published: 7 March 2025\n\n${BODY}`), code: 'bad_date', line: 1 },
  { name: 'impossible --published flag', input: utf8(BODY), defaults: { published: '2025-04-31' }, code: 'bad_date', message: /2025-04-31/ },
  { name: 'unknown header key', input: utf8(`outlet: X\nauthor: Y\npublished: 2025-03-07\n\n${BODY}`), code: 'bad_header', line: 2, message: /author/ },
  { name: 'header without a blank line before the body', input: utf8('outlet: X\npublished: 2025-03-07\nSecurity forces killed 52 men.\n'), code: 'bad_header', line: 3, message: /blank line/ },
  { name: 'header with no body at all', input: utf8('outlet: X\npublished: 2025-03-07'), code: 'bad_header', message: /blank line/ },
  { name: 'binary: a NUL byte', input: bytes('outlet: X\npublished: 2025-03-07\n\nab', [0], 'cd'), code: 'binary_input', line: 4, message: /offset 35/ },
  { name: 'binary: a PNG signature', input: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), code: 'binary_input' },
  { name: 'broken UTF-8: a stray 0xFF', input: bytes('published: 2025-03-07\n\nab', [0xff], 'cd'), code: 'invalid_utf8', line: 3, message: /byte 25\b/ },
  { name: 'broken UTF-8: an overlong "/"', input: bytes('a', [0xc0, 0xaf]), code: 'invalid_utf8', message: /byte 1\b/ },
  { name: '17 MB', input: new Uint8Array(17 * 1024 * 1024).fill(0x61), code: 'report_too_large', message: /17\.0 MB.*16\.0 MB/ },
];

for (const c of refused) {
  test(`refuses: ${c.name} → ${c.code}`, () => {
    const more: { line?: number; message?: RegExp } = {};
    if (c.line !== undefined) more.line = c.line;
    if (c.message) more.message = c.message;
    refuses(() => read(c.input, c.defaults), c.code, more);
  });
}

test('the size limit is exactly MAX_REPORT_BYTES', () => {
  const at = new Uint8Array(MAX_REPORT_BYTES).fill(0x61);
  assert.equal(decodeReportBytes(at).length, MAX_REPORT_BYTES);
  refuses(() => decodeReportBytes(new Uint8Array(MAX_REPORT_BYTES + 1).fill(0x61)), 'report_too_large');
});

// The offset should name the first byte of the broken character. report-file.ts names the first byte at which decoding
// fails, which is one past a lead byte followed by ASCII (Latin-1 text, the usual case) and the end of a cut file.
const brokenAt: Array<{ name: string; input: Uint8Array; at: number }> = [
  { name: 'Latin-1 "é" before a space', input: bytes('caf', [0xe9], ' in Aleppo'), at: 3 },
  { name: 'a character cut at the end of the file', input: bytes('abc', [0xe2, 0x80]), at: 3 },
  { name: 'an encoded surrogate', input: bytes('a', [0xed, 0xa0, 0x80]), at: 1 },
];
for (const c of brokenAt) {
  test(`broken UTF-8: ${c.name} is reported at byte ${c.at}`, () => {
    refuses(() => decodeReportBytes(c.input), 'invalid_utf8', { line: 1, message: new RegExp(`byte ${c.at}\\b`) });
  });
}

const dates: Array<[string, boolean]> = [
  ['2025-03-07', true],
  ['2024-02-29', true],
  ['2025-02-29', false],
  ['2025-02-30', false],
  ['2025-04-31', false],
  ['2025-00-10', false],
  ['2025-3-7', false],
  ['2025-03-07T00:00', false],
  ['', false],
];
for (const [s, ok] of dates) test(`isCalendarDate(${JSON.stringify(s)}) = ${ok}`, () => assert.equal(isCalendarDate(s), ok));
