// A full dump of the store as JSON Lines, and its restore into an empty store. Generic over the schema: every table
// of the public schema (but schema_migrations) in foreign-key order, rows in primary-key order, so tables added by
// later migrations (links, imports) are dumped without changes here.
//
// Line 1: {"marsad":"dump","format":1,"schema":[1,2,3],"tokenHashes":false,"tables":[{"name","columns":[{"name","type"}]}]}
// Then one line per row: {"t":"reports","r":[…values in column order…]}; bytea as base64, jsonb as JSON.
// Users' token hashes are left out (null) unless asked for: a dump travels further than a data directory, and a
// restored user then needs a new token. With them, a restore is a full copy in which the old tokens still work.
import { randomBytes } from 'node:crypto';
import { sha256Hex } from './canonical-json.js';
import type { Column } from './rows.js';
import type { Sql, Store } from './store.js';

export interface DumpColumn {
  name: string;
  type: string;
}

export interface DumpTable {
  name: string;
  columns: DumpColumn[];
}

export interface DumpHeader {
  marsad: 'dump';
  format: 1;
  schema: number[];
  tokenHashes: boolean;
  tables: DumpTable[];
}

interface TableInfo extends DumpTable {
  key: string[];
  serials: string[];
}

/** Tables in an order where every table comes after the tables it references. */
export async function dumpTables(sql: Sql): Promise<TableInfo[]> {
  const tables = await sql.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY table_name",
  );
  const cols = await sql.query<{ table_name: string; column_name: string; data_type: string; column_default: string | null }>(
    "SELECT table_name, column_name, data_type, column_default FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
  );
  const keys = await sql.query<{ table_name: string; column_name: string }>(
    `SELECT c.relname AS table_name, a.attname AS column_name
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE i.indisprimary AND n.nspname = 'public' ORDER BY c.relname, k.ord`,
  );
  const fks = await sql.query<{ child: string; parent: string }>(
    `SELECT cc.relname AS child, pc.relname AS parent FROM pg_constraint k
       JOIN pg_class cc ON cc.oid = k.conrelid JOIN pg_class pc ON pc.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = cc.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  const info = new Map<string, TableInfo>();
  for (const t of tables) info.set(t.table_name, { name: t.table_name, columns: [], key: [], serials: [] });
  for (const c of cols) {
    const t = info.get(c.table_name);
    if (!t) continue;
    t.columns.push({ name: c.column_name, type: c.data_type });
    if (c.column_default?.startsWith('nextval(')) t.serials.push(c.column_name);
  }
  for (const k of keys) info.get(k.table_name)?.key.push(k.column_name);
  const parents = new Map<string, Set<string>>();
  for (const f of fks) if (f.child !== f.parent) (parents.get(f.child) ?? parents.set(f.child, new Set()).get(f.child)!).add(f.parent);
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (placed.has(name) || path.has(name) || !info.has(name)) return;
    path.add(name);
    for (const p of [...(parents.get(name) ?? [])].sort()) visit(p, path);
    placed.add(name);
    ordered.push(info.get(name)!);
  };
  for (const name of [...info.keys()].sort()) visit(name, new Set());
  return ordered;
}

async function schemaVersions(sql: Sql): Promise<number[]> {
  return (await sql.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version);
}

const PAGE = 1000;

/** Streams the header and then every row as text lines (each ending in \n). */
export async function* dumpLines(store: Store, opts: { tokenHashes?: boolean } = {}): AsyncGenerator<string> {
  const tables = await dumpTables(store);
  const header: DumpHeader = { marsad: 'dump', format: 1, schema: await schemaVersions(store), tokenHashes: !!opts.tokenHashes, tables: tables.map((t) => ({ name: t.name, columns: t.columns })) };
  yield JSON.stringify(header) + '\n';
  for (const t of tables) {
    const select = t.columns.map((c) => quote(c.name)).join(', ');
    for await (const rows of tablePages(store, t, select)) {
      for (const row of rows) {
        const values = t.columns.map((c) => {
          const v = row[c.name];
          if (t.name === 'users' && c.name === 'token_hash' && !opts.tokenHashes) return null;
          if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
          return v ?? null;
        });
        yield JSON.stringify({ t: t.name, r: values }) + '\n';
      }
    }
  }
}

/**
 * A table's rows in primary-key order, a page at a time. A single integer key (every bigserial table) is read in
 * bounded windows of ids, which costs the same per page whatever the planner's statistics (a store just filled by an
 * import has none on PGlite, and "key > last ORDER BY key LIMIT n" was then planned as a sort of every remaining row);
 * other keys page by keyset, and a table without a key (none today) by offset.
 */
async function* tablePages(store: Store, t: TableInfo, select: string): AsyncGenerator<Record<string, unknown>[]> {
  const table = quote(t.name);
  const keyType = t.key.length === 1 ? t.columns.find((c) => c.name === t.key[0])?.type : undefined;
  if (keyType === 'bigint' || keyType === 'integer') {
    const k = quote(t.key[0]!);
    const [{ top }] = (await store.query<{ top: number }>(`SELECT COALESCE(max(${k}), 0) AS top FROM ${table}`)) as [{ top: number }];
    const [{ bottom }] = (await store.query<{ bottom: number }>(`SELECT COALESCE(min(${k}), 0) - 1 AS bottom FROM ${table}`)) as [{ bottom: number }];
    for (let low = bottom; low < top; low += PAGE) yield await store.query(`SELECT ${select} FROM ${table} WHERE ${k} > $1 AND ${k} <= $2 ORDER BY ${k}`, [low, low + PAGE]);
    return;
  }
  const key = (t.key.length ? t.key : t.columns.map((c) => c.name)).map(quote);
  let last: unknown[] | null = null;
  let offset = 0;
  for (;;) {
    const rows: Record<string, unknown>[] = t.key.length
      ? await store.query(`SELECT ${select} FROM ${table}${last ? ` WHERE (${key.join(', ')}) > (${key.map((_, i) => `$${i + 1}`).join(', ')})` : ''} ORDER BY ${key.join(', ')} LIMIT ${PAGE}`, last ?? [])
      : await store.query(`SELECT ${select} FROM ${table} ORDER BY ${key.join(', ')} LIMIT ${PAGE} OFFSET ${offset}`);
    yield rows;
    if (rows.length < PAGE) return;
    last = t.key.map((k) => rows[rows.length - 1]![k]);
    offset += rows.length;
  }
}


/** The lines of a dump after its header: the rows of every dumped table. */
export async function dumpRowCount(sql: Sql): Promise<number> {
  let n = 0;
  for (const t of await dumpTables(sql)) n += (await sql.query<{ n: number }>(`SELECT count(*) AS n FROM ${quote(t.name)}`))[0]!.n;
  return n;
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export interface RestoreResult {
  rows: Record<string, number>;
}

/**
 * Restores a dump into an empty store in one transaction (all or nothing): same ids, same audit chain, sequences
 * moved past the restored ids. Refuses a store that holds data or has another schema.
 */
export async function restoreDump(store: Store, lines: AsyncIterable<string>, onRows?: (n: number) => void): Promise<RestoreResult> {
  const it = lines[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) throw new Error('the dump is empty');
  let header: DumpHeader;
  try {
    header = JSON.parse(first.value) as DumpHeader;
  } catch {
    throw new Error('line 1: not a marsad dump (expected a JSON header)');
  }
  if (header.marsad !== 'dump' || header.format !== 1) throw new Error('line 1: not a marsad dump of format 1');
  const here = await dumpTables(store);
  const versions = await schemaVersions(store);
  if (JSON.stringify(versions) !== JSON.stringify(header.schema)) throw new Error(`the dump has schema versions ${header.schema.join(',')}, this store ${versions.join(',')}: restore into a store of the same version`);
  const byName = new Map(here.map((t) => [t.name, t]));
  for (const t of header.tables) {
    const mine = byName.get(t.name);
    if (!mine || JSON.stringify(mine.columns) !== JSON.stringify(t.columns)) throw new Error(`table ${t.name} of the dump does not match this store's schema`);
  }
  const counts: Record<string, number> = {};
  await store.transaction(async (tx) => {
    for (const t of here) {
      const n = (await tx.query<{ n: number }>(`SELECT count(*) AS n FROM ${quote(t.name)}`))[0]!.n;
      if (n > 0) throw new Error(`the store is not empty (${t.name} has ${n} rows): import json restores into an empty store only`);
    }
    const columnsOf = new Map(header.tables.map((t) => [t.name, t.columns.map((c): Column => ({ name: quote(c.name), cast: c.type === 'bytea' ? 'bytea' : c.type === 'jsonb' ? 'jsonb' : undefined }))]));
    let table = '';
    let batch: unknown[][] = [];
    let total = 0;
    let lineNo = 1;
    const flush = async () => {
      if (!batch.length) return;
      await tx.copyRows(quote(table), columnsOf.get(table)!, batch);
      counts[table] = (counts[table] ?? 0) + batch.length;
      total += batch.length;
      onRows?.(total);
      batch = [];
    };
    for (;;) {
      const next = await it.next();
      if (next.done) break;
      lineNo++;
      if (next.value.trim() === '') continue;
      let rec: { t: string; r: unknown[] };
      try {
        rec = JSON.parse(next.value) as { t: string; r: unknown[] };
      } catch {
        throw new Error(`line ${lineNo}: not JSON`);
      }
      const def = header.tables.find((t) => t.name === rec.t);
      if (!def || !Array.isArray(rec.r) || rec.r.length !== def.columns.length) throw new Error(`line ${lineNo}: not a row of a dumped table`);
      if (rec.t !== table) {
        await flush();
        table = rec.t;
      }
      batch.push(
        rec.r.map((v, i) => {
          const col = def.columns[i]!;
          if (v === null && table === 'users' && col.name === 'token_hash') return sha256Hex(randomBytes(32));
          if (v === null) return null;
          if (col.type === 'bytea') return Buffer.from(String(v), 'base64');
          if (col.type === 'jsonb') return JSON.stringify(v);
          return v;
        }),
      );
      if (batch.length >= 2000) await flush();
    }
    await flush();
    for (const t of here) {
      for (const s of t.serials) {
        await tx.query(`SELECT setval(pg_get_serial_sequence($1, $2), m) FROM (SELECT max(${quote(s)}) AS m FROM ${quote(t.name)}) x WHERE m IS NOT NULL`, [t.name, s]);
      }
    }
  });
  return { rows: counts };
}
