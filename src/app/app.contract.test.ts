// The use cases against every engine: idempotent atomic ingest, review state machine, corrections, roles, re-extraction, audit.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MarsadError } from '../domain/errors.js';
import type { Report } from '../domain/types.js';
import { engines } from '../../test/support/engines.js';
import { fakeExtract, reportText } from '../../test/support/fake-extract.js';
import { verifyAudit } from './audit.js';
import type { AppDeps } from './deps.js';
import { ingestReports, type IngestOutcome } from './ingest.js';
import { reextract } from './reextract.js';
import { listReviewQueue, reviewClaim } from './review.js';
import { show, showClaim } from './show.js';
import { addUser, authenticate } from './users.js';

const bytes = (s: string) => Buffer.from(s, 'utf8');
let clock = 0;
const now = () => new Date(Date.UTC(2025, 2, 8, 12, 0, clock++)).toISOString();

function rejectsWith(code: MarsadError['code'], re?: RegExp) {
  return (err: unknown) => err instanceof MarsadError && err.code === code && (!re || re.test(err.message));
}

function stored(o: IngestOutcome | undefined) {
  assert.equal(o?.status, 'stored', JSON.stringify(o));
  return o as Extract<IngestOutcome, { status: 'stored' }>;
}

for (const engine of await engines()) {
  describe(`use cases: ${engine.name}`, { skip: engine.skip ?? false }, () => {
    let deps: AppDeps;
    before(async () => {
      deps = { store: await engine.fresh(), extract: fakeExtract, extractorVersion: 'test-1', now };
      await addUser(deps, { name: 'admin', role: 'admin', by: null, operator: 'local:test' });
      await addUser(deps, { name: 'alice', role: 'analyst', by: 'admin' });
      await addUser(deps, { name: 'vera', role: 'viewer', by: 'admin' });
    });
    after(() => engine.teardown());

    test('ingest stores each report once; the same bytes again are a duplicate and change nothing', async () => {
      const items = [0, 1, 2].map((i) => ({ source: `f${i}.txt`, bytes: bytes(reportText(1000 + i)) }));
      const first = await ingestReports(deps, { items, actor: 'tester', batchSize: 2 });
      assert.deepEqual([first.stored, first.duplicates, first.failed], [3, 0, 0]);
      assert.equal(stored(first.outcomes[0]).claimIds.length, 3);
      const auditBefore = (await verifyAudit(deps)).entries;
      const again = await ingestReports(deps, { items: [...items, { source: 'copy.txt', bytes: bytes(reportText(1000)) }], actor: 'tester' });
      assert.deepEqual([again.stored, again.duplicates, again.failed], [0, 4, 0]);
      assert.equal(again.outcomes[3]!.status === 'duplicate' && again.outcomes[3]!.reportId, stored(first.outcomes[0]).reportId);
      assert.equal((await verifyAudit(deps)).entries, auditBefore);
    });

    test('identical bytes twice in one batch are one report and one duplicate', async () => {
      const b = bytes(reportText(2000));
      const out = await ingestReports(deps, { items: [{ source: 'a', bytes: b }, { source: 'b', bytes: b }], actor: 't' });
      assert.deepEqual(out.outcomes.map((o) => o.status), ['stored', 'duplicate']);
    });

    test('bad files fail with a reason and never stop the batch', async () => {
      const boom = (r: Report) => {
        if (r.body.includes('EXPLODE')) throw new Error('stage x broke');
        return fakeExtract(r);
      };
      const items = [
        { source: 'ok1.txt', bytes: bytes(reportText(3001)) },
        { source: 'missing.txt', error: 'no such file' },
        { source: 'binary.bin', bytes: Buffer.from([1, 0, 2]) },
        { source: 'noheader.txt', bytes: bytes('just text, no date') },
        { source: 'explode.txt', bytes: bytes(reportText(3002).replace('Report', 'EXPLODE')) },
        { source: 'ok2.txt', bytes: bytes(reportText(3003)) },
      ];
      const out = await ingestReports({ ...deps, extract: boom }, { items, actor: 't' });
      assert.deepEqual(out.outcomes.map((o) => o.status), ['stored', 'failed', 'failed', 'failed', 'failed', 'stored']);
      const errors = out.outcomes.map((o) => (o.status === 'failed' ? o.error : ''));
      assert.match(errors[1]!, /no such file/);
      assert.match(errors[2]!, /binary_input/);
      assert.match(errors[3]!, /missing_published/);
      assert.match(errors[4]!, /extraction failed: stage x broke/);
    });

    test('a report the database refuses fails alone, and leaves no half report', async () => {
      // jsonb refuses \u0000: the batch transaction fails, then each report is written alone.
      const poison = (r: Report) => {
        const x = fakeExtract(r);
        if (r.body.includes('POISON')) x.victims[0]!.name = 'bad\u0000name';
        return x;
      };
      const items = [4001, 4002, 4003].map((i) => ({ source: `p${i}`, bytes: bytes(reportText(i).replace(i === 4002 ? 'Report' : '#', 'POISON')) }));
      const out = await ingestReports({ ...deps, extract: poison }, { items, actor: 't' });
      assert.deepEqual(out.outcomes.map((o) => o.status), ['stored', 'failed', 'stored']);
      const orphans = await deps.store.query<{ n: number }>(
        `SELECT count(*) AS n FROM reports r WHERE NOT EXISTS (SELECT 1 FROM extractions e WHERE e.report_id = r.id)`,
      );
      assert.equal(orphans[0]!.n, 0);
      const sha = await deps.store.query("SELECT 1 FROM reports WHERE source = 'p4002'");
      assert.equal(sha.length, 0);
    });

    test('review: confirm, then re-deciding is refused unless explicit, and both reviews stay on record', async () => {
      const o = stored((await ingestReports(deps, { items: [{ source: 'r', bytes: bytes(reportText(5001)) }], actor: 't' })).outcomes[0]);
      const id = o.claimIds[0]!;
      const confirmed = await reviewClaim(deps, { claimId: id, action: 'confirm', user: 'alice', comment: 'matches the source' });
      assert.equal(confirmed.claim.status, 'confirmed');
      assert.equal(confirmed.previous, 'proposed');
      await assert.rejects(reviewClaim(deps, { claimId: id, action: 'reject', user: 'alice' }), rejectsWith('conflict', /already confirmed \(by alice/));
      const rejected = await reviewClaim(deps, { claimId: id, action: 'reject', user: 'admin', comment: 'duplicate', redecide: true });
      assert.equal(rejected.claim.status, 'rejected');
      assert.deepEqual(rejected.claim.reviews.map((r) => [r.user, r.action]), [['alice', 'confirm'], ['admin', 'reject']]);
      const audit = await deps.store.query<{ action: string; actor: string }>("SELECT action, actor FROM audit_log WHERE entity = 'claim' AND entity_id = $1 ORDER BY seq", [`c${id}`]);
      assert.deepEqual(audit.map((a) => a.action), ['claim.confirm', 'claim.reject']);
    });

    test('correct: values are validated; a valid correction is kept beside the proposal', async () => {
      const o = stored((await ingestReports(deps, { items: [{ source: 'c', bytes: bytes(reportText(6001, 7)) }], actor: 't' })).outcomes[0]);
      const [incident, , victim] = o.claimIds as [number, number, number];
      const bad = [
        { patch: { nonsense: 1 }, re: /nonsense: not a correctable field/ },
        { patch: { fatalities: { best: -1 } }, re: /fatalities.best/ },
        { patch: { fatalities: { low: 9 } }, re: /low is above best/ },
        { patch: { date: { start: '2025-02-30', end: '2025-03-01' } }, re: /date.start: expected a calendar date/ },
        { patch: { subEventType: 'Armed clash' }, re: /not a sub-event type of Violence against civilians/ },
        { patch: {}, re: /nothing to correct/ },
      ];
      for (const b of bad) await assert.rejects(reviewClaim(deps, { claimId: incident, action: 'correct', user: 'alice', patch: b.patch }), rejectsWith('invalid_input', b.re));
      await assert.rejects(reviewClaim(deps, { claimId: victim, action: 'correct', user: 'alice', patch: { age: 'old' } }), rejectsWith('invalid_input', /age/));
      await assert.rejects(reviewClaim(deps, { claimId: incident, action: 'confirm', user: 'alice', patch: { injured: 1 } }), rejectsWith('invalid_input'));
      const ok = await reviewClaim(deps, { claimId: incident, action: 'correct', user: 'alice', patch: { fatalities: { best: 8, high: 8, low: 8 }, injured: 3 } });
      assert.equal(ok.claim.status, 'corrected');
      assert.equal((ok.claim.proposed.fatalities as { best: number }).best, 7);
      assert.equal((ok.claim.current.fatalities as { best: number }).best, 8);
      assert.deepEqual((ok.claim.current.fatalities as { byCategory: unknown }).byCategory, { civilians: 7 });
      assert.equal(ok.claim.current.injured, 3);
      assert.equal(ok.claim.quotes[0]!.text, '7 people were killed');
    });

    test('roles: a viewer cannot review, an unknown user is named, only an admin adds users', async () => {
      const o = stored((await ingestReports(deps, { items: [{ source: 'v', bytes: bytes(reportText(7001)) }], actor: 't' })).outcomes[0]);
      await assert.rejects(reviewClaim(deps, { claimId: o.claimIds[0]!, action: 'confirm', user: 'vera' }), rejectsWith('forbidden', /vera is a viewer/));
      await assert.rejects(reviewClaim(deps, { claimId: o.claimIds[0]!, action: 'confirm', user: 'nobody' }), rejectsWith('not_found', /no user "nobody"/));
      await assert.rejects(reviewClaim(deps, { claimId: 999999, action: 'confirm', user: 'alice' }), rejectsWith('not_found', /no claim c999999/));
      await assert.rejects(addUser(deps, { name: 'x', role: 'analyst', by: 'alice' }), rejectsWith('forbidden'));
      await assert.rejects(addUser(deps, { name: 'alice', role: 'analyst', by: 'admin' }), rejectsWith('conflict'));
      const { token } = await addUser(deps, { name: 'bob', role: 'analyst', by: 'admin' });
      assert.equal((await authenticate(deps, token))?.name, 'bob');
      assert.equal(await authenticate(deps, token + 'x'), null);
      const hashes = await deps.store.query<{ token_hash: string }>("SELECT token_hash FROM users WHERE name = 'bob'");
      assert.notEqual(hashes[0]!.token_hash, token);
    });

    test('reextract adds a new extraction beside the old, never edits old decisions and carries them to the same claims', async () => {
      const o = stored((await ingestReports(deps, { items: [{ source: 'x', bytes: bytes(reportText(8001)) }], actor: 't' })).outcomes[0]);
      await reviewClaim(deps, { claimId: o.claimIds[0]!, action: 'reject', user: 'alice' });
      const same = await reextract(deps, { reports: [o.reportId], actor: 't' });
      assert.deepEqual(same.outcomes.map((x) => x.status), ['up_to_date']);
      const v2 = { ...deps, extractorVersion: 'test-2' };
      const out = await reextract(v2, { reports: [o.reportId, 99999], actor: 't' });
      assert.deepEqual(out.outcomes.map((x) => x.status), ['added', 'failed']);
      const shown = await show(deps, `r${o.reportId}`);
      assert.equal(shown.kind, 'report');
      if (shown.kind !== 'report') return;
      assert.deepEqual(shown.extractions.map((x) => x.extractorVersion), ['test-1', 'test-2']);
      // The same text read again gives the same claims: the rejection carries over to the first one's successor.
      assert.deepEqual(shown.extractions.map((x) => x.claims.map((c) => c.status)), [['rejected', 'proposed', 'proposed'], ['rejected', 'proposed', 'proposed']]);
      const added = out.outcomes[0]!;
      assert.ok(added.status === 'added' && added.carried.reviews === 1 && added.orphaned.reviews.length === 0, JSON.stringify(added));
      const all = await reextract(v2, { reports: 'all', actor: 't' });
      assert.ok(all.outcomes.some((x) => x.reportId === o.reportId && x.status === 'up_to_date'));
    });

    test('show and the queue quote the words each claim came from', async () => {
      const o = stored((await ingestReports(deps, { items: [{ source: 's', bytes: bytes(reportText(9001, 12)) }], actor: 't' })).outcomes[0]);
      const c = await showClaim(deps, o.claimIds[0]!);
      assert.equal(c.claim.quotes[0]!.text, '12 people were killed');
      assert.equal(c.report.outlet, 'Test Wire');
      const bySha = await show(deps, o.sha256.slice(0, 10));
      assert.equal(bySha.kind === 'report' && bySha.report.reportId, o.reportId);
      const page = await listReviewQueue(deps, { kind: 'incident', limit: 500 });
      const item = page.items.find((i) => i.claimId === o.claimIds[0]);
      assert.equal(item?.quotes[0]?.text, '12 people were killed');
      assert.ok(page.counts.proposed > 0 && page.counts.rejected >= 1 && page.counts.corrected >= 1);
      await assert.rejects(show(deps, '12'), rejectsWith('invalid_input'));
    });

    test('after all of the above the audit chain verifies', async () => {
      const v = await verifyAudit(deps);
      assert.equal(v.ok, true);
      assert.ok(v.entries > 10);
    });
  });
}
