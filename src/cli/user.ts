// `marsad user add NAME --role ROLE`: adds a user and prints the API token once; `marsad user list`.
import type { Command } from 'commander';
import { addUser } from '../app/users.js';
import { listUsers, type Role } from '../store/users.js';
import { addStoreOptions, localActor, withDeps, type StoreOptions } from './store-option.js';

export function registerUser(program: Command): void {
  const user = program.command('user').description('people who review, with roles admin / analyst / viewer');
  addStoreOptions(
    user
      .command('add')
      .description('add a user; the token is printed once and only its SHA-256 is kept')
      .argument('<name>')
      .requiredOption('--role <role>', 'admin, analyst or viewer')
      .option('--by <admin>', 'the admin adding the user (default: the local operator holding the store)'),
  ).action(async (name: string, opts: StoreOptions & { role: Role; by?: string }) => {
    process.exitCode = await withDeps(opts, async (deps) => {
      const out = await addUser(deps, { name, role: opts.role, by: opts.by ?? null, operator: localActor() });
      process.stdout.write(`added ${out.name} (${out.role})\ntoken: ${out.token}\nKeep it now: it is not shown again.\n`);
      return 0;
    });
  });
  addStoreOptions(user.command('list').description('list users and roles')).action(async (opts: StoreOptions) => {
    process.exitCode = await withDeps(opts, async (deps) => {
      for (const u of await listUsers(deps.store)) process.stdout.write(`${u.name}\t${u.role}\tadded ${u.created_at} by ${u.created_by}\n`);
      return 0;
    });
  });
}
