// Tolls ("at least 124 in Latakia since Thursday"): the incidents each covers, their sum against the toll, and whether
// they fit it; analysts attach an incident the toll sums, detach one it does not, or undo either (audited by the server).
import { useEffect, useState } from 'preact/hooks';
import { api, fmt, mayReview, type ClaimDetail, type Me, type Tolls, type TollCoverage, type TollVerdict } from './api.js';

const QUALIFIER: Record<string, string> = { at_least: 'at least ', at_most: 'at most ', approx: 'about ' };

/** "at least 124" */
export const tollFigure = (t: TollCoverage) => `${QUALIFIER[t.qualifier] ?? ''}${fmt(t.figure.best)}`;

/** "72 + 52 = 124": each event inside once, as the server summed them. */
export function sumLine(t: TollCoverage): string {
  if (t.events.length === 0) return 'no incident inside';
  return t.events.length === 1 ? String(t.sum.best) : `${t.events.map((e) => e.best).join(' + ')} = ${t.sum.best}`;
}

/** consistent, exceeds, or consistent with a remainder only the toll knows of: the three states an analyst acts on. */
export type CoverageState = 'consistent' | 'exceeds' | 'remainder';
export const stateOf = (t: TollCoverage): CoverageState => (t.coverage === 'exceeds' ? 'exceeds' : t.unexplained > 0 ? 'remainder' : 'consistent');

export function verdictOf(t: TollCoverage): string {
  if (t.coverage === 'exceeds') return `exceeds the toll by ${t.excess}: conflicting sources`;
  if (t.unexplained > 0) return `consistent, ${t.unexplained} unexplained (known only from the toll)`;
  if (t.excess > 0) return `consistent (the toll is a floor; the incidents inside pass it by ${t.excess})`;
  return 'consistent';
}

const REASON: Record<string, string> = { component: 'summed by the toll’s report', contained: 'inside its area and window', attached: 'attached by an analyst' };

/** Where a covered incident can be read: its incident page once reviewed, its report's review for reviewers. */
function incidentHref(i: { claim: string; report: string; status: string }, reviewer: boolean): string | null {
  if (i.status === 'confirmed' || i.status === 'corrected') return `#/incidents/${i.claim}`;
  return reviewer ? `#/review/${i.report}` : null;
}

