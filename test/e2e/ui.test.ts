// The web UI in real headless Chromium (Debian's, driven by playwright-core): `marsad serve` from dist over a fresh PGlite
// store; an analyst pastes the founding example, reviews the 52 and the 72, sees the Latakia tally of 124 and a point near
// Latakia on the map over the Latakia governorate's boundary, downloads the CSV export of the tally's filters, corrects a
// figure that the audit log then shows, sees the toll of 124 covering 52 + 72 and detaches / re-attaches one; a viewer
// cannot reach the review queue and sees reviewed tolls without the buttons.
// Screenshots of every page go to test-artifacts/ (git-ignored). Without /usr/bin/chromium the suite skips, unless CI is set.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.MARSAD_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = join(root, 'test-artifacts');
const cli = join(root, 'dist', 'cli.js');

function skipReason(): string | false {
  const missing = [
    !existsSync(CHROMIUM) && `${CHROMIUM} is missing (apt-get install chromium)`,
    !existsSync(cli) && 'dist/cli.js is missing (npm run build)',
    !existsSync(join(root, 'dist', 'web', 'index.html')) && 'dist/web is missing (npm run build:web)',
  ].filter((x): x is string => typeof x === 'string');
  if (missing.length === 0) return false;
  // On CI a missing browser or build is a failure, not a skip.
  if (process.env.CI) throw new Error(`e2e: ${missing.join('; ')}`);
  return `e2e skipped: ${missing.join('; ')}`;
}
const skip = skipReason();

const founding = await readFile(join(root, 'examples', 'founding-latakia.txt'), 'utf8');
/** The body of the report file: what follows the header and its blank line. */
const foundingBody = founding.slice(founding.indexOf('\n\n') + 2);

function addUser(data: string, name: string, role: string): string {
  const r = spawnSync(process.execPath, [cli, 'user', 'add', name, '--role', role, '--data', data], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
  const m = /token: (\S+)/.exec(r.stdout);
  assert.ok(m, `user add ${name}: ${r.stdout}${r.stderr}`);
  return m[1]!;
}

function startServe(data: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data', data], { cwd: root, env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`marsad serve printed no address: ${out}`)), 30_000);
    const on = (d: Buffer) => {
      out += d.toString();
      const m = /serving (http:\/\/\S+)\/api .*UI: (.*)\)/.exec(out);
      if (m) {
        clearTimeout(timer);
        if (m[2] === 'not built') reject(new Error('marsad serve found no built UI'));
        else resolve({ child, url: m[1]! });
      }
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    child.once('exit', (code) => reject(new Error(`marsad serve exited ${code}: ${out}`)));
  });
}

