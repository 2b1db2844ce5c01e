// Reviewed incidents: a filtered list, and one incident with its sources side by side, conflicting figures, the tolls
// that cover it and its merge history.
import { useEffect, useState } from 'preact/hooks';
import { api, fmt, mayReview, range, type AuditEntry, type AuditReview, type Filters, type Incident, type LinkPair, type Me } from './api.js';
import { FilterBar } from './FilterBar.js';
import { CoveringTolls } from './Toll.js';

const placeOf = (i: Incident) => i.places.map((p) => p.name).join(', ') || '–';
const dateOf = (i: Incident) => (i.date ? (i.date.start === i.date.end ? i.date.start : `${i.date.start} – ${i.date.end}`) : '–');

export function IncidentsPage({ filters, onFilters }: { filters: Filters; onFilters: (f: Filters) => void }) {
  const [items, setItems] = useState<Incident[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.incidents(filters).then((p) => setItems(p.items), (e: Error) => setError(e.message));
  }, [filters]);
  return (
    <section>
      <h1>Incidents</h1>
      <FilterBar filters={filters} onChange={onFilters} />
      {error && <p class="error">{error}</p>}
      <table class="data" data-testid="incidents">
        <thead>
          <tr>
            <th>Claim</th>
            <th>Date</th>
            <th>Place</th>
            <th>Type</th>
            <th class="num">Killed</th>
            <th>Sources</th>
          </tr>
        </thead>
        <tbody>
          {items?.map((i) => (
            <tr key={i.id}>
              <td>
                <a href={`#/incidents/${i.id}`}>{i.id}</a>
              </td>
              <td>{dateOf(i)}</td>
              <td>{placeOf(i)}</td>
              <td>{i.subEventType ?? i.eventType ?? '–'}</td>
              <td class="num">{range(i.fatalities)}</td>
              <td>{i.sources.map((s) => s.outlet).join(', ')}</td>
            </tr>
          ))}
          {items?.length === 0 && (
            <tr>
              <td colSpan={6} class="muted">
                No reviewed incidents match.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

/** One reviewed incident by its claim id: the first one after the id before it. */
async function incidentById(id: string): Promise<Incident | null> {
  const n = Number(id.replace(/^c/i, ''));
  if (!Number.isInteger(n) || n < 1) return null;
  const page = await api.incidents(n > 1 ? { after: `c${n - 1}` } : {}, 1);
  return page.items[0]?.claimId === n ? page.items[0] : null;
}

interface Column {
  id: string;
  incident: Incident | null;
  pair: LinkPair | null;
}

export function IncidentPage({ id, me }: { id: string; me: Me }) {
  const [columns, setColumns] = useState<Column[] | null>(null);
  const [history, setHistory] = useState<AuditReview[]>([]);
  const [merges, setMerges] = useState<AuditEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reviewer = mayReview(me);
  useEffect(() => {
    (async () => {
      const main = await incidentById(id);
      if (!main) throw new Error(`no reviewed incident ${id}`);
      const cols: Column[] = [{ id: main.id, incident: main, pair: null }];
      if (reviewer) {
        // Merged (or proposed as the same event) incidents of other reports, each with its own source.
        const links = await api.links();
        for (const p of links.pairs) {
          if (p.a !== main.id && p.b !== main.id) continue;
          const other = p.a === main.id ? p.b : p.a;
          cols.push({ id: other, incident: await incidentById(other), pair: p });
        }
        // The merge history: every link decision on record that involves this incident, undone ones too.
        const log = await api.audit({ entity: 'incident_link' });
        setMerges(log.items.filter((e) => e.entityId.split('/').includes(main.id)));
      }
      setColumns(cols);
      const claim = await api.report(main.sources[0]!.report).catch(() => null);
      setHistory(claim?.extractions.flatMap((e) => e.claims).find((c) => c.id === main.id)?.reviews ?? []);
    })().catch((e: Error) => setError(e.message));
  }, [id, reviewer, version]);

  const decideLink = (p: LinkPair, verdict: 'merge' | 'split' | 'undo') =>
    api.decideLink(p.a, p.b, verdict).then(
      () => setVersion((v) => v + 1),
      (e: Error) => setError(e.message),
    );

  if (error) return <p class="error">{error}</p>;
  if (!columns) return <p class="muted">Loading…</p>;
  const main = columns[0]!.incident!;
  const figures = columns.filter((c) => c.incident).map((c) => ({ id: c.id, outlet: c.incident!.sources[0]?.outlet ?? '', best: c.incident!.fatalities.best }));
  const conflicting = new Set(figures.map((f) => f.best)).size > 1;

  return (
    <section class="incident" data-incident={main.id}>
      <p>
        <a href="#/incidents">← Incidents</a>
      </p>
      <h1>
        {main.id}: {range(main.fatalities)} killed · {placeOf(main)} · {dateOf(main)}
      </h1>
      <p class="muted">
        {main.eventType ?? ''}
        {main.subEventType ? ` / ${main.subEventType}` : ''} · {main.status} · actors: {main.actors.map((a) => a.name).join(', ') || '–'} · by category:{' '}
        {Object.entries(main.fatalities.byCategory).map(([k, v]) => `${k} ${v}`).join(', ') || '–'}
      </p>
      {conflicting && (
        <div class="conflict" data-testid="conflict">
          <strong>Conflicting figures:</strong> {figures.map((f) => `${f.outlet} (${f.id}) ${fmt(f.best)}`).join(' · ')}
        </div>
      )}
      <div class="sources">
        {columns.map((c) => (
          <article class="source" key={c.id} data-source={c.id}>
            {c.incident ? (
              c.incident.sources.map((s) => (
                <div key={s.report}>
                  <h2>
                    {s.outlet} <span class="muted">{s.published}</span>
                  </h2>
                  <p class="muted">
                    {c.id} · report {s.report} · killed {range(c.incident!.fatalities)}
                    {s.attributions.length ? ` · according to ${s.attributions.map((a) => a.source).join(', ')}` : ''}
                  </p>
                  {s.quotes.map((q) => (
                    <blockquote key={q.start}>{q.text}</blockquote>
                  ))}
                  {s.url && /^https?:\/\//.test(s.url) && (
                    <p>
                      <a href={s.url} rel="noreferrer noopener" target="_blank">
                        {s.url}
                      </a>
                    </p>
                  )}
                </div>
              ))
            ) : (
              <p class="muted">{c.id}: not reviewed yet</p>
            )}
            {c.pair && (
              <p class="link-note">
                linked (score {c.pair.score?.toFixed(2) ?? '–'}; {c.pair.reasons.join(', ')}):{' '}
                {c.pair.decision ? `${c.pair.decision.verdict} by ${c.pair.decision.by ?? '?'} ${c.pair.decision.at?.slice(0, 10) ?? ''}${c.pair.decision.comment ? ` — ${c.pair.decision.comment}` : ''}` : 'proposed, not decided'}
              </p>
            )}
            {c.pair && reviewer && (
              <p class="buttons">
                {c.pair.decision ? (
                  <button class="plain" data-link-action="undo" onClick={() => decideLink(c.pair!, 'undo')}>
                    Undo {c.pair.decision.verdict}
                  </button>
                ) : (
                  <>
                    <button data-link-action="merge" onClick={() => decideLink(c.pair!, 'merge')}>
                      Merge: same event
                    </button>{' '}
                    <button class="plain" data-link-action="split" onClick={() => decideLink(c.pair!, 'split')}>
                      Split: different events
                    </button>
                  </>
                )}
              </p>
            )}
          </article>
        ))}
      </div>
      <h2>Tolls that cover it</h2>
      <CoveringTolls incident={main.id} reviewer={reviewer} />
      <h2>History</h2>
      <ul class="reviews" data-testid="history">
        {history.map((r) => (
          <li key={r.at}>
            {r.at.slice(0, 16).replace('T', ' ')} {r.user} {r.action}
            {r.comment ? `: ${r.comment}` : ''}
          </li>
        ))}
        {merges.map((e) => (
          <li key={e.seq} data-merge={e.entityId}>
            {e.at.slice(0, 16).replace('T', ' ')} {e.actor} {e.action.replace('link.', '')} {e.entityId}
            {typeof (e.after as { comment?: unknown } | null)?.comment === 'string' ? `: ${(e.after as { comment: string }).comment}` : ''}
          </li>
        ))}
        {history.length === 0 && merges.length === 0 && <li class="muted">No reviews or merges on record that this role may see.</li>}
      </ul>
    </section>
  );
}