/** compact: the review page's narrow side pane, without the source, date and place columns. */
export function TollCoverageCard({ t, reviewer, onDecided, compact = false }: { t: TollCoverage; reviewer: boolean; onDecided: () => void; compact?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attach, setAttach] = useState('');
  const [comment, setComment] = useState('');
  const decide = async (incident: string, verdict: TollVerdict) => {
    setBusy(true);
    setError(null);
    try {
      await api.decideToll(t.claim, incident, verdict, comment.trim() || undefined);
      setAttach('');
      setComment('');
      onDecided();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const state = stateOf(t);
  return (
    <div class="toll-coverage" data-testid="toll-coverage" data-toll={t.claim}>
      <p class={`toll-sum cov-${state}`} data-testid="toll-sum" data-coverage={t.coverage} data-state={state} data-sum={t.sum.best} data-figure={t.figure.best ?? ''} data-unexplained={t.unexplained}>
        Toll of <strong>{tollFigure(t)}</strong> covers <strong>{sumLine(t)}</strong>: {verdictOf(t)}
      </p>
      {error && <p class="error">{error}</p>}
      <table class="data">
        <thead>
          <tr>
            <th>Incident</th>
            {!compact && (
              <>
                <th>Source</th>
                <th>Date</th>
                <th>Place</th>
              </>
            )}
            <th class="num">Killed</th>
            <th>Why inside</th>
            {reviewer && <th />}
          </tr>
        </thead>
        <tbody>
          {t.events.flatMap((e) =>
            e.incidents.map((i) => {
              const href = incidentHref(i, reviewer);
              return (
                <tr key={i.claim} data-covered={i.claim} data-reason={i.reason}>
                  <td>{href ? <a href={href}>{i.claim}</a> : i.claim}</td>
                  {!compact && (
                    <>
                      <td>
                        {i.outlet} <span class="muted">{i.report}</span>
                        {i.status === 'proposed' ? <span class="muted"> (proposed)</span> : null}
                      </td>
                      <td>{i.date ?? '–'}</td>
                      <td>{i.place ?? '–'}</td>
                    </>
                  )}
                  <td class="num">{fmt(i.figure)}</td>
                  <td>
                    {REASON[i.reason] ?? i.reason}
                    {i.ownReport && i.reason !== 'component' ? ', same report' : ''}
                    {e.event.length > 1 ? <span class="muted"> · one event with {e.event.filter((m) => m !== i.claim).join(', ')} (counted once: {e.best})</span> : null}
                  </td>
                  {reviewer && (
                    <td>
                      {i.reason === 'attached' ? (
                        <button class="plain" disabled={busy} data-toll-action="undo" data-incident={i.claim} onClick={() => decide(i.claim, 'undo')}>
                          Undo attach
                        </button>
                      ) : (
                        <button class="plain" disabled={busy} data-toll-action="detach" data-incident={i.claim} onClick={() => decide(i.claim, 'detach')}>
                          Detach
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              );
            }),
          )}
          {t.events.length === 0 && (
            <tr>
              <td colSpan={(compact ? 3 : 6) + (reviewer ? 1 : 0)} class="muted">
                No incident on record inside this toll: all of it is known only from the toll.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {t.detached.length > 0 && (
        <ul class="detached" data-testid="toll-detached">
          {t.detached.map((id) => (
            <li key={id} data-detached={id}>
              {id} detached: inside the toll’s area and window, but not part of it{' '}
              {reviewer && (
                <button class="plain" disabled={busy} data-toll-action="undo" data-incident={id} onClick={() => decide(id, 'undo')}>
                  Undo detach
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {reviewer && (
        <form
          class="row attach"
          onSubmit={(e) => {
            e.preventDefault();
            if (attach.trim()) void decide(attach.trim(), 'attach');
          }}
        >
          <label>
            Incident <input name="attach-incident" value={attach} placeholder="c34" size={8} onInput={(e) => setAttach(e.currentTarget.value)} />
          </label>
          <label class="grow">
            Comment <input name="toll-comment" value={comment} placeholder="why (kept with the decision)" onInput={(e) => setComment(e.currentTarget.value)} />
          </label>
          <button type="submit" disabled={busy || !attach.trim()} data-toll-action="attach">
            Attach to this toll
          </button>
        </form>
      )}
      {t.decisions.length > 0 && (
        <ul class="reviews" data-testid="toll-decisions">
          {t.decisions.map((d) => (
            <li key={d.incident}>
              {d.incident} {d.verdict}ed{d.by ? ` by ${d.by}` : ''} {d.at?.slice(0, 16).replace('T', ' ') ?? ''}
              {d.comment ? `: ${d.comment}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A toll claim's coverage, loaded from its claim (the server decides over which claims: reviewed ones, or proposed too for a proposed toll). */
export function TollClaimCoverage({ id, reviewer, compact = false }: { id: string; reviewer: boolean; compact?: boolean }) {
  const [detail, setDetail] = useState<ClaimDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api.claim(id).then(setDetail, (e: Error) => setError(e.message));
  }, [id, version]);
  if (error) return <p class="error">{error}</p>;
  if (!detail) return <p class="muted">Loading the coverage…</p>;
  if (!detail.coverage) return <p class="muted">This toll is not counted (rejected, or superseded by a re-extraction).</p>;
  return <TollCoverageCard t={detail.coverage} reviewer={reviewer} compact={compact} onDecided={() => setVersion((v) => v + 1)} />;
}

export function TollPage({ id, me }: { id: string; me: Me }) {
  const [detail, setDetail] = useState<ClaimDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reviewer = mayReview(me);
  useEffect(() => {
    api.claim(id).then(
      (d) => (d.claim.kind === 'toll' ? setDetail(d) : setError(`${id} is ${d.claim.kind === 'incident' ? 'an' : 'a'} ${d.claim.kind} claim, not a toll`)),
      (e: Error) => setError(e.message),
    );
  }, [id, version]);
  if (error) return <p class="error">{error}</p>;
  if (!detail) return <p class="muted">Loading…</p>;
  const t = detail.coverage;
  return (
    <section class="toll" data-toll-page={detail.claim.id}>
      <p>
        <a href="#/tolls">← Tolls</a>
      </p>
      <h1>
        {detail.claim.id}: toll of {t ? tollFigure(t) : fmt(detail.claim.current.fatalities?.best)} · {t?.place ?? '–'} · {t?.date ?? '–'}
      </h1>
      <p class="muted">
        {detail.report.outlet} · {detail.report.published} · report {detail.report.id} · {detail.claim.status}
        {reviewer ? (
          <>
            {' '}
            · <a href={`#/review/${detail.report.id}`}>review</a>
          </>
        ) : null}
      </p>
      {detail.claim.quotes.map((q) => (
        <blockquote key={q.start}>{q.text}</blockquote>
      ))}
      {t ? <TollCoverageCard t={t} reviewer={reviewer} onDecided={() => setVersion((v) => v + 1)} /> : <p class="muted">This toll is not counted (rejected, or superseded by a re-extraction).</p>}
    </section>
  );
}

/** One line per toll: its figure, what it covers and whether that fits. */
function TollRow({ t }: { t: TollCoverage }) {
  return (
    <tr data-toll={t.claim} data-state={stateOf(t)}>
      <td>
        <a href={`#/tolls/${t.claim}`}>{t.claim}</a>
        {t.status === 'proposed' ? <span class="muted"> (proposed)</span> : null}
      </td>
      <td>{t.outlet}</td>
      <td>{t.date ?? '–'}</td>
      <td>{t.place ?? '–'}</td>
      <td class="num">{tollFigure(t)}</td>
      <td>{sumLine(t)}</td>
      <td class={`cov-${stateOf(t)}`}>{verdictOf(t)}</td>
    </tr>
  );
}

function TollTable({ tolls, testid }: { tolls: TollCoverage[]; testid: string }) {
  return (
    <table class="data" data-testid={testid}>
      <thead>
        <tr>
          <th>Toll</th>
          <th>Source</th>
          <th>Date</th>
          <th>Place</th>
          <th class="num">Figure</th>
          <th>Incidents inside</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {tolls.map((t) => (
          <TollRow key={t.claim} t={t} />
        ))}
      </tbody>
    </table>
  );
}

export function TollsPage({ me }: { me: Me }) {
  const reviewer = mayReview(me);
  const [includeProposed, setIncludeProposed] = useState(false);
  const [out, setOut] = useState<Tolls | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.tolls({ includeProposed: includeProposed || undefined }).then(setOut, (e: Error) => setError(e.message));
  }, [includeProposed]);
  return (
    <section>
      <h1>Tolls</h1>
      <p class="muted">Cumulative tolls (“at least 124 in Latakia since Thursday”) and the incidents on record inside each: merged reports count once.</p>
      {reviewer && (
        <label>
          <input type="checkbox" name="includeProposed" checked={includeProposed} onChange={(e) => setIncludeProposed(e.currentTarget.checked)} /> also unreviewed tolls, incidents and proposed links
        </label>
      )}
      {error && <p class="error">{error}</p>}
      {out && (out.tolls.length ? <TollTable tolls={out.tolls} testid="tolls" /> : <p class="muted">No {out.includeProposed ? '' : 'reviewed '}tolls.</p>)}
      {out?.orphaned && out.orphaned.length > 0 && (
        <>
          <h2>Decisions orphaned by a re-extraction</h2>
          <p class="muted">A claim they name is no longer in its report’s latest extraction and had no successor: decide again.</p>
          <ul data-testid="orphaned">
            {out.orphaned.map((o) => (
              <li key={`${o.kind}${o.decision}`}>
                {o.kind} {o.verdict} {o.a} {o.b} by {o.by} {o.at.slice(0, 16).replace('T', ' ')} ({o.behind.map((b) => `${b.claim} of ${b.report}`).join(', ')} superseded)
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** On an incident's page: the tolls that count it (or an event it was merged into). */
export function CoveringTolls({ incident, reviewer }: { incident: string; reviewer: boolean }) {
  const [tolls, setTolls] = useState<TollCoverage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Reviewers also see the tolls nobody has reviewed yet: most tolls arrive with the incidents they sum.
    api.tolls({ incident, includeProposed: reviewer || undefined }).then((o) => setTolls(o.tolls), (e: Error) => setError(e.message));
  }, [incident, reviewer]);
  if (error) return <p class="error">{error}</p>;
  if (!tolls) return null;
  return tolls.length ? <TollTable tolls={tolls} testid="covering-tolls" /> : <p class="muted" data-testid="covering-tolls">No toll on record covers this incident.</p>;
}
