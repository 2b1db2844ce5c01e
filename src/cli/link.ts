// `marsad link [incidents|victims]`: link proposals with scores and reasons; `marsad link merge|split|undo A B --user NAME` decides.
import type { Command } from 'commander';
import { decideLink, listClusters, proposeLinks, type LinkPairView, type LinkRecordView } from '../app/link.js';
import { decideTollLink, listTollCoverage, orphanedDecisions, type OrphanedDecisionView, type TollCoverageView, type TollLinkVerdict } from '../app/toll-coverage.js';
import { MarsadError } from '../domain/errors.js';
import type { LinkKind, LinkVerdict } from '../store/links.js';
import { addStoreOptions, withDeps, type StoreOptions } from './store-option.js';

interface ListOptions extends StoreOptions {
  kind?: string;
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

const TOLL_WORDS = new Set(['toll', 'tolls']);
const isTollWord = (word: string | undefined): boolean => word !== undefined && TOLL_WORDS.has(word.toLowerCase());

export function registerLink(program: Command): void {
  const link = program.command('link').description('link proposals across reports (same event, same person); merge, split or undo them');
  addStoreOptions(
    link
      .command('list', { isDefault: true })
      .description('list link proposals with scores and reasons (reviewed claims only unless --include-proposed)')
      .argument('[kind]', 'incidents, victims or tolls', 'incidents')
      .option('--kind <kind>', 'incidents, victims or tolls (tolls: the incidents each toll covers, and whether they add up to it)')
      .option('--include-proposed', 'also link claims nobody has reviewed yet')
      .option('--pending', 'only proposals nobody has decided yet')
      .option('--clusters', 'list the clusters (two or more records) instead of the pairs')
      .option('--json', 'print JSON'),
  ).action(async (word: string, opts: ListOptions) => {
    process.exitCode = await withDeps(opts, async (deps) => {
      const chosen = opts.kind ?? word;
      if (isTollWord(chosen)) {
        const out = await listTollCoverage(deps, { includeProposed: opts.includeProposed });
        process.stdout.write((opts.json ? JSON.stringify(out, null, 2) : renderTolls(out.tolls, out.includeProposed, out.orphaned)) + '\n');
        return 0;
      }
      const kind = parseLinkKind(chosen);
      if (opts.clusters) {
        const out = await listClusters(deps, { kind, includeProposed: opts.includeProposed });
        if (opts.json) process.stdout.write(JSON.stringify(out, null, 2) + '\n');
        else process.stdout.write(renderClusters(out.clusters, kind) + '\n');
        return 0;
      }
      const [out, orphaned] = await Promise.all([proposeLinks(deps, { kind, includeProposed: opts.includeProposed }), orphanedDecisions(deps)]);
      if (opts.pending) out.pairs = out.pairs.filter((p) => p.proposed && !p.decision);
      if (opts.json) {
        process.stdout.write(JSON.stringify({ ...out, orphaned }, null, 2) + '\n');
        return 0;
      }
      const lines = [
        `${out.records} ${kind} record(s)${out.includeProposed ? ' (reviewed and proposed claims)' : ' (reviewed claims only; --include-proposed for the rest)'}; ` +
          `${out.pairs.filter((p) => p.proposed).length} proposal(s), ${out.pending} awaiting a decision`,
      ];
      for (const p of out.pairs) lines.push('', ...renderPair(p));
      if (out.pending) lines.push('', `decide: marsad link merge|split ${out.pairs.find((p) => p.proposed && !p.decision)!.a} ${out.pairs.find((p) => p.proposed && !p.decision)!.b} --user NAME`);
      lines.push(...renderOrphans(orphaned));
      process.stdout.write(lines.join('\n') + '\n');
      return 0;
    });
  });
  for (const verdict of ['merge', 'split', 'undo'] as const) registerDecision(link, verdict);
  for (const verdict of ['attach', 'detach'] as const) registerTollDecision(link, verdict);
}

const TOLL_WHAT: Record<'attach' | 'detach', string> = {
  attach: 'record that a toll sums an incident, wherever its place and date (overrides the automatic coverage)',
  detach: 'record that a toll does not sum an incident inside its area and window (overrides the automatic coverage)',
};

function registerTollDecision(link: Command, verdict: 'attach' | 'detach'): void {
  addStoreOptions(
    link
      .command(verdict)
      .description(`${TOLL_WHAT[verdict]}; analyst or admin, audited; marsad link undo TOLL INCIDENT --kind toll withdraws it`)
      .argument('<toll>', 'toll claim id (c12)')
      .argument('<incident>', 'incident claim id (c34)')
      .requiredOption('--user <name>', 'who decides')
      .option('--comment <text>', 'why')
      .option('--json', 'print JSON'),
  ).action(async (toll: string, incident: string, opts: DecideOptions) => {
    process.exitCode = await withDeps(opts, async (deps) => printTollDecision(await decideTollLink(deps, { toll, incident, verdict, user: opts.user, comment: opts.comment }), opts.json));
  });
}

function printTollDecision(out: Awaited<ReturnType<typeof decideTollLink>>, json: boolean | undefined): number {
  const state = (v: TollLinkVerdict | null): string => (v === null || v === 'undo' ? 'automatic' : `${v}ed`);
  if (json) process.stdout.write(JSON.stringify(out) + '\n');
  else process.stdout.write(`toll ${out.toll} incident ${out.incident}: ${state(out.previous)} → ${state(out.verdict)} by ${out.by}\n`);
  return 0;
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
      .option('--kind <kind>', verdict === 'undo' ? 'incident, victim or toll (undo an attach or detach: A is the toll)' : 'incident or victim (inferred from the claims)')
      .option('--json', 'print JSON'),
  ).action(async (a: string, b: string, opts: DecideOptions) => {
    process.exitCode = await withDeps(opts, async (deps) => {
      if (verdict === 'undo' && isTollWord(opts.kind)) return printTollDecision(await decideTollLink(deps, { toll: a, incident: b, verdict, user: opts.user, comment: opts.comment }), opts.json);
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

function renderTolls(tolls: readonly TollCoverageView[], includeProposed: boolean, orphaned: readonly OrphanedDecisionView[]): string {
  const lines = [`${tolls.length} toll(s)${includeProposed ? ' (reviewed and proposed claims)' : ' (reviewed claims only; --include-proposed for the rest)'}`];
  for (const t of tolls) lines.push('', ...renderToll(t));
  lines.push(...renderOrphans(orphaned));
  return lines.join('\n');
}

/** A toll, the incidents it covers and how they add up: "c3 … at least 124: 52 + 72 = 124, consistent". */
export function renderToll(t: TollCoverageView, indent = ''): string[] {
  const q = t.qualifier === 'at_least' ? 'at least ' : t.qualifier === 'at_most' ? 'at most ' : t.qualifier === 'approx' ? 'about ' : '';
  const figures = t.events.map((e) => String(e.best));
  const sum = figures.length ? `${figures.join(' + ')} = ${t.sum.best}` : 'no incident inside';
  const verdict =
    t.coverage === 'exceeds'
      ? `EXCEEDS the toll by ${t.excess} (conflicting sources below)`
      : `consistent${t.unexplained > 0 ? `, ${t.unexplained} unexplained (known only from the toll)` : t.excess > 0 ? ` (the toll is a floor; the events inside pass it by ${t.excess})` : ''}`;
  const out = [
    `${indent}${t.claim} ${t.report} ${t.outlet}${t.status === 'proposed' ? ' [proposed]' : ''}: toll of ${q}${t.figure.best ?? '?'}; ${t.date ?? 'date unknown'}; ${t.place ?? 'place unknown'}`,
    `${indent}  covers ${sum}: ${verdict}`,
  ];
  for (const e of t.events) {
    const merged = e.event.length > 1 ? ` (one event: ${e.event.join(', ')})` : '';
    for (const i of e.incidents) {
      out.push(`${indent}    ${i.claim} ${i.report} ${i.outlet}${i.status === 'proposed' ? ' [proposed]' : ''}: ${i.figure ?? '?'} killed; ${i.date ?? 'date unknown'}; ${i.place ?? 'place unknown'} — ${i.reason}${i.ownReport ? ', same report' : ''}${merged}`);
    }
  }
  for (const id of t.detached) out.push(`${indent}    ${id} detached`);
  for (const d of t.decisions) out.push(`${indent}    ${d.incident} ${d.verdict}ed by ${d.by} at ${d.at}${d.comment ? ` — ${d.comment}` : ''}`);
  return out;
}

function renderOrphans(orphaned: readonly OrphanedDecisionView[]): string[] {
  if (orphaned.length === 0) return [];
  const lines = ['', `${orphaned.length} decision(s) orphaned by a re-extraction (a claim they name has no successor in its report's latest extraction; decide again):`];
  for (const o of orphaned) lines.push(`  ${o.kind} ${o.verdict} ${o.a} ${o.b} by ${o.by} at ${o.at} (decision ${o.decision}; ${o.behind.map((b) => `${b.claim} of ${b.report}`).join(', ')} superseded)`);
  return lines;
}
