// `marsad link [incidents|victims]`: link proposals with scores and reasons; `marsad link merge|split|undo A B --user NAME` decides.
import type { Command } from 'commander';
import { decideLink, listClusters, proposeLinks, type LinkPairView, type LinkRecordView } from '../app/link.js';
import { MarsadError } from '../domain/errors.js';
import type { LinkKind, LinkVerdict } from '../store/links.js';
import { addStoreOptions, withDeps, type StoreOptions } from './store-option.js';

interface ListOptions extends StoreOptions {
  includeProposed?: boolean;
  clusters?: boolean;
  pending?: boolean;
  json?: boolean;
}

interface DecideOptions extends StoreOptions {
  user: string;
  comment?: string;
  kind?: string;
  json?: boolean;
}

const KIND_WORDS: Record<string, LinkKind> = { incidents: 'incident', incident: 'incident', victims: 'victim', victim: 'victim', persons: 'victim' };

export function parseLinkKind(word: string | undefined): LinkKind {
  if (word === undefined) return 'incident';
  const kind = KIND_WORDS[word.toLowerCase()];
  if (!kind) throw new MarsadError('invalid_input', `"${word}" is not incidents or victims`);
  return kind;
}

export function registerLink(program: Command): void {
  const link = program.command('link').description('link proposals across reports (same event, same person); merge, split or undo them');
  addStoreOptions(
    link
      .command('list', { isDefault: true })
      .description('list link proposals with scores and reasons (reviewed claims only unless --include-proposed)')
      .argument('[kind]', 'incidents or victims', 'incidents')
      .option('--include-proposed', 'also link claims nobody has reviewed yet')
      .option('--pending', 'only proposals nobody has decided yet')
      .option('--clusters', 'list the clusters (two or more records) instead of the pairs')
      .option('--json', 'print JSON'),
  ).action(async (word: string, opts: ListOptions) => {
    process.exitCode = await withDeps(opts, async (deps) => {
      const kind = parseLinkKind(word);
      if (opts.clusters) {
        const out = await listClusters(deps, { kind, includeProposed: opts.includeProposed });
        if (opts.json) process.stdout.write(JSON.stringify(out, null, 2) + '\n');
        else process.stdout.write(renderClusters(out.clusters, kind) + '\n');
        return 0;
      }
      const out = await proposeLinks(deps, { kind, includeProposed: opts.includeProposed });
      if (opts.pending) out.pairs = out.pairs.filter((p) => p.proposed && !p.decision);
      if (opts.json) {
        process.stdout.write(JSON.stringify(out, null, 2) + '\n');
        return 0;
      }
      const lines = [
        `${out.records} ${kind} record(s)${out.includeProposed ? ' (reviewed and proposed claims)' : ' (reviewed claims only; --include-proposed for the rest)'}; ` +
          `${out.pairs.filter((p) => p.proposed).length} proposal(s), ${out.pending} awaiting a decision`,
      ];
      for (const p of out.pairs) lines.push('', ...renderPair(p));
      if (out.pending) lines.push('', `decide: marsad link merge|split ${out.pairs.find((p) => p.proposed && !p.decision)!.a} ${out.pairs.find((p) => p.proposed && !p.decision)!.b} --user NAME`);
      process.stdout.write(lines.join('\n') + '\n');
      return 0;
    });
  });
  for (const verdict of ['merge', 'split', 'undo'] as const) registerDecision(link, verdict);
}

const WHAT: Record<LinkVerdict, string> = {
  merge: 'record that two claims are one event (incidents) or one person (victims)',
  split: 'record that two claims are different (the scorer never links them again)',
  undo: 'withdraw the standing merge or split of two claims (back to the proposal)',
};

function registerDecision(link: Command, verdict: LinkVerdict): void {
  addStoreOptions(
    link
      .command(verdict)
      .description(`${WHAT[verdict]}; analyst or admin, audited`)
      .argument('<a>', 'claim id (c12)')
      .argument('<b>', 'claim id (c34)')
      .requiredOption('--user <name>', 'who decides')
      .option('--comment <text>', 'why')
      .option('--kind <kind>', 'incident or victim (inferred from the claims)')
      .option('--json', 'print JSON'),
  ).action(async (a: string, b: string, opts: DecideOptions) => {
    process.exitCode = await withDeps(opts, async (deps) => {
      const out = await decideLink(deps, { kind: opts.kind === undefined ? undefined : parseLinkKind(opts.kind), a, b, verdict, user: opts.user, comment: opts.comment });
      if (opts.json) process.stdout.write(JSON.stringify(out) + '\n');
      else process.stdout.write(`${out.kind} link ${out.a} ${out.b}: ${out.previous ?? 'proposal'} → ${out.verdict === 'undo' ? 'proposal' : out.verdict} by ${out.by}\n`);
      return 0;
    });
  });
}

function renderRecord(r: LinkRecordView): string {
  return `${r.claim} ${r.report} ${r.outlet}${r.status === 'proposed' ? ' [proposed]' : ''}: ${r.summary}; ${r.date ?? 'date unknown'}; ${r.place ?? 'place unknown'}`;
}

function renderPair(p: LinkPairView): string[] {
  const head = p.score === null ? `${p.a} ~ ${p.b}  no score: ${p.veto}` : `${p.a} ~ ${p.b}  score ${p.score.toFixed(2)}${p.proposed ? '' : ' (below the threshold)'}`;
  const decided = p.decision ? `  ${p.decision.verdict === 'merge' ? 'MERGED' : 'SPLIT'} by ${p.decision.by} at ${p.decision.at}${p.decision.comment ? ` — ${p.decision.comment}` : ''}` : p.proposed ? '  pending' : '';
  return [head + decided, ...p.records.map((r) => `  ${renderRecord(r)}`), ...p.reasons.map((r) => `    ${r}`)];
}

function renderClusters(clusters: Awaited<ReturnType<typeof listClusters>>['clusters'], kind: LinkKind): string {
  if (clusters.length === 0) return `no ${kind} clusters of two or more records`;
  const lines: string[] = [];
  for (const c of clusters) {
    lines.push(`${c.id}: ${c.members.length} records${c.reviewed ? ' (merged by analysts)' : ''}`);
    for (const m of c.members) lines.push(`  ${renderRecord(m)}`);
    for (const l of c.links) lines.push(`    ${l.a} ~ ${l.b} ${l.reviewed ? l.reasons.join('; ') : `score ${l.score?.toFixed(2)}`}`);
  }
  return lines.join('\n');
}
