#!/usr/bin/env node
// The `marsad` command: one sub-command per file under src/cli/, registered here (the composition root of the CLI).
import { Command } from 'commander';
import { registerExtract } from './cli/extract.js';

const program = new Command('marsad')
  .description('marsad — turns reports of violence into a sourced, reviewed record of incidents and casualties')
  .version('0.1.0')
  .showHelpAfterError();

registerExtract(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`marsad: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
