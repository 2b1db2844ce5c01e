// The engine list every contract suite runs against (kysely-style): PGlite in a temp dir, and a throwaway PostgreSQL.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import { migratedTemplate, openPglite } from '../../src/store/pglite.js';
import type { Store } from '../../src/store/store.js';
import { postgresUnavailable, startPostgres, type PostgresServer } from './postgres.js';

export interface EngineFactory {
  name: 'pglite' | 'postgres';
  /** A reason to skip this engine here (PostgreSQL binaries absent outside CI), or null. */
  skip: string | null;
  /** A fresh, migrated, empty store; several may be open at once. */
  fresh(): Promise<Store>;
  /** Closes every store opened and removes what was created. */
  teardown(): Promise<void>;
}

function pgliteFactory(): EngineFactory {
  const dirs: string[] = [];
  const stores: Store[] = [];
  let template: Promise<Blob> | null = null;
  return {
    name: 'pglite',
    skip: null,
    async fresh() {
      const dir = await mkdtemp(join(tmpdir(), 'marsad-pglite-'));
      dirs.push(dir);
      // One initdb per test process; every further store is a copy of the migrated template.
      template ??= migratedTemplate();
      const store = await openPglite(dir, await template);
      stores.push(store);
      return store;
    },
    async teardown() {
      for (const s of stores.splice(0)) await s.close().catch(() => undefined);
      for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
    },
  };
}

async function postgresFactory(): Promise<EngineFactory> {
  const skip = await postgresUnavailable();
  let server: PostgresServer | null = null;
  const stores: Store[] = [];
  let n = 0;
  return {
    name: 'postgres',
    skip,
    async fresh() {
      server ??= await startPostgres();
      const url = await server.createDatabase(`t${process.pid}_${++n}`);
      const store = await openStore({ databaseUrl: url });
      stores.push(store);
      return store;
    },
    async teardown() {
      for (const s of stores.splice(0)) await s.close().catch(() => undefined);
      await server?.stop();
      server = null;
    },
  };
}

/** MARSAD_TEST_ENGINES=pglite (or postgres) narrows the list while working on one engine. */
export async function engines(): Promise<EngineFactory[]> {
  const only = process.env.MARSAD_TEST_ENGINES?.split(',');
  const all = [pgliteFactory(), await postgresFactory()];
  return only ? all.filter((e) => only.includes(e.name)) : all;
}
