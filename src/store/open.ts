// Chooses the storage engine (the composition root's one decision about storage) and brings the schema up to date.
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Store } from './store.js';

export const DEFAULT_DATA_DIR = './marsad-data';

export interface OpenOptions {
  /** PGlite data directory; ignored when `databaseUrl` is set. */
  dataDir?: string;
  /** postgres://… — selects the PostgreSQL server adapter. */
  databaseUrl?: string;
}

export async function openStore(opts: OpenOptions = {}): Promise<Store> {
  const store = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(opts.dataDir ?? DEFAULT_DATA_DIR);
  try {
    await migrate(store);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
