// `marsad reextract [--all | REPORT...]`: a new extraction beside the old one for reports the current extractor has not seen.
import type { Command } from 'commander';
import { extractionRef, parseReportId, reportRef } from '../app/ids.js';
import { reextract } from '../app/reextract.js';
import { MarsadError } from '../domain/errors.js';
import { addStoreOptions, localActor, withDeps, type StoreOptions } from './store-option.js';

interface ReextractOptions extends StoreOptions {
  all?: boolean;
  force?: boolean;
  user?: string;
  json?: boolean;
}

export function registerReextract(program: Command): void {
  addStoreOptions(
    program
      .command('reextract')
      .description('extract stored reports again; new proposals go beside the old ones, reviewed decisions stay')
      .argument('[reports...]', 'report ids (r12)')
      .option('--all', 'every stored report')
      .option('--force', 'even when the latest extraction has the current extractor version')
      .option('--user <name>', 'who re-extracts, for the audit log (default: the local account)')
      .option('--json', 'print one JSON line per report and a JSON summary'),
  ).action(async (reports: string[], opts: ReextractOptions) => {
    process.exitCode = await withDeps(opts, async (deps) => {
      if (!opts.all && reports.length === 0) throw new MarsadError('invalid_input', 'name reports (r12 …) or pass --all');
      const ids = opts.all ? 'all' : reports.map(parseReportId);
      const out = await reextract(deps, {
        reports: ids,
        actor: opts.user ?? localActor(),
        force: opts.force,
        onOutcome: (o) => {
          if (opts.json) return void process.stdout.write(JSON.stringify(o) + '\n');
          if (o.status === 'added') {
            const c = o.carried;
            process.stdout.write(`added      ${reportRef(o.reportId)}  ${extractionRef(o.extractionId)}  (${o.claimIds.length} claims; carried over ${c.reviews} review(s), ${c.links} link and ${c.tollLinks} toll decision(s))\n`);
            for (const r of o.orphaned.reviews) process.stdout.write(`  orphaned review: ${r.claim} ${r.status} by ${r.by ?? '?'} has no successor\n`);
            for (const d of o.orphaned.decisions) process.stdout.write(`  orphaned decision: ${d.kind} ${d.verdict} ${d.a} ${d.b} by ${d.by} has no successor (marsad link lists it)\n`);
          }
          else if (o.status === 'up_to_date') process.stdout.write(`up to date ${reportRef(o.reportId)}  (${o.version})\n`);
          else process.stdout.write(`failed     ${reportRef(o.reportId)}: ${o.error}\n`);
        },
      });
      const summary = { extractor: deps.extractorVersion, added: out.added, upToDate: out.upToDate, failed: out.failed };
      process.stdout.write(opts.json ? JSON.stringify({ summary }) + '\n' : `extractor ${summary.extractor}: added ${summary.added}, up to date ${summary.upToDate}, failed ${summary.failed}\n`);
      return out.failed > 0 ? 1 : 0;
    });
  });
}
