// `marsad audit verify`: recomputes the audit hash chain and names the first broken entry (exit 1).
import type { Command } from 'commander';
import { verifyAudit } from '../app/audit.js';
import { addStoreOptions, withDeps, type StoreOptions } from './store-option.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the append-only, hash-chained audit log');
  addStoreOptions(audit.command('verify').description('recompute the hash chain; exit 1 and name the first entry that does not fit').option('--json', 'print the result as JSON')).action(
    async (opts: { data?: string; json?: boolean }) => {
      process.exitCode = await withDeps(opts, async (deps) => {
        const r = await verifyAudit(deps);
        if (opts.json) process.stdout.write(JSON.stringify(r) + '\n');
        else if (r.ok) process.stdout.write(`audit log intact: ${r.entries} entries, head ${r.head}\n`);
        else {
          const b = r.firstBreak!;
          const why = b.reason === 'hash_mismatch' ? 'its contents do not match its hash (altered)' : 'it does not link to the entry before it (an entry was removed or reordered)';
          process.stdout.write(`audit log BROKEN at entry ${b.seq}: ${why}\n  expected ${b.expected}\n  found    ${b.found}\n  ${r.entries} entries before it verify\n`);
        }
        return r.ok ? 0 : 1;
      });
    },
  );
}
