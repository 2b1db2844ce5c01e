// Multi-row INSERT in chunks: one statement per few hundred rows instead of one per row (PGlite: ~8x faster).
import type { Sql } from './store.js';

/** PostgreSQL takes at most 65535 parameters per statement; stay well below. */
const MAX_PARAMS = 30_000;

export interface Column {
  name: string;
  /** e.g. 'jsonb' (sent as text, see jsonParam) or 'bytea'. */
  cast?: string;
}

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
