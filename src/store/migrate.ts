// Applies the pending migrations in one transaction and records each in schema_migrations.
import { MIGRATION_LOCK } from './locks.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import type { Store } from './store.js';

export interface MigrationResult {
  applied: number[];
  current: number;
}

export async function migrate(store: Store, migrations: readonly Migration[] = MIGRATIONS, now = () => new Date().toISOString()): Promise<MigrationResult> {
  return store.transaction(async (tx) => {
    // Taken first so two processes opening a fresh server at once do not race on CREATE TABLE.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, now()]);
      applied.push(m.version);
    }
    const current = Math.max(0, ...done, ...applied);
    return { applied, current };
  });
}
