// `marsad serve`: the JSON API under /api (and the web UI from dist/web when it is built) over the store of --data or DATABASE_URL.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { defaultDeps } from '../app/deps.js';
import { openStore } from '../store/open.js';
import { addStoreOptions, type StoreOptions } from './store-option.js';

interface ServeOptions extends StoreOptions {
  port: string;
  host: string;
  public?: boolean;
  web?: string;
}

/** dist/web beside dist/cli (built) or beside src/cli (run with tsx): both are two levels under the package root. */
const defaultWebDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'web');

export function registerServe(program: Command): void {
  addStoreOptions(
    program
      .command('serve')
      .description('serve the JSON API under /api (OpenAPI at /api/openapi.json) and the web UI if built')
      .option('--port <n>', 'TCP port (0: any free port)', '8080')
      .option('--host <addr>', 'address to listen on', '127.0.0.1')
      .option('--public', 'let anyone read reviewed data without logging in (writes still need a token)')
      .option('--web <dir>', 'the built web UI', defaultWebDir),
  ).action(async (opts: ServeOptions) => {
    const port = Number(opts.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${opts.port} is not a port number`);
    const store = await openStore({ dataDir: opts.data, databaseUrl: process.env.DATABASE_URL || undefined });
    const deps = await defaultDeps(store);
    const webDir = opts.web && existsSync(join(opts.web, 'index.html')) ? opts.web : null;
    const server = await (await import('../http/server.js')).startServer(deps, { host: opts.host, port, publicMode: opts.public ?? false, webDir });
    const where = process.env.DATABASE_URL ? 'DATABASE_URL' : opts.data;
    process.stdout.write(`marsad: serving ${server.url}/api (store: ${where}; ${opts.public ? 'public read-only access to reviewed data' : 'login required'}; UI: ${webDir ?? 'not built'})\n`);
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await server.close();
      await store.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
