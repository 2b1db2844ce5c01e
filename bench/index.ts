// Runs every registered bench and prints its table. Add a bench: write bench/NAME.ts calling registerBench, import it below.
// usage: npm run bench [-- NAME...] [--mb N] [--runs N]
import './extract.js';
import './ingest.js';
import './link.js';
import './io.js';
import './http.js';
import { packageRoot, registeredBenches, renderTable, type BenchOptions } from './registry.js';

function parseArgs(argv: string[]): { names: string[]; opts: BenchOptions } {
  const opts: BenchOptions = { root: packageRoot, targetMB: 20, spawnRuns: 5, log: (l) => process.stderr.write(`${l}\n`) };
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = (): number => {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${a} needs a non-negative number`);
      return n;
    };
    if (a === '--mb') opts.targetMB = num();
    else if (a === '--runs') opts.spawnRuns = Math.round(num());
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else names.push(a);
  }
  return { names, opts };
}

async function main(): Promise<number> {
  const { names, opts } = parseArgs(process.argv.slice(2));
  const all = registeredBenches();
  const unknown = names.filter((n) => !all.some((b) => b.name === n));
  if (unknown.length) throw new Error(`unknown bench ${unknown.join(', ')}; registered: ${all.map((b) => b.name).join(', ')}`);
  const chosen = names.length ? all.filter((b) => names.includes(b.name)) : all;
  console.log(`marsad bench — node ${process.version}, ${process.platform}/${process.arch}\n`);
  let failed = 0;
  for (const bench of chosen) {
    try {
      console.log(renderTable(bench, await bench.run(opts)) + '\n');
    } catch (err) {
      failed++;
      console.error(`bench ${bench.name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    }
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
  },
);
