#!/usr/bin/env node
// The `marsad` command: one sub-command per file under src/cli/, registered here (the composition root of the CLI).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { packageRoot } from './shared/package-root.js';

type Register = (program: Command) => void;

/**
 * Each sub-command's module, loaded only when needed: `marsad extract` must not pay for the store, the HTTP
 * server and the CSV machinery at start-up. The order is the order of `marsad --help`.
 */
const COMMANDS: ReadonlyArray<readonly [name: string, load: () => Promise<Register>]> = [
  ['extract', async () => (await import('./cli/extract.js')).registerExtract],
  ['ingest', async () => (await import('./cli/ingest.js')).registerIngest],
  ['reextract', async () => (await import('./cli/reextract.js')).registerReextract],
  ['review', async () => (await import('./cli/review.js')).registerReview],
  ['show', async () => (await import('./cli/show.js')).registerShow],
  ['audit', async () => (await import('./cli/audit.js')).registerAudit],
  ['link', async () => (await import('./cli/link.js')).registerLink],
  ['tally', async () => (await import('./cli/tally.js')).registerTally],
  ['user', async () => (await import('./cli/user.js')).registerUser],
  ['import', async () => (await import('./cli/import.js')).registerImport],
  ['export', async () => (await import('./cli/export.js')).registerExport],
  ['serve', async () => (await import('./cli/serve.js')).registerServe],
];

/** The named sub-command alone; every one for help, a bare `marsad` or an unknown name (so commander lists them all). */
function commandsFor(argv: readonly string[]): typeof COMMANDS {
  const named = COMMANDS.filter(([name]) => name === argv[2]);
  return named.length > 0 ? named : COMMANDS;
}

/** The version is package.json's, so the CLI, the extractor tag and the API cannot name different releases. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(): Promise<void> {
  const program = new Command('marsad')
    .description('marsad — turns reports of violence into a sourced, reviewed record of incidents and casualties')
    .version(packageVersion())
    .showHelpAfterError();
  for (const register of await Promise.all(commandsFor(process.argv).map(([, load]) => load()))) register(program);
  await program.parseAsync(process.argv);
}

main().catch((err: unknown) => {
  process.stderr.write(`marsad: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
