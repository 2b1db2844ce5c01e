#!/usr/bin/env node
// The `marsad` command: one sub-command per file under src/cli/, registered here (the composition root of the CLI).
import { Command } from 'commander';
import { registerExtract } from './cli/extract.js';
import { registerIngest } from './cli/ingest.js';
import { registerLink } from './cli/link.js';
import { registerReextract } from './cli/reextract.js';
import { registerReview } from './cli/review.js';
import { registerShow } from './cli/show.js';
import { registerTally } from './cli/tally.js';
import { registerAudit } from './cli/audit.js';
import { registerUser } from './cli/user.js';
import { registerImport } from './cli/import.js';
import { registerExport } from './cli/export.js';
import { registerServe } from './cli/serve.js';

const program = new Command('marsad')
  .description('marsad — turns reports of violence into a sourced, reviewed record of incidents and casualties')
  .version('0.1.0')
  .showHelpAfterError();

registerExtract(program);
registerIngest(program);
registerReextract(program);
registerReview(program);
registerShow(program);
registerAudit(program);
registerLink(program);
registerTally(program);
registerUser(program);
registerImport(program);
registerExport(program);
registerServe(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`marsad: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
