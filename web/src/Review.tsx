// The review queue: a report's text with its claims' values highlighted; confirm (c), reject (r), correct, next / previous (j / k).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, fmt, range, type Claim, type ClaimsPage, type ReportDetail } from './api.js';
import { HighlightedText } from './Highlight.js';
import { TollClaimCoverage } from './Toll.js';

const QUALIFIERS = ['exact', 'at_least', 'at_most', 'approx'];

export function ReviewPage({ reportId }: { reportId?: string | undefined }) {
  const [queue, setQueue] = useState<ClaimsPage | null>(null);
  const [detail, setDetail] = useState<ReportDetail | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [correcting, setCorrecting] = useState(false);

  const current = reportId ?? queue?.items[0]?.report ?? null;
  const claims: Claim[] = detail?.extractions.flatMap((e) => e.claims) ?? [];
  const claim = claims.find((c) => c.id === selected) ?? null;

  const loadQueue = useCallback(() => api.queue().then(setQueue, (e: Error) => setError(e.message)), []);
  useEffect(() => void loadQueue(), [loadQueue]);

  const loadReport = useCallback(async (id: string, keep?: string | null) => {
    const d = await api.report(id);
    setDetail(d);
    const all = d.extractions.flatMap((e) => e.claims);
    setSelected((prev) => {
      const want = keep ?? prev;
      if (want && all.some((c) => c.id === want)) return want;
      return (all.find((c) => c.status === 'proposed') ?? all[0])?.id ?? null;
    });
  }, []);
  useEffect(() => {
    if (current) loadReport(current).catch((e: Error) => setError(e.message));
    else setDetail(null);
  }, [current, loadReport]);

  /** j / k: the next or previous claim of this report; past the last, the next report with proposed claims. */
  const move = useCallback(
    (step: 1 | -1) => {
      const at = claims.findIndex((c) => c.id === selected);
      const next = claims[at + step];
      if (next) return setSelected(next.id);
      if (step === 1 && queue) {
        const other = queue.items.find((c) => c.report !== current);
        if (other) location.hash = `#/review/${other.report}`;
      }
    },
    [claims, selected, queue, current],
  );

  const decide = useCallback(
    async (action: 'confirm' | 'reject' | 'correct', body: { comment?: string; patch?: Record<string, unknown> } = {}) => {
      if (!claim || !current || busy) return;
      setBusy(true);
      setError(null);
      try {
        await api.decide(claim.id, action, { ...body, ...(claim.status !== 'proposed' ? { redecide: true } : {}) });
        setCorrecting(false);
        // On to the next proposed claim of this report after this one, or the first proposed one.
        const at = claims.findIndex((c) => c.id === claim.id);
        const later = [...claims.slice(at + 1), ...claims.slice(0, at)].find((c) => c.status === 'proposed');
        await Promise.all([loadReport(current, later?.id ?? claim.id), loadQueue()]);
      } catch (e) {
        setError((e as Error).message);
      } finally {
        setBusy(false);
      }
    },
    [claim, current, busy, claims, loadReport, loadQueue],
  );

  // The key handler reads the latest move / decide through a ref set at every render: a listener re-registered in an
  // effect would miss the keys pressed between a render and its effect, and act on the claim shown before.
  const latest = useRef({ move, decide });
  latest.current = { move, decide };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey || (t && /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      const { move, decide } = latest.current;
      if (e.key === 'j') move(1);
      else if (e.key === 'k') move(-1);
      else if (e.key === 'c') void decide('confirm');
      else if (e.key === 'r') void decide('reject');
      else if (e.key === 'e') setCorrecting(true);
      else return;
      e.preventDefault();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  const reports = [...new Map((queue?.items ?? []).map((c) => [c.report, c])).values()];
  return (
    <section class="review">
      <aside class="queue">
        <h2>Queue</h2>
        <p class="muted" data-testid="queue-count">
          {queue ? `${queue.counts.proposed ?? 0} proposed · ${queue.counts.confirmed ?? 0} confirmed · ${queue.counts.corrected ?? 0} corrected · ${queue.counts.rejected ?? 0} rejected` : 'loading…'}
        </p>
        <ul>
          {reports.map((c) => (
            <li key={c.report} class={c.report === current ? 'active' : ''}>
              <a href={`#/review/${c.report}`}>
                {c.report} · {c.outlet} · {c.published} ({queue!.items.filter((x) => x.report === c.report).length})
              </a>
            </li>
          ))}
          {queue && reports.length === 0 && <li class="muted">Nothing to review.</li>}
        </ul>
        <p class="keys muted">
          <kbd>c</kbd> confirm · <kbd>r</kbd> reject · <kbd>e</kbd> correct · <kbd>j</kbd>/<kbd>k</kbd> next / previous
        </p>
      </aside>
      <div class="text-pane">
        {detail ? (
          <>
            <h1>
              {detail.report.id} · {detail.report.outlet} · {detail.report.published}
            </h1>
            <ol class="claim-chips">
              {claims.map((c) => (
                <li key={c.id}>
                  <button class={`chip st-${c.status}${c.id === selected ? ' sel' : ''}`} data-chip={c.id} onClick={() => setSelected(c.id)}>
                    {c.id} {c.kind} {c.current.fatalities ? fmt(c.current.fatalities.best) : (c.current.name ?? '')} · {c.status}
                  </button>
                </li>
              ))}
            </ol>
            {detail.body === null ? <p class="error">The report text cannot be read.</p> : <HighlightedText body={detail.body} claims={claims} selected={selected} onSelect={setSelected} />}
          </>
        ) : (
          <p class="muted">{current ? 'Loading…' : 'No report to review. Add one under “Add report”.'}</p>
        )}
      </div>
      <aside class="claim-pane">
        {error && <p class="error">{error}</p>}
        {claim ? <ClaimCard claim={claim} busy={busy} correcting={correcting} setCorrecting={setCorrecting} decide={decide} /> : <p class="muted">Click a highlighted value.</p>}
      </aside>
    </section>
  );
}

interface CardProps {
  claim: Claim;
  busy: boolean;
  correcting: boolean;
  setCorrecting: (b: boolean) => void;
  decide: (action: 'confirm' | 'reject' | 'correct', body?: { comment?: string; patch?: Record<string, unknown> }) => Promise<void>;
}

function ClaimCard({ claim, busy, correcting, setCorrecting, decide }: CardProps) {
  const d = claim.current;
  const f = d.fatalities;
  return (
    <div class="claim" data-claim-card={claim.id} data-status={claim.status}>
      <h2>
        {claim.id} <span class="kind">{claim.kind}</span> <span class={`status st-${claim.status}`}>{claim.status}</span>
      </h2>
      <dl>
        {f && (
          <>
            <dt>Killed</dt>
            <dd data-testid="fatalities">
              {range(f)} {d.qualifier && d.qualifier !== 'exact' ? `(${d.qualifier.replace('_', ' ')})` : ''}
            </dd>
          </>
        )}
        {f?.byCategory && Object.keys(f.byCategory).length > 0 && (
          <>
            <dt>By category</dt>
            <dd>{Object.entries(f.byCategory).map(([k, v]) => `${k} ${v}`).join(' · ')}</dd>
          </>
        )}
        {d.name && (
          <>
            <dt>Name</dt>
            <dd>
              {d.name}
              {d.sex ? ` · ${d.sex}` : ''}
              {d.age != null ? ` · ${d.age}` : ''}
              {d.cause ? ` · ${d.cause}` : ''}
            </dd>
          </>
        )}
        {d.date && (
          <>
            <dt>Date</dt>
            <dd>{d.date.start === d.date.end ? d.date.start : `${d.date.start} – ${d.date.end}`}</dd>
          </>
        )}
        {d.eventType && (
          <>
            <dt>Type</dt>
            <dd>
              {d.eventType}
              {d.subEventType ? ` / ${d.subEventType}` : ''}
            </dd>
          </>
        )}
        {(d.places?.length || d.place) && (
          <>
            <dt>Places</dt>
            <dd>{(d.places ?? (d.place ? [d.place] : [])).map((p) => p.name).join(', ')}</dd>
          </>
        )}
        {d.actors?.length ? (
          <>
            <dt>Actors</dt>
            <dd>{d.actors.map((a) => a.name).join(', ')}</dd>
          </>
        ) : null}
        {d.attributions?.length ? (
          <>
            <dt>Sources</dt>
            <dd>{d.attributions.map((a) => `${a.source} (${a.verb})`).join(', ')}</dd>
          </>
        ) : null}
      </dl>
      <div class="buttons">
        <button data-action="confirm" disabled={busy} onClick={() => decide('confirm')}>
          Confirm <kbd>c</kbd>
        </button>
        <button data-action="reject" class="danger" disabled={busy} onClick={() => decide('reject')}>
          Reject <kbd>r</kbd>
        </button>
        <button data-action="correct" class="plain" disabled={busy} onClick={() => setCorrecting(!correcting)}>
          Correct <kbd>e</kbd>
        </button>
      </div>
      {correcting && <CorrectionForm claim={claim} busy={busy} decide={decide} />}
      {claim.kind === 'toll' && (
        <>
          <h3>
            Coverage <a href={`#/tolls/${claim.id}`} class="small">open</a>
          </h3>
          {/* Keyed by status: a review changes which claims the coverage counts. */}
          <TollClaimCoverage key={`${claim.id}:${claim.status}`} id={claim.id} reviewer compact />
        </>
      )}
      <h3>Quotes</h3>
      <ul class="quotes">
        {claim.quotes.map((q) => (
          <li key={`${q.start}`}>“{q.text}”</li>
        ))}
      </ul>
      {claim.reviews.length > 0 && (
        <>
          <h3>Reviews</h3>
          <ul class="reviews">
            {claim.reviews.map((r) => (
              <li key={r.at}>
                {r.at.slice(0, 16).replace('T', ' ')} {r.user} {r.action}
                {r.comment ? `: ${r.comment}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="muted small">rules: {claim.rules.join(', ')}</p>
    </div>
  );
}

function CorrectionForm({ claim, busy, decide }: { claim: Claim; busy: boolean; decide: CardProps['decide'] }) {
  const f = claim.current.fatalities;
  const [best, setBest] = useState(f?.best != null ? String(f.best) : '');
  const [low, setLow] = useState(f?.low != null ? String(f.low) : '');
  const [high, setHigh] = useState(f?.high != null ? String(f.high) : '');
  const [qualifier, setQualifier] = useState(claim.current.qualifier ?? 'exact');
  const [comment, setComment] = useState('');
  const num = (s: string) => (s.trim() === '' ? null : Number(s));
  return (
    <form
      class="correction"
      onSubmit={(e) => {
        e.preventDefault();
        const patch: Record<string, unknown> = {};
        if (f) {
          const next = { best: num(best), low: num(low), high: num(high) };
          const changed = Object.fromEntries(Object.entries(next).filter(([k, v]) => v !== f[k as keyof typeof next]));
          if (Object.keys(changed).length) patch.fatalities = changed;
        }
        if (qualifier !== (claim.current.qualifier ?? 'exact')) patch.qualifier = qualifier;
        void decide('correct', { patch, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      }}
    >
      {f && (
        <div class="row">
          <label>
            Best <input name="best" type="number" min="0" value={best} onInput={(e) => {
                const v = e.currentTarget.value;
                // low and high that equalled the best figure follow it.
                if (low === best) setLow(v);
                if (high === best) setHigh(v);
                setBest(v);
              }} />
          </label>
          <label>
            Low <input name="low" type="number" min="0" value={low} onInput={(e) => setLow(e.currentTarget.value)} />
          </label>
          <label>
            High <input name="high" type="number" min="0" value={high} onInput={(e) => setHigh(e.currentTarget.value)} />
          </label>
        </div>
      )}
      {claim.kind !== 'victim' && (
        <label>
          Qualifier{' '}
          <select name="qualifier" value={qualifier} onChange={(e) => setQualifier(e.currentTarget.value)}>
            {QUALIFIERS.map((q) => (
              <option key={q} value={q}>
                {q.replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
      )}
      <label class="block">
        Comment <input name="comment" value={comment} onInput={(e) => setComment(e.currentTarget.value)} placeholder="why" />
      </label>
      <button type="submit" disabled={busy}>
        Save correction
      </button>
    </form>
  );
}
