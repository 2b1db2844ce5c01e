// The shared shape of a CSV import (ACLED events, victims lists): validate the whole file first, streaming, with
// row-numbered problems; import nothing from a file that fails unless bad rows are to be skipped; then import in
// batches, each one transaction: unchanged keys are left alone, new keys create a confirmed claim, changed keys add a
// claim that supersedes the standing one. Memory stays flat: the repeated-key check runs in the store (key-check.ts).
import { createHash } from 'node:crypto';
import { MarsadError } from '../domain/errors.js';
import { at as where, readCsv } from '../io/csv.js';
import { canonicalJson, sha256Hex } from '../store/canonical-json.js';
import { KeyCheck, skippedRowLookup } from '../store/key-check.js';
import { ANALYZE_AFTER_ROWS, currentImports, ensureSystemUser, IMPORT_LOCK, refreshImportStatistics, writeImports, type ImportWrite } from '../store/imports.js';
import type { ClaimKind, NewReport } from '../store/reports.js';
import type { AppDeps } from './deps.js';

export interface CellProblem {
  column: string;
  message: string;
}

export interface MappedRow {
  /** The outside identity of the row (event_id_cnty, a victim id, or a hash of the row). */
  key: string;
  /** The report file text stored byte-exact (UTF-8) for the row. */
  reportText: string;
  outlet: string;
  published: string;
  kind: ClaimKind;
  data: Record<string, unknown>;
}

export interface RowMapper<H> {
  /** The audit / imported_events source name and the system user's suffix: import:<source>. */
  source: string;
  version: string;
  header(cells: string[]): { ok: true; header: H } | { ok: false; problems: string[] };
  row(header: H, cells: string[]): { ok: true; row: MappedRow } | { ok: false; problems: CellProblem[] };
  /** Which fields differ between the standing claim's data and the new one, for the audit entry. */
  changed(before: Record<string, unknown>, after: Record<string, unknown>): string[];
}

export interface ImportProblem {
  row: number;
  line: number;
  /** `FILE:ROW: column X: expected …, got …` */
  text: string;
  fatal: boolean;
}

export interface CsvImportInput {
  file: string;
  /** Import the good rows of a file with bad ones (the bad ones are listed); otherwise a bad row stops everything. */
  skipBadRows?: boolean;
  /** Who runs the import (audit); the reviews are signed by the system user import:<source>. */
  actor: string;
  batchSize?: number;
  /** Problems kept in the output (the count covers all). */
  maxProblems?: number;
  /** During validation: rows read, problems so far, bytes of the file read. */
  onValidated?: (rows: number, problems: number, bytes: number) => void;
  /** During the import: rows written or found unchanged so far, of `total` rows that passed validation. */
  onProgress?: (done: number, total: number) => void;
}

export interface CsvImportOutput {
  file: string;
  source: string;
  /** Data rows read (the header excluded). */
  rows: number;
  /** false when nothing was imported because the file failed validation. */
  imported: boolean;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows repeating an earlier row of the same file with the same values. */
  repeated: number;
  badRows: number;
  problems: ImportProblem[];
  problemCount: number;
  systemUser: string;
}

const DEFAULT_BATCH = 1000;

