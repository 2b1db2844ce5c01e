// The server adapter: node-postgres on a connection pool, selected when DATABASE_URL is set.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { COPY_CHUNK, copyCsv } from './rows.js';
import type { Column, Sql, Store } from './store.js';

const INT8_OID = 20;
/** int8 (bigserial ids, counts) as numbers, like the PGlite adapter; ids stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * Streams `rows` into `table` with COPY … FROM STDIN (CSV, the same encoding the PGlite adapter feeds COPY), a chunk
 * of rows at a time so the text held in memory stays bounded; one statement, so it fails or succeeds as a whole.
 */
async function copyInto(client: pg.PoolClient, table: string, columns: readonly Column[], rows: readonly (readonly unknown[])[]): Promise<void> {
  if (!rows.length) return;
  const text = `COPY ${table} (${columns.map((c) => c.name).join(', ')}) FROM STDIN WITH (FORMAT csv)`;
  function* chunks() {
    for (let i = 0; i < rows.length; i += COPY_CHUNK) yield copyCsv(rows.slice(i, i + COPY_CHUNK));
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(text)));
}

function wrap(client: pg.Pool | pg.PoolClient): Sql {
  const sql: Sql = {
    async query<R extends object>(text: string, params: readonly unknown[] = []): Promise<R[]> {
      // bytea arrives as a Buffer, which is a Uint8Array: the port's promise holds.
      const res = await client.query(text, params as unknown[]);
      return res.rows as R[];
    },
    async exec(text: string): Promise<void> {
      // Without parameters node-postgres uses the simple protocol, which accepts several statements.
      await client.query(text);
    },
    async copyRows(table, columns, rows): Promise<void> {
      if (!(client instanceof pg.Pool)) return copyInto(client, table, columns, rows);
      // COPY needs one connection for its whole stream: outside a transaction, borrow one from the pool.
      const own = await client.connect();
      try {
        await copyInto(own, table, columns, rows);
        own.release();
      } catch (err) {
        // A COPY broken off midway may leave the connection mid-protocol: close it rather than pool it.
        own.release(err instanceof Error ? err : true);
        throw err;
      }
    },
  };
  return sql;
}

export async function openPostgres(connectionString: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString, types, max: 4 });
  // Fail at open, with the server's message, rather than at the first command.
  const probe = await pool.connect();
  probe.release();
  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
