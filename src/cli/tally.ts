// `marsad tally`: low / best / high per group over the stored record, every figure with its source; --json for scripts.
import type { Command } from 'commander';
import { tally, type TallyGroupView, type TallyOutput } from '../app/tally.js';
import type { TallyBy } from '../tally/tally.js';
import { addStoreOptions, withDeps, type StoreOptions } from './store-option.js';

interface TallyOptions extends StoreOptions {
  place?: string;
  from?: string;
  to?: string;
  by?: string;
  includeProposed?: boolean;
  json?: boolean;
}

export function registerTally(program: Command): void {
  addStoreOptions(
    program
      .command('tally')
      .description('how many were killed: low / best / high per group, duplicates counted once, tolls as lower bounds, every source listed')
      .option('--place <name>', 'a place, district or province name (any spelling the gazetteer knows)')
      .option('--from <date>', 'first day, YYYY-MM-DD')
      .option('--to <date>', 'last day, YYYY-MM-DD')
      .option('--by <group>', 'category, admin1, day or actor')
      .option('--include-proposed', 'also count claims nobody has reviewed and links nobody has decided')
      .option('--json', 'print { low, best, high, groups: [{ key, low, best, high, sources }] } as JSON'),
  ).action(async (opts: TallyOptions) => {
    process.exitCode = await withDeps(opts, async (deps) => {
      const out = await tally(deps, { place: opts.place, from: opts.from, to: opts.to, by: opts.by as TallyBy | undefined, includeProposed: opts.includeProposed });
      process.stdout.write(opts.json ? JSON.stringify(out, null, 2) + '\n' : renderTally(out) + '\n');
      return 0;
    });
  });
}

const range = (g: { low: number; best: number; high: number; openEnded: boolean }): string =>
  `low ${g.low}  best ${g.best}  high ${g.high}${g.openEnded ? '+' : ''}`;

export function renderTally(t: TallyOutput): string {
  const q = t.query;
  const where = q.place ?? 'everywhere';
  const when = q.from || q.to ? `${q.from ?? '…'} – ${q.to ?? '…'}` : 'all dates';
  const lines = [`${where}, ${when}${q.by ? `, by ${q.by}` : ''} (${q.includeProposed ? 'reviewed and proposed claims' : 'reviewed claims only'})`];
  lines.push(`total  ${range(t)}${t.openEnded ? '   (+: some figure was "at least")' : ''}`);
  if (t.groups.length === 0) lines.push('', 'nothing counted');
  for (const g of t.groups) lines.push('', ...renderGroup(g, q.by !== null || t.groups.length > 1));
  if (t.notes.length) lines.push('', 'notes:', ...t.notes.map((n) => `  - ${n}`));
  return lines.join('\n');
}

function renderGroup(g: TallyGroupView, showKey: boolean): string[] {
  const lines = [`${showKey ? `${g.key}  ` : ''}${range(g)}  (${g.events} event(s)${g.persons ? `, ${g.persons} named person(s)` : ''})`];
  for (const s of g.sources) {
    const figure = s.figure === null ? 'no figure' : s.low !== null && s.high !== s.low ? `${s.figure} (${s.low}–${s.high ?? 'open'})` : `${s.figure}`;
    const event = s.event && s.event.length > 1 ? `  event ${s.event.join('+')}` : '';
    lines.push(`  ${s.kind.padEnd(8)} ${s.claim.padEnd(6)} ${s.report.padEnd(5)} ${s.outlet}: ${figure} — ${s.role}${event}`);
  }
  for (const c of g.conflicts) lines.push(`  conflicting figures for one event: ${c.figures.map((f) => `${f.best} (${f.outlet}, ${f.claim})`).join(' vs ')}`);
  return lines;
}
