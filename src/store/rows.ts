// Multi-row INSERT in chunks: one statement per few hundred rows instead of one per row (PGlite: ~8x faster).
import type { Column, Sql } from './store.js';

export type { Column } from './store.js';

/** PostgreSQL takes at most 65535 parameters per statement; stay well below. */
const MAX_PARAMS = 30_000;

/**
 * Inserts `rows` (one array of values per row, in `columns` order) and returns the rows of `returning`, in input
 * order (PostgreSQL returns the rows of a multi-row VALUES in order; callers still match on a key when it matters).
 */
export async function insertRows<R extends object>(
  sql: Sql,
  table: string,
  columns: readonly Column[],
  rows: readonly (readonly unknown[])[],
  tail = '',
): Promise<R[]> {
  const out: R[] = [];
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const slots = columns.map((c, j) => {
        params.push(row[j] ?? null);
        const cast = c.cast === 'jsonb' ? '::text::jsonb' : c.cast ? `::${c.cast}` : '';
        return `$${params.length}${cast}`;
      });
      return `(${slots.join(', ')})`;
    });
    const text = `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) VALUES ${tuples.join(', ')} ${tail}`;
    out.push(...(await sql.query<R>(text, params)));
  }
  return out;
}

/** Rows per COPY: bounds the text built in memory for one statement. */
export const COPY_CHUNK = 5000;

/**
 * Rows as the CSV that `COPY … WITH (FORMAT csv)` reads: every value quoted (quotes doubled), null as an unquoted
 * empty field, bytes as bytea hex. Quoting everything keeps commas, quotes and line breaks inside cells.
 */
export function copyCsv(rows: readonly (readonly unknown[])[]): string {
  const lines: string[] = [];
  for (const row of rows) {
    const cells: string[] = [];
    for (const v of row) cells.push(copyCell(v));
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

function copyCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = v instanceof Uint8Array ? `\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}` : String(v);
  return s.includes('"') ? `"${s.replaceAll('"', '""')}"` : `"${s}"`;
}

/**
 * Takes `n` ids from the bigserial sequence of `table`.`column`, in ascending order, so rows can be bulk-copied with
 * their ids known beforehand (COPY returns nothing) and other rows can point at them in the same transaction.
 */
export async function nextIds(sql: Sql, table: string, column: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await sql.query<{ id: number }>('SELECT nextval(pg_get_serial_sequence($1, $2)) AS id FROM generate_series(1, $3::int)', [table, column, n]);
  return rows.map((r) => r.id).sort((a, b) => a - b);
}
