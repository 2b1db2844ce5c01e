// Streaming CSV reading with spreadsheet row numbers: every record or problem comes out in file order, never the whole file.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { parse, type CsvError, type Options } from 'csv-parse';

/** A cell larger than this is a row error (the row is reported and, with --skip-bad-rows, skipped). */
export const MAX_CELL_BYTES = 1024 * 1024;
/** A record larger than this stops the reading: csv-parse cannot resume after it, so the rest of the file is unread. */
export const MAX_RECORD_BYTES = 32 * 1024 * 1024;

/**
 * `row` is the spreadsheet row: the header is row 1, the first record row 2 (a record whose quoted cells span several
 * lines is still one row). `line` is the 1-based line the record starts on, for editors.
 */
export type CsvEvent =
  | { kind: 'record'; row: number; line: number; cells: string[] }
  | { kind: 'error'; row: number; line: number; message: string; /** nothing after it could be read */ fatal: boolean };

export interface ReadCsvOptions {
  maxCellBytes?: number;
  maxRecordBytes?: number;
  /** Bytes read from the input so far (ahead of the records yielded by at most a read buffer), for progress bars. */
  onBytes?: (bytes: number) => void;
}

/** Reads `input` (a path or a byte stream) record by record; malformed records become error events, in order. */
export async function* readCsv(input: string | Readable, opts: ReadCsvOptions = {}): AsyncGenerator<CsvEvent> {
  const maxCell = opts.maxCellBytes ?? MAX_CELL_BYTES;
  const source = typeof input === 'string' ? createReadStream(input) : input;
  let row = 0;
  let lastEndLine = 0;
  let lastErrorLine = -1;
  const pending: CsvEvent[] = [];
  const options: Options<CsvEvent, string[]> = {
    bom: true,
    relax_column_count: true,
    skip_records_with_error: true,
    skip_empty_lines: true,
    max_record_size: opts.maxRecordBytes ?? MAX_RECORD_BYTES,
    // Both callbacks run synchronously, in file order, so one counter numbers records and skipped records alike.
    on_skip: (err: CsvError | undefined) => {
      if (!err) return;
      const at = Number((err as unknown as { lines?: number }).lines ?? -1);
      // csv-parse may report one broken record twice (an opening quote, then what follows it on the same line).
      if (at === lastErrorLine && at === lastEndLine) return;
      lastErrorLine = at;
      row++;
      const detected = Number((err as unknown as { lines?: number }).lines ?? lastEndLine + 1);
      const fatal = err.code === 'CSV_MAX_RECORD_SIZE' || err.code === 'CSV_QUOTE_NOT_CLOSED';
      const line = lastEndLine + 1;
      lastEndLine = detected;
      pending.push({ kind: 'error', row, line, message: describeCsvError(err, line), fatal });
    },
    on_record: (record: string[], info: { lines: number }) => {
      row++;
      // The record ends on info.lines; its quoted cells hold the line breaks between its start and its end.
      let breaks = 0;
      for (const c of record) for (let i = c.indexOf('\n'); i >= 0; i = c.indexOf('\n', i + 1)) breaks++;
      const line = info.lines - breaks;
      lastEndLine = info.lines;
      return { kind: 'record', row, line, cells: record } satisfies CsvEvent;
    },
  };
  const parser = parse(options as unknown as Options);
  source.on('error', (err: Error) => parser.destroy(err));
  if (opts.onBytes) {
    let bytes = 0;
    const onBytes = opts.onBytes;
    source.on('data', (chunk: Buffer | string) => onBytes((bytes += chunk.length)));
  }
  source.pipe(parser);
  for await (const ev of parser as AsyncIterable<CsvEvent>) {
    while (pending.length && pending[0]!.row < ev.row) yield pending.shift()!;
    if (ev.kind === 'record') {
      const big = ev.cells.findIndex((c) => c.length > maxCell / 4 && Buffer.byteLength(c, 'utf8') > maxCell);
      if (big >= 0) {
        yield { kind: 'error', row: ev.row, line: ev.line, message: `cell ${big + 1}: expected at most ${mb(maxCell)}, got ${mb(Buffer.byteLength(ev.cells[big]!, 'utf8'))}`, fatal: false };
        continue;
      }
    }
    yield ev;
  }
  yield* pending.splice(0);
}

function mb(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function describeCsvError(err: CsvError, startLine: number): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `a quoted cell opened in the record starting on line ${startLine} is never closed (unbalanced quotes); everything after it was read as one cell`;
    case 'CSV_MAX_RECORD_SIZE':
      return `the record starting on line ${startLine} is over ${mb(MAX_RECORD_BYTES)}; reading stopped here, the rest of the file was not read`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return `misplaced quote (unbalanced quotes): ${err.message}`;
    default:
      return err.message;
  }
}

/** Rows of a CSV with a header: each record as a map header → cell, with the row numbers of readCsv. */
export interface HeaderedRow {
  row: number;
  line: number;
  get(column: string): string | undefined;
  cells: string[];
}

/** Where a message about a row goes: "FILE:ROW" plus the line when a multi-line cell makes them differ. */
export function at(file: string, row: number, line: number): string {
  return `${file}:${row}${line !== row ? ` (line ${line})` : ''}`;
}
