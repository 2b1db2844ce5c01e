// The server adapter: node-postgres on a connection pool, selected when DATABASE_URL is set.
import pg from 'pg';
import { insertRows } from './rows.js';
import type { Sql, Store } from './store.js';

const INT8_OID = 20;
/** int8 (bigserial ids, counts) as numbers, like the PGlite adapter; ids stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

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
      // A native server parses multi-row INSERTs fast enough; COPY would need a streaming client (pg-copy-streams).
      await insertRows(sql, table, columns, rows);
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
