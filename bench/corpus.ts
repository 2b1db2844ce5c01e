// Bench corpus: the dev-set report bodies and the ACLED notes, read at run time from ../shared (never copied into the repo).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseReport } from '../src/domain/report-file.js';
import type { Report } from '../src/domain/types.js';

export interface CorpusSource {
  name: string;
  path: string;
  reports: Report[];
  bytes: number;
  /** Why the source is missing, when it is. */
  skipped: string | null;
}

export interface Corpus {
  sources: CorpusSource[];
  /** Unique reports (one copy of every source). */
  unique: Report[];
  uniqueBytes: number;
  /** The unique reports repeated until their bodies reach the target size. */
  reports: Report[];
  bytes: number;
  repeats: number;
}

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Default locations; MARSAD_DEV_DIR and MARSAD_ACLED_CSV override them. */
export function defaultPaths(root: string): { devDir: string; acledCsv: string } {
  return {
    devDir: process.env.MARSAD_DEV_DIR ?? resolve(root, '../shared/eval/dev'),
    acledCsv: process.env.MARSAD_ACLED_CSV ?? resolve(root, '../shared/data/acled-sample-rpanlilio-2020-04-05-global.csv'),
  };
}

export function loadDevReports(dir: string): CorpusSource {
  const source: CorpusSource = { name: 'dev set', path: dir, reports: [], bytes: 0, skipped: null };
  if (!existsSync(dir)) return { ...source, skipped: `${dir} not found` };
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const { report } = parseReport(readFileSync(join(dir, f), 'utf8'));
    source.reports.push(report);
    source.bytes += utf8Bytes(report.body);
  }
  if (source.reports.length === 0) source.skipped = `no *.txt reports in ${dir}`;
  return source;
}

/** Each distinct `notes` text is one report, published on its event date (as score-acled.mjs does). */
export function loadAcledNotes(csvPath: string): CorpusSource {
  const source: CorpusSource = { name: 'ACLED notes', path: csvPath, reports: [], bytes: 0, skipped: null };
  if (!existsSync(csvPath)) return { ...source, skipped: `${csvPath} not found` };
  const rows = parseCsv(readFileSync(csvPath, 'utf8'));
  const [head, ...body] = rows;
  const notesAt = head?.indexOf('notes') ?? -1;
  const dateAt = head?.indexOf('event_date') ?? -1;
  if (notesAt < 0) return { ...source, skipped: `${csvPath} has no "notes" column` };
  const seen = new Set<string>();
  for (const row of body) {
    const notes = row[notesAt] ?? '';
    if (!notes.trim() || seen.has(notes)) continue;
    seen.add(notes);
    const published = isoDate(row[dateAt] ?? '') ?? '2020-01-01';
    source.reports.push({ outlet: 'ACLED', published, url: 'unknown', language: 'en', body: notes });
    source.bytes += utf8Bytes(notes);
  }
  if (source.reports.length === 0) source.skipped = `no notes in ${csvPath}`;
  return source;
}

export function buildCorpus(sources: CorpusSource[], targetBytes: number): Corpus {
  const unique = sources.flatMap((s) => s.reports);
  const uniqueBytes = sources.reduce((n, s) => n + s.bytes, 0);
  if (unique.length === 0) throw new Error('bench corpus: no reports found (is ../shared present?)');
  const repeats = Math.max(1, Math.ceil(targetBytes / uniqueBytes));
  const reports: Report[] = [];
  for (let i = 0; i < repeats; i++) reports.push(...unique);
  return { sources, unique, uniqueBytes, reports, bytes: uniqueBytes * repeats, repeats };
}

/** RFC 4180: quoted fields, doubled quotes, newlines inside quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') (field += '"'), i++;
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** ACLED exports write dates as "9-May-20" or "2020-05-09". */
export function isoDate(s: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) return s.slice(0, 10);
  const m = /^(\d{1,2})[- ]([A-Za-z]{3})[a-z]*[- ](\d{2,4})$/.exec(s.trim());
  const month = m ? MONTHS[m[2]!.toLowerCase()] : undefined;
  if (!m || !month) return null;
  const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return `${y}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}
