// `marsad show REPORT|CLAIM`: a report with every extraction and claim, or one claim, with quoted spans and reviews.
import type { Command } from 'commander';
import { show } from '../app/show.js';
import { renderClaim, renderReportHeader } from './claim-render.js';
import { renderToll } from './link.js';
import { addStoreOptions, withDeps, type StoreOptions } from './store-option.js';

export function registerShow(program: Command): void {
  addStoreOptions(
    program
      .command('show')
      .description('show a report (r12 or a SHA-256 prefix) or a claim (c34) with its sources and quoted spans')
      .argument('<ref>', 'r12, c34, or 8+ hex digits of a SHA-256')
      .option('--json', 'print JSON')
      .option('--body', 'print the report body too'),
  ).action(async (ref: string, opts: StoreOptions & { json?: boolean; body?: boolean }) => {
    process.exitCode = await withDeps(opts, async (deps) => {
      const out = await show(deps, ref);
      if (opts.json) {
        process.stdout.write(JSON.stringify(out, null, 2) + '\n');
        return 0;
      }
      const lines = renderReportHeader(out.report);
      if (out.kind === 'claim') {
        lines.push('', ...renderClaim(out.claim));
        if (out.coverage) lines.push('', ...renderToll(out.coverage));
        else if (out.coverage === null) lines.push('', 'coverage: none (the toll is not counted: rejected, or not in its report’s current extraction)');
      }
      else {
        for (const x of out.extractions) {
          lines.push('', `${x.id}  extractor ${x.extractorVersion}, ${x.createdAt}: ${x.claims.length} claim(s)`);
          for (const c of x.claims) lines.push(...renderClaim(c, '  '));
        }
        if (opts.body && out.body !== null) lines.push('', out.body);
      }
      process.stdout.write(lines.join('\n') + '\n');
      return 0;
    });
  });
}
