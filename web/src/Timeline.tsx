// Fatalities per day from the tally (by day), stacked by category, with the low–high band behind each day (plain SVG).
import { useEffect, useState } from 'preact/hooks';
import { api, type Filters, type Incident, type Tally } from './api.js';
import { FilterBar } from './FilterBar.js';

export const CATEGORY_COLORS: Record<string, string> = { civilians: '#c0392b', stateForces: '#2c6e9b', nonStateFighters: '#d68910', unknown: '#7f8c8d' };
const CATS = Object.keys(CATEGORY_COLORS);
const DAY = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface DayRow {
  day: string;
  stack: Record<string, number>;
  low: number;
  best: number;
  high: number;
}

/**
 * The tally's days (an event on its first day, merged events once), each stacked by the categories of the incident
 * figures the tally took as best; what no category holds is "unknown".
 */
function rows(incidents: Incident[], tally: Tally): DayRow[] {
  const byId = new Map(incidents.map((i) => [i.id, i]));
  return tally.groups
    .filter((g) => /^\d{4}-\d{2}-\d{2}$/.test(g.key))
    .map((g) => {
      const stack: Record<string, number> = {};
      let known = 0;
      for (const s of g.sources) {
        if (s.kind !== 'incident' || s.role !== 'best') continue;
        for (const [k, v] of Object.entries(byId.get(s.claim)?.fatalities.byCategory ?? {})) {
          const cat = CATS.includes(k) ? k : 'unknown';
          stack[cat] = (stack[cat] ?? 0) + v;
          known += v;
        }
      }
      if (g.best > known) stack.unknown = (stack.unknown ?? 0) + g.best - known;
      return { day: g.key, stack, low: g.low, best: g.best, high: g.high };
    })
    .sort((a, b) => a.day.localeCompare(b.day));
}

export function TimelinePage({ filters, onFilters }: { filters: Filters; onFilters: (f: Filters) => void }) {
  const [data, setData] = useState<DayRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([api.incidents(filters), api.tally({ ...filters, by: 'day' })]).then(([i, t]) => setData(rows(i.items, t)), (e: Error) => setError(e.message));
  }, [filters]);

  return (
    <section>
      <h1>Timeline</h1>
      <FilterBar filters={filters} onChange={onFilters} />
      {error && <p class="error">{error}</p>}
      {data && (data.length ? <Chart data={data} /> : <p class="muted">No reviewed fatalities in this range.</p>)}
      <p class="legend">
        {CATS.map((c) => (
          <span key={c}>
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" fill={CATEGORY_COLORS[c]} />
            </svg>{' '}
            {c}
          </span>
        ))}
        <span>
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" class="band" />
          </svg>{' '}
          low–high (tally)
        </span>
      </p>
    </section>
  );
}

function Chart({ data }: { data: DayRow[] }) {
  const first = toMs(data[0]!.day) - DAY;
  const last = toMs(data[data.length - 1]!.day) + DAY;
  const days = Math.round((last - first) / DAY) + 1;
  const W = 900;
  const H = 320;
  const pad = { l: 48, r: 12, t: 12, b: 40 };
  const peak = Math.max(1, ...data.map((d) => Math.max(d.high, d.best, Object.values(d.stack).reduce((a, b) => a + b, 0))));
  const top = Math.ceil(peak * 1.1);
  const step = (W - pad.l - pad.r) / days;
  const bar = Math.max(2, Math.min(40, step * 0.6));
  const x = (day: string) => pad.l + ((toMs(day) - first) / DAY) * step + step / 2;
  const y = (v: number) => H - pad.b - (v / top) * (H - pad.t - pad.b);
  const ticks = [0, Math.round(peak / 2), peak];
  const labelEvery = Math.max(1, Math.ceil(days / 10));
  return (
    <svg class="timeline" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="fatalities per day" data-testid="timeline">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={pad.l} x2={W - pad.r} y1={y(t)} y2={y(t)} class="grid" />
          <text x={pad.l - 6} y={y(t) + 4} text-anchor="end" class="axis">
            {t}
          </text>
        </g>
      ))}
      {Array.from({ length: days }, (_, k) => toDay(first + k * DAY))
        .filter((_, k) => k % labelEvery === 0)
        .map((d) => (
          <text key={d} x={x(d)} y={H - pad.b + 16} text-anchor="middle" class="axis">
            {d.slice(5)}
          </text>
        ))}
      {data.map((d) => {
        let acc = 0;
        return (
          <g key={d.day} data-day={d.day} data-best={d.best} data-low={d.low} data-high={d.high}>
            {d.high > 0 && <rect class="band" x={x(d.day) - bar * 0.8} width={bar * 1.6} y={y(d.high) - 3} height={y(d.low) - y(d.high) + 6} />}
            {CATS.filter((c) => d.stack[c]).map((c) => {
              const v = d.stack[c]!;
              const r = <rect key={c} data-category={c} x={x(d.day) - bar / 2} width={bar} y={y(acc + v)} height={y(acc) - y(acc + v)} fill={CATEGORY_COLORS[c]} />;
              acc += v;
              return r;
            })}
            {d.best > 0 && <line class="best" x1={x(d.day) - bar * 0.8} x2={x(d.day) + bar * 0.8} y1={y(d.best)} y2={y(d.best)} />}
            <title>{`${d.day}: ${d.best} (${d.low}–${d.high}); ${Object.entries(d.stack).map(([k, v]) => `${k} ${v}`).join(', ')}`}</title>
          </g>
        );
      })}
    </svg>
  );
}
