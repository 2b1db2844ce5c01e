// Streaming CSV writing: rows go through csv-stringify (RFC 4180 quoting) with every text cell neutralised.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { csvCell } from './neutralise.js';

/** Writes rows as CSV lines to `out`, honouring back-pressure. */
export class CsvWriter {
  constructor(private readonly out: Writable, private readonly header: readonly string[]) {}

  private started = false;

  async row(cells: readonly unknown[]): Promise<void> {
    if (!this.started) {
      this.started = true;
      await write(this.out, line(this.header.map((h) => csvCell(h))));
    }
    await write(this.out, line(cells.map(csvCell)));
  }

  async end(): Promise<void> {
    if (!this.started) {
      this.started = true;
      await write(this.out, line(this.header.map((h) => csvCell(h))));
    }
  }
}

function line(cells: string[]): string {
  return stringify([cells], { record_delimiter: 'unix' });
}

/** Writes text and waits for 'drain' when the stream's buffer is full. */
export async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}
