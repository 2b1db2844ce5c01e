// The repeated-key check of a CSV import, kept in the store instead of in memory: the validation pass writes one
// scratch row per file row (its key and a hash of its cells, or no key when the row is bad), then one GROUP BY finds
// the keys given more than once. Memory stays flat whatever the number of distinct keys (a Map of 1M keys was
// ~100 MB); the scratch table lives in the `import_scratch` schema (migration 7), unlogged, and is dropped at the end.
import { randomUUID } from 'node:crypto';
import type { Column, Store } from './store.js';

/** A row giving a key that an earlier row gave with other values. */
export interface KeyConflict {
  row: number;
  line: number;
  key: string;
  firstRow: number;
}

/** A row the write pass leaves out: bad (failed validation), a conflict (see above), or an identical repeat. */
export interface SkippedRow {
  row: number;
  reason: 'bad' | 'conflict' | 'repeat';
}

export interface KeyCheckResult {
  /** Rows in conflict, all of them. */
  conflicts: number;
  /** The first conflicts by row number, at most the limit asked. */
  firstConflicts: KeyConflict[];
  /** Distinct keys among the good rows: the rows the write pass visits. */
  distinctKeys: number;
}

/** Rows buffered before one COPY, and rows per page when reading the skipped rows back. */
const CHUNK = 5000;
const COLUMNS: readonly Column[] = [{ name: 'row_no' }, { name: 'line_no' }, { name: 'key' }, { name: 'hash' }];

export class KeyCheck {
  private pending: unknown[][] = [];

  private constructor(
    private readonly store: Store,
    private readonly table: string,
  ) {}

  /** Creates the scratch table of one import run; `drop()` it when the run ends, whatever happens. */
  static async open(store: Store): Promise<KeyCheck> {
    const table = `import_scratch.rows_${randomUUID().replaceAll('-', '')}`;
    // first_row is set, after the last row, on the rows that repeat an earlier row's key.
    await store.exec(`CREATE UNLOGGED TABLE ${table} (row_no integer PRIMARY KEY, line_no integer NOT NULL, key text, hash bigint, first_row integer)`);
    return new KeyCheck(store, table);
  }

  /** A row that passed validation; rows come in ascending row order. `hash` must fit in 53 bits. */
  async good(row: number, line: number, key: string, hash: number): Promise<void> {
    this.pending.push([row, line, key, hash]);
    if (this.pending.length >= CHUNK) await this.flush();
  }

  /** A row that failed validation (recorded once, however many problems it has). */
  async bad(row: number, line: number): Promise<void> {
    this.pending.push([row, line, null, null]);
    if (this.pending.length >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.pending.length) return;
    const rows = this.pending;
    this.pending = [];
    await this.store.copyRows(this.table, COLUMNS, rows);
  }

  /**
   * After the last row: finds the keys given more than once and returns the conflicts (a later row whose cells differ
   * from the key's first row), the first `limit` of them by row, and the number of distinct good keys.
   */
  async settle(limit: number): Promise<KeyCheckResult> {
    await this.flush();
    const t = this.table;
    // PGlite has no autovacuum: without statistics a just-filled table is planned as if nearly empty.
    await this.store.exec(`ANALYZE ${t}`);
    await this.store.query(
      `UPDATE ${t} s SET first_row = f.first_row
       FROM (SELECT key, min(row_no) AS first_row FROM ${t} WHERE key IS NOT NULL GROUP BY key HAVING count(*) > 1) f
       WHERE s.key = f.key AND s.row_no > f.first_row`,
    );
    const [counts] = await this.store.query<{ conflicts: number; distinct_keys: number }>(
      `SELECT count(*) FILTER (WHERE s.first_row IS NOT NULL AND s.hash <> f.hash) AS conflicts,
              count(*) FILTER (WHERE s.key IS NOT NULL AND s.first_row IS NULL) AS distinct_keys
       FROM ${t} s LEFT JOIN ${t} f ON f.row_no = s.first_row`,
    );
    const firstConflicts = counts!.conflicts
      ? await this.store.query<KeyConflict>(
          `SELECT s.row_no AS row, s.line_no AS line, s.key, s.first_row AS "firstRow" FROM ${t} s JOIN ${t} f ON f.row_no = s.first_row
           WHERE s.hash <> f.hash ORDER BY s.row_no LIMIT $1`,
          [limit],
        )
      : [];
    return { conflicts: counts!.conflicts, firstConflicts, distinctKeys: counts!.distinct_keys };
  }

  /** The rows the write pass leaves out, in row order, read a page at a time (call after `settle`). */
  async *skipped(): AsyncGenerator<SkippedRow> {
    const t = this.table;
    let after = 0;
    for (;;) {
      const page = await this.store.query<SkippedRow>(
        `SELECT s.row_no AS row, CASE WHEN s.key IS NULL THEN 'bad' WHEN s.hash <> f.hash THEN 'conflict' ELSE 'repeat' END AS reason
         FROM ${t} s LEFT JOIN ${t} f ON f.row_no = s.first_row
         WHERE s.row_no > $1 AND (s.key IS NULL OR s.first_row IS NOT NULL) ORDER BY s.row_no LIMIT $2`,
        [after, CHUNK],
      );
      yield* page;
      if (page.length < CHUNK) return;
      after = page[page.length - 1]!.row;
    }
  }

  async drop(): Promise<void> {
    this.pending = [];
    await this.store.exec(`DROP TABLE IF EXISTS ${this.table}`);
  }
}

/** Answers "is row N left out, and why?" for ascending N, walking `skipped()` once. */
export function skippedRowLookup(rows: AsyncIterable<SkippedRow>): (row: number) => Promise<SkippedRow['reason'] | undefined> {
  const it = rows[Symbol.asyncIterator]();
  let next: SkippedRow | undefined;
  let started = false;
  let ended = false;
  return async (row) => {
    if (!started) {
      started = true;
      const r = await it.next();
      if (r.done) ended = true;
      else next = r.value;
    }
    while (!ended && next!.row < row) {
      const r = await it.next();
      if (r.done) ended = true;
      else next = r.value;
    }
    return !ended && next!.row === row ? next!.reason : undefined;
  };
}