describe('web UI in headless Chromium', { skip }, () => {
  let dir: string;
  let server: { child: ChildProcess; url: string };
  let browser: Browser;
  const token: Record<string, string> = {};
  /** Requests to anywhere but the server, and errors in the console (a CSP violation is one): both must stay empty. */
  const foreign: string[] = [];
  const consoleErrors: string[] = [];
  /** The founding example's tolls: "at least 124" (left proposed) and the headline's "over 120" (corrected to 121). */
  const tollClaim: { c124?: string; headline?: string } = {};

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marsad-e2e-'));
    await mkdir(ARTIFACTS, { recursive: true });
    const data = join(dir, 'data');
    // One admin from the command line (each CLI start opens the store: seconds), the others through the API.
    const admin = addUser(data, 'ada', 'admin');
    server = await startServe(data);
    for (const [name, role] of [['ana', 'analyst'], ['vic', 'viewer']] as const) {
      const res = await fetch(`${server.url}/api/users`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ name, role }) });
      assert.equal(res.status, 201);
      token[role] = ((await res.json()) as { token: string }).token;
    }
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
    if (server) {
      const exited = new Promise((r) => server.child.once('exit', r));
      server.child.kill('SIGTERM');
      await exited;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function login(role: 'analyst' | 'viewer'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(server.url + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
    });
    page.on('console', (m) => {
      // Before logging in, GET /api/me answers 401: expected, and the browser logs it.
      if (m.type() === 'error' && !/status of 401/.test(m.text())) consoleErrors.push(`${role}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${role}: ${e.message}`));
    await page.goto(server.url + '/');
    await page.fill('input[name=token]', token[role]!);
    await page.click('button[type=submit]');
    await page.waitForSelector(`.who[data-role=${role}]`);
    return { context, page };
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `ui-${name}.png`), fullPage: true });

  test('analyst: paste the founding example, confirm the 52 and the 72, see the tally of 124, the map point, the audit entry', async () => {
    const { context, page } = await login('analyst');
    await shot(page, 'home-analyst');

    // Paste.
    await page.click('a[data-nav=paste]');
    await page.fill('input[name=outlet]', 'Kurdistan24');
    await page.fill('input[name=published]', '2025-03-07');
    await page.fill('textarea[name=text]', foundingBody);
    await shot(page, 'paste');
    await page.click('form button[type=submit]');
    await page.waitForSelector('[data-testid=ingested]');
    await page.click('[data-testid=ingested] a');

    // The review queue: the values are marked where they stand in the text.
    const mark52 = page.locator('mark.hl-figure', { hasText: '52 Alawite men' }).first();
    const mark72 = page.locator('mark.hl-figure', { hasText: '72 more people' }).first();
    await mark52.waitFor();
    await mark72.waitFor();
    const c52 = (await mark52.getAttribute('data-claim'))!;
    const c72 = (await mark72.getAttribute('data-claim'))!;
    assert.notEqual(c52, c72);
    assert.ok((await page.locator('mark.hl-place', { hasText: 'Al-Mukhtariya' }).count()) >= 1, 'places are marked too');
    // Report text is text: the paste went through no HTML parser.
    assert.equal(await page.locator('.report-text script').count(), 0);
    await shot(page, 'review');

    // Click the 52, see it, confirm it with the keyboard.
    await mark52.click();
    await page.waitForSelector(`[data-claim-card="${c52}"]`);
    assert.match((await page.textContent('[data-testid=fatalities]'))!, /52/);
    await page.keyboard.press('c');
    await page.waitForSelector(`[data-chip="${c52}"].st-confirmed`);
    // The 72 with the button.
    await mark72.click();
    await page.waitForSelector(`[data-claim-card="${c72}"]`);
    assert.match((await page.textContent('[data-testid=fatalities]'))!, /72/);
    await page.click('button[data-action=confirm]');
    await page.waitForSelector(`[data-chip="${c72}"].st-confirmed`);

    // j / k move through the claims.
    const before = await page.getAttribute('[data-claim-card]', 'data-claim-card');
    await page.keyboard.press('j');
    await page.waitForFunction((b) => document.querySelector('[data-claim-card]')?.getAttribute('data-claim-card') !== b, before);
    await page.keyboard.press('k');
    await page.waitForFunction((b) => document.querySelector('[data-claim-card]')?.getAttribute('data-claim-card') === b, before);

    // The headline says "Over 120": correct that toll's figure to 121 with the correction form.
    const headline = page.locator('mark.hl-figure', { hasText: '120' }).first();
    await headline.click();
    const cHead = (await page.getAttribute('[data-claim-card]', 'data-claim-card'))!;
    await page.click('button[data-action=correct]');
    await page.fill('form.correction input[name=best]', '121');
    await page.fill('form.correction input[name=comment]', 'over 120 means at least 121');
    await page.click('form.correction button[type=submit]');
    await page.waitForSelector(`[data-chip="${cHead}"].st-corrected`);
    await shot(page, 'review-decided');
    tollClaim.headline = cHead;

    // The toll of 124 ("at least 124 since Thursday"), still proposed: it covers the 52 and the 72, which add up to it.
    const chip124 = page.locator('[data-chip]', { hasText: /\btoll 124\b/ }).first();
    const c124 = (await chip124.getAttribute('data-chip'))!;
    tollClaim.c124 = c124;
    await chip124.click();
    await page.waitForSelector(`[data-claim-card="${c124}"] [data-testid=toll-sum][data-coverage=consistent][data-sum="124"][data-unexplained="0"]`);
    await shot(page, 'review-toll');
    await page.goto(`${server.url}/#/tolls/${c124}`);
    const sum = page.locator(`[data-toll-page="${c124}"] [data-testid=toll-sum]`);
    await sum.waitFor();
    assert.match((await sum.textContent())!, /at least 124.*(52 \+ 72|72 \+ 52) = 124.*consistent/);
    assert.deepEqual((await page.$$eval('[data-covered]', (rows) => rows.map((r) => r.getAttribute('data-covered')))).sort(), [c52, c72].sort());
    await shot(page, 'toll');
    // Detach the 72: 52 inside, 72 known only from the toll; undo: back to 124.
    await page.click(`button[data-toll-action=detach][data-incident="${c72}"]`);
    await page.waitForSelector(`[data-testid=toll-sum][data-state=remainder][data-sum="52"][data-unexplained="72"]`);
    await page.waitForSelector(`[data-testid=toll-detached] [data-detached="${c72}"]`);
    await shot(page, 'toll-detached');
    await page.click(`[data-detached="${c72}"] button[data-toll-action=undo]`);
    await page.waitForSelector(`[data-testid=toll-sum][data-state=consistent][data-sum="124"]`);
    const tollAudit = (await (await context.request.get(`${server.url}/api/audit?entity=toll_link`)).json()) as { items: { action: string; actor: string; entityId: string }[] };
    assert.deepEqual(
      tollAudit.items.map((e) => [e.action, e.actor, e.entityId]),
      [
        ['toll.detach', 'ana', `${c124}/${c72}`],
        ['toll.undo', 'ana', `${c124}/${c72}`],
      ],
    );

    // The audit log shows the correction, in the UI and in the API.
    await page.click('a[data-nav=audit]');
    const row = page.locator(`tr[data-action="claim.correct"][data-entity="${cHead}"]`);
    await row.waitFor();
    assert.match((await row.textContent())!, /ana/);
    assert.match((await row.textContent())!, /best 121/);
    await shot(page, 'audit');
    const audit = (await (await context.request.get(`${server.url}/api/audit?entityId=${cHead}`)).json()) as { items: { action: string; actor: string }[] };
    assert.deepEqual(
      audit.items.map((e) => [e.action, e.actor]),
      [['claim.correct', 'ana']],
    );

    // Tallies: Latakia, reviewed claims only: 52 + 72.
    await page.click('a[data-nav=tallies]');
    await page.fill('input[name=place]', 'Latakia');
    await page.click('.filters button[type=submit]');
    await page.waitForSelector('[data-testid=tally-total][data-best="124"]');
    await shot(page, 'tallies');

    // Export with the same filters: the CSV button downloads the flat table of the two Latakia incidents.
    await page.waitForSelector('[data-testid=exports] a[data-export=csv][href="/api/export/csv?place=Latakia"]');
    assert.equal(await page.locator('[data-testid=exports] a[data-export=json]').count(), 0, 'the full dump is for admins only');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-export=csv]')]);
    assert.equal(download.suggestedFilename(), 'marsad-csv.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    const [header, ...records] = csv.trim().split(/\r?\n/);
    assert.match(header!, /^claim,status,key,event_type,sub_event_type,date_start,date_end,/);
    assert.deepEqual(records.map((r) => r.split(',')[0]).sort(), [c52, c72].sort());

    // The map: points near Latakia over the shipped boundaries, no tiles.
    await page.click('a[data-nav=map]');
    await page.waitForSelector('path.incident-marker');
    await page.waitForSelector('[data-testid=map][data-countries]');
    assert.ok(Number(await page.getAttribute('[data-testid=map]', 'data-countries')) > 100, 'country boundaries drawn');
    assert.equal(await page.locator('.leaflet-tile').count(), 0, 'no tiles');
    const points = await page.$$eval('path.incident-marker', (els) => els.map((e) => ({ claim: e.getAttribute('data-claim'), lat: Number(e.getAttribute('data-lat')), lng: Number(e.getAttribute('data-lng')) })));
    assert.ok(
      points.some((p) => Math.abs(p.lat - 35.52) < 0.5 && Math.abs(p.lng - 35.79) < 0.5),
      `a point near Latakia in ${JSON.stringify(points)}`,
    );
    assert.ok(points.some((p) => p.claim === c52) && points.some((p) => p.claim === c72));
    // Syria's governorates are drawn under the points, from the files shipped with the UI, the Latakia one named on hover.
    const latakia = page.locator('path.region[data-region="SY-LA"]');
    await latakia.waitFor({ state: 'attached' });
    assert.equal(await latakia.getAttribute('data-region-name'), 'Latakia');
    assert.match((await page.getAttribute('[data-testid=map]', 'data-region-countries'))!, /\bSY\b/);
    assert.ok((await page.locator('path.region[data-region^="SY-"]').count()) >= 14, 'all 14 governorates');
    assert.ok((await latakia.getAttribute('d'))!.length > 50, 'the Latakia boundary has a shape');
    assert.equal(await page.locator('.leaflet-overlay-pane path.incident-marker').count(), points.length, 'points above the boundaries');
    await latakia.dispatchEvent('mouseover');
    await page.waitForSelector('.region-tooltip:has-text("Latakia")');
    await latakia.dispatchEvent('mouseout');
    await shot(page, 'map');

    // The timeline: 124 on its first day, stacked by category.
    await page.click('a[data-nav=timeline]');
    await page.waitForSelector('[data-testid=timeline] g[data-best="124"]');
    assert.ok((await page.locator('[data-testid=timeline] rect[data-category]').count()) >= 3);
    await shot(page, 'timeline');

    // A second source on the executions, with another figure, reviewed through the API.
    const second = await context.request.post(`${server.url}/api/reports`, {
      data: {
        text: 'SOHR: 55 Alawite men executed in Latakia countryside\n\nThe Syrian Observatory for Human Rights said on Saturday that security forces executed 55 Alawite men in the villages of Al-Shir and Al-Mukhtariya in the countryside of Latakia on Friday.\n',
        published: '2025-03-08',
        outlet: 'SOHR',
      },
    });
    assert.equal(second.status(), 201);
    const c55 = ((await second.json()) as { claims: string[] }).claims[0]!;
    assert.equal((await context.request.post(`${server.url}/api/claims/${c55}/confirm`, { data: {} })).status(), 200);

    // The incident page: both sources side by side with their quotes, the conflicting figures, a merge and its history.
    await page.goto(`${server.url}/#/incidents/${c52}`);
    await page.waitForSelector(`[data-incident="${c52}"] [data-source="${c55}"]`);
    assert.match((await page.textContent(`[data-source="${c52}"]`))!, /Kurdistan24/);
    assert.match((await page.textContent(`[data-source="${c52}"] blockquote`))!, /52 Alawite men/);
    assert.match((await page.textContent(`[data-source="${c55}"] blockquote`))!, /55 Alawite men/);
    assert.match((await page.textContent('[data-testid=conflict]'))!, /52.*55/);
    await page.click('button[data-link-action=merge]');
    await page.waitForSelector(`[data-testid=history] [data-merge="${c52}/${c55}"]`);
    await page.waitForSelector('button[data-link-action=undo]');
    // The tolls that count it: both of the founding report (the proposed 124 too, for an analyst).
    await page.waitForSelector(`[data-testid=covering-tolls] tr[data-toll="${c124}"]`);
    await page.waitForSelector(`[data-testid=covering-tolls] tr[data-toll="${cHead}"]`);
    await shot(page, 'incident');

    // Merged with a different figure, the day's low–high band opens up.
    await page.click('a[data-nav=timeline]');
    await page.waitForSelector('[data-testid=timeline] g[data-day]');
    const days = await page.$$eval('[data-testid=timeline] g[data-day]', (gs) => gs.map((g) => ({ low: Number(g.getAttribute('data-low')), high: Number(g.getAttribute('data-high')) })));
    assert.ok(days.some((d) => d.high > d.low), `a band after the merge: ${JSON.stringify(days)}`);
    // The merged event is counted once: the days add up to the total of the tally.
    const place = await page.inputValue('.filters input[name=place]');
    const total = (await (await context.request.get(`${server.url}/api/tally?place=${encodeURIComponent(place)}`)).json()) as { best: number };
    const stacked = await page.$$eval('[data-testid=timeline] g[data-day]', (gs) => gs.reduce((a, g) => a + Number(g.getAttribute('data-best')), 0));
    assert.equal(stacked, total.best);
    await shot(page, 'timeline-merged');

    // Report text is shown as text: markup in it is neither parsed nor run.
    const hostile = await context.request.post(`${server.url}/api/reports`, {
      data: { text: 'Headline <script>window.__pwned = 1</script>\n\n<img src=x onerror="window.__pwned = 2"> Three people were killed in Homs on Monday.\n', published: '2025-03-10', outlet: 'Test <b>outlet</b>' },
    });
    assert.equal(hostile.status(), 201);
    const rHostile = ((await hostile.json()) as { report: string }).report;
    await page.goto(`${server.url}/#/review/${rHostile}`);
    await page.waitForSelector('.report-text');
    assert.match((await page.textContent('.report-text'))!, /<script>window.__pwned = 1<\/script>/);
    assert.equal(await page.locator('.report-text script, .report-text img, h1 b').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    await context.close();
  });

  test('viewer: no review queue in the UI, 403 from the API; reviewed incidents are there', async () => {
    const { context, page } = await login('viewer');
    assert.equal(await page.locator('a[data-nav=review]').count(), 0, 'no review link');
    assert.equal(await page.locator('a[data-nav=paste]').count(), 0, 'no paste link');
    await page.goto(`${server.url}/#/review`);
    await page.waitForSelector('[data-testid=forbidden]');
    assert.equal(await page.locator('mark.hl').count(), 0);
    await shot(page, 'viewer-review-forbidden');
    const res = await context.request.get(`${server.url}/api/claims?status=proposed`);
    assert.equal(res.status(), 403);
    assert.equal((await context.request.get(`${server.url}/api/reports/r1`)).status(), 403);
    await page.click('a[data-nav=incidents]');
    await page.waitForSelector('[data-testid=incidents] tbody tr a');
    await shot(page, 'viewer-incidents');
    // Tolls: the reviewed headline toll with what it covers, not the proposed 124; no attach or detach.
    await page.click('a[data-nav=tolls]');
    await page.waitForSelector(`[data-testid=tolls] tr[data-toll="${tollClaim.headline}"]`);
    assert.equal(await page.locator(`[data-testid=tolls] tr[data-toll="${tollClaim.c124}"]`).count(), 0, 'a proposed toll is not shown to a viewer');
    await page.click(`a[href="#/tolls/${tollClaim.headline}"]`);
    await page.waitForSelector('[data-testid=toll-sum][data-coverage=consistent]');
    assert.ok((await page.locator('[data-covered]').count()) >= 2);
    assert.equal(await page.locator('button[data-toll-action], input[name=attach-incident]').count(), 0);
    await shot(page, 'viewer-toll');
    assert.equal((await context.request.post(`${server.url}/api/tolls/${tollClaim.headline}/decisions`, { data: { incident: 'c1', verdict: 'detach' } })).status(), 403);
    await context.close();
  });

  test('no request left the server and no page logged an error', () => {
    assert.deepEqual(foreign, []);
    assert.deepEqual(consoleErrors, []);
  });
});
