// `marsad review`: the queue of proposed claims; `marsad review confirm|correct|reject CLAIM --user NAME` decides one.
import type { Command } from 'commander';
import { patchFromAssignments } from '../app/correction.js';
import { parseClaimId } from '../app/ids.js';
import { listReviewQueue, reviewClaim } from '../app/review.js';
import { MarsadError } from '../domain/errors.js';
import type { ClaimStatus, ReviewAction } from '../store/claims.js';
import type { ClaimKind } from '../store/reports.js';
import { claimHeadline, renderClaim } from './claim-render.js';
import { addStoreOptions, withDeps, type StoreOptions } from './store-option.js';

interface ListOptions extends StoreOptions {
  status: ClaimStatus;
  kind?: ClaimKind;
  limit: string;
  after?: string;
  json?: boolean;
}

interface DecideOptions extends StoreOptions {
  user: string;
  comment?: string;
  set?: string[];
  json?: string;
  redecide?: boolean;
}

export function registerReview(program: Command): void {
  const review = program.command('review').description('the review queue: confirm, correct or reject proposed claims');
  addStoreOptions(
    review
      .command('list', { isDefault: true })
      .description('list claims waiting for review (oldest first)')
      .option('--status <status>', 'proposed, confirmed, corrected or rejected', 'proposed')
      .option('--kind <kind>', 'incident, toll or victim')
      .option('--limit <n>', 'claims per page', '20')
      .option('--after <claim>', 'start after this claim id (the "next" of the previous page)')
      .option('--json', 'print JSON'),
  ).action(async (opts: ListOptions) => {
    process.exitCode = await withDeps(opts, async (deps) => {
      const page = await listReviewQueue(deps, { status: opts.status, kind: opts.kind, limit: Number(opts.limit) || 20, afterId: opts.after ? parseClaimId(opts.after) : undefined });
      if (opts.json) {
        process.stdout.write(JSON.stringify(page, null, 2) + '\n');
        return 0;
      }
      const c = page.counts;
      const lines = [`${c.proposed} proposed, ${c.confirmed} confirmed, ${c.corrected} corrected, ${c.rejected} rejected`];
      for (const item of page.items) {
        lines.push('', `${item.id}  ${item.report} ${item.outlet}, ${item.published}`);
        lines.push(...renderClaim(item, '  ').slice(0, 3).map((l, i) => (i === 0 ? `  ${claimHeadline(item)}` : l)));
      }
      if (page.next !== null) lines.push('', `more: marsad review --after c${page.next}`);
      process.stdout.write(lines.join('\n') + '\n');
      return 0;
    });
  });
  for (const action of ['confirm', 'correct', 'reject'] as const) registerDecision(review, action);
}

function registerDecision(review: Command, action: ReviewAction): void {
  const cmd = review
    .command(action)
    .description(`${action} a claim as a named user (analyst or admin)`)
    .argument('<claim>', 'claim id (c34)')
    .requiredOption('--user <name>', 'who decides')
    .option('--comment <text>', 'why')
    .option('--redecide', 'decide a claim that was already decided (the earlier review stays on record)');
  if (action === 'correct') {
    cmd
      .option('--set <key=value...>', 'corrected value, e.g. fatalities.best=12 date.start=2025-03-07 (JSON values allowed)')
      .option('--json <object>', 'corrected values as a JSON object, e.g. \'{"fatalities":{"best":12}}\'');
  }
  addStoreOptions(cmd).action(async (claim: string, opts: DecideOptions) => {
    process.exitCode = await withDeps(opts, async (deps) => {
      const out = await reviewClaim(deps, { claimId: parseClaimId(claim), action, user: opts.user, comment: opts.comment, patch: patchOf(opts), redecide: opts.redecide });
      process.stdout.write([`${out.claim.id}: ${out.previous} → ${out.claim.status} by ${opts.user}`, ...renderClaim(out.claim, '  ')].join('\n') + '\n');
      return 0;
    });
  });
}

function patchOf(opts: DecideOptions): Record<string, unknown> | undefined {
  let patch: Record<string, unknown> | undefined;
  if (opts.json) {
    try {
      patch = JSON.parse(opts.json) as Record<string, unknown>;
    } catch (err) {
      throw new MarsadError('invalid_input', `--json is not valid JSON: ${(err as Error).message}`);
    }
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new MarsadError('invalid_input', '--json must be a JSON object');
  }
  if (opts.set?.length) {
    try {
      patch = { ...patch, ...patchFromAssignments(opts.set) };
    } catch (err) {
      throw new MarsadError('invalid_input', (err as Error).message);
    }
  }
  return patch;
}
