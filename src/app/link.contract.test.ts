// Linking and tallies over the store, on every engine, with the real extractor: the founding Latakia tally, a merge,
// an undo, a split, roles and the audit trail.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { MarsadError } from '../domain/errors.js';
import { extract } from '../extract/index.js';
import { packageRoot } from '../shared/package-root.js';
import { engines } from '../../test/support/engines.js';
import { verifyAudit } from './audit.js';
import type { AppDeps } from './deps.js';
import { ingestReports, type IngestOutcome } from './ingest.js';
import { decideLink, listClusters, proposeLinks } from './link.js';
import { reextract } from './reextract.js';
import { showClaim } from './show.js';
import { decideTollLink, listTollCoverage, orphanedDecisions } from './toll-coverage.js';
import { reviewClaim } from './review.js';
import { tally } from './tally.js';
import { addUser } from './users.js';

const built = existsSync(join(packageRoot(), 'build', 'gazetteer', 'lexicon.json'));
let clock = 0;
const now = () => new Date(Date.UTC(2025, 5, 10, 9, 0, clock++)).toISOString();

const FOUNDING = readFileSync(join(packageRoot(), 'examples', 'founding-latakia.txt'));
// One strike, two outlets, two spellings of the town and of a victim, two figures (FORMAT.md report files).
const STRIKE_A = `outlet: Gaza Now
published: 2025-06-03
url: unknown

Twelve killed in Khan Younis strike
An Israeli airstrike on a house in Khan Younis killed 12 people on 3 June 2025, the civil defence said. Ahmed Abu Salah, 41, was among the dead.
`;
const STRIKE_B = `outlet: Palestine Chronicle Daily
published: 2025-06-04
url: unknown

Khan Yunis airstrike
An Israeli air strike on a family home in Khan Yunis on Tuesday killed 15 people, medics said. Ahmad Abusalah, 42, was among those killed.
`;
const STRIKE_WINDOW = { place: 'Khan Yunis', from: '2025-06-03', to: '2025-06-03' };
const LATAKIA = { place: 'Latakia', from: '2025-03-06', to: '2025-03-07' };

function rejectsWith(code: MarsadError['code'], re?: RegExp) {
  return (err: unknown) => err instanceof MarsadError && err.code === code && (!re || re.test(err.message));
}

function stored(o: IngestOutcome | undefined) {
  assert.equal(o?.status, 'stored', JSON.stringify(o));
  return o as Extract<IngestOutcome, { status: 'stored' }>;
}

async function ingestOne(deps: AppDeps, source: string, bytes: Uint8Array) {
  return stored((await ingestReports(deps, { items: [{ source, bytes }], actor: 'test' })).outcomes[0]);
}

async function confirmAll(deps: AppDeps, claimIds: readonly number[]) {
  for (const claimId of claimIds) await reviewClaim(deps, { claimId, action: 'confirm', user: 'alice' });
}

