// The embedded adapter: PGlite (PostgreSQL in WASM) in a data directory, so marsad runs with no server.
import { mkdir } from 'node:fs/promises';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { migrate } from './migrate.js';
import { COPY_CHUNK, copyCsv } from './rows.js';
import type { Sql, Store } from './store.js';

/** int8 (bigserial ids, counts) as numbers, like the PostgreSQL adapter; ids stay far below 2^53. */
const parsers = { [types.INT8]: (x: string) => Number(x) };

function wrap(db: PGlite | Transaction): Sql {
  return {
    async query<R extends object>(text: string, params: readonly unknown[] = []): Promise<R[]> {
      const res = await db.query<R>(text, params as unknown[]);
      return res.rows;
    },
    async exec(text: string): Promise<void> {
      await db.exec(text);
    },
    async copyRows(table, columns, rows): Promise<void> {
      // PGlite reads COPY … FROM '/dev/blob' from the blob handed to the query: no parameters to bind and no SQL text
      // growing with the rows.
      const text = `COPY ${table} (${columns.map((c) => c.name).join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`;
      for (let i = 0; i < rows.length; i += COPY_CHUNK) {
        await db.query(text, [], { blob: new Blob([copyCsv(rows.slice(i, i + COPY_CHUNK))]) });
      }
    },
  };
}

function asStore(db: PGlite): Store & { dump(): Promise<Blob> } {
  return {
    engine: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
    dump: () => db.dumpDataDir('none'),
  };
}

/**
 * Opens (creating if needed) a PGlite database in `dataDir`; `undefined` keeps it in memory. `template` (a dump of
 * another data directory) seeds a new directory: ~1 s instead of ~5 s for a fresh initdb, which tests and benches use.
 */
export async function openPglite(dataDir: string | undefined, template?: Blob): Promise<Store> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(template ? { loadDataDir: template } : {}), parsers });
  return asStore(db);
}

/** A dump of an empty, migrated database, to seed throwaway stores with `openPglite(dir, template)`. */
export async function migratedTemplate(): Promise<Blob> {
  const store = asStore(await PGlite.create({ parsers }));
  try {
    await migrate(store);
    return await store.dump();
  } finally {
    await store.close();
  }
}
