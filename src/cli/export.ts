// `marsad export --format acled|ucdp|geojson|csv|json [filters] [--out FILE]`: streams the record to stdout or a file.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { EXPORT_FORMATS, exportRecords, type ExportFormat } from '../app/export.js';
import { MarsadError } from '../domain/errors.js';
import { progressBar } from './progress.js';
import { addStoreOptions, withDeps, type StoreOptions } from './store-option.js';

interface ExportOptions extends StoreOptions {
  format: string;
  from?: string;
  to?: string;
  place?: string;
  includeProposed?: boolean;
  out?: string;
  acledLayout: string;
  tokenHashes?: boolean;
}

export function registerExport(program: Command): void {
  addStoreOptions(
    program
      .command('export')
      .description('export incidents as ACLED CSV, UCDP GED CSV, GeoJSON or a flat CSV, or the whole store as a JSON dump')
      .requiredOption('--format <format>', EXPORT_FORMATS.join(' | '))
      .option('--from <date>', 'incidents on or after this day (YYYY-MM-DD)')
      .option('--to <date>', 'incidents on or before this day (YYYY-MM-DD)')
      .option('--place <name>', 'incidents at a place, admin unit or country of this name')
      .option('--include-proposed', 'also incidents nobody has reviewed yet (never rejected ones)')
      .option('--acled-layout <layout>', 'ACLED columns: 2020, 2023 or auto (the layout of the latest ACLED import)', 'auto')
      .option('--token-hashes', 'json: keep users\' token hashes in the dump (restored users keep their tokens)')
      .option('--out <file>', 'write to this file instead of standard output'),
  ).action(async (opts: ExportOptions) => {
    process.exitCode = await withDeps(opts, async (deps) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) throw new MarsadError('invalid_input', `--format ${opts.format}: expected one of ${EXPORT_FORMATS.join(', ')}`);
      if (!['auto', '2020', '2023'].includes(opts.acledLayout)) throw new MarsadError('invalid_input', `--acled-layout ${opts.acledLayout}: expected 2020, 2023 or auto`);
      const out = opts.out ? createWriteStream(opts.out) : process.stdout;
      // The bar shares the terminal with the data only when the data goes to a file.
      const bar = progressBar(process.stderr.isTTY === true && (opts.out !== undefined || !process.stdout.isTTY));
      const result = await exportRecords(deps, {
        format: opts.format as ExportFormat, out, from: opts.from, to: opts.to, place: opts.place, includeProposed: opts.includeProposed,
        acledLayout: opts.acledLayout as '2020' | '2023' | 'auto', tokenHashes: opts.tokenHashes,
        onTotal: (n) => bar.phase(`exporting ${opts.format}`, n, opts.format === 'json' ? 'rows' : 'incidents'),
        onProgress: (n) => bar.update(n),
      });
      bar.stop();
      if (opts.out) {
        out.end();
        await once(out, 'finish');
      }
      const what = result.format === 'json' ? 'rows (all tables)' : 'incidents';
      process.stderr.write(`exported ${result.rows} ${what} as ${result.format}${result.layout ? ` (ACLED ${result.layout} layout)` : ''}${opts.out ? ` to ${opts.out}` : ''}${result.notExportable ? `; ${result.notExportable} incidents are not organised violence in UCDP's sense (protests, riots, strategic developments) and were left out` : ''}\n`);
      return 0;
    });
  });
}