for (const engine of await engines()) {
  describe(`linking and tallies: ${engine.name}`, { skip: engine.skip ?? (!built && 'gazetteer not built') }, () => {
    let deps: AppDeps;
    before(async () => {
      deps = { store: await engine.fresh(), extract, extractorVersion: 'test-link', now };
      await addUser(deps, { name: 'admin', role: 'admin', by: null, operator: 'local:test' });
      await addUser(deps, { name: 'alice', role: 'analyst', by: 'admin' });
      await addUser(deps, { name: 'vera', role: 'viewer', by: 'admin' });
    });
    after(() => engine.teardown());

    test('founding example: nothing reviewed is an empty tally; proposed or confirmed, Latakia 6–7 March is 124 and the student is no 125th', async () => {
      const o = await ingestOne(deps, 'founding-latakia.txt', FOUNDING);
      const empty = await tally(deps, LATAKIA);
      assert.deepEqual([empty.low, empty.best, empty.high, empty.groups], [0, 0, 0, []]);
      assert.ok(empty.notes.some((n) => /proposed claim\(s\) are not counted/.test(n)), empty.notes.join('\n'));

      const proposed = await tally(deps, { ...LATAKIA, includeProposed: true });
      assert.deepEqual([proposed.low, proposed.best], [124, 124], proposed.notes.join('\n'));

      await confirmAll(deps, o.claimIds);
      const t = await tally(deps, LATAKIA);
      assert.deepEqual([t.low, t.best], [124, 124], t.notes.join('\n'));
      assert.equal(t.counted.victims, 1, 'the named student is a counted victim record');
      assert.equal(t.groups.length, 1);
      const g = t.groups[0]!;
      assert.equal(g.persons, 1);
      assert.deepEqual(g.sources.filter((s) => s.kind === 'incident').map((s) => s.figure).sort((a, b) => a! - b!), [52, 72]);
      for (const s of g.sources) {
        assert.equal(s.report, `r${o.reportId}`);
        assert.equal(s.outlet, 'Kurdistan24');
        assert.match(s.claim, /^c\d+$/);
      }
      assert.ok(g.sources.some((s) => s.kind === 'toll' && s.figure === 124), JSON.stringify(g.sources));
      const byCategory = await tally(deps, { ...LATAKIA, by: 'category' });
      assert.equal(byCategory.low, 124);
      assert.equal(byCategory.groups.find((x) => x.key === 'stateForces')?.best, 36);
    });

    test('two reports of one strike: one proposal; merge counts it once with both figures and sources; undo counts it twice again', async () => {
      const a = await ingestOne(deps, 'strike-a.txt', Buffer.from(STRIKE_A));
      const b = await ingestOne(deps, 'strike-b.txt', Buffer.from(STRIKE_B));
      await confirmAll(deps, [...a.claimIds, ...b.claimIds]);
      const strike = new Set([`r${a.reportId}`, `r${b.reportId}`]);

      const links = await proposeLinks(deps, { kind: 'incident' });
      const mine = links.pairs.filter((p) => p.records.some((r) => strike.has(r.report)));
      assert.equal(mine.length, 1, JSON.stringify(links.pairs, null, 1));
      const p = mine[0]!;
      assert.ok(p.proposed && p.score! >= 2.4 && p.decision === null);
      assert.deepEqual(new Set(p.records.map((r) => r.report)), strike);
      assert.ok(p.reasons.some((r) => /same place/.test(r)), p.reasons.join('; '));
      assert.ok(links.pending >= 1);

      const separate = await tally(deps, STRIKE_WINDOW);
      assert.deepEqual([separate.low, separate.best, separate.high], [27, 27, 27]);
      assert.equal(separate.groups[0]!.events, 2);
      assert.ok(separate.notes.some((n) => /1 link proposal\(s\).*await review/.test(n)), separate.notes.join('\n'));

      await assert.rejects(decideLink(deps, { a: p.a, b: p.b, verdict: 'merge', user: 'vera' }), rejectsWith('forbidden', /vera is a viewer/));
      await assert.rejects(decideLink(deps, { a: p.a, b: p.b, verdict: 'merge', user: 'nobody' }), rejectsWith('not_found'));
      await assert.rejects(decideLink(deps, { a: p.a, b: p.a, verdict: 'merge', user: 'alice' }), rejectsWith('invalid_input', /itself/));
      await assert.rejects(decideLink(deps, { a: p.a, b: p.b, verdict: 'undo', user: 'alice' }), rejectsWith('conflict', /nothing to undo/));

      const merged = await decideLink(deps, { a: p.b, b: p.a, verdict: 'merge', user: 'alice', comment: 'same house, same day' });
      assert.equal(merged.kind, 'incident');
      assert.deepEqual([merged.a, merged.b], [p.a, p.b].sort((x, y) => Number(x.slice(1)) - Number(y.slice(1))));
      assert.equal(merged.previous, null);
      await assert.rejects(decideLink(deps, { a: p.a, b: p.b, verdict: 'merge', user: 'admin' }), rejectsWith('conflict', /already merged \(by alice/));

      const once = await tally(deps, STRIKE_WINDOW);
      assert.deepEqual([once.low, once.best, once.high], [12, 12, 15], once.notes.join('\n'));
      const g = once.groups[0]!;
      assert.equal(g.events, 1);
      assert.deepEqual(new Set(g.sources.map((s) => s.outlet)), new Set(['Gaza Now', 'Palestine Chronicle Daily']));
      assert.deepEqual(new Set(g.sources.map((s) => s.report)), strike);
      assert.deepEqual(g.sources.map((s) => s.figure).sort((x, y) => x! - y!), [12, 15]);
      assert.deepEqual(g.conflicts[0]!.figures.map((f) => f.best).sort((x, y) => x - y), [12, 15]);
      assert.ok(!once.notes.some((n) => /await review/.test(n)));

      const clusters = await listClusters(deps, { kind: 'incident' });
      const c = clusters.clusters.find((x) => x.members.some((m) => strike.has(m.report)))!;
      assert.equal(c.members.length, 2);
      assert.ok(c.links.some((l) => l.reviewed), JSON.stringify(c.links));
      assert.equal((await proposeLinks(deps, { kind: 'incident' })).pairs.find((x) => x.a === p.a && x.b === p.b)?.decision?.verdict, 'merge');

      const undone = await decideLink(deps, { a: p.a, b: p.b, verdict: 'undo', user: 'alice', comment: 'two strikes after all?' });
      assert.equal(undone.previous, 'merge');
      const twice = await tally(deps, STRIKE_WINDOW);
      assert.deepEqual([twice.low, twice.best, twice.high], [27, 27, 27]);

      // With proposed data the scorer's link applies; an analyst's split overrides it, and undoing the split restores it.
      assert.equal((await tally(deps, { ...STRIKE_WINDOW, includeProposed: true })).best, 12);
      await decideLink(deps, { a: p.a, b: p.b, verdict: 'split', user: 'admin' });
      assert.equal((await tally(deps, { ...STRIKE_WINDOW, includeProposed: true })).best, 27);
      await decideLink(deps, { a: p.a, b: p.b, verdict: 'undo', user: 'admin' });
      assert.equal((await tally(deps, { ...STRIKE_WINDOW, includeProposed: true })).best, 12);

      const audit = await deps.store.query<{ action: string; actor: string; entity: string; entity_id: string }>(
        "SELECT action, actor, entity, entity_id FROM audit_log WHERE action LIKE 'link.%' ORDER BY seq",
      );
      assert.deepEqual(audit.map((x) => [x.action, x.actor]), [['link.merge', 'alice'], ['link.undo', 'alice'], ['link.split', 'admin'], ['link.undo', 'admin']]);
      assert.ok(audit.every((x) => x.entity === 'incident_link' && x.entity_id === `${merged.a}/${merged.b}`));
      const rows = await deps.store.query<{ n: number }>('SELECT count(*) AS n FROM link_decisions');
      assert.equal(rows[0]!.n, 4);
      const verified = await verifyAudit(deps);
      assert.ok(verified.ok, JSON.stringify(verified.firstBreak));
    });

    test('decisions are append-only; tolls and mixed kinds cannot be linked; bad tally queries are named', async () => {
      await assert.rejects(deps.store.query("UPDATE link_decisions SET verdict = 'merge'"), /forbidden/);
      await assert.rejects(deps.store.query('DELETE FROM link_decisions'), /forbidden/);
      const claims = await deps.store.query<{ id: number; kind: string }>('SELECT id, kind FROM claims ORDER BY id');
      const of = (k: string) => claims.filter((c) => c.kind === k).map((c) => c.id);
      await assert.rejects(decideLink(deps, { a: of('toll')[0]!, b: of('toll')[1]!, verdict: 'merge', user: 'alice' }), rejectsWith('invalid_input', /toll/));
      await assert.rejects(decideLink(deps, { a: of('incident')[0]!, b: of('victim')[0]!, verdict: 'merge', user: 'alice' }), rejectsWith('invalid_input', /two incidents or two victims/));
      await assert.rejects(decideLink(deps, { kind: 'victim', a: of('incident')[0]!, b: of('incident')[1]!, verdict: 'merge', user: 'alice' }), rejectsWith('invalid_input', /not a victim/));
      await assert.rejects(decideLink(deps, { a: 'c999998', b: 'c999999', verdict: 'merge', user: 'alice' }), rejectsWith('not_found', /no claim/));
      await assert.rejects(tally(deps, { from: '2025-02-30' }), rejectsWith('invalid_input', /calendar date/));
      await assert.rejects(tally(deps, { from: '2025-03-08', to: '2025-03-07' }), rejectsWith('invalid_input', /starts/));
      await assert.rejects(tally(deps, { by: 'weather' as never }), rejectsWith('invalid_input', /--by/));
    });

    test('victims: one person across two reports is proposed, merged (kind inferred) and audited', async () => {
      const victims = await proposeLinks(deps, { kind: 'victim' });
      assert.equal(victims.records, 3, 'the student and the two spellings of one man');
      assert.equal(victims.pairs.length, 1, JSON.stringify(victims.pairs, null, 1));
      const p = victims.pairs[0]!;
      assert.deepEqual(p.records.map((r) => r.summary.replace(/ \(.*/, '')).sort(), ['Ahmad Abusalah', 'Ahmed Abu Salah']);
      assert.ok(p.reasons.some((r) => /names/.test(r)));
      const d = await decideLink(deps, { a: p.a, b: p.b, verdict: 'merge', user: 'alice' });
      assert.equal(d.kind, 'victim');
      const clusters = await listClusters(deps, { kind: 'victim' });
      assert.equal(clusters.clusters.length, 1);
      assert.ok(clusters.clusters[0]!.reviewed);
      const audit = await deps.store.query<{ entity: string }>("SELECT entity FROM audit_log WHERE action = 'link.merge' ORDER BY seq DESC LIMIT 1");
      assert.equal(audit[0]!.entity, 'victim_link');
      assert.ok((await verifyAudit(deps)).ok);
    });

    test('toll coverage: the founding toll of 124 covers the 52 and the 72, consistent; attach, detach and undo are audited and the tally follows', async () => {
      const claims = await deps.store.query<{ id: number; kind: string; report_id: number; best: number | null }>(
        "SELECT id, kind, report_id, (data->'fatalities'->>'best')::int AS best FROM claims ORDER BY id",
      );
      const tollId = claims.find((c) => c.kind === 'toll' && c.best === 124)!.id;
      const founding = claims.find((c) => c.id === tollId)!.report_id;
      const [i52, i72] = [52, 72].map((b) => claims.find((c) => c.kind === 'incident' && c.report_id === founding && c.best === b)!.id) as [number, number];
      const strike = claims.find((c) => c.kind === 'incident' && c.report_id !== founding)!.id;
      const coverage = async () => (await listTollCoverage(deps)).tolls.find((t) => t.claim === `c${tollId}`)!;

      const c = await coverage();
      assert.deepEqual(c.events.map((e) => e.best), [72, 52]);
      assert.deepEqual(c.events.flatMap((e) => e.incidents.map((i) => [i.claim, i.ownReport, i.report])), [[`c${i72}`, true, `r${founding}`], [`c${i52}`, true, `r${founding}`]]);
      assert.deepEqual([c.sum.best, c.coverage, c.unexplained, c.excess], [124, 'consistent', 0, 0]);
      const shown = await showClaim(deps, tollId);
      assert.deepEqual(shown.coverage, c, 'show reads the claims around the toll’s window and finds the same coverage as the full listing');
      assert.equal((await showClaim(deps, i52)).coverage, undefined, 'incidents have no coverage');
      const t = await tally(deps, LATAKIA);
      assert.deepEqual(t.groups[0]!.sources.find((s) => s.kind === 'toll' && s.claim === `c${tollId}`)?.covers?.sort(), [`c${i52}`, `c${i72}`].sort());

      await assert.rejects(decideTollLink(deps, { toll: tollId, incident: i72, verdict: 'detach', user: 'vera' }), rejectsWith('forbidden'));
      await assert.rejects(decideTollLink(deps, { toll: i52, incident: i72, verdict: 'attach', user: 'alice' }), rejectsWith('invalid_input', /not a toll/));
      await assert.rejects(decideTollLink(deps, { toll: tollId, incident: i72, verdict: 'undo', user: 'alice' }), rejectsWith('conflict', /nothing to undo/));
      const detached = await decideTollLink(deps, { toll: `c${tollId}`, incident: `c${i72}`, verdict: 'detach', user: 'alice', comment: 'the clashes are counted apart' });
      assert.equal(detached.previous, null);
      await assert.rejects(decideTollLink(deps, { toll: tollId, incident: i72, verdict: 'detach', user: 'admin' }), rejectsWith('conflict', /already detached/));
      await decideTollLink(deps, { toll: tollId, incident: strike, verdict: 'attach', user: 'admin' });
      const d = await coverage();
      assert.deepEqual(d.detached, [`c${i72}`]);
      assert.deepEqual(d.events.flatMap((e) => e.incidents.map((i) => [i.claim, i.reason])), [[`c${i52}`, 'component'], [`c${strike}`, 'attached']]);
      assert.deepEqual(d.decisions.map((x) => [x.incident, x.verdict, x.by]), [[`c${i72}`, 'detach', 'alice'], [`c${strike}`, 'attach', 'admin']]);
      assert.deepEqual((await showClaim(deps, tollId)).coverage, d, 'an incident attached from far away is read by the scoped show too');
      // Outside the toll, the 72 add to it: the 124 are 52 and 72 known only from the toll.
      assert.equal((await tally(deps, LATAKIA)).low, 124 + 72);

      assert.equal((await decideTollLink(deps, { toll: tollId, incident: strike, verdict: 'undo', user: 'admin' })).previous, 'attach');
      assert.equal((await decideTollLink(deps, { toll: tollId, incident: i72, verdict: 'undo', user: 'alice' })).previous, 'detach');
      assert.deepEqual([(await coverage()).sum.best, (await tally(deps, LATAKIA)).low], [124, 124]);

      await assert.rejects(deps.store.query("UPDATE toll_decisions SET verdict = 'attach'"), /forbidden/);
      const audit = await deps.store.query<{ action: string; entity_id: string }>("SELECT action, entity_id FROM audit_log WHERE action LIKE 'toll.%' ORDER BY seq");
      assert.deepEqual(audit.map((x) => x.action), ['toll.detach', 'toll.attach', 'toll.undo', 'toll.undo']);
      assert.equal(audit[0]!.entity_id, `c${tollId}/c${i72}`);
      assert.ok((await verifyAudit(deps)).ok);
    });

    test('re-extraction carries reviews and decisions to the claims that are the same value; what has no successor is orphaned and listed', async () => {
      const claims = await deps.store.query<{ id: number; kind: string; report_id: number; best: number | null }>(
        "SELECT id, kind, report_id, (data->'fatalities'->>'best')::int AS best FROM claims ORDER BY id",
      );
      const tollId = claims.find((c) => c.kind === 'toll' && c.best === 124)!.id;
      const founding = claims.find((c) => c.id === tollId)!.report_id;
      const i72 = claims.find((c) => c.kind === 'incident' && c.report_id === founding && c.best === 72)!.id;
      await decideTollLink(deps, { toll: tollId, incident: i72, verdict: 'detach', user: 'alice' });
      const victimMerge = (await proposeLinks(deps, { kind: 'victim' })).pairs.find((p) => p.decision?.verdict === 'merge')!;
      const [strikeA, strikeB] = victimMerge.records.map((r) => Number(r.report.slice(1)));
      const before = await tally(deps, LATAKIA);

      const v2 = { ...deps, extractorVersion: 'test-link-2' };
      const out = await reextract(v2, { reports: [founding, strikeA!], actor: 'alice' });
      const [f, a] = out.outcomes;
      assert.ok(f?.status === 'added' && a?.status === 'added', JSON.stringify(out.outcomes));
      assert.deepEqual(f.carried, { reviews: 5, links: 0, tollLinks: 1 });
      assert.deepEqual(a.carried, { reviews: 2, links: 1, tollLinks: 0 });
      assert.deepEqual([f.orphaned, a.orphaned], [{ reviews: [], decisions: [] }, { reviews: [], decisions: [] }]);
      // The new claims count now, with the same verdicts: the same tally, the detach on the new toll and 72.
      const after = await tally(deps, LATAKIA);
      assert.deepEqual([after.low, after.best], [before.low, before.best]);
      assert.ok(after.groups[0]!.sources.every((s) => Number(s.claim.slice(1)) > Math.max(...claims.map((c) => c.id))), 'the sources are the new claims');
      const moved = (await listTollCoverage(deps)).tolls.find((t) => t.figure.best === 124 && t.report === `r${founding}`)!;
      assert.notEqual(moved.claim, `c${tollId}`);
      assert.equal(moved.detached.length, 1);
      assert.deepEqual(await orphanedDecisions(deps), []);
      assert.equal((await proposeLinks(deps, { kind: 'victim' })).pairs.filter((p) => p.decision?.verdict === 'merge').length, 1);

      // An extractor that reads the victim's name otherwise gives her no successor: the merge and the review are orphaned.
      const renamed = { ...deps, extractorVersion: 'test-link-3', extract: (r: Parameters<typeof extract>[0]) => {
        const x = extract(r);
        return { ...x, victims: x.victims.map((v) => ({ ...v, name: 'Someone Else' })) };
      } };
      const b = (await reextract(renamed, { reports: [strikeB!], actor: 'alice' })).outcomes[0]!;
      assert.ok(b.status === 'added');
      assert.equal(b.orphaned.reviews.length, 1);
      assert.deepEqual(b.orphaned.decisions.map((x) => [x.kind, x.verdict]), [['victim', 'merge']]);
      const orphans = await orphanedDecisions(deps);
      assert.deepEqual(orphans.map((o) => [o.kind, o.verdict, o.behind.map((x) => x.report)]), [['victim', 'merge', [`r${strikeB}`]]]);

      const audit = await deps.store.query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE '%.carry' ORDER BY seq");
      assert.deepEqual([...new Set(audit.map((x) => x.action))].sort(), ['claim.carry', 'link.carry', 'toll.carry']);
      const carriedReviews = await deps.store.query<{ n: number }>('SELECT count(*) AS n FROM reviews WHERE carried_from IS NOT NULL');
      assert.ok(Number(carriedReviews[0]!.n) >= 7);
      assert.ok((await verifyAudit(deps)).ok);
    });
  });
}