export async function runCsvImport<H>(deps: AppDeps, mapper: RowMapper<H>, input: CsvImportInput): Promise<CsvImportOutput> {
  const file = input.file;
  const maxProblems = input.maxProblems ?? 200;
  const out: CsvImportOutput = {
    file, source: mapper.source, rows: 0, imported: false, created: 0, updated: 0, unchanged: 0, repeated: 0, badRows: 0,
    problems: [], problemCount: 0, systemUser: `import:${mapper.source}`,
  };
  const problem = (row: number, line: number, message: string, fatal = false) => {
    out.problemCount++;
    if (out.problems.length < maxProblems) out.problems.push({ row, line, text: `${where(file, row, line)}: ${message}`, fatal });
  };

  // Pass 1: validate everything. Each row goes to the store's key check (its key and cells hash, or "bad"), which
  // finds the keys given twice with other values once the file is read: memory stays flat whatever the file's size.
  const keys = await KeyCheck.open(deps.store);
  try {
    let badRows = 0;
    let lastBadRow = 0;
    let headerBad = false;
    const markBad = async (row: number, line: number) => {
      // Rows come in ascending order; a row with several problems counts once.
      if (row === lastBadRow) return;
      lastBadRow = row;
      badRows++;
      if (row === 1) headerBad = true;
      else await keys.bad(row, line);
    };
    let header: H | null = null;
    let fatal = false;
    let bytesRead = 0;
    for await (const ev of readCsv(file, { onBytes: (n) => (bytesRead = n) })) {
      if (ev.kind === 'error') {
        problem(ev.row, ev.line, ev.message, ev.fatal || header === null);
        if (header === null || ev.fatal) fatal = true;
        await markBad(ev.row, ev.line);
        if (ev.row > 1) out.rows++;
        continue;
      }
      if (header === null) {
        const h = mapper.header(ev.cells);
        if (!h.ok) {
          for (const p of h.problems) problem(ev.row, ev.line, p, true);
          fatal = true;
          break;
        }
        header = h.header;
        continue;
      }
      out.rows++;
      const r = mapper.row(header, ev.cells);
      if (!r.ok) {
        await markBad(ev.row, ev.line);
        for (const p of r.problems) problem(ev.row, ev.line, `column ${p.column}: ${p.message}`);
        continue;
      }
      await keys.good(ev.row, ev.line, r.row.key, cellsHash(ev.cells));
      if (out.rows % 5_000 === 0) input.onValidated?.(out.rows, out.problemCount, bytesRead);
    }
    if (header === null && !fatal) {
      problem(1, 1, 'the file is empty: expected a header row', true);
      fatal = true;
    }
    let toWrite = 0;
    if (header !== null) {
      const check = await keys.settle(maxProblems);
      toWrite = check.distinctKeys;
      badRows += check.conflicts;
      out.problemCount += check.conflicts;
      const conflicts = check.firstConflicts.map((c): ImportProblem => ({
        row: c.row, line: c.line, fatal: false,
        text: `${where(file, c.row, c.line)}: key ${c.key} already appears on row ${c.firstRow} with other values (one file must give one version of an event)`,
      }));
      out.problems = mergeByRow(out.problems, conflicts).slice(0, maxProblems);
    }
    out.badRows = badRows;
    input.onValidated?.(out.rows, out.problemCount, bytesRead);
    if ((out.problemCount > 0 && !input.skipBadRows) || header === null || (fatal && headerBad)) return out;

    // Pass 2: import the rows that passed, in batches.
    const at = deps.now();
    const systemUser = out.systemUser;
    await deps.store.transaction((tx) => ensureSystemUser(tx, systemUser, at, input.actor));
    const size = Math.max(1, input.batchSize ?? DEFAULT_BATCH);
    // Rows the write pass leaves out: bad ones, conflicts, and repeats of a key (counted apart, as `repeated`).
    const skipped = skippedRowLookup(keys.skipped());
    let batch: { row: number; mapped: MappedRow }[] = [];
    let done = 0;
    const flush = async () => {
      const counts = await importBatch(deps, mapper, file, batch, systemUser);
      out.created += counts.created;
      out.updated += counts.updated;
      out.unchanged += counts.unchanged;
      done += batch.length;
      batch = [];
      input.onProgress?.(done, toWrite);
    };
    let h2: H | null = null;
    for await (const ev of readCsv(file)) {
      if (ev.kind === 'error') continue;
      if (h2 === null) {
        const h = mapper.header(ev.cells);
        if (!h.ok) throw new MarsadError('conflict', `${file} changed while it was imported`);
        h2 = h.header;
        continue;
      }
      const reason = await skipped(ev.row);
      if (reason === 'bad' || reason === 'conflict') continue;
      const r = mapper.row(h2, ev.cells);
      if (!r.ok) throw new MarsadError('conflict', `${where(file, ev.row, ev.line)}: the file changed while it was imported`);
      if (reason === 'repeat') {
        out.repeated++;
        continue;
      }
      batch.push({ row: ev.row, mapped: r.row });
      if (batch.length >= size) await flush();
    }
    if (batch.length) await flush();
    if (out.created + out.updated >= ANALYZE_AFTER_ROWS) await refreshImportStatistics(deps.store);
    out.imported = true;
    return out;
  } finally {
    await keys.drop();
  }
}

/** Two lists of problems, each in row order, as one list in row order (the earlier list first on a tie). */
function mergeByRow(a: readonly ImportProblem[], b: readonly ImportProblem[]): ImportProblem[] {
  const out: ImportProblem[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.row <= b[j]!.row)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/** 48 bits of SHA-1 over the cells: enough to tell two versions of one key apart. */
function cellsHash(cells: readonly string[]): number {
  return createHash('sha1').update(cells.join('\u0000')).digest().readUIntBE(0, 6);
}

async function importBatch<H>(deps: AppDeps, mapper: RowMapper<H>, file: string, batch: { row: number; mapped: MappedRow }[], actor: string) {
  const at = deps.now();
  const prepared = batch.map(({ row, mapped }) => {
    const bytes = Buffer.from(mapped.reportText, 'utf8');
    const report: NewReport = { sha256: sha256Hex(bytes), bytes, outlet: mapped.outlet, url: 'unknown', published: mapped.published, language: 'en', source: `${file}:${row}` };
    return { row, mapped, report, fingerprint: sha256Hex(canonicalJson(mapped.data)) };
  });
  return deps.store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    const current = await currentImports(tx, mapper.source, prepared.map((p) => p.mapped.key));
    const writes: ImportWrite[] = [];
    let unchanged = 0;
    const changedIds = prepared.filter((p) => current.has(p.mapped.key) && current.get(p.mapped.key)!.fingerprint !== p.fingerprint).map((p) => current.get(p.mapped.key)!.claimId);
    const oldData = new Map<number, Record<string, unknown>>();
    if (changedIds.length) {
      for (const r of await tx.query<{ id: number; data: Record<string, unknown> }>('SELECT id, data FROM claims WHERE id = ANY($1::bigint[])', [changedIds])) oldData.set(r.id, r.data);
    }
    for (const p of prepared) {
      const cur = current.get(p.mapped.key);
      if (cur && cur.fingerprint === p.fingerprint) {
        unchanged++;
        continue;
      }
      writes.push({
        key: p.mapped.key, fingerprint: p.fingerprint, file, row: p.row, report: p.report, kind: p.mapped.kind, data: p.mapped.data,
        supersedes: cur ?? null, changed: cur ? mapper.changed(oldData.get(cur.claimId) ?? {}, p.mapped.data) : undefined,
      });
    }
    await writeImports(tx, mapper.source, writes, { at, actor, version: mapper.version });
    const updated = writes.filter((w) => w.supersedes).length;
    return { created: writes.length - updated, updated, unchanged };
  });
}
