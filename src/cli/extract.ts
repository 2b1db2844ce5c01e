// `marsad extract FILE...`: runs the extraction pipeline on report files and prints a readable summary, JSON or JSON lines.
import type { Command } from 'commander';
import { extract } from '../extract/index.js';
import { renderExtraction } from './render.js';
import { readReport } from './read-input.js';

interface ExtractOptions {
  json?: boolean;
  jsonl?: boolean;
  published?: string;
  outlet?: string;
  url?: string;
  language?: string;
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract incidents, tolls and victims from report files ("-" reads standard input)')
    .argument('<files...>', 'report files (header block + body, or plain text with --published)')
    .option('--json', 'print one JSON object (a single file) or a JSON array (several files)')
    .option('--jsonl', 'print one JSON object per line, each with a "file" field')
    .option('--published <date>', 'published date (YYYY-MM-DD) for plain-text input')
    .option('--outlet <name>', 'outlet for plain-text input')
    .option('--url <url>', 'url for plain-text input')
    .option('--language <code>', 'language of plain-text input (default en)')
    .action(async (files: string[], opts: ExtractOptions) => {
      process.exitCode = await runExtract(files, opts);
    });
}

async function runExtract(files: string[], opts: ExtractOptions): Promise<number> {
  const defaults = { published: opts.published, outlet: opts.outlet, url: opts.url, language: opts.language };
  const jsonResults: unknown[] = [];
  let failed = 0;
  for (const file of files) {
    const input = await readReport(file, defaults);
    if (!input.ok) {
      failed++;
      process.stderr.write(`marsad: ${input.file}: ${input.error}\n`);
      continue;
    }
    let result;
    try {
      result = extract(input.value.report);
    } catch (err) {
      failed++;
      process.stderr.write(`marsad: ${file}: extraction failed: ${err instanceof Error ? err.message : String(err)}\n`);
      continue;
    }
    if (opts.jsonl) process.stdout.write(JSON.stringify({ file, ...result }) + '\n');
    else if (opts.json) jsonResults.push(files.length > 1 ? { file, ...result } : result);
    else process.stdout.write(renderExtraction(file, input.value.report, result, { color: process.stdout.isTTY === true }) + '\n');
  }
  if (opts.json && !opts.jsonl) {
    const out = files.length > 1 ? jsonResults : jsonResults[0];
    if (out !== undefined) process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  }
  return failed > 0 ? 1 : 0;
}
