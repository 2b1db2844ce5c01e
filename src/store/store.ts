// The storage port: a SQL executor with transactions. Both engines (PGlite, PostgreSQL) run the very same SQL through it.

/** Anything that runs one parameterised statement: the store itself or an open transaction. */
export interface Sql {
  /** Runs one statement ($1, $2… parameters) and returns its rows. int8 comes back as a JS number, bytea as a Uint8Array. */
  query<R extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs several statements at once (migrations); no parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Bulk-inserts rows (one array of values per row, in `columns` order; no RETURNING, so callers that need ids take
   * them from the sequence first). Both engines stream them through COPY (CSV): PGlite from a blob, several times
   * cheaper per row than parameterised INSERTs in WASM; PostgreSQL FROM STDIN (pg-copy-streams). Values: strings,
   * numbers, null, Uint8Array (bytea), JSON text.
   */
  copyRows(table: string, columns: readonly Column[], rows: readonly (readonly unknown[])[]): Promise<void>;
}

export interface Column {
  name: string;
  /** e.g. 'jsonb' (sent as text, see jsonParam) or 'bytea'. */
  cast?: string;
}

export type Engine = 'pglite' | 'postgres';

export interface Store extends Sql {
  readonly engine: Engine;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Values passed as jsonb go through `$n::text::jsonb` with a JSON string: node-postgres turns JS arrays into
 * PostgreSQL arrays and PGlite re-serialises strings bound to jsonb, so text is the one encoding both agree on.
 */
export function jsonParam(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
