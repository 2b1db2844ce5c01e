// `marsad import acled|victims|json FILE`: ACLED exports and victims lists become confirmed claims; a JSON dump is
// restored into an empty store. CSV files are validated whole before anything is written.
import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import type { CsvImportOutput } from '../app/csv-import.js';
import type { AppDeps } from '../app/deps.js';
import { importAcled } from '../app/import-acled.js';
import { importJson } from '../app/import-json.js';
import { importVictims, parseColumnMap } from '../app/import-victims.js';
import { progressBar } from './progress.js';
import { addStoreOptions, localActor, withDeps, type StoreOptions } from './store-option.js';

interface CsvOptions extends StoreOptions {
  skipBadRows?: boolean;
  user?: string;
  json?: boolean;
  batch: string;
  map?: string;
  published?: string;
}

export function registerImport(program: Command): void {
  const cmd = program.command('import').description('import ACLED exports, victims lists, or a marsad JSON dump');
  const csvCommand = (name: string, description: string) =>
    addStoreOptions(
      cmd
        .command(name)
        .description(description)
        .argument('<file>', 'a CSV file')
        .option('--skip-bad-rows', 'import the rows that pass validation and list the others (default: a bad row imports nothing)')
        .option('--user <name>', 'who imports, for the audit log (default: the local account)')
        .option('--batch <n>', 'rows written per transaction', '1000')
        .option('--json', 'print the result as JSON'),
    );
  csvCommand('acled', 'an ACLED export (2020 or 2023 layout) → reports and confirmed incidents (reviewed by import:acled)').action(async (file: string, opts: CsvOptions) => {
    process.exitCode = await withDeps(opts, (deps) => runCsv(deps, file, opts, 'acled'));
  });
  csvCommand('victims', 'a victims list (name, sex, age, date, place, category, source) → confirmed victim claims')
    .option('--map <pairs>', 'our field=their column, comma-separated, e.g. name=Full Name,sex=Gender,date=Date of death')
    .option('--published <date>', 'the date (YYYY-MM-DD) of rows without a date of death')
    .action(async (file: string, opts: CsvOptions) => {
      process.exitCode = await withDeps(opts, (deps) => runCsv(deps, file, opts, 'victims'));
    });
  addStoreOptions(cmd.command('json').description('restore a `marsad export --format json` dump into an empty store').argument('<file>', 'the dump')).action(
    async (file: string, opts: StoreOptions) => {
      process.exitCode = await withDeps(opts, async (deps) => {
        // A dump's row count is not known before the end, so the bar measures the bytes of the file read.
        const bar = progressBar();
        bar.phase('restoring', await stat(file).then((s) => s.size, () => 0), 'bytes');
        const result = await importJson(deps, file, { onBytes: (n) => bar.update(n) });
        bar.stop();
        const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
        process.stdout.write(`restored ${total} rows: ${Object.entries(result.rows).map(([t, n]) => `${t} ${n}`).join(', ')}\n`);
        return 0;
      });
    },
  );
}

async function runCsv(deps: AppDeps, file: string, opts: CsvOptions, kind: 'acled' | 'victims'): Promise<number> {
  // Two phases on one bar: the whole file is validated (by bytes read) before the first row is written (by rows).
  const bar = progressBar(process.stderr.isTTY === true && !opts.json);
  const size = await stat(file).then((s) => s.size, () => 0);
  let phase: 'none' | 'validate' | 'write' = 'none';
  const input = {
    file,
    skipBadRows: opts.skipBadRows,
    actor: opts.user ?? localActor(),
    batchSize: Number(opts.batch) || 1000,
    onValidated: (_rows: number, _problems: number, bytes: number) => {
      if (phase === 'none') bar.phase(`validating ${kind}`, size, 'bytes');
      phase = 'validate';
      bar.update(bytes);
    },
    onProgress: (done: number, total: number) => {
      if (phase !== 'write') bar.phase(`importing ${kind}`, total, 'rows');
      phase = 'write';
      bar.update(done);
    },
  };
  const result = kind === 'acled' ? await importAcled(deps, input) : await importVictims(deps, { ...input, columnMap: parseColumnMap(opts.map), published: opts.published });
  bar.stop();
  if (opts.json) process.stdout.write(JSON.stringify(result) + '\n');
  else process.stdout.write(summary(result));
  return result.imported && result.problemCount === 0 ? 0 : result.imported ? 1 : 2;
}

function summary(r: CsvImportOutput): string {
  const lines: string[] = [];
  const problems = r.problems.map((p) => `  ${p.text}`);
  const more = r.problemCount > r.problems.length ? [`  … and ${r.problemCount - r.problems.length} more`] : [];
  if (!r.imported) {
    lines.push(`${r.file}: ${r.problemCount} problem${r.problemCount === 1 ? '' : 's'} in ${r.badRows} row${r.badRows === 1 ? '' : 's'}; nothing was imported${r.problems.some((p) => p.fatal) ? '' : ' (--skip-bad-rows imports the good rows)'}`);
    lines.push(...problems, ...more);
    return lines.join('\n') + '\n';
  }
  lines.push(`${r.file}: ${r.rows} rows read; ${r.created} new, ${r.updated} updated (the earlier version superseded, audited), ${r.unchanged} unchanged${r.repeated ? `, ${r.repeated} repeated rows` : ''}${r.badRows ? `, ${r.badRows} bad rows skipped` : ''}`);
  if (r.created === 0 && r.updated === 0 && r.unchanged > 0) lines.push('nothing changed: every row was already imported with the same values');
  if (r.created || r.updated) lines.push(`claims confirmed by ${r.systemUser}`);
  if (problems.length) lines.push('skipped:', ...problems, ...more);
  return lines.join('\n') + '\n';
}
