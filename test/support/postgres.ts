// Starts a throwaway PostgreSQL server for tests: a temp directory owned by `postgres`, a free loopback port, trust auth.
import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PostgresServer {
  url: string;
  /** A fresh, empty database on this server (tests isolate themselves this way). */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** The newest PostgreSQL bin directory under /usr/lib/postgresql, or null when the server is not installed. */
export async function findPostgresBin(): Promise<string | null> {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = (await readdir(root)).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = join(root, v, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

/** Why the PostgreSQL half of a suite cannot run here, or null when it can. On CI a missing server is an error. */
export async function postgresUnavailable(): Promise<string | null> {
  if (await findPostgresBin()) return null;
  const msg = 'PostgreSQL is not installed (no initdb/pg_ctl under /usr/lib/postgresql/*/bin): apt-get install -y postgresql';
  if (process.env.CI) throw new Error(msg);
  return msg;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** PostgreSQL refuses to run as root: run its tools as `postgres` when we are root. */
function asPostgres(bin: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

async function ownedByPostgres(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const { stdout } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  await chmod(dir, 0o700);
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = await findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed');
  const root = await mkdtemp(join(tmpdir(), 'marsad-pg-'));
  await chmod(root, 0o755);
  const data = join(root, 'data');
  const sock = join(root, 'sock');
  for (const d of [data, sock]) {
    await run('mkdir', ['-p', d]);
    await ownedByPostgres(d);
  }
  const port = await freePort();
  const tool = (name: string, args: string[]) => {
    const [cmd, argv] = asPostgres(join(bin, name), args);
    return run(cmd, argv, { maxBuffer: 4 * 1024 * 1024 });
  };
  await tool('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  // fsync off: a throwaway test server needs no durability, and it halves start-up and write time.
  const opts = `-p ${port} -k ${sock} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  await tool('pg_ctl', ['-D', data, '-o', opts, '-l', join(sock, 'log'), '-w', 'start']);
  const base = `postgres://postgres@127.0.0.1:${port}`;
  const psql = (sql: string) => tool('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql]);
  let stopped = false;
  return {
    url: `${base}/postgres`,
    async createDatabase(name: string) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      await psql(`CREATE DATABASE ${name}`);
      return `${base}/${name}`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await tool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}
