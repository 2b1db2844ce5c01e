// Chooses the storage engine (the composition root's one decision about storage) and brings the schema up to date.
import { migrate } from './migrate.js';
import type { Store } from './store.js';

export const DEFAULT_DATA_DIR = './marsad-data';

export interface OpenOptions {
  /** PGlite data directory; ignored when `databaseUrl` is set. */
  dataDir?: string;
  /** postgres://… — selects the PostgreSQL server adapter. */
  databaseUrl?: string;
}

export async function openStore(opts: OpenOptions = {}): Promise<Store> {
  // Each engine's driver is loaded only when chosen: the WASM engine alone costs a CLI start-up half a second.
  const store = opts.databaseUrl
    ? await (await import('./postgres.js')).openPostgres(opts.databaseUrl)
    : await (await import('./pglite.js')).openPglite(opts.dataDir ?? DEFAULT_DATA_DIR);
  try {
    await migrate(store);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
