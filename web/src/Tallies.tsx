// Tallies: low / best / high over reviewed claims, grouped, each with its sources and conflicts; exports of the same
// filters in every format the server's OpenAPI document lists for /api/export/{format}.
import { useEffect, useState } from 'preact/hooks';
import { api, query, type Filters, type Me, type Tally } from './api.js';
import { FilterBar } from './FilterBar.js';

const GROUPS = ['', 'category', 'admin1', 'day', 'actor'];
const EXPORT_PATH = '/api/export/{format}';

interface OpenApiParameter {
  name?: string;
  in?: string;
  schema?: { enum?: unknown[] };
}

/**
 * The export formats this server offers, read from its OpenAPI document (the path parameter's enum), so a format
 * added on the server appears here without a UI change. The full JSON dump is for admins and is not offered to others.
 */
export function exportFormats(doc: { paths?: Record<string, unknown> }, me: Me): string[] {
  const get = (doc.paths?.[EXPORT_PATH] as { get?: { parameters?: OpenApiParameter[] } } | undefined)?.get;
  const format = get?.parameters?.find((p) => p.in === 'path' && p.name === 'format');
  const formats = (format?.schema?.enum ?? []).filter((f): f is string => typeof f === 'string');
  return formats.filter((f) => f !== 'json' || me.role === 'admin');
}

export function TalliesPage({ filters, onFilters, me }: { filters: Filters; onFilters: (f: Filters) => void; me: Me }) {
  const [by, setBy] = useState('');
  const [tally, setTally] = useState<Tally | null>(null);
  const [exports, setExports] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.tally({ ...filters, by: by || undefined }).then(setTally, (e: Error) => setError(e.message));
  }, [filters, by]);
  useEffect(() => {
    api.openapi().then((doc) => setExports(exportFormats(doc, me)), (e: Error) => setError(`the export formats could not be read: ${e.message}`));
  }, [me]);
  const q = query({ place: filters.place, from: filters.from, to: filters.to });
  return (
    <section>
      <h1>Tallies</h1>
      <FilterBar filters={filters} onChange={onFilters} />
      <label>
        Group by{' '}
        <select name="by" value={by} onChange={(e) => setBy(e.currentTarget.value)}>
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {g || 'nothing (one total)'}
            </option>
          ))}
        </select>
      </label>
      {error && <p class="error">{error}</p>}
      {tally && (
        <>
          <p class="total" data-testid="tally-total" data-best={tally.best} data-low={tally.low} data-high={tally.high}>
            Killed: <strong>{tally.best}</strong>
            {tally.openEnded ? '+' : ''} <span class="muted">(low {tally.low}, high {tally.high}{tally.openEnded ? ', open-ended' : ''})</span> · {tally.counted.incidents} incident(s), {tally.counted.tolls} toll(s),{' '}
            {tally.counted.mergedEvents} merged event(s)
          </p>
          <table class="data" data-testid="tally">
            <thead>
              <tr>
                <th>Group</th>
                <th class="num">Low</th>
                <th class="num">Best</th>
                <th class="num">High</th>
                <th class="num">Events</th>
                <th>Sources</th>
                <th>Conflicts</th>
              </tr>
            </thead>
            <tbody>
              {tally.groups.map((g) => (
                <tr key={g.key} data-group={g.key}>
                  <td>{g.key}</td>
                  <td class="num">{g.low}</td>
                  <td class="num">
                    {g.best}
                    {g.openEnded ? '+' : ''}
                  </td>
                  <td class="num">{g.high}</td>
                  <td class="num">{g.events}</td>
                  <td>
                    {g.sources.map((s) => (
                      <div key={s.claim}>
                        <a href={s.kind === 'incident' ? `#/incidents/${s.claim}` : `#/tolls/${s.claim}`}>{s.claim}</a> {s.outlet}: {s.figure ?? '–'}{' '}
                        <span class="muted">
                          ({s.kind}, {s.role}
                          {s.covers ? `, covers ${s.covers.length ? s.covers.join(', ') : 'no incident on record'}` : ''})
                        </span>
                      </div>
                    ))}
                  </td>
                  <td>
                    {g.conflicts.map((c) => (
                      <div key={c.event.join()}>{c.figures.map((f) => `${f.outlet} ${f.best}`).join(' vs ')}</div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {tally.notes.length > 0 && (
            <ul class="notes muted">
              {tally.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {exports.length > 0 && (
        <p class="exports" data-testid="exports">
          Export:{' '}
          {exports.map((format) => (
            <a key={format} class="button" data-export={format} href={`/api/export/${encodeURIComponent(format)}${q}`} download>
              {format}
            </a>
          ))}
        </p>
      )}
    </section>
  );
}
