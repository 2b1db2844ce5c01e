// The storage options every storing command shares (--data, DATABASE_URL) and one way to run a use case and exit.
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { MarsadError } from '../domain/errors.js';
import { defaultDeps, type AppDeps } from '../app/deps.js';
import { DEFAULT_DATA_DIR, openStore } from '../store/open.js';

export interface StoreOptions {
  data?: string;
}

export function addStoreOptions(cmd: Command): Command {
  return cmd.option('--data <dir>', `PGlite data directory (ignored when DATABASE_URL is set)`, process.env.MARSAD_DATA ?? DEFAULT_DATA_DIR);
}

/** The person at the terminal, for audit entries of commands run without --user. */
export function localActor(): string {
  try {
    return `local:${userInfo().username}`;
  } catch {
    return 'local';
  }
}

/** Opens the store the environment names, runs `fn`, closes; domain errors become one line and exit code 1. */
export async function withDeps(opts: StoreOptions, fn: (deps: AppDeps) => Promise<number>): Promise<number> {
  let store;
  try {
    store = await openStore({ dataDir: opts.data, databaseUrl: process.env.DATABASE_URL || undefined });
  } catch (err) {
    process.stderr.write(`marsad: cannot open the store: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  try {
    return await fn(await defaultDeps(store));
  } catch (err) {
    if (!(err instanceof MarsadError)) throw err;
    process.stderr.write(`marsad: ${err.message} [${err.code}]\n`);
    return 1;
  } finally {
    await store.close();
  }
}
