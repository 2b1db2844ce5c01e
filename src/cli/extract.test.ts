// End-to-end tests of `marsad extract` as a user runs it: the built CLI (dist/cli.js) in a child process.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(root, 'dist/cli.js');
const EXAMPLE = join(root, 'examples/founding-latakia.txt');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `input` is written to its standard input (a string or bytes), otherwise stdin is closed. */
function marsad(args: string[], input?: string | Uint8Array): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    // The CLI may stop reading an oversized stream early; a broken pipe here is expected then.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');

const PLAIN = 'Security forces killed five people in Aleppo on Friday, a monitor said.\n';
const SECOND = `outlet: Test Wire\npublished: 2025-03-07\nurl: unknown\n\n${PLAIN}`;

let dir = '';
before(async () => {
  assert.ok(existsSync(CLI), `${CLI} is missing: run "npm run build" first (npm test does)`);
  dir = await mkdtemp(join(tmpdir(), 'marsad-cli-'));
  await writeFile(join(dir, 'second.txt'), SECOND);
  await writeFile(join(dir, 'plain.txt'), PLAIN);
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'binary.txt'), Buffer.concat([Buffer.from('published: 2025-03-07\n\nab'), Buffer.from([0, 1, 2, 0xff]), Buffer.from('cd')]));
  await writeFile(join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('published: 2025-03-07\n\nAttack in Sa'), Buffer.from([0xef, 0x64]), Buffer.from(' killed 3.\n')]));
  await writeFile(join(dir, 'bad-date.txt'), `outlet: X\npublished: 2025-02-30\n\n${PLAIN}`);
  // 50 MB of ordinary text: refused by size, before being read into memory.
  await writeFile(join(dir, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'Security forces killed five people. '));
});
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('--json on one file prints one object with incidents, tolls and victims', async () => {
  const r = await marsad(['extract', '--json', EXAMPLE]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const out = JSON.parse(r.stdout) as Record<string, unknown>;
  assert.ok(!Array.isArray(out), 'one object, not an array');
  for (const key of ['incidents', 'tolls', 'victims']) assert.ok(Array.isArray(out[key]), `${key} is an array`);
  assert.ok((out.incidents as unknown[]).length > 0, 'the founding example has incidents');
  assert.equal((out.report as { published: string }).published, '2025-03-07');
});

test('--jsonl on several files prints one line per file, each naming its file, in order', async () => {
  const files = [EXAMPLE, 'second.txt', EXAMPLE];
  const r = await marsad(['extract', '--jsonl', ...files]);
  assert.equal(r.code, 0, r.stderr);
  const out = lines(r.stdout).map((l) => JSON.parse(l) as { file: string; incidents: unknown[]; tolls: unknown[]; victims: unknown[] });
  assert.deepEqual(
    out.map((o) => o.file),
    files,
  );
  for (const o of out) for (const key of ['incidents', 'tolls', 'victims'] as const) assert.ok(Array.isArray(o[key]));
});

test('"-" reads the report from standard input', async () => {
  const r = await marsad(['extract', '--json', '-'], SECOND);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { report: { outlet: string; published: string }; incidents: unknown[] };
  assert.equal(out.report.outlet, 'Test Wire');
  assert.equal(out.report.published, '2025-03-07');
  assert.ok(out.incidents.length > 0);
});

test('plain text takes its metadata from --published and --outlet', async () => {
  const r = await marsad(['extract', '--json', '--published', '2025-03-07', '--outlet', 'Paste', 'plain.txt']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { report: { outlet: string; published: string; bodyLength: number }; incidents: Array<{ date: { start: string; end: string } | null }> };
  assert.equal(out.report.outlet, 'Paste');
  assert.equal(out.report.published, '2025-03-07');
  assert.equal(out.report.bodyLength, PLAIN.length, 'the whole file is the body');
  // "on Friday" resolves against --published (itself a Friday).
  assert.deepEqual(out.incidents[0]?.date, { start: '2025-03-07', end: '2025-03-07' });
});

test('plain text without --published is refused with a hint', async () => {
  const r = await marsad(['extract', '--json', 'plain.txt']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^marsad: plain\.txt: .*--published.*\n$/);
});

test('bad files each get one line on stderr naming file and reason; the good files are still processed; exit 1', async () => {
  const bad: Array<[string, RegExp]> = [
    ['huge.txt', /50\.0 MB.*limit.*\[report_too_large\]/],
    ['empty.txt', /empty.*\[empty_report\]/],
    ['binary.txt', /binary.*\[binary_input\]/],
    ['latin1.txt', /invalid UTF-8 at byte \d+.*\[invalid_utf8\]/],
    ['bad-date.txt', /line 2: .*2025-02-30.*\[bad_date\]/],
    ['missing.txt', /no such file/],
  ];
  const files = [bad[0]![0], EXAMPLE, ...bad.slice(1, 4).map((b) => b[0]), 'second.txt', ...bad.slice(4).map((b) => b[0])];
  const r = await marsad(['extract', '--jsonl', ...files]);
  assert.equal(r.code, 1);
  assert.deepEqual(
    lines(r.stdout).map((l) => (JSON.parse(l) as { file: string }).file),
    [EXAMPLE, 'second.txt'],
  );
  const errors = lines(r.stderr);
  assert.equal(errors.length, bad.length, r.stderr);
  for (const [i, [file, reason]] of bad.entries()) {
    const line = errors[i]!;
    assert.ok(line.startsWith(`marsad: ${file}: `), line);
    assert.match(line, reason);
  }
});

test('the same errors in readable mode and with --json', async () => {
  for (const mode of [[], ['--json']]) {
    const r = await marsad(['extract', ...mode, 'empty.txt', 'second.txt']);
    assert.equal(r.code, 1);
    assert.deepEqual(lines(r.stderr), ['marsad: empty.txt: the file is empty [empty_report]']);
    assert.match(r.stdout, /Aleppo/);
  }
});

test('50 MB on standard input is refused without buffering it all', async () => {
  const r = await marsad(['extract', '--json', '-'], Buffer.alloc(50 * 1024 * 1024, 'a'));
  assert.equal(r.code, 1);
  assert.equal(lines(r.stderr).length, 1, r.stderr);
  assert.match(r.stderr, /^marsad: -: .*\[report_too_large\]/);
});

const HOSTILE = `published: 2025-03-07

<html><head><script>require("node:fs").writeFileSync("pwned", "x"); process.exit(7)</script></head>
<body><img src=x onerror="require('node:fs').writeFileSync('pwned2','x')">
<p>Security forces killed five people in Aleppo on Friday.</p>
<p>Gunmen killed two guards in Homs on Thursday.\u001b[2J\u001b]0;owned\u0007</p></body></html>
`;

test('HTML with <script> is text: nothing runs, the words are still read', async () => {
  await writeFile(join(dir, 'page.html'), HOSTILE);
  const r = await marsad(['extract', '--json', 'page.html']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(existsSync(join(dir, 'pwned')), false);
  assert.equal(existsSync(join(dir, 'pwned2')), false);
  const out = JSON.parse(r.stdout) as { report: { bodyLength: number }; incidents: unknown[] };
  assert.equal(out.report.bodyLength, HOSTILE.indexOf('\n\n') > 0 ? HOSTILE.length - HOSTILE.indexOf('\n\n') - 2 : -1);
  assert.ok(out.incidents.length > 0, 'the sentences inside the tags are still extracted');
});

test(
  'the readable rendering neutralises terminal control characters from the report',
  async () => {
    await writeFile(join(dir, 'page.html'), HOSTILE);
    const r = await marsad(['extract', 'page.html']);
    assert.equal(r.code, 0, r.stderr);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(r.stdout, /[\u0000-\u0008\u000b-\u001f\u007f\u009b]/);
  },
);

test('a report file with CRLF line ends is read', async () => {
  await writeFile(join(dir, 'crlf.txt'), SECOND.replace(/\n/g, '\r\n'));
  const r = await marsad(['extract', '--json', 'crlf.txt']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as { report: { outlet: string } }).report.outlet, 'Test Wire');
});
